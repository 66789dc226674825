-- One row per given suggestion ($contact_ids with $suggested_paths at the same positions)
-- that is no longer open: rejected before for that suggested reason, or its contact's
-- standing decision (the latest row) is an accept.
with given as (
    select unnest($contact_ids) as contact_id, unnest($suggested_paths) as suggested_path
),

reviewed as (
    select *
    from reason_reviews
    where contact_id in (select contact_id from given)
),

standing as (
    select contact_id, arg_max(decision, batch_id) as decision
    from reviewed
    group by contact_id
),

final as (
    select g.contact_id, g.suggested_path
    from given as g
    left join standing as s using (contact_id)
    where s.decision = 'accepted'
       or exists (select 1 from reviewed as r
                  where r.contact_id = g.contact_id and r.suggested_path = g.suggested_path
                    and r.decision = 'rejected')
)

select * from final
