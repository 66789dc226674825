-- One row per reason (at $level 1, 2 or 3; levels joined with ' > ', a level not
-- recorded shown as '–', as in the reason tree) x channel: contacts of the shared
-- filter, and first-contact resolution over the contacts that recorded it.
-- From contact_days: the rate is resolved / recorded summed over the days.
with filtered as (
    {{ filtered_days }}
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
        contacts,
        resolved_contacts,
        resolution_known
    from filtered
),

final as (
    select
        l.reason,
        l.channel,
        coalesce(ch.channel_group, 'other')                                as channel_group,
        sum(l.contacts)::bigint                                            as contacts,
        sum(l.resolution_known)::bigint                                    as resolved_recorded,
        -- null when no contact recorded it, as count_if on the contacts gives
        case when sum(l.resolution_known) > 0 then sum(l.resolved_contacts) end as resolved_contacts,
        sum(l.resolved_contacts) / nullif(sum(l.resolution_known), 0)      as fcr_rate
    from labelled as l
    left join channels as ch using (channel)
    group by all
)

select * from final order by reason, channel_group, channel
