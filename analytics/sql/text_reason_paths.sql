-- One row per reason path on contacts that have a text: the path as the app writes it
-- (levels joined with " > ", empty levels left out; "" for a contact without a reason),
-- how many of its contacts have a text, and their first and last day.
-- Only contacts never relabelled count: an accepted suggestion or an adopted tree is not a
-- reason the model may learn from (text_training_rows.sql), nor a text still to be given one.
-- Invariant: no duplicate path.
with worded as (
    select
        concat_ws(' > ', nullif(reason_l1, ''), nullif(reason_l2, ''), nullif(reason_l3, '')) as path,
        started_at
    from contacts
    where text is not null and trim(text) <> '' and recorded_l1 is null
),

final as (
    select
        path,
        count(*) as contacts_with_text,
        cast(min(started_at) as date) as first_day,
        cast(max(started_at) as date) as last_day
    from worded
    group by path
)

select * from final order by path
