"""One pass over the export: every row read, typed and checked, into a temporary table.

``_import_rows`` (temporary, on the importing cursor) has one row per data row of the
file, in file order (its ``rowid`` is the row's position), with every target field of the
import kind typed, and ``reject_field`` / ``reject_value`` / ``reject_reason`` filled for
a row that must not be stored: the *first* problem in field order. Line breaks inside
quoted fields are counted later, only when a rejected row needs its line (see ``lines``).
"""

from __future__ import annotations

import re
import uuid
from datetime import date

import duckdb

from analytics import formatting
from analytics.i18n import t
from analytics.importing.conversion import FIELD_KINDS, SQL_TYPES, detected_decimal, timestamp_sql, typed_sql
from analytics.importing.dates import EARLIEST, AmbiguousDates, DateReading, chosen_reading, latest_plausible
from analytics.importing.units import UNIT_FACTORS, unit_in_name
from analytics.importing.reading import delimiter_name, delimiter_plural
from analytics.importing.settings import (
    DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, ImportRefused, ImportSettings, fields_of, quoted, required_fields_of,
)
from analytics.importing.sources import Source, has_stray_returns
from analytics.text_reasons.masking import masking_sql

STAGE_TABLE = "_import_rows"
ISO_DATE = "%Y-%m-%d %H:%M:%S"
SAMPLE_ROWS = 2000
_NUMERIC_KINDS = ("number", "duration", "score", "scale")
_PARAMETER = re.compile(r"\$([a-z_][a-z0-9_]*)")


class NotUtf8(Exception):
    """The file turned out not to be UTF-8 after its first megabyte (retry as cp1252)."""


class StrayReturns(Exception):
    """A carriage return ends no line inside a row (retry reading them as spaces)."""


def refusal_for(exc: duckdb.Error, source: Source, encoding_given: bool) -> Exception:
    """A manager-readable refusal for DuckDB's complaint about a CSV file's structure;
    any other error is returned unchanged (it is a bug, not a bad file)."""
    message = str(exc)
    if isinstance(exc, duckdb.InvalidInputException) and "state machine reached an invalid state" in message:
        # A carriage return inside an unquoted field, a quote inside an unquoted field, or
        # text after a closing quote (strict mode).
        if source.file_type == "csv" and source.read_path == source.path and has_stray_returns(source.path):
            return StrayReturns()
        return ImportRefused(t("errors.import_stray_quote", file=source.path.name,
                               delimiter=delimiter_name(source.settings.delimiter or ",")))
    if not isinstance(exc, duckdb.InvalidInputException) or "CSV Error" not in message:
        return exc
    found = re.search(r"CSV Error on Line: (\d+)", message)
    # DuckDB counts lines from after the skipped ``sep=`` line.
    where = (t("errors.import_line", line=formatting.count(int(found.group(1)) + source.skip)) if found
             else t("errors.import_a_line"))
    if "Invalid unicode" in message:
        if not encoding_given:
            return NotUtf8()
        return ImportRefused(t("errors.import_line_encoding", where=where, file=source.path.name,
                               encoding=source.settings.encoding))
    counts = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", message)
    if counts:
        return ImportRefused(t("errors.import_line_fields", where=where, found=formatting.count(int(counts.group(2))),
                               expected=formatting.count(int(counts.group(1))),
                               delimiter=delimiter_name(source.settings.delimiter or ",")))
    if "unterminated quote" in message:
        return ImportRefused(t("errors.import_line_quote", where=where))
    first = message.split("\n")[0].replace("Invalid Input Error: ", "")
    return ImportRefused(t("errors.import_unreadable", file=source.path.name, detail=first))


def _values(rows: list[tuple], position: int) -> list[str]:
    return [r[position] for r in rows if r[position] is not None]


ID_FIELDS = ("contact_id", "customer_id", "order_id")
# Exports write an unknown customer or order as 0, a dash or a word: that is no id at all
# (counted as one customer it would make every anonymous caller a repeat contact).
UNKNOWN_MEANS_EMPTY = ("customer_id", "order_id")
UNKNOWN_WORDS = ("0", "-", "--", "n/a", "na", "#n/a", "unknown", "onbekend", "null", "none", "nvt", "n.v.t.")


def _spread_values(cur: duckdb.DuckDBPyConnection, source: Source, expr: str) -> list[str]:
    """Up to 5,000 values of one field from across the whole file (a reservoir sample)."""
    relation, params = source.relation(line_breaks=False, broken_lines=(errors := _broken_table_name()))
    used = sorted({int(k) for k in re.findall(r"v(\d+)", expr)})
    clean = ", ".join(f"nullif(trim(c{k}), '') as v{k}" for k in used)
    try:
        rows = cur.execute(f"select {expr} from (select {clean} from ({relation})) where {expr} is not null"
                           " using sample reservoir(5000 rows) repeatable (7)", params).fetchall()
    finally:
        _drop_broken_tables(cur, errors)
    return [row[0] for row in rows]


TEXT_SEPARATOR = " — "  # between the parts of a joined text: "Subject — first line of the message"


def join_separator(field: str) -> str:
    """What joins a field's columns: ``-`` for ids (``AA0101-34536``), `` — `` for a text
    (subject and message), a space for anything else (a date and its time)."""
    return "-" if field in ID_FIELDS else TEXT_SEPARATOR if field == "text" else " "


def joined_sql(field: str, parts: tuple[int, ...]) -> str:
    """SQL for a field's value from its columns' cleaned values (``v<position>``): one
    column as it is; several joined with :func:`join_separator`, empty parts left out;
    empty when every part is empty."""
    if len(parts) == 1:
        return f"v{parts[0]}"
    return f"nullif(concat_ws('{join_separator(field)}', {', '.join(f'v{k}' for k in parts)}), '')"


def _joined_values(rows: list[tuple], slots: list[int], field: str) -> list[str]:
    separator = join_separator(field)
    joined = (separator.join(str(r[i]) for i in slots if r[i] is not None) for r in rows)
    return [v for v in joined if v]


def stage_rows(cur: duckdb.DuckDBPyConnection, source: Source, kind: str, settings: ImportSettings,
               positions: dict[str, tuple[int, ...]], *, encoding_given: bool, limit: int | None = None,
               database: str | None = None) -> ImportSettings:
    """Fill ``_import_rows`` from ``source``; return the settings used (formats detected).

    Parameters
    ----------
    positions
        Mapped field -> positions of its columns, from ``checked_mapping`` (fields set to
        one value are in ``settings.constants``).
    limit
        Read only the first rows (previews).
    database
        An attached scratch database to hold ``_import_rows`` as an ordinary table (written
        to disk as it fills, see ``pipeline.staged_import``); ``None`` makes it a temporary table.

    Raises
    ------
    ImportRefused
        When the file has no data rows, its structure is mostly broken, or its date column
        cannot be read (or can be read in two ways: ``AmbiguousDates``).
    NotUtf8
        When text that looked like UTF-8 is not (the caller retries as cp1252).
    """
    source.register(cur)
    is_csv = source.file_type == "csv"
    sample_errors = _broken_table_name() if is_csv else None
    relation, params = source.relation(limit, line_breaks=False, broken_lines=sample_errors)
    kept = _only_positions(source, settings.only)
    used = sorted({k for parts in positions.values() for k in parts} | set(kept))
    columns = ", ".join(f"nullif(trim(c{k}), '')" for k in used) or "1"
    try:
        sample = cur.execute(f"select {columns} from ({relation}) limit {SAMPLE_ROWS}", params).fetchall()
    except duckdb.Error as exc:
        raise refusal_for(exc, source, encoding_given) from None
    finally:
        _drop_broken_tables(cur, sample_errors)
    if not sample and not is_csv:
        raise ImportRefused(t("errors.import_no_rows", file=source.path.name))
    errors = _broken_table_name() if is_csv else None
    relation, params = source.relation(limit, line_breaks=False, broken_lines=errors)
    slot = {k: i for i, k in enumerate(used)}
    constants = settings.constants or {}
    values = {field: joined_sql(field, parts) for field, parts in positions.items()}
    for field in UNKNOWN_MEANS_EMPTY:
        if field in values:
            values[field] = (f"(case when list_contains($unknown_words, lower({values[field]})) then null"
                             f" else {values[field]} end)")
    values.update({field: f"$const_{field}" for field in constants if field not in positions})
    samples = {field: _joined_values(sample, [slot[k] for k in parts], field) for field, parts in positions.items()}
    units = {**{f: unit_in_name(" + ".join(source.columns[k] for k in positions[f]))
                for f in positions if FIELD_KINDS[f] == "duration"}, **(settings.units or {})}
    units = {f: unit for f, unit in units.items() if unit and f in positions}
    date_field = next((f for f in positions if FIELD_KINDS[f] in ("timestamp", "date")), None)
    fmt = settings.date_format
    rivals: list[DateReading] = []  # other readings the first rows allow; the whole file decides
    date_values = samples.get(date_field, []) if date_field else []
    if date_field and not fmt and date_values:
        column = " + ".join(source.columns[k] for k in positions[date_field])
        try:
            fmt = chosen_reading(cur, date_values, column).format
        except AmbiguousDates as ambiguous:
            fmt, rivals = ambiguous.readings[0].format, list(ambiguous.readings[1:])
            first_rows_ambiguous = ambiguous
            if limit is not None:  # a preview reads a few rows: let rows from the whole file decide
                fmt = chosen_reading(cur, _spread_values(cur, source, values[date_field]), column).format
                rivals = []
    fmt = fmt or ISO_DATE  # nothing to read the format from: the checks after staging say why
    decimal = settings.decimal
    if not decimal:
        numbers = [v for f in positions if FIELD_KINDS[f] in _NUMERIC_KINDS for v in samples[f]]
        decimal = detected_decimal(numbers, source.settings.delimiter)
    true_words = settings.true_values or DEFAULT_TRUE_VALUES
    false_words = settings.false_values or DEFAULT_FALSE_VALUES
    sql, reasons = staging_sql(kind, relation, values, used, decimal, fmt, true_words, false_words,
                               database=database, rivals=[r.format for r in rivals], units=units,
                               kept=list(kept))
    given = {**params, **reasons, **{f"const_{f}": v for f, v in constants.items()},
             **{f"only_{k}": [w.strip().lower() for w in words] for k, words in kept.items()},
             "date_format": fmt or "", "true_words": list(true_words), "unknown_words": list(UNKNOWN_WORDS),
             "false_words": list(false_words), "earliest": EARLIEST, "latest": latest_plausible(date.today()),
             **{f"rival_{i}": r.format for i, r in enumerate(rivals)}}
    try:
        cur.execute(sql, {name: given[name] for name in set(_PARAMETER.findall(sql))})
        keep_broken_lines(cur, source, errors, encoding_given, limit)
    except duckdb.Error as exc:
        raise refusal_for(exc, source, encoding_given) from None
    finally:
        _drop_broken_tables(cur, errors)
    if rivals:
        settled = settled_reading(cur, date_field, fmt, rivals, first_rows_ambiguous)
        if settled != fmt:  # later rows show the first rows' preferred reading was wrong: read again
            return stage_rows(cur, source, kind, settings.with_changes(date_format=settled), positions,
                              encoding_given=encoding_given, limit=limit, database=database)
    if date_field:
        refuse_unreadable_dates(cur, " + ".join(source.columns[k] for k in positions[date_field]), date_field,
                                reasons, fmt)
    return settings.with_changes(date_format=fmt, decimal=decimal, true_values=tuple(true_words),
                                 false_values=tuple(false_words), units=units or None)


BROKEN_TABLE = "_import_broken"
LEFT_OUT = "_left_out"  # the reject_field of a row the user chose not to import ("only")


def _only_positions(source: Source, only: dict[str, list[str]] | None) -> dict[int, list[str]]:
    """Column position -> the values a row must have there (``ImportSettings.only``).

    Raises
    ------
    ImportRefused
        When a column named there is not in the file.
    """
    kept = {}
    for column, words in (only or {}).items():
        if column not in source.columns:
            raise ImportRefused(t("errors.import_only_column", column=quoted(column)))
        kept[source.columns.index(column)] = list(words)
    return kept


def _broken_table_name() -> str:
    return f"_import_unparsed_{uuid.uuid4().hex[:12]}"


def _drop_broken_tables(cur: duckdb.DuckDBPyConnection, name: str | None) -> None:
    if name:
        cur.execute(f"drop table if exists {name}")
        cur.execute(f"drop table if exists {name}_scans")


def keep_broken_lines(cur: duckdb.DuckDBPyConnection, source: Source, errors: str | None, encoding_given: bool,
                      limit: int | None) -> None:
    """Move the records DuckDB could not parse into ``_import_broken`` (``record``: the
    record's position among all records of the file, 0 for the first after the header;
    ``value``: the line as read; ``reason``: why, in the active language). They count as
    rejected rows, with their line numbers (see ``lines``).

    Raises
    ------
    NotUtf8
        When bytes turned out not to be UTF-8 and the encoding was detected (retry).
    ImportRefused
        When the encoding was given and does not fit, or more than half of the file's
        records (or all of them) cannot be read: then the delimiter or the file is wrong,
        and taking the rest would hide that.
    """
    cur.execute(f"create or replace temp table {BROKEN_TABLE} (record bigint, value varchar, reason varchar)")
    if not errors:
        return
    found = cur.execute(
        f"select line, min(error_type), min(csv_line), min(error_message) from {errors} group by line order by line"
    ).fetchall() if _exists(cur, errors) else []
    if not found:
        if not cur.execute(f"select count(*) from {STAGE_TABLE}").fetchall()[0][0]:
            raise ImportRefused(t("errors.import_no_rows", file=source.path.name))
        return
    first_line = t("errors.import_line", line=formatting.count(int(found[0][0])))
    if any("ENCODING" in str(kind) or "UNICODE" in str(kind) for _, kind, _, _ in found):
        if not encoding_given:
            raise NotUtf8()
        raise ImportRefused(t("errors.import_line_encoding", where=first_line, file=source.path.name,
                              encoding=source.settings.encoding))
    rows = [(int(line) - 2 - source.skip, str(value or "")[:200], _broken_reason(str(kind), str(message or ""), source))
            for line, kind, value, message in found]
    good = cur.execute(f"select count(*) from {STAGE_TABLE}").fetchall()[0][0]
    if len(rows) * 2 > len(rows) + good or not good:
        raise ImportRefused(t("errors.import_mostly_broken", file=source.path.name, broken=formatting.count(len(rows)),
                              rows=formatting.count(len(rows) + good), where=first_line, reason=rows[0][2],
                              delimiter=delimiter_plural(source.settings.delimiter or ",")))
    cur.executemany(f"insert into {BROKEN_TABLE} values (?, ?, ?)", rows)


def _exists(cur: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(cur.execute("select count(*) from duckdb_tables() where table_name = $t", {"t": table}).fetchall()[0][0])


def _broken_reason(kind: str, message: str, source: Source) -> str:
    counts = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", message)
    if counts:
        return t("errors.import_broken_fields", found=formatting.count(int(counts.group(2))),
                 expected=formatting.count(int(counts.group(1))),
                 delimiter=delimiter_plural(source.settings.delimiter or ","))
    if "MISSING COLUMNS" in kind or "TOO FEW" in kind:
        return t("errors.import_broken_fields_few", delimiter=delimiter_plural(source.settings.delimiter or ","))
    if "QUOTE" in kind or "UNQUOTED" in kind or "quote" in message:
        return t("errors.import_broken_quote")
    if "LINE SIZE" in kind:
        return t("errors.import_broken_too_long")
    return t("errors.import_broken_other")


def settled_reading(cur: duckdb.DuckDBPyConnection, field: str, fmt: str, rivals: list[DateReading],
                    ambiguous: AmbiguousDates) -> str:
    """The date format the whole file supports, when its first rows allowed several: the
    readings that read as many values as the staged one, with plausible dates, are kept;
    one left is the answer, more that give different dates remain ambiguous. The rival
    columns (``_rival_N``) are dropped from ``_import_rows``.

    Raises
    ------
    AmbiguousDates
        When the whole file still allows readings that give different dates.
    """
    stats = ", ".join(f"count(_rival_{i}), min(_rival_{i}), max(_rival_{i}),"
                      f" count(*) filter (where _rival_{i} is distinct from {field})" for i in range(len(rivals)))
    row = cur.execute(f"select count({field}), {stats} from {STAGE_TABLE}").fetchall()[0]
    read, latest = row[0], latest_plausible(date.today())
    survivors = []  # (format, values read): plausible readings that give other dates
    for i, rival in enumerate(rivals):
        count, first, last, differs = row[1 + 4 * i: 5 + 4 * i]
        if first is not None and first >= EARLIEST and last < latest and count >= read and differs:
            survivors.append((rival.format, count))
    for i in range(len(rivals)):
        cur.execute(f"alter table {STAGE_TABLE} drop column _rival_{i}")
    reads_more = [f for f, count in survivors if count > read]
    if reads_more:
        return reads_more[0]
    if survivors:
        raise ambiguous
    return fmt


def refuse_unreadable_dates(cur: duckdb.DuckDBPyConnection, column: str, field: str,
                            reasons: dict[str, str], fmt: str | None) -> None:
    """Refuse a file whose date column is empty, or unreadable in more than half the rows.

    Raises
    ------
    ImportRefused
        Then the format (or the mapping) is wrong: rejecting half the file would hide that.
    """
    rows, bad, empty = cur.execute(
        f"select count(*), count(*) filter (where reject_field = $f and reject_reason = $bad),"
        f" count(*) filter (where reject_field = $f and reject_reason = $missing) from {STAGE_TABLE}",
        {"f": field, "bad": reasons[f"r_{field}_bad"], "missing": reasons[f"r_{field}_missing"]},
    ).fetchall()[0]
    if rows and empty == rows:
        raise ImportRefused(t("errors.import_column_empty", column=quoted(column), field=repr(field)))
    if bad * 2 > rows:
        raise ImportRefused(t("errors.import_dates_bad", bad=formatting.count(bad), rows=formatting.count(rows),
                               column=quoted(column), format=fmt))


def trimmed_sql(value: str) -> str:
    """SQL for ``value`` without surrounding white space: spaces, Unicode spaces such as the
    no-break space (``trim``), and tabs and line breaks (which ``trim`` keeps, so a quoted
    cell holding only a line break would otherwise be a reason nobody can see). Trimming
    costs several times the check, so it only runs on values that start or end with a space,
    hold a tab or line break, or hold any non-ASCII character."""
    return (f"(case when starts_with({value}, ' ') or ends_with({value}, ' ') or strlen({value}) <> length({value})"
            f" or contains({value}, chr(9)) or contains({value}, chr(10)) or contains({value}, chr(13))"
            f" then trim(trim(trim({value}), chr(9) || chr(10) || chr(13) || ' ')) else {value} end)")


def staging_sql(kind: str, relation: str, values: dict[str, str], used: list[int], decimal: str, fmt: str | None,
                true_words: tuple[str, ...], false_words: tuple[str, ...], database: str | None = None,
                rivals: list[str] | None = None, units: dict[str, str] | None = None,
                kept: list[int] | None = None) -> tuple[str, dict[str, str]]:
    """The ``create temp table _import_rows`` statement (``create table
    <database>._import_rows`` with a scratch database) and its parameters: the reasons'
    texts and the masking's patterns. ``text_masked`` tells whether masking changed a row's
    text.

    Identifiers are field names from ``fields_of(kind)``, generated column names and the
    scratch database's generated name only.
    """
    required = set(required_fields_of(kind))
    masked_flag = "false"  # whether masking changed the row's text (no text mapped: never)
    clean = ", ".join(f"nullif({trimmed_sql(f'c{k}')}, '') as v{k}" for k in used) or "1 as _none"
    joined = [f"{expr} as j_{field}" for field, expr in values.items() if not re.fullmatch(r"v\d+", expr)]
    typed, checks, reasons = [], [], {}
    for field in fields_of(kind):
        field_kind = FIELD_KINDS[field]
        if field not in values:
            empty = "''" if field_kind == "path" else "null"
            typed.append(f"{empty}::{SQL_TYPES[field_kind]} as {field}")
            continue
        value = values[field] if re.fullmatch(r"v\d+", values[field]) else f"j_{field}"
        factor = UNIT_FACTORS[(units or {}).get(field, "seconds")]
        if field_kind == "free_text":  # personal data never reaches the store (text_reasons.masking)
            masked, mask_params = masking_sql(value)
            reasons.update(mask_params)
            typed.append(f"{masked}::varchar as {field}")
            masked_flag = f"coalesce({field} is distinct from {value}, false)"
        else:
            typed.append(f"{typed_sql(field_kind, value, decimal, fmt, factor)}::{SQL_TYPES[field_kind]} as {field}")
        cases = []  # the checks of one field, in order; each names its reason parameter
        if field in required:
            reasons[f"r_{field}_missing"] = f"{field} is required but empty"
            cases.append(f"when {value} is null then $r_{field}_missing")
        if field_kind not in ("text", "free_text", "path"):
            reasons[f"r_{field}_bad"] = _bad_reason(field_kind, decimal, fmt, true_words, false_words)
            cases.append(f"when {value} is not null and {field} is null then $r_{field}_bad")
        if field_kind in ("timestamp", "date"):
            reasons[f"r_{field}_early"] = t("errors.import_date_too_early")
            reasons[f"r_{field}_late"] = t("errors.import_date_too_late")
            cases.append(f"when {field} < $earliest then $r_{field}_early")
            cases.append(f"when {field} >= $latest then $r_{field}_late")
            for i, rival in enumerate(rivals or []):
                typed.append(f"{timestamp_sql(value, f'rival_{i}', rival)}::timestamp as _rival_{i}")
        if field_kind in ("duration", "score"):
            reasons[f"r_{field}_negative"] = "negative; must be 0 or more"
            cases.append(f"when {field} < 0 then $r_{field}_negative")
        if field_kind == "scale":
            reasons[f"r_{field}_zero"] = "a scale must be more than 0"
            cases.append(f"when {field} <= 0 then $r_{field}_zero")
        if cases:
            checks.append((field, value, f"case {' '.join(cases)} end"))
    # Required fields are always mapped (``checked_mapping``), so there is always a check.
    errors = ", ".join(f"{expr} as e_{field}" for field, _, expr in checks)
    left_out = " or ".join(f"not coalesce(list_contains($only_{k}, lower(v{k})), false)" for k in kept or [])
    first = f"when {left_out} then '{LEFT_OUT}' " if left_out else ""
    reject_field = first + " ".join(f"when e_{f} is not null then '{f}'" for f, _, _ in checks)
    reject_value = (f"when {left_out} then '' " if left_out else "") + " ".join(
        f"when e_{f} is not null then coalesce({v}, '')" for f, v, _ in checks)
    reject_reason = (f"case when {left_out} then 'left out' end, " if left_out else "") + ", ".join(
        f"e_{f}" for f, _, _ in checks)
    sql = f"""
        create or replace {f"table {database}.{STAGE_TABLE}" if database else f"temp table {STAGE_TABLE}"} as
        with src as ({relation}),
        clean as (select {clean} from src),
        joined as (select *{''.join(f", {j}" for j in joined)} from clean),
        typed as (select *, {', '.join(typed)} from joined),
        checked as (select *, {errors} from typed)
        select {', '.join(fields_of(kind))},{''.join(f" _rival_{i}," for i in range(len(rivals or [])))}
               {masked_flag} as text_masked,
               case {reject_field} end as reject_field,
               case {reject_value} end as reject_value,
               coalesce({reject_reason}, null)::varchar as reject_reason
        from checked
    """
    return sql, reasons


def _bad_reason(kind: str, decimal: str, fmt: str | None, true_words: tuple[str, ...],
                false_words: tuple[str, ...]) -> str:
    if kind in ("timestamp", "date"):
        return f"not a date in the format {fmt}"
    if kind == "duration":
        return f"not a number of seconds (decimal mark '{decimal}') or h:mm:ss"
    if kind == "boolean":
        return f"not a yes/no word (yes: {'/'.join(true_words)}; no: {'/'.join(false_words)})"
    return f"not a number (decimal mark '{decimal}')"
