-- One row per day of the filtered period, zero-filled: contacts that day.
with filtered as (
    {{ filtered_contacts }}
),

days as (
    select cast(d as date) as day
    from range($start, $end_exclusive, interval 1 day) as t(d)
),

counted as (
    select cast(started_at as date) as day, count(*) as contacts
    from filtered
    group by 1
),

final as (
    select days.day, coalesce(counted.contacts, 0) as contacts
    from days
    left join counted using (day)
)

select * from final order by day
