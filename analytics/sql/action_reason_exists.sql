-- One row with `paths`: how many reason paths in the tree start with the given levels
-- ($reason_l2 / $reason_l3 null: any), so an action can name a reason at any level.
with final as (
    select count(*) as paths
    from reasons
    where reason_l1 = $reason_l1
      and ($reason_l2 is null or reason_l2 = $reason_l2)
      and ($reason_l3 is null or reason_l3 = $reason_l3)
)

select * from final
