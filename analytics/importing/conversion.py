"""Text to typed values, as SQL expressions over a whole column, and format detection.

Every expression takes a trimmed, non-empty text value (``NULL`` for an empty cell) and
returns ``NULL`` when the text cannot be read; the staging query turns that ``NULL`` into a
rejected row, so no value is ever silently dropped.

Dates and times. ``date_format`` is a ``strptime`` format (found by ``dates``). Without
``%z`` a value is stored as written (the export's own wall-clock time). With ``%z`` the
value carries a UTC offset (``+00:00``, ``+0200``, ``+02`` or ``Z``) and is converted to
UTC, then stored without offset: the store holds naive timestamps.

Numbers. The decimal mark is ``.`` or ``,``; the other mark is accepted only as a
thousands separator in groups of three (``1.234,5`` with a comma decimal mark). ``inf``,
``nan``, hex and ``1_000`` are not numbers. Durations (handle and wait time) may also be
written ``h:mm:ss`` or ``m:ss``.
"""

from __future__ import annotations

import re

import duckdb


FIELD_KINDS: dict[str, str] = {
    "contact_id": "text", "started_at": "timestamp", "channel": "text", "reason_l1": "text",
    "reason_l2": "path", "reason_l3": "path", "customer_id": "text", "order_id": "text",
    "department": "text", "product": "text", "supplier": "text", "segment": "text",
    "handle_seconds": "duration", "wait_seconds": "duration", "resolved": "boolean",
    "csat": "score", "csat_scale": "scale", "text": "free_text",
    "day": "date", "value": "number", "dimension": "path", "dimension_value": "path",
}
SQL_TYPES = {"text": "varchar", "free_text": "varchar", "path": "varchar", "timestamp": "timestamp", "date": "date",
             "number": "double", "duration": "double", "score": "double", "scale": "double",
             "boolean": "boolean"}

_NUMBER = r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"


def timestamp_sql(value: str, fmt_param: str, fmt: str) -> str:
    """SQL turning text ``value`` into a naive timestamp with the format in ``$fmt_param``
    (a format with ``%z`` reads an offset and gives the time in UTC)."""
    if "%z" in fmt:
        return (f"make_timestamp(epoch_us(try_strptime(regexp_replace({value}, '[zZ]$', '+00:00'),"
                f" ${fmt_param})))")
    return f"try_strptime({value}, ${fmt_param})"


def number_sql(value: str, decimal: str) -> str:
    """SQL turning text ``value`` into a double, given the decimal mark (see module notes).

    Written for speed on millions of rows: the thousands-separator pattern is tried only on
    values that contain the other mark, so a value costs one regular expression.
    ``tests/test_import_conversion_speed.py`` holds it to the longer form it replaces.
    """
    other = "." if decimal == "," else ","
    if decimal == ",":
        grouped = f"replace(replace({value}, '.', ''), ',', '.')"
        plain = f"replace({value}, ',', '.')"
        pattern = "[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?"
    else:
        grouped = f"replace({value}, ',', '')"
        plain = value
        pattern = "[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?"
    normal = (f"(case when contains({value}, '{other}') and regexp_full_match({value}, '{pattern}')"
              f" then {grouped} else {plain} end)")
    return f"(case when regexp_full_match({normal}, '{_NUMBER}') then cast({normal} as double) end)"


def duration_sql(value: str, decimal: str, factor: float = 1.0) -> str:
    """SQL for seconds written as a number (of seconds, or of minutes or hours: ``factor``
    60 or 3600), ``h:mm:ss`` or ``m:ss``."""
    number = number_sql(value, decimal) if factor == 1.0 else f"({number_sql(value, decimal)} * {float(factor)!r})"
    return (
        f"(case when not contains({value}, ':') then {number}"
        f" when regexp_full_match({value}, '\\d+:\\d{{2}}:\\d{{2}}')"
        f" then split_part({value}, ':', 1)::double * 3600 + split_part({value}, ':', 2)::double * 60"
        f" + split_part({value}, ':', 3)::double"
        f" when regexp_full_match({value}, '\\d+:\\d{{2}}')"
        f" then split_part({value}, ':', 1)::double * 60 + split_part({value}, ':', 2)::double end)"
    )


def typed_sql(kind: str, value: str, decimal: str, fmt: str | None, factor: float = 1.0) -> str:
    """The typed value of a field of ``kind`` (see ``FIELD_KINDS``); parameters used:
    ``$date_format``, ``$true_words``, ``$false_words``. ``factor`` turns a duration's plain
    numbers into seconds (60 for minutes). Free text is masked by the staging query, which
    also counts what the masking changed."""
    if kind in ("text", "free_text"):
        return value
    if kind == "path":
        return f"coalesce({value}, '')"
    if kind == "timestamp":
        return timestamp_sql(value, "date_format", fmt or "")
    if kind == "date":
        return f"({timestamp_sql(value, 'date_format', fmt or '')})::date"
    if kind == "duration":
        return duration_sql(value, decimal, factor)
    if kind in ("number", "score", "scale"):
        return number_sql(value, decimal)
    if kind == "boolean":
        return (f"(case when list_contains($true_words, lower({value})) then true"
                f" when list_contains($false_words, lower({value})) then false end)")
    raise ValueError(f"unknown field kind {kind!r}")


def detected_decimal(values: list[str], delimiter: str | None = None) -> str:
    """``","`` when the sampled numbers use a decimal comma, else ``"."``.

    A value with both marks decides by the last one (``1.234,5`` -> comma). Otherwise only
    unambiguous values count (``245,5`` is a comma decimal, ``1,234`` could be a thousands
    separator): commas win when they are in the majority. When all values are ambiguous, a
    semicolon-delimited file (the European habit) reads commas as decimal marks.
    """
    comma = point = ambiguous_comma = 0
    for value in values:
        if "," in value and "." in value:
            return "," if value.rfind(",") > value.rfind(".") else "."
        comma += bool(re.fullmatch(r"[+-]?\d+,(\d{1,2}|\d{4,})", value))
        point += bool(re.fullmatch(r"[+-]?\d+\.(\d{1,2}|\d{4,})", value))
        ambiguous_comma += bool(re.fullmatch(r"[+-]?\d+,\d{3}", value))
    if comma or point:
        return "," if comma > point else "."
    return "," if ambiguous_comma and delimiter == ";" else "."
