-- One row per reason path in the tree or on a contact: its owner, whether the tree has
-- it, contacts in the last 90 days of data, all contacts and the last day it was used.
-- Contacts count under their reason as recorded when $reasons_as_recorded (_contacts_as_shown.sql).
-- Invariant: no duplicate (reason_l1, reason_l2, reason_l3).
with last_contact as (
    select max(started_at) as last_at from contacts
),

used as (
    select
        reason_l1, reason_l2, reason_l3,
        count(*) filter (where started_at > (select last_at from last_contact) - interval 90 day) as contacts_90d,
        count(*) as contacts_all,
        cast(max(started_at) as date) as last_used_on
    from ({{ contacts_as_shown }})
    group by all
),

final as (
    select
        coalesce(r.reason_l1, u.reason_l1) as reason_l1,
        coalesce(r.reason_l2, u.reason_l2) as reason_l2,
        coalesce(r.reason_l3, u.reason_l3) as reason_l3,
        r.department,
        r.reason_l1 is not null as in_tree,
        coalesce(u.contacts_90d, 0) as contacts_90d,
        coalesce(u.contacts_all, 0) as contacts_all,
        u.last_used_on
    from reasons as r
    full outer join used as u
        on r.reason_l1 = u.reason_l1 and r.reason_l2 = u.reason_l2 and r.reason_l3 = u.reason_l3
)

select * from final order by reason_l1, reason_l2, reason_l3
