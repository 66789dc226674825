"""The Volume trends logic on a store with a known truth: a built-in step is flagged on
the right days, the parts' gaps add up, and a too-short history says why."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from analytics.aggregates import refresh_contact_days
from analytics.baseline import InsufficientHistory
from analytics.filters import ContactFilter
from analytics.store import open_store
from analytics.trends import contacts_by_grain, gap_by_part, volume_trend
from tests.support.stores import run_cli

FIRST = date(2024, 1, 1)
STEP_START = date(2025, 6, 9)  # a Monday


def _fill(conn, days: int, step_factor: float = 1.0):
    """Two reasons, weekday pattern, Poisson counts; from STEP_START reason A drops."""
    rng = np.random.default_rng(5)
    rows = []
    weekday = [1.4, 1.1, 1.0, 1.0, 0.9, 0.5, 0.3]
    for i in range(days):
        day = FIRST + timedelta(days=i)
        for reason, base in (("A", 60), ("B", 40)):
            mean = base * weekday[day.weekday()] * (step_factor if reason == "A" and day >= STEP_START else 1)
            for k in range(rng.poisson(mean)):
                rows.append((f"{reason}{i}-{k}", datetime.combine(day, datetime.min.time()) + timedelta(hours=9),
                             "Phone" if k % 2 else "E-mail", reason))
    frame = pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1"])
    cur = conn.cursor()
    cur.register("rows", frame)
    cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1) select * from rows")
    refresh_contact_days(cur)  # the daily aggregates, as an import keeps them
    cur.execute("insert into channels values ('Phone', 'voice', 6), ('E-mail', 'written', 4)")
    cur.execute("insert into reasons (reason_l1) values ('A'), ('B')")


@pytest.fixture(scope="module")
def stepped(tmp_path_factory):
    conn = open_store(tmp_path_factory.mktemp("trend") / "s.duckdb")
    _fill(conn, days=540, step_factor=0.5)
    yield conn
    conn.close()


def test_a_step_down_is_flagged_from_its_first_weekday_and_blamed_on_its_reason(stepped):
    period = ContactFilter(STEP_START - timedelta(days=14), STEP_START + timedelta(days=13))
    trend = volume_trend(stepped, period, "day", first_day=FIRST)
    flagged = trend.anomalies[trend.anomalies["direction"] == "below"]["date"].dt.date
    after = [d for d in flagged if d >= STEP_START]
    before = [d for d in flagged if d < STEP_START]
    assert len(after) >= 8  # most of the 14 days after a 30% drop of the total
    assert len(before) <= 1  # at most one false alarm in the 14 days before

    week = trend.periods.loc[pd.Timestamp(STEP_START): pd.Timestamp(STEP_START + timedelta(days=6)), "expected"]
    parts = gap_by_part(stepped, period, week, "reason")
    assert parts.iloc[0]["part"] == "A" and parts.iloc[0]["gap"] < 0
    total_gap = trend.periods.loc[week.index, "actual"].sum() - week.sum()
    assert parts["gap"].sum() == pytest.approx(total_gap, rel=1e-6)


def test_week_grain_gives_sum_intervals(stepped):
    period = ContactFilter(STEP_START - timedelta(days=28), STEP_START - timedelta(days=1))
    weekly = volume_trend(stepped, period, "week", first_day=FIRST).periods
    assert (weekly["lo95"] <= weekly["expected"]).all() and (weekly["expected"] <= weekly["hi95"]).all()
    assert weekly["actual"].sum() == volume_trend(stepped, period, "day", first_day=FIRST).periods["actual"].sum()


def test_too_short_history_says_why(tmp_path):
    conn = open_store(tmp_path / "short.duckdb")
    _fill(conn, days=40)
    with pytest.raises(InsufficientHistory, match="at least 8 weeks"):
        volume_trend(conn, ContactFilter(FIRST + timedelta(days=30), FIRST + timedelta(days=39)), "day", first_day=FIRST)


def test_baseline_cli_prints_the_backtest(tmp_path):
    store = tmp_path / "cli.duckdb"
    conn = open_store(store)
    _fill(conn, days=540)
    conn.close()
    result = run_cli("baseline", "--db", str(store), "--backtest", "--json")
    for key in ("mape_model", "mape_seasonal_naive", "coverage_80", "coverage_95", "horizon_days", "n_origins"):
        assert key in result
    assert result["horizon_days"] == 28 and result["n_origins"] == 12
    assert result["mape_model"] < result["mape_seasonal_naive"]
    assert 0.85 <= result["coverage_95"] <= 1.0


def test_a_filter_without_history_before_the_period_says_why(stepped):
    late_channel = ContactFilter(STEP_START, STEP_START + timedelta(days=6), channel="Video")
    with pytest.raises(InsufficientHistory, match="none before it"):
        volume_trend(stepped, late_channel, "day", first_day=FIRST)


def test_gap_split_is_empty_without_recent_contacts(stepped):
    nobody = ContactFilter(STEP_START, STEP_START + timedelta(days=6), channel="Video")
    week = pd.Series(10.0, index=pd.date_range(STEP_START, periods=7, freq="D"))
    assert gap_by_part(stepped, nobody, week, "reason").empty


def test_events_follow_the_channel_group_and_third_level(stepped):
    from analytics.editing import add_event
    from analytics.trends import events_for

    add_event(stepped, name="Phone outage", kind="outage", starts_on=STEP_START, ends_on=STEP_START,
              foreseen=False, channel="Phone")
    add_event(stepped, name="Carrier strike", kind="other", starts_on=STEP_START, ends_on=STEP_START,
              foreseen=False, reason="A > Late > Carrier")
    period = (STEP_START, STEP_START + timedelta(days=6))
    written = events_for(stepped, ContactFilter(*period, channel_group="written"))["name"].tolist()
    voice = events_for(stepped, ContactFilter(*period, channel_group="voice"))["name"].tolist()
    customs = events_for(stepped, ContactFilter(*period, reason_l1="A", reason_l2="Late", reason_l3="Customs"))
    assert "Phone outage" not in written and "Phone outage" in voice
    assert "Carrier strike" not in customs["name"].tolist()


def test_contacts_by_grain_sums_days_to_weeks_and_months():
    """What Volume trends draws without a baseline: the reader's grain, not days."""
    days = pd.date_range("1999-02-01", "1999-03-03")  # Monday 1 Feb to Wednesday 3 Mar
    daily = pd.DataFrame({"day": days, "contacts": range(1, len(days) + 1)})
    weeks = contacts_by_grain(daily, "week")
    assert weeks["day"].dt.day_of_week.eq(0).all()  # labelled by their Mondays
    assert weeks["day"].tolist() == list(pd.date_range("1999-02-01", periods=5, freq="7D"))
    assert weeks["contacts"].tolist()[0] == sum(range(1, 8))
    assert weeks["contacts"].tolist()[-1] == 29 + 30 + 31  # the last week so far: three days
    months = contacts_by_grain(daily, "month")
    assert months["day"].tolist() == [pd.Timestamp("1999-02-01"), pd.Timestamp("1999-03-01")]
    assert months["contacts"].sum() == daily["contacts"].sum()
    assert contacts_by_grain(daily, "day")["contacts"].tolist() == daily["contacts"].tolist()
    with pytest.raises(ValueError, match="grain"):
        contacts_by_grain(daily, "quarter")
