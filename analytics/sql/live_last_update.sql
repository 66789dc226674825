-- One row: when the store's data last changed, and the latest import (kind, file name,
-- finished_at) when there was one.
with last_change as (
    select data_version, changed_at from store_meta
),

last_import as (
    select kind, file_name, finished_at as import_finished_at
    from import_log
    order by finished_at desc, import_id desc
    limit 1
),

final as (
    select last_change.data_version, last_change.changed_at,
           last_import.kind as import_kind, last_import.file_name as import_file_name,
           last_import.import_finished_at
    from last_change
    left join last_import on true
)

select * from final
