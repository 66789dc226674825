-- Staged contacts that pass every check but will not be inserted. Grain: one number.
-- Rule: within the file the first occurrence of a contact_id wins, later ones are
-- duplicates; a first occurrence whose contact_id is already stored is a duplicate too.
with valid as (
    select contact_id, count(*) as copies
    from _import_rows
    where reject_reason is null
    group by contact_id
),

final as (
    select
        coalesce(sum(copies - 1), 0)
        + count(*) filter (where contact_id in (select contact_id from contacts)) as duplicates
    from valid
)

select * from final
