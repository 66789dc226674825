"""Volume against the season: what the baseline expected for the viewed period, what
happened, which periods fell outside the 95% band, where each gap came from, and one
week's figures as every view states them.

Two horizons, both from :func:`analytics.baseline.expected_for_days` (the one place that
asks what history expected), and the pages say which one a number uses:

* the chart and its table (:func:`volume_trend`): forecast from the history up to the day
  before the viewed period, so the period cannot pull its own expectation towards itself;
  a week late in a long view is a forecast of several weeks;
* one week's figures (:func:`week_summary`): expected from the history up to the day before
  that week. Volume trends' week sentence, the weekly report, its decks and reports all
  state these, so a week's expected total, band and biggest contributor are one number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb
import pandas as pd

from analytics import formatting
from analytics.baseline import (
    BaselineConfig,
    Expectation,
    PeriodExpectation,
    backtest,
    decompose_gap,
    expected_by_grain,
    expected_by_share,
    expected_for_days,
    flag_anomalies,
    seasonal_naive_forecast,
)
from analytics.baseline.aggregate import period_starts
from analytics.filters import ContactFilter
from analytics.i18n import t
from analytics.queries import run_query
from analytics.store import NO_SECTOR, commercial_sector, holiday_country

GRAINS = ("day", "week", "month")
SHARE_LOOKBACK_DAYS = 56

# What asks history for its expectation: expected_for_days itself, or the dashboard's cached
# version of it (ui.cache), which a view's recomputation after an import reuses as long as
# the history before its period did not change.
_EXPECT: ContextVar[Callable[..., Expectation]] = ContextVar("expect", default=expected_for_days)


@contextmanager
def expecting_with(expect: Callable[..., Expectation]) -> Iterator[None]:
    """Within the block, :func:`expected_days` asks ``expect`` (same arguments and result
    as :func:`analytics.baseline.expected_for_days`) instead."""
    token = _EXPECT.set(expect)
    try:
        yield
    finally:
        _EXPECT.reset(token)


@dataclass(frozen=True)
class VolumeTrend:
    """The viewed period at one grain against its seasonal baseline, forecast from the
    history up to ``fit_end``, the day before the period.

    ``periods`` has one row per day/week/month (indexed by its first day) with
    ``actual``, ``expected``, ``lo80``, ``hi80``, ``lo95``, ``hi95``, ``naive_8w`` and
    ``naive_last_year``; ``daily`` the same per day (``periods`` itself at ``grain="day"``);
    ``anomalies`` lists the periods outside the 95% band.
    """

    grain: str
    periods: pd.DataFrame
    anomalies: pd.DataFrame
    fit_start: date
    fit_end: date
    notes: list[str] = field(default_factory=list)
    daily: pd.DataFrame = field(default_factory=pd.DataFrame)


def daily_series(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> pd.Series:
    """Contacts per day of the filter's period, zero-filled, on a daily DatetimeIndex."""
    frame = run_query(conn, "daily_contacts", contact_filter.params())
    series = pd.Series(frame["contacts"].to_numpy(), index=pd.DatetimeIndex(frame["day"], name="date"), name="contacts")
    return series.asfreq("D", fill_value=0)


def contacts_by_grain(daily: pd.DataFrame, grain: str) -> pd.DataFrame:
    """Contacts per day, ISO week (labelled by its Monday) or month (by its 1st) from daily
    counts (columns ``day``, ``contacts``): what Volume trends draws when it has no baseline,
    in the grain the reader picked. A period the days cover only in part sums those days."""
    if grain not in GRAINS:
        raise ValueError(f"Unknown grain {grain!r}; use day, week or month.")
    days = pd.DatetimeIndex(pd.to_datetime(daily["day"]))
    contacts = pd.Series(daily["contacts"].to_numpy(), index=period_starts(days, grain))
    summed = contacts.groupby(level=0).sum()
    return pd.DataFrame({"day": summed.index, "contacts": summed.to_numpy()})


def events_for(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> pd.DataFrame:
    """The events that can move these contacts (holidays excluded: the calendar has them)."""
    return run_query(conn, "events_for_filter", contact_filter.params())


def history_before(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, start: date, *,
                   first_day: date) -> pd.Series:
    """The filter's contacts per day from ``first_day`` up to the day before ``start``
    (empty when ``start`` is not after ``first_day``)."""
    fit_end = start - timedelta(days=1)
    if fit_end < first_day:
        return pd.Series(dtype=float, index=pd.DatetimeIndex([], name="date"), name="contacts")
    return daily_series(conn, contact_filter.with_period(first_day, fit_end))


def baseline_config(conn: duckdb.DuckDBPyConnection, country: str | None = None) -> BaselineConfig:
    """The baseline's settings for this store: the public holidays of ``country`` (by
    default the store's holiday country) and the named commercial days of the store's
    sector in that country (none when the sector is "none"). Every baseline of the store
    (trends, the weekly report, ratios, pilots and the planner) is fitted with these."""
    sector = commercial_sector(conn)
    return BaselineConfig(country=country or holiday_country(conn), sector=None if sector == NO_SECTOR else sector)


def expected_days(
    conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, start: date, end: date, *, first_day: date,
    country: str | None = None, history: pd.Series | None = None, exposure: pd.Series | None = None,
) -> Expectation:
    """What the filter's contacts from ``first_day`` up to the day before ``start`` expected
    for ``start .. end`` (:func:`analytics.baseline.expected_for_days` on the store's daily
    counts and events). ``history`` replaces the filter's daily counts (a driver
    dimension's contacts, say); ``exposure`` is passed on.

    Raises
    ------
    InsufficientHistory
        The one way to decline: no history before ``start``, none with contacts, under 8
        weeks, or one the model cannot carry (the message says which).
    """
    if history is None:
        history = history_before(conn, contact_filter, start, first_day=first_day)
    return _EXPECT.get()(history, start, end, events=events_for(conn, contact_filter),
                         config=baseline_config(conn, country), exposure=exposure)


def volume_trend(
    conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, grain: str = "day", *,
    first_day: date, country: str | None = None,
) -> VolumeTrend:
    """Actual against expected for the filter's period, forecast from ``first_day`` up to
    the day before the period (:func:`expected_days`).

    Raises
    ------
    InsufficientHistory
        When there are fewer than 8 weeks before the period (the message says so).
    ValueError
        For an unknown grain.
    """
    if grain not in GRAINS:
        raise ValueError(f"Unknown grain {grain!r}; use day, week or month.")
    history = history_before(conn, contact_filter, contact_filter.start, first_day=first_day)
    expectation = expected_days(conn, contact_filter, contact_filter.start, contact_filter.end, first_day=first_day,
                                country=country, history=history)
    daily = expectation.days.copy()
    daily["actual"] = daily_series(conn, contact_filter).reindex(daily.index).to_numpy()
    daily = daily.join(seasonal_naive_forecast(history, contact_filter.start, contact_filter.end))
    periods = daily if grain == "day" else expected_by_grain(daily, grain, draws=expectation.draws)
    return VolumeTrend(
        grain=grain, periods=periods, anomalies=flag_anomalies(periods),
        fit_start=expectation.fit_start, fit_end=expectation.fit_end, notes=list(expectation.notes), daily=daily,
    )


def gap_by_part(
    conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, expected_daily: pd.Series,
    part: str = "reason", lookback_days: int = SHARE_LOOKBACK_DAYS,
) -> pd.DataFrame:
    """Where one period's gap comes from: actual and expected per part (the next reason
    level down, or the channel), expected split by each part's share in the
    ``lookback_days`` before the first day of ``expected_daily``, so the parts' gaps add up
    to the total. Empty when there were no contacts in that lookback.

    ``expected_daily`` is the baseline's expected count for the days of the period.
    """
    if part not in ("reason", "channel"):
        raise ValueError("A gap is split by 'reason' or by 'channel'.")
    first, last = expected_daily.index.min().date(), expected_daily.index.max().date()
    lookback = contact_filter.with_period(first - timedelta(days=lookback_days), last)
    by_part = run_query(conn, "daily_contacts_by_part", {**lookback.params(), "part": part})
    by_part = by_part.rename(columns={"day": "date", "contacts": "count"})
    by_part["date"] = pd.to_datetime(by_part["date"])
    if not (by_part["date"] < pd.Timestamp(first)).any():
        # No recent contacts to take shares from: nothing to split, say so with an empty table.
        return pd.DataFrame(columns=["part", "actual", "expected", "gap", "gap_pct", "share_of_gap"])
    expected = expected_by_share(by_part, expected_daily, lookback_days=lookback_days)
    expected_sum = expected.groupby("part")["expected"].sum()
    in_period = by_part[(by_part["date"] >= pd.Timestamp(first)) & (by_part["date"] <= pd.Timestamp(last))]
    actual_sum = in_period.groupby("part")["count"].sum()
    parts = expected_sum.index.union(actual_sum.index)
    frame = pd.DataFrame({
        "part": parts,
        "actual": actual_sum.reindex(parts, fill_value=0).to_numpy(),
        "expected": expected_sum.reindex(parts, fill_value=0.0).to_numpy(),
    })
    return decompose_gap(frame)


def baseline_quality(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, *, first_day: date,
                     last_day: date, country: str | None = None, grain: str = "day") -> dict:
    """The backtest over the last 12 months of the whole history (rolling origin, 28-day
    horizon), as a dict of ``mape_model``, ``mape_seasonal_naive``, ``coverage_80``,
    ``coverage_95`` and the rest of :class:`BacktestResult`."""
    history = daily_series(conn, contact_filter.with_period(first_day, last_day))
    result = backtest(history, events=events_for(conn, contact_filter), config=baseline_config(conn, country),
                      grain=grain)
    return result.to_dict()


@dataclass(frozen=True)
class WeekSummary:
    """One ISO week against what the history up to the day before it expected: the figures
    Volume trends' week sentence, the weekly report and its decks all state.

    ``contributors`` splits the gap over the next reason level below the filter
    (:func:`gap_by_part`, largest ``|gap|`` first; empty without contacts in the 8 weeks
    before); ``expectation`` holds the week's days and simulated paths.
    """

    week_start: date
    contacts: float
    expected: PeriodExpectation
    contributors: pd.DataFrame
    expectation: Expectation

    @property
    def week(self) -> int:
        return self.week_start.isocalendar()[1]

    @property
    def gap(self) -> float:
        return self.contacts - self.expected.expected

    @property
    def gap_pct(self) -> float | None:
        return self.expected.gap_pct(self.contacts)

    @property
    def band(self) -> str:
        """``above`` or ``below`` the 95% band, ``''`` inside it."""
        return self.expected.band_side(self.contacts)

    @property
    def top_contributor(self) -> tuple[str, float] | None:
        """The part with the largest share of the gap and its gap, or None."""
        if self.contributors.empty:
            return None
        top = self.contributors.iloc[0]
        return str(top["part"]), float(top["gap"])


def last_full_week(first_day: date, last_day: date) -> date | None:
    """The Monday of the last whole ISO week inside ``first_day .. last_day``, or None."""
    monday = last_day - timedelta(days=(last_day.weekday() + 1) % 7 + 6)
    return monday if monday >= first_day else None


def week_summary(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, week_start: date, *,
                 first_day: date, country: str | None = None) -> WeekSummary:
    """The ISO week starting ``week_start`` for the filter's contacts (its period is
    ignored), against what the history from ``first_day`` up to the day before the week
    expected (:func:`expected_days`).

    Raises
    ------
    InsufficientHistory
        When that history cannot carry a baseline (the message says why).
    ValueError
        When ``week_start`` is not a Monday.
    """
    if week_start.weekday() != 0:
        raise ValueError(t("errors.weekly_not_monday", day=formatting.day(week_start)))
    week_end = week_start + timedelta(days=6)
    week = contact_filter.with_period(week_start, week_end)
    expectation = expected_days(conn, week, week_start, week_end, first_day=first_day, country=country)
    contacts = float(daily_series(conn, week).sum())
    contributors = gap_by_part(conn, week, expectation.expected, "reason", lookback_days=SHARE_LOOKBACK_DAYS)
    return WeekSummary(week_start, contacts, expectation.period(), contributors, expectation)


def week_sentence(summary: WeekSummary) -> str:
    """Volume trends' sentence on one week: "**Week 48: 15,291 contacts, 16% below what the
    history up to the week before expected** (95% band −11%…+13%), biggest contributor
    Delivery (−970)." in the active language; empty when nothing was expected."""
    gap_pct = summary.gap_pct
    if gap_pct is None:
        return ""
    low, high = summary.expected.band_pct()
    top = summary.top_contributor
    return t("trends.week_sentence", week=summary.week, actual=formatting.count(summary.contacts),
             gap=formatting.percent(abs(gap_pct)), direction=t("trends.below" if gap_pct < 0 else "trends.above"),
             low=formatting.percent(low, signed=True), high=formatting.percent(high, signed=True),
             driver=top[0] if top else "–", driver_gap=formatting.count(top[1], signed=True) if top else "")
