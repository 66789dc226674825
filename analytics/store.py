"""The contact store: one DuckDB file, its schema version and forward migrations.

The schema lives in ``analytics/migrations/NNN_name.sql``. ``open_store`` applies every
migration newer than the file's recorded version, each in its own transaction, so a store
made by an older version of the dashboard opens in a newer one.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from analytics.access import Role, require

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "contacts.duckdb"


class StoreError(RuntimeError):
    """The store cannot be opened or is not a contact store."""


class StoreInUse(StoreError):
    """Another process holds the store open for writing (usually the running dashboard);
    writes go through its inbox instead (``analytics.live``)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The store to use: ``--db`` beats ``CONTACTS_DB`` beats ``data/contacts.duckdb``."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env_value = os.environ.get("CONTACTS_DB")
    if env_value:
        return Path(env_value).expanduser().resolve()
    return DEFAULT_DB_PATH


def available_migrations() -> list[Migration]:
    """Every migration file, in version order (``001_initial.sql`` is version 1)."""
    migrations = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        migrations.append(Migration(version, path.stem[4:], path.read_text(encoding="utf-8")))
    return migrations


LATEST_SCHEMA_VERSION = max(m.version for m in available_migrations())


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The store's schema version; 0 for an empty file."""
    cur = conn.cursor()
    exists = cur.execute(
        "select count(*) from information_schema.tables where table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return int(cur.execute("select coalesce(max(version), 0) from schema_version").fetchall()[0][0])


def migrate(conn: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration newer than the store's version; return the versions applied.

    Raises
    ------
    StoreError
        When the file was written by a newer version of the dashboard.
    """
    current = schema_version(conn)
    if current > LATEST_SCHEMA_VERSION:
        raise StoreError(
            f"This store has schema version {current}, newer than this dashboard "
            f"understands ({LATEST_SCHEMA_VERSION}). Update the dashboard."
        )
    cur = conn.cursor()
    cur.execute(
        "create table if not exists schema_version ("
        " version integer primary key, name varchar not null, applied_at timestamp not null)"
    )
    applied = []
    for migration in available_migrations():
        if migration.version <= current:
            continue
        cur.execute("begin transaction")
        try:
            _apply(cur, migration)
            cur.execute(
                "insert into schema_version values ($version, $name, $applied_at)",
                {"version": migration.version, "name": migration.name, "applied_at": datetime.now()},
            )
            cur.execute("commit")
        except Exception:
            cur.execute("rollback")
            raise
        applied.append(migration.version)
    return applied


def _apply(cur: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    """Run a migration; in Parquet mode (``contacts`` a view over a dataset, see
    ``analytics.parquet_mode``) against an empty stand-in table of the stored definition.

    The stand-in lets a migration change the contacts table's shape (add a column) where
    there is no table to alter: the changed definition is stored for the next ``store
    refresh`` (which makes the view anew) and ``store use-table``, and the view reads a
    column it lacks as NULL until then (``parquet_mode.follow_stored_definition``), so the
    queries that name the new column run at once. Such a migration sees no contact rows
    there, so it may change the table's definition, not its data.
    """
    from analytics.parquet_mode import follow_stored_definition  # it imports this module

    is_view = cur.execute(
        "select count(*) from duckdb_views() where schema_name = 'main' and view_name = 'contacts'"
    ).fetchall()[0][0]
    if not is_view:
        cur.execute(migration.sql)
        return
    cur.execute("alter view contacts rename to _contacts_parquet_view")
    cur.execute(cur.execute("select table_sql from contact_source").fetchall()[0][0])
    cur.execute(migration.sql)
    columns = [[str(name), str(kind)] for name, kind in cur.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_schema = 'main' and table_name = 'contacts' order by ordinal_position").fetchall()]
    table_sql = cur.execute(
        "select sql from duckdb_tables() where schema_name = 'main' and table_name = 'contacts'").fetchall()[0][0]
    cur.execute("update contact_source set columns = $columns, table_sql = $table_sql",
                {"columns": json.dumps(columns), "table_sql": table_sql})
    cur.execute("drop table contacts")
    cur.execute("alter view _contacts_parquet_view rename to contacts")
    follow_stored_definition(cur)


# The operating system's words for a file or disk the process may not write.
_NOT_WRITABLE = ("Read-only file system", "Permission denied", "Operation not permitted")


def open_store(path: str | os.PathLike | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and, unless read-only, create and migrate) the contact store.

    Raises
    ------
    StoreError
        When the file is not a DuckDB database, is locked by another process
        (``StoreInUse``), or was made by a newer version.
    """
    db_path = resolve_db_path(path)
    if read_only and not db_path.exists():
        raise StoreError(f"No contact store at {db_path}.")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = duckdb.connect(str(db_path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreInUse(
                f"The contact store {db_path.name} is in use by another process "
                "(probably the running dashboard). Stop it or import from the Data page."
            ) from exc
        if any(words in message for words in _NOT_WRITABLE):
            raise StoreError(
                f"The contact store {db_path} cannot be written here ({message.split(': ')[-1].strip()}): "
                "the disk or the file is read-only for the dashboard. Make it writable for the user the "
                "dashboard runs as, or point CONTACTS_DB (or --db) at a writable copy; a backup can be "
                "restored there with `python -m analytics restore FILE --db PATH`."
            ) from exc
        raise StoreError(f"{db_path.name} is not a contact store (DuckDB file): {message}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{db_path.name} could not be opened as a contact store: {exc}") from exc
    try:
        refuse_foreign_database(conn, db_path)
        if not read_only:
            migrate(conn)
    except Exception:
        conn.close()
        raise
    return conn


def refuse_foreign_database(conn: duckdb.DuckDBPyConnection, db_path: Path) -> None:
    """Refuse a DuckDB file that holds tables but was never a contact store.

    Migrating it would add the store's tables among somebody else's (and a later restore or
    clean-up could touch theirs), so a file with tables and no schema version is left alone.

    Raises
    ------
    StoreError
        When the file has tables of its own and no ``schema_version`` rows.
    """
    if schema_version(conn) > 0:
        return
    foreign = [row[0] for row in conn.cursor().execute(
        "select table_name from duckdb_tables() where database_name = current_database()"
        " and table_name <> 'schema_version' order by table_name limit 6"
    ).fetchall()]
    if foreign:
        shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
        raise StoreError(
            f"{db_path.name} is a DuckDB database but not a contact store (it holds the tables {shown}); "
            "nothing in it was changed. Point CONTACTS_DB (or --db) at a contact store, or at a new file name "
            "to start an empty store."
        )


SCOPES = ("contacts", "pilots", "actions", "roles", "import_profiles")
"""The parts of the store a write may change and a cached view may read: ``contacts`` is
everything counts, baselines and ratios are made of (contacts and their aggregates, reasons
and their owners, channels, events, drivers, the season's settings); the others are the
pilot registry, the weekly report's actions, who may do what, and saved import mappings."""


def bump_data_version(cur: duckdb.DuckDBPyConnection, changes: Sequence[str] = SCOPES) -> None:
    """Mark the data as changed, in the ``changes`` scopes (:data:`SCOPES`); call inside
    the writing transaction."""
    unknown = set(changes) - set(SCOPES)
    if unknown or not changes:
        raise ValueError(f"a write changes one or more of {', '.join(SCOPES)}, not {sorted(unknown) or 'none'}")
    cur.execute(
        "update store_meta set data_version = data_version + 1, changed_at = $now",
        {"now": datetime.now()},
    )
    cur.execute(
        "insert or replace into data_scopes select scope, (select data_version from store_meta)"
        " from unnest($scopes::varchar[]) as changed(scope)",
        {"scopes": list(changes)},
    )


def holiday_country(conn: duckdb.DuckDBPyConnection) -> str:
    """The ISO code of the country whose public holidays the store's season knows ("NL")."""
    return str(conn.cursor().execute("select holiday_country from store_meta").fetchall()[0][0] or "NL")


NO_SECTOR = "none"
"""The commercial sector that has no commercial days."""


def commercial_sector(conn: duckdb.DuckDBPyConnection) -> str:
    """The sector of ``commercial_days.csv`` whose named commercial days the store's season
    knows ("retail"), or :data:`NO_SECTOR` for none."""
    return str(conn.cursor().execute("select commercial_sector from store_meta").fetchall()[0][0] or "retail")


def data_version(conn: duckdb.DuckDBPyConnection) -> int:
    """A number that changes whenever data changes: the key for cached results."""
    return int(conn.cursor().execute("select data_version from store_meta").fetchall()[0][0])


def scope_versions(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The data version at the last change of each of :data:`SCOPES` (0: none since the
    store has kept them). A view that reads only some scopes is current as long as the
    largest of theirs is."""
    changed = dict(conn.cursor().execute("select scope, version from data_scopes").fetchall())
    return {scope: int(changed.get(scope, 0)) for scope in SCOPES}


_ONE_WRITER = threading.RLock()
_writes_committed = 0


def writes_committed() -> int:
    """How many writes this process has committed. Every write goes through
    :func:`write_transaction`, and no other process can write while this one holds the
    store, so a data version read when this count was the same is still the current one."""
    return _writes_committed


def _count_write() -> None:
    global _writes_committed
    _writes_committed += 1


@contextmanager
def write_transaction(conn: duckdb.DuckDBPyConnection, *, cursor: duckdb.DuckDBPyConnection | None = None,
                      changes: Sequence[str] = SCOPES) -> Iterator[duckdb.DuckDBPyConnection]:
    """``with write_transaction(conn) as cur:`` — one all-or-nothing write; the data
    version is bumped on commit so cached views refresh: those that read one of the
    ``changes`` scopes (:data:`SCOPES`; every scope unless the write names fewer). By
    default on a cursor of its own (closed afterwards); pass ``cursor`` to write on one that
    holds temporary tables.

    Each write function checks the actor's role for what it does (and records its audit
    row, ``analytics.audit.record``, on ``cur``); the check here is a safety net, so a write
    that forgot its own check is still refused to viewers and to nobody.

    Raises
    ------
    AccessDenied
        When nobody is acting or the actor is below editor; nothing is written.
    """
    require(Role.EDITOR, "change the store")
    # One write at a time per process (the dashboard's pages, its inbox worker, its
    # background jobs): DuckDB lets two transactions run but refuses the second commit of
    # the same row ("Conflict on update" on the data version), which would lose an import.
    with _ONE_WRITER:
        cur = cursor if cursor is not None else conn.cursor()
        cur.execute("begin transaction")
        try:
            yield cur
            bump_data_version(cur, changes)
            cur.execute("commit")
            _count_write()
        except BaseException:
            cur.execute("rollback")
            raise
        finally:
            if cursor is None:
                cur.close()
