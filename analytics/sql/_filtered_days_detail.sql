-- Included by other queries with the filtered_days_detail include tag: the detail rows
-- (contact_days_detail, also split by product, supplier, segment) that pass the shared
-- filters, as _filtered_contacts.sql does for single contacts. The period is whole days:
-- $start and $end_exclusive are midnights (ContactFilter.params()), so the rows hold
-- exactly the filtered contacts. Every filter is a bound parameter; null means no filter.
-- $reasons_as_recorded: the reasons as recorded, as in _filtered_days.sql (the rows plus
-- contact_days_detail_recorded_delta, netted per key).
select d.*
from (
    select * from contact_days_detail where not $reasons_as_recorded
    union all by name
    select
        day, channel, reason_l1, reason_l2, reason_l3, department, product, supplier, segment,
        sum(contacts)::bigint                                                 as contacts,
        case when sum(handled_contacts) > 0 then sum(handle_seconds_sum) end  as handle_seconds_sum,
        sum(handled_contacts)::bigint                                         as handled_contacts,
        case when sum(waited_contacts) > 0 then sum(wait_seconds_sum) end     as wait_seconds_sum,
        sum(waited_contacts)::bigint                                          as waited_contacts,
        sum(resolved_contacts)::bigint                                        as resolved_contacts,
        sum(resolution_known)::bigint                                         as resolution_known,
        case when sum(csat_rated) > 0 then sum(csat_pct_sum) end              as csat_pct_sum,
        sum(csat_rated)::bigint                                               as csat_rated
    from (select * from contact_days_detail union all by name select * from contact_days_detail_recorded_delta)
    where $reasons_as_recorded
    group by day, channel, reason_l1, reason_l2, reason_l3, department, product, supplier, segment
    having sum(contacts) <> 0
) as d
where d.day >= cast($start as date)
  and d.day < cast($end_exclusive as date)
  and ($reason_l1 is null or d.reason_l1 = $reason_l1)
  and ($reason_l2 is null or d.reason_l2 = $reason_l2)
  and ($reason_l3 is null or d.reason_l3 = $reason_l3)
  and ($channel is null or d.channel = $channel)
  and ($channel_group is null or d.channel in (
        select channel from channels where channel_group = $channel_group))
  and ($department is null or d.department = $department)
