-- One row: how big and how fresh the store is.
with contact_span as (
    select count(*) as contacts, min(started_at) as first_contact_at, max(started_at) as last_contact_at
    from contacts
),

last_import as (
    select max(finished_at) as last_import_at from import_log
),

final as (
    select contact_span.*, last_import.last_import_at, store_meta.changed_at as data_changed_at
    from contact_span, last_import, store_meta
)

select * from final
