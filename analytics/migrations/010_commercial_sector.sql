-- 010: whose named commercial days the season knows, beside the holiday country's public
-- holidays: a sector of analytics/baseline/commercial_days.csv ("retail", the default, as
-- before), or 'none' for no commercial days (a public service's 311 line has no Black Friday).
-- Changed on the Data page (Events) or with `python -m analytics store sector NAME`.

alter table store_meta add column commercial_sector varchar default 'retail';
update store_meta set commercial_sector = 'retail' where commercial_sector is null;
