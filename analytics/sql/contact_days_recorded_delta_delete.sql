-- Remove the recorded delta's rows of the days being recomputed ($days, or all when
-- $rebuild). Paired with contact_days_recorded_delta_insert.sql (analytics.aggregates).
delete from contact_days_recorded_delta
where $rebuild or list_contains($days, day)
