-- One row per number of distinct channels used in one issue: issues and their contacts.
-- An issue is a chain of contacts by one customer about the same reason_l1 > reason_l2
-- (as the view shows reasons: as recorded when $reasons_as_recorded)
-- where each contact follows the previous one within $window_days x 24 hours. An issue
-- counts when its first contact is one of the filtered contacts (so it starts in the
-- period) and it is closed: its last contact + the window lies inside the data and inside
-- the $lookahead_days followed after the period (issues still open are left out and
-- counted in open_issues of the row with channels = 0). Contacts at the very same moment
-- are in one chain; which of them opens it is arbitrary.
with filtered as (
    {{ filtered_contacts }}
),

horizon as (
    select least(max(started_at), $end_exclusive + to_days($lookahead_days)) as until_at
    from contacts
),

-- Only the chains of a customer and reason that has a filtered contact can hold an issue
-- of the view; they are numbered by a 64-bit hash of (customer, reason), which sorts far
-- faster than three texts (a collision among a few million keys is vanishingly rare).
candidates as (
    select contact_id, hash(customer_id, reason_l1, reason_l2) as chain_key, started_at, channel
    from ({{ contacts_as_shown }}) as shown
    where customer_id is not null
      and started_at >= $start - to_days($window_days)
      and started_at < $end_exclusive + to_days($lookahead_days)
      and hash(customer_id, reason_l1, reason_l2) in (
            select hash(customer_id, reason_l1, reason_l2) from filtered where customer_id is not null)
),

gaps as (
    select *,
        started_at - lag(started_at) over (partition by chain_key order by started_at) as gap
    from candidates
),

numbered as (
    select *,
        gap is null or gap > to_days($window_days) as is_first,
        sum(case when gap is null or gap > to_days($window_days) then 1 else 0 end)
            over (partition by chain_key order by started_at rows unbounded preceding) as issue_no
    from gaps
),

issues as (
    select
        any_value(contact_id) filter (where is_first) as first_contact_id,
        max(started_at)                   as last_at,
        count(distinct channel)           as channels,
        count(*)                          as contacts
    from numbered
    group by chain_key, issue_no
),

viewed as (
    select i.*, i.last_at + to_days($window_days) <= (select until_at from horizon) as is_closed
    from issues as i
    where i.first_contact_id in (select contact_id from filtered)
),

final as (
    select channels, count(*) as issues, sum(contacts) as contacts, 0 as open_issues
    from viewed where is_closed group by channels
    union all
    select 0, 0, 0, count(*) from viewed where not is_closed
)

select * from final order by channels
