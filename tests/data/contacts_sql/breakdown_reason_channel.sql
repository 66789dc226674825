-- One row per reason (at $level 1, 2 or 3; levels joined with ' > ', a level not
-- recorded shown as '–', as in the reason tree) x channel: contacts of the shared
-- filter, and first-contact resolution over the contacts that recorded it.
with filtered as (
    {{ filtered_contacts }}
),

labelled as (
    select
        case
            when $level = 1 then reason_l1
            when reason_l2 = '' then reason_l1 || ' > –'
            when $level = 2 then reason_l1 || ' > ' || reason_l2
            when reason_l3 = '' then reason_l1 || ' > ' || reason_l2 || ' > –'
            else reason_l1 || ' > ' || reason_l2 || ' > ' || reason_l3
        end      as reason,
        channel,
        resolved
    from filtered
),

final as (
    select
        l.reason,
        l.channel,
        coalesce(ch.channel_group, 'other')                                as channel_group,
        count(*)                                                           as contacts,
        count(l.resolved)                                                  as resolved_recorded,
        count_if(l.resolved)                                               as resolved_contacts,
        avg(case when l.resolved then 1.0 when not l.resolved then 0.0 end) as fcr_rate
    from labelled as l
    left join channels as ch using (channel)
    group by all
)

select * from final order by reason, channel_group, channel
