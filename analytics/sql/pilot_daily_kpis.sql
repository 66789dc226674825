-- One row per day: the quality KPIs of the contacts about the pilot's target reasons
-- ($reasons) in its channels ($channels, null: all), optionally one segment. Sums and
-- counts, so any run of days can be summed into a rate:
--   handle_seconds_sum / handle_n, resolved_n / resolution_n, csat_pct_sum / csat_n,
--   repeat_7d_n / customer_n (a contact is followed by another contact of the same
--   customer, any reason or channel, within 7 days).
with filtered as (
    {{ filtered_contacts }}
),

targeted as (
    select contact_id, customer_id, started_at, handle_seconds, resolved, csat, csat_scale
    from filtered
    where list_contains(list_transform($reasons, lambda p: split_part(p, ' > ', 1)), reason_l1)
      and list_has_any($reasons, [reason_l1,
                                  reason_l1 || ' > ' || reason_l2,
                                  reason_l1 || ' > ' || reason_l2 || ' > ' || reason_l3])
      and ($channels is null or list_contains($channels, channel))
      and ($segment is null or segment = $segment)
),

customer_contacts as (
    select contact_id,
           lead(started_at) over (partition by customer_id order by started_at, contact_id) as next_started_at
    from contacts
    where customer_id in (select customer_id from targeted where customer_id is not null)
      and started_at >= $start
      and started_at < $end_exclusive + interval 7 day
),

final as (
    select
        cast(t.started_at as date)                                          as day,
        count(*)                                                            as contacts,
        sum(t.handle_seconds)                                               as handle_seconds_sum,
        count(t.handle_seconds)                                             as handle_n,
        count(*) filter (where t.resolved)                                  as resolved_n,
        count(t.resolved)                                                   as resolution_n,
        sum(t.csat / nullif(t.csat_scale, 0))                               as csat_pct_sum,
        count(t.csat / nullif(t.csat_scale, 0))                             as csat_n,
        count(*) filter (where n.next_started_at <= t.started_at + interval 7 day) as repeat_7d_n,
        count(t.customer_id)                                                as customer_n
    from targeted as t
    left join customer_contacts as n using (contact_id)
    group by 1
)

select * from final order by day
