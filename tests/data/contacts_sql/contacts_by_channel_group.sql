-- One row per channel group × channel: contacts in the filtered period.
with filtered as (
    {{ filtered_contacts }}
),

final as (
    select
        coalesce(ch.channel_group, 'other') as channel_group,
        f.channel,
        count(*)                            as contacts
    from filtered as f
    left join channels as ch on ch.channel = f.channel
    group by all
)

select * from final order by contacts desc
