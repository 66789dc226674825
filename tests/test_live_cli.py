"""The command line while the dashboard holds the store: ``import`` hands the file to the
holder's inbox and prints the same JSON as a direct import; nobody holding it means a
queued job and exit 2; ``watch --once`` imports what is in a folder and files it away."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.live import InboxWorker, inbox_for, pending_jobs
from analytics.store import open_store
from tests.test_live_inbox import contact_count, contacts_csv

ROOT = Path(__file__).resolve().parent.parent
COMPARED = ("kind", "file", "rows_read", "inserted", "duplicates", "rejected", "detected", "rejects")


def run_cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def held_store(tmp_path):
    """A store held open read-write by this process (as the dashboard holds it), with the
    inbox worker running on its connection."""
    db = tmp_path / "store.duckdb"
    conn = open_store(db)
    worker = InboxWorker(conn, inbox_for(db), poll_seconds=0.1)
    worker.start()
    yield db, conn
    worker.stop()
    conn.close()


def export_with_a_bad_row(path: Path) -> Path:
    contacts_csv(path, range(30))
    with path.open("a", encoding="utf-8") as out:
        out.write("C99,not a date,phone,Delivery\n")
    return path


def test_import_while_the_store_is_held_goes_through_the_inbox_with_the_same_output(tmp_path, held_store):
    db, conn = held_store
    export = export_with_a_bad_row(tmp_path / "contacts_2026-06-01.csv")
    rejects = tmp_path / "rejects.csv"

    done = run_cli("import", "contacts", str(export), "--db", str(db), "--rejects-out", str(rejects), "--wait", "120")

    assert done.returncode == 0, done.stderr
    assert "queued" in done.stderr
    through_inbox = json.loads(done.stdout)
    assert contact_count(conn) == 30
    # The same file imported directly into a fresh store prints the same summary.
    direct_rejects = tmp_path / "direct-rejects.csv"
    direct = run_cli("import", "contacts", str(export), "--db", str(tmp_path / "direct.duckdb"),
                     "--rejects-out", str(direct_rejects))
    assert direct.returncode == 0, direct.stderr
    assert {k: through_inbox[k] for k in COMPARED} == {k: json.loads(direct.stdout)[k] for k in COMPARED}
    assert through_inbox["inserted"] == 30 and through_inbox["rejected"] == 1
    assert rejects.read_text(encoding="utf-8") == direct_rejects.read_text(encoding="utf-8")
    assert "32,started_at,not a date" in rejects.read_text(encoding="utf-8")  # the file's line 32
    assert pending_jobs(inbox_for(db)) == []


def test_a_refused_file_through_the_inbox_exits_2_with_the_refusal(tmp_path, held_store):
    db, conn = held_store
    bad = tmp_path / "broken.csv"
    bad.write_text("contact_id,started_at,channel,reason_l1\n", encoding="utf-8")  # header only

    done = run_cli("import", "contacts", str(bad), "--db", str(db), "--wait", "60")

    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("error: ")
    assert done.stdout == ""
    assert contact_count(conn) == 0


def test_nobody_processing_the_inbox_leaves_the_job_queued_and_exits_2(tmp_path):
    db = tmp_path / "store.duckdb"
    conn = open_store(db)  # held, but nobody runs the inbox
    try:
        done = run_cli("import", "contacts", str(contacts_csv(tmp_path / "week.csv", range(4))),
                       "--db", str(db), "--wait", "1")
    finally:
        conn.close()
    assert done.returncode == 2
    assert "stays queued" in done.stderr and "when the dashboard runs" in done.stderr
    [job] = pending_jobs(inbox_for(db))
    assert (job / "data.csv").is_file()


def test_watch_once_imports_the_good_file_and_files_away_the_bad_one(tmp_path):
    db = tmp_path / "store.duckdb"
    folder = tmp_path / "drop"
    folder.mkdir()
    contacts_csv(folder / "contacts_2026-06-01.csv", range(25))
    (folder / "broken.csv").write_text("name,when\nAnna,yesterday\n", encoding="utf-8")
    (folder / "next.csv.part").write_text("contact_id,started_at\n", encoding="utf-8")  # still being copied
    (folder / ".hidden.csv").write_text("x\n", encoding="utf-8")

    done = run_cli("watch", str(folder), "--db", str(db), "--once", "--poll", "0.2")

    assert done.returncode == 1, done.stderr  # one file failed
    lines = {line["file"]: line for line in map(json.loads, done.stdout.strip().splitlines())}
    assert set(lines) == {"contacts_2026-06-01.csv", "broken.csv"}
    assert lines["contacts_2026-06-01.csv"]["outcome"] == "imported"
    assert lines["broken.csv"]["outcome"] == "failed"
    imported = json.loads((folder / "imported" / "contacts_2026-06-01.csv.result.json").read_text())
    assert imported["summary"]["inserted"] == 25
    failed = json.loads((folder / "failed" / "broken.csv.result.json").read_text())
    assert failed["message"]
    assert (folder / "failed" / "broken.csv").read_text(encoding="utf-8").startswith("name,when")
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [".hidden.csv", "next.csv.part"]
    conn = open_store(db, read_only=True)
    try:
        assert contact_count(conn) == 25
    finally:
        conn.close()


def test_watch_once_while_the_dashboard_holds_the_store_imports_through_its_inbox(tmp_path, held_store):
    db, conn = held_store
    folder = tmp_path / "drop"
    folder.mkdir()
    contacts_csv(folder / "contacts_2026-06-02.csv", range(40))

    done = run_cli("watch", str(folder), "--db", str(db), "--once", "--poll", "0.2", "--wait", "120")

    assert done.returncode == 0, done.stderr
    [line] = map(json.loads, done.stdout.strip().splitlines())
    assert line["outcome"] == "imported" and line["summary"]["inserted"] == 40 and line["job_id"]
    assert contact_count(conn) == 40
    assert (folder / "imported" / "contacts_2026-06-02.csv").is_file()
