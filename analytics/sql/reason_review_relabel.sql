-- Move the contacts accepted in batch $batch_id to their suggested reason ($contact_ids
-- with $suggested_l1s, $suggested_l2s, $suggested_l3s at the same positions; '' for an
-- empty level), keeping the reason the agent recorded in recorded_l1..l3.
update contacts as c
set recorded_l1 = c.reason_l1,
    recorded_l2 = c.reason_l2,
    recorded_l3 = c.reason_l3,
    reason_l1   = s.suggested_l1,
    reason_l2   = s.suggested_l2,
    reason_l3   = s.suggested_l3
from (
    select unnest($contact_ids)   as contact_id,
           unnest($suggested_l1s) as suggested_l1,
           unnest($suggested_l2s) as suggested_l2,
           unnest($suggested_l3s) as suggested_l3
) as s
where c.contact_id = s.contact_id
  and c.recorded_l1 is null
  and s.contact_id in (select contact_id from reason_reviews where batch_id = $batch_id)
