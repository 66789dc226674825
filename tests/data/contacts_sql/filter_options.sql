-- One row per selectable filter value: kind is 'reason', 'channel', 'channel_group' or
-- 'department'; value is what the filter matches, label what the user sees.
with reason_levels as (
    select distinct reason_l1, reason_l2, reason_l3 from reasons
),

reason_paths as (
    select distinct 'reason' as kind, reason_l1 as l1, null as l2, null as l3 from reason_levels
    union
    select distinct 'reason', reason_l1, reason_l2, null from reason_levels where reason_l2 <> ''
    union
    select distinct 'reason', reason_l1, reason_l2, reason_l3 from reason_levels where reason_l3 <> ''
),

final as (
    select kind, l1, l2, l3, concat_ws(' > ', l1, l2, l3) as label from reason_paths
    union all
    select 'channel_group', channel_group, null, null, channel_group from (select distinct channel_group from channels)
    union all
    select 'channel', channel, null, null, channel from channels
    union all
    select 'department', department, null, null, department
    from (select distinct department from contacts where department is not null and department <> '')
)

select * from final order by kind, label
