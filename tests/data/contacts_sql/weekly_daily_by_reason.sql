-- One row per day × reason at level $level (1, 2 or 3; '' for the levels below it):
-- contacts of the filtered period. The weekly report sums these to its week, the week
-- before and the 8 weeks that set each reason's share.
-- Invariant: the contacts add up to the filtered period's total.
with filtered as (
    {{ filtered_contacts }}
),

labelled as (
    select
        cast(started_at as date) as day,
        reason_l1,
        case when $level >= 2 then reason_l2 else '' end as reason_l2,
        case when $level >= 3 then reason_l3 else '' end as reason_l3
    from filtered
),

final as (
    select day, reason_l1, reason_l2, reason_l3, count(*) as contacts
    from labelled
    group by all
)

select * from final order by day, reason_l1, reason_l2, reason_l3
