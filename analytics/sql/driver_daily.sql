-- One row per day: the total of one driver over its dimension values ('' = whole business).
with final as (
    select day, sum(value) as value
    from drivers
    where driver = $driver and dimension = ''
    group by day
)

select * from final order by day
