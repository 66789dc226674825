-- One row per registered pilot, newest start first.
select pilot_id, name, hypothesis, owner, status, target_reasons, channels, segment, starts_on, ends_on,
       rollout_on, control_reasons, expected_effect, created_at, updated_at
from pilots
order by starts_on desc, name
