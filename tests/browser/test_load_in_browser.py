"""Many viewers at once, small: three browser sessions open the Overview, Volume trends and
Reasons while a nightly export is imported by the command line into the store the app
holds, and an editor changes a pilot on the Pilots page. Every page gets ready, shows no error box, and every headline number is the
store's count before the import or after it (counted here, directly, on the store).

Runs ``benchmarks/load.py`` as the lead runs it on the large store, with a small store
and fewer sessions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
import duckdb
import pytest

from tests.support.stores import ROOT, build_demo_store

pytestmark = pytest.mark.browser
SESSIONS = 3
IMPORT_ROWS = 300
PAGES = ["overview", "trends", "reasons"]


def contacts_in_default_period(store) -> int:
    """Contacts in the 28 days up to the last contact's day (the pages' default period)."""
    with duckdb.connect(str(store), read_only=True) as conn:
        return conn.execute("""
            with bounds as (select max(started_at)::date as last_day from contacts)
            select count(*) from contacts, bounds
            where started_at >= last_day - interval 27 day and started_at < last_day + interval 1 day
        """).fetchone()[0]


def test_three_sessions_during_an_import(tmp_path):
    store = build_demo_store(tmp_path / "load.duckdb")
    before = contacts_in_default_period(store)
    out = ROOT / "test-artifacts" / "load" / "three-sessions"  # .json, .md, screenshots of failures

    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "load.py"), "--db", str(store), "--in-place",
         "--sessions", str(SESSIONS), "--pages", ",".join(PAGES), "--import-rows", str(IMPORT_ROWS),
         "--page-timeout", "90", "--max-seconds", "240", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=480,
    )
    after = contacts_in_default_period(store)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    report = json.loads(Path(f"{out}.json").read_text())

    # The import went through the running app and added every row of the file to the period.
    assert report["import"]["ok"], report["import"]
    assert report["import"]["via"] == "cli"
    assert after == before + IMPORT_ROWS

    # An editor changed a pilot on the Pilots page meanwhile; the store holds it, audited.
    assert report["pilot_edit"]["ok"], report["pilot_edit"]
    assert report["pilot_edit_problems"] == []

    views = report["views"]
    assert report["errors"] == 0 and report["wrong_numbers"] == 0 and report["not_ready"] == 0
    assert {v["session"] for v in views} == set(range(SESSIONS))
    for session in range(SESSIONS):  # each session saw every page at least twice: during and after
        assert sorted(v["page"] for v in views if v["session"] == session and v["round"] < 2) == sorted(PAGES * 2)
    for view in views:
        assert view["errors"] == [] and view["seconds"] is not None, view
        if view["page"] in ("overview", "reasons"):
            assert view["numbers"]["contacts"] in (before, after), view
    # Pages opened after the import show the new count: the open sessions did not keep stale numbers.
    last_overviews = [max((v for v in views if v["session"] == s and v["page"] == "overview"),
                          key=lambda v: v["round"]) for s in range(SESSIONS)]
    assert all(v["numbers"]["contacts"] == after for v in last_overviews), last_overviews
    assert report["page_ready"]["all"]["p95_s"] is not None
    assert report["server_rss_peak_mb"] > 50
    assert Path(f"{out}.md").read_text().startswith(f"# Load test: {SESSIONS} sessions")


def test_the_load_test_counts_and_flags_numbers(tmp_path):
    """The truth the load test holds pages to, on a store of five contacts with a known
    answer, and a number that is neither before nor after is flagged."""
    from benchmarks.load import View, check_numbers, expected_numbers

    store = tmp_path / "tiny.duckdb"
    with duckdb.connect(str(store)) as conn:
        conn.execute("create table contacts (started_at timestamp)")
        # Last day Sunday 2026-06-28: the period is 06-01..06-28, its last full week 06-22..06-28 (week 26).
        conn.execute("""insert into contacts values ('2026-05-31 23:59'), ('2026-06-01 00:00'),
                        ('2026-06-21 12:00'), ('2026-06-22 00:00'), ('2026-06-28 23:59')""")
    truth = expected_numbers(store)
    assert truth == {"period": ["2026-06-01", "2026-06-28"], "contacts": 4, "week": 26,
                     "week_start": "2026-06-22", "week_contacts": 2}

    after = {**truth, "contacts": 5, "week_contacts": 3}
    for shown, wrong in [(4, False), (5, False), (6, True), (0, True)]:
        view = View(session=0, round=0, page="overview", numbers={"contacts": shown})
        check_numbers(view, truth, after)
        assert bool(view.wrong) is wrong, (shown, view.wrong)
    view = View(session=0, round=0, page="trends", numbers={"week": 25, "week_contacts": 2})
    check_numbers(view, truth, after)
    assert view.wrong == ["week 25, expected 26"]
