-- One row per dimension a driver is stored by (product, supplier, segment); the
-- whole-business rows (dimension '') are not listed.
with final as (
    select dimension, count(distinct dimension_value) as dimension_values
    from drivers
    where driver = $driver and dimension <> ''
    group by dimension
)

select * from final order by dimension
