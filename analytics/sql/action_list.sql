-- One row per action (only open and in-progress ones when $open_only), the soonest due
-- first; undated actions last. `reason` is the path as shown ("Delivery > Late").
with final as (
    select
        action_id,
        concat_ws(' > ', reason_l1, nullif(reason_l2, ''), nullif(reason_l3, '')) as reason,
        reason_l1,
        reason_l2,
        reason_l3,
        action,
        owner_department,
        due_on,
        status,
        note,
        created_at,
        updated_at
    from actions
    where not $open_only or status in ('open', 'in_progress')
)

select * from final order by due_on nulls last, action_id
