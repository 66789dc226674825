-- One row per reason path at every level (L1, L1 > L2, L1 > L2 > L3) found in the reason
-- tree or in the contacts: the paths a pilot may target or use as control.
with leaves as (
    select reason_l1, reason_l2, reason_l3 from reasons
    union
    select distinct reason_l1, reason_l2, reason_l3 from contact_days
),

paths as (
    select reason_l1 as path from leaves
    union
    select concat_ws(' > ', reason_l1, reason_l2) from leaves where reason_l2 <> ''
    union
    select concat_ws(' > ', reason_l1, reason_l2, reason_l3) from leaves where reason_l2 <> '' and reason_l3 <> ''
),

final as (
    select distinct path from paths
)

select * from final order by path
