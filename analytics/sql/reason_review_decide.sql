-- Record one review's decision ($decision: 'accepted' or 'rejected') as batch $batch_id: one
-- row per chosen suggestion ($contact_ids, with $recorded_paths, $suggested_paths and
-- $confidences at the same positions) whose contact is still under the reason it had when
-- the suggestion was made and was not relabelled since. The others are left out (the
-- caller counts them as skipped). Paths are the levels joined with ' > ', empty ones left out.
insert into reason_reviews
with chosen as (
    select unnest($contact_ids)     as contact_id,
           unnest($recorded_paths)  as recorded_path,
           unnest($suggested_paths) as suggested_path,
           unnest($confidences)     as confidence
),

current_reasons as (
    select contact_id,
           concat_ws(' > ', nullif(reason_l1, ''), nullif(reason_l2, ''), nullif(reason_l3, '')) as path
    from contacts
    where recorded_l1 is null
      and contact_id in (select contact_id from chosen)
),

final as (
    select $batch_id        as batch_id,
           ch.contact_id,
           ch.recorded_path,
           ch.suggested_path,
           ch.confidence,
           $decision        as decision,
           $decided_by      as decided_by,
           $decided_at      as decided_at
    from chosen as ch
    join current_reasons as cr on cr.contact_id = ch.contact_id and cr.path = ch.recorded_path
)

select * from final
