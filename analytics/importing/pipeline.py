"""The steps every import and preview share: open the file, fit the mapping, stage the rows."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import duckdb

from analytics.importing.mapping import checked_mapping, suggest_mapping
from analytics.importing.settings import ImportSettings
from analytics.importing.sources import Source, opened_source
from analytics.importing.staging import STAGE_TABLE, NotUtf8, stage_rows

SQL_DIR = Path(__file__).resolve().parent / "sql"


@lru_cache(maxsize=None)
def sql_text(name: str) -> str:
    """The SQL of ``analytics/importing/sql/<name>.sql``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@dataclass
class Staged:
    """A staged file: where it came from, the mapping and all settings actually used."""

    source: Source
    mapping: dict[str, str]  # field -> column, mapped fields only
    settings: ImportSettings


@contextmanager
def staged_import(cur: duckdb.DuckDBPyConnection, path: str | os.PathLike, settings: ImportSettings,
                  kind: str, *, limit: int | None = None) -> Iterator[Staged]:
    """Stage a file into ``_import_rows`` on ``cur``; the table is dropped on exit.

    ``settings.mapping`` is used as given (fields mapped to ``""`` left out); when it is
    ``None`` the mapping is ``suggest_mapping`` of the file's columns. A file that is not
    UTF-8 beyond its first megabyte is read again as Windows-1252, unless the encoding was
    given.

    Raises
    ------
    ImportRefused
        For every reason listed in ``opened_source``, ``checked_mapping`` and ``stage_rows``.
    """
    encoding = None
    try:
        while True:
            with opened_source(path, settings, limit=limit, encoding=encoding) as source:
                chosen = settings.mapping if settings.mapping is not None else suggest_mapping(source.columns, kind)
                mapping = {field: column for field, column in chosen.items() if column}
                positions = checked_mapping(mapping, source.columns, kind)
                try:
                    used = stage_rows(cur, source, kind, source.settings, positions,
                                      encoding_given=bool(settings.encoding or encoding), limit=limit)
                except NotUtf8:
                    encoding = "cp1252"
                    continue
                yield Staged(source, mapping, used.with_changes(mapping=mapping))
                return
    finally:
        cur.execute(f"drop table if exists {STAGE_TABLE}")


def file_sha256(path: str | os.PathLike) -> str:
    """The SHA-256 of a file's bytes (recorded in ``import_log`` to recognise a re-import)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(16 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def stage_counts(cur: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Rows read and rows rejected in ``_import_rows``."""
    rows_read, rejected = cur.execute(
        f"select count(*), count(reject_reason) from {STAGE_TABLE}"
    ).fetchall()[0]
    return int(rows_read), int(rejected)


def checked_accounting(rows_read: int, inserted: int, duplicates: int, rejected: int) -> None:
    """Every row read is inserted, a duplicate or rejected, exactly once.

    Raises
    ------
    RuntimeError
        When the counts do not add up (a bug; the caller rolls back).
    """
    if rows_read != inserted + duplicates + rejected:
        raise RuntimeError(
            f"Import counts do not add up: {rows_read} read != {inserted} inserted + "
            f"{duplicates} duplicates + {rejected} rejected; nothing was written."
        )


def record_import(cur: duckdb.DuckDBPyConnection, *, import_id: int, kind: str, file_name: str, digest: str,
                  profile: str | None, rows_read: int, inserted: int, duplicates: int, rejected: int,
                  imported_by: str | None, started) -> None:
    """Write the import's ``import_log`` row after checking that every row is accounted for;
    call inside the import's transaction."""
    checked_accounting(rows_read, inserted, duplicates, rejected)
    cur.execute(sql_text("import_log_insert"), {
        "import_id": import_id, "kind": kind, "file_name": file_name, "file_sha256": digest,
        "profile": profile, "rows_read": rows_read, "inserted": inserted, "duplicates": duplicates,
        "rejected": rejected, "imported_by": imported_by, "started_at": started, "finished_at": datetime.now(),
    })
