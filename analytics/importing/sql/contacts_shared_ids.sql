-- Rows whose contact_id an earlier row of the file carries with another start time:
-- different contacts sharing an id, because the key spans more columns (a line and a call
-- number). Repeats with the same start time are the same contact exported twice.
-- Grain: one row, the count. Read only when _import_repeats is not empty.
with valid as (
    select contact_id, started_at
    from _import_rows
    where reject_reason is null
      and contact_id in (select contact_id from _import_repeats)
),

final as (
    select coalesce(sum(moments - 1), 0) as shared_rows
    from (
        select contact_id, count(distinct started_at) as moments
        from valid
        group by contact_id
    )
)

select * from final
