-- Included by other queries with the filtered_days include tag: the daily aggregate rows
-- (contact_days, one per day x channel x reason path x department) that pass the shared
-- filters, as _filtered_contacts.sql does for single contacts. The period is whole days:
-- $start and $end_exclusive are midnights (ContactFilter.params()), so the rows hold
-- exactly the filtered contacts. Every filter is a bound parameter; null means no filter.
-- $reasons_as_recorded: count the reasons as the agents recorded them instead of with the
-- accepted suggestions: the rows plus contact_days_recorded_delta, netted per key (a key
-- whose contacts all moved drops out; a sum over no recorded value stays null), so any
-- query that sums measures gets what the contacts give.
select d.*
from (
    select * from contact_days where not $reasons_as_recorded
    union all by name
    select
        day, channel, reason_l1, reason_l2, reason_l3, department,
        sum(contacts)::bigint                                                 as contacts,
        case when sum(handled_contacts) > 0 then sum(handle_seconds_sum) end  as handle_seconds_sum,
        sum(handled_contacts)::bigint                                         as handled_contacts,
        case when sum(waited_contacts) > 0 then sum(wait_seconds_sum) end     as wait_seconds_sum,
        sum(waited_contacts)::bigint                                          as waited_contacts,
        sum(resolved_contacts)::bigint                                        as resolved_contacts,
        sum(resolution_known)::bigint                                         as resolution_known,
        case when sum(csat_rated) > 0 then sum(csat_pct_sum) end              as csat_pct_sum,
        sum(csat_rated)::bigint                                               as csat_rated,
        sum(product_known)::bigint                                            as product_known,
        sum(supplier_known)::bigint                                           as supplier_known,
        sum(segment_known)::bigint                                            as segment_known
    from (select * from contact_days union all by name select * from contact_days_recorded_delta)
    where $reasons_as_recorded
    group by day, channel, reason_l1, reason_l2, reason_l3, department
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
