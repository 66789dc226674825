"""The app's side of live data (AppTest): the sidebar says when the data was last updated
and by which import, in English and Dutch; the app's inbox worker imports a job left by
another writer and the next run shows the new count."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics.live import ImportJob, inbox_for, submit_job, wait_for_result
from tests.support.stores import ROOT, run_cli
from tests.test_live_inbox import contacts_csv

APP = str(ROOT / "app.py")


@pytest.fixture
def store(tmp_path, monkeypatch):
    db = tmp_path / "store.duckdb"
    run_cli("import", "contacts", str(contacts_csv(tmp_path / "contacts_base.csv", range(50), day="2026-06-29")),
            "--db", str(db))
    monkeypatch.setenv("CONTACTS_DB", str(db))
    monkeypatch.setenv("CONTACTS_INBOX_POLL_SECONDS", "0.1")
    st.cache_data.clear()
    st.cache_resource.clear()  # stops an earlier test's worker (on_release)
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


def sidebar_captions(at: AppTest) -> list[str]:
    return [c.value for c in at.sidebar.caption]


def contacts_metric(at: AppTest) -> str:
    return at.metric[0].value


def test_the_sidebar_says_when_and_by_which_import_the_data_was_updated(store):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    [line] = [c for c in sidebar_captions(at) if c.startswith("Data updated")]
    assert line.endswith("· import of contacts_base.csv")

    dutch = AppTest.from_file(APP, default_timeout=60)
    dutch.query_params["lang"] = "nl"
    dutch.run()
    assert not dutch.exception
    [line] = [c for c in sidebar_captions(dutch) if c.startswith("Gegevens bijgewerkt")]
    assert line.endswith("· import van contacts_base.csv")
    assert "-" in line.split(" ")[2]  # a Dutch date, 23-11-2026


def test_the_app_imports_what_another_writer_leaves_in_the_inbox(store, tmp_path):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert contacts_metric(at) == "50"

    job_id = submit_job(store, contacts_csv(tmp_path / "contacts_late.csv", range(50, 80), day="2026-06-29"),
                        ImportJob(kind="contacts"))
    result = wait_for_result(inbox_for(store), job_id, timeout=60)

    assert result is not None and result.ok, result
    assert result.summary["inserted"] == 30
    at.run()
    assert not at.exception
    assert contacts_metric(at) == "80"
    fresh = AppTest.from_file(APP, default_timeout=60)  # AppTest draws the sidebar on a first run only
    fresh.run()
    assert any(c.endswith("import of contacts_late.csv") for c in sidebar_captions(fresh)), sidebar_captions(fresh)
