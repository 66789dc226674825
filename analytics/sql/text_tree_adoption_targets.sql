-- One row per contact an adopted reason tree may move: a contact with a text, never
-- relabelled (recorded_l1 is null), with its reason path as the app writes it (levels
-- joined with ' > ', empty levels left out; '' for none). The caller keeps the ones under an
-- "Other"-like reason or none.
-- Invariant: no duplicate contact_id.
with worded as (
    select
        contact_id,
        text,
        concat_ws(' > ', nullif(reason_l1, ''), nullif(reason_l2, ''), nullif(reason_l3, '')) as path
    from contacts
    where text is not null and trim(text) <> '' and recorded_l1 is null
)

select * from worded order by contact_id
