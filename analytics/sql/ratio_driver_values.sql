-- One row per stored day × dimension value: one driver's values.
-- $dimension = '': the whole business (the rows without a dimension when the driver has
-- them, otherwise the sum over the values of its first dimension), dimension_value ''.
-- $dimension = 'product' (or another): that dimension's values per day.
with chosen as (
    select case
               when $dimension <> '' then $dimension
               when count(*) filter (where dimension = '') > 0 then ''
               else min(dimension)
           end as dimension
    from drivers
    where driver = $driver
),

final as (
    select d.day,
           case when $dimension = '' then '' else d.dimension_value end as dimension_value,
           sum(d.value) as value
    from drivers as d
    where d.driver = $driver
      and d.dimension = (select dimension from chosen)
    group by all
)

select * from final order by day, dimension_value
