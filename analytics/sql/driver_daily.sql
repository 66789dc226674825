-- One row per day: one driver's total. The whole-business rows (dimension '') when the
-- driver has them; otherwise the sum over the values of its first dimension.
with chosen as (
    select case when count(*) filter (where dimension = '') > 0 then '' else min(dimension) end as dimension
    from drivers
    where driver = $driver
),

final as (
    select day, sum(value) as value
    from drivers
    where driver = $driver and dimension = (select dimension from chosen)
    group by day
)

select * from final order by day
