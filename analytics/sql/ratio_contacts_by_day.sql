-- One row per day × part × dimension value: the filtered contacts, their handle time and
-- their cost. $part names what a row is about ('all', 'reason_l1', 'reason_l2',
-- 'reason_l3' (the reason path down to that level), 'product', 'supplier', 'segment',
-- 'department', 'channel_group'); $dimension adds a second split by a driver's dimension
-- ('' for none, or 'product', 'supplier', 'segment'). Contacts without the value have a
-- null part / dimension_value. cost = sum of the channel's cost_per_contact over the
-- contacts whose channel has a cost; cost_unknown_contacts counts the others (never 0).
-- Read from contact_days, or from contact_days_detail when the split needs a product,
-- supplier or segment (only one of the two branches returns rows).
with uses_detail as (
    select $part in ('product', 'supplier', 'segment') or $dimension <> '' as flag
),

filtered as (
    select day, channel, reason_l1, reason_l2, reason_l3, department,
           null::varchar as product, null::varchar as supplier, null::varchar as segment,
           contacts, handle_seconds_sum, handled_contacts
    from ({{ filtered_days }})
    where not (select flag from uses_detail)
    union all
    select day, channel, reason_l1, reason_l2, reason_l3, department, product, supplier, segment,
           contacts, handle_seconds_sum, handled_contacts
    from ({{ filtered_days_detail }})
    where (select flag from uses_detail)
),

labelled as (
    select f.day,
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
           f.contacts,
           f.handle_seconds_sum,
           f.handled_contacts,
           ch.cost_per_contact
    from filtered as f
    left join channels as ch on ch.channel = f.channel
),

final as (
    select day, part, dimension_value,
           sum(contacts)::bigint                                                   as contacts,
           sum(handle_seconds_sum)                                                 as handle_seconds,
           sum(handled_contacts)::bigint                                           as handled_contacts,
           coalesce(sum(contacts * cost_per_contact), 0)                           as cost,
           coalesce(sum(contacts) filter (where cost_per_contact is null), 0)::bigint as cost_unknown_contacts
    from labelled
    group by all
)

select * from final order by day, part, dimension_value
