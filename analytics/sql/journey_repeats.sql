-- Repeat contacts of the filtered contacts: one row for all of them (kind 'total'), one
-- per reason at $level (a level not recorded shown as '–') and one per channel.
-- A contact is followed by a repeat when the same customer contacts again more than 0 and
-- at most $window_days x 24 hours later (any channel, any reason; 'same reason' = the
-- same reason_l1 > reason_l2, as the view shows reasons: as recorded when
-- $reasons_as_recorded). The next contact may lie after the period (the window
-- looks forward into the store). Only contacts with a customer id whose whole window lies
-- inside the data (started_at + window <= the store's last contact) are observed:
-- repeats_* and observed_contacts count those only, so the end of the data never lowers
-- the rate.
with filtered as (
    {{ filtered_contacts }}
),

store_end as (
    select max(started_at) as last_at from contacts
),

-- The later contacts of the filtered contacts' customers, keyed by 64-bit hashes of the
-- customer and of (customer, reason), which sort far faster than texts.
candidates as (
    select contact_id, started_at,
           hash(customer_id)                        as customer_key,
           hash(customer_id, reason_l1, reason_l2)  as reason_key
    from ({{ contacts_as_shown }}) as shown
    where customer_id is not null
      and started_at >= $start
      and started_at < $end_exclusive + to_days($window_days)
      and hash(customer_id) in (select hash(customer_id) from filtered where customer_id is not null)
),

followed as (
    select
        contact_id,
        count(*) over (partition by customer_key order by started_at
                       range between interval 1 microsecond following
                             and to_days($window_days) following)  as later_any,
        count(*) over (partition by reason_key order by started_at
                       range between interval 1 microsecond following
                             and to_days($window_days) following)  as later_same
    from candidates
),

viewed as (
    select
        case
            when $level = 1 then f.reason_l1
            when f.reason_l2 = '' then f.reason_l1 || ' > –'
            when $level = 2 then f.reason_l1 || ' > ' || f.reason_l2
            when f.reason_l3 = '' then f.reason_l1 || ' > ' || f.reason_l2 || ' > –'
            else f.reason_l1 || ' > ' || f.reason_l2 || ' > ' || f.reason_l3
        end                                                                 as reason,
        f.channel,
        f.customer_id is not null                                           as has_customer,
        f.customer_id is not null
            and f.started_at + to_days($window_days) <= (select last_at from store_end) as is_observed,
        coalesce(w.later_any, 0) > 0                                        as is_repeat_any,
        coalesce(w.later_same, 0) > 0                                       as is_repeat_same
    from filtered as f
    left join followed as w using (contact_id)
),

final as (
    select
        case when grouping(reason) = 0 then 'reason'
             when grouping(channel) = 0 then 'channel'
             else 'total' end                           as kind,
        coalesce(reason, channel, '')                   as name,
        count(*)                                        as contacts,
        count_if(has_customer)                          as with_customer,
        count_if(is_observed)                           as observed_contacts,
        count_if(is_observed and is_repeat_any)         as repeats_any,
        count_if(is_observed and is_repeat_same)        as repeats_same
    from viewed
    group by grouping sets ((), (reason), (channel))
)

select * from final order by kind, observed_contacts desc, name
