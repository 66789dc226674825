-- One row per event that touches the days $first_day … $last_day (inclusive), for the
-- annotations on time charts: every event, scoped or not (the scope is shown, not used).
with touching as (
    select event_id, name, kind, starts_on, ends_on, foreseen,
           nullif(concat_ws(' > ', reason_l1, nullif(reason_l2, ''), nullif(reason_l3, '')), '') as reason_path,
           channel
    from events
    where ends_on >= $first_day and starts_on <= $last_day
),

final as (
    select * from touching
)

select * from final order by starts_on, event_id
