-- One row per day x reason leaf (L1, L2, L3; '' for an empty level) with contacts in the
-- pilot's channels ($channels, null: all), optionally one segment: the material for the
-- control group and for neighbouring reasons. Zero days are absent.
with filtered as (
    {{ filtered_contacts }}
),

chosen as (
    select cast(started_at as date) as day, reason_l1, reason_l2, reason_l3
    from filtered
    where ($channels is null or list_contains($channels, channel))
      and ($segment is null or segment = $segment)
),

final as (
    select day, reason_l1, reason_l2, reason_l3, count(*) as contacts
    from chosen
    group by all
)

select * from final order by day, reason_l1, reason_l2, reason_l3
