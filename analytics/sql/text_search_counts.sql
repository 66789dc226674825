-- One row: of the contacts that pass the shared filters, how many have a text and how many
-- of those contain $words (as written, ignoring case: a substring, no wildcards).
with filtered as (
    {{ filtered_contacts }}
),

final as (
    select
        count(text)                                                  as contacts_with_text,
        count(*) filter (where contains(lower(text), lower($words))) as matching_contacts
    from filtered
)

select * from final
