-- Who made changes and which kinds of change there are, for the audit log's filters:
-- one row per (facet, value), most frequent first.
with actors as (
    select 'actor' as facet, actor_name as value, count(*) as entries
    from audit_log
    group by actor_name
),

actions as (
    select 'action' as facet, action as value, count(*) as entries
    from audit_log
    group by action
),

final as (
    select * from actors
    union all
    select * from actions
)

select * from final
order by facet, entries desc, value
