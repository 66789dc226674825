-- One row per reason path: owner, value class and contacts in the last 90 days of data
-- (under their reason as recorded when $reasons_as_recorded: _contacts_as_shown.sql).
with recent as (
    select reason_l1, reason_l2, reason_l3, count(*) as contacts_90d
    from ({{ contacts_as_shown }})
    where started_at >= (select max(started_at) from contacts) - interval 90 day
    group by all
),

final as (
    select r.reason_l1, r.reason_l2, r.reason_l3, r.department, r.value_class,
           coalesce(recent.contacts_90d, 0) as contacts_90d
    from reasons as r
    left join recent using (reason_l1, reason_l2, reason_l3)
)

select * from final order by reason_l1, reason_l2, reason_l3
