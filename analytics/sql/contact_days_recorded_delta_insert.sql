-- Recompute contact_days_recorded_delta for the days in $days (all days when $rebuild) by
-- rolling up contact_days_detail_recorded_delta (recomputed just before), as
-- contact_days_insert.sql rolls up the detail: one row per day x channel x reason path x
-- department.
-- Invariant: contact_days plus these rows, summed per key, is contact_days of the contacts
-- counted under coalesce(recorded_l*, reason_l*).
insert into contact_days_recorded_delta
with picked as (
    select *
    from contact_days_detail_recorded_delta
    where $rebuild or list_contains($days, day)
),

final as (
    select
        day, channel, reason_l1, reason_l2, reason_l3, department,
        sum(contacts)::bigint                                        as contacts,
        sum(handle_seconds_sum)                                      as handle_seconds_sum,
        sum(handled_contacts)::bigint                                as handled_contacts,
        sum(wait_seconds_sum)                                        as wait_seconds_sum,
        sum(waited_contacts)::bigint                                 as waited_contacts,
        sum(resolved_contacts)::bigint                               as resolved_contacts,
        sum(resolution_known)::bigint                                as resolution_known,
        sum(csat_pct_sum)                                            as csat_pct_sum,
        sum(csat_rated)::bigint                                      as csat_rated,
        coalesce(sum(contacts) filter (where product is not null), 0)::bigint  as product_known,
        coalesce(sum(contacts) filter (where supplier is not null), 0)::bigint as supplier_known,
        coalesce(sum(contacts) filter (where segment is not null), 0)::bigint  as segment_known
    from picked
    group by all
)

select * from final order by day
