-- One row per contact with a text whose reason path is empty or in $other_paths (the
-- "Other"-like ones): what a reason is suggested for. The path is written as the app writes
-- it (levels joined with " > ", empty levels left out).
-- Invariant: no duplicate contact_id.
with worded as (
    select
        contact_id,
        started_at,
        concat_ws(' > ', nullif(reason_l1, ''), nullif(reason_l2, ''), nullif(reason_l3, '')) as recorded_path,
        text
    from contacts
    where text is not null and trim(text) <> ''
),

final as (
    select *
    from worded
    where recorded_path = '' or list_contains($other_paths, recorded_path)
)

select * from final order by started_at, contact_id
