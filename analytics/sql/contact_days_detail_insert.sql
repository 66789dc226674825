-- Recompute contact_days_detail for the days in $days (all days when $rebuild): one row
-- per day x channel x reason path x department x product x supplier x segment.
-- Invariant: its contacts per day equal contact_days' contacts per day.
insert into contact_days_detail
with picked as (
    select *
    from contacts
    where $rebuild
       or (started_at >= $first_at and started_at < $end_at
           and list_contains($days, cast(started_at as date)))
),

final as (
    select
        cast(started_at as date)             as day,
        channel, reason_l1, reason_l2, reason_l3, department, product, supplier, segment,
        count(*)                             as contacts,
        sum(handle_seconds)                  as handle_seconds_sum,
        count(handle_seconds)                as handled_contacts,
        sum(wait_seconds)                    as wait_seconds_sum,
        count(wait_seconds)                  as waited_contacts,
        count(*) filter (where resolved)     as resolved_contacts,
        count(resolved)                      as resolution_known,
        sum(csat / nullif(csat_scale, 0))    as csat_pct_sum,
        count(csat / nullif(csat_scale, 0))  as csat_rated
    from picked
    group by all
)

select * from final order by day
