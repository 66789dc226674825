-- One row per driver × dimension: days covered, first and last day, daily average.
with final as (
    select driver, dimension, count(distinct dimension_value) as dimension_values,
           count(distinct day) as days, min(day) as first_day, max(day) as last_day,
           sum(value) / count(distinct day) as value_per_day
    from drivers
    group by all
)

select * from final order by driver, dimension
