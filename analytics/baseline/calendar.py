"""Calendar regressors of the baseline: weekdays, yearly Fourier terms, public holidays
and events (the named commercial days are in :mod:`analytics.baseline.commercial`). Every
function returns one row per date it is given."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays
import numpy as np
import pandas as pd

from analytics.baseline.commercial import ECHO_SPAN, echo_of

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
YEAR_DAYS = 365.25
_EPOCH = pd.Timestamp("2000-01-01")
EVENT_COLUMNS = ("starts_on", "ends_on", "foreseen", "name", "kind")


@lru_cache(maxsize=256)
def _holidays_of_year(country: str, year: int) -> tuple[tuple[date, str], ...]:
    try:
        found = holidays.country_holidays(country, years=year)
    except NotImplementedError as exc:
        raise ValueError(f"Unknown country code {country!r} for public holidays.") from exc
    return tuple(sorted(found.items()))


def holiday_calendar(start: date | str | pd.Timestamp, end: date | str | pd.Timestamp,
                     country: str = "NL") -> pd.DataFrame:
    """Public holidays between ``start`` and ``end`` (inclusive), one row per date.

    Returns
    -------
    DataFrame
        Columns ``date`` (Timestamp) and ``name``; names of two holidays on one date are
        joined with ``"; "``.

    Raises
    ------
    ValueError
        If the ``holidays`` package does not know ``country`` or ``end`` is before ``start``.
    """
    first, last = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if last < first:
        raise ValueError("The holiday period ends before it starts.")
    rows = [(pd.Timestamp(day), name)
            for year in range(first.year, last.year + 1)
            for day, name in _holidays_of_year(country, year)
            if first <= pd.Timestamp(day) <= last]
    return pd.DataFrame(rows, columns=["date", "name"]).astype({"date": "datetime64[ns]", "name": str})


def weekday_dummies(dates: pd.DatetimeIndex) -> pd.DataFrame:
    """One 0/1 column per weekday from Tuesday to Sunday; Monday is the reference."""
    weekday = np.asarray(dates.day_of_week)
    return pd.DataFrame({name: (weekday == i).astype(float) for i, name in enumerate(WEEKDAY_NAMES) if i > 0},
                        index=dates)


def yearly_fourier(dates: pd.DatetimeIndex, terms: int) -> pd.DataFrame:
    """``sin(2 pi k t / 365.25)`` and ``cos(...)`` for ``k = 1..terms``, ``t`` in days."""
    t = np.asarray((dates - _EPOCH).days, dtype=float) / YEAR_DAYS
    columns = {}
    for k in range(1, terms + 1):
        columns[f"sin_{k}"] = np.sin(2 * np.pi * k * t)
        columns[f"cos_{k}"] = np.cos(2 * np.pi * k * t)
    return pd.DataFrame(columns, index=dates)


def holiday_flags(dates: pd.DatetimeIndex, country: str) -> pd.DataFrame:
    """0/1 columns ``holiday``, ``before_holiday``, ``after_holiday`` and
    ``christmas_period`` for each date.

    ``before_holiday``/``after_holiday`` mark the last working day (Monday to Friday, not
    a holiday) before and the first one after each run of holidays and weekends that
    contains a holiday. ``christmas_period`` marks 24 and 27-31 December when they are
    not holidays.
    """
    return _flags_of_years(dates.min().year - 1, dates.max().year + 1, country).reindex(dates)


@lru_cache(maxsize=64)
def _flags_of_years(first_year: int, last_year: int, country: str) -> pd.DataFrame:
    """:func:`holiday_flags` of every day of whole years (cached: baselines ask for the
    same years many times; a year either side leaves room to find working days)."""
    span = pd.date_range(f"{first_year}-01-01", f"{last_year}-12-31", freq="D")
    named = holiday_calendar(span[0], span[-1], country)
    is_holiday = span.isin(named["date"])
    working = (span.day_of_week < 5) & ~is_holiday
    before = np.zeros(len(span), dtype=bool)
    after = np.zeros(len(span), dtype=bool)
    for i in np.flatnonzero(is_holiday):
        j = i + 1
        while j < len(span) and not working[j]:
            j += 1
        if j < len(span):
            after[j] = True
        j = i - 1
        while j >= 0 and not working[j]:
            j -= 1
        if j >= 0:
            before[j] = True
    christmas = (span.month == 12) & np.isin(span.day, [24, 27, 28, 29, 30, 31]) & ~is_holiday
    return pd.DataFrame({"holiday": is_holiday, "before_holiday": before, "after_holiday": after,
                         "christmas_period": christmas}, index=span).astype(float)


def checked_events(events: pd.DataFrame | None) -> pd.DataFrame:
    """The events frame with Timestamp bounds, a boolean ``foreseen`` and a ``kind`` on
    every row (``kind``, else ``name``, else ``"event"``).

    Raises
    ------
    ValueError
        If a column is missing, a bound is not a date or an event ends before it starts.
    """
    if events is None or len(events) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in EVENT_COLUMNS})
    missing = [c for c in ("starts_on", "ends_on", "foreseen") if c not in events.columns]
    if missing:
        raise ValueError(f"The events frame lacks column(s) {missing}; it needs starts_on, ends_on, foreseen, "
                         "name and kind.")
    out = events.copy()
    try:
        out["starts_on"] = pd.to_datetime(out["starts_on"]).dt.normalize()
        out["ends_on"] = pd.to_datetime(out["ends_on"]).dt.normalize()
    except (ValueError, TypeError) as exc:
        raise ValueError("Event starts_on and ends_on must be dates.") from exc
    bad = out[out["ends_on"] < out["starts_on"]]
    if len(bad):
        raise ValueError(f"Event {bad.iloc[0].get('name', '')!r} ends before it starts.")
    out["foreseen"] = out["foreseen"].astype(bool)
    name = out["name"].astype(str) if "name" in out.columns else pd.Series("event", index=out.index)
    kind = out["kind"] if "kind" in out.columns else pd.Series(np.nan, index=out.index)
    out["name"] = name
    out["kind"] = kind.where(kind.notna() & (kind.astype(str) != ""), name).astype(str)
    return out[list(EVENT_COLUMNS)].reset_index(drop=True)


def event_days(dates: pd.DatetimeIndex, events: pd.DataFrame, *, foreseen: bool) -> pd.DataFrame:
    """One 0/1 column ``event:<kind>`` per kind of (un)foreseen event, 1 on its days."""
    chosen = events[events["foreseen"] == foreseen] if len(events) else events
    if len(chosen) == 0:
        return pd.DataFrame(index=dates)
    columns: dict[str, np.ndarray] = {}
    for row in chosen.itertuples(index=False):
        key = f"event:{row.kind}"
        on = (dates >= row.starts_on) & (dates <= row.ends_on)
        columns[key] = np.maximum(columns.get(key, np.zeros(len(dates))), on.astype(float))
    return pd.DataFrame(columns, index=dates)


def event_echoes(dates: pd.DatetimeIndex, events: pd.DataFrame, echo_days: float) -> pd.DataFrame:
    """One column ``after:<kind>`` per kind of foreseen event: the echo of its days
    (:func:`analytics.baseline.commercial.echo_of`), the contacts a campaign's orders bring
    in the weeks after it; none for ``echo_days = 0``."""
    chosen = events[events["foreseen"].astype(bool)] if len(events) and echo_days > 0 else events.iloc[0:0]
    if len(chosen) == 0 or len(dates) == 0:
        return pd.DataFrame(index=dates)
    reach = pd.Timedelta(days=int(round(ECHO_SPAN * echo_days)))
    span = pd.date_range(dates.min() - reach, dates.max(), freq="D")
    during = event_days(span, chosen, foreseen=True)
    columns = {f"after:{c.split(':', 1)[1]}": echo_of(during[c].to_numpy(), echo_days) for c in during.columns}
    return pd.DataFrame(columns, index=span).reindex(dates)
