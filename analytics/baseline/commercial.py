"""Named recurring commercial days and weeks (Black Friday to Cyber Monday, the Sinterklaas
and Christmas shopping weeks, the January sales) as regressors of the baseline, beside the
public holidays of the ``holidays`` package: one 0/1 column ``calendar:<name>`` per named
run of days, and its *echo* ``calendar:<name> (after)``.

Why they are not left to the yearly season: a peak that moves from year to year (Black
Friday falls between 23 and 29 November) and the contacts its orders bring over the next
weeks (deliveries after a few days, returns after a week or two, refunds later) make a
sharp shape that a yearly Fourier series of order 6 (shortest period two months) can only
smear over six weeks: too high in mid-November, too low in the week after. A dummy on the
days the run really falls each year, and the echo of those days, carry the shape to next
year. The echo of a run ``x`` is ``echo[t] = sum_{l=1..28} w_l x[t - l]`` with
``w_l`` proportional to ``exp(-l / 7)`` and summing to 1: a week's time constant, built up
to 1 after a long run, less after a short one.

A calendar is chosen by country and sector: ``commercial_days.csv`` next to this module,
one row per named run; add rows to extend it for a country or a sector. Each run has an
*anchor* and the offsets of its first and last day from it::

    MM-DD        a fixed date                        12-05, -14, -1  (Sinterklaas shopping)
    MM-<n><dow>  the n-th (1-4) weekday of the month 11-4thu, 1, 4   (Black Friday to Cyber Monday)
    MM-last<dow> the last weekday of the month       05-lastmon
    easter       Easter Sunday (Western)             easter, -2, -2  (Good Friday)

Runs of one calendar may overlap; their effects multiply. An event in the ``events`` table
named like a run ("Black Friday 2025") gives that year's dates (:func:`calendar_with_events`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

CALENDAR_FILE = Path(__file__).with_name("commercial_days.csv")
PREFIX = "calendar:"
MOVE_REACH_DAYS = 21
"""An event named like a commercial day is that day's run when it starts within three weeks
of the rule's date (a shop's own "Black Friday week" a week early is still Black Friday)."""
ECHO_SPAN = 4
"""An echo runs ``ECHO_SPAN`` time constants after the day that casts it (98% of its weight)."""
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ANCHOR = re.compile(r"(?:(?P<month>\d{2})-(?:(?P<day>\d{2})|(?P<nth>[1-4]|last)(?P<dow>mon|tue|wed|thu|fri|sat|sun)))"
                     r"|(?P<easter>easter)")


def easter_sunday(year: int) -> date:
    """Western Easter Sunday of ``year`` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    return date(year, month, (h + ell - 7 * m + 33 * month + 19) % 32)


@dataclass(frozen=True)
class CommercialDay:
    """One named run of days that recurs every year (see the module docstring).

    Parameters
    ----------
    name
        What people call it ("Black Friday"); the regressor is ``calendar:<name>``.
    anchor
        ``MM-DD``, ``MM-<n><weekday>``, ``MM-last<weekday>`` or ``easter``.
    first, last
        Offsets in days of the run's first and last day from the anchor (``first <= last``).
    moved
        ``(first day, last day)`` of runs whose dates the events table gives (see
        :func:`calendar_with_events`); they replace the rule's run nearest to them.

    Raises
    ------
    ValueError
        For an anchor that does not read, a date that does not exist, or ``last < first``.
    """

    name: str
    anchor: str
    first: int = 0
    last: int = 0
    moved: tuple[tuple[date, date], ...] = ()

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("A commercial day needs a name.")
        match = _ANCHOR.fullmatch(self.anchor.strip().lower())
        if not match:
            raise ValueError(f"Commercial day {self.name!r}: cannot read the anchor {self.anchor!r}; use MM-DD, "
                             "MM-<n><weekday> (11-4thu), MM-last<weekday> (05-lastmon) or easter.")
        if match["month"] and not 1 <= int(match["month"]) <= 12:
            raise ValueError(f"Commercial day {self.name!r}: month {match['month']} does not exist.")
        if match["day"]:
            date(2001, int(match["month"]), int(match["day"]))  # ValueError for 02-30, and 02-29 (not every year)
        if self.last < self.first:
            raise ValueError(f"Commercial day {self.name!r} ends (offset {self.last}) before it starts "
                             f"(offset {self.first}).")

    @property
    def column(self) -> str:
        return f"{PREFIX}{self.name}"

    @property
    def echo_column(self) -> str:
        return f"{PREFIX}{self.name} (after)"

    def anchor_in(self, year: int) -> date:
        """The anchor date in ``year``."""
        match = _ANCHOR.fullmatch(self.anchor.strip().lower())
        assert match is not None  # checked in __post_init__
        if match["easter"]:
            return easter_sunday(year)
        month = int(match["month"])
        if match["day"]:
            return date(year, month, int(match["day"]))
        weekday = _WEEKDAYS.index(match["dow"])
        if match["nth"] == "last":
            following = date(year + month // 12, month % 12 + 1, 1)
            last_day = following - timedelta(days=1)
            return last_day - timedelta(days=(last_day.weekday() - weekday) % 7)
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (int(match["nth"]) - 1))

    def rule_run(self, year: int) -> tuple[date, date]:
        """First and last day of the rule's run around its anchor in ``year`` (they may
        spill into the next or previous year)."""
        anchor = self.anchor_in(year)
        return anchor + timedelta(days=self.first), anchor + timedelta(days=self.last)

    def days_in(self, year: int) -> list[date]:
        """The run's days in ``year``: the rule's, or a run ``moved`` there by the events
        table (one that starts within ``MOVE_REACH_DAYS`` of the rule's)."""
        first, last = self.rule_run(year)
        for moved_first, moved_last in self.moved:
            if abs((moved_first - first).days) <= MOVE_REACH_DAYS:
                first, last = moved_first, moved_last
                break
        return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def read_calendar_file(path: Path = CALENDAR_FILE) -> dict[tuple[str, str], tuple[CommercialDay, ...]]:
    """Every calendar in a CSV with ``country, sector, name, anchor, first, last`` (and
    optionally ``note``), keyed by ``(country, sector)`` in upper/lower case.

    Raises
    ------
    ValueError
        For a missing column, an offset that is not a whole number, or a bad row (the
        message names its row, the header being row 1 and comment lines not counted).
    """
    calendars: dict[tuple[str, str], list[CommercialDay]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.lstrip().startswith("#"))
        missing = {"country", "sector", "name", "anchor", "first", "last"} - set(rows.fieldnames or ())
        if missing:
            raise ValueError(f"{path.name} lacks column(s) {sorted(missing)}.")
        for number, row in enumerate(rows, start=2):
            try:
                day = CommercialDay(row["name"].strip(), row["anchor"].strip(), int(row["first"]), int(row["last"]))
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{path.name}, row {number}: {exc}") from exc
            key = (row["country"].strip().upper(), row["sector"].strip().lower())
            calendars.setdefault(key, []).append(day)
    return {key: tuple(days) for key, days in calendars.items()}


@lru_cache(maxsize=4)
def _calendars(path: Path) -> dict[tuple[str, str], tuple[CommercialDay, ...]]:
    return read_calendar_file(path)


def commercial_calendar(country: str, sector: str | None) -> tuple[CommercialDay, ...]:
    """The named commercial days of ``sector`` in ``country`` from ``commercial_days.csv``
    (empty when the file has none for them, or ``sector`` is None)."""
    if not sector:
        return ()
    return _calendars(CALENDAR_FILE).get((country.upper(), sector.lower()), ())


def calendar_sectors() -> tuple[str, ...]:
    """Every sector ``commercial_days.csv`` has a calendar for, in any country, sorted."""
    return tuple(sorted({sector for _, sector in _calendars(CALENDAR_FILE)}))


def echo_kernel(echo_days: float) -> np.ndarray:
    """Weights of lags ``1 .. ECHO_SPAN * echo_days``: ``exp(-lag / echo_days)``, summing to 1."""
    lags = np.arange(1, int(round(ECHO_SPAN * echo_days)) + 1, dtype=float)
    weights = np.exp(-lags / echo_days)
    return weights / weights.sum()


def echo_of(on: np.ndarray, echo_days: float) -> np.ndarray:
    """``sum_l k[l] on[t - l]`` for each ``t`` (see :func:`echo_kernel`; days before the
    first count as off)."""
    kernel = echo_kernel(echo_days)
    return np.convolve(on, np.concatenate([[0.0], kernel]))[:len(on)]


def commercial_flags(dates: pd.DatetimeIndex, days: tuple[CommercialDay, ...], echo_days: float = 0.0) -> pd.DataFrame:
    """One 0/1 column ``calendar:<name>`` per commercial day, 1 on its days, and with
    ``echo_days > 0`` its echo ``calendar:<name> (after)`` (:func:`echo_of`): the contacts
    that the orders of those days bring in the weeks after, decaying with a time constant
    of ``echo_days`` days (1 after a long run of days, less after a short one).

    Raises
    ------
    ValueError
        When two commercial days share a name.
    """
    names = [d.name for d in days]
    if len(set(names)) != len(names):
        raise ValueError(f"Two commercial days share a name: {sorted({n for n in names if names.count(n) > 1})}.")
    if not days or len(dates) == 0:
        return pd.DataFrame(index=dates)
    return _flags_of_years(dates.min().year - 1, dates.max().year + 1, days, float(echo_days)).reindex(dates)


@lru_cache(maxsize=64)
def _flags_of_years(first_year: int, last_year: int, days: tuple[CommercialDay, ...],
                    echo_days: float) -> pd.DataFrame:
    """:func:`commercial_flags` of every day of whole years (cached like the holidays; the
    year before the first asked for gives the echoes their start)."""
    span = pd.date_range(f"{first_year}-01-01", f"{last_year}-12-31", freq="D")
    columns = {}
    for day in days:
        on = pd.DatetimeIndex([pd.Timestamp(d) for year in range(first_year, last_year + 1) for d in day.days_in(year)])
        columns[day.column] = np.asarray(span.isin(on), dtype=float)
        if echo_days > 0:
            columns[day.echo_column] = echo_of(columns[day.column], echo_days)
    return pd.DataFrame(columns, index=span)


def calendar_with_events(days: tuple[CommercialDay, ...],
                         events: pd.DataFrame) -> tuple[tuple[CommercialDay, ...], np.ndarray]:
    """The commercial days with the runs the events table dates, and which events they took.

    A foreseen event whose name contains a commercial day's name (case-insensitive: "Black
    Friday 2025" is "Black Friday") and that starts within ``MOVE_REACH_DAYS`` of that day's
    run by the rule in its year *is* that run: its dates replace the rule's (the table says
    when it was; the rule says when it will be where nobody said), and it leaves the event
    dummies, where it would have entered the fit twice and been pooled with unrelated
    events of its kind (a two-week spring sale is a "campaign" too).

    Returns
    -------
    tuple
        The commercial days (with ``moved`` runs) and, for each event, the name of the
        commercial day that took it (``""`` for none).
    """
    taken = np.full(len(events), "", dtype=object)
    if not len(events) or not days:
        return days, taken
    moved: dict[str, list[tuple[date, date]]] = {day.name: list(day.moved) for day in days}
    for i, event in enumerate(events.itertuples(index=False)):
        if not event.foreseen:
            continue
        name = str(event.name).strip().lower()
        start, end = pd.Timestamp(event.starts_on).date(), pd.Timestamp(event.ends_on).date()
        for day in days:
            if day.name.lower() not in name:
                continue
            rule_first = min((day.rule_run(year)[0] for year in (start.year - 1, start.year, start.year + 1)),
                             key=lambda first: abs((first - start).days))
            if abs((rule_first - start).days) <= MOVE_REACH_DAYS:
                moved[day.name].append((start, end))
                taken[i] = day.name
                break
    updated = tuple(replace(day, moved=tuple(sorted(set(moved[day.name])))) for day in days)
    return updated, taken
