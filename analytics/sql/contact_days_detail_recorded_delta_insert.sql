-- Recompute contact_days_detail_recorded_delta for the days in $days (all days when
-- $rebuild): one row per day x channel x reason path x department x product x supplier x
-- segment of the contacts relabelled by an accepted suggestion (recorded_l1 not null), each
-- counted +1 under the reason the agent recorded and -1 under the accepted one, its
-- measures signed alike.
-- Invariant: contact_days_detail plus these rows, summed per key, is the detail of the
-- contacts counted under coalesce(recorded_l*, reason_l*).
insert into contact_days_detail_recorded_delta
with relabelled as (
    select *
    from contacts
    where recorded_l1 is not null
      and ($rebuild
           or (started_at >= $first_at and started_at < $end_at
               and list_contains($days, cast(started_at as date))))
),

signed as (
    select started_at, channel, recorded_l1 as reason_l1, recorded_l2 as reason_l2, recorded_l3 as reason_l3,
           department, product, supplier, segment, 1 as sign, handle_seconds, wait_seconds, resolved,
           csat / nullif(csat_scale, 0) as csat_pct
    from relabelled
    union all
    select started_at, channel, reason_l1, reason_l2, reason_l3,
           department, product, supplier, segment, -1 as sign, handle_seconds, wait_seconds, resolved,
           csat / nullif(csat_scale, 0) as csat_pct
    from relabelled
),

final as (
    select
        cast(started_at as date)                                               as day,
        channel, reason_l1, reason_l2, reason_l3, department, product, supplier, segment,
        sum(sign)::bigint                                                      as contacts,
        sum(sign * handle_seconds)                                             as handle_seconds_sum,
        coalesce(sum(sign) filter (where handle_seconds is not null), 0)::bigint as handled_contacts,
        sum(sign * wait_seconds)                                               as wait_seconds_sum,
        coalesce(sum(sign) filter (where wait_seconds is not null), 0)::bigint   as waited_contacts,
        coalesce(sum(sign) filter (where resolved), 0)::bigint                   as resolved_contacts,
        coalesce(sum(sign) filter (where resolved is not null), 0)::bigint       as resolution_known,
        sum(sign * csat_pct)                                                   as csat_pct_sum,
        coalesce(sum(sign) filter (where csat_pct is not null), 0)::bigint       as csat_rated
    from signed
    group by all
)

select * from final order by day
