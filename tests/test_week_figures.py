"""One week, one answer: Volume trends' week sentence and the weekly report (page, decks and
reports alike) state the same expected total, 95% band and biggest contributor for every
week of the demo's last year, and say which history that expectation comes from.

The issue this guards: Volume trends said "Week 48: 15,291 contacts, 16% below expected,
biggest contributor Delivery (−938)" while the weekly report said "14% below expected;
biggest rise Order > Cancel (+134)" for the same week and filters, because Trends forecast
the week from the first day of a four-week view and the weekly report from the day before
the week, each with its own fit.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd
import pytest

from analytics import trends, weekly
from analytics.baseline import BaselineConfig, InsufficientHistory, expected_for_days, fit_baseline
from analytics.demo.volumes import demo_volumes
from analytics.filters import ContactFilter
from analytics.i18n import using_language
from analytics.store import open_store
from tests.support.stores import build_demo_store

HORIZON_WORDS = "what the history up to the week before expected"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    conn = open_store(build_demo_store(tmp_path_factory.mktemp("week-figures") / "contacts.duckdb"), read_only=True)
    first, last = conn.execute("select min(started_at)::date, max(started_at)::date from contacts").fetchall()[0]
    yield conn, first, last
    conn.close()


def _last_year_weeks(first: date, last: date) -> list[date]:
    return [monday for monday in weekly.complete_weeks(first, last) if monday >= last - timedelta(days=365)]


def test_trends_and_the_weekly_report_state_one_answer_for_every_week_of_the_last_year(demo):
    conn, first, last = demo
    weeks = _last_year_weeks(first, last)
    assert len(weeks) == 52
    assert any(monday.month in (11, 12) for monday in weeks)  # the season's peaks are among them
    with using_language("en"):
        for monday in weeks:
            view = ContactFilter(monday - timedelta(days=21), monday + timedelta(days=6))  # a four-week view
            assert trends.last_full_week(view.start, view.end) == monday
            summary = trends.week_summary(conn, view, monday, first_day=first)
            sentence = trends.week_sentence(summary)
            report = weekly.weekly_report(conn, view.with_period(monday, monday + timedelta(days=6)), monday,
                                          level=2, first_day=first)
            headline = weekly.headline(report)
            total = report.total
            assert summary.contacts == total["contacts"], monday
            assert (summary.expected.expected, summary.expected.lo95, summary.expected.hi95) == \
                (total["expected"], total["lo95"], total["hi95"]), monday
            assert summary.top_contributor == total["contributor"], monday
            # The words: the same percentage against the same history, the same contributor.
            gap = re.search(r"(\d+% (?:below|above)) " + HORIZON_WORDS, sentence)
            assert gap and f", {gap.group(1)} {HORIZON_WORDS}" in headline, (sentence, headline)
            contributor = re.search(r"biggest contributor (.+ \([+\-−]?[\d,]+\))", sentence).group(1)
            assert f"; biggest contributor {contributor}" in headline, (sentence, headline)
            assert "biggest rise above expected" in headline or "biggest fall" in headline, headline


def test_the_chart_says_it_forecasts_from_the_day_before_the_view(demo):
    """The chart of a four-week view is a forecast up to 28 days ahead (a different
    question from the week judged on its own), and its expected values come from the same
    one function: a view that starts on the week's Monday gives the week's own figures."""
    conn, first, last = demo
    monday = _last_year_weeks(first, last)[0]
    long_view = trends.volume_trend(conn, ContactFilter(monday - timedelta(days=21), monday + timedelta(days=6)),
                                    "week", first_day=first)
    assert long_view.fit_end == monday - timedelta(days=22)
    one_week = trends.volume_trend(conn, ContactFilter(monday, monday + timedelta(days=6)), "week", first_day=first)
    summary = trends.week_summary(conn, ContactFilter(monday, monday), monday, first_day=first)
    row = one_week.periods.iloc[0]
    assert (row["expected"], row["lo95"], row["hi95"]) == pytest.approx(
        (summary.expected.expected, summary.expected.lo95, summary.expected.hi95), rel=1e-12)


def test_expected_for_days_is_predict_and_its_sums(demo):
    """Day bands are the fitted baseline's own; a period's band comes from the same paths."""
    conn, first, last = demo
    start = pd.Timestamp(last) - pd.Timedelta(days=13)
    history = trends.daily_series(conn, ContactFilter(first, last))
    expectation = expected_for_days(history, start, start + pd.Timedelta(days=13))
    model = fit_baseline(history[history.index < start])
    pd.testing.assert_frame_equal(expectation.days, model.predict(start, start + pd.Timedelta(days=13)),
                                  check_freq=False)
    week = expectation.period(start, start + pd.Timedelta(days=6))
    by_week = expectation.by_grain("week")
    assert week.expected == pytest.approx(float(expectation.expected.iloc[:7].sum()))
    assert expectation.fit_end == (start - pd.Timedelta(days=1)).date() and expectation.horizon_days == 14
    if start.day_of_week == 0:
        assert (week.lo95, week.hi95) == (by_week.iloc[0]["lo95"], by_week.iloc[0]["hi95"])


def test_the_seasons_peaks_are_expected_near_the_demos_truth(demo):
    """The demo's generator is the truth: Black Friday (a campaign in the events table),
    Sinterklaas and Christmas presents drive orders, and contacts follow the orders by days
    to weeks. Each week from mid-November to the end of December 2025, expected from the
    history up to the week before (one earlier Black Friday in it), lies near the
    generator's mean; the yearly season alone (no commercial calendar, no echoes) smears
    the peaks over the weeks around them. (Against the actual counts the weekly noise of
    about 5% at 250 contacts a day comes on top.)"""
    conn, first, last = demo
    truth = demo_volumes(first, (last - first).days + 1, 250.0, 7).expected.sum(axis=(1, 2))
    history = trends.daily_series(conn, ContactFilter(first, last))
    truth = pd.Series(truth, index=history.index)
    events = trends.events_for(conn, ContactFilter(first, last))

    def errors(config: BaselineConfig) -> pd.Series:
        out = {}
        for monday in pd.date_range("2025-11-10", "2025-12-29", freq="7D"):
            sunday = monday + pd.Timedelta(days=6)
            expected = expected_for_days(history, monday, sunday, events=events, config=config).period().expected
            out[monday.date()] = expected / truth[monday:sunday].sum() - 1
        return pd.Series(out)

    calendar, season_only = errors(BaselineConfig()), errors(BaselineConfig(sector=None, echo_days=0))
    assert calendar.abs().mean() < 0.06 and calendar.abs().max() < 0.12, calendar
    assert calendar.abs().mean() < season_only.abs().mean(), (calendar, season_only)
    assert calendar.abs().max() < 0.7 * season_only.abs().max(), (calendar, season_only)  # 10% against 19%


def test_no_history_is_declined_one_way():
    days = pd.date_range("2026-01-01", periods=40, freq="D")
    with pytest.raises(InsufficientHistory, match="none before this period"):
        expected_for_days(pd.Series(5.0, index=days), "2025-12-01", "2025-12-07")
    with pytest.raises(InsufficientHistory, match="have none before it"):
        expected_for_days(pd.Series(0.0, index=days), "2026-02-10", "2026-02-16")
    with pytest.raises(InsufficientHistory, match="at least 8 weeks"):
        expected_for_days(pd.Series(5.0, index=days), "2026-02-10", "2026-02-16")
