-- One row: how many of the filtered contacts have each breakdown, so the page offers only
-- the breakdowns the data has.
with filtered as (
    {{ filtered_contacts }}
),

final as (
    select count(*) as contacts,
           count(*) filter (where reason_l2 <> '') as reason_l2,
           count(*) filter (where reason_l3 <> '') as reason_l3,
           count(product) as product,
           count(department) as department,
           count(supplier) as supplier,
           count(segment) as segment
    from filtered
)

select * from final
