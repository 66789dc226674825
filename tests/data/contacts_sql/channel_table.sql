-- One row per channel: group, cost per contact and contacts in the store.
with counted as (
    select channel, count(*) as contacts from contacts group by channel
),

final as (
    select ch.channel, ch.channel_group, ch.cost_per_contact, coalesce(counted.contacts, 0) as contacts
    from channels as ch
    left join counted using (channel)
)

select * from final order by channel_group, contacts desc
