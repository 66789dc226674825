-- One row per accept that still stands for some contact (its standing decision, the latest
-- row, is that accept): when, by whom, the reasons it moved contacts to and from, how many
-- contacts it still holds and the lowest confidence among them. Newest first.
with standing as (
    select *
    from reason_reviews
    qualify batch_id = max(batch_id) over (partition by contact_id)
),

final as (
    select
        batch_id,
        min(decided_at)                                             as decided_at,
        min(decided_by)                                             as decided_by,
        array_to_string(list_sort(list(distinct suggested_path)), '; ') as suggested_paths,
        array_to_string(list_sort(list(distinct recorded_path)), '; ')  as recorded_paths,
        count(*)                                                    as contacts,
        min(confidence)                                             as min_confidence
    from standing
    where decision = 'accepted'
    group by batch_id
)

select * from final order by batch_id desc
