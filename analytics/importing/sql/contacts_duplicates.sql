-- Staged contacts that pass every check but will not be inserted. Grain: one number.
-- Rule: within the file the first occurrence of a contact_id wins, later ones are
-- duplicates (``_import_repeats``); a first occurrence whose contact_id is already stored
-- is a duplicate too. Stored contacts outside the file's own range of contact_ids
-- ($first_id..$last_id) cannot match: the range lets DuckDB skip stored row groups by
-- their min/max instead of reading every stored contact_id.
with firsts as (
    select s.contact_id
    from _import_rows as s
    anti join _import_repeats as r
        on r.contact_id = s.contact_id and r.first_row <> s.rowid
    where s.reject_reason is null
),

stored as (
    select count(*) as stored_firsts
    from firsts as f
    semi join (
        select contact_id from contacts where contact_id between $first_id and $last_id
    ) as c
        on c.contact_id = f.contact_id
),

final as (
    select (select coalesce(sum(copies - 1), 0) from _import_repeats) + stored_firsts as duplicates
    from stored
)

select * from final
