"""An inbox job carries who asked for it, and the worker runs it as that person: a viewer's
job is refused and filed as failed with nothing written; an editor's job is imported and
audited under the editor's name; in the web server (where work without a signed-in user
acts as nobody) a job naming nobody is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analytics import access, audit
from analytics.access import Actor, Role, acting_as
from analytics.live import ImportJob, InboxWorker, inbox_for, job_result, submit_job
from analytics.live.inbox import JOB_FILE
from analytics.store import data_version, open_store
from tests.test_live_inbox import contact_count, contacts_csv

VIEWER = Actor("vera@example.org", Role.VIEWER)
EDITOR = Actor("erin@example.org", Role.EDITOR)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.duckdb"
    open_store(path).close()
    return path


@pytest.fixture
def web_server(monkeypatch):
    """The web server's rule for the test's duration: no ``acting_as``, no actor."""
    monkeypatch.setattr(access, "_fall_back_to_operator", True)  # restored afterwards
    access.require_explicit_actor()


def _queue_as(actor: Actor, db: Path, export: Path) -> str:
    with acting_as(actor):
        return submit_job(db, export, ImportJob(kind="contacts"))


def _description(db: Path, stage: str, job_id: str) -> dict:
    return json.loads((inbox_for(db) / stage / job_id / JOB_FILE).read_text(encoding="utf-8"))


def test_a_job_records_who_asked_for_it(tmp_path, db):
    job_id = _queue_as(EDITOR, db, contacts_csv(tmp_path / "week.csv", range(3)))
    described = _description(db, "pending", job_id)
    assert (described["actor_name"], described["actor_role"]) == ("erin@example.org", "editor")


def test_a_viewers_job_is_refused_by_the_worker_and_recorded_as_failed(tmp_path, db, web_server):
    job_id = _queue_as(VIEWER, db, contacts_csv(tmp_path / "week.csv", range(8)))
    conn = open_store(db)
    try:
        version = data_version(conn)
        [result] = InboxWorker(conn, inbox_for(db)).run_once()
        assert not result.ok
        assert "vera@example.org is a viewer here and may not import contacts" in result.message
        assert job_result(inbox_for(db), job_id).folder == inbox_for(db) / "failed" / job_id
        assert (inbox_for(db) / "failed" / job_id / "data.csv").is_file()  # kept for whoever fixes it
        assert contact_count(conn) == 0 and data_version(conn) == version
        assert audit.recent_entries(conn, 10).empty
    finally:
        conn.close()


def test_an_editors_job_is_imported_and_audited_under_their_name(tmp_path, db, web_server):
    job_id = _queue_as(EDITOR, db, contacts_csv(tmp_path / "week.csv", range(8)))
    conn = open_store(db)
    try:
        [result] = InboxWorker(conn, inbox_for(db)).run_once()
        assert result.ok, result.message
        assert job_result(inbox_for(db), job_id).ok
        assert contact_count(conn) == 8
        entry = audit.recent_entries(conn, 10).iloc[0]
        assert (entry["actor_name"], entry["actor_role"], entry["action"], entry["target"]) == (
            "erin@example.org", "editor", "import.contacts", "week.csv")
        assert json.loads(entry["after_json"])["inserted"] == 8
        assert access.current_actor() is None  # the worker's own thread still acts as nobody
    finally:
        conn.close()


def test_a_job_naming_nobody_is_refused_in_the_web_server(tmp_path, db, web_server):
    export = contacts_csv(tmp_path / "week.csv", range(4))
    job_id = submit_job(db, export, ImportJob(kind="contacts"))  # nobody is acting here either
    assert _description(db, "pending", job_id)["actor_name"] is None
    conn = open_store(db)
    try:
        [result] = InboxWorker(conn, inbox_for(db)).run_once()
        assert not result.ok and result.message == "Sign in to import contacts."
        assert contact_count(conn) == 0
    finally:
        conn.close()


def test_a_job_with_an_unknown_role_fails(tmp_path, db):
    job = ImportJob(kind="contacts", actor_name="mallory", actor_role="owner")
    job_id = submit_job(db, contacts_csv(tmp_path / "week.csv", range(4)), job)
    conn = open_store(db)
    try:
        [result] = InboxWorker(conn, inbox_for(db)).run_once()
        assert not result.ok and "Unknown role 'owner'" in result.message
        assert contact_count(conn) == 0
    finally:
        conn.close()
