-- Put the contacts undone in batch $batch_id back under the reason the agent recorded, and
-- clear recorded_l1..l3 (never relabelled again, as far as the views can tell).
update contacts
set reason_l1   = recorded_l1,
    reason_l2   = recorded_l2,
    reason_l3   = recorded_l3,
    recorded_l1 = null,
    recorded_l2 = null,
    recorded_l3 = null
where recorded_l1 is not null
  and contact_id in (select contact_id from reason_reviews where batch_id = $batch_id)
