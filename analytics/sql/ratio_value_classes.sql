-- One row per value class of the reasons (valuable, avoidable, automatable, no_value, or
-- null when the reason is not classified): the filtered contacts, their handle time and
-- their cost (cost_unknown_contacts: contacts in channels without a cost, not in cost).
-- From contact_days.
with filtered as (
    {{ filtered_days }}
),

classed as (
    select r.value_class, f.contacts, f.handle_seconds_sum, f.handled_contacts, ch.cost_per_contact
    from filtered as f
    left join reasons as r
        on r.reason_l1 = f.reason_l1 and r.reason_l2 = f.reason_l2 and r.reason_l3 = f.reason_l3
    left join channels as ch on ch.channel = f.channel
),

final as (
    select value_class,
           sum(contacts)::bigint                                                   as contacts,
           sum(handle_seconds_sum)                                                 as handle_seconds,
           sum(handled_contacts)::bigint                                           as handled_contacts,
           coalesce(sum(contacts * cost_per_contact), 0)                           as cost,
           coalesce(sum(contacts) filter (where cost_per_contact is null), 0)::bigint as cost_unknown_contacts
    from classed
    group by all
)

select * from final order by contacts desc
