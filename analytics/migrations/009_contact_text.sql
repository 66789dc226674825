-- 009: what the customer wrote, when the export has it: a subject line, a summary or the
-- customer's first message (one column, or several joined). E-mail addresses, phone numbers,
-- IBANs and postcodes are masked on import (analytics.text_reasons.masking); only editors and
-- admins may read it (analytics.access). NULL for contacts without text: DuckDB stores a
-- column of NULLs in next to no space, and queries that do not name it never read it.
-- In Parquet mode the store's definition of the table gains the column (analytics.store).

alter table contacts add column text varchar;
