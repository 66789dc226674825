-- Staged driver rows whose day, driver and dimension already have a stored value (the
-- import replaces it). Grain: one number.
with final as (
    select count(*) as updates
    from _import_rows as s
    join drivers as d
        on d.day = s.day
       and d.driver = $driver
       and d.dimension = s.dimension
       and d.dimension_value = s.dimension_value
    where s.reject_reason is null
)

select * from final
