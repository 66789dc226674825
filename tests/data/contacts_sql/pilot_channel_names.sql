-- One row per channel known to the store (channel table or contacts), with its group and
-- cost per contact (null when not set).
with names as (
    select channel from channels
    union
    select distinct channel from contacts
),

final as (
    select names.channel, coalesce(ch.channel_group, 'other') as channel_group, ch.cost_per_contact
    from names
    left join channels as ch using (channel)
)

select * from final order by channel
