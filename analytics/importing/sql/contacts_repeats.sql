-- The contact_ids that occur more than once among the valid staged rows, with the row of
-- their first occurrence (which wins) and their number of copies. Grain: one row per
-- repeated contact_id; usually empty, so the steps after it stay cheap.
create or replace temp table _import_repeats as
with valid as (
    select rowid as row_id, contact_id
    from _import_rows
    where reject_reason is null
),

final as (
    select contact_id, min(row_id) as first_row, count(*) as copies
    from valid
    group by contact_id
    having count(*) > 1
)

select * from final
