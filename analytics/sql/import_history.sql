-- One row per import, newest first.
with final as (
    select import_id, kind, file_name, profile, rows_read, inserted, duplicates, rejected,
           imported_by, started_at, finished_at,
           date_diff('millisecond', started_at, finished_at) / 1000.0 as seconds
    from import_log
)

select * from final order by import_id desc
