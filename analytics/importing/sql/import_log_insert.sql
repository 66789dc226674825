-- One row per import, written in the import's own transaction.
insert into import_log (
    import_id, kind, file_name, file_sha256, profile, rows_read, inserted, duplicates,
    rejected, imported_by, started_at, finished_at
)
values (
    $import_id, $kind, $file_name, $file_sha256, $profile, $rows_read, $inserted, $duplicates,
    $rejected, $imported_by, $started_at, $finished_at
)
