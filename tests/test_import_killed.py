"""A process killed (SIGKILL) in the middle of an import leaves the store openable with the
counts of before; the same import can then simply be run again.

Two moments are tested, each recognised by the process's own progress, not by the clock:

- while the contacts are being written: the unmodified command line, killed as soon as
  the store file grows (only the insert writes to it; until the commit there is no .wal);
- when everything is written but not committed: contacts, daily aggregates, import log,
  channels, reasons and audit row (the command line held there, ``support.held_import``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from analytics.importing import import_contacts
from analytics.store import data_version, open_store
from tests.support.stores import ROOT, run_cli

ROWS = 1_000_000  # about 3 s of import: the insert alone writes for half a second
SEED_ROWS = 300
WAIT_SECONDS = 60

# Contacts from January 2024 on, so the seed's days are refreshed too; two channels and
# two reasons are new to the seed store.
EXPORT_SQL = """
select 'E' || i as id,
       strftime(timestamp '2024-01-01' + to_seconds(i * 31 % 40000000), '%Y-%m-%d %H:%M:%S') as created,
       ['Phone', 'Chat', 'Email', 'WhatsApp'][1 + i % 4] as channel,
       ['Billing', 'Returns', 'Delivery', 'Account'][1 + i % 4] as reason,
       i % 600 as "wait time"
from range($rows) as t(i)
"""

COUNTS_SQL = """
select
    (select count(*) from contacts)                           as contacts,
    (select count(*) from import_log)                         as import_log,
    (select count(*) from audit_log)                          as audit_log,
    (select count(*) from channels)                           as channels,
    (select count(*) from reasons)                            as reasons,
    (select count(*) from contact_days)                       as contact_days,
    (select coalesce(sum(contacts), 0) from contact_days)     as contact_days_contacts,
    (select count(*) from contact_days_detail)                as contact_days_detail,
    (select coalesce(sum(contacts), 0) from contact_days_detail) as detail_contacts
"""


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "contacts_export.csv"
    duckdb.connect().sql(EXPORT_SQL, params={"rows": ROWS}).write_csv(str(path), header=True)
    return path


@pytest.fixture
def seeded_store(tmp_path) -> Path:
    """A store with one small import on some of the export's days."""
    seed = tmp_path / "seed.csv"
    seed.write_text("id,created,channel,reason\n" + "".join(
        f"S{i},2024-03-0{1 + i % 9} 10:{i % 60:02d}:00,{('Phone', 'Chat')[i % 2]},{('Billing', 'Returns')[i % 2]}\n"
        for i in range(SEED_ROWS)), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    conn = open_store(db)
    try:
        import_contacts(conn, seed)
    finally:
        conn.close()
    return db


def store_counts(db: Path) -> dict[str, int]:
    """Everything an import changes, counted, on the store opened for writing."""
    conn = open_store(db)
    try:
        cur = conn.cursor()
        found = cur.execute(COUNTS_SQL)
        counts = dict(zip([c[0] for c in found.description], found.fetchall()[0]))
        return {**counts, "data_version": data_version(conn)}
    finally:
        conn.close()


def started_import(command: list[str], tmp_path: Path) -> subprocess.Popen:
    # Scratch files the import leaves behind land in the test's own folder.
    return subprocess.Popen(
        [sys.executable, *command], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env={**os.environ, "TMPDIR": str(tmp_path)},
    )


def killed_when(process: subprocess.Popen, moment: Callable[[], bool], what: str) -> None:
    """SIGKILL ``process`` as soon as ``moment()`` holds; fail unless it was still running."""
    deadline = time.monotonic() + WAIT_SECONDS
    try:
        while not moment():
            if process.poll() is not None or time.monotonic() > deadline:
                _, err = process.communicate(timeout=WAIT_SECONDS)
                pytest.fail(f"never saw {what} (exit code {process.returncode}):\n{err.decode()}")
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == -signal.SIGKILL, f"the import had already ended when {what}"


def assert_as_before_and_imports_again(db: Path, export: Path, before: dict[str, int]) -> None:
    assert store_counts(db) == before

    summary = run_cli("import", "contacts", str(export), "--db", str(db))

    assert (summary["rows_read"], summary["inserted"], summary["duplicates"], summary["rejected"]) == (ROWS, ROWS, 0, 0)
    after = store_counts(db)
    assert after["contacts"] == before["contacts"] + ROWS
    assert after["import_log"] == before["import_log"] + 1
    assert after["audit_log"] == before["audit_log"] + 1
    assert after["data_version"] == before["data_version"] + 1
    assert after["channels"] == before["channels"] + summary["new_channels"] == before["channels"] + 2
    assert after["reasons"] == before["reasons"] + summary["new_reasons"] == before["reasons"] + 2
    assert after["contact_days_contacts"] == after["detail_contacts"] == after["contacts"]


def test_import_killed_while_writing_contacts_leaves_the_store_as_before(tmp_path, export, seeded_store):
    before = store_counts(seeded_store)
    size_before = seeded_store.stat().st_size
    wal = seeded_store.with_name(seeded_store.name + ".wal")
    process = started_import(["-m", "analytics", "import", "contacts", str(export), "--db", str(seeded_store)],
                             tmp_path)

    killed_when(process, lambda: seeded_store.stat().st_size > size_before, "the store file grow")

    assert not wal.exists()  # killed before its commit began
    assert_as_before_and_imports_again(seeded_store, export, before)


def test_import_killed_just_before_its_commit_leaves_the_store_as_before(tmp_path, export, seeded_store):
    before = store_counts(seeded_store)
    held = tmp_path / "held"
    process = started_import(["-m", "tests.support.held_import", str(held),
                              "import", "contacts", str(export), "--db", str(seeded_store)], tmp_path)

    killed_when(process, held.exists, "the import reach its commit")

    assert_as_before_and_imports_again(seeded_store, export, before)
