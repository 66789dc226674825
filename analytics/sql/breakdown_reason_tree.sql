-- One row per node of the reason tree under the shared filter: every first-level reason,
-- every first > second level and every first > second > third level with contacts.
-- A level recorded as '' (not recorded) is kept as a node (reason_l2 = '' under
-- Delivery holds Delivery's contacts without a second level), so the nodes of one level
-- add up to the filtered total.
-- Rates are over the contacts that recorded them (null when none did), rebuilt from the
-- sums and counts of contact_days.
with filtered as (
    {{ filtered_days }}
),

grouped as (
    select
        reason_l1,
        reason_l2,
        reason_l3,
        1 + (1 - grouping(reason_l2)) + (1 - grouping(reason_l3))          as level,
        sum(contacts)::bigint                                             as contacts,
        sum(handle_seconds_sum) / nullif(sum(handled_contacts), 0)        as handle_seconds_avg,
        sum(resolved_contacts) / nullif(sum(resolution_known), 0)         as fcr_rate,
        sum(csat_pct_sum) / nullif(sum(csat_rated), 0)                    as csat_pct
    from filtered
    group by grouping sets ((reason_l1), (reason_l1, reason_l2), (reason_l1, reason_l2, reason_l3))
),

final as (
    select * from grouped
)

select * from final order by level, contacts desc, reason_l1, reason_l2, reason_l3
