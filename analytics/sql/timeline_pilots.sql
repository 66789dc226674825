-- One row per registered pilot whose window or rollout touches $first_day … $last_day
-- (inclusive), for the annotations on time charts.
with touching as (
    select pilot_id, name, status, starts_on, ends_on, rollout_on
    from pilots
    where (ends_on >= $first_day and starts_on <= $last_day)
       or (rollout_on is not null and rollout_on between $first_day and $last_day)
),

final as (
    select * from touching
)

select * from final order by starts_on, name
