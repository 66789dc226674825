"""Number and date formatting for the interface (one place, so Dutch formats can follow)."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st


def count(value: int | float) -> str:
    return f"{value:,.0f}"


def percent(value: float | None, *, signed: bool = False, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value * 100:+.{digits}f}%" if signed else f"{value * 100:.{digits}f}%"


def money(value: float | None) -> str:
    """Euros without cents; "–" when unknown (no contact's channel has a cost)."""
    if value is None or pd.isna(value):
        return "–"
    return f"€ {value:,.0f}"


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


def with_dashes(frame, formats: dict[str, str]):
    """``frame`` as shown in a table: each column named in ``formats`` as text formatted by
    its spec ("{:+.1%}"), a missing value (no comparison, nothing recorded) as "–", where
    Streamlit would print "None". Columns not in the frame are skipped. Show them with
    :func:`number_column`; the text no longer sorts as a number, so keep this for short
    tables that are read rather than sorted."""
    return frame.assign(**{column: [("–" if pd.isna(value) else spec.format(value))
                                    for value in frame[column].astype(object)]
                           for column, spec in formats.items() if column in frame})


def number_column(label: str, **kwargs):
    """A right-aligned table column for numbers turned into text by :func:`with_dashes`."""
    return st.column_config.TextColumn(label, alignment="right", **kwargs)
