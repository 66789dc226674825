"""The dashboard's connection may read only its own folders and load no extension from
the internet.

A page's query runs with the values a user typed or a link carried. Even if one ever
reached SQL as text, DuckDB itself then refuses to read ``/etc/passwd``, attach another
database, copy the store elsewhere, or install an extension: external access is off
except for the folders listed here, extensions are neither installed nor loaded on
demand, and the configuration is locked so a statement cannot switch it back on.

Readable folders: the store's own folder (its inbox and scratch files live beside it),
the system's temporary folder (uploads and staged imports), a local Parquet dataset's
folder, and any folder in ``CONTACTS_READABLE_DIRS`` (separated by the path separator).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb

from analytics.parquet_mode import parquet_location, remote_extension
from analytics.store import open_store, resolve_db_path

EXTRA_FOLDERS_VARIABLE = "CONTACTS_READABLE_DIRS"


def readable_folders(conn: duckdb.DuckDBPyConnection, db_path: Path) -> list[str]:
    """The folders the dashboard's connection may read and write, each ending in a slash."""
    folders = [db_path.parent, Path(tempfile.gettempdir())]
    location = parquet_location(conn)
    if location and remote_extension(location) is None:
        folders.append(Path(location))
    extra = os.environ.get(EXTRA_FOLDERS_VARIABLE, "")
    folders += [Path(part) for part in extra.split(os.pathsep) if part.strip()]
    unique = dict.fromkeys(str(folder.expanduser().resolve()).rstrip("/") + "/" for folder in folders)
    if location and remote_extension(location) is not None:
        unique[location.rstrip("/") + "/"] = None  # a bucket's prefix, read through its extension
    return list(unique)


def lock_down(conn: duckdb.DuckDBPyConnection, folders: list[str]) -> None:
    """Restrict ``conn`` (and every cursor made from it) to ``folders``, for good.

    DuckDB shares one database instance between the connections a process opens to the
    same file, so the store may already be locked by an earlier connection (one a cache
    let go of but that is still open); its lock then stands, checked rather than redone.
    """
    cur = conn.cursor()
    if _setting(cur, "lock_configuration"):
        open_settings = [name for name in LOCKED_OFF if _setting(cur, name)]
        cur.close()
        if open_settings:
            raise RuntimeError(f"the store's configuration is locked with {open_settings} still on")
        return
    cur.execute("set autoinstall_known_extensions = false")
    cur.execute("set autoload_known_extensions = false")
    cur.execute("set allowed_directories = $folders", {"folders": folders})
    cur.execute("set enable_external_access = false")
    cur.execute("set lock_configuration = true")
    cur.close()


LOCKED_OFF = ("enable_external_access", "autoinstall_known_extensions", "autoload_known_extensions")


def _setting(cur: duckdb.DuckDBPyConnection, name: str) -> bool:
    value = cur.execute("select current_setting($name)", {"name": name}).fetchone()[0]
    return str(value).lower() == "true"


def open_dashboard_store(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """The contact store opened for the web server: migrated, then locked down. A remote
    Parquet dataset's extension (already installed by ``store use-parquet``) is loaded
    first, since nothing can be loaded afterwards.

    Raises
    ------
    StoreError
        As ``open_store`` does.
    """
    db_path = resolve_db_path(path)
    conn = open_store(db_path)
    location = parquet_location(conn)
    extension = remote_extension(location) if location else None
    if extension:
        try:
            conn.cursor().execute(f"load {extension}")  # name from parquet_mode's allow-list
        except duckdb.Error:
            pass  # the pages say so when they read the dataset
    lock_down(conn, readable_folders(conn, db_path))
    return conn
