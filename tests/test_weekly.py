"""The weekly report: numbers against a direct count on the demo store, a known-truth
store where one reason doubles in the report week, owners with their fall-backs, and the
actions shown beside their reason."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd
import pytest

from analytics import weekly
from analytics.aggregates import refresh_contact_days
from analytics.actions import ReasonPath, add_action, list_actions
from analytics.filters import ContactFilter
from analytics.store import open_store
from tests.support.stores import build_demo_store

FIRST_DAY = date(2025, 1, 6)  # a Monday
REPORT_WEEK = date(2026, 2, 2)  # 56 weeks later, a Monday
MEANS = {("Delivery", "Late", ""): 60, ("Delivery", "Damaged", ""): 30, ("Payment", "Refund", ""): 20}
DOUBLED = ("Payment", "Refund", "")


def _truth_store(path, seed: int = 3) -> tuple[duckdb.DuckDBPyConnection, pd.DataFrame]:
    """Three reasons with steady Poisson volumes (60, 30, 20 a day, two channels) from
    FIRST_DAY to the Sunday of REPORT_WEEK; in REPORT_WEEK the refunds double."""
    rng = np.random.default_rng(seed)
    days = pd.date_range(FIRST_DAY, REPORT_WEEK + timedelta(days=6), freq="D")
    counts = []
    for day in days:
        for reason, mean in MEANS.items():
            factor = 2 if reason == DOUBLED and day >= pd.Timestamp(REPORT_WEEK) else 1
            counts.append((day, *reason, int(rng.poisson(mean * factor))))
    per_day = pd.DataFrame(counts, columns=["day", "reason_l1", "reason_l2", "reason_l3", "contacts"])
    rows = per_day.loc[per_day.index.repeat(per_day["contacts"])].reset_index(drop=True)
    rows["started_at"] = rows["day"] + pd.Timedelta(hours=10)
    rows["contact_id"] = [f"c{i}" for i in range(len(rows))]
    rows["channel"] = np.where(np.arange(len(rows)) % 3 == 0, "Chat", "Phone")
    conn = open_store(path)
    conn.register("generated", rows[["contact_id", "started_at", "channel", "reason_l1", "reason_l2", "reason_l3"]])
    conn.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3)"
                 " select * from generated")
    refresh_contact_days(conn)  # the daily aggregates, as an import keeps them
    conn.unregister("generated")
    conn.execute("insert into channels values ('Phone', 'voice', 5.0), ('Chat', 'chat', 3.0)")
    conn.execute("insert into reasons values ('Delivery', 'Late', '', null, null), ('Delivery', 'Damaged', '', null, null),"
                 " ('Delivery', '', '', 'Logistics', null), ('Payment', 'Refund', '', 'Customer service', null)")
    return conn, rows


@pytest.fixture
def truth(tmp_path):
    conn, rows = _truth_store(tmp_path / "truth.duckdb")
    yield conn, rows
    conn.close()


def _any_filter() -> ContactFilter:
    return ContactFilter(date(2000, 1, 1), date(2000, 1, 1))  # the report ignores the period


def test_a_doubled_reason_is_flagged_and_the_steady_ones_are_not(truth):
    conn, rows = truth
    report = weekly.weekly_report(conn, _any_filter(), REPORT_WEEK, level=2, first_day=FIRST_DAY)
    by_reason = report.rows.set_index("reason")
    week = rows[(rows["day"] >= pd.Timestamp(REPORT_WEEK))]
    for (l1, l2, _), label in zip(MEANS, ["Delivery > Late", "Delivery > Damaged", "Payment > Refund"]):
        assert by_reason.loc[label, "contacts"] == ((week["reason_l1"] == l1) & (week["reason_l2"] == l2)).sum()
    assert by_reason.loc["Payment > Refund", "band"] == "above"
    assert by_reason.loc["Payment > Refund", "gap_pct"] == pytest.approx(1.0, abs=0.35)  # doubled: about +100%
    assert by_reason.loc["Delivery > Late", "band"] == ""
    assert by_reason.loc["Delivery > Damaged", "band"] == ""
    # the reasons' expected values add up to the total's (the share split is exact)
    assert report.rows["expected"].sum() == pytest.approx(report.total["expected"], rel=1e-9)
    assert report.total["contacts"] == len(week)
    # the total's gap is blamed on Payment (one level below the filter) and the rise on its Refund
    assert "; biggest contributor Payment (+" in weekly.headline(report)
    assert "; biggest rise above expected: Payment > Refund" in weekly.headline(report)


def test_steady_weeks_are_rarely_flagged(tmp_path):
    """Inject nothing, find (almost) nothing: over 12 weeks before the change, about 5% of
    reason-weeks may fall outside a 95% band; we allow up to 15%."""
    conn, _ = _truth_store(tmp_path / "steady.duckdb", seed=11)
    try:
        flags = []
        for k in range(1, 13):
            report = weekly.weekly_report(conn, _any_filter(), REPORT_WEEK - timedelta(days=7 * k), level=2,
                                          first_day=FIRST_DAY)
            flags.extend(report.rows["band"] != "")
        assert len(flags) == 36
        assert np.mean(flags) <= 0.15
    finally:
        conn.close()


def test_week_before_counts_and_channel_filter(truth):
    conn, rows = truth
    chat = ContactFilter(date(2000, 1, 1), date(2000, 1, 1), channel="Chat")
    report = weekly.weekly_report(conn, chat, REPORT_WEEK, level=1, first_day=FIRST_DAY)
    chat_rows = rows[rows["channel"] == "Chat"]
    last_week = chat_rows[(chat_rows["day"] >= pd.Timestamp(REPORT_WEEK - timedelta(days=7)))
                          & (chat_rows["day"] < pd.Timestamp(REPORT_WEEK))]
    this_week = chat_rows[chat_rows["day"] >= pd.Timestamp(REPORT_WEEK)]
    by_reason = report.rows.set_index("reason")
    assert set(by_reason.index) == {"Delivery", "Payment"}
    assert by_reason.loc["Payment", "last_week"] == (last_week["reason_l1"] == "Payment").sum()
    assert by_reason.loc["Delivery", "contacts"] == (this_week["reason_l1"] == "Delivery").sum()
    expected_change = ((this_week["reason_l1"] == "Payment").sum() / (last_week["reason_l1"] == "Payment").sum()) - 1
    assert by_reason.loc["Payment", "vs_last_week_pct"] == pytest.approx(expected_change)


def test_owners_fall_back_and_customer_service_is_flagged(truth):
    conn, _ = truth
    report = weekly.weekly_report(conn, _any_filter(), REPORT_WEEK, level=2, first_day=FIRST_DAY)
    owners = report.rows.set_index("reason")[["owner_department", "owner_flag"]]
    assert owners.loc["Delivery > Late"].tolist() == ["Logistics", ""]  # from the level above
    assert owners.loc["Payment > Refund"].tolist() == ["Customer service", "customer_service"]
    lookup = weekly.OwnerLookup(pd.DataFrame({
        "reason_l1": ["Account", "Account", "Other"], "reason_l2": ["Login", "Data", ""],
        "reason_l3": ["", "", ""], "department": ["IT", "IT", None]}))
    assert lookup(("Account", "", "")) == "IT"  # the only department named under it
    assert lookup(("Other", "", "")) is None
    assert weekly.owner_flag(None) == "no_owner"
    assert weekly.owner_flag("311 Service Request Queue") == "customer_service"
    assert weekly.owner_flag("Logistics") == ""


def test_open_actions_sit_beside_their_branch(truth):
    conn, _ = truth
    on_branch = add_action(conn, ReasonPath("Delivery"), action="Carrier review", owner_department="Logistics",
                           due_on=date(2026, 1, 1))
    add_action(conn, ReasonPath("Payment", "Refund"), action="Refund e-mail", status="done")
    report = weekly.weekly_report(conn, _any_filter(), REPORT_WEEK, level=2, first_day=FIRST_DAY)
    rows = weekly.attach_actions(report.rows, list_actions(conn), today=date(2026, 2, 9)).set_index("reason")
    assert rows.loc["Delivery > Late", "open_actions"] == 1
    assert rows.loc["Delivery > Damaged", "overdue_actions"] == 1
    assert "Carrier review (Logistics, 1 Jan 2026)" in rows.loc["Delivery > Late", "actions"]
    assert rows.loc["Payment > Refund", "open_actions"] == 0  # done actions are not open
    assert on_branch > 0


def test_week_codes_and_complete_weeks():
    assert weekly.week_code(date(2026, 6, 1)) == "2026-W23"
    assert weekly.week_monday("2026-W23") == date(2026, 6, 1)
    assert weekly.week_monday("2020-W53") == date(2020, 12, 28)
    with pytest.raises(ValueError, match="like 2026-W23"):
        weekly.week_monday("23")
    weeks = weekly.complete_weeks(date(2026, 1, 1), date(2026, 6, 27))  # ends on a Saturday
    assert weeks[0] == date(2026, 6, 15)  # the last whole Monday-Sunday week
    assert weeks[-1] >= date(2026, 1, 1) + timedelta(days=56)
    assert weekly.complete_weeks(date(2026, 6, 1), date(2026, 6, 28)) == []
    with pytest.raises(ValueError, match="Monday"):
        weekly.weekly_report(None, _any_filter(), date(2026, 6, 2), first_day=date(2026, 1, 1))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = build_demo_store(tmp_path_factory.mktemp("weekly-demo") / "contacts.duckdb")
    conn = open_store(path)
    yield conn
    conn.close()


@pytest.mark.parametrize("level", [1, 2, 3])
def test_report_matches_a_direct_count_on_the_demo(demo, level):
    first, last = demo.execute("select min(started_at)::date, max(started_at)::date from contacts").fetchall()[0]
    monday = weekly.complete_weeks(first, last)[0]
    voice = ContactFilter(first, last, channel_group="voice")
    report = weekly.weekly_report(demo, voice, monday, level=level, first_day=first, driver="orders")
    keys = ", ".join(["reason_l1", "reason_l2", "reason_l3"][:level])
    direct = demo.execute(
        f"select {keys}, count(*) as contacts from contacts"
        " where started_at >= $start and started_at < $end"
        " and channel in (select channel from channels where channel_group = 'voice') group by all",
        {"start": monday, "end": monday + timedelta(days=7)},
    ).fetch_df()
    got = report.rows[["reason_l1", "reason_l2", "reason_l3"][:level] + ["contacts"]]
    got = got[got["contacts"] > 0].sort_values(list(got.columns[:-1])).reset_index(drop=True)
    direct = direct.sort_values(list(direct.columns[:-1])).reset_index(drop=True)
    assert got["contacts"].astype(int).tolist() == direct["contacts"].astype(int).tolist()
    assert got.iloc[:, :-1].to_numpy().tolist() == direct.iloc[:, :-1].to_numpy().tolist()
    orders = demo.execute("select sum(value) from drivers where driver = 'orders' and dimension = ''"
                          " and day between $a and $b", {"a": monday, "b": monday + timedelta(days=6)}).fetchall()[0][0]
    assert report.total["per_1k"] == pytest.approx(direct["contacts"].sum() / orders * 1000)
    assert report.has_baseline and report.total["expected"] > 0
