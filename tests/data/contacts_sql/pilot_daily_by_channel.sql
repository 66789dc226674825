-- One row per day x channel with contacts about the pilot's target reasons ($reasons:
-- paths at any level), in every channel, optionally one segment. Zero days are absent.
with filtered as (
    {{ filtered_contacts }}
),

targeted as (
    select cast(started_at as date) as day, channel
    from filtered
    where list_contains(list_transform($reasons, lambda p: split_part(p, ' > ', 1)), reason_l1)
      and list_has_any($reasons, [reason_l1,
                                  reason_l1 || ' > ' || reason_l2,
                                  reason_l1 || ' > ' || reason_l2 || ' > ' || reason_l3])
      and ($segment is null or segment = $segment)
),

final as (
    select day, channel, count(*) as contacts
    from targeted
    group by all
)

select * from final order by day, channel
