-- One row per event that can move the filtered contacts: unscoped events, and events
-- scoped to the filtered reason (any level) or channel. Holidays come from the calendar.
with final as (
    select event_id, name, kind, starts_on, ends_on, foreseen, reason_l1, reason_l2, reason_l3, channel
    from events
    where kind <> 'holiday'
      and ($reason_l1 is null or reason_l1 is null or reason_l1 = $reason_l1)
      and ($reason_l2 is null or reason_l2 is null or reason_l2 = '' or reason_l2 = $reason_l2)
      and ($reason_l3 is null or reason_l3 is null or reason_l3 = '' or reason_l3 = $reason_l3)
      and ($channel is null or channel is null or channel = $channel)
      and ($channel_group is null or channel is null
           or channel in (select channel from channels where channel_group = $channel_group))
)

select * from final order by starts_on
