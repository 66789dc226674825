-- Audit rows that match the filters, newest first: one row per change.
-- $actors and $actions are lists (empty: everybody, every action); $first_day and $last_day
-- bound the day the change was made (null: open).
with matching as (
    select entry_id, logged_at, actor_name, actor_role, action, target, before_json, after_json
    from audit_log
    where (len(cast($actors as varchar[])) = 0 or list_contains(cast($actors as varchar[]), actor_name))
      and (len(cast($actions as varchar[])) = 0 or list_contains(cast($actions as varchar[]), action))
      and ($first_day is null or logged_at >= cast($first_day as date))
      and ($last_day is null or logged_at < cast($last_day as date) + interval 1 day)
),

final as (
    select * from matching
    order by entry_id desc
    limit $limit
)

select * from final
