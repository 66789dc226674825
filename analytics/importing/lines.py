"""File line numbers of rejected rows (the header is line 1).

For a CSV file, row ``r`` (0-based, file order) starts on line
``header_lines + 1 + r + (line breaks inside quoted fields of rows before r)``. When the
file has exactly one line per row, there are no such breaks and nothing is read again;
otherwise the breaks are counted in a second DuckDB pass. DuckDB skips blank lines without
a trace, so the count is checked against the file's real number of lines; when they still
differ (blank lines inside the file, or old Mac line ends) the lines are counted again by
walking the file with Python's ``csv`` reader. Worksheet rows carry their
Excel row number; Parquet row ``r`` is reported as line ``r + 2``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from analytics.importing.reading import csv_rows
from analytics.importing.sources import Source
from analytics.importing.staging import BROKEN_TABLE, LEFT_OUT, STAGE_TABLE

REJECT_COLUMNS = ["line", "column", "value", "reason"]
BREAKS_TABLE = "_import_breaks"


def rejects_frame(cur: duckdb.DuckDBPyConnection, source: Source, mapping: dict[str, str],
                  *, whole_file: bool) -> pd.DataFrame:
    """The rejected rows as ``line, column, value, reason``, in file order: those of
    ``_import_rows`` and the lines that could not be parsed (``_import_broken``, ``column``
    empty, ``value`` the line as read).

    ``column`` is the file's column name; ``whole_file`` says whether every row was read
    (a preview reads only the first ones).
    """
    rows = cur.execute(
        f"select rowid, reject_field, reject_value, reject_reason from {STAGE_TABLE}"
        f" where reject_reason is not null and reject_field <> '{LEFT_OUT}' order by rowid"
    ).fetchall()
    broken = cur.execute(f"select record, value, reason from {BROKEN_TABLE} order by record").fetchall()
    if not rows and not broken:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "line" else "object") for c in REJECT_COLUMNS})
    records = [r[0] for r in rows]
    if source.file_type == "xlsx":
        lines = [source.sheet_rows[r] for r in records]
    elif source.file_type == "parquet":
        lines = [r + 2 for r in records]
    elif broken:  # the parsed rows' positions skip the broken records: walk the file
        positions = all_record_positions(records, [b[0] for b in broken])
        walked = _walked_lines(source, positions + [b[0] for b in broken])
        lines, broken_lines = walked[:len(records)], walked[len(records):]
    elif whole_file and (before := _breaks_before_rejects(cur, source)) is not None:
        lines = [source.header_lines + 1 + r + b for r, b in zip(records, before)]
    else:
        lines = _walked_lines(source, records)
    frame = pd.DataFrame({
        "line": pd.Series(lines, dtype="int64"),
        "column": [_column_name(mapping, r[1]) for r in rows],
        "value": [r[2] for r in rows],
        "reason": [r[3] for r in rows],
    })
    if broken:
        unparsed = pd.DataFrame({"line": pd.Series(broken_lines, dtype="int64"), "column": [""] * len(broken),
                                 "value": [b[1] for b in broken], "reason": [b[2] for b in broken]})
        frame = pd.concat([frame, unparsed], ignore_index=True).sort_values("line", kind="stable",
                                                                              ignore_index=True)
    return frame


def _column_name(mapping: dict[str, object], field: str) -> str:
    column = mapping.get(field, field)
    return " + ".join(column) if isinstance(column, (list, tuple)) else str(column)


def all_record_positions(parsed: list[int], broken: list[int]) -> list[int]:
    """The positions among all of the file's records of the parsed rows ``parsed`` (their
    positions among the parsed rows only), given the positions of the ``broken`` records.

    Examples
    --------
    Records 1 and 3 broken: parsed rows 0, 1, 2 are records 0, 2, 4.
    """
    broken_sorted = sorted(broken)
    result, b, skipped = [], 0, 0
    for row in parsed:  # ascending
        while b < len(broken_sorted) and broken_sorted[b] <= row + skipped:
            skipped += 1
            b += 1
        result.append(row + skipped)
    return result


def _breaks_before_rejects(cur: duckdb.DuckDBPyConnection, source: Source) -> list[int] | None:
    """For each rejected row (in file order), the line breaks inside quoted fields of the
    rows before it; ``None`` when the file's line count does not fit (blank lines).

    Most files have no such breaks: then the file's lines are the header's plus one per
    row, and nothing is read again. Otherwise the breaks are counted in a second pass.
    """
    records = cur.execute(f"select count(*) from {STAGE_TABLE}").fetchall()[0][0]
    lines = _content_lines(Path(source.read_path))
    if source.header_lines + records == lines:
        rejected = cur.execute(f"select count(*) from {STAGE_TABLE} where reject_reason is not null"
                               f" and reject_field <> '{LEFT_OUT}'").fetchall()[0][0]
        return [0] * rejected
    relation, params = source.relation(line_breaks=True)
    try:
        cur.execute(f"create or replace temp table {BREAKS_TABLE} as select nl from ({relation})", params)
        breaks = cur.execute(f"select count(*), coalesce(sum(nl), 0) from {BREAKS_TABLE}").fetchall()[0]
        if breaks[0] != records or source.header_lines + records + int(breaks[1]) != lines:
            return None
        before = cur.execute(
            f"""
            with marks as (
                select rowid as r, nl, false as rejected from {BREAKS_TABLE} where nl > 0
                union all
                select rowid as r, 0 as nl, true as rejected from {STAGE_TABLE}
                where reject_reason is not null and reject_field <> '{LEFT_OUT}'),
            rows as (select r, sum(nl) as nl, bool_or(rejected) as rejected from marks group by r)
            select coalesce(sum(nl) over (order by r rows between unbounded preceding and 1 preceding), 0)
            from rows qualify rejected order by r
            """
        ).fetchall()
    finally:
        cur.execute(f"drop table if exists {BREAKS_TABLE}")
    return [int(b[0]) for b in before]


def _content_lines(path: Path) -> int:
    """Lines in a text file, not counting blank lines at its end."""
    newlines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(16 << 20):
            newlines += chunk.count(b"\n")
        handle.seek(max(0, path.stat().st_size - 65536))
        tail = handle.read()
    stripped = tail.rstrip(b"\r\n")
    trailing = tail[len(stripped):].count(b"\n")
    return newlines - trailing + (1 if stripped else 0)


def _walked_lines(source: Source, records: list[int]) -> list[int]:
    """Start lines of data rows ``records`` found by reading the file from the top."""
    wanted = set(records)
    found: dict[int, int] = {}
    last_line = 0
    record = -1 - source.skip  # the header is record -1, a `sep=` line before it -2
    with Path(source.read_path).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv_rows(handle, source.settings.delimiter or ",")
        for row in reader:
            start, last_line = last_line + 1, reader.line_num
            if not row:
                continue
            if record in wanted:
                found[record] = start
                if len(found) == len(wanted):
                    break
            record += 1
    return [found.get(r, 0) for r in records]
