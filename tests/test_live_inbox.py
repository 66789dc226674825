"""The store's inbox: a job handed in whole, run in order by whoever holds the store, its
result written beside it; a refused file kept with its message; a job left pending by a
crash run on the next pass without adding anything twice."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from analytics.live import (
    ImportJob, InboxWorker, inbox_for, job_result, last_update, pending_jobs, process_pending, submit_job,
    wait_for_result,
)
from analytics.live.inbox import JOB_FILE, RESULT_FILE, requeue_interrupted
from analytics.store import data_version, open_store


def contacts_csv(path: Path, ids: range, day: str = "2026-06-01") -> Path:
    """A small export: one contact per id, all on ``day``, reasons alternating."""
    lines = ["contact_id,started_at,channel,reason_l1"]
    lines += [f"C{i},{day} {8 + i % 10:02d}:15:00,{'phone' if i % 2 else 'chat'},{'Delivery' if i % 3 else 'Returns'}"
              for i in ids]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def contact_count(conn) -> int:
    return conn.cursor().execute("select count(*) from contacts").fetchall()[0][0]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.duckdb"
    open_store(path).close()
    return path


def test_submit_puts_a_whole_job_in_pending(tmp_path, db):
    export = contacts_csv(tmp_path / "week.csv", range(5))

    job_id = submit_job(db, export, ImportJob(kind="contacts"))

    inbox = inbox_for(db)
    assert inbox == tmp_path / "store.duckdb.inbox"
    assert [p.name for p in pending_jobs(inbox)] == [job_id]
    folder = inbox / "pending" / job_id
    assert (folder / "data.csv").read_bytes() == export.read_bytes()
    description = json.loads((folder / JOB_FILE).read_text())
    assert description["kind"] == "contacts" and description["file"] == "data.csv"
    assert description["file_name"] == "week.csv"
    assert list((inbox / "incoming").iterdir()) == []  # nothing half-written left behind
    assert job_result(inbox, job_id) is None


def test_process_imports_writes_the_result_and_moves_the_job_to_done(tmp_path, db):
    job_id = submit_job(db, contacts_csv(tmp_path / "week.csv", range(12)), ImportJob(kind="contacts"))
    conn = open_store(db)
    try:
        version_before = data_version(conn)
        [result] = process_pending(conn, inbox_for(db))
        assert contact_count(conn) == 12
        assert data_version(conn) == version_before + 1
        update = last_update(conn)
    finally:
        conn.close()

    assert result.ok and result.job_id == job_id
    assert result.summary["inserted"] == 12 and result.summary["file"] == "week.csv"
    assert result.folder == inbox_for(db) / "done" / job_id
    saved = json.loads((result.folder / RESULT_FILE).read_text())
    assert saved["ok"] is True and saved["summary"]["rows_read"] == 12
    assert not (result.folder / "week.csv").exists()  # the data is in the store; the copy goes
    assert pending_jobs(inbox_for(db)) == []
    assert wait_for_result(inbox_for(db), job_id, timeout=0).summary == result.summary
    assert update.file_name == "week.csv" and update.kind == "contacts"


def test_a_refused_file_fails_its_job_and_keeps_the_file_with_the_message(tmp_path, db):
    bad = tmp_path / "broken.csv"
    bad.write_text("name,when\nAnna,yesterday\n", encoding="utf-8")
    job_id = submit_job(db, bad, ImportJob(kind="contacts"))
    conn = open_store(db)
    try:
        [result] = process_pending(conn, inbox_for(db))
        assert contact_count(conn) == 0
    finally:
        conn.close()

    assert not result.ok and result.summary is None
    assert "contact_id" in result.message or "started_at" in result.message  # the required field it lacks
    assert result.folder == inbox_for(db) / "failed" / job_id
    assert (result.folder / "data.csv").read_bytes() == bad.read_bytes()
    assert json.loads((result.folder / RESULT_FILE).read_text())["message"] == result.message


def test_jobs_run_in_the_order_they_came_in(tmp_path, db):
    first = submit_job(db, contacts_csv(tmp_path / "a.csv", range(0, 10)), ImportJob(kind="contacts"))
    second = submit_job(db, contacts_csv(tmp_path / "b.csv", range(5, 20)), ImportJob(kind="contacts"))
    conn = open_store(db)
    try:
        results = process_pending(conn, inbox_for(db))
        assert contact_count(conn) == 20
    finally:
        conn.close()

    assert [r.job_id for r in results] == [first, second]
    assert [(r.summary["inserted"], r.summary["duplicates"]) for r in results] == [(10, 0), (10, 5)]


def test_a_job_left_pending_by_a_crash_runs_on_the_next_pass_and_adds_nothing_twice(tmp_path, db):
    export = contacts_csv(tmp_path / "week.csv", range(8))
    job_id = submit_job(db, export, ImportJob(kind="contacts"))
    conn = open_store(db)
    try:
        # The crash: the import committed, but the process died before filing the job away.
        pending = inbox_for(db) / "pending" / job_id
        from analytics.live import run_import
        run_import(conn, pending / "data.csv", ImportJob(kind="contacts"))
        assert pending_jobs(inbox_for(db)) == [pending]

        [result] = process_pending(conn, inbox_for(db))
        assert contact_count(conn) == 8
    finally:
        conn.close()
    assert result.ok and result.summary["inserted"] == 0 and result.summary["duplicates"] == 8


def test_profile_and_flags_travel_with_the_job(tmp_path, db):
    export = tmp_path / "semicolons.csv"
    export.write_text("Nummer;Datum;Kanaal;Reden\nN1;01-06-2026 09:00;telefoon;Levering\n"
                      "N2;02-06-2026 10:30;chat;Retour\n", encoding="utf-8")
    flags = {"mapping": {"contact_id": "Nummer", "started_at": "Datum", "channel": "Kanaal", "reason_l1": "Reden"},
             "delimiter": ";", "date_format": "%d-%m-%Y %H:%M"}
    submit_job(db, export, ImportJob(kind="contacts", flags=flags, save_profile="weekly", language="nl"))
    conn = open_store(db)
    try:
        [result] = process_pending(conn, inbox_for(db))
        days = conn.cursor().execute("select strftime(started_at, '%Y-%m-%d %H:%M') from contacts order by 1").fetchall()
        profile = conn.cursor().execute("select name from mapping_profiles").fetchall()
    finally:
        conn.close()
    assert result.ok, result.message
    assert [d for (d,) in days] == ["2026-06-01 09:00", "2026-06-02 10:30"]
    assert profile == [("weekly",)]


def test_the_worker_thread_processes_the_inbox_and_survives_a_bad_job(tmp_path, db):
    conn = open_store(db)
    worker = InboxWorker(conn, inbox_for(db), poll_seconds=0.05)
    worker.start()
    try:
        bad = tmp_path / "empty.csv"
        bad.write_text("", encoding="utf-8")
        failed = submit_job(db, bad, ImportJob(kind="contacts"))
        good = submit_job(db, contacts_csv(tmp_path / "week.csv", range(3)), ImportJob(kind="contacts"))
        assert wait_for_result(inbox_for(db), failed, timeout=30).ok is False
        assert wait_for_result(inbox_for(db), good, timeout=30).ok is True
        assert worker.is_alive()
        assert contact_count(conn) == 3
    finally:
        worker.stop()
        conn.close()
    assert not worker.is_alive()


def test_wait_gives_up_after_the_timeout(tmp_path, db):
    job_id = submit_job(db, contacts_csv(tmp_path / "week.csv", range(2)), ImportJob(kind="contacts"))
    assert wait_for_result(inbox_for(db), job_id, timeout=0.3, poll_seconds=0.05) is None
    assert os.path.isdir(inbox_for(db) / "pending" / job_id)


def test_a_drivers_job_needs_a_driver_name():
    with pytest.raises(ValueError, match="driver name"):
        ImportJob(kind="drivers")


def test_a_job_interrupted_while_running_runs_once_more_then_fails(tmp_path, db):
    """A file that kills the process mid-import must not do so after every restart."""
    job_id = submit_job(db, contacts_csv(tmp_path / "week.csv", range(3)), ImportJob(kind="contacts"))
    inbox = inbox_for(db)
    running = inbox / "running"
    running.mkdir()
    os.rename(inbox / "pending" / job_id, running / job_id)  # claimed, then the process died

    assert requeue_interrupted(inbox) == [job_id]  # the next worker start: once more
    assert [p.name for p in pending_jobs(inbox)] == [job_id]
    os.rename(inbox / "pending" / job_id, running / job_id)  # and it died again

    assert requeue_interrupted(inbox) == []
    result = job_result(inbox, job_id)
    assert result is not None and not result.ok and "interrupted 2 times" in result.message


def test_a_job_naming_a_file_outside_its_folder_fails_and_that_file_is_kept(tmp_path, db):
    outside = contacts_csv(tmp_path / "nightly.csv", range(4))
    job_id = submit_job(db, outside, ImportJob(kind="contacts"))
    description_file = inbox_for(db) / "pending" / job_id / JOB_FILE
    description = json.loads(description_file.read_text())
    description_file.write_text(json.dumps({**description, "file": str(outside)}))  # a hand-made job.json
    conn = open_store(db)
    try:
        [result] = process_pending(conn, inbox_for(db))
        assert contact_count(conn) == 0
    finally:
        conn.close()
    assert not result.ok and "no file of its own folder" in result.message
    assert outside.is_file()


def test_an_export_called_job_json_does_not_overwrite_the_job(tmp_path, db):
    export = contacts_csv(tmp_path / "job.json", range(2))
    job_id = submit_job(db, export, ImportJob(kind="contacts"))
    folder = inbox_for(db) / "pending" / job_id
    assert json.loads((folder / JOB_FILE).read_text())["file_name"] == "job.json"
    assert (folder / "data.json").read_bytes() == export.read_bytes()
