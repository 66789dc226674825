"""Importing a business driver (orders, visits, ...) per day into ``drivers``."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from time import perf_counter

import duckdb

from analytics import audit
from analytics.access import Role, require
from analytics.i18n import t
from analytics.importing.lines import rejects_frame
from analytics.importing.pipeline import file_sha256, record_import, sql_text, stage_counts, staged_import
from analytics.importing.settings import ImportRefused, ImportResult, ImportSettings
from analytics.store import write_transaction

REPEAT_REASON = "repeats the day and dimension of an earlier row"


def import_drivers(conn: duckdb.DuckDBPyConnection, path: str | os.PathLike, settings: ImportSettings | None = None,
                   *, driver_name: str, file_name: str | None = None, profile: str | None = None,
                   imported_by: str | None = None) -> ImportResult:
    """Import daily values of one driver (``day``, ``value``, optionally ``dimension`` and
    ``dimension_value``) into ``drivers``, all or nothing, like ``import_contacts``.

    Re-importing days replaces their values (an upsert on day, driver, dimension and
    dimension value). In the result, ``inserted`` counts new days and ``duplicates`` counts
    *updated* ones (a stored value replaced, whether or not it changed), so
    ``rows_read = inserted + duplicates + rejected`` still holds. A row that repeats the
    day and dimension of an earlier row in the same file is rejected (the first one wins).
    Values may be any finite number; empty dimensions are stored as ``''``.

    Raises
    ------
    ImportRefused
        For an empty ``driver_name`` and every reason ``import_contacts`` refuses a file.
    AccessDenied
        When the current actor is not an editor; the file is not even read.
    """
    actor = require(Role.EDITOR, "import driver values")
    imported_by = imported_by or actor.name
    driver = (driver_name or "").strip()
    if not driver:
        raise ImportRefused(t("errors.import_driver_name_missing"))
    settings = settings or ImportSettings()
    started, clock = datetime.now(), perf_counter()
    cur = conn.cursor()
    try:
        with staged_import(cur, path, settings, "drivers") as staged:
            cur.execute(sql_text("drivers_repeats"), {"reason": REPEAT_REASON})
            rows_read, rejected = stage_counts(cur)
            rejects = rejects_frame(cur, staged.source, staged.mapping, whole_file=True)
            digest = file_sha256(path)
            with write_transaction(conn, cursor=cur):
                import_id = int(cur.execute("select nextval('import_log_id_seq')").fetchall()[0][0])
                updated = int(cur.execute(sql_text("drivers_updates"), {"driver": driver}).fetchall()[0][0])
                written = int(cur.execute(sql_text("drivers_upsert"),
                                          {"driver": driver, "import_id": import_id}).fetchall()[0][0])
                inserted = written - updated
                record_import(cur, import_id=import_id, kind="drivers", file_name=file_name or Path(path).name,
                              digest=digest, profile=profile, rows_read=rows_read, inserted=inserted,
                              duplicates=updated, rejected=rejected, imported_by=imported_by, started=started)
                audit.record(cur, "import.drivers", file_name or Path(path).name, None, {
                    "import_id": import_id, "driver": driver, "file_name": file_name or Path(path).name,
                    "profile": profile, "rows_read": rows_read, "inserted": inserted, "updated": updated,
                    "rejected": rejected})
    finally:
        cur.close()
    return ImportResult(
        import_id=import_id, rows_read=rows_read, inserted=inserted, duplicates=updated, rejected=rejected,
        rejects=rejects, detected=staged.settings, seconds=perf_counter() - clock,
        file_name=file_name or Path(path).name, kind="drivers", extra={"driver": driver},
    )
