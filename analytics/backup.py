"""Backups of the contact store: one consistent copy, checked when it is brought back.

``make_backup`` copies every table into a new DuckDB file in one statement (one snapshot:
an import committing meanwhile is either wholly in the copy or not at all), then writes a
manifest into the copy: each table's row count and a content checksum (the sum of every
row's hash, so order does not matter and a changed, added or removed row does). The copy
is written under a temporary name and renamed into place, so a half-written backup never
has the backup's name. ``restore_backup`` recomputes the manifest before it touches the
store, and replaces the store by renaming, keeping the old file beside it.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from analytics import audit
from analytics.access import Role, require
from analytics.store import StoreError, open_store, resolve_db_path

MANIFEST_TABLE = "backup_manifest"
BACKUP_FOLDER = "backups"


class BackupError(StoreError):
    """The backup cannot be made or does not match its manifest."""


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    checksum: str


def table_checks(conn: duckdb.DuckDBPyConnection, database: str | None = None) -> list[TableCheck]:
    """Row count and content checksum of every table of ``database`` (default: the
    connection's own), the manifest table excepted, by table name."""
    cur = conn.cursor()
    database = database or cur.execute("select current_database()").fetchall()[0][0]
    names = [row[0] for row in cur.execute(
        "select table_name from duckdb_tables() where database_name = $db and schema_name = 'main'"
        " and table_name <> $manifest order by table_name", {"db": database, "manifest": MANIFEST_TABLE},
    ).fetchall()]
    checks = []
    for name in names:
        qualified = f'"{database}"."main"."{name}"'  # names read from the catalog just above
        rows, checksum = cur.execute(
            f"select count(*), coalesce(sum(hash(t)::hugeint), 0)::varchar from {qualified} t").fetchall()[0]
        checks.append(TableCheck(name, int(rows), str(checksum)))
    return checks


@dataclass(frozen=True)
class BackupFile:
    name: str
    path: Path
    size_bytes: int
    written_at: datetime


def backup_folder(db_path: Path) -> Path:
    """Where the dashboard writes backups of the store ``db_path``: ``backups/`` beside it."""
    return db_path.parent / BACKUP_FOLDER


def new_backup_path(db_path: Path, now: datetime) -> Path:
    """A backup file name for ``db_path`` at ``now`` (``contacts-20261206-081500.duckdb``)."""
    return backup_folder(db_path) / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}.duckdb"


def existing_backups(db_path: Path) -> list[BackupFile]:
    """The finished backups in the store's backup folder, newest first (a backup being
    written has a hidden ``.partial`` name and is not listed)."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [BackupFile(p.name, p, p.stat().st_size, datetime.fromtimestamp(p.stat().st_mtime))
             for p in folder.glob(f"{db_path.stem}-*.duckdb") if p.is_file()]
    return sorted(found, key=lambda b: b.written_at, reverse=True)


def make_backup(conn: duckdb.DuckDBPyConnection, out: str | os.PathLike) -> list[TableCheck]:
    """Copy the store open on ``conn`` to the new file ``out``; return its manifest.

    Raises
    ------
    AccessDenied
        When the current actor is not an admin.
    BackupError
        When ``out`` exists already or cannot be written.
    """
    require(Role.ADMIN, "make a backup")
    out = Path(out).expanduser().resolve()
    if out.exists():
        raise BackupError(f"{out} exists already: choose a new file name for the backup.")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    alias = f"backup_{uuid.uuid4().hex[:8]}"
    cur = conn.cursor()
    source = cur.execute("select current_database()").fetchall()[0][0]
    try:
        cur.execute(f"attach $path as {alias} (read_only false)", {"path": str(partial)})
        try:
            cur.execute(f'copy from database "{source}" to {alias}')
            checks = table_checks(conn, alias)
            cur.execute(f"create table {alias}.{MANIFEST_TABLE} (table_name varchar, row_count bigint,"
                        " checksum varchar, made_at timestamp)")
            now = datetime.now()
            for check in checks:
                cur.execute(f"insert into {alias}.{MANIFEST_TABLE} values ($t, $r, $c, $at)",
                            {"t": check.table, "r": check.rows, "c": check.checksum, "at": now})
        finally:
            cur.execute(f"detach {alias}")
        _fsync(partial)
        os.replace(partial, out)
        if not _read_only(cur):  # a store opened read-only (a copy, a read-only disk) records nothing
            _record(cur, "backup.make", out.name, None, {"file": str(out), "tables": len(checks),
                                                         "contacts": _rows(checks, "contacts")})
    except duckdb.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup to {out} failed: {str(exc).splitlines()[0]}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return checks


def verify_backup(path: str | os.PathLike) -> list[TableCheck]:
    """The backup's manifest, after checking that every table matches it.

    Raises
    ------
    BackupError
        When the file is not a backup made by ``make_backup`` or a table differs from the
        manifest (rows changed, added or removed, a table missing or extra).
    """
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise BackupError(f"There is no backup file {path}.")
    try:
        conn = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise BackupError(f"{path.name} is not a backup of a contact store: {str(exc).splitlines()[0]}") from exc
    try:
        try:
            manifest = conn.execute(
                f"select table_name, row_count, checksum from {MANIFEST_TABLE} order by table_name").fetchall()
        except duckdb.Error as exc:
            raise BackupError(f"{path.name} has no backup manifest: it was not made by `backup`.") from exc
        expected = [TableCheck(t, int(r), str(c)) for t, r, c in manifest]
        found = table_checks(conn)
    finally:
        conn.close()
    if found != expected:
        differing = sorted({c.table for c in set(found) ^ set(expected)})
        raise BackupError(f"{path.name} does not match its manifest (tables {', '.join(differing)}): "
                          "it was changed or damaged after the backup; nothing was restored.")
    return expected


def restore_backup(backup: str | os.PathLike, db: str | os.PathLike | None = None) -> Path | None:
    """Replace the store ``db`` by the checked backup; return where the old store was kept
    (``<store>.before-restore``), or None when there was none.

    Raises
    ------
    AccessDenied
        When the current actor is not an admin.
    BackupError
        When the backup does not verify; the store is untouched.
    StoreInUse
        When the running dashboard holds the store (stop it first); the store is untouched.
    """
    require(Role.ADMIN, "restore a backup")
    checks = verify_backup(backup)
    target = resolve_db_path(db)
    if target.exists():
        open_store(target, read_only=True).close()  # raises StoreInUse while the app holds it
    staged = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.restoring")
    shutil.copyfile(backup, staged)
    try:
        conn = duckdb.connect(str(staged))
        conn.execute(f"drop table {MANIFEST_TABLE}")
        conn.execute("checkpoint")
        conn.close()
        restored = open_store(staged)  # a backup from an older version is migrated here
        try:
            _record(restored.cursor(), "backup.restore", Path(backup).name,
                    None, {"file": str(Path(backup).resolve()), "contacts": _rows(checks, "contacts")})
            restored.execute("checkpoint")
        finally:
            restored.close()
        _fsync(staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    kept = None
    if target.exists():
        kept = target.with_name(target.name + ".before-restore")
        os.replace(target, kept)
        wal = target.with_name(target.name + ".wal")
        if wal.exists():
            os.replace(wal, kept.with_name(kept.name + ".wal"))
    os.replace(staged, target)
    return kept


def _record(cur: duckdb.DuckDBPyConnection, action: str, target: str, before, after) -> None:
    """An audit row in a transaction of its own: a backup changes no data, so the data
    version (and every cached page) stays as it is."""
    cur.execute("begin transaction")
    try:
        audit.record(cur, action, target, before, after)
        cur.execute("commit")
    except BaseException:
        cur.execute("rollback")
        raise


def _read_only(cur: duckdb.DuckDBPyConnection) -> bool:
    return bool(cur.execute("select readonly from duckdb_databases() where database_name = current_database()"
                            ).fetchall()[0][0])


def _rows(checks: list[TableCheck], table: str) -> int:
    return next((check.rows for check in checks if check.table == table), 0)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
