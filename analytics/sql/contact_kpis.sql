-- One row: the headline numbers of the filtered contacts.
-- fcr_rate and csat_pct are over the contacts that recorded them (null when none did).
with filtered as (
    {{ filtered_contacts }}
),

final as (
    select
        count(*)                                                      as contacts,
        count(distinct customer_id)                                   as customers,
        avg(handle_seconds)                                           as handle_seconds_avg,
        avg(case when resolved then 1.0 when not resolved then 0.0 end) as fcr_rate,
        avg(csat / nullif(csat_scale, 0))                             as csat_pct
    from filtered
)

select * from final
