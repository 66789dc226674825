-- One row per day that holds a contact of review batch $batch_id: the days whose daily
-- aggregates (and recorded deltas) the batch changed.
with final as (
    select distinct cast(started_at as date) as day
    from contacts
    where contact_id in (select contact_id from reason_reviews where batch_id = $batch_id)
)

select * from final order by day
