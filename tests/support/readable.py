"""What a page shows a reader, cell by cell, and what makes it look unfinished.

:func:`shown_tables` turns every ``st.dataframe`` / ``st.data_editor`` of an AppTest run into
the text a browser draws: the column label from the column config (the element's proto
holds it), each cell as the app's own display text (a pandas Styler's display values, which
the browser uses for read-only text, number and date columns without a ``format``), as a
printf-style ``format`` prints it, or as Streamlit prints an unformatted number; a missing
value as the table's ``placeholder`` ("None" without one). :func:`findings` lists what a
reader should never see:

- a column label in snake_case, or a raw column name (``part``, ``actual``);
- "None", "nan", "NaT", "<NA>", "inf" in a cell, a metric or a text;
- a number with more than two decimals (``657.2043``), a count of thousands without
  separators (``1605``), the other language's separators (``1,335`` on a Dutch page);
- a negative number written with a hyphen-minus ("-12%", "(-938)", "-€ 56") where the app
  writes a true minus sign ("−12%"): a hyphen between digits (13-03-2025, 2026-W48) or
  after a letter (e-mail, COVID-19) is no sign and is left alone;
- a number the browser formats in its own locale (``format="localized"``, ``"percent"``):
  those change with the reader's browser, not with the page's language;
- on a Dutch page, an English interface word from :data:`ENGLISH_WORDS` (the store's own
  names, which are data and may be English, are left out first).
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass

import duckdb
import pandas as pd
import pyarrow as pa

from analytics.i18n import t

# Formats with which the browser, not the app, decides separators and decimals.
BROWSER_FORMATS = {"localized", "percent", "dollar", "euro", "yen", "accounting", "compact", "scientific",
                   "engineering"}
MISSING_WORDS = re.compile(r"^(None|nan|NaN|NaT|<NA>|null|inf|-inf)$|\b(None|nan|NaN|NaT|<NA>)\b")
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)+")
RAW_NAME = re.compile(r"[a-z][a-z0-9_]*")
# More than two decimals, and a decimal separator from the other language.
# Thousands come in groups of three, so four digits after a separator, or three after a
# leading zero, are decimals in either language.
TOO_PRECISE = {"en": re.compile(r"\d\.\d{3,}|\d,\d{4,}|(?<![\d.,])0,\d{3}"),
               "nl": re.compile(r"\d,\d{3,}|\d\.\d{4,}|(?<![\d.,])0\.\d{3}")}
FOREIGN_DECIMAL = {"en": re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d.,])"),
                   "nl": re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])")}
# A hyphen-minus in front of a number, as its sign: not after a letter, digit or another
# dash (dates, ISO weeks, ranges, names), and directly before the digits or the euro sign.
HYPHEN_MINUS = re.compile(r"(?<![\w\-\u2013\u2212/.,:])-(?=\d|€\s?\d)")
UNSEPARATED = re.compile(r"(?<![\d.,#])\d{5,}(?![\d.,])")  # no year or id is written with five digits
# Interface words a Dutch page must not show in English (not Dutch words as well: no "is",
# "in", "week", "status", "type", "of" (Dutch "or")). Matched as whole words, any case.
ENGLISH_WORDS = re.compile(r"\b(" + "|".join([
    "the", "and", "with", "without", "from", "not", "to", "below", "above", "inside", "outside", "expected",
    "actual", "contacts", "share", "change", "gap", "period", "direction", "part", "reason", "reasons",
    "channel", "channels", "rows", "read", "seconds", "minutes", "hours", "profile", "day", "days", "weeks",
    "month", "months", "cost", "costs", "saved", "yes", "none", "unknown", "previous", "increase", "increases",
    "decrease", "decreases", "elsewhere", "money", "level", "started", "finished",
    "imported", "rejected", "duplicates", "owner", "value", "average", "rate", "size", "written", "severity",
    "finding", "suggestion", "where", "which", "this", "that", "there", "been", "will", "could", "should",
    "only", "each", "every", "than", "first", "last", "total", "name", "kind", "role", "changed", "due",
    "note", "action", "actions", "overdue", "mar", "may", "oct",
]) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class ShownTable:
    where: str  # "table 2 (key)" for messages
    labels: dict[str, str]  # data column -> label shown
    cells: dict[str, list[str]]  # data column -> cell texts as drawn
    numeric: dict[str, list[float | None]]  # data column -> raw numbers (numeric columns only)
    browser_formatted: list[str]  # data columns the browser formats in its own locale


def _decoded_display_values(proto) -> pd.DataFrame | None:
    raw = proto.arrow_data.styler.display_values
    if not raw:
        return None
    return pa.ipc.open_stream(io.BytesIO(raw)).read_all().to_pandas()


_MOMENT = [("YYYY", "%Y"), ("MMMM", "%B"), ("MMM", "%b"), ("MM", "%m"), ("DD", "%d"), ("HH", "%H"), ("mm", "%M"),
           ("ss", "%S"), ("D", "%-d")]


def _moment(value, fmt: str) -> str:
    for token, code in _MOMENT:
        fmt = fmt.replace(token, code)
    return pd.Timestamp(value).strftime(fmt)


def _printf(value: float, fmt: str) -> str:
    """A printf-style format as Streamlit's sprintf-js prints it (no locale)."""
    fmt = fmt.replace("%,", "%")  # sprintf-js has no thousands flag either: it prints the digits
    try:
        return fmt % value
    except (TypeError, ValueError):
        return str(value)


def _default_number(value: float) -> str:
    """An unformatted number as Streamlit draws it: integers as they are, otherwise up to
    four decimals."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _option_label(option) -> tuple[str, str]:
    """A SelectboxColumn option: (value, label shown); a plain option is its own label."""
    if isinstance(option, dict):
        return str(option.get("value")), str(option.get("label", option.get("value")))
    return str(option), str(option)


def _is_missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def shown_tables(at) -> list[ShownTable]:
    """Every table of the run (inside expanders, columns and forms too), as drawn."""
    tables = []
    for number, element in enumerate(at.dataframe):
        proto = element.proto
        data = element.value
        config = json.loads(proto.columns or "{}")
        display = _decoded_display_values(proto)
        order = list(proto.column_order) or [str(c) for c in data.columns]
        editable_table = element.editing_mode != "read_only" and not proto.disabled
        placeholder = proto.placeholder if proto.HasField("placeholder") else "None"
        labels, cells, numeric, browser = {}, {}, {}, []
        for name in order:
            if name not in [str(c) for c in data.columns]:
                continue
            column_config = config.get(name, {})
            if column_config.get("hidden"):
                continue
            position = [str(c) for c in data.columns].index(name)
            values = data.iloc[:, position]
            type_config = column_config.get("type_config", {}) or {}
            kind, fmt = type_config.get("type"), type_config.get("format")
            editable = editable_table and not column_config.get("disabled")
            labels[name] = column_config.get("label") or name
            if kind in ("checkbox", "line_chart", "bar_chart", "area_chart", "image", "link", "list"):
                continue
            shown = []
            is_number = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
            for row, value in enumerate(values.tolist()):
                if _is_missing(value):
                    shown.append(placeholder)
                elif (display is not None and not editable and not fmt
                      and kind in (None, "text", "number", "date", "datetime", "time")):
                    shown.append(str(display.iloc[row, position]))
                elif kind == "selectbox":
                    options = dict(_option_label(o) for o in type_config.get("options") or [])
                    shown.append(str(options.get(str(value), value)))
                elif kind in ("date", "datetime") or isinstance(value, pd.Timestamp):
                    shown.append(_moment(value, fmt) if fmt else str(value))
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    shown.append(_printf(value, fmt) if fmt and fmt not in BROWSER_FORMATS | {"plain"}
                                 else _default_number(value))
                else:
                    shown.append(str(value))
            cells[name] = shown
            if is_number:
                numeric[name] = [None if _is_missing(v) else float(v) for v in values.tolist()]
                if fmt in BROWSER_FORMATS:  # the browser ignores display values where a format is set
                    browser.append(name)
        where = f"table {number + 1}" + (f" ({element.key})" if element.key else "")
        tables.append(ShownTable(where, labels, cells, numeric, browser))
    return tables


def shown_texts(at) -> list[tuple[str, str]]:
    """Every other text a reader sees: metrics (label, value, delta), captions, markdown,
    alerts, headings, expander and tab labels."""
    texts = []
    for metric in at.metric:
        texts += [("metric label", metric.label), ("metric", f"{metric.label}: {metric.value}")]
        if metric.proto.delta:
            texts.append(("metric delta", f"{metric.label}: {metric.proto.delta}"))
    for kind in ("caption", "markdown", "info", "warning", "success", "error", "subheader", "header", "title",
                 "toast"):
        texts += [(kind, str(e.value)) for e in getattr(at, kind)]
    texts += [("expander", e.label) for e in at.expander]
    texts += [("tab", e.label) for e in at.tabs]
    return texts


_NAME_COLUMNS = {
    "contact_days_detail": ["channel", "reason_l1", "reason_l2", "reason_l3", "department", "product", "supplier",
                            "segment"],
    "drivers": ["driver", "dimension_value"], "events": ["name", "note"],
    "pilots": ["name", "hypothesis", "owner", "segment"],
    "actions": ["action", "owner_department", "note"], "import_log": ["file_name", "imported_by"],
    "user_roles": ["user_name", "changed_by"], "mapping_profiles": ["name"],
}


def store_names(store) -> list[str]:
    """The names the store holds (reasons, channels, pilots, ...): data, in whatever
    language they were recorded, longest first so a name is taken out before its parts."""
    names = set()
    with duckdb.connect(str(store), read_only=True) as conn:
        for table, columns in _NAME_COLUMNS.items():
            for column in columns:
                try:
                    names.update(v for (v,) in conn.execute(
                        f"select distinct {column} from {table} where {column} is not null limit 5000").fetchall())
                except duckdb.Error:
                    pass
    return sorted((n for n in names if len(n) > 1), key=len, reverse=True)


# A name quoted as it is written (“Other”, a README heading "Sign-in, roles and security")
# and code (`python -m analytics restore FILE`): not interface words.
QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"]*\"|`[^`]*`")
# Money in the language's one style: "€1,234" in English, "€ 1.234" in Dutch.
FOREIGN_MONEY = {"en": re.compile(r"€\s\d"), "nl": re.compile(r"€\d")}


def _without_names(text: str, names: list[str]) -> str:
    text = QUOTED.sub(" ", text)
    for name in names:
        if name in text:
            text = text.replace(name, " ")
    return text


def text_problems(text: str, language: str, names: list[str]) -> list[str]:
    plain = _without_names(text, names)
    problems = []
    if MISSING_WORDS.search(plain):
        problems.append("a missing value shown as a word")
    if TOO_PRECISE[language].search(plain):
        problems.append("more than two decimals")
    if FOREIGN_DECIMAL[language].search(plain):
        problems.append("the other language's decimal separator")
    if UNSEPARATED.search(plain):
        problems.append("a number without thousands separators")
    if HYPHEN_MINUS.search(plain):
        problems.append("a hyphen-minus as a number's sign (the app writes −)")
    if FOREIGN_MONEY[language].search(plain):
        problems.append("money in the other language's style")
    if language == "nl" and (word := ENGLISH_WORDS.search(plain)):
        problems.append(f"the English word {word.group(0)!r}")
    return problems


# Columns that show what customers wrote, or words taken from it: data, in whatever language
# and form the customer used (an order number, a typo), not the app's words.
CUSTOMER_TEXT_LABELS = {t(key, language=language) for key in ("reasons.col_text", "review.col_text", "review.col_words")
                        for language in ("en", "nl")}


def findings(at, language: str, names: list[str]) -> list[str]:
    """Everything on the run's page that looks unfinished in ``language``, one line per
    place and problem with the first example; [] when none."""
    found: dict[tuple[str, str], str] = {}

    def note(where: str, problem: str, example: str = "") -> None:
        found.setdefault((where, problem), example)

    for table in shown_tables(at):
        for column, label in table.labels.items():
            if SNAKE_CASE.fullmatch(label) or (label == column and RAW_NAME.fullmatch(label)):
                note(table.where, "a raw column name as label", label)
            elif language == "nl" and label not in names and (word := ENGLISH_WORDS.search(label)):
                note(table.where, f"an English column label ({word.group(0)!r})", label)
        for column in table.browser_formatted:
            note(f"{table.where} column {table.labels[column]!r}", "numbers formatted by the browser's locale")
        for column, cells in table.cells.items():
            if column in table.browser_formatted or table.labels[column] in CUSTOMER_TEXT_LABELS:
                continue
            where = f"{table.where} column {table.labels[column]!r}"
            raws = table.numeric.get(column, [None] * len(cells))
            for text, raw in zip(cells, raws):
                if text in names:
                    continue
                for problem in text_problems(text, language, names):
                    note(where, problem, text)
                if raw is not None and abs(raw) >= 1000 and re.search(r"\d{4}", text):
                    note(where, "a number without thousands separators", text)
                if raw is not None and abs(raw) < 1000 and re.search(r"\d[.,]\d{3}", text):
                    note(where, "more than two decimals", text)
    for where, text in shown_texts(at):
        for problem in text_problems(text, language, names):
            note(where, problem, text)
    return [f"{where}: {problem}" + (f" ({example[:120]!r})" if example else "")
            for (where, problem), example in found.items()]


def shown_frame(at, index: int = 0) -> pd.DataFrame:
    """Table ``index`` of the run as drawn: each cell's text, under its data column name."""
    table = shown_tables(at)[index]
    return pd.DataFrame(table.cells)


TOO_MANY_DECIMALS_IN_FILE = re.compile(r"^-?\d+[.,]\d{4,}$")  # a file keeps fractions to 0.001


def export_findings(exports, language: str, names: list[str]) -> list[str]:
    """What the chart-data files (``ui.chart.ChartExport``) of a run would show unfinished: a
    header that is a raw column name (not the store's own names, a driver's for one), or a
    number with more than three decimals."""
    import csv

    found = []
    for export in exports:
        if export.data is None:
            continue
        text = export.csv().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";" if language == "nl" else ","))
        header, body = rows[0], rows[1:]
        for label in header:
            if label not in names and (SNAKE_CASE.fullmatch(label) or RAW_NAME.fullmatch(label)):
                found.append(f"{export.name}.csv: column {label!r} is a raw column name")
        for position, label in enumerate(header):
            example = next((row[position] for row in body if TOO_MANY_DECIMALS_IN_FILE.match(row[position])), None)
            if example is not None:
                found.append(f"{export.name}.csv: column {label!r} has more than three decimals ({example!r})")
    return found
