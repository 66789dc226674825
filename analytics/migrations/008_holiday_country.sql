-- 008: whose public holidays the season knows (ISO country code, the ``holidays`` package).
-- A Dutch web shop's store says NL (the default, as before); a Boston 311 export's says US.
-- Changed on the Data page (Events) or with `python -m analytics store country CODE`.

alter table store_meta add column holiday_country varchar default 'NL';
update store_meta set holiday_country = 'NL' where holiday_country is null;
