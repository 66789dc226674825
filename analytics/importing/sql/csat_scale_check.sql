-- Reject staged scores above their scale; nothing is clipped.
update _import_rows
set reject_field = 'csat',
    reject_value = regexp_replace(csat::varchar, '\.0$', ''),
    reject_reason = 'above its scale of ' || regexp_replace(csat_scale::varchar, '\.0$', '')
where reject_reason is null and csat > csat_scale
