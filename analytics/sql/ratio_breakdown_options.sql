-- One row: how many of the filtered contacts have each breakdown, so the page offers only
-- the breakdowns the data has. From contact_days (which counts the contacts that name a
-- product, supplier and segment).
with filtered as (
    {{ filtered_days }}
),

final as (
    select coalesce(sum(contacts), 0)::bigint                                       as contacts,
           coalesce(sum(contacts) filter (where reason_l2 <> ''), 0)::bigint         as reason_l2,
           coalesce(sum(contacts) filter (where reason_l3 <> ''), 0)::bigint         as reason_l3,
           coalesce(sum(product_known), 0)::bigint                                  as product,
           coalesce(sum(contacts) filter (where department is not null), 0)::bigint  as department,
           coalesce(sum(supplier_known), 0)::bigint                                 as supplier,
           coalesce(sum(segment_known), 0)::bigint                                  as segment
    from filtered
)

select * from final
