"""The weekly feedback-loop report: last week's contacts per reason against what the
season expected and against the week before, the ratio to a driver, the department that
owns the cause, and the open actions on it.

Expected per reason
-------------------
The week's expected total, its 95% band and its biggest contributor are
:func:`analytics.trends.week_summary`'s: the seasonal baseline fitted once, on the
filter's daily total over every day *before* the week
(:func:`analytics.baseline.expected_for_days`), the very figures Volume trends states for
the week. Its expected week is split over the reasons by their share of the 56 days
before the week (:func:`analytics.baseline.expected_by_share`), so the reasons' expected
values add up to the total's. One fit per reason would model each reason's own season, but costs about a
tenth of a second per reason (several seconds at level 2), and small reasons have too
few contacts to fit; the share split answers within the one-second budget and is exact
for the total.

The 95% band of a reason mixes the total's uncertainty with the reason's own week-to-week
wobble: for each simulated week total ``T_i`` of the baseline, the reason's count is
drawn as ``NegBin(mean = s_r T_i, var = m + a_r m^2)``, where ``s_r`` is its share and
``a_r >= 0`` the extra-Poisson variation of its weekly counts around ``s_r C_w`` over the
same 8 weeks (moment estimate ``a_r = max(0, sum((c - m)^2 - m) / sum(m^2))``). A reason
outside the 2.5-97.5% quantiles of its draws is flagged ``above`` or ``below``, if it
counted or was expected at least ``MIN_FLAG_CONTACTS`` (5) contacts: below that, one
contact more or less is noise however unlikely (on thin data a reason expected 0.05 times
that has one contact lies outside its band).
A shift in a reason's share inside those 8 weeks (its own season) is not modelled.

Owners
------
The owner of a reason is ``reasons.department`` of its path; a path without one takes the
single department named under it, else the level above. Customer Service facilitates
and never owns a cause, so an owner that is a customer-service or contact-centre queue is
flagged like a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from analytics import actions as action_store
from analytics import formatting, ratios
from analytics.baseline import InsufficientHistory, expected_by_share
from analytics.filters import REASON_SEPARATOR, ContactFilter
from analytics.i18n import t
from analytics.queries import run_query
from analytics.trends import SHARE_LOOKBACK_DAYS, WeekSummary, week_summary

LEVELS = (1, 2, 3)
MIN_HISTORY_DAYS = 56
MIN_FLAG_CONTACTS = 5
BAND = (0.025, 0.975)
REASON_COLUMNS = ("reason_l1", "reason_l2", "reason_l3")
CUSTOMER_SERVICE = re.compile(
    r"customer\s*(service|care|contact)|klanten\s*service|klant\s*contact|contact\s*cent(er|re)"
    r"|call\s*cent(er|re)|service\s*desk|^311\b",  # ^311: a city's 311 contact centre
    re.IGNORECASE,
)
_KEY_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class WeeklyReport:
    """One ISO week (Monday to Sunday) per reason at ``level``.

    ``rows``: one row per reason with ``reason`` (the path as shown), ``reason_l1..3``,
    ``contacts``, ``expected``, ``lo95``, ``hi95``, ``gap`` (contacts - expected),
    ``gap_pct``, ``band`` (``above``, ``below`` or ``''``), ``last_week``,
    ``vs_last_week_pct``, ``per_1k`` (contacts per 1,000 of the driver, when there is
    one), ``owner_department`` and ``owner_flag`` (``no_owner``, ``customer_service`` or
    ``''``), biggest first. ``total`` holds the same figures for the whole filter.
    """

    week_start: date
    level: int
    rows: pd.DataFrame
    total: dict[str, float | None]
    driver: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)

    @property
    def week_code(self) -> str:
        return week_code(self.week_start)

    @property
    def has_baseline(self) -> bool:
        return self.total.get("expected") is not None


def week_code(monday: date) -> str:
    """``2026-W23`` for the ISO week starting on ``monday`` (the URL value of the picker)."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(code: str) -> date:
    """The Monday of an ISO week code such as ``2026-W23``.

    Raises
    ------
    ValueError
        When the code is not ``YYYY-Www``.
    """
    match = re.fullmatch(r"(\d{4})-W(\d{2})", code or "")
    if not match:
        raise ValueError(t("errors.weekly_week_code", code=repr(code)))
    return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)


def complete_weeks(first_day: date, last_day: date) -> list[date]:
    """Mondays of the whole ISO weeks inside ``first_day..last_day`` with at least 8 weeks
    of data before them, newest first (the first one is the report's default)."""
    last_sunday = last_day - timedelta(days=(last_day.weekday() + 1) % 7)
    monday = last_sunday - timedelta(days=6)
    earliest = first_day + timedelta(days=MIN_HISTORY_DAYS)
    weeks = []
    while monday >= earliest:
        weeks.append(monday)
        monday -= timedelta(days=7)
    return weeks


def weekly_report(
    conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, week_start: date, *, level: int = 2,
    first_day: date, driver: str | None = None, country: str | None = None,
) -> WeeklyReport:
    """The report of the ISO week starting ``week_start`` for the filter's reasons,
    channels and department (its period is ignored), one row per reason at ``level``.
    The baseline is fitted on ``first_day`` up to the day before the week.

    Raises
    ------
    ValueError
        When ``week_start`` is not a Monday or ``level`` is not 1, 2 or 3.
    """
    if week_start.weekday() != 0:
        raise ValueError(t("errors.weekly_not_monday", day=formatting.day(week_start)))
    if level not in LEVELS:
        raise ValueError("The reason level is 1, 2 or 3.")
    week_end = week_start + timedelta(days=6)
    lookback_start = week_start - timedelta(days=SHARE_LOOKBACK_DAYS)
    window = contact_filter.with_period(lookback_start, week_end)
    daily = run_query(conn, "weekly_daily_by_reason", {**window.params(), "level": level})
    daily["day"] = pd.to_datetime(daily["day"])
    daily["part"] = daily["reason_l1"] + _KEY_SEPARATOR + daily["reason_l2"] + _KEY_SEPARATOR + daily["reason_l3"]

    rows = _counts(daily, week_start)
    notes: list[str] = []
    total = {"contacts": float(rows["contacts"].sum()), "last_week": float(rows["last_week"].sum()),
             "expected": None, "lo95": None, "hi95": None, "contributor": None}
    expected = _expected(conn, contact_filter, week_start, first_day, daily, country, notes)
    if expected is not None:
        by_reason, summary = expected
        rows = rows.merge(by_reason, on="part", how="left")
        total.update(expected=summary.expected.expected, lo95=summary.expected.lo95, hi95=summary.expected.hi95,
                     contributor=summary.top_contributor)
    else:
        rows = rows.assign(expected=np.nan, lo95=np.nan, hi95=np.nan)
    rows["gap"] = rows["contacts"] - rows["expected"]
    rows["gap_pct"] = rows["gap"] / rows["expected"].where(rows["expected"] > 0)
    big_enough = np.maximum(rows["contacts"], rows["expected"].fillna(0)) >= MIN_FLAG_CONTACTS
    rows["band"] = np.select([big_enough & (rows["contacts"] > rows["hi95"]),
                              big_enough & (rows["contacts"] < rows["lo95"])], ["above", "below"], "")
    rows["vs_last_week_pct"] = ((rows["contacts"] - rows["last_week"])
                                / rows["last_week"].where(rows["last_week"] > 0))

    driver_value = _driver_value(conn, driver, week_start, week_end) if driver else None
    rows["per_1k"] = rows["contacts"] / driver_value * 1000 if driver_value else np.nan
    total["per_1k"] = total["contacts"] / driver_value * 1000 if driver_value else None
    if driver and not driver_value:
        notes.append(t("weekly.no_driver_values", driver=driver))

    lookup = OwnerLookup(run_query(conn, "weekly_reason_owners"))
    rows["owner_department"] = [lookup(tuple(key.split(_KEY_SEPARATOR))) for key in rows["part"]]
    rows["owner_flag"] = [owner_flag(o) for o in rows["owner_department"]]
    rows["reason"] = [_reason_label(key.split(_KEY_SEPARATOR)[:level]) for key in rows["part"]]
    _add_totals(total)
    rows = rows.sort_values(["contacts", "reason"], ascending=[False, True], kind="stable").reset_index(drop=True)
    columns = ["reason", *REASON_COLUMNS, "contacts", "expected", "lo95", "hi95", "gap", "gap_pct", "band",
               "last_week", "vs_last_week_pct", "per_1k", "owner_department", "owner_flag"]
    return WeeklyReport(week_start, level, rows[columns], total, driver if driver_value else None, notes)


def driver_names(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """The drivers a ratio can use, most useful first (empty when the store has none)."""
    return ratios.driver_names(conn)


def reason_choices(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every reason an action can name: each path of the tree and each level above it,
    with ``label`` ("Delivery > Late"), ``reason_l1..3`` and its ``owner_department``."""
    owners = run_query(conn, "weekly_reason_owners")
    prefixes = set()
    for row in owners[list(REASON_COLUMNS)].itertuples(index=False):
        levels = [level for level in row if level]
        for depth in range(1, len(levels) + 1):
            prefixes.add(tuple(levels[:depth]) + ("",) * (3 - depth))
    ordered = sorted(prefixes)
    frame = pd.DataFrame(ordered, columns=list(REASON_COLUMNS))
    frame.insert(0, "label", [REASON_SEPARATOR.join(level for level in path if level) for path in ordered])
    lookup = OwnerLookup(owners)
    frame["owner_department"] = [lookup(path) for path in ordered]
    return frame


def owner_of(owners: pd.DataFrame, path: tuple[str, ...]) -> str | None:
    """The department owning the cause of ``path`` (levels, ``''`` below its level): its
    own department, else the only department named under it, else the level above's."""
    return OwnerLookup(owners)(path)


class OwnerLookup:
    """:func:`owner_of` for many paths: the tree indexed once (exact paths, and the
    departments named under each prefix)."""

    def __init__(self, owners: pd.DataFrame):
        self.exact: dict[tuple[str, ...], str] = {}
        self.below: dict[tuple[str, ...], set[str]] = {}
        for l1, l2, l3, department in owners[[*REASON_COLUMNS, "department"]].itertuples(index=False):
            if department is None or pd.isna(department):
                continue
            levels = tuple(level for level in (l1, l2, l3) if level)
            self.exact.setdefault(levels, str(department))
            for depth in range(1, len(levels) + 1):
                self.below.setdefault(levels[:depth], set()).add(str(department))

    def __call__(self, path: tuple[str, ...]) -> str | None:
        levels = tuple(level for level in path if level)
        for depth in range(len(levels), 0, -1):
            prefix = levels[:depth]
            if prefix in self.exact:
                return self.exact[prefix]
            named = self.below.get(prefix, set())
            if len(named) == 1:
                return next(iter(named))
        return None


def owner_flag(department: str | None) -> str:
    """``no_owner`` without a department, ``customer_service`` when the "owner" is the
    customer-service or contact-centre side (which facilitates, never owns a cause)."""
    if department is None or (isinstance(department, float) and np.isnan(department)) or not str(department).strip():
        return "no_owner"
    return "customer_service" if CUSTOMER_SERVICE.search(str(department)) else ""


def attach_actions(rows: pd.DataFrame, actions: pd.DataFrame, today: date) -> pd.DataFrame:
    """The report rows with the open actions on their branch: ``open_actions`` (count),
    ``overdue_actions`` (count past their due date) and ``actions`` (their texts). An
    action belongs to a row when it names the row's reason or a reason above or below it."""
    out = rows.copy()
    open_actions = actions[actions["status"].isin(action_store.OPEN_STATUSES)]
    late = action_store.overdue(open_actions, today).tolist()
    listed = [(tuple(level for level in (a.reason_l1, a.reason_l2, a.reason_l3) if level), is_late,
               f"{a.action} ({a.owner_department or '–'}, {_due(a.due_on)})")
              for a, is_late in zip(open_actions.itertuples(index=False), late)]
    counts, overdue_counts, texts = [], [], []
    for l1, l2, l3 in zip(out["reason_l1"], out["reason_l2"], out["reason_l3"]):
        path = tuple(level for level in (l1, l2, l3) if level)
        hits = [(is_late, text) for action_path, is_late, text in listed
                if action_path[:len(path)] == path or path[:len(action_path)] == action_path]
        counts.append(len(hits))
        overdue_counts.append(sum(is_late for is_late, _ in hits))
        texts.append("; ".join(text for _, text in hits))
    out["open_actions"] = counts
    out["overdue_actions"] = overdue_counts
    out["actions"] = texts
    return out


def focus_reason(report: WeeklyReport) -> str:
    """The reason an action is most likely wanted for: the biggest rise against expected
    (against last week without a baseline), as a path label ("Delivery > Late")."""
    rows = report.rows
    if rows.empty:
        return ""
    change = rows["gap"] if report.has_baseline else rows["contacts"] - rows["last_week"]
    top = rows.loc[change.fillna(0).idxmax()]
    return REASON_SEPARATOR.join(level for level in (top["reason_l1"], top["reason_l2"], top["reason_l3"]) if level)


def headline(report: WeeklyReport) -> str:
    """"Week 23: 5,432 contacts, 3% below what the history up to the week before expected;
    biggest contributor Delivery (−160); biggest rise above expected: Order > Change (+120)".

    Expected total and biggest contributor (the part with the largest share of the gap,
    one reason level below the filter) are the week's figures as Volume trends states them
    (:func:`analytics.trends.week_summary`); the biggest rise, at the report's level, is
    another question and says so. Without a baseline, the week before is the comparison."""
    week = report.week_start.isocalendar()[1]
    total = report.total
    rows = report.rows
    suffix = ""
    if report.has_baseline and total["gap_pct"] is not None:
        comparison = t("weekly.headline_vs_expected", pct=formatting.percent(abs(total["gap_pct"])),
                       direction=t("weekly.below" if total["gap_pct"] < 0 else "weekly.above"))
        if total.get("contributor"):
            part, gap = total["contributor"]
            comparison += t("weekly.headline_contributor", part=part, gap=formatting.count(gap, signed=True))
        change = rows["gap"]
    elif total.get("vs_last_week_pct") is not None:
        comparison = t("weekly.headline_vs_last_week", pct=formatting.percent(abs(total["vs_last_week_pct"])),
                       direction=t("weekly.fewer" if total["vs_last_week_pct"] < 0 else "weekly.more"))
        change, suffix = rows["contacts"] - rows["last_week"], "_week"
    else:
        comparison, change = "", pd.Series(dtype=float)
    text = t("weekly.headline", week=week, contacts=formatting.count(total["contacts"]), comparison=comparison)
    change = change.dropna()
    if len(change) and change.max() > 0:
        text += t(f"weekly.headline_rise{suffix}", reason=rows.loc[change.idxmax(), "reason"],
                  change=formatting.count(change.max(), signed=True))
    elif len(change) and change.min() < 0:
        text += t(f"weekly.headline_fall{suffix}", reason=rows.loc[change.idxmin(), "reason"],
                  change=formatting.count(change.min(), signed=True))
    return text


def _counts(daily: pd.DataFrame, week_start: date) -> pd.DataFrame:
    """Contacts per reason in the week and the week before (every reason seen in the
    window, so a reason that vanished shows a 0)."""
    start = pd.Timestamp(week_start)
    this_week = daily[daily["day"] >= start].groupby("part")["contacts"].sum()
    last_week = daily[(daily["day"] >= start - pd.Timedelta(days=7)) & (daily["day"] < start)]
    last_week = last_week.groupby("part")["contacts"].sum()
    parts = daily[["part", *REASON_COLUMNS]].drop_duplicates("part").set_index("part")
    rows = parts.assign(contacts=this_week.reindex(parts.index, fill_value=0),
                        last_week=last_week.reindex(parts.index, fill_value=0))
    rows = rows[(rows["contacts"] > 0) | (rows["last_week"] > 0)]
    return rows.astype({"contacts": float, "last_week": float}).reset_index()


def _expected(
    conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, week_start: date, first_day: date,
    daily: pd.DataFrame, country: str | None, notes: list[str],
) -> tuple[pd.DataFrame, WeekSummary] | None:
    """Expected contacts and 95% band per reason, and the week's figures
    (:func:`analytics.trends.week_summary`, the same as Volume trends states), or None with
    a note saying why there is no baseline or no split."""
    try:
        summary = week_summary(conn, contact_filter, week_start, first_day=first_day, country=country)
    except InsufficientHistory as exc:  # the baseline's one way to decline, in the user's words
        notes.append(t("weekly.no_baseline", reason=str(exc)))
        return None
    expectation = summary.expectation
    history_by_part = daily.rename(columns={"day": "date", "contacts": "count"})[["date", "part", "count"]]
    try:
        shares = expected_by_share(history_by_part, expectation.expected, lookback_days=SHARE_LOOKBACK_DAYS)
    except ValueError:
        notes.append(t("weekly.no_recent_contacts"))
        return None
    by_reason = shares.groupby("part").agg(share=("share", "first"), expected=("expected", "sum")).reset_index()
    dispersion = _share_dispersion(daily, by_reason.set_index("part")["share"], week_start)
    rng = np.random.default_rng(20260601)
    totals = expectation.draws.sum(axis=1)
    means = np.outer(totals, by_reason["share"].to_numpy())  # paths × reasons
    alpha = dispersion.reindex(by_reason["part"]).fillna(0.0).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        gamma_shape = np.where(alpha > 0, 1.0 / alpha, np.inf)
        rates = np.where(alpha > 0, rng.gamma(np.minimum(gamma_shape, 1e12), means * alpha), means)
    draws = rng.poisson(np.nan_to_num(rates))
    by_reason["lo95"], by_reason["hi95"] = np.quantile(draws, BAND, axis=0, method="inverted_cdf")
    return by_reason[["part", "expected", "lo95", "hi95"]], summary


def _share_dispersion(daily: pd.DataFrame, shares: pd.Series, week_start: date) -> pd.Series:
    """Each reason's extra-Poisson variation around its share over the 8 weeks before
    the week: ``a = max(0, sum((c - m)^2 - m) / sum(m^2))`` with ``m = share * week total``."""
    start = pd.Timestamp(week_start)
    before = daily[daily["day"] < start].copy()
    if before.empty:
        return pd.Series(dtype=float)
    before["week"] = (start - before["day"]).dt.days // 7
    weekly = before.pivot_table(index="week", columns="part", values="contacts", aggfunc="sum", fill_value=0)
    weekly = weekly.reindex(columns=shares.index, fill_value=0)
    mean = np.outer(weekly.sum(axis=1).to_numpy(), shares.to_numpy())
    counts = weekly.to_numpy()
    denominator = (mean ** 2).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = np.where(denominator > 0, ((counts - mean) ** 2 - mean).sum(axis=0) / denominator, 0.0)
    return pd.Series(np.clip(alpha, 0.0, None), index=shares.index)


def _driver_value(conn: duckdb.DuckDBPyConnection, driver: str, first_day: date, last_day: date) -> float | None:
    value = ratios.driver_total(conn, driver, first_day, last_day)
    return float(value) if value else None


def _add_totals(total: dict) -> None:
    expected = total.get("expected")
    total["gap"] = total["contacts"] - expected if expected is not None else None
    total["gap_pct"] = total["gap"] / expected if expected else None
    total["band"] = ("above" if expected is not None and total["contacts"] > total["hi95"]
                     else "below" if expected is not None and total["contacts"] < total["lo95"] else "")
    total["vs_last_week_pct"] = ((total["contacts"] - total["last_week"]) / total["last_week"]
                                 if total["last_week"] else None)


def _reason_label(levels: list[str]) -> str:
    """``Delivery > Late``; a contact recorded above the report's level ends in one
    "(not recorded)": ``Other > (not recorded)``."""
    shown = []
    for level in levels:
        if not level:
            shown.append(t("weekly.not_recorded"))
            break
        shown.append(level)
    return REASON_SEPARATOR.join(shown)


def _due(value) -> str:
    return formatting.day(None if value is None or pd.isna(value) else pd.Timestamp(value))
