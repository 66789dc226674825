-- One row per calendar month of data: contacts, contacts with an "Other"-like or empty
-- reason at any level ($other_l1/$other_l2/$other_l3: the exact names that count, found
-- by analytics.taxonomy), and contacts recorded with only a first level although the
-- tree has sub-reasons under it. Invariant: other_contacts <= contacts.
-- From the daily aggregates, over $start to $end_exclusive, with the reasons as recorded
-- when $reasons_as_recorded (_filtered_days.sql; the other filters are null).
with deeper as (
    select distinct reason_l1
    from reasons
    where reason_l2 <> ''
),

labelled as (
    select
        date_trunc('month', c.day) as month,
        list_contains($other_l1, c.reason_l1)
            or (c.reason_l2 <> '' and list_contains($other_l2, c.reason_l2))
            or (c.reason_l3 <> '' and list_contains($other_l3, c.reason_l3)) as is_other,
        c.reason_l2 = '' and d.reason_l1 is not null as is_first_level_only,
        c.contacts
    from ({{ filtered_days }}) as c
    left join deeper as d on c.reason_l1 = d.reason_l1
),

final as (
    select
        cast(month as date) as month,
        sum(contacts)::bigint as contacts,
        coalesce(sum(contacts) filter (where is_other), 0)::bigint as other_contacts,
        coalesce(sum(contacts) filter (where is_first_level_only), 0)::bigint as first_level_only_contacts
    from labelled
    group by all
)

select * from final order by month
