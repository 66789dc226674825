"""Numbers and dates as a reader of the active language expects them.

Dutch: 1.234,5 · 12,5% · € 1.234 · 13-03-2025 · 13-03-2025 14:05.
English: 1,234.5 · 12.5% · €1,234 · 13 Mar 2025 · 13 Mar 2025 14:05 (day first, month as a
word, so no reader mistakes 03-04 for 4 March or 3 April).

Every function reads the active language (:mod:`analytics.i18n`) unless ``language=`` is
given, and prints a missing value (None, NaN, NA) as "–". Pure (no Streamlit), so pages,
decks and reports print the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pandas as pd

from analytics.i18n import active_language

MISSING = "–"
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# st.date_input's own format codes: it cannot spell a month, so English gets the ISO order.
_DATE_INPUT_FORMATS = {"en": "YYYY-MM-DD", "nl": "DD-MM-YYYY"}


def _language(language: str | None) -> str:
    return language or active_language()


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is not one missing value
        return False


def _dutch_separators(text: str) -> str:
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def decimal(value: float | None, digits: int = 0, *, signed: bool = False, language: str | None = None) -> str:
    """``1234.5`` → "1,234.5" / "1.234,5"; with ``signed`` a "+" before positive numbers."""
    if _missing(value):
        return MISSING
    value = float(value)
    if round(value, digits) == 0:
        value = 0.0  # no "-0"
    text = f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"
    return _dutch_separators(text) if _language(language) == "nl" else text


def count(value: float | None, *, signed: bool = False, language: str | None = None) -> str:
    """A whole number with thousands separators: "12,345" / "12.345"."""
    return decimal(value, 0, signed=signed, language=language)


def percent(value: float | None, *, signed: bool = False, digits: int = 0, language: str | None = None) -> str:
    """A fraction as a percentage: ``0.125`` → "12.5%" / "12,5%"."""
    if _missing(value):
        return MISSING
    return decimal(float(value) * 100, digits, signed=signed, language=language) + "%"


def money(value: float | None, *, digits: int = 0, language: str | None = None) -> str:
    """Euros, by default without cents: "€1,234" / "€ 1.234"; "–" when unknown."""
    if _missing(value):
        return MISSING
    value = float(value)
    amount = decimal(abs(value), digits, language=language)
    sign = "-" if round(value, digits) < 0 else ""
    return f"{sign}€ {amount}" if _language(language) == "nl" else f"{sign}€{amount}"


def seconds_as_minutes(value: float | None, *, language: str | None = None) -> str:
    """``205`` → "3:25 min" (the same in both languages)."""
    if _missing(value):
        return MISSING
    minutes, seconds = divmod(int(round(float(value))), 60)
    return f"{minutes}:{seconds:02d} min"


def day(value: date | datetime | None, *, language: str | None = None) -> str:
    """"13 Mar 2025" / "13-03-2025"."""
    if _missing(value):
        return MISSING
    if _language(language) == "nl":
        return value.strftime("%d-%m-%Y")
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


_LONG_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")
_LONG_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                   "oktober", "november", "december")


def long_date(value: date | datetime | None, *, language: str | None = None) -> str:
    """"22 April 2015" / "22 april 2015", with the time when there is one ("22 April 2015
    15:53"); the year as it is, so a misread year shows ("22 April 15" is the year 15)."""
    if _missing(value):
        return MISSING
    names = _LONG_MONTHS_NL if _language(language) == "nl" else _LONG_MONTHS_EN
    text = f"{value.day} {names[value.month - 1]} {value.year}"
    if isinstance(value, datetime) and (value.hour, value.minute, value.second) != (0, 0, 0):
        text += f" {value:%H:%M}" + (f":{value:%S}" if value.second else "")
    return text


def moment(value: datetime | None, *, language: str | None = None) -> str:
    """"13 Mar 2025 14:05" / "13-03-2025 14:05"."""
    if _missing(value):
        return MISSING
    return f"{day(value, language=language)} {value.strftime('%H:%M')}"


def month(value: date | datetime | None, *, language: str | None = None) -> str:
    """"Mar 2025" / "mrt 2025"."""
    if _missing(value):
        return MISSING
    names = _MONTHS_NL if _language(language) == "nl" else _MONTHS_EN
    return f"{names[value.month - 1]} {value.year}"


def week_label(value: date | datetime | None, *, language: str | None = None) -> str:
    """The ISO week a day falls in: "Week 11, 2025" / "Week 11 2025"."""
    if _missing(value):
        return MISSING
    year, week, _ = value.isocalendar()
    return f"Week {week} {year}" if _language(language) == "nl" else f"Week {week}, {year}"


def date_input_format(language: str | None = None) -> str:
    """The ``format=`` for ``st.date_input`` in the language (it only knows digits)."""
    return _DATE_INPUT_FORMATS[_language(language)]


# Formatters for a whole table column (``ui.format.with_dashes``): each takes one value.

def as_count(*, signed: bool = False) -> Callable[[float], str]:
    return lambda value: count(value, signed=signed)


def as_decimal(digits: int = 0, *, signed: bool = False, suffix: str = "") -> Callable[[float], str]:
    return lambda value: decimal(value, digits, signed=signed) + suffix


def as_percent(digits: int = 0, *, signed: bool = False) -> Callable[[float], str]:
    return lambda value: percent(value, digits=digits, signed=signed)


def as_money(digits: int = 0) -> Callable[[float], str]:
    return lambda value: money(value, digits=digits)
