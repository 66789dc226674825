-- One row per recorded reason x suggested reason of review batch $batch_id: its contacts
-- (what an audit row and the confirmation say).
with final as (
    select recorded_path, suggested_path, count(*) as contacts, min(confidence) as min_confidence
    from reason_reviews
    where batch_id = $batch_id
    group by all
)

select * from final order by contacts desc, recorded_path, suggested_path
