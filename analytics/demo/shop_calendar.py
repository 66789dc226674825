"""The calendar a Dutch web shop lives by: public holidays, Black Friday, the spring sale,
Sinterklaas and Christmas, and the yearly order season."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import numpy as np

# Order level in the middle of each month, relative to a year's average (January first).
MONTHLY_ORDER_SEASON = (1.02, 0.92, 0.96, 0.98, 0.96, 0.93, 0.88, 0.90, 0.95, 1.00, 1.10, 1.22)

# Orders peak Sunday evening and Monday; Saturday is quiet (Monday first, mean one).
_ORDER_WEEKDAY_LEVELS = np.array([1.12, 1.0, 0.97, 0.95, 0.88, 0.85, 1.15])
ORDER_WEEKDAY = _ORDER_WEEKDAY_LEVELS / _ORDER_WEEKDAY_LEVELS.mean()

# (first month, first day, last month, last day, factor) on top of the monthly season.
ORDER_PEAKS = (
    (1, 2, 1, 10, 1.10),     # January sales
    (11, 20, 12, 4, 1.15),   # Sinterklaas presents
    (12, 8, 12, 20, 1.20),   # Christmas presents
    (12, 24, 12, 26, 0.60),  # Christmas itself
    (12, 27, 12, 31, 0.85),
)


def day_range(first_day: date, days: int) -> list[date]:
    """``days`` consecutive dates starting at ``first_day``."""
    return [first_day + timedelta(days=offset) for offset in range(days)]


def weekdays_of(days: list[date]) -> np.ndarray:
    """Weekday of each date, Monday = 0."""
    return np.array([d.weekday() for d in days], dtype=np.int8)


def dutch_public_holidays(first_day: date, last_day: date) -> dict[date, str]:
    """Dutch public holidays between the two dates (inclusive), with English names."""
    years = range(first_day.year, last_day.year + 1)
    calendar = holidays.country_holidays("NL", years=years, language="en_US")
    return {d: name for d, name in sorted(calendar.items()) if first_day <= d <= last_day}


def black_friday(year: int) -> date:
    """The fourth Friday of November."""
    first = date(year, 11, 1)
    first_friday = first + timedelta(days=(4 - first.weekday()) % 7)
    return first_friday + timedelta(weeks=3)


def spring_sale_start(year: int) -> date:
    """The spring sale starts on the second Monday of April."""
    first = date(year, 4, 1)
    first_monday = first + timedelta(days=(0 - first.weekday()) % 7)
    return first_monday + timedelta(weeks=1)


def order_season(days: list[date]) -> np.ndarray:
    """Yearly order season per day: the monthly levels interpolated between mid-months,
    times the fixed peaks (January sales, Sinterklaas, Christmas)."""
    day_of_year = np.array([d.timetuple().tm_yday for d in days], dtype=float)
    mid_months = np.array([date(2001, m, 15).timetuple().tm_yday for m in range(1, 13)], dtype=float)
    anchors = np.concatenate([mid_months - 365, mid_months, mid_months + 365])
    levels = np.tile(MONTHLY_ORDER_SEASON, 3)
    season = np.interp(day_of_year, anchors, levels)
    for first_month, first_day, last_month, last_day, factor in ORDER_PEAKS:
        in_peak = np.array([(first_month, first_day) <= (d.month, d.day) <= (last_month, last_day) for d in days])
        season = np.where(in_peak, season * factor, season)
    return season
