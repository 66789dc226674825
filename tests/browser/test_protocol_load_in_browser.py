"""Many viewers at once over Streamlit's own protocol, small: five protocol sessions (the
websocket and protobuf messages a browser tab exchanges, without drawing) and one real
Chromium session go round Overview, Volume trends and Reasons with filters from links and
a changed channel, while a nightly export is imported by the command line through the
store's inbox and an editor changes a pilot. No view shows an error, every number is the
store's count for its filter before or after the import (after, once the import is done),
counted here, directly, on the store.

Runs ``benchmarks/protocol_load.py`` as the lead runs it on the large store, with a small
store and fewer sessions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.support.stores import ROOT, build_demo_store

pytestmark = pytest.mark.browser
SESSIONS = 5
IMPORT_ROWS = 300
PAGES = ["overview", "trends", "reasons"]


def contacts_in_default_period(store, channel: str | None = None) -> int:
    """Contacts in the 28 days up to the last contact's day (the pages' default period)."""
    with duckdb.connect(str(store), read_only=True) as conn:
        return conn.execute("""
            with bounds as (select max(started_at)::date as last_day from contacts)
            select count(*) from contacts, bounds
            where started_at >= last_day - interval 27 day and started_at < last_day + interval 1 day
              and ($channel is null or channel = $channel)
        """, {"channel": channel}).fetchone()[0]


def test_five_protocol_sessions_and_a_browser_during_an_import(tmp_path):
    store = build_demo_store(tmp_path / "protocol.duckdb")
    before = contacts_in_default_period(store)
    before_phone = contacts_in_default_period(store, "Phone")
    out = ROOT / "test-artifacts" / "load" / "protocol-five-sessions"  # .json, .md

    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "protocol_load.py"), "--db", str(store),
         "--sessions", str(SESSIONS), "--browsers", "1", "--pages", ",".join(PAGES),
         "--import-rows", str(IMPORT_ROWS), "--import-delay", "1", "--think", "0.2,0.6", "--ramp", "1",
         "--page-timeout", "60", "--max-seconds", "90", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    report = json.loads(Path(f"{out}.json").read_text())
    views = report["all_views"]

    # The benchmark works on a copy: its truth is this store's, counted here independently.
    assert report["truth_before"]["none"]["contacts"] == before
    assert report["truth_before"]["channel=Phone"]["contacts"] == before_phone
    assert report["import"]["ok"] and report["import"]["via"] == "cli", report["import"]
    assert report["truth_after"]["none"]["contacts"] == before + IMPORT_ROWS
    assert report["pilot_edit"]["ok"] and report["pilot_edit_problems"] == [], report["pilot_edit"]

    assert report["errors"] == 0 and report["wrong_numbers"] == 0 and report["not_finished"] == 0, \
        report["problems"]
    protocol = [v for v in views if v["who"] == "protocol"]
    assert {v["session"] for v in protocol} == set(range(SESSIONS))
    for session in range(SESSIONS):  # a link with a filter, the other pages, a changed channel
        ways = {(v["page"], v["how"]) for v in protocol if v["session"] == session}
        assert {("overview", "link"), ("trends", "nav"), ("reasons", "nav"), ("reasons", "filter"),
                ("overview", "nav")} <= ways, ways
    assert len({v["filter"] for v in protocol}) >= SESSIONS  # different filters, from links and changes
    browser = [v for v in views if v["who"] == "browser"]
    assert {v["page"] for v in browser} == set(PAGES) and all(v["numbers"] for v in browser)

    # Views that started after the import had finished show it, for every filter it touched.
    _, import_end = report["import"]["window_s"]
    late = [v for v in views if v["started_s"] > import_end and v["page"] in ("overview", "reasons")]
    assert late and all(v["side"] in ("after", "unchanged") for v in late), late
    for view in late:
        assert view["numbers"]["contacts"] == report["truth_after"][view["filter"]]["contacts"], view
    assert sum(v["side"] == "after" for v in late) >= SESSIONS
    assert any(v["side"] == "after" and v["who"] == "browser" for v in views)
    assert report["page_finished"]["all"]["p95_s"] is not None
    assert report["server_rss_peak_mb"] > 50


def test_a_number_is_checked_against_the_moment_of_the_import():
    """Before the import started: the count before; after it ended: the count after; a
    run that overlapped it: either; anything else is wrong."""
    from benchmarks.protocol_load import View, check_view

    before = {"none": {"contacts": 100, "week": 26, "week_contacts": 20}}
    after = {"none": {"contacts": 130, "week": 26, "week_contacts": 29}}
    window = (10.0, 20.0)
    cases = [  # started, finished, shown, wrong?
        (1.0, 5.0, 100, False), (1.0, 5.0, 130, True),      # before the import
        (8.0, 12.0, 100, False), (15.0, 25.0, 130, False),  # overlapping it
        (21.0, 22.0, 130, False), (21.0, 22.0, 100, True),  # after it
        (15.0, 16.0, 115, True),
    ]
    for started, finished, shown, wrong in cases:
        view = View("protocol", 0, 0, "overview", "link", "none", started, finished, 0.1, {"contacts": shown})
        check_view(view, before, after, window)
        assert bool(view.wrong) is wrong, (started, finished, shown, view.wrong)
        assert view.side == ("" if wrong else "before" if shown == 100 else "after")
    trends = View("protocol", 0, 0, "trends", "nav", "none", 21.0, 22.0, 0.1, {"week": 25, "week_contacts": 29})
    check_view(trends, before, after, window)
    assert trends.wrong == ["week 25, week_contacts 29; expected after: week 26, week_contacts 29"]
    silent = View("protocol", 0, 0, "reasons", "nav", "none", 21.0, 22.0, 0.1, {})
    check_view(silent, before, after, window)
    assert silent.errors == ["headline number not found"]


def test_the_numbers_are_read_from_the_messages_sent():
    """The elements a run sends, as protobuf, read back: the metric, the caption naming the
    filter, an error box."""
    from streamlit.proto.Alert_pb2 import Alert
    from streamlit.proto.Element_pb2 import Element

    from benchmarks.protocol_load import filter_words, page_numbers, shown_errors, shown_filter

    metric, caption, total, alert = Element(), Element(), Element(), Element()
    metric.metric.label, metric.metric.body = "Contacts", "7,236"
    caption.markdown.body = "3 Jun 2026 to 30 Jun 2026, channel Phone, department Sales"
    total.markdown.body = "Data: 199,573 contacts from 22 Apr 2024 to 30 Jun 2026 23:57; last import never."
    alert.alert.body, alert.alert.format = "Something broke", Alert.ERROR
    elements = {(0, 1): caption, (0, 2, 0, 0): metric, (0, 7): total}
    assert page_numbers("overview", elements) == {"contacts": 7236, "store_contacts": 199573}
    assert shown_filter(elements) == ["channel Phone", "department Sales"]
    assert filter_words({"filter_department": "Sales", "filter_channel": "Phone"}) == shown_filter(elements)
    assert filter_words({"filter_channel": "voice (group)"}) == ["channel group voice"]
    assert shown_errors(elements) == [] and shown_errors({(0, 3): alert}) == ["error box: Something broke"]
