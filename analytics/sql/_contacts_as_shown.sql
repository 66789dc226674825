-- Included by other queries with the contacts_as_shown include tag: every contact, with the
-- reason the view counts it under: as the agent recorded it when $reasons_as_recorded (for a
-- contact relabelled by an accepted suggestion, recorded_l*), else reason_l*. For queries that
-- look past the filtered contacts (a customer's later contacts); _filtered_contacts.sql does
-- the same for the filtered ones.
select * replace (
    if($reasons_as_recorded and recorded_l1 is not null, recorded_l1, reason_l1) as reason_l1,
    if($reasons_as_recorded and recorded_l1 is not null, recorded_l2, reason_l2) as reason_l2,
    if($reasons_as_recorded and recorded_l1 is not null, recorded_l3, reason_l3) as reason_l3)
from contacts
