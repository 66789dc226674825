-- Recompute contact_days for the days in $days (all days when $rebuild) by rolling up
-- contact_days_detail (recomputed just before): one row per day x channel x reason path
-- x department, additive measures only. Reading the detail rows instead of the contacts
-- keeps an import to one pass over its days' contacts.
-- Invariant: sum(contacts) of a day equals that day's contacts.
insert into contact_days
with picked as (
    select *
    from contact_days_detail
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
