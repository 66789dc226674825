"""Number and date formatting for the interface: the language-aware functions of
:mod:`analytics.formatting` (Dutch 1.234,5 and 13-03-2025), plus the table helpers that
need Streamlit."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from analytics.formatting import (  # noqa: F401  (re-exported for the pages)
    MISSING,
    as_count,
    as_decimal,
    as_money,
    as_percent,
    count,
    date_input_format,
    day,
    decimal,
    moment,
    money,
    month,
    percent,
    seconds_as_minutes,
    week_label,
)
from analytics.i18n import TEXT, active_language, t


def with_dashes(frame, formats: dict[str, Callable[[object], str]]):
    """``frame`` as shown in a table: each column named in ``formats`` as text made by its
    formatter (``as_percent(1, signed=True)``, so numbers follow the active language), a
    missing value (no comparison, nothing recorded) as "–", where Streamlit would print
    "None". Columns not in the frame are skipped. Show them with :func:`number_column`; the
    text no longer sorts as a number, so keep this for short tables that are read rather
    than sorted."""
    def shown(value, formatter):
        if pd.isna(value):
            return MISSING
        return formatter.format(value) if isinstance(formatter, str) else formatter(value)

    return frame.assign(**{column: [shown(value, formatter) for value in frame[column].astype(object)]
                           for column, formatter in formats.items() if column in frame})


def number_column(label: str, **kwargs):
    """A right-aligned table column for numbers turned into text by :func:`with_dashes`."""
    return st.column_config.TextColumn(label, alignment="right", **kwargs)


def table_date_format() -> str:
    """The ``format=`` of a table's ``DateColumn`` (moment.js codes): "13 Mar 2025" / "13-03-2025"."""
    return "DD-MM-YYYY" if active_language() == "nl" else "D MMM YYYY"


def table_moment_format() -> str:
    """The ``format=`` of a table's ``DatetimeColumn``: "13 Mar 2025 14:05" / "13-03-2025 14:05"."""
    return f"{table_date_format()} HH:mm"


def option_text(prefix: str) -> Callable[[object], str]:
    """A ``format_func`` that shows a stable English option ("Over time") as the text of
    ``prefix`` + its slug (``t("ratios.view_over_time")``). Streamlit puts the shown text in
    a bound widget's URL, so each English text equals its option and English links keep
    working; a Dutch link carries ``lang=nl`` and the Dutch words."""
    def shown(option) -> str:
        key = prefix + str(option).lower().replace(" ", "_")
        return t(key) if key in TEXT[active_language()] else str(option)  # a value outside the list as it is

    return shown
