"""An export opened for DuckDB: one SQL relation of text columns ``c0..cN`` in file order.

CSV files are parsed by DuckDB's ``read_csv`` with every option spelled out (no sniffing):
all columns as text, RFC 4180 quotes (``"`` doubled inside a quoted field), header on, and
strict mode, so a row with too many or too few fields stops the import with its line
number instead of being padded or skipped. Text that is not UTF-8 is first copied to a
temporary UTF-8 file. Each CSV row can also carry ``nl``, the number of line breaks inside
its quoted fields, from which file line numbers are computed (see ``lines``).
"""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from analytics import formatting
from analytics.i18n import t
from analytics.importing.reading import MAX_FIELD_CHARS, checked_size, file_type, text_layout, unique_names
from analytics.importing.settings import ImportRefused, ImportSettings
from analytics.importing.xlsx import read_sheet

SHEET_VIEW = "_import_sheet"
MAX_LINE_BYTES = MAX_FIELD_CHARS
_NATIVE_ENCODINGS = ("utf-8", "utf-8-sig")


@dataclass
class Source:
    """An opened export: its columns, the settings it is read with, and how to scan it."""

    path: Path
    file_type: str
    columns: list[str]
    settings: ImportSettings
    header_lines: int = 1  # lines before the first data row (a ``sep=`` line and the header)
    skip: int = 0  # lines before the header
    read_path: Path | None = None
    sheet_rows: list[int] | None = None
    sheet_table: pa.Table | None = None
    parquet_types: list[str] | None = None

    def relation(self, limit: int | None = None, *, line_breaks: bool = True) -> tuple[str, dict[str, Any]]:
        """SQL for the rows as text columns ``c0..cN`` plus ``nl``, in file order, and its
        parameters. Identifiers are generated here (``c`` + position), never taken from the file.

        ``line_breaks=False`` leaves ``nl`` at 0 for every row: counting the breaks inside
        quoted fields costs as much as parsing the file, and only rejected rows need it
        (``lines`` counts them afterwards, and only when the file's lines say there are any).
        """
        names = [f"c{i}" for i in range(len(self.columns))]
        params: dict[str, Any] = {}
        if self.file_type == "csv":
            columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
            breaks = " + ".join(
                f"(case when contains({n}, chr(10)) then length({n}) - length(replace({n}, chr(10), '')) else 0 end)"
                for n in names
            ) if line_breaks else "0"
            sql = (
                f"select {', '.join(names)}, ({breaks})::integer as nl"
                f" from read_csv($src_path, auto_detect = false, header = true, columns = {columns},"
                " delim = $src_delim, quote = '\"', escape = '\"', strict_mode = true,"
                " max_line_size = $src_max_line, skip = $src_skip)"
            )
            params = {"src_path": str(self.read_path), "src_delim": self.settings.delimiter,
                      "src_max_line": MAX_LINE_BYTES, "src_skip": self.skip}
        elif self.file_type == "parquet":
            sql = (
                f"select {', '.join(_parquet_text(n, t) for n, t in zip(names, self.parquet_types or []))},"
                f" 0 as nl from read_parquet($src_path) as t({', '.join(names)})"
            )
            params = {"src_path": str(self.path)}
        else:
            sql = f"select {', '.join(names)}, 0 as nl from {SHEET_VIEW}"
        if limit is not None:
            sql += " limit $src_limit"
            params["src_limit"] = int(limit)
        return sql, params

    def register(self, cur: duckdb.DuckDBPyConnection) -> None:
        """Make the relation readable on ``cur`` (a worksheet is registered as a view)."""
        if self.sheet_table is not None:
            cur.register(SHEET_VIEW, self.sheet_table)


def _parquet_text(name: str, type_name: str) -> str:
    """A Parquet column as text; timestamps with a zone in UTC, all with microseconds."""
    if type_name.startswith("TIMESTAMP WITH TIME ZONE"):
        return f"strftime(make_timestamp(epoch_us({name})), '%Y-%m-%d %H:%M:%S.%f') as {name}"
    if type_name.startswith("TIMESTAMP"):
        return f"strftime({name}::timestamp, '%Y-%m-%d %H:%M:%S.%f') as {name}"
    if type_name == "DATE":
        return f"strftime({name}, '%Y-%m-%d') as {name}"
    return f"{name}::varchar as {name}"


def transcoded_copy(path: Path, encoding: str) -> Path:
    """A temporary UTF-8 copy of a text file written in ``encoding``; the caller deletes it.

    Raises
    ------
    ImportRefused
        When the file is not valid in that encoding.
    """
    handle, name = tempfile.mkstemp(prefix="contacts-import-", suffix=".csv")
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    try:
        with open(handle, "wb") as out, path.open("rb") as source:
            while chunk := source.read(16 << 20):
                out.write(decoder.decode(chunk).encode("utf-8"))
                offset += len(chunk)
            out.write(decoder.decode(b"", final=True).encode("utf-8"))
    except UnicodeDecodeError as exc:
        os.unlink(name)
        raise ImportRefused(t("errors.import_not_utf8_or", file=path.name, encoding=encoding,
                              byte=formatting.count(offset + exc.start + 1))) from None
    return Path(name)


@contextmanager
def opened_source(path: str | os.PathLike, settings: ImportSettings, *, limit: int | None = None,
                  encoding: str | None = None) -> Iterator[Source]:
    """Open an export for reading; temporary files are removed on exit.

    Parameters
    ----------
    limit
        For worksheets: read only this many data rows (previews).
    encoding
        Force this encoding (used to retry a file that turned out not to be UTF-8).

    Raises
    ------
    ImportRefused
        See ``checked_size``, ``file_type``, ``text_layout`` and ``read_sheet``.
    """
    path = Path(path)
    checked_size(path)
    kind = file_type(path)
    temporary: Path | None = None
    try:
        if kind == "csv":
            wanted = settings.with_changes(encoding=encoding) if encoding else settings
            detected, columns, header_lines, skip = text_layout(path, wanted)
            read_path = path
            if detected.encoding not in _NATIVE_ENCODINGS:
                temporary = read_path = transcoded_copy(path, detected.encoding)
            yield Source(path, kind, columns, detected, skip + header_lines, read_path=read_path, skip=skip)
        elif kind == "xlsx":
            decimal = settings.decimal or "."
            sheet = read_sheet(path, settings.sheet, decimal, limit)
            detected = settings.with_changes(sheet=sheet.name, decimal=decimal)
            yield Source(path, kind, sheet.columns, detected, sheet_rows=sheet.rows, sheet_table=sheet.table)
        else:
            yield _parquet_source(path, settings)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _parquet_source(path: Path, settings: ImportSettings) -> Source:
    cur = duckdb.connect()
    try:
        described = cur.execute("describe select * from read_parquet($p)", {"p": str(path)}).fetchall()
    except duckdb.Error as exc:
        raise ImportRefused(t("errors.import_parquet_unreadable", file=path.name, detail=exc)) from None
    finally:
        cur.close()
    columns = [str(row[0]) for row in described]
    if not columns:
        raise ImportRefused(t("errors.import_no_columns", file=path.name))
    return Source(path, "parquet", unique_names(columns), settings.with_changes(decimal=settings.decimal or "."),
                  parquet_types=[str(row[1]) for row in described])


def read_columns(path: str | os.PathLike, settings: ImportSettings | None = None) -> tuple[list[str], ImportSettings]:
    """The file's column names and its file-level settings (encoding, delimiter, sheet),
    detected where ``settings`` leaves them ``None``: the quick look a mapping screen needs.

    Date format and decimal mark depend on the mapped columns; ``preview_contacts`` and the
    imports detect and report them.

    Raises
    ------
    ImportRefused
        When the file is missing, empty, too big, or of an unknown type.
    """
    with opened_source(path, settings or ImportSettings(), limit=20) as source:
        return source.columns, source.settings
