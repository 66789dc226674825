-- Record the undo of accepted batch $undone_batch_id as batch $batch_id: one 'undone' row
-- per contact whose standing decision is that accept (no later row) and that is still
-- relabelled under the accepted reason. Contacts the store changed since are left out.
insert into reason_reviews
with standing as (
    select r.*
    from reason_reviews as r
    where r.batch_id = $undone_batch_id
      and r.decision = 'accepted'
      and not exists (select 1 from reason_reviews as later
                      where later.contact_id = r.contact_id and later.batch_id > r.batch_id)
),

current_reasons as (
    select contact_id,
           concat_ws(' > ', nullif(reason_l1, ''), nullif(reason_l2, ''), nullif(reason_l3, '')) as path
    from contacts
    where recorded_l1 is not null
      and contact_id in (select contact_id from standing)
),

final as (
    select $batch_id   as batch_id,
           s.contact_id,
           s.recorded_path,
           s.suggested_path,
           s.confidence,
           'undone'    as decision,
           $decided_by as decided_by,
           $decided_at as decided_at
    from standing as s
    join current_reasons as cr on cr.contact_id = s.contact_id and cr.path = s.suggested_path
)

select * from final
