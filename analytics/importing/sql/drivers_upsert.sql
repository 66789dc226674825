-- Store the staged driver values: new days are inserted, stored ones get the new value.
-- Returns the number of rows written (inserted + updated).
insert into drivers (day, driver, value, dimension, dimension_value, import_id)
select day, $driver, value, dimension, dimension_value, $import_id
from _import_rows
where reject_reason is null
on conflict (day, driver, dimension, dimension_value) do update
set value = excluded.value,
    import_id = excluded.import_id
