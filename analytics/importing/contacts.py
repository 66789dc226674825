"""Importing a contact export into ``contacts``, all or nothing, and previewing one."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from time import perf_counter

import duckdb
import pandas as pd

from analytics import audit
from analytics.access import Role, require
from analytics.aggregates import refresh_contact_days
from analytics.channels import register_new_channels, register_new_reasons
from analytics.importing.lines import rejects_frame
from analytics import formatting
from analytics.i18n import t
from analytics.importing.pipeline import (
    STAGE_TABLE, Staged, bounded_memory, file_sha256, left_out_count, record_import, sql_text, stage_counts,
    staged_import,
)
from analytics.importing.settings import CONTACT_FIELDS, ImportRefused, ImportResult, ImportSettings, columns_of, quoted
from analytics.parquet_mode import refuse_import_in_parquet_mode
from analytics.store import write_transaction

CSAT_SCALES = (5.0, 10.0, 100.0)
REPEATS_TABLE = "_import_repeats"


def inferred_csat_scale(highest: float | None, lowest: float | None) -> float | None:
    """The scale of scores given without one: the smallest of 5, 10 and 100 that holds the
    file's highest score, skipping 5 when a score is below 1 (five-point scales run 1-5).
    ``None`` when the file has no scores.

    Examples
    --------
    Highest 4 -> 5; highest 4 with a 0 -> 10; highest 9 -> 10; highest 87 -> 100; a score
    above 100 -> 100, and that row is rejected as above its scale.
    """
    if highest is None:
        return None
    for scale in CSAT_SCALES:
        if highest <= scale and not (scale == 5.0 and lowest is not None and lowest < 1):
            return scale
    return CSAT_SCALES[-1]


def apply_csat_scale(cur: duckdb.DuckDBPyConnection, mapping: dict[str, str]) -> float | None:
    """Fill missing scales of staged scores with the inferred one; reject scores above
    their scale. Returns the inferred scale (``None`` without scores)."""
    if "csat" not in mapping:
        return None
    highest, lowest = cur.execute(
        f"select max(csat), min(csat) from {STAGE_TABLE} where reject_reason is null and csat_scale is null"
    ).fetchall()[0]
    scale = inferred_csat_scale(highest, lowest)
    if scale is not None:
        cur.execute(sql_text("csat_scale_fill"), {"scale": scale})
    cur.execute(sql_text("csat_scale_check"))
    return scale


def contact_id_range(cur: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """Find the staged contact_ids that repeat (``_import_repeats``, see
    ``sql/contacts_repeats.sql``) and return the lowest and highest valid contact_id as
    ``first_id``/``last_id``, the parameters of the duplicate check and the insert."""
    cur.execute(sql_text("contacts_repeats"))
    first_id, last_id = cur.execute(
        f"select min(contact_id), max(contact_id) from {STAGE_TABLE} where reject_reason is null"
    ).fetchall()[0]
    return {"first_id": first_id, "last_id": last_id}


SHARED_ID_SHARE = 0.01
HANDLE_MEDIAN_RANGE = (10.0, 4 * 3600.0)


def refuse_shared_ids(cur: duckdb.DuckDBPyConnection, staged: Staged) -> None:
    """Refuse a file whose contact ids are shared by different contacts (repeats with other
    start times in more than 1% of the rows): storing only each id's first row would drop
    the rest as "duplicates" without a word. Call after ``contact_id_range``.

    Raises
    ------
    ImportRefused
        Naming the id column, the rows, and a column that together with it tells the
        contacts apart (when the file has one).
    """
    shared = int(cur.execute(sql_text("contacts_shared_ids")).fetchall()[0][0])
    rows = int(cur.execute(f"select count(*) from {STAGE_TABLE} where reject_reason is null").fetchall()[0][0])
    if shared <= max(10, SHARED_ID_SHARE * rows):
        return
    id_columns = columns_of(staged.mapping.get("contact_id"))
    partner = key_partner(cur, staged.source, id_columns)
    message = t("errors.import_shared_ids", column=quoted(" + ".join(id_columns)), rows=formatting.count(shared),
                total=formatting.count(rows))
    if partner:
        message += " " + t("errors.import_shared_ids_partner", partner=quoted(partner))
    raise ImportRefused(message)


def key_partner(cur: duckdb.DuckDBPyConnection, source, id_columns: list[str]) -> str | None:
    """The column that, joined with the id columns, is unique for every row: the one with
    the fewest distinct values (a line or a branch, not a timestamp); ``None`` when none is."""
    positions = [source.columns.index(c) for c in id_columns if c in source.columns]
    others = [i for i in range(len(source.columns)) if i not in positions]
    if not positions or not others:
        return None
    relation, params = source.relation(line_breaks=False)
    key = ", ".join(f"c{i}" for i in positions)
    stats = ", ".join(f"count(distinct c{i}), count(distinct ({key}, c{i}))" for i in others)
    row = cur.execute(f"select count(*), {stats} from ({relation})", params).fetchall()[0]
    total = row[0]
    unique = [(row[1 + 2 * n], source.columns[i]) for n, i in enumerate(others) if row[2 + 2 * n] == total]
    return min(unique)[1] if unique else None


def masked_texts(cur: duckdb.DuckDBPyConnection) -> int:
    """The file's valid rows whose text had personal data masked (``staging``)."""
    return int(cur.execute(
        f"select count(*) from {STAGE_TABLE} where text_masked and reject_reason is null").fetchall()[0][0])


def masking_summary(has_text: bool, masked: int) -> dict[str, object]:
    """What the import result says about masking: the count and a sentence in the active
    language (nothing for a file without texts)."""
    if not has_text:
        return {}
    return {"masked_texts": masked, "masked_note": t("import.masked_texts", count=formatting.count(masked))}


def plausibility_warnings(cur: duckdb.DuckDBPyConnection, staged: Staged) -> list[str]:
    """Readings that raise no error but cannot be right, in the user's words: a median
    handle time under 10 seconds or over 4 hours (a unit misread)."""
    warnings = []
    if "handle_seconds" in staged.mapping:
        median = cur.execute(f"select median(handle_seconds) from {STAGE_TABLE} where reject_reason is null"
                             " and handle_seconds > 0").fetchall()[0][0]
        low, high = HANDLE_MEDIAN_RANGE
        if median is not None and not low <= median <= high:
            unit = (staged.settings.units or {}).get("handle_seconds", "seconds")
            warnings.append(t("import.warn_handle_median", column=quoted(" + ".join(columns_of(
                staged.mapping["handle_seconds"]))), median=formatting.seconds_as_minutes(median),
                unit=t(f"import.unit_{unit}")))
    return warnings


def import_contacts(conn: duckdb.DuckDBPyConnection, path: str | os.PathLike, settings: ImportSettings | None = None,
                    *, file_name: str | None = None, profile: str | None = None,
                    imported_by: str | None = None) -> ImportResult:
    """Import a contact export (CSV, .xlsx or Parquet) into ``contacts``.

    All or nothing: the ``import_log`` row, the contacts, newly seen channels and reasons and
    the data-version bump are written in one transaction, rolled back on any error. A file
    that cannot be read as a whole is refused before anything is written.

    Rows are accounted for exactly once: ``rows_read = inserted + duplicates + rejected``.

    - *Rejected*: a required field (contact_id, started_at, channel, reason_l1) is empty, or
      a value cannot be read (date, number, yes/no word, negative time, score above its
      scale). The first problem of the row is listed in ``rejects`` with its file line.
      An empty optional cell is stored as NULL (empty reason levels as ``''``); a
      non-empty optional cell that cannot be read rejects the row, it never becomes NULL.
    - *Duplicate*: the contact_id is already stored, or occurs earlier in the file - the
      first occurrence in the file wins. Re-importing a file therefore adds nothing.

    Timestamps with a UTC offset are stored in UTC; without one, as written (local time).
    Scores without a scale column get the scale of ``inferred_csat_scale``. Text is
    trimmed of surrounding spaces. In the ``text`` field e-mail addresses, phone numbers,
    IBANs and postcodes are masked (``analytics.text_reasons.masking``); the result's
    ``masked_texts`` counts the texts that had any.

    Parameters
    ----------
    conn
        An open, writable store (``analytics.store.open_store``).
    path
        The export.
    settings
        How to read it; anything ``None`` is detected (see ``ImportSettings``).
    file_name, profile, imported_by
        Recorded in ``import_log`` (``file_name`` defaults to the file's name, ``imported_by`` to
        the acting user's name).

    Raises
    ------
    ImportRefused
        Nothing was written: the file is missing, empty, header-only, too big, of an
        unknown type or broken structure; a required field is not mapped or a mapped column
        is missing; the date column is empty or unreadable in more than half the rows.
    AccessDenied
        When the current actor is not an editor; the file is not even read.
    """
    actor = require(Role.EDITOR, "import contacts")
    imported_by = imported_by or actor.name
    refuse_import_in_parquet_mode(conn)
    settings = settings or ImportSettings()
    started, clock = datetime.now(), perf_counter()
    cur = conn.cursor()
    # The file's hash is read in a second thread while DuckDB stages the rows.
    hashing = ThreadPoolExecutor(max_workers=1)
    try:
        digest_later = hashing.submit(file_sha256, path) if Path(path).is_file() else None
        with bounded_memory(cur, path), staged_import(cur, path, settings, "contacts") as staged:
            scale = apply_csat_scale(cur, staged.mapping)
            rows_read, rejected = stage_counts(cur)
            left_out = left_out_count(cur)
            rejects = rejects_frame(cur, staged.source, staged.mapping, whole_file=True)
            id_range = contact_id_range(cur)
            refuse_shared_ids(cur, staged)
            warnings = plausibility_warnings(cur, staged)
            masked = masked_texts(cur)
            digest = digest_later.result()
            with write_transaction(conn, cursor=cur):
                import_id = int(cur.execute("select nextval('import_log_id_seq')").fetchall()[0][0])
                duplicates = int(cur.execute(sql_text("contacts_duplicates"), id_range).fetchall()[0][0])
                insert, params = (("contacts_insert", {"import_id": import_id, **id_range}) if duplicates
                                  else ("contacts_insert_all", {"import_id": import_id}))
                inserted = int(cur.execute(sql_text(insert), params).fetchall()[0][0])
                refresh_contact_days(cur, import_id=import_id)
                record_import(cur, import_id=import_id, kind="contacts", file_name=file_name or Path(path).name,
                              digest=digest, profile=profile, rows_read=rows_read, inserted=inserted,
                              duplicates=duplicates, rejected=rejected, imported_by=imported_by, started=started)
                new_channels = register_new_channels(cur)
                new_reasons = register_new_reasons(cur)
                audit.record(cur, "import.contacts", file_name or Path(path).name, None, {
                    "import_id": import_id, "file_name": file_name or Path(path).name, "profile": profile,
                    "rows_read": rows_read, "inserted": inserted, "duplicates": duplicates, "rejected": rejected,
                    "new_channels": new_channels, "new_reasons": new_reasons})
    finally:
        hashing.shutdown(wait=True, cancel_futures=True)
        cur.execute(f"drop table if exists {REPEATS_TABLE}")
        cur.close()
    return ImportResult(
        import_id=import_id, rows_read=rows_read, inserted=inserted, duplicates=duplicates, rejected=rejected,
        rejects=rejects, detected=staged.settings, seconds=perf_counter() - clock,
        file_name=file_name or Path(path).name, kind="contacts",
        extra={"left_out": left_out, "csat_scale": scale, "new_channels": new_channels, "new_reasons": new_reasons,
               "warnings": warnings, "mapping": staged.mapping, **masking_summary("text" in staged.mapping, masked)},
    )


def preview_contacts(path: str | os.PathLike, settings: ImportSettings | None = None,
                     n: int = 20) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first ``n`` data rows as they would be stored, and the rejects among them.

    Nothing is written anywhere. Duplicates are not looked for (that needs the store); a
    satisfaction scale is inferred from these rows only. The settings used are in
    ``rows.attrs["detected"]``.

    Raises
    ------
    ImportRefused
        As ``import_contacts`` would, judged on these rows.
    """
    settings = settings or ImportSettings()
    cur = duckdb.connect()
    try:
        with staged_import(cur, path, settings, "contacts", limit=n) as staged:
            apply_csat_scale(cur, staged.mapping)
            warnings = plausibility_warnings(cur, staged)
            rows = cur.execute(
                f"select {', '.join(CONTACT_FIELDS)} from {STAGE_TABLE} where reject_reason is null order by rowid"
            ).fetch_df()
            rejects = rejects_frame(cur, staged.source, staged.mapping, whole_file=False)
    finally:
        cur.close()
    rows.attrs["detected"] = staged.settings.to_dict()
    rows.attrs["warnings"] = warnings
    rows.attrs["mapping"] = staged.mapping
    return rows, rejects
