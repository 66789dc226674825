-- Give satisfaction scores without a scale the file's inferred scale (staged rows only).
update _import_rows
set csat_scale = $scale
where reject_reason is null and csat is not null and csat_scale is null
