-- One row per event, newest first.
select event_id, name, kind, starts_on, ends_on, foreseen, reason_l1, reason_l2, reason_l3, channel, note
from events
order by starts_on desc, event_id desc
