"""Numbers and dates as a reader of the active language expects them.

Dutch: 1.234,5 · 12,5% · € 1.234 · 13-03-2025. English: 1,234.5 · 12.5% · €1,234 ·
13 Mar 2025. Pure (no Streamlit), so pages, decks and reports print the same thing.
"""

from __future__ import annotations

from datetime import date, datetime

from analytics.i18n import active_language

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _language(language: str | None) -> str:
    return language or active_language()


def _dutch_separators(text: str) -> str:
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def decimal(value: float | None, digits: int = 0, *, signed: bool = False, language: str | None = None) -> str:
    """``1234.5`` → "1,234.5" / "1.234,5"; None or NaN → "–"."""
    if value is None or value != value:
        return "–"
    text = f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"
    return _dutch_separators(text) if _language(language) == "nl" else text


def count(value: float | None, *, language: str | None = None) -> str:
    return decimal(value, 0, language=language)


def percent(value: float | None, *, signed: bool = False, digits: int = 0, language: str | None = None) -> str:
    """A fraction as a percentage: ``0.125`` → "12.5%" / "12,5%"."""
    if value is None or value != value:
        return "–"
    return decimal(value * 100, digits, signed=signed, language=language) + "%"


def money(value: float | None, *, language: str | None = None) -> str:
    """Euros without cents; "–" when unknown."""
    if value is None or value != value:
        return "–"
    amount = decimal(abs(value), 0, language=language)
    sign = "-" if value < 0 else ""
    return f"{sign}€ {amount}" if _language(language) == "nl" else f"{sign}€{amount}"


def day(value: date | datetime | None, *, language: str | None = None) -> str:
    if value is None:
        return "–"
    if _language(language) == "nl":
        return value.strftime("%d-%m-%Y")
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def moment(value: datetime | None, *, language: str | None = None) -> str:
    if value is None:
        return "–"
    return f"{day(value, language=language)} {value.strftime('%H:%M')}"
