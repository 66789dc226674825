-- One row per day x reason leaf (L1, L2, L3; '' for an empty level) with contacts in the
-- pilot's channels ($channels, null: all), optionally one segment: the material for the
-- control group and for neighbouring reasons. Zero days are absent.
-- From contact_days, or contact_days_detail when a segment is chosen (only one of the two
-- branches returns rows).
with filtered as (
    select day, channel, reason_l1, reason_l2, reason_l3, contacts
    from ({{ filtered_days }})
    where $segment is null
    union all
    select day, channel, reason_l1, reason_l2, reason_l3, contacts
    from ({{ filtered_days_detail }})
    where $segment is not null and segment = $segment
),

chosen as (
    select day, reason_l1, reason_l2, reason_l3, contacts
    from filtered
    where $channels is null or list_contains($channels, channel)
),

final as (
    select day, reason_l1, reason_l2, reason_l3, sum(contacts)::bigint as contacts
    from chosen
    group by all
)

select * from final order by day, reason_l1, reason_l2, reason_l3
