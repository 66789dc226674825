-- Included by other queries with the filtered_days_detail include tag: the detail rows
-- (contact_days_detail, also split by product, supplier, segment) that pass the shared
-- filters, as _filtered_contacts.sql does for single contacts. The period is whole days:
-- $start and $end_exclusive are midnights (ContactFilter.params()), so the rows hold
-- exactly the filtered contacts. Every filter is a bound parameter; null means no filter.
select d.*
from contact_days_detail as d
where d.day >= cast($start as date)
  and d.day < cast($end_exclusive as date)
  and ($reason_l1 is null or d.reason_l1 = $reason_l1)
  and ($reason_l2 is null or d.reason_l2 = $reason_l2)
  and ($reason_l3 is null or d.reason_l3 = $reason_l3)
  and ($channel is null or d.channel = $channel)
  and ($channel_group is null or d.channel in (
        select channel from channels where channel_group = $channel_group))
  and ($department is null or d.department = $department)
