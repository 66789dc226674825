-- Remove the detail aggregate rows of the days being recomputed ($days, or all when
-- $rebuild). Paired with contact_days_detail_insert.sql (analytics.aggregates).
delete from contact_days_detail
where $rebuild or list_contains($days, day)
