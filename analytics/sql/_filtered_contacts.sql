-- Included by other queries with the filtered_contacts include tag: the contacts that pass the shared
-- filters. Every filter is a bound parameter; a null parameter means "no filter".
-- $reasons_as_recorded: a contact relabelled by an accepted suggestion counts under the reason
-- the agent recorded (recorded_l*) instead of the accepted one (reason_l*).
select c.*
from (
    select * replace (
        if($reasons_as_recorded and recorded_l1 is not null, recorded_l1, reason_l1) as reason_l1,
        if($reasons_as_recorded and recorded_l1 is not null, recorded_l2, reason_l2) as reason_l2,
        if($reasons_as_recorded and recorded_l1 is not null, recorded_l3, reason_l3) as reason_l3)
    from contacts
) as c
where c.started_at >= $start
  and c.started_at < $end_exclusive
  and ($reason_l1 is null or c.reason_l1 = $reason_l1)
  and ($reason_l2 is null or c.reason_l2 = $reason_l2)
  and ($reason_l3 is null or c.reason_l3 = $reason_l3)
  and ($channel is null or c.channel = $channel)
  and ($channel_group is null or c.channel in (
        select channel from channels where channel_group = $channel_group))
  and ($department is null or c.department = $department)
