-- One row per day × part × dimension value: the filtered contacts, their handle time and
-- their cost. $part names what a row is about ('all', 'reason_l1', 'reason_l2',
-- 'reason_l3' (the reason path down to that level), 'product', 'supplier', 'segment',
-- 'department', 'channel_group'); $dimension adds a second split by a driver's dimension
-- ('' for none, or 'product', 'supplier', 'segment'). Contacts without the value have a
-- null part / dimension_value. cost = sum of the channel's cost_per_contact over the
-- contacts whose channel has a cost; cost_unknown_contacts counts the others (never 0).
with filtered as (
    {{ filtered_contacts }}
),

labelled as (
    select cast(f.started_at as date) as day,
           case $part
               when 'all' then ''
               when 'reason_l1' then f.reason_l1
               when 'reason_l2' then concat_ws(' > ', f.reason_l1, nullif(f.reason_l2, ''))
               when 'reason_l3' then concat_ws(' > ', f.reason_l1, nullif(f.reason_l2, ''), nullif(f.reason_l3, ''))
               when 'product' then f.product
               when 'supplier' then f.supplier
               when 'segment' then f.segment
               when 'department' then f.department
               when 'channel_group' then coalesce(ch.channel_group, 'other')
           end as part,
           case $dimension
               when '' then ''
               when 'product' then f.product
               when 'supplier' then f.supplier
               when 'segment' then f.segment
           end as dimension_value,
           f.handle_seconds,
           ch.cost_per_contact
    from filtered as f
    left join channels as ch on ch.channel = f.channel
),

final as (
    select day, part, dimension_value,
           count(*) as contacts,
           sum(handle_seconds) as handle_seconds,
           count(handle_seconds) as handled_contacts,
           coalesce(sum(cost_per_contact), 0) as cost,
           count(*) - count(cost_per_contact) as cost_unknown_contacts
    from labelled
    group by all
)

select * from final order by day, part, dimension_value
