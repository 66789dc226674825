-- One row per segment that contacts carry (contacts.segment), for the pilot form's
-- segment choice; empty when the store records no segments.
with segments as (
    select distinct segment from contacts where segment is not null and segment <> ''
),

final as (
    select segment from segments
)

select * from final order by segment
