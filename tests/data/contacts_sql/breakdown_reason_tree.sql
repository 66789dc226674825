-- One row per node of the reason tree under the shared filter: every first-level reason,
-- every first > second level and every first > second > third level with contacts.
-- A level recorded as '' (not recorded) is kept as a node (reason_l2 = '' under
-- Delivery holds Delivery's contacts without a second level), so the nodes of one level
-- add up to the filtered total.
-- Rates are over the contacts that recorded them (null when none did).
with filtered as (
    {{ filtered_contacts }}
),

grouped as (
    select
        reason_l1,
        reason_l2,
        reason_l3,
        1 + (1 - grouping(reason_l2)) + (1 - grouping(reason_l3))          as level,
        count(*)                                                          as contacts,
        avg(handle_seconds)                                               as handle_seconds_avg,
        avg(case when resolved then 1.0 when not resolved then 0.0 end)   as fcr_rate,
        avg(csat / nullif(csat_scale, 0))                                 as csat_pct
    from filtered
    group by grouping sets ((reason_l1), (reason_l1, reason_l2), (reason_l1, reason_l2, reason_l3))
),

final as (
    select * from grouped
)

select * from final order by level, contacts desc, reason_l1, reason_l2, reason_l3
