-- One row per day × part: contacts of the filtered period split one level down
-- ($part = 'reason': the next reason level below the filter; 'channel': the channel),
-- from contact_days.
with filtered as (
    {{ filtered_days }}
),

labelled as (
    select
        day,
        case
            when $part = 'channel' then channel
            when $reason_l1 is null then reason_l1
            when $reason_l2 is null then concat_ws(' > ', reason_l1, coalesce(nullif(reason_l2, ''), '(none)'))
            else concat_ws(' > ', reason_l1, reason_l2, coalesce(nullif(reason_l3, ''), '(none)'))
        end as part,
        contacts
    from filtered
),

final as (
    select day, part, sum(contacts)::bigint as contacts
    from labelled
    group by all
)

select * from final order by day, part
