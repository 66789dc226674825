-- One row per period ($grain: 'day', 'week' starting Monday, or 'month') x channel:
-- contacts of the shared filter, with the channel's group ('other' when the channel is
-- missing from the channels table). From contact_days.
with filtered as (
    {{ filtered_days }}
),

final as (
    select
        cast(date_trunc($grain, f.day) as date)  as period,
        f.channel                                as channel,
        coalesce(ch.channel_group, 'other')      as channel_group,
        sum(f.contacts)::bigint                  as contacts
    from filtered as f
    left join channels as ch using (channel)
    group by all
)

select * from final order by period, channel_group, channel
