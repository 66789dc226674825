-- One row per contact: the newest $sample_size contacts of the shared filters whose text
-- contains $words (as written, ignoring case), with the reason the agent filed it under.
-- Ties on the start time are broken by contact_id, so the sample is the same every time.
with filtered as (
    {{ filtered_contacts }}
),

matching as (
    select started_at, contact_id, channel, reason_l1, reason_l2, reason_l3, text
    from filtered
    where contains(lower(text), lower($words))
),

final as (
    select *
    from matching
    order by started_at desc, contact_id
    limit $sample_size
)

select * from final order by started_at desc, contact_id
