-- One row per event (public holidays excluded: the baseline's calendar has them) that
-- overlaps the days $start .. $end (inclusive), with its reason scope (null: all reasons).
with final as (
    select event_id, name, kind, starts_on, ends_on, foreseen, reason_l1, reason_l2, reason_l3, channel
    from events
    where kind <> 'holiday'
      and starts_on <= $end
      and ends_on >= $start
)

select * from final order by starts_on, event_id
