-- One row per driver: how much of it is stored, to order the drivers most useful first
-- (the most recent data, then the most days covered, then the most breakdowns).
with per_driver as (
    select driver,
           max(day) as last_day,
           count(distinct day) as days,
           count(distinct dimension) filter (where dimension <> '') as dimensions
    from drivers
    group by driver
),

final as (
    select * from per_driver
)

select * from final order by last_day desc, days desc, dimensions desc, driver
