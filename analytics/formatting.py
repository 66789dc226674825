"""Numbers and dates as a reader of the active language expects them.

Dutch: 1.234,5 · 12,5% · € 1.234 · 13-03-2025 · 13-03-2025 14:05.
English: 1,234.5 · 12.5% · €1,234 · 13 Mar 2025 · 13 Mar 2025 14:05 (day first, month as a
word, so no reader mistakes 03-04 for 4 March or 3 April).

The locale rules (separators, grouping, where the euro sign goes, month names) are CLDR's,
through Babel, for the locale of each language in :data:`LOCALES`; a third language is a
line there plus its texts. What is ours is the house style on top: a fixed number of
decimals per kind of number, a sign in front of everything ("−€ 56", "+12,5%"), the minus
a true minus sign (U+2212, as wide as the plus and not a hyphen that could break a line), no
"−0", and Dutch days written with digits.

Every function reads the active language (:mod:`analytics.i18n`) unless ``language=`` is
given, and prints a missing value (None, NaN, NA) as "–". Pure (no Streamlit), so pages,
decks and reports print the same thing.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_decimal

from analytics.i18n import active_language

MISSING = "–"
MINUS = "\u2212"  # "−": the sign of every negative number shown to a reader
LOCALES = {"en": "en_GB", "nl": "nl_NL"}  # British English: day before month, 24-hour clock
# Where the house writes a day differently from the locale's medium date ("13 mrt 2025"):
# Dutch readers expect digits. Babel (CLDR) patterns.
_DAY_PATTERNS = {"nl": "dd-MM-y"}
_MONTH_PATTERN = "MMM y"
_LONG_DATE_PATTERN = "d MMMM y"
# st.date_input's own format codes: it cannot spell a month, so English gets the ISO order.
_DATE_INPUT_FORMATS = {"en": "YYYY-MM-DD", "nl": "DD-MM-YYYY"}


def _language(language: str | None) -> str:
    return language or active_language()


@lru_cache(maxsize=16)  # one per language
def _locale(language: str) -> Locale:
    return Locale.parse(LOCALES.get(language, LOCALES["en"]))


def missing(value: object) -> bool:
    """True for None, NaN, NA and NaT: a value that prints as "–"."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is not one missing value
        return False


@lru_cache(maxsize=256)  # languages x kinds x decimals
def _pattern(language: str, kind: str, digits: int) -> NumberPattern:
    """The locale's own pattern for ``kind`` (grouping, symbol placement) with exactly
    ``digits`` decimals."""
    locale = _locale(language)
    base = {"decimal": locale.decimal_formats[None], "percent": locale.percent_formats[None],
            "currency": locale.currency_formats["standard"]}[kind]
    pattern = copy.copy(base)
    pattern.frac_prec = (digits, digits)
    return pattern


def _rounded(value: float, digits: int) -> Decimal:
    """``value`` rounded as Python's own formatting rounds a float (its exact binary value,
    half to even), so 12.345 shows as 12.35 like f"{12.345:.2f}"; never -0."""
    amount = Decimal(float(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    return amount.copy_abs() if amount == 0 else amount


def _signed(amount: Decimal, text: str, signed: bool) -> str:
    """``text`` (written for the absolute amount) with its sign in front: "−" (a true minus
    sign) for negative amounts, "+" for positive ones when ``signed``."""
    if amount < 0:
        return MINUS + text
    return "+" + text if signed else text


def _number(value: float, digits: int, kind: str, language: str | None, signed: bool) -> str:
    language = _language(language)
    amount = _rounded(value, digits)
    text = _pattern(language, kind, digits).apply(amount.copy_abs(), _locale(language), currency="EUR",
                                                   currency_digits=False)
    # CLDR puts a no-break space after the Dutch "€"; files, decks and tests get a plain one.
    return _signed(amount, text.replace("\xa0", " "), signed)


def decimal(value: float | None, digits: int = 0, *, signed: bool = False, language: str | None = None) -> str:
    """``1234.5`` → "1,234.5" / "1.234,5"; with ``signed`` a "+" before positive numbers."""
    if missing(value):
        return MISSING
    return _number(value, digits, "decimal", language, signed)


def rate(value: float | None, digits: int = 1, *, language: str | None = None) -> str:
    """A ratio or a rate with ``digits`` decimals, or with as many as two significant digits
    need when it would otherwise read as nothing: one contact per 77,647 orders is "0.013"
    contacts per 1,000, not "0.0"."""
    if missing(value):
        return MISSING
    return _number(float(value), rate_digits(float(value), digits), "decimal", language, False)


def rate_digits(value: float, digits: int = 1) -> int:
    """The decimals :func:`rate` writes ``value`` with (files round it alike): ``digits``, or
    up to six when two significant digits need more."""
    if value != 0 and abs(value) < 0.5 * 10 ** -digits:
        return min(6, 1 - math.floor(math.log10(abs(value))))
    return digits


def count(value: float | None, *, signed: bool = False, language: str | None = None) -> str:
    """A whole number with thousands separators: "12,345" / "12.345"."""
    return decimal(value, 0, signed=signed, language=language)


def percent(value: float | None, *, signed: bool = False, digits: int = 0, language: str | None = None) -> str:
    """A fraction as a percentage: ``0.125`` → "12.5%" / "12,5%"."""
    if missing(value):
        return MISSING
    return _number(float(value) * 100, digits, "decimal", language, signed) + "%"


def money(value: float | None, *, digits: int = 0, signed: bool = False, language: str | None = None) -> str:
    """Euros, by default without cents: "€1,234" / "€ 1.234"; "−€56" / "−€ 56" below zero
    (the sign in front, as everywhere); "–" when unknown."""
    if missing(value):
        return MISSING
    return _number(value, digits, "currency", language, signed)


def seconds_as_minutes(value: float | None, *, language: str | None = None) -> str:
    """``205`` → "3:25 min" (the same in both languages)."""
    if missing(value):
        return MISSING
    minutes, seconds = divmod(int(round(float(value))), 60)
    return f"{minutes}:{seconds:02d} min"


def _date_text(value: date | datetime, pattern: str, language: str | None) -> str:
    return format_date(value, pattern, locale=_locale(_language(language)))


def day(value: date | datetime | None, *, language: str | None = None) -> str:
    """"13 Mar 2025" / "13-03-2025"."""
    if missing(value):
        return MISSING
    language = _language(language)
    pattern = _DAY_PATTERNS.get(language) or _locale(language).date_formats["medium"].pattern
    return _date_text(value, pattern, language)


def long_date(value: date | datetime | None, *, language: str | None = None) -> str:
    """"22 April 2015" / "22 april 2015", with the time when there is one ("22 April 2015
    15:53"); the year as it is, so a misread year shows ("22 April 15" is the year 15)."""
    if missing(value):
        return MISSING
    text = _date_text(value, _LONG_DATE_PATTERN, language)
    if isinstance(value, datetime) and (value.hour, value.minute, value.second) != (0, 0, 0):
        text += f" {value:%H:%M}" + (f":{value:%S}" if value.second else "")
    return text


def moment(value: datetime | None, *, language: str | None = None) -> str:
    """"13 Mar 2025 14:05" / "13-03-2025 14:05"."""
    if missing(value):
        return MISSING
    return f"{day(value, language=language)} {value.strftime('%H:%M')}"


def month(value: date | datetime | None, *, language: str | None = None) -> str:
    """"Mar 2025" / "mrt 2025"."""
    if missing(value):
        return MISSING
    return _date_text(value, _MONTH_PATTERN, language)


def week_label(value: date | datetime | None, *, language: str | None = None) -> str:
    """The ISO week a day falls in: "Week 11, 2025" / "Week 11 2025"."""
    if missing(value):
        return MISSING
    year, week, _ = value.isocalendar()
    return f"Week {week} {year}" if _language(language) == "nl" else f"Week {week}, {year}"


def territory(code: str, *, language: str | None = None) -> str:
    """A country's name in the language, from CLDR: "NL" -> "Netherlands" / "Nederland",
    "GB" -> "United Kingdom" / "Verenigd Koninkrijk"; an unknown code as it is."""
    return _locale(_language(language)).territories.get(str(code).upper(), str(code))


def parsed_decimal(text: object, *, language: str | None = None) -> float | None:
    """A number typed in the language ("3,50" in Dutch, "3.50" or "1,234.5" in English; a
    euro sign and spaces allowed) as a float; None for an empty cell.

    Raises
    ------
    ValueError
        When ``text`` is not a number in that language.
    """
    if missing(text) or not str(text).strip():
        return None
    if isinstance(text, (int, float)):
        return float(text)
    cleaned = str(text).replace("€", "").replace("\xa0", "").replace(" ", "").replace(MINUS, "-")
    return float(parse_decimal(cleaned, locale=_locale(_language(language)), strict=True))


def date_input_format(language: str | None = None) -> str:
    """The ``format=`` for ``st.date_input`` in the language (it only knows digits)."""
    return _DATE_INPUT_FORMATS[_language(language)]


# Formatters for a whole table column (``ui.format.with_dashes``): each takes one value.

def as_count(*, signed: bool = False) -> Callable[[float], str]:
    return lambda value: count(value, signed=signed)


def as_decimal(digits: int = 0, *, signed: bool = False, suffix: str = "") -> Callable[[float], str]:
    return lambda value: decimal(value, digits, signed=signed) + suffix


def as_rate(digits: int = 1) -> Callable[[float], str]:
    return lambda value: rate(value, digits)


def as_percent(digits: int = 0, *, signed: bool = False) -> Callable[[float], str]:
    return lambda value: percent(value, digits=digits, signed=signed)


def as_money(digits: int = 0) -> Callable[[float], str]:
    return lambda value: money(value, digits=digits)


# Tables: one kind per column, one way to write each kind.

KIND_FORMATS: dict[str, Callable[[object], str]] = {
    "count": as_count(),  # 12,345 contacts (also expected contacts: a count, rounded)
    "signed_count": as_count(signed=True),  # +105: contacts more (or fewer) than expected
    "change": as_percent(1, signed=True),  # +12.3%: a change, always with its sign
    "effect": as_percent(0, signed=True),  # −30%: a pilot's effect, whole percents as its sentences say it
    "share": as_percent(1),  # 29.4%: a part of a whole, or a rate (FCR, repeat contacts)
    "ratio": as_rate(1),  # 12.3 contacts per 1,000 of a driver; 0.013 where 0.0 would hide one
    "decimal": as_decimal(1),  # 7.1 minutes, hours, seconds, MB
    "money": as_money(),  # €1,234, no cents
    "money_cents": as_money(2),  # €4.50, a price per contact
    "id": lambda value: str(int(value)),  # a number that names a row: no separators
    "flag": lambda value: "✓" if value else "",  # yes or no (a checkbox on screen)
    "day": lambda value: day(value),
    "week": lambda value: week_label(value),
    "month": lambda value: month(value),
    "moment": lambda value: moment(value),
}


@dataclass(frozen=True)
class Column:
    """One column of a table as the screen shows it: its label in the active language and
    the kind of value it holds (a key of :data:`KIND_FORMATS`, or "text")."""

    label: str
    kind: str = "text"
    help: str | None = None
    width: str | int | None = None
    pinned: bool = False
    align: str | None = None  # "right" for an amount kept as text (edited in the language)

    def __post_init__(self):
        if self.kind != "text" and self.kind not in KIND_FORMATS:
            raise ValueError(f"Unknown kind of column value {self.kind!r}; one of {sorted(KIND_FORMATS)}.")

    def shown(self, value: object) -> str:
        """``value`` as a reader sees it: "–" when missing, in the active language."""
        if missing(value):
            return MISSING
        return str(value) if self.kind == "text" else KIND_FORMATS[self.kind](value)


@dataclass(frozen=True)
class TableView:
    """A table as the screen shows it: ``data`` holds exactly the shown columns, in order,
    with their values as they are (numbers stay numbers, so a table sorts them as numbers);
    ``columns`` says how each is labelled and written."""

    data: pd.DataFrame
    columns: dict[str, Column]

    def texts(self) -> pd.DataFrame:
        """Every cell as the reader sees it, under its label (for tests and text exports)."""
        return pd.DataFrame({column.label: [column.shown(v) for v in self.data[name].astype(object)]
                             for name, column in self.columns.items()})

    def formatters(self) -> dict[str, Callable[[object], str]]:
        """The text of each non-text column, by column name (for a pandas Styler)."""
        return {name: column.shown for name, column in self.columns.items() if column.kind != "text"}


def table_view(frame: pd.DataFrame, columns: dict[str, Column]) -> TableView:
    """``frame`` cut to ``columns`` (in their order; a column the frame lacks is left out),
    a fresh index, values untouched."""
    shown = {name: column for name, column in columns.items() if name in frame.columns}
    return TableView(frame[list(shown)].reset_index(drop=True), shown)
