"""A store file that is not a contact store is refused at start-up with a message, and
left exactly as it was: another program's DuckDB database, random bytes, an empty file, a
truncated store. The command line says so in one line; the app shows it instead of pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from analytics.store import StoreError, open_store
from tests.support.stores import ROOT


def foreign_database(path: Path) -> Path:
    conn = duckdb.connect(str(path))
    conn.execute("create table orders as select range as order_id from range(10)")
    conn.execute("create table customers (name varchar)")
    conn.close()
    return path


def damaged_files(tmp_path: Path) -> dict[str, Path]:
    random_bytes = tmp_path / "random.duckdb"
    random_bytes.write_bytes(os.urandom(64 * 1024))
    empty = tmp_path / "empty.duckdb"
    empty.write_bytes(b"")
    store = tmp_path / "store.duckdb"
    conn = open_store(store)
    conn.execute("insert into contacts (contact_id, started_at, channel, reason_l1)"
                 " select 'c' || range, timestamp '2026-01-01' + to_minutes(range), 'Phone', 'Billing'"
                 " from range(200000)")
    conn.execute("checkpoint")
    conn.close()
    truncated = tmp_path / "truncated.duckdb"
    shutil.copy(store, truncated)
    with truncated.open("r+b") as handle:
        handle.truncate(store.stat().st_size // 2)
    return {"random": random_bytes, "empty": empty, "truncated": truncated}


@pytest.mark.parametrize("read_only", [False, True])
def test_another_programs_database_is_refused_and_left_alone(tmp_path, read_only):
    path = foreign_database(tmp_path / "other.duckdb")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="is a DuckDB database but not a contact store .*customers, orders"):
        open_store(path, read_only=read_only)
    assert path.read_bytes() == before
    conn = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in conn.execute("select table_name from duckdb_tables()").fetchall()}
    conn.close()
    assert tables == {"orders", "customers"}


def test_an_empty_new_file_name_still_starts_a_store(tmp_path):
    conn = open_store(tmp_path / "new.duckdb")
    assert conn.execute("select count(*) from contacts").fetchall() == [(0,)]
    conn.close()


def test_damaged_files_are_refused_with_a_message_and_unchanged(tmp_path):
    for name, path in damaged_files(tmp_path).items():
        before = path.read_bytes()
        with pytest.raises(StoreError, match="is not a contact store") as refused:
            open_store(path)
        assert "Traceback" not in str(refused.value), name
        assert path.read_bytes() == before, name


def test_the_command_line_refuses_a_foreign_store_in_one_line(tmp_path):
    path = foreign_database(tmp_path / "other.duckdb")
    export = tmp_path / "export.csv"
    export.write_text("id,created,channel,reason\n1,2025-03-13 14:05:00,Phone,Billing\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analytics", "import", "contacts", str(export), "--db", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0
    assert "not a contact store" in done.stderr


def _as_unprivileged_user() -> list[str]:
    """The command prefix that runs a program as a user for whom a 0444 file is read-only
    (root writes to any file it may open)."""
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []


def test_a_store_the_dashboard_may_not_write_is_refused_saying_what_to_do():
    tmp_path = Path(tempfile.mkdtemp(prefix="read-only-store-"))  # reachable by the other user
    folder = tmp_path / "shared"
    folder.mkdir()
    store = folder / "contacts.duckdb"
    open_store(store).close()
    before = store.read_bytes()
    export = tmp_path / "export.csv"
    export.write_text("id,created,channel,reason\n1,2025-03-13 14:05:00,Phone,Billing\n", encoding="utf-8")
    store.chmod(0o444)
    folder.chmod(0o555)
    tmp_path.chmod(0o755)
    try:
        done = subprocess.run([*_as_unprivileged_user(), sys.executable, "-m", "analytics", "import", "contacts",
                               str(export), "--db", str(store)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "HOME": str(tmp_path)})
    finally:
        folder.chmod(0o755)
        store.chmod(0o644)
        after = store.read_bytes()
        shutil.rmtree(tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr
    assert "cannot be written here" in done.stderr and "read-only" in done.stderr and "CONTACTS_DB" in done.stderr
    assert after == before


def test_a_store_from_a_newer_dashboard_is_refused_and_unchanged(tmp_path):
    store = tmp_path / "future.duckdb"
    conn = open_store(store)
    conn.execute("insert into schema_version values (999, 'from the future', now())")
    conn.close()
    before = store.read_bytes()
    with pytest.raises(StoreError, match="newer than this dashboard understands.*Update the dashboard"):
        open_store(store)
    assert store.read_bytes() == before
