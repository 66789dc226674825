-- Remove the aggregate rows of the days being recomputed: the days in $days, or every
-- day when $rebuild. Paired with contact_days_insert.sql (analytics.aggregates).
delete from contact_days
where $rebuild or list_contains($days, day)
