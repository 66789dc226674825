-- One row per reason at the chosen level ($level 1, 2 or 3; deeper levels are joined
-- with ' > ', empty levels left out): contacts in the filtered period.
with filtered as (
    {{ filtered_contacts }}
),

labelled as (
    select
        case $level
            when 1 then reason_l1
            when 2 then concat_ws(' > ', reason_l1, nullif(reason_l2, ''))
            else concat_ws(' > ', reason_l1, nullif(reason_l2, ''), nullif(reason_l3, ''))
        end as reason
    from filtered
),

final as (
    select reason, count(*) as contacts
    from labelled
    group by reason
)

select * from final order by contacts desc, reason
