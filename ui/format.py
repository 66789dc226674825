"""Number and date formatting for the interface: the language-aware functions of
:mod:`analytics.formatting` (Dutch 1.234,5 and 13-03-2025), plus the table helpers that
need Streamlit: :func:`show_table` and :func:`edit_table` draw a
:class:`~analytics.formatting.TableView` (what ``analytics.table_views`` returns)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
import streamlit as st

from analytics.formatting import (  # noqa: F401  (re-exported for the pages)
    MINUS,
    MISSING,
    Column,
    TableView,
    as_count,
    as_decimal,
    as_money,
    as_percent,
    count,
    date_input_format,
    day,
    decimal,
    missing,
    moment,
    money,
    month,
    percent,
    rate,
    seconds_as_minutes,
    week_label,
)
from analytics.i18n import TEXT, active_language, t
from ui import cache


def change_delta(change: float | None, *, suffix: str = "", inverse: bool = True) -> dict:
    """The ``delta`` of an ``st.metric`` that shows ``change`` (a fraction) as a signed
    percentage ("−4%", "+12%" and ``suffix``), with its arrow and colour: red for more
    contacts, green for fewer (``inverse``), grey with no arrow when it rounds to zero; no
    delta when there is nothing to compare with.

    Streamlit reads a text delta's direction from a leading hyphen-minus only, so with the
    true minus sign every number here carries, the arrow and colour are given, taken from
    the sign of the text shown (a change that rounds to "0%" points nowhere)."""
    if change is None or missing(change):
        return {"delta": None}
    text = percent(change, signed=True)
    direction = "down" if text.startswith(MINUS) else "up" if text.startswith("+") and text != "+0%" else "off"
    down, up = ("green", "red") if inverse else ("red", "green")
    colour = {"down": down, "up": up, "off": "gray"}[direction]
    return {"delta": text + suffix, "delta_arrow": direction, "delta_color": colour}


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


Highlight = tuple[Iterable[bool], str, Iterable[str] | None]  # which rows, background colour, which columns (None: all)


def show_table(view: TableView, *, key: str | None = None, where=None, highlight: Highlight | None = None,
               **kwargs) -> None:
    """Draw ``view`` read-only (in ``where``, a column or container; the page by default):
    every cell written by the app in the active language, numbers still sorting as numbers.

    How: the frame goes to ``st.dataframe`` as a pandas Styler whose display values are the
    view's text (CLDR separators through Babel, the kind's fixed decimals), each numeric
    column a ``NumberColumn`` without a ``format``, missing values drawn as "–"
    (``placeholder``). Streamlit draws a Styler's display values in read-only columns that
    set no ``format`` and sorts by the values underneath: 9 before 10, −5% before +2%.

    The choices per table, and why:

    - This (Styler display values): right-aligned, in the page's language whatever the
      browser's, sorts as numbers. Costs a second copy of the cells (the display values) on
      the wire: fine for tables of a few hundred rows, which are all we show.
    - A ``NumberColumn(format=...)``: printf-style, so no thousands separators and a decimal
      point in Dutch; ``format="localized"`` follows the *browser's* locale, not the page's
      (an English browser shows "1,335" beside the app's "1.251" on a Dutch page). Not used
      for shown numbers.
    - Text made by :func:`with_dashes`, right-aligned by :func:`number_column`: sorts as
      text ("10" before "9"). Only for short tables read top to bottom whose cells are
      sentences of numbers anyway (a pilot's "−3% to +21%").
    - Editable cells ignore display values: see :func:`edit_table`.

    ``highlight`` colours the background of some rows (in some columns).
    """
    (where or st).dataframe(styled(view, highlight), hide_index=True, key=key, column_order=list(view.columns),
                            column_config=column_configs(view), placeholder=MISSING, **kwargs)


def edit_table(view: TableView, *, key: str, editable: Iterable[str] | bool, column_config: dict | None = None,
               highlight: Highlight | None = None, **kwargs) -> pd.DataFrame:
    """``view`` in ``st.data_editor``; returns the edited data (the view's column names).

    ``editable`` names the columns a user may change (False: none). Read-only columns show
    the app's text as in :func:`show_table`; an editable cell is drawn by the browser and
    ignores it, so an editable number that needs decimals is given to the editor as text
    in the language ("3,50") and read back by the view's own parser (see
    ``analytics.table_views.channels_from_edited``). ``column_config`` adds or replaces
    columns' configs (a choice list for a SelectboxColumn)."""
    editable = set(view.columns) & set(editable) if editable else set()
    config = {**column_configs(view), **(column_config or {})}
    return st.data_editor(styled(view, highlight), hide_index=True, key=key, column_order=list(view.columns),
                          disabled=[name for name in view.columns if name not in editable] if editable else True,
                          column_config=config, placeholder=MISSING, **kwargs)


def styled(view: TableView, highlight: Highlight | None = None):
    """``view.data`` as a pandas Styler whose display values are the view's text, with the
    ``highlight`` rows' background coloured."""
    styler = view.data.style.format(view.formatters(), na_rep=MISSING)
    kinds = tuple((name, column.kind) for name, column in view.columns.items())
    marked_cells = None  # what the highlight changes, as a cache key: the rows, colour and columns
    if highlight is not None:
        rows, colour, columns = highlight
        if columns is not None:  # the view may have left some out
            columns = [c for c in columns if c in view.data.columns]
        if columns is None or columns:
            marked = list(rows)
            styler = styler.apply(lambda row: [f"background-color: {colour}" if marked[row.name] else "" for _ in row],
                                  axis=1, subset=list(columns) if columns is not None else None)
            marked_cells = (tuple(bool(mark) for mark in marked), colour, None if columns is None else tuple(columns))
    cache.share_display_values(styler, view.data, kinds, active_language(), marked_cells)
    return styler


def column_configs(view: TableView) -> dict:
    """Each column's Streamlit config: its label, help and width, the column type of its
    kind, and never a ``format`` (the text comes from the Styler)."""
    def config(column: Column):
        options = {"help": column.help, "width": column.width, "pinned": column.pinned or None,
                   "alignment": column.align}
        if column.kind == "flag":
            return st.column_config.CheckboxColumn(column.label, **options)
        if column.kind in ("day", "week", "month"):
            return st.column_config.DateColumn(column.label, **options)
        if column.kind == "moment":
            return st.column_config.DatetimeColumn(column.label, **options)
        if column.kind == "text":
            return st.column_config.TextColumn(column.label, **options)
        return st.column_config.NumberColumn(column.label, **options)

    return {name: config(column) for name, column in view.columns.items()}


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
