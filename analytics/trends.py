"""Volume against the season: what the baseline expected for the viewed period, what
happened, which periods fell outside the 95% band, and where each gap came from.

The baseline is fitted on the days *before* the viewed period only, so the expected line
is a real forecast: the period cannot pull its own expectation towards itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb
import pandas as pd

from analytics.store import holiday_country
from analytics.baseline import (
    BaselineConfig,
    InsufficientHistory,
    backtest,
    decompose_gap,
    expected_by_grain,
    expected_by_share,
    fit_baseline,
    flag_anomalies,
    seasonal_naive_forecast,
)
from analytics.filters import ContactFilter
from analytics.i18n import t
from analytics.queries import run_query

GRAINS = ("day", "week", "month")
SIMULATION_PATHS = 1000


@dataclass(frozen=True)
class VolumeTrend:
    """The viewed period at one grain against its seasonal baseline.

    ``periods`` has one row per day/week/month (indexed by its first day) with
    ``actual``, ``expected``, ``lo80``, ``hi80``, ``lo95``, ``hi95``, ``naive_8w`` and
    ``naive_last_year``; ``anomalies`` lists the periods outside the 95% band.
    """

    grain: str
    periods: pd.DataFrame
    anomalies: pd.DataFrame
    fit_start: date
    fit_end: date
    notes: list[str] = field(default_factory=list)


def daily_series(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> pd.Series:
    """Contacts per day of the filter's period, zero-filled, on a daily DatetimeIndex."""
    frame = run_query(conn, "daily_contacts", contact_filter.params())
    series = pd.Series(frame["contacts"].to_numpy(), index=pd.DatetimeIndex(frame["day"], name="date"), name="contacts")
    return series.asfreq("D", fill_value=0)


def events_for(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> pd.DataFrame:
    """The events that can move these contacts (holidays excluded: the calendar has them)."""
    return run_query(conn, "events_for_filter", contact_filter.params())


def volume_trend(
    conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, grain: str = "day", *,
    first_day: date, country: str | None = None,
) -> VolumeTrend:
    """Actual against expected for the filter's period, the baseline fitted on
    ``first_day`` up to the day before the period.

    Raises
    ------
    InsufficientHistory
        When there are fewer than 8 weeks before the period (the message says so).
    ValueError
        For an unknown grain.
    """
    if grain not in GRAINS:
        raise ValueError(f"Unknown grain {grain!r}; use day, week or month.")
    fit_end = contact_filter.start - timedelta(days=1)
    if fit_end < first_day:
        raise InsufficientHistory(t("baseline.none_before_period"))
    history = daily_series(conn, contact_filter.with_period(first_day, fit_end))
    events = events_for(conn, contact_filter)
    if not history.any():
        raise InsufficientHistory(t("baseline.none_before_contacts"))
    model = fit_baseline(history, events=events, config=BaselineConfig(country=country or holiday_country(conn)))
    daily = model.predict(contact_filter.start, contact_filter.end)
    daily["actual"] = daily_series(conn, contact_filter).reindex(daily.index).to_numpy()
    daily = daily.join(seasonal_naive_forecast(history, contact_filter.start, contact_filter.end))
    if grain == "day":
        periods = daily
    else:
        draws = model.simulate(contact_filter.start, contact_filter.end, n=SIMULATION_PATHS)
        periods = expected_by_grain(daily, grain, draws=draws)
    return VolumeTrend(
        grain=grain, periods=periods, anomalies=flag_anomalies(periods),
        fit_start=first_day, fit_end=fit_end, notes=list(model.notes),
    )


def gap_by_part(
    conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, expected_daily: pd.Series,
    part: str = "reason", lookback_days: int = 56,
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
    result = backtest(history, events=events_for(conn, contact_filter), config=BaselineConfig(country=country or holiday_country(conn)),
                      grain=grain)
    return result.to_dict()


def week_summary(week: pd.Series, drivers: pd.DataFrame | None) -> dict:
    """The numbers of one week's sentence: contacts, gap against expected, the band
    relative to expected, and the biggest contributor (if the gap was split)."""
    expected = float(week["expected"])
    top = None
    if drivers is not None and len(drivers):
        top = {"part": str(drivers.iloc[0]["part"]), "gap": float(drivers.iloc[0]["gap"])}
    return {
        "week": int(pd.Timestamp(week.name).isocalendar().week),
        "week_start": pd.Timestamp(week.name).date(),
        "actual": int(week["actual"]),
        "expected": expected,
        "gap_pct": (week["actual"] - expected) / expected if expected else None,
        "band_low_pct": (week["lo95"] - expected) / expected if expected else None,
        "band_high_pct": (week["hi95"] - expected) / expected if expected else None,
        "top_driver": top,
    }
