-- One row per value class of the reasons (valuable, avoidable, automatable, no_value, or
-- null when the reason is not classified): the filtered contacts, their handle time and
-- their cost (cost_unknown_contacts: contacts in channels without a cost, not in cost).
with filtered as (
    {{ filtered_contacts }}
),

classed as (
    select r.value_class, f.handle_seconds, ch.cost_per_contact
    from filtered as f
    left join reasons as r
        on r.reason_l1 = f.reason_l1 and r.reason_l2 = f.reason_l2 and r.reason_l3 = f.reason_l3
    left join channels as ch on ch.channel = f.channel
),

final as (
    select value_class,
           count(*) as contacts,
           sum(handle_seconds) as handle_seconds,
           count(handle_seconds) as handled_contacts,
           coalesce(sum(cost_per_contact), 0) as cost,
           count(*) - count(cost_per_contact) as cost_unknown_contacts
    from classed
    group by all
)

select * from final order by contacts desc
