-- One row: how big and how fresh the store is, and the days it has contacts on (from the
-- daily aggregates: a comparison period with none is a gap in the export, not a quiet one).
with contact_span as (
    select count(*) as contacts, min(started_at) as first_contact_at, max(started_at) as last_contact_at
    from contacts
),

last_import as (
    select max(finished_at) as last_import_at from import_log
),

contact_dates as (
    select coalesce(list(distinct day order by day), []) as days_with_contacts from contact_days
),

final as (
    select contact_span.*, last_import.last_import_at, store_meta.changed_at as data_changed_at,
        contact_dates.days_with_contacts
    from contact_span, last_import, store_meta, contact_dates
)

select * from final
