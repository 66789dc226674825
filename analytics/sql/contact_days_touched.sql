-- One row per day that holds contacts of import $import_id: the days whose aggregate rows
-- an import changes.
with final as (
    select distinct cast(started_at as date) as day
    from contacts
    where import_id = $import_id
)

select * from final order by day
