-- 005: where the contacts come from (analytics.parquet_mode).
-- No row: the contacts table in this file (table mode). One row: Parquet mode, where
-- `contacts` is a view over the dataset at `location` (a folder or an s3://, gs://, https://
-- URL), reading the files listed at the last refresh. `fingerprint` digests every file's name,
-- size and modification time then, so `store refresh` knows when nothing changed. `columns`
-- (JSON [[name, type], ...]) and `table_sql` keep the table's definition for `store use-table`.
-- Documented in docs/scaling.md.

create table contact_source (
    location     varchar   not null,
    columns      json      not null,
    table_sql    varchar   not null,
    files        integer   not null,
    bytes        bigint    not null,
    fingerprint  varchar   not null,
    refreshed_at timestamp not null
);
