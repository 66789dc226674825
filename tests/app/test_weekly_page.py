"""The Weekly report page in AppTest: the week's total matches a direct count, the URL
picks week and level, open actions show beside their reason, SF311 (no drivers) works."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import duckdb

from analytics import weekly
from analytics.actions import ReasonPath, add_action
from analytics.store import open_store
from tests.support.readable import shown_frame

PAGE = "pages/weekly.py"


def _weeks_and_counts(store, level: int = 2) -> tuple[list[date], dict]:
    conn = duckdb.connect(str(store))
    try:
        first, last = conn.execute("select min(started_at)::date, max(started_at)::date from contacts").fetchall()[0]
        weeks = weekly.complete_weeks(first, last)
        keys = ", ".join(["reason_l1", "reason_l2", "reason_l3"][:level])
        counts = {}
        for monday in weeks[:2]:
            counts[monday] = conn.execute(
                f"select {keys}, count(*) from contacts where started_at >= $a and started_at < $b group by all",
                {"a": monday, "b": monday + timedelta(days=7)}).fetchall()
        return weeks, counts
    finally:
        conn.close()


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_weekly_on_demo_matches_a_direct_count(app_on, demo_store):
    weeks, counts = _weeks_and_counts(demo_store)
    at = app_on(demo_store, page=PAGE)
    assert not at.exception
    assert at.title[0].value == "Weekly report"
    total = sum(n for *_, n in counts[weeks[0]])
    assert int(_metric(at, "Contacts").replace(",", "")) == total
    headline = next(m.value for m in at.markdown if m.value.startswith("**Week "))
    assert headline.startswith(f"**Week {weeks[0].isocalendar()[1]}: {total:,} contacts")
    assert at.selectbox(key="weekly_week").value == weekly.week_code(weeks[0])
    table = at.dataframe[0].value
    assert len(table) == len(counts[weeks[0]]) and table["contacts"].sum() == total
    assert at.get("plotly_chart")


def test_week_and_level_come_from_the_link(app_on, demo_store):
    weeks, _ = _weeks_and_counts(demo_store)
    _, counts = _weeks_and_counts(demo_store, level=1)
    at = app_on(demo_store, page=PAGE, query={"weekly_week": weekly.week_code(weeks[1]), "weekly_level": "1"})
    assert not at.exception
    table = at.dataframe[0].value
    assert sorted(table["reason"]) == sorted(l1 for l1, _ in counts[weeks[1]])
    assert dict(zip(table["reason"], table["contacts"])) == {l1: n for l1, n in counts[weeks[1]]}


def test_open_actions_show_beside_their_reason(app_on, demo_store, tmp_path):
    copy = tmp_path / "with-actions.duckdb"
    shutil.copy(demo_store, copy)
    conn = open_store(copy)
    add_action(conn, ReasonPath("Delivery", "Late"), action="Carrier SLA review", owner_department="Logistics",
               due_on=date.today() - timedelta(days=3))
    conn.close()
    at = app_on(copy, page=PAGE)
    assert not at.exception
    table = at.dataframe[0].value.set_index("reason")
    assert table.loc["Delivery > Late", "open_actions"] == 1
    assert "Carrier SLA review (Logistics" in table.loc["Delivery > Late", "actions"]
    assert any("1 open actions are past their due date" in w.value for w in at.warning)
    assert _metric(at, "Open actions") == "1"


def test_weekly_on_sf311_explains_missing_drivers(app_on, sf311_store):
    at = app_on(sf311_store, page=PAGE)
    assert not at.exception
    assert any(m.value.startswith("**Week ") for m in at.markdown)
    assert any("no drivers" in c.value for c in at.caption)
    table = at.dataframe[0].value
    owners = table["owner_department"].astype(str)
    assert owners.str.contains(r"\(no owner named\)").any()  # SF311 has reasons without an owner
    assert not owners.str.contains("nan").any()  # shown as "(no owner named)", not "nan (…)"
    assert "–" in set(shown_frame(at)["vs_last_week_pct"])  # nothing last week: a dash, not "None"
    assert table["vs_last_week_pct"].isna().any()  # a missing number, not a text: the column sorts
