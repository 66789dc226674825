"""Contacts from a Parquet dataset: the store as a catalogue over data it does not own.

In *table mode* (the default) the contacts live in the store's ``contacts`` table. In
*Parquet mode* ``contacts`` is a view over a Parquet dataset with one folder per month
(``DIR/month=2025-03/data_0.parquet``, as :func:`export_parquet` writes it), on a local
disk or in object storage (``s3://``, ``gs://``, ``r2://``, ``https://`` through DuckDB's
httpfs extension; ``az://`` through its azure extension). The view selects exactly the
table's columns, in its order and types, so every query in ``analytics/sql`` runs
unchanged. Everything else (reasons, channels, drivers, events, pilots, actions and the
pre-aggregated daily table) stays in the store.

The view reads the files listed at the last :func:`refresh_source`, not a glob: the
contact-level queries and the daily aggregate always see the same files, and object
storage is not listed on every query. A new month's file shows up after
``python -m analytics store refresh``, which rebuilds the aggregate, registers new
channels and reasons and bumps the data version (so open dashboards refresh). The
dataset's fingerprint (every file's name, size and modification time) is recorded, so a
refresh with nothing changed says "up to date" and writes nothing.

A view definition cannot take bound parameters, so file names enter its SQL as string
literals: the location is validated (no control or glob characters, a known URL scheme)
and every name is quoted by :func:`sql_string_literal` (``'`` doubled).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from time import perf_counter

import duckdb

from analytics import audit
from analytics.access import Role, require
from analytics.channels import register_new_channels, register_new_reasons
from analytics.formatting import count as count_text
from analytics.i18n import t
from analytics.store import write_transaction

# URL schemes DuckDB reads through an extension, and the extension each needs.
REMOTE_SCHEMES = {
    "s3": "httpfs", "s3a": "httpfs", "s3n": "httpfs", "gs": "httpfs", "gcs": "httpfs", "r2": "httpfs",
    "http": "httpfs", "https": "httpfs", "hf": "httpfs", "az": "azure", "azure": "azure", "abfss": "azure",
}
DATASET_GLOB = "*/*.parquet"
REQUIRED_COLUMNS = ("contact_id", "started_at", "channel", "reason_l1")
# Reason levels are '' when unused in the table; files written by other tools may hold NULL.
EMPTY_TEXT_COLUMNS = ("reason_l2", "reason_l3")
_URL = re.compile(r"^([a-z][a-z0-9+.-]*)://(.+)$", re.IGNORECASE)
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f*?\[\]{}]")
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
_TYPE = re.compile(r"^[A-Z][A-Z0-9_ ]*$")


class ParquetSourceError(ValueError):
    """The dataset cannot be used (bad location, missing files or columns, no httpfs);
    nothing was changed. The message is one sentence a user can act on."""


@dataclass(frozen=True)
class ContactSource:
    """Where the store's contacts come from: ``mode`` is ``"table"`` or ``"parquet"``."""

    mode: str
    location: str | None = None
    files: int | None = None
    bytes: int | None = None
    fingerprint: str | None = None
    refreshed_at: datetime | None = None

    def as_json(self) -> dict:
        return {**asdict(self), "refreshed_at": self.refreshed_at.isoformat() if self.refreshed_at else None}


@dataclass(frozen=True)
class DatasetFile:
    name: str
    size: int
    modified_us: int


# --- locations and SQL literals --------------------------------------------------------

def sql_string_literal(text: str) -> str:
    """``text`` as a SQL string literal: in single quotes, each ``'`` doubled.

    Raises
    ------
    ParquetSourceError
        When the text holds a control character (a newline, NUL), which no path needs.
    """
    if re.search(r"[\x00-\x1f\x7f]", text):
        raise ParquetSourceError(t("parquet.location_bad_character", location=repr(text)))
    return "'" + text.replace("'", "''") + "'"


def remote_extension(location: str) -> str | None:
    """The DuckDB extension a location needs (``httpfs``, ``azure``); None for a local path."""
    match = _URL.match(location)
    return REMOTE_SCHEMES.get(match.group(1).lower()) if match else None


def checked_location(location: str) -> str:
    """The dataset's location as it will be stored: a URL without a trailing slash, or an
    absolute path to an existing folder.

    Raises
    ------
    ParquetSourceError
        When the location is empty, holds a control or glob character (``* ? [ ] { }``),
        has a URL scheme DuckDB cannot read, or is a local path that is not a folder.
    """
    text = (location or "").strip()
    if not text:
        raise ParquetSourceError(t("parquet.location_empty"))
    if _FORBIDDEN.search(text):
        raise ParquetSourceError(t("parquet.location_bad_character", location=repr(text)))
    match = _URL.match(text)
    if match:
        if match.group(1).lower() not in REMOTE_SCHEMES:
            raise ParquetSourceError(t("parquet.location_scheme", scheme=match.group(1),
                                       schemes=", ".join(f"{s}://" for s in sorted(REMOTE_SCHEMES))))
        return text.rstrip("/")
    folder = Path(text).expanduser().resolve()
    if not folder.is_dir():
        raise ParquetSourceError(t("parquet.location_not_a_folder", location=str(folder)))
    return str(folder)


def ensure_remote_support(cur: duckdb.DuckDBPyConnection, location: str) -> None:
    """Load (installing if needed) the extension a remote location needs; nothing for a
    local path.

    Raises
    ------
    ParquetSourceError
        When the extension is neither loadable nor installable (no internet, a locked-down
        extension directory), with the command that installs it.
    """
    extension = remote_extension(location)
    if extension is None:
        return
    try:
        cur.execute(f"load {extension}")
        return
    except duckdb.Error:
        pass
    try:
        cur.execute(f"install {extension}")
        cur.execute(f"load {extension}")
    except duckdb.Error as exc:
        raise ParquetSourceError(t("parquet.extension_missing", location=location, extension=extension,
                                   error=str(exc).splitlines()[0])) from exc


# --- reading the dataset ---------------------------------------------------------------

def dataset_files(cur: duckdb.DuckDBPyConnection, location: str) -> list[DatasetFile]:
    """Every ``*/*.parquet`` file under the location with its size and modification time
    (listed by DuckDB, so object storage works the same as a folder; contents are not read).

    Raises
    ------
    ParquetSourceError
        When there is no such file.
    """
    pattern = f"{location}/{DATASET_GLOB}"
    try:
        rows = cur.execute(
            "select filename, size, epoch_us(last_modified) from read_blob($pattern) order by filename",
            {"pattern": pattern},
        ).fetchall()
    except duckdb.IOException as exc:
        if "no files found" not in str(exc).lower():
            raise ParquetSourceError(t("parquet.dataset_unreadable", location=location,
                                       error=str(exc).splitlines()[0])) from exc
        rows = []
    if not rows:
        raise ParquetSourceError(t("parquet.dataset_empty", location=location, pattern=DATASET_GLOB))
    return [DatasetFile(str(name), int(size), int(modified or 0)) for name, size, modified in rows]


def fingerprint_of(files: list[DatasetFile]) -> str:
    """A digest of the file list, sizes and modification times: equal means unchanged."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.name}\t{f.size}\t{f.modified_us}\n".encode())
    return digest.hexdigest()


def _column_sql(name: str, data_type: str, present: bool = True) -> str:
    if not _IDENTIFIER.match(name) or not _TYPE.match(data_type):
        raise ParquetSourceError(f"unexpected contacts column {name!r} of type {data_type!r}")
    expression = f'cast("{name}" as {data_type})' if present else f"cast(null as {data_type})"
    if name in EMPTY_TEXT_COLUMNS:
        expression = f"coalesce({expression}, '')"
    return f'{expression} as "{name}"'


def source_select(files: list[str], columns: list[tuple[str, str]], present: set[str] | None = None) -> str:
    """The SELECT over the files that gives exactly the contacts table's columns, in its
    order and types (a cast to the type a column already has costs nothing). Files are
    matched by column name; a column a file lacks reads as NULL, and so does one that no
    file has (``present``: the files' columns; ``None``: every column is in some file)."""
    file_list = ", ".join(sql_string_literal(name) for name in files)
    select_list = ",\n       ".join(_column_sql(name, data_type, present is None or name in present)
                                   for name, data_type in columns)
    return (f"select {select_list}\n"
            f"from read_parquet([{file_list}], union_by_name = true, hive_partitioning = false)")


def _table_columns(cur: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return [(str(n), str(t_)) for n, t_ in cur.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_schema = 'main' and table_name = 'contacts' order by ordinal_position"
    ).fetchall()]


def _check_dataset(cur: duckdb.DuckDBPyConnection, files: list[str], location: str) -> tuple[int, set[str]]:
    """The number of contacts in the files and the names of their columns; refuses files
    without the required columns or with empty required values."""
    file_list = "[" + ", ".join(sql_string_literal(name) for name in files) + "]"
    try:
        present = {str(row[0]) for row in cur.execute(
            f"describe select * from read_parquet({file_list}, union_by_name = true, hive_partitioning = false)"
        ).fetchall()}
    except duckdb.Error as exc:
        raise ParquetSourceError(t("parquet.dataset_unreadable", location=location,
                                   error=str(exc).splitlines()[0])) from exc
    missing = [c for c in REQUIRED_COLUMNS if c not in present]
    if missing:
        raise ParquetSourceError(t("parquet.dataset_columns_missing", location=location, columns=", ".join(missing)))
    empty_check = " or ".join(f'"{c}" is null' for c in REQUIRED_COLUMNS)
    rows, empty = cur.execute(
        f"select count(*), count(*) filter (where {empty_check}) "
        f"from read_parquet({file_list}, union_by_name = true, hive_partitioning = false)"
    ).fetchall()[0]
    if empty:
        raise ParquetSourceError(t("parquet.dataset_required_empty", location=location, rows=count_text(int(empty)),
                                   columns=", ".join(REQUIRED_COLUMNS)))
    return int(rows), present


# --- the store's source ----------------------------------------------------------------

def _has_source_table(cur: duckdb.DuckDBPyConnection) -> bool:
    return bool(cur.execute(
        "select count(*) from information_schema.tables where table_name = 'contact_source'"
    ).fetchall()[0][0])


def contact_source(conn: duckdb.DuckDBPyConnection) -> ContactSource:
    """Where the store's contacts come from (one small query)."""
    cur = conn.cursor()
    try:
        if not _has_source_table(cur):
            return ContactSource("table")
        row = cur.execute(
            "select location, files, bytes, fingerprint, refreshed_at from contact_source"
        ).fetchall()
    finally:
        cur.close()
    if not row:
        return ContactSource("table")
    location, files, size, fingerprint, refreshed_at = row[0]
    return ContactSource("parquet", location, files, size, fingerprint, refreshed_at)


def parquet_location(conn: duckdb.DuckDBPyConnection) -> str | None:
    """The dataset's location when the store is in Parquet mode, else None."""
    return contact_source(conn).location


_VIEW_PREFIX = "CREATE VIEW contacts AS "


def follow_stored_definition(cur: duckdb.DuckDBPyConnection) -> bool:
    """Make the ``contacts`` view read every column of the stored table definition, in its
    order and types; a column the view lacks (a migration just added it) reads as NULL.
    Returns whether the view changed.

    Called by a migration in Parquet mode, so queries naming the new column run before the
    next ``store refresh``. The view's own SELECT (as DuckDB keeps it) becomes a subquery:
    the files it reads stay the ones listed at the last refresh. The recorded fingerprint is
    cleared, so that refresh rebuilds the view from the files (which may hold the column)
    instead of calling it up to date.
    """
    columns, _ = _stored_definition(cur)
    present = {name for name, _ in _table_columns(cur)}
    if all(name in present for name, _ in columns):
        return False
    view_sql = str(cur.execute(
        "select sql from duckdb_views() where schema_name = 'main' and view_name = 'contacts'").fetchall()[0][0])
    body = view_sql.strip().rstrip(";")
    if not body.upper().startswith(_VIEW_PREFIX.upper()):
        return False  # a view of another shape: it follows at the next refresh
    select_list = ",\n       ".join(_column_sql(name, data_type, name in present) for name, data_type in columns)
    cur.execute(f"create or replace view contacts as select {select_list}\n"
                f"from ({body[len(_VIEW_PREFIX):]}) as stored_view")
    cur.execute("update contact_source set fingerprint = ''")
    return True


def _refresh_aggregates(cur: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the pre-aggregated daily table from ``contacts`` (the view in Parquet mode)."""
    from analytics.aggregates import refresh_contact_days

    refresh_contact_days(cur)


@dataclass(frozen=True)
class SourceResult:
    """What a switch or refresh did: ``status`` is ``refreshed``, ``up_to_date``,
    ``parquet`` (switched to the dataset) or ``table`` (switched back)."""

    status: str
    mode: str
    location: str | None
    files: int
    bytes: int
    contacts: int
    new_channels: int = 0
    new_reasons: int = 0
    seconds: float = 0.0

    def as_json(self) -> dict:
        return {**asdict(self), "seconds": round(self.seconds, 2)}


def use_parquet(conn: duckdb.DuckDBPyConnection, location: str, *, discard_table: bool = False) -> SourceResult:
    """Turn the store into Parquet mode: ``contacts`` becomes a view over the dataset.

    In one transaction: the table's definition is kept (for :func:`use_table`), the table
    is dropped, the view made, new channels and reasons registered and the daily
    aggregate rebuilt. Switching a store already in Parquet mode to another location
    replaces the view.

    Raises
    ------
    ParquetSourceError
        When the location is invalid or unreadable, the dataset lacks a required column or
        value, or (unless ``discard_table``) the table holds contacts the dataset does not.
    AccessDenied
        When the current actor is not an editor; nothing is read or written.
    """
    require(Role.EDITOR, "switch the contacts to a Parquet dataset")
    clock = perf_counter()
    location = checked_location(location)
    cur = conn.cursor()
    try:
        ensure_remote_support(cur, location)
        files = dataset_files(cur, location)
        names = [f.name for f in files]
        contacts, present = _check_dataset(cur, names, location)
        current = contact_source(conn)
        if current.mode == "table":
            columns = _table_columns(cur)
            table_sql = cur.execute(
                "select sql from duckdb_tables() where schema_name = 'main' and table_name = 'contacts'"
            ).fetchall()[0][0]
            if not discard_table:
                file_list = "[" + ", ".join(sql_string_literal(n) for n in names) + "]"
                lost = int(cur.execute(
                    "select count(*) from contacts as c where not exists ("
                    f" select 1 from read_parquet({file_list}, union_by_name = true, hive_partitioning = false) as p"
                    " where p.contact_id = c.contact_id)"
                ).fetchall()[0][0])
                if lost:
                    raise ParquetSourceError(t("parquet.table_not_in_dataset", contacts=count_text(lost), location=location))
        else:
            columns, table_sql = _stored_definition(cur)
        with write_transaction(conn, cursor=cur):
            if current.mode == "table":
                cur.execute("drop table contacts")
            else:
                cur.execute("drop view contacts")
            cur.execute("create view contacts as " + source_select(names, columns, present))
            _record_source(cur, location, files, columns, table_sql)
            new_channels = register_new_channels(cur)
            new_reasons = register_new_reasons(cur)
            _refresh_aggregates(cur)
            audit.record(cur, "source.use_parquet", location, _audit_source(current),
                         {"mode": "parquet", "location": location, "files": len(files), "contacts": contacts,
                          "discard_table": discard_table})
    finally:
        cur.close()
    return SourceResult("parquet", "parquet", location, len(files), sum(f.size for f in files), contacts,
                        new_channels, new_reasons, perf_counter() - clock)


def _audit_source(source: ContactSource) -> dict:
    """Where the contacts came from, as an audit row's ``before`` shows it."""
    return {"mode": source.mode, "location": source.location, "files": source.files, "bytes": source.bytes,
            "fingerprint": source.fingerprint}


def _stored_definition(cur: duckdb.DuckDBPyConnection) -> tuple[list[tuple[str, str]], str]:
    columns_json, table_sql = cur.execute("select columns, table_sql from contact_source").fetchall()[0]
    return [(str(n), str(t_)) for n, t_ in json.loads(columns_json)], str(table_sql)


def _record_source(cur: duckdb.DuckDBPyConnection, location: str, files: list[DatasetFile],
                   columns: list[tuple[str, str]], table_sql: str) -> None:
    cur.execute("delete from contact_source")
    cur.execute(
        "insert into contact_source (location, columns, table_sql, files, bytes, fingerprint, refreshed_at)"
        " values ($location, $columns, $table_sql, $files, $bytes, $fingerprint, $now)",
        {"location": location, "columns": json.dumps(columns), "table_sql": table_sql, "files": len(files),
         "bytes": sum(f.size for f in files), "fingerprint": fingerprint_of(files), "now": datetime.now()},
    )


def refresh_source(conn: duckdb.DuckDBPyConnection, *, force: bool = False) -> SourceResult:
    """Bring the store up to date with its dataset.

    In Parquet mode: list the dataset; when its fingerprint is the recorded one and the view
    has the stored table's columns (and not ``force``), write nothing (``up_to_date``). Otherwise check the files, point the view at
    the current file list, register new channels and reasons, rebuild the daily aggregate
    and bump the data version, in one transaction. In table mode: rebuild the aggregate.

    Raises
    ------
    ParquetSourceError
        When the dataset became unreadable, empty, or lacks a required column or value;
        the store keeps its previous state.
    AccessDenied
        When the current actor is not an editor; nothing is read or written.
    """
    require(Role.EDITOR, "refresh the contacts from their source")
    clock = perf_counter()
    source = contact_source(conn)
    cur = conn.cursor()
    try:
        if source.mode == "table":
            with write_transaction(conn, cursor=cur):
                _refresh_aggregates(cur)
                audit.record(cur, "source.refresh", "table", _audit_source(source), {"mode": "table"})
            contacts = int(cur.execute("select count(*) from contacts").fetchall()[0][0])
            return SourceResult("refreshed", "table", None, 0, 0, contacts, seconds=perf_counter() - clock)
        location = source.location
        ensure_remote_support(cur, location)
        files = dataset_files(cur, location)
        size = sum(f.size for f in files)
        columns, table_sql = _stored_definition(cur)
        # A migration may have changed the stored definition (a new column): the view follows it.
        if not force and fingerprint_of(files) == source.fingerprint and _table_columns(cur) == columns:
            contacts = int(cur.execute("select count(*) from contacts").fetchall()[0][0])
            return SourceResult("up_to_date", "parquet", location, len(files), size, contacts,
                                seconds=perf_counter() - clock)
        names = [f.name for f in files]
        contacts, present = _check_dataset(cur, names, location)
        with write_transaction(conn, cursor=cur):
            cur.execute("create or replace view contacts as " + source_select(names, columns, present))
            _record_source(cur, location, files, columns, table_sql)
            new_channels = register_new_channels(cur)
            new_reasons = register_new_reasons(cur)
            _refresh_aggregates(cur)
            audit.record(cur, "source.refresh", location, _audit_source(source),
                         {"mode": "parquet", "location": location, "files": len(files), "bytes": size,
                          "fingerprint": fingerprint_of(files), "contacts": contacts})
    finally:
        cur.close()
    return SourceResult("refreshed", "parquet", location, len(files), size, contacts, new_channels, new_reasons,
                        perf_counter() - clock)


def use_table(conn: duckdb.DuckDBPyConnection) -> SourceResult:
    """Turn a Parquet-mode store back: the dataset's rows are copied into a ``contacts``
    table of the original definition (sorted by ``started_at``) and the view dropped, in one
    transaction. Afterwards imports work again and the dataset is no longer read.

    Raises
    ------
    ParquetSourceError
        When the store is not in Parquet mode or the dataset cannot be read.
    AccessDenied
        When the current actor is not an editor; nothing is read or written.
    """
    require(Role.EDITOR, "copy the contacts back into the store")
    clock = perf_counter()
    source = contact_source(conn)
    if source.mode != "parquet":
        raise ParquetSourceError(t("parquet.not_parquet_mode"))
    cur = conn.cursor()
    try:
        ensure_remote_support(cur, source.location)
        _, table_sql = _stored_definition(cur)
        with write_transaction(conn, cursor=cur):
            cur.execute("alter view contacts rename to contacts_from_parquet")
            cur.execute(table_sql)
            # By name: a view made before a migration added a column lacks it (NULL here).
            cur.execute("insert into contacts by name select * from contacts_from_parquet order by started_at")
            cur.execute("drop view contacts_from_parquet")
            cur.execute("delete from contact_source")
            _refresh_aggregates(cur)
            contacts = int(cur.execute("select count(*) from contacts").fetchall()[0][0])
            audit.record(cur, "source.use_table", source.location, _audit_source(source),
                         {"mode": "table", "contacts": contacts})
    finally:
        cur.close()
    return SourceResult("table", "table", None, 0, 0, contacts, seconds=perf_counter() - clock)


# --- export ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportResult:
    out: str
    months: int
    files: int
    contacts: int
    bytes: int
    seconds: float

    def as_json(self) -> dict:
        return {**asdict(self), "seconds": round(self.seconds, 2)}


def export_parquet(conn: duckdb.DuckDBPyConnection, out: str | Path) -> ExportResult:
    """Write the store's contacts as a Parquet dataset, one folder per month of
    ``started_at`` (``OUT/month=2025-03/data_0.parquet``), each file sorted by ``started_at``
    (so a file's row groups carry narrow time ranges a query can skip), zstd-compressed.

    One ``COPY`` per month rather than one partitioned ``COPY``: DuckDB's partitioned write
    does not keep the order inside a file and may write one file per thread.

    Raises
    ------
    ParquetSourceError
        When ``out`` exists and is not an empty folder (nothing is overwritten), or the
        store has no contacts.
    """
    clock = perf_counter()
    folder = Path(out).expanduser().resolve()
    if _FORBIDDEN.search(str(folder)):
        raise ParquetSourceError(t("parquet.location_bad_character", location=repr(str(folder))))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ParquetSourceError(t("parquet.export_not_empty", out=str(folder)))
    cur = conn.cursor()
    try:
        columns = ", ".join(f'"{name}"' for name, _ in _table_columns(cur))
        months = [row[0] for row in cur.execute(
            "select distinct cast(date_trunc('month', started_at) as date) from contacts order by 1"
        ).fetchall()]
        if not months:
            raise ParquetSourceError(t("errors.store_no_contacts"))
        folder.mkdir(parents=True, exist_ok=True)
        for first in months:
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            month_folder = folder / f"month={first:%Y-%m}"
            month_folder.mkdir()
            target = sql_string_literal(str(month_folder / "data_0.parquet"))
            cur.execute(
                f"copy (select {columns} from contacts"
                f" where started_at >= $first and started_at < $following order by started_at, contact_id)"
                f" to {target} (format parquet, compression zstd)",
                {"first": first, "following": following},
            )
        contacts = int(cur.execute("select count(*) from contacts").fetchall()[0][0])
    finally:
        cur.close()
    written = sorted(folder.glob(DATASET_GLOB))
    return ExportResult(str(folder), len(months), len(written), contacts,
                        sum(p.stat().st_size for p in written), perf_counter() - clock)


def refuse_import_in_parquet_mode(conn: duckdb.DuckDBPyConnection) -> None:
    """Called first by ``import_contacts``: a Parquet-mode store takes no contact imports.

    Raises
    ------
    ImportRefused
        When the store reads its contacts from a dataset (nothing is written).
    """
    location = parquet_location(conn)
    if location is not None:
        from analytics.importing.settings import ImportRefused  # the importer imports this module

        raise ImportRefused(t("parquet.import_refused", location=location))
