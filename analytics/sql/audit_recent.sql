-- The latest audit rows, newest first: one row per change.
with latest as (
    select entry_id, logged_at, actor_name, actor_role, action, target, before_json, after_json
    from audit_log
    order by entry_id desc
    limit $limit
),

final as (
    select * from latest
)

select * from final
