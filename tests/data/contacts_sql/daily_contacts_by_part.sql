-- One row per day × part: contacts of the filtered period split one level down
-- ($part = 'reason': the next reason level below the filter; 'channel': the channel).
with filtered as (
    {{ filtered_contacts }}
),

labelled as (
    select
        cast(started_at as date) as day,
        case
            when $part = 'channel' then channel
            when $reason_l1 is null then reason_l1
            when $reason_l2 is null then concat_ws(' > ', reason_l1, coalesce(nullif(reason_l2, ''), '(none)'))
            else concat_ws(' > ', reason_l1, reason_l2, coalesce(nullif(reason_l3, ''), '(none)'))
        end as part
    from filtered
),

final as (
    select day, part, count(*) as contacts
    from labelled
    group by all
)

select * from final order by day, part
