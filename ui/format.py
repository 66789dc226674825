"""Number and date formatting for the interface (one place, so Dutch formats can follow)."""

from __future__ import annotations

from datetime import date, datetime


def count(value: int | float) -> str:
    return f"{value:,.0f}"


def percent(value: float | None, *, signed: bool = False, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value * 100:+.{digits}f}%" if signed else f"{value * 100:.{digits}f}%"


def seconds_as_minutes(value: float | None) -> str:
    if value is None:
        return "–"
    minutes, seconds = divmod(int(round(value)), 60)
    return f"{minutes}:{seconds:02d} min"


def day(value: date | datetime | None) -> str:
    if value is None:
        return "–"
    return value.strftime("%d-%m-%Y")


def moment(value: datetime | None) -> str:
    if value is None:
        return "–"
    return value.strftime("%d-%m-%Y %H:%M")
