-- One row per ISO weekday (1 = Monday) x hour of the day (0-23, as stored): contacts of
-- the shared filter in $channel (every channel when null), the number of such weekdays
-- in the period, and the contacts per such day. timed_contacts counts the contacts whose
-- time is not exactly midnight (all zero means the data has dates without times).
with filtered as (
    {{ filtered_contacts }}
),

picked as (
    select started_at
    from filtered
    where $channel is null or channel = $channel
),

days as (
    select isodow(day) as weekday, count(*) as days
    from range($start, $end_exclusive, interval 1 day) as t(day)
    group by all
),

cells as (
    select
        isodow(started_at)                                   as weekday,
        hour(started_at)                                     as hour,
        count(*)                                             as contacts,
        count_if(cast(started_at as time) <> time '00:00:00') as timed_contacts
    from picked
    group by all
),

final as (
    select c.weekday, c.hour, c.contacts, c.timed_contacts, d.days,
           c.contacts / d.days as contacts_per_day
    from cells as c
    join days as d using (weekday)
)

select * from final order by weekday, hour
