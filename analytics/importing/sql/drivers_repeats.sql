-- Reject staged driver rows that repeat the day and dimension of an earlier valid row in
-- the same file (the first one wins); a driver has one value per day and dimension.
update _import_rows
set reject_field = 'day',
    reject_value = strftime(day, '%Y-%m-%d'),
    reject_reason = $reason
where reject_reason is null
  and rowid not in (
      select min(rowid)
      from _import_rows
      where reject_reason is null
      group by day, dimension, dimension_value
  )
