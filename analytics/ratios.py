"""Contact ratios: contacts per 1,000 of a business driver (orders, active customers,
shipments, ...), over time against the season, per breakdown, the "start small" pilot
candidates and the value of contacts.

How contacts and drivers are aligned
------------------------------------
Drivers are stored per ``day``; a weekly or monthly driver is stored on its period's
first day. :func:`driver_grain` reads the grain from the spacing of the stored days
(one day apart: ``day``; whole weeks apart on one weekday: ``week``; only first days of
months: ``month``). Every stored value covers its *driver period* (that day, that week
starting on the stored weekday, that calendar month). Contacts are only ever compared
with whole driver periods: both are summed over the same days, a driver period that is
cut by the edge of the viewed dates is left out, and no driver value is ever spread over
days or invented. A ratio can therefore be shown at the driver's own grain or coarser
(:func:`grains_for`), never finer. A period whose driver value is missing, or zero, is a
gap (NaN), never a zero and never a division by zero.

Pure logic: no Streamlit here. Contacts are aggregated in DuckDB (``analytics/sql/
ratio_*.sql``); pandas only joins the small per-day and per-period results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from analytics.baseline import InsufficientHistory
from analytics.filters import ContactFilter
from analytics.i18n import t
from analytics.queries import run_query
from analytics.trends import expected_days

GRAINS = ("day", "week", "month")
PER = 1000.0


def _grain_word(grain: str) -> str:
    """``day``, ``week`` or ``month`` as a word in a sentence of the active language."""
    return t(f"option.{grain}").lower() if grain in GRAINS else grain


def driver_names(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """The drivers in the store, most useful first: the most recent data, then the most
    days covered, then the most breakdowns (product, supplier, segment), then by name."""
    return run_query(conn, "ratio_driver_names")["driver"].tolist()


def driver_dimensions(conn: duckdb.DuckDBPyConnection, driver: str) -> list[str]:
    """The dimensions (``product``, ``supplier``, ``segment``) a driver is stored by."""
    return run_query(conn, "ratio_driver_dimensions", {"driver": driver})["dimension"].tolist()


def driver_values(conn: duckdb.DuckDBPyConnection, driver: str, dimension: str = "") -> pd.DataFrame:
    """The stored values of one driver: ``day`` (Timestamp), ``dimension_value`` and
    ``value``. With ``dimension=''`` the whole-business value (dimension_value ``''``)."""
    frame = run_query(conn, "ratio_driver_values", {"driver": driver, "dimension": dimension})
    frame["day"] = pd.to_datetime(frame["day"])
    return frame


def driver_grain(days: pd.DatetimeIndex | list) -> str:
    """``"day"``, ``"week"`` or ``"month"``: the grain of a driver, read from the spacing of
    its stored days (a weekly or monthly driver is stored on its period's first day).

    Any two stored days one day apart make it daily; only first days of months (at least
    two) make it monthly; days all on one weekday and a whole number of weeks apart make
    it weekly. Anything else, including a single stored day, is treated as daily with
    missing days, the reading that never spreads a value over days it was not given for.
    """
    stored = pd.DatetimeIndex(pd.to_datetime(pd.Series(days)).dt.normalize().unique()).sort_values()
    if len(stored) < 2:
        return "day"
    steps = np.asarray((stored[1:] - stored[:-1]).days)
    if steps.min() == 1:
        return "day"
    if (stored.day == 1).all() and steps.min() >= 28:
        return "month"
    if (steps % 7 == 0).all():
        return "week"
    return "day"


def grains_for(grain: str) -> tuple[str, ...]:
    """The grains a ratio can be shown at for a driver of ``grain``: its own and coarser
    ones made of whole driver periods (a weekly driver's weeks do not add up to months)."""
    return {"day": GRAINS, "week": ("week",), "month": ("month",)}[grain]


def period_start(days: pd.DatetimeIndex, grain: str, anchor_weekday: int = 0) -> pd.DatetimeIndex:
    """The first day of each day's period: the day, its week starting on
    ``anchor_weekday`` (0 = Monday), or the first of its month."""
    days = pd.DatetimeIndex(days)
    if grain == "day":
        return days
    if grain == "week":
        return days - pd.to_timedelta((days.day_of_week - anchor_weekday) % 7, unit="D")
    if grain == "month":
        return days.to_period("M").to_timestamp()
    raise ValueError(f"Unknown grain {grain!r}; use day, week or month.")


def period_end(starts: pd.DatetimeIndex, grain: str) -> pd.DatetimeIndex:
    """The last day (inclusive) of each period starting on ``starts``."""
    starts = pd.DatetimeIndex(starts)
    if grain == "day":
        return starts
    if grain == "week":
        return starts + pd.Timedelta(days=6)
    if grain == "month":
        return starts + pd.offsets.MonthEnd(0)
    raise ValueError(f"Unknown grain {grain!r}; use day, week or month.")


def driver_periods(values: pd.DataFrame) -> tuple[str, int, pd.DataFrame]:
    """The grain, the week's anchor weekday and one row per stored value with the period
    it covers: ``period_start``, ``period_end``, ``dimension_value``, ``value``."""
    days = pd.DatetimeIndex(values["day"])
    grain = driver_grain(days)
    anchor = int(days.min().day_of_week) if len(days) and grain == "week" else 0
    frame = pd.DataFrame({
        "period_start": days,
        "period_end": period_end(days, grain),
        "dimension_value": values["dimension_value"].to_numpy(),
        "value": values["value"].to_numpy(dtype=float),
    })
    return grain, anchor, frame


def covered_days(periods: pd.DataFrame, first_day: date, last_day: date, grain: str) -> pd.DataFrame:
    """The days of ``first_day .. last_day`` with a driver value: one row per day with the
    ``period_start`` of the driver period that covers it, keeping only driver periods that
    lie wholly inside the dates (a period cut by an edge would compare part of its
    contacts with all of its driver value)."""
    first, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    inside = periods[(periods["period_start"] >= first) & (periods["period_end"] <= last)]
    starts = inside["period_start"].drop_duplicates()
    if starts.empty:
        return pd.DataFrame({"day": pd.DatetimeIndex([]), "period_start": pd.DatetimeIndex([])})
    length = (period_end(pd.DatetimeIndex(starts), grain) - pd.DatetimeIndex(starts)).days + 1
    day = np.repeat(starts.to_numpy(), length) + pd.to_timedelta(
        np.concatenate([np.arange(n) for n in length]), unit="D").to_numpy()
    return pd.DataFrame({"day": pd.DatetimeIndex(day), "period_start": np.repeat(starts.to_numpy(), length)})


def driver_total(conn: duckdb.DuckDBPyConnection, driver: str, first_day: date, last_day: date) -> float | None:
    """The whole-business total of ``driver`` over ``first_day .. last_day`` (inclusive),
    or None when the stored values do not cover the whole period.

    Covered means every day of the period lies in a stored driver period that lies wholly
    inside it: a weekly driver has a total for whole weeks on its own weekday, a monthly
    one for whole months; a period that cuts a driver period, or misses one, has none
    (the total is never pro-rated or guessed). A stored zero counts as covered, so the
    total can be 0.0: divide with care.
    """
    if last_day < first_day:
        raise ValueError(t("errors.ratio_period_reversed"))
    grain, _, periods = driver_periods(driver_values(conn, driver))
    days = covered_days(periods, first_day, last_day, grain)
    if len(days) != (last_day - first_day).days + 1:
        return None
    first, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    inside = periods[(periods["period_start"] >= first) & (periods["period_end"] <= last)]
    return float(inside["value"].sum())


# --- what the data offers -----------------------------------------------------------

BREAKDOWNS = ("reason_l1", "reason_l2", "reason_l3", "product", "department", "supplier", "channel_group",
              "segment")
DIMENSIONS = ("product", "supplier", "segment")


@dataclass(frozen=True)
class DriverInfo:
    """A driver as the page describes it: its grain (and the weekday its weeks start on),
    the dimensions it is stored by, and the days it covers."""

    name: str
    grain: str
    anchor_weekday: int
    dimensions: tuple[str, ...]
    first_day: date | None
    last_day: date | None
    gaps: int

    @property
    def grains(self) -> tuple[str, ...]:
        return grains_for(self.grain)


def driver_info(conn: duckdb.DuckDBPyConnection, driver: str) -> DriverInfo:
    """How ``driver`` is stored: grain, dimensions, first and last day and the number of
    driver periods missing between them (``gaps``)."""
    grain, anchor, periods = driver_periods(driver_values(conn, driver))
    if periods.empty:
        return DriverInfo(driver, "day", 0, (), None, None, 0)
    starts = pd.DatetimeIndex(periods["period_start"])
    if grain == "month":
        expected = pd.date_range(starts.min(), starts.max(), freq="MS")
    else:
        expected = pd.date_range(starts.min(), starts.max(), freq="7D" if grain == "week" else "D")
    return DriverInfo(driver, grain, anchor, tuple(driver_dimensions(conn, driver)), starts.min().date(),
                      periods["period_end"].max().date(), int(len(expected.difference(starts))))


def driver_scopes(conn: duckdb.DuckDBPyConnection, driver: str) -> dict[str, tuple[str, str]]:
    """The parts of the business a driver has its own values for, as ``{"product: Fashion":
    ("product", "Fashion"), ...}`` (empty for a whole-business-only driver)."""
    scopes: dict[str, tuple[str, str]] = {}
    for dimension in driver_dimensions(conn, driver):
        for value in sorted(driver_values(conn, driver, dimension)["dimension_value"].unique()):
            scopes[f"{dimension}: {value}"] = (dimension, value)
    return scopes


def breakdown_options(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> list[str]:
    """The breakdowns the filtered contacts have (at least one contact with a value):
    reason levels, product, department, supplier, channel group, segment."""
    counts = run_query(conn, "ratio_breakdown_options", contact_filter.params()).iloc[0]
    if not counts["contacts"]:
        return []
    return [b for b in BREAKDOWNS if b in ("reason_l1", "channel_group") or counts[b] > 0]


def contacts_by_day(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, part: str = "all",
                    dimension: str = "") -> pd.DataFrame:
    """Contacts, handle time and cost per day × ``part`` × driver ``dimension`` value (see
    ``ratio_contacts_by_day.sql``); ``day`` as Timestamp."""
    if part not in ("all", *BREAKDOWNS):
        raise ValueError(f"Unknown breakdown {part!r}; use one of {', '.join(BREAKDOWNS)}.")
    if dimension not in ("", *DIMENSIONS):
        raise ValueError(f"Unknown driver dimension {dimension!r}; use one of {', '.join(DIMENSIONS)}.")
    frame = run_query(conn, "ratio_contacts_by_day", {**contact_filter.params(), "part": part,
                                                      "dimension": dimension})
    frame["day"] = pd.to_datetime(frame["day"])
    return frame


# --- the ratio over time ------------------------------------------------------------

RATIO_BOUNDS = {"lo80": 0.10, "hi80": 0.90, "lo95": 0.025, "hi95": 0.975}


@dataclass(frozen=True)
class RatioTrend:
    """The ratio of the filtered contacts per 1,000 of a driver over time.

    ``periods`` has one row per period (indexed by its first day) with ``days`` (days of
    the viewed dates in it), ``covered_days`` (days with a whole driver period),
    ``contacts``, ``driver_value``, ``ratio`` (NaN for a gap), and when a baseline could be
    fitted ``expected_contacts``, ``expected_ratio`` and the ratio bands ``lo80``, ``hi80``,
    ``lo95``, ``hi95``. ``baseline_note`` says why there is no baseline (None when there is).
    """

    driver: DriverInfo
    grain: str
    periods: pd.DataFrame
    gaps: int
    cut_periods: int
    baseline_note: str | None = None
    notes: list[str] = field(default_factory=list)
    baseline_kind: str = "exposure"

    @property
    def overall(self) -> dict[str, float | None]:
        """The viewed period as one number: contacts and driver summed over the periods
        that have a ratio, their ratio and (with a baseline) the expected ratio; ``ratio``
        is None when no period has one."""
        valid = self.periods[self.periods["ratio"].notna()]
        driver_value = float(valid["driver_value"].sum())
        contacts = float(valid["contacts"].sum())
        if valid.empty or driver_value <= 0:
            return {"contacts": contacts, "driver_value": driver_value, "ratio": None, "expected_ratio": None}
        expected = (PER * float(valid["expected_contacts"].sum()) / driver_value
                    if "expected_contacts" in valid else None)
        return {"contacts": contacts, "driver_value": driver_value, "ratio": PER * contacts / driver_value,
                "expected_ratio": expected}


def daily_contacts(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, dimension: str = "",
                   dimension_value: str = "") -> pd.Series:
    """Contacts per day of the filter's period, zero-filled, on a daily DatetimeIndex;
    only those with ``dimension_value`` of ``dimension`` when one is given (the same
    daily count as Volume trends, ``daily_contacts.sql``, without one)."""
    if dimension not in ("", *DIMENSIONS):
        raise ValueError(f"Unknown driver dimension {dimension!r}; use one of {', '.join(DIMENSIONS)}.")
    days = pd.date_range(contact_filter.start, contact_filter.end, freq="D", name="date")
    if not dimension:
        frame = run_query(conn, "daily_contacts", contact_filter.params())
    else:
        frame = contacts_by_day(conn, contact_filter, "all", dimension)
        frame = frame[frame["dimension_value"] == dimension_value]
    counts = frame.groupby(pd.to_datetime(frame["day"]))["contacts"].sum()
    return counts.reindex(days, fill_value=0).astype(float).rename("contacts")


def ratio_trend(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, driver: str, grain: str, *,
                first_day: date, country: str | None = None, dimension: str = "", dimension_value: str = "") -> RatioTrend:
    """Contacts per 1,000 ``driver`` per period at ``grain``, with the season's expected
    ratio and its bands. With ``dimension`` and ``dimension_value`` (product "Fashion"),
    only the contacts about that value, per 1,000 of that value's driver.

    Alignment: each day of the viewed dates belongs to at most one whole driver period
    (see the module docstring); a ``grain`` period's ratio is its contacts on those days
    over the sum of those driver periods, and is a gap (NaN) unless every viewed day of the
    period is covered and the driver sum is above zero.

    The expected ratio comes from the seasonal baseline of :mod:`analytics.baseline`,
    fitted on the days from ``first_day`` up to the day before the viewed period (as on
    the Volume trends page). For a daily driver (``baseline_kind == "exposure"``) the
    model counts contacts with the driver as exposure, ``log E[contacts[t]] = log
    driver[t] + weekday + yearly season + trend + holidays + events + level``, so its
    terms are the season of the *ratio*; the expected contacts of a viewed day are that
    rate times the day's actual driver, and ``expected_ratio = 1000 * sum E[contacts] /
    sum driver`` is "what the season gives at this business volume". For a weekly or
    monthly driver there is no daily exposure (``baseline_kind == "volume"``): the
    expected contacts are the volume baseline's, divided by the actual driver, which reads
    low when the business grew faster than in the recent weeks. Bands are quantiles of
    the model's simulated contact totals over the same days, divided by the same driver.

    Raises
    ------
    ValueError
        For an unknown grain or one finer than the driver's (a weekly driver has no daily
        values to divide by).
    """
    info = driver_info(conn, driver)
    if grain not in GRAINS:
        raise ValueError(f"Unknown grain {grain!r}; use day, week or month.")
    if grain not in info.grains:
        raise ValueError(t("errors.ratio_driver_grain", driver=driver, driver_grain=_grain_word(info.grain),
                           grain=_grain_word(grain),
                           grains=t("errors.ratio_or").join(_grain_word(g) for g in info.grains)))
    values = driver_values(conn, driver, dimension)
    if dimension:
        values = values[values["dimension_value"] == dimension_value]
    _, _, periods = driver_periods(values)
    start, end = contact_filter.start, contact_filter.end
    window = pd.date_range(start, end, freq="D")
    contacts = daily_contacts(conn, contact_filter, dimension, dimension_value).reindex(window, fill_value=0)
    covered = covered_days(periods, start, end, info.grain).set_index("day")["period_start"]
    value_of_period = periods.groupby("period_start")["value"].sum()

    days = pd.DataFrame({"contacts": contacts.to_numpy(), "driver_period": covered.reindex(window).to_numpy()},
                        index=window)
    days["period"] = period_start(window, grain, info.anchor_weekday if grain == "week" else 0)
    days["covered"] = days["driver_period"].notna()
    grouped = days.groupby("period")
    frame = pd.DataFrame({"days": grouped.size(), "covered_days": grouped["covered"].sum(),
                          "contacts": grouped["contacts"].sum()})
    used = days[days["covered"]].drop_duplicates("driver_period")
    driver_sum = (value_of_period.reindex(pd.DatetimeIndex(used["driver_period"])).to_numpy())
    frame["driver_value"] = pd.Series(driver_sum, index=used["period"].to_numpy()).groupby(level=0).sum(
        ).reindex(frame.index)
    whole = (frame["covered_days"] == frame["days"]) & (frame["driver_value"] > 0)
    frame.loc[~whole, "driver_value"] = np.nan
    frame["ratio"] = PER * frame["contacts"] / frame["driver_value"]
    frame.index = pd.DatetimeIndex(frame.index, name=grain)
    cut = _cut_periods(periods, start, end)

    baseline_note, notes = None, []
    exposure = None
    if info.grain == "day":
        stored = periods.set_index("period_start")["value"]
        exposure = stored.where(stored > 0).reindex(pd.date_range(first_day, end, freq="D"))
        exposure[window] = exposure[window].fillna(1.0)  # a placeholder on gap days, which show no ratio
    try:
        expected, draws, notes = _expected_contacts(conn, contact_filter, first_day=first_day, country=country,
                                                    exposure=exposure, dimension=dimension,
                                                    dimension_value=dimension_value)
        membership = (days["period"].to_numpy()[:, None] == frame.index.to_numpy()[None, :]).astype(float)
        frame["expected_contacts"] = expected.to_numpy() @ membership
        frame.loc[~whole, "expected_contacts"] = np.nan
        frame["expected_ratio"] = PER * frame["expected_contacts"] / frame["driver_value"]
        totals = draws @ membership
        for column, q in RATIO_BOUNDS.items():
            frame[column] = PER * np.quantile(totals, q, axis=0, method="inverted_cdf") / frame["driver_value"]
    except InsufficientHistory as exc:  # the baseline's one way to decline, in the user's words
        baseline_note = str(exc)
    return RatioTrend(info, grain, frame, gaps=int((~whole).sum()), cut_periods=cut, baseline_note=baseline_note,
                      notes=list(notes), baseline_kind="exposure" if exposure is not None else "volume")


def _cut_periods(periods: pd.DataFrame, first_day: date, last_day: date) -> int:
    """Driver periods that overlap the viewed dates without lying wholly inside them."""
    first, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    overlap = (periods["period_end"] >= first) & (periods["period_start"] <= last)
    inside = (periods["period_start"] >= first) & (periods["period_end"] <= last)
    return int(periods.loc[overlap & ~inside, "period_start"].nunique())


def _expected_contacts(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, *, first_day: date,
                       country: str | None, exposure: pd.Series | None, dimension: str = "",
                       dimension_value: str = "") -> tuple[pd.Series, np.ndarray, list[str]]:
    """The baseline's expected contacts per viewed day and simulated paths, forecast from
    the history up to the day before the viewed period (:func:`analytics.trends.expected_days`,
    as Volume trends' chart), with the daily driver as exposure when given.

    Raises
    ------
    InsufficientHistory
        When that history cannot carry a baseline (the message says why).
    """
    fit_end = contact_filter.start - timedelta(days=1)
    history = (daily_contacts(conn, contact_filter.with_period(first_day, fit_end), dimension, dimension_value)
               if fit_end >= first_day else pd.Series(dtype=float, index=pd.DatetimeIndex([], name="date")))
    expectation = expected_days(conn, contact_filter, contact_filter.start, contact_filter.end, first_day=first_day,
                                country=country, history=history, exposure=exposure)
    return expectation.expected, expectation.draws, list(expectation.notes)


# --- ratios per breakdown and the "start small" candidates -----------------------------

NOT_RECORDED = "(not recorded)"
MEASURES = ["contacts", "handle_seconds", "handled_contacts", "cost", "cost_unknown_contacts"]


def unit_ratios(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, driver: str | None, part: str,
                dimension: str = "") -> pd.DataFrame:
    """One row per ``part`` (× driver ``dimension`` value) over the viewed dates: the
    measures of ``ratio_contacts_by_day.sql`` summed, and with a driver
    ``covered_contacts`` (contacts on days covered by whole driver periods),
    ``driver_value``, ``ratio`` (per 1,000) and ``denominator`` (``"dimension"`` when each
    row has its own driver value, ``"total"`` when it is the whole-business total).

    The denominator is the driver's own value for the row when the row is about one of the
    driver's dimension values (``dimension`` given, or ``part`` is a dimension the driver is
    stored by); otherwise the whole-business total. A row whose driver value is missing
    for any covered period, or zero, has no ratio (NaN); so has every row when no whole
    driver period lies in the viewed dates. Missing part or dimension values are labelled
    ``"(not recorded)"`` and have no own denominator.
    """
    rows = contacts_by_day(conn, contact_filter, part, dimension)
    rows[["part", "dimension_value"]] = rows[["part", "dimension_value"]].fillna(NOT_RECORDED)
    keys = ["part", "dimension_value"]
    table = _cost_or_unknown(rows.groupby(keys)[MEASURES].sum())
    if driver is None:
        return table.reset_index()
    grain, _, whole = driver_periods(driver_values(conn, driver))
    covered = covered_days(whole, contact_filter.start, contact_filter.end, grain)
    starts = pd.DatetimeIndex(covered["period_start"].unique())
    on_covered = rows[rows["day"].isin(covered["day"])]
    table["covered_contacts"] = on_covered.groupby(keys)["contacts"].sum().reindex(table.index, fill_value=0)
    by = dimension or (part if part in driver_dimensions(conn, driver) else "")
    if by:
        _, _, per_value = driver_periods(driver_values(conn, driver, by))
        inside = per_value[per_value["period_start"].isin(starts)]
        grouped = inside.groupby("dimension_value")
        complete = grouped["period_start"].nunique() == len(starts)
        values = grouped["value"].sum().where(complete)
        key = table.index.get_level_values("dimension_value" if dimension else "part")
        table["driver_value"] = values.reindex(key).to_numpy()
        table["denominator"] = "dimension"
    else:
        total = float(whole.loc[whole["period_start"].isin(starts), "value"].sum())
        table["driver_value"] = total
        table["denominator"] = "total"
    if starts.empty:
        table["driver_value"] = np.nan
    table["driver_value"] = table["driver_value"].where(table["driver_value"] > 0)
    table["ratio"] = PER * table["covered_contacts"] / table["driver_value"]
    return table.reset_index()


def _cost_or_unknown(table: pd.DataFrame) -> pd.DataFrame:
    """``cost`` NaN where no contact of the row has a known cost (unknown, not free)."""
    table["cost"] = table["cost"].where(table["cost_unknown_contacts"] < table["contacts"])
    return table


def with_previous_ratio(current: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """``current`` with ``previous_ratio`` (the same row in the previous period) and
    ``change`` = ratio / previous_ratio - 1 (the trend; NaN without both ratios)."""
    keys = ["part", "dimension_value"]
    earlier = previous.set_index(keys)["ratio"].rename("previous_ratio") if "ratio" in previous else None
    out = current.set_index(keys)
    out["previous_ratio"] = earlier.reindex(out.index) if earlier is not None else np.nan
    out["change"] = out["ratio"] / out["previous_ratio"].where(out["previous_ratio"] > 0) - 1
    return out.reset_index()


def part_ratios(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, driver: str, part: str) -> pd.DataFrame:
    """The ratio per value of one breakdown over the viewed dates, against the previous
    period of the same length (see :func:`unit_ratios`), biggest ratio first."""
    current = unit_ratios(conn, contact_filter, driver, part)
    previous = unit_ratios(conn, contact_filter.previous_period(), driver, part)
    table = with_previous_ratio(current, previous).drop(columns="dimension_value")
    return table.sort_values(["ratio", "contacts"], ascending=False, na_position="last").reset_index(drop=True)


@dataclass(frozen=True)
class StartSmall:
    """Reasons (× the driver's dimension value, when the driver has one) by volume and
    ratio, and the "start small" candidates: low volume and high ratio.

    ``table``: ``reason``, ``dimension_value``, ``unit`` (a label), ``contacts``,
    ``ratio``, ``previous_ratio``, ``change``, ``handle_minutes`` (mean per contact),
    ``handle_hours`` (total), ``cost`` (NaN when no contact's cost is known),
    ``cost_unknown_contacts``, ``candidate``; rows with a ratio first, biggest first.
    ``volume_threshold`` and ``ratio_threshold`` are the medians over the rows with a
    ratio and at least ``min_contacts`` contacts; a candidate has fewer contacts than the
    first and a higher ratio than the second. ``dimension`` is the driver dimension the
    rows are split by ('' for none: then every ratio is its volume over the same total).
    """

    table: pd.DataFrame
    dimension: str
    volume_threshold: float | None
    ratio_threshold: float | None
    min_contacts: int

    @property
    def candidates(self) -> pd.DataFrame:
        return self.table[self.table["candidate"]].sort_values("ratio", ascending=False).reset_index(drop=True)


def start_small(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, driver: str | None,
                level: int = 2, min_contacts: int = 20) -> StartSmall:
    """Every reason at ``level`` by volume, ratio, trend, handle time and cost, and the
    pilot candidates: below the median volume and above the median ratio, where a first
    pilot is small enough to be safe and the ratio says there is something to gain.

    When the driver is stored by a dimension (orders per product), each row is a reason
    within one dimension value (Returns · Fashion) divided by that value's driver (orders
    of Fashion), so a small product with many contacts per order stands out; with a
    whole-business driver only, every reason's ratio is its volume over one total and no
    reason is both smaller and relatively higher than another (``candidates`` is empty).
    Trend (``change``) is the ratio against the previous period of the same length.
    Rows with fewer than ``min_contacts`` contacts are listed but never candidates (too
    few to tell noise from a cause). Without a driver, there are no ratios or candidates.

    Raises
    ------
    ValueError
        For a level other than 1, 2 or 3.
    """
    if level not in (1, 2, 3):
        raise ValueError("A reason level is 1, 2 or 3.")
    part = f"reason_l{level}"
    dims = driver_dimensions(conn, driver) if driver else []
    dimension = dims[0] if dims else ""
    current = unit_ratios(conn, contact_filter, driver, part, dimension)
    if driver:
        previous = unit_ratios(conn, contact_filter.previous_period(), driver, part, dimension)
        table = with_previous_ratio(current, previous)
    else:
        table = current.assign(ratio=np.nan, previous_ratio=np.nan, change=np.nan)
    table = table.rename(columns={"part": "reason"})
    table["unit"] = table["reason"] if not dimension else table["reason"] + " · " + table["dimension_value"]
    table["handle_minutes"] = table["handle_seconds"] / table["handled_contacts"].where(table["handled_contacts"] > 0) / 60
    table["handle_hours"] = (table["handle_seconds"] / 3600).where(table["handled_contacts"] > 0)
    eligible = table["ratio"].notna() & (table["contacts"] >= min_contacts)
    volume_threshold = ratio_threshold = None
    table["candidate"] = False
    if eligible.sum() >= 2:
        volume_threshold = float(table.loc[eligible, "contacts"].median())
        ratio_threshold = float(table.loc[eligible, "ratio"].median())
        table["candidate"] = (eligible & (table["contacts"] < volume_threshold)
                              & (table["ratio"] > ratio_threshold))
    columns = ["reason", "dimension_value", "unit", "contacts", "ratio", "previous_ratio", "change",
               "handle_minutes", "handle_hours", "cost", "cost_unknown_contacts", "candidate"]
    table = table[columns].assign(has_ratio=table["ratio"].notna()).sort_values(
        ["has_ratio", "contacts"], ascending=False).drop(columns="has_ratio").reset_index(drop=True)
    return StartSmall(table, dimension, volume_threshold, ratio_threshold, min_contacts)


# --- the value of contacts ----------------------------------------------------------

VALUE_CLASSES = ("valuable", "avoidable", "automatable", "no_value")
UNCLASSIFIED = "not_classified"


def value_classes(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> pd.DataFrame:
    """Contacts, share, handle hours (NaN where none recorded) and cost per value class of their reason
    (``valuable``, ``avoidable``, ``automatable``, ``no_value`` and ``not_classified``,
    always all five, in that order); ``cost_unknown_contacts`` are contacts in channels
    without a cost, which ``cost`` leaves out (``cost`` is NaN when none is known). Shares add up to 1 when there are contacts."""
    frame = run_query(conn, "ratio_value_classes", contact_filter.params())
    frame["value_class"] = frame["value_class"].fillna(UNCLASSIFIED)
    order = [*VALUE_CLASSES, UNCLASSIFIED]
    frame = frame.groupby("value_class")[MEASURES].sum().reindex(order, fill_value=0)
    frame = _cost_or_unknown(frame).reset_index()
    total = frame["contacts"].sum()
    frame["share"] = frame["contacts"] / total if total else 0.0
    frame["handle_hours"] = (frame["handle_seconds"] / 3600).where(frame["handled_contacts"] > 0)
    return frame[["value_class", "contacts", "share", "handle_hours", "cost", "cost_unknown_contacts"]]
