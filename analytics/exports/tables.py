"""A chart's data as CSV and Excel files that a spreadsheet opens safely.

Formula injection: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is run as a formula by Excel, LibreOffice and Google Sheets
(``=HYPERLINK("http://x", "click")``). Such cells get a leading ``'`` (OWASP's advice),
which spreadsheets show as text. Real numbers stay numbers: ``-2.5`` in a numeric column is
not text and is left alone, so the data still sums and sorts.

The same words and kinds of number as the screen: :func:`readable_columns` heads each
column as the interface calls it in the active language, drops what only draws the chart
(a colour), and rounds each known kind of number (:data:`COLUMN_KINDS`, the kinds of
:data:`analytics.formatting.KIND_FORMATS`) to what the screen shows: counts whole, money in
euros, ratios to one decimal, shares and changes as fractions to 0.1 percent point. Numbers
stay numbers, so a file still sums and sorts; the Excel file writes each kind with its
number format ("0.0%", "#,##0", "€ #,##0"), which Excel shows in its reader's own notation.

The stamp (period, filters, data freshness, generated at) goes on an "About" sheet of the
Excel file. The CSV stays a clean table (one header row, then data) so that it loads as it
is in pandas, R or a BI tool; it carries the day it was made in its file name.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime

import pandas as pd

from analytics.formatting import rate_digits
from analytics.i18n import TEXT, active_language

# The kind of number of each data column a chart's data can hold (see the module).
COLUMN_KINDS = {
    **dict.fromkeys(["contacts", "actual", "expected", "lo80", "hi80", "lo95", "hi95", "expected_low", "expected_high",
                     "expected_contacts", "previous_contacts", "last_year_contacts", "last_week", "covered_contacts",
                     "cost_unknown_contacts", "handled_contacts", "other_contacts", "first_level_only_contacts",
                     "resolved_contacts", "resolved_recorded", "timed_contacts", "issues", "naive_8w",
                     "naive_last_year", "driver_value", "open_actions", "overdue_actions", "observed_contacts"],
                    "count"),
    **dict.fromkeys(["gap", "absolute_effect", "absolute_ci_low", "absolute_ci_high"], "signed_count"),
    **dict.fromkeys(["change", "change_pct", "change_last_year_pct", "gap_pct", "vs_last_week_pct",
                     "relative_effect", "relative_ci_low", "relative_ci_high", "ci_low", "ci_high", "rolling_effect",
                     "rolling_ci_low", "rolling_ci_high", "placebo_effect"],
                    "change"),
    **dict.fromkeys(["share", "cumulative_share", "share_of_reason", "share_of_gap", "other_share",
                     "first_level_only_share", "fcr_rate", "csat_pct", "repeat_rate_any", "repeat_rate_same", "mde",
                     "mde_baseline", "mde_control"], "share"),
    **dict.fromkeys(["ratio", "previous_ratio", "expected_ratio", "per_1k"], "ratio"),
    **dict.fromkeys(["handle_minutes", "handle_hours", "handle_seconds", "handle_seconds_avg", "contacts_per_day"],
                    "decimal"),
    "cost": "money",
    "cost_per_contact": "money_cents",
}
# Decimals in a file, per kind: shares and changes are fractions (0.123 is 12.3%).
EXPORT_DIGITS = {"count": 0, "signed_count": 0, "change": 3, "share": 3, "ratio": 1, "decimal": 1, "money": 0,
                 "money_cents": 2}
EXCEL_FORMATS = {"count": "#,##0", "signed_count": "+#,##0;-#,##0;0", "change": "+0.0%;-0.0%;0.0%",
                 "share": "0.0%", "ratio": "0.0#####", "decimal": "0.0", "money": "€ #,##0", "money_cents": "€ #,##0.00"}
DRAWING_ONLY = ("colour",)  # what only draws the chart: not data

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_SHEET_NAME = 31  # Excel's limit
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def neutralised_text(value: object) -> object:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(DANGEROUS_STARTS):
        return "'" + value
    return value


def _is_text_column(column: pd.Series) -> bool:
    return (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)
            or isinstance(column.dtype, pd.CategoricalDtype))


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` in which no text cell (nor column name) can run as a formula.

    Only text is touched: numeric, boolean and date columns keep their type, and numbers
    that sit in a text column (an ``object`` column mixing both) stay numbers.
    """
    out = frame.copy()
    out.columns = [neutralised_text(str(c)) for c in out.columns]
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if _is_text_column(column):
            out.isetitem(position, column.astype(object).map(neutralised_text, na_action="ignore"))
    return out


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns a file can hold: time zones dropped (Excel has none), the index a column
    when it carries information (a named or non-default index)."""
    out = frame
    if out.index.name is not None or not isinstance(out.index, pd.RangeIndex):
        out = out.reset_index()
    out = out.copy()
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            out.isetitem(position, column.dt.tz_localize(None))
    return out


def readable_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as a file holds it: its data column names ("day", "gap_pct"; a named index
    too) as the interface calls them in the active language ("Dag", "Verschil %") where it
    has a name, each known kind of number rounded to the decimals of :data:`EXPORT_DIGITS`
    (whole counts as integers), the drawing-only columns dropped. The kind of each shown
    column travels in ``attrs["kinds"]`` (label -> kind) for the Excel number formats."""
    names = TEXT[active_language()]
    out = _plain(frame).drop(columns=[c for c in DRAWING_ONLY if c in frame.columns])
    kinds = {}
    for position, name in enumerate(out.columns):
        kind = COLUMN_KINDS.get(name) if isinstance(name, str) else None
        column = out.iloc[:, position]
        if kind is None or not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            continue
        rounded = (_rounded_rates(column, EXPORT_DIGITS[kind]) if kind == "ratio"
                   else column.astype("float64").round(EXPORT_DIGITS[kind]))
        out.isetitem(position, rounded.astype("Int64") if EXPORT_DIGITS[kind] == 0 else rounded)
        kinds[name] = kind
    out = out.rename(columns=lambda c: names.get(f"column.{c}", c) if isinstance(c, str) else c)
    out.attrs["kinds"] = {names.get(f"column.{c}", c): kind for c, kind in kinds.items()}
    return out


def _rounded_rates(column: pd.Series, digits: int) -> pd.Series:
    """Ratios rounded as the screen writes them (``formatting.rate``): 0.013 per 1,000, not 0.0."""
    return column.astype("float64").map(lambda value: value if pd.isna(value) else round(value, rate_digits(value, digits)))


def csv_bytes(frame: pd.DataFrame, *, language: str = "en") -> bytes:
    """``frame`` as CSV: UTF-8 with a byte-order mark (so Excel reads accents right), dates
    as ISO ``2026-03-13``, no index column; comma separated with a decimal point, or for
    Dutch semicolon separated with a decimal comma, as a Dutch Excel opens it."""
    data = neutralised(_plain(frame))
    for position in range(data.shape[1]):
        column = data.iloc[:, position]
        if pd.api.types.is_datetime64_any_dtype(column):
            days_only = (column.dropna() == column.dropna().dt.normalize()).all()
            data.isetitem(position, column.dt.strftime("%Y-%m-%d" if days_only else "%Y-%m-%d %H:%M:%S"))
    separator, decimal = (";", ",") if language == "nl" else (",", ".")
    return ("\ufeff" + data.to_csv(index=False, lineterminator="\r\n", sep=separator, decimal=decimal)).encode("utf-8")


def sheet_name(name: str) -> str:
    """``name`` as a valid Excel sheet name (31 characters, none of ``[]:*?/\\``)."""
    cleaned = name.translate(_SHEET_FORBIDDEN).strip().strip("'") or "Data"
    return cleaned[:MAX_SHEET_NAME]


def excel_bytes(frame: pd.DataFrame, *, sheet: str, stamp_lines: Sequence[str], about_sheet: str = "About",
                title: str | None = None) -> bytes:
    """``frame`` as an .xlsx file: sheet ``sheet`` with the data (numbers as numbers, dates
    as dates, a frozen header row), and sheet ``about_sheet`` with ``title`` and the
    ``stamp_lines`` (period, filters, data freshness, generated at), one per row.

    Written with formulas switched off in the writer as well, so even text the neutraliser
    let through can never become a formula.
    """
    data = neutralised(_plain(frame))
    for position in range(data.shape[1]):
        column = data.iloc[:, position]
        if pd.api.types.is_datetime64_any_dtype(column) and (column.dropna() == column.dropna().dt.normalize()).all():
            data.isetitem(position, column.dt.date)  # a day, shown without 00:00
    data_sheet, info_sheet = sheet_name(sheet), sheet_name(about_sheet)
    if info_sheet == data_sheet:
        info_sheet = sheet_name(f"{about_sheet} ({data_sheet})")
    buffer = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs={"options": options},
                        date_format="yyyy-mm-dd", datetime_format="yyyy-mm-dd hh:mm") as writer:
        data.to_excel(writer, sheet_name=data_sheet, index=False, freeze_panes=(1, 0))
        worksheet = writer.sheets[data_sheet]
        kinds = frame.attrs.get("kinds", {})
        for position, column in enumerate(data.columns):
            width = max([len(str(column))] + [len(_shown(v)) for v in data.iloc[:200, position]])
            number_format = EXCEL_FORMATS.get(kinds.get(column))
            worksheet.set_column(position, position, min(max(width + 2, 8), 60),
                                 writer.book.add_format({"num_format": number_format}) if number_format else None)
        about = writer.book.add_worksheet(info_sheet)
        bold = writer.book.add_format({"bold": True})
        row = 0
        if title:
            about.write_string(row, 0, neutralised_text(title), bold)
            row += 1
        for line in stamp_lines:
            about.write_string(row, 0, neutralised_text(line))
            row += 1
        about.set_column(0, 0, max([len(line) for line in stamp_lines] + [len(title or ""), 20]) + 2)
    return buffer.getvalue()


def _shown(value: object) -> str:
    if isinstance(value, (datetime, pd.Timestamp)):
        return "2026-01-01 00:00"
    if isinstance(value, date):
        return "2026-01-01"
    return str(value)
