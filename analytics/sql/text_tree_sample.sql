-- One row per contact with a text, at most $max_texts of them drawn at random with $seed
-- (a hash of contact_id): the texts a reason tree is proposed from; a contact already moved
-- by an adopted tree or an accepted suggestion is left out.
-- Invariant: no duplicate contact_id; at most $max_texts rows.
with worded as (
    select contact_id, text, hash(contact_id, $seed) as lot
    from contacts
    where text is not null and trim(text) <> '' and recorded_l1 is null
),

final as (
    select contact_id, text
    from worded
    order by lot, contact_id
    limit $max_texts
)

select * from final order by contact_id
