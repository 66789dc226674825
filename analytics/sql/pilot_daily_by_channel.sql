-- One row per day x channel with contacts about the pilot's target reasons ($reasons:
-- paths at any level), in every channel, optionally one segment. Zero days are absent.
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

targeted as (
    select day, channel, contacts
    from filtered
    where list_contains(list_transform($reasons, lambda p: split_part(p, ' > ', 1)), reason_l1)
      and list_has_any($reasons, [reason_l1,
                                  reason_l1 || ' > ' || reason_l2,
                                  reason_l1 || ' > ' || reason_l2 || ' > ' || reason_l3])
),

final as (
    select day, channel, sum(contacts)::bigint as contacts
    from targeted
    group by all
)

select * from final order by day, channel
