"""Backups while the store is in use: a backup taken during an import holds the store as it
was before the import or after it, never half of it, and restores to exactly that; the
command line backs up a store the running dashboard holds through its inbox."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from analytics.access import Actor, Role, acting_as
from analytics.backup import make_backup, restore_backup, table_checks, verify_backup
from analytics.importing import import_contacts
from analytics.store import open_store
from tests.support.stores import ROOT, SF311_CSV

ROWS = 400_000  # a few seconds of import, so the backup starts while it runs
EDITOR = Actor("erin@example.org", Role.EDITOR)
ADMIN = Actor("ada@example.org", Role.ADMIN)

EXPORT_SQL = """
copy (
    select 'L' || i as id,
           strftime(timestamp '2025-01-01' + to_seconds(i * 37 % 30000000), '%Y-%m-%d %H:%M:%S') as created,
           ['Phone', 'Chat', 'Email'][1 + i % 3] as channel,
           ['Billing', 'Returns', 'Delivery', 'Account'][1 + i % 4] as reason
    from range({rows}) as t(i)
) to '{path}' (header, delimiter ',')
"""


@pytest.fixture
def store(tmp_path) -> Path:
    db = tmp_path / "contacts.duckdb"
    conn = open_store(db)
    import_contacts(conn, SF311_CSV)
    conn.close()
    return db


def _export(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "large_export.csv"
    duckdb.connect().execute(EXPORT_SQL.format(rows=rows, path=path))
    return path


def _contacts(checks) -> int:
    return {c.table: c.rows for c in checks}["contacts"]


def test_a_backup_during_an_import_holds_the_store_before_or_after_it_and_restores_to_that(store, tmp_path):
    export = _export(tmp_path, ROWS)
    conn = open_store(store)
    before = _contacts(table_checks(conn))
    moments: dict[str, float] = {}

    def run_import():
        with acting_as(EDITOR):
            moments["import_started"] = time.monotonic()
            import_contacts(conn.cursor(), export)
            moments["import_ended"] = time.monotonic()

    importer = threading.Thread(target=run_import)
    importer.start()
    time.sleep(0.5)
    with acting_as(ADMIN):
        moments["backup_started"] = time.monotonic()
        manifest = make_backup(conn, tmp_path / "during.duckdb")  # on the same process's store, as the page does
    importer.join()
    after = _contacts(table_checks(conn))
    conn.close()

    assert moments["backup_started"] < moments["import_ended"], "the backup must start while the import runs"
    assert after == before + ROWS
    assert _contacts(manifest) in (before, after)  # one snapshot: never part of the import
    assert verify_backup(tmp_path / "during.duckdb") == manifest

    with acting_as(ADMIN):
        restore_backup(tmp_path / "during.duckdb", store)
    conn = duckdb.connect(str(store), read_only=True)
    restored = table_checks(conn)
    conn.close()
    assert [c for c in restored if c.table != "audit_log"] == [c for c in manifest if c.table != "audit_log"]


HOLDER = """
import sys, time
from analytics.access import Actor, Role, acting_as, require_explicit_actor
from analytics.live import InboxWorker, inbox_for
from analytics.lockdown import open_dashboard_store
require_explicit_actor()          # as the web server: work that names nobody is refused
conn = open_dashboard_store(sys.argv[1])
worker = InboxWorker(conn, inbox_for(sys.argv[1]), poll_seconds=0.2)
worker.start()
print("holding", flush=True)
time.sleep(300)
"""


def test_the_command_line_backs_up_a_store_the_dashboard_holds(store, tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        out = tmp_path / "elsewhere" / "nightly.duckdb"  # outside the folders the dashboard may write
        done = subprocess.run([sys.executable, "-m", "analytics", "backup", "--db", str(store), "--out", str(out),
                               "--wait", "60"], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        summary = json.loads(done.stdout)
        assert summary["via"] == "dashboard" and summary["backup"] == str(out)
        assert summary["tables"]["contacts"]["rows"] == 10_000
        assert verify_backup(out)  # moved whole, manifest intact
        assert list((store.parent / "backups").glob("*.duckdb")) == []  # the dashboard's copy was moved, not left
    finally:
        holder.kill()
        holder.wait()
    conn = duckdb.connect(str(store), read_only=True)
    logged = conn.execute("select actor_name, action from audit_log where action like 'backup.%'").fetchall()
    stored = {c.table: c.checksum for c in table_checks(conn) if c.table != "audit_log"}
    conn.close()
    assert logged == [(logged[0][0], "backup.make")] and logged[0][0].startswith("cli:")
    assert {table: entry["checksum"] for table, entry in summary["tables"].items() if table != "audit_log"} == stored


def test_a_backup_nobody_takes_is_withdrawn(store, tmp_path):
    holder = subprocess.Popen(  # holds the store but runs no inbox worker
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True);"
         " time.sleep(60)", str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run([sys.executable, "-m", "analytics", "backup", "--db", str(store), "--out",
                               str(tmp_path / "b.duckdb"), "--wait", "1"], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2 and "withdrawn" in done.stderr
    assert not (tmp_path / "b.duckdb").exists()
    assert list((store.parent / "contacts.duckdb.inbox" / "pending").iterdir()) == []
