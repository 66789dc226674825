"""The steps every import and preview share: open the file, fit the mapping, stage the rows."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import duckdb

from analytics.importing.mapping import checked_mapping, complete_mapping
from analytics.importing.profiling import column_profiles
from analytics.importing.settings import ImportSettings
from analytics.importing.sources import Source, opened_source
from analytics.importing.staging import BROKEN_TABLE, LEFT_OUT, STAGE_TABLE, NotUtf8, StrayReturns, stage_rows

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
    ``None`` the mapping is suggested from the file's column names and values. A file that is not
    UTF-8 beyond its first megabyte is read again as Windows-1252, unless the encoding was
    given.

    Raises
    ------
    ImportRefused
        For every reason listed in ``opened_source``, ``checked_mapping`` and ``stage_rows``.
    """
    encoding, stray_returns = None, False
    large = limit is None and Path(path).is_file() and Path(path).stat().st_size >= LARGE_FILE_BYTES
    with scratch_database(cur) if large else nullcontext() as database:
        try:
            while True:
                with opened_source(path, settings, limit=limit, encoding=encoding,
                                   stray_returns_as_spaces=stray_returns) as source:
                    chosen = (settings.mapping if settings.mapping is not None
                              else complete_mapping(None, source.columns, kind, settings.constants,
                                                    column_profiles(path, settings)))
                    mapping = {field: column for field, column in chosen.items() if column}
                    positions = checked_mapping(mapping, source.columns, kind, settings.constants)
                    try:
                        used = stage_rows(cur, source, kind, source.settings, positions,
                                          encoding_given=bool(settings.encoding or encoding), limit=limit,
                                          database=database)
                    except NotUtf8:
                        encoding = "cp1252"
                        continue
                    except StrayReturns:
                        stray_returns = True
                        continue
                    yield Staged(source, mapping, used.with_changes(mapping=mapping))
                    return
        finally:
            cur.execute(f"drop table if exists {STAGE_TABLE}")
            cur.execute(f"drop table if exists {BROKEN_TABLE}")


@contextmanager
def scratch_database(cur: duckdb.DuckDBPyConnection) -> Iterator[str]:
    """A scratch DuckDB file attached on ``cur`` for the staged rows of a large file; its
    name is yielded, and it is detached and deleted on exit.

    A temporary table lives in memory: 20 million staged rows would need several GB. An
    ordinary table in an attached file is written to disk (compressed) as it fills. The
    cursor's ``search_path`` (its own, not the database's) finds ``_import_rows`` there, so
    every later step reads it by its plain name.
    """
    folder = Path(tempfile.mkdtemp(prefix="contacts-import-"))
    name = f"import_scratch_{uuid.uuid4().hex[:12]}"
    cur.execute(f"attach $path as {name}", {"path": str(folder / "staged.duckdb")})
    try:
        cur.execute(f"set search_path = 'main,{name}.main'")
        yield name
    finally:
        try:
            cur.execute("reset search_path")
            cur.execute(f"detach database if exists {name}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


IMPORT_MEMORY_LIMIT_BYTES = 2560 * 2**20  # 2 GiB ran out of memory staging 20M rows
LARGE_FILE_BYTES = 256 * 2**20
_UNITS = {"B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3, "TB": 1000**4,
          "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}


def setting_bytes(text: str) -> float | None:
    """DuckDB's way of writing a memory size (``"18.8 GiB"``, ``"2GB"``) in bytes; ``None``
    for anything else."""
    found = re.fullmatch(r"\s*([0-9.]+)\s*([KMGT]?I?B)\s*", text.upper())
    if not found:
        return None
    return float(found.group(1)) * _UNITS[found.group(2)]


def import_memory_limit() -> int:
    """DuckDB's memory limit for a large import in bytes: ``CONTACTS_IMPORT_MEMORY_MB``
    (read now) or 2.5 GiB.

    Raises
    ------
    ValueError
        When the environment variable is set but is not a positive whole number.
    """
    raw = os.environ.get("CONTACTS_IMPORT_MEMORY_MB", "").strip()
    if not raw:
        return IMPORT_MEMORY_LIMIT_BYTES
    if not raw.isdigit() or int(raw) <= 0:
        raise ValueError(f"CONTACTS_IMPORT_MEMORY_MB must be a positive whole number of megabytes, not {raw!r}.")
    return int(raw) * 2**20


@contextmanager
def bounded_memory(cur: duckdb.DuckDBPyConnection, path: str | os.PathLike) -> Iterator[None]:
    """Hold DuckDB to 2.5 GiB while a large file (256 MiB or more) is imported, then restore.

    The staged rows, the duplicate check and the insert then spill to DuckDB's temporary
    directory (next to the store) instead of growing the process: a 20-million-row export
    peaked at 3.0 GB. ``memory_limit`` belongs to the database, not the cursor, so every
    query of the process shares the lower limit while the import runs. A limit that is
    already lower, and small files, are left alone.
    """
    size = Path(path).stat().st_size if Path(path).is_file() else 0
    before = cur.execute("select current_setting('memory_limit')").fetchall()[0][0]
    current = setting_bytes(str(before))
    wanted = import_memory_limit()
    if size < LARGE_FILE_BYTES or current is None or current <= wanted:
        yield
        return
    cur.execute(f"set memory_limit = '{wanted // 2**20}MiB'")
    try:
        yield
    finally:
        # DuckDB shows the limit rounded ("18.8 GiB"): the default is restored exactly by
        # resetting it, any other limit by setting what was shown.
        cur.execute("reset memory_limit")
        if cur.execute("select current_setting('memory_limit')").fetchall()[0][0] != before:
            cur.execute("set memory_limit = $limit", {"limit": str(before)})


def file_sha256(path: str | os.PathLike) -> str:
    """The SHA-256 of a file's bytes (recorded in ``import_log`` to recognise a re-import)."""
    digest = hashlib.sha256()
    with Path(path).open("rb", buffering=0) as handle:
        while chunk := handle.read(16 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def stage_counts(cur: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Rows read and rows rejected: those in ``_import_rows`` and the lines that could not
    be parsed at all (``_import_broken``), which count as read and rejected. Rows the user
    chose to leave out (``ImportSettings.only``) are not read: see :func:`left_out_count`."""
    rows_read, rejected = cur.execute(
        f"select count(*) filter (where reject_field is distinct from '{LEFT_OUT}'),"
        f" count(reject_reason) filter (where reject_field is distinct from '{LEFT_OUT}') from {STAGE_TABLE}"
    ).fetchall()[0]
    broken = cur.execute(f"select count(*) from {BROKEN_TABLE}").fetchall()[0][0]
    return int(rows_read) + int(broken), int(rejected) + int(broken)


def left_out_count(cur: duckdb.DuckDBPyConnection) -> int:
    """Rows of the file left out because they do not have the values ``only`` asks for."""
    return int(cur.execute(f"select count(*) from {STAGE_TABLE} where reject_field = '{LEFT_OUT}'").fetchall()[0][0])


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
