-- One row per contact of $contact_ids: what the customer wrote (null without a text). Only
-- for the roles that may read texts (analytics.text_reasons.review.text_sample checks).
with final as (
    select contact_id, text
    from contacts
    where contact_id in (select unnest($contact_ids))
)

select * from final order by contact_id
