"""Reading an ``.xlsx`` worksheet as text, the way it would look in a CSV export.

The header is the first row that has any value; rows without any value are skipped (like
blank lines in a CSV). Cells become text so that one set of rules checks every format:
numbers in plain notation with the file's decimal mark, whole numbers without ``.0``, dates
and times as ``YYYY-MM-DD HH:MM:SS``, durations as ``H:MM:SS``, booleans as true/false.

A workbook is a ZIP of XML files, so a small file can stand for a great deal of work. Before
openpyxl opens it, ``checked_workbook`` refuses one that unpacks to more than
``MAX_WORKBOOK_UNPACKED_BYTES`` (read from the archive's directory: Python's ``zipfile``
never unpacks a member past its declared size) or whose XML declares a document type (the
carrier of entity expansion and external entities; openpyxl also parses with defusedxml,
this check does not depend on that). While reading, a sheet that declares or holds more
rows or cells than the caps is refused; the declared size is then set aside, because
openpyxl would stop at a declared size that is too small and drop the rows after it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pyarrow as pa

from analytics import formatting, i18n
from analytics.importing.reading import unique_names
from analytics.importing.settings import ImportRefused

MAX_WORKBOOK_UNPACKED_BYTES = 256 * 2**20
MAX_SHEET_ROWS = 1_048_576  # Excel's own limit
MAX_SHEET_COLUMNS = 16_384  # Excel's own limit (column XFD)
MAX_SHEET_CELLS = 10_000_000  # about 600,000 rows of 17 columns: some 1 GB as Python text
PROLOG_BYTES = 64 * 1024
_PROLOG_ITEM = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)


@dataclass
class Sheet:
    """One worksheet as text: column names, columns of cell text and Excel row numbers."""

    name: str
    columns: list[str]
    table: pa.Table  # columns c0..cN, all strings
    rows: list[int]  # Excel row number of each data row, in order


def cell_text(value: object, decimal: str = ".") -> str | None:
    """A cell's value as the text a CSV export would hold (``None`` for an empty cell)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
        return text.replace(".", decimal)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat() + " 00:00:00"
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.timedelta):
        seconds = int(round(value.total_seconds()))
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    text = str(value)
    return text if text.strip() else None


def sheet_names(path: Path) -> list[str]:
    """The worksheets of a workbook, in order.

    Raises
    ------
    ImportRefused
        When ``checked_workbook`` refuses the file.
    """
    checked_workbook(path)
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _megabytes(size: int) -> str:
    return f"{formatting.count(round(size / 2**20))} MB"


def declares_doctype(head: bytes) -> bool:
    """Whether an XML document starting with ``head`` has a document type declaration
    before its root element (or its prolog does not end within ``head``, which Excel's
    never fails to).

    The prolog is the XML declaration, comments and processing instructions; a
    ``<!DOCTYPE`` there is where entities (``<!ENTITY lol "lol">``) are declared.
    """
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    position = 0
    while found := _PROLOG_ITEM.match(text, position):
        position = found.end()
    rest = text[position:].lstrip()
    return not re.match(r"<[^!?]", rest)


def checked_workbook(path: Path) -> None:
    """Refuse a workbook before it is opened when opening it would cost too much or is unsafe.

    Raises
    ------
    ImportRefused
        When the archive is damaged, unpacks to more than ``MAX_WORKBOOK_UNPACKED_BYTES``,
        or one of its XML parts declares a document type (see ``declares_doctype``).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_WORKBOOK_UNPACKED_BYTES:
                raise ImportRefused(i18n.t("errors.import_excel_too_large", file=path.name,
                                           size=_megabytes(unpacked),
                                           limit=_megabytes(MAX_WORKBOOK_UNPACKED_BYTES)))
            for member in members:
                if not member.filename.endswith((".xml", ".rels")) or member.file_size == 0:
                    continue
                with archive.open(member) as part:
                    head = part.read(PROLOG_BYTES)
                if declares_doctype(head):
                    raise ImportRefused(i18n.t("errors.import_excel_dtd", file=path.name, part=member.filename))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as exc:
        raise ImportRefused(i18n.t("errors.import_excel_unreadable", file=path.name, detail=exc)) from None


def oversized(sheet: str, path: Path, extent: str) -> ImportRefused:
    """The refusal of a sheet beyond the caps; ``extent`` says how ("has more than 10 rows")."""
    return ImportRefused(i18n.t("errors.import_sheet_too_large", sheet=repr(sheet), file=path.name, extent=extent,
                                rows=formatting.count(MAX_SHEET_ROWS), columns=formatting.count(MAX_SHEET_COLUMNS),
                                cells=formatting.count(MAX_SHEET_CELLS)))


def checked_dimension(worksheet, path: Path) -> None:
    """Refuse a sheet whose declared size (its ``<dimension>``) is beyond the caps, then
    set that size aside so every row is read whatever it declared.

    Raises
    ------
    ImportRefused
        When the sheet declares more than ``MAX_SHEET_ROWS`` rows, ``MAX_SHEET_COLUMNS``
        columns or ``MAX_SHEET_CELLS`` cells.
    """
    rows, columns = worksheet.max_row or 0, worksheet.max_column or 0
    if rows > MAX_SHEET_ROWS or columns > MAX_SHEET_COLUMNS or rows * columns > MAX_SHEET_CELLS:
        raise oversized(worksheet.title, path, i18n.t("errors.import_sheet_declares", rows=formatting.count(rows),
                                                      columns=formatting.count(columns)))
    worksheet.reset_dimensions()


def _sheet_rows(workbook, path: Path, sheet: str | None, decimal: str,
                limit: int | None) -> tuple[list[object] | None, list[list[str | None]], list[int], str]:
    """The header row, the data rows as text, their Excel row numbers and the sheet's name
    (see ``read_sheet``)."""
    if sheet is None:
        worksheet = workbook.worksheets[0]
    elif sheet in workbook.sheetnames:
        worksheet = workbook[sheet]
    else:
        raise ImportRefused(i18n.t("errors.import_no_sheet", file=path.name, sheet=repr(sheet),
                                    sheets=", ".join(workbook.sheetnames)))
    checked_dimension(worksheet, path)
    header: list[object] | None = None
    cells: list[list[str | None]] = []
    rows: list[int] = []
    read = 0
    for number, values in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
        read += len(values)
        if number > MAX_SHEET_ROWS:
            raise oversized(worksheet.title, path, i18n.t("errors.import_sheet_rows",
                                                          rows=formatting.count(MAX_SHEET_ROWS)))
        if read > MAX_SHEET_CELLS:
            raise oversized(worksheet.title, path, i18n.t("errors.import_sheet_cells",
                                                          cells=formatting.count(MAX_SHEET_CELLS)))
        texts = [cell_text(v, decimal) for v in values]
        if not any(t is not None for t in texts):
            continue
        if header is None:
            header = list(values)
            continue
        if limit is not None and len(rows) >= limit:
            break
        cells.append(texts)
        rows.append(number)
    return header, cells, rows, worksheet.title


def read_sheet(path: Path, sheet: str | None, decimal: str = ".", limit: int | None = None) -> Sheet:
    """A worksheet (the first one unless ``sheet`` names another) as text.

    Parameters
    ----------
    limit
        Read at most this many data rows (for a preview); ``None`` reads them all.

    Raises
    ------
    ImportRefused
        When the workbook is refused by ``checked_workbook`` or cannot be opened, the sheet
        does not exist, is beyond the caps (``checked_dimension``, or more rows or cells
        read than ``MAX_SHEET_ROWS``/``MAX_SHEET_CELLS``) or has no header.
    """
    checked_workbook(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise ImportRefused(i18n.t("errors.import_excel_unreadable", file=path.name, detail=exc)) from None
    try:
        header, cells, rows, name = _sheet_rows(workbook, path, sheet, decimal, limit)
    except ImportRefused:
        raise
    except Exception as exc:  # a part that turns out damaged (or forbidden by defusedxml) while read
        raise ImportRefused(i18n.t("errors.import_excel_unreadable", file=path.name, detail=exc)) from None
    finally:
        workbook.close()
    if header is None:
        raise ImportRefused(i18n.t("errors.import_sheet_empty", sheet=repr(name), file=path.name))
    while header and header[-1] is None:
        header.pop()
    width = max([len(header)] + [max((i + 1 for i, t in enumerate(r) if t is not None), default=0) for r in cells])
    columns = unique_names(header + [None] * (width - len(header)))
    data = {f"c{i}": pa.array([r[i] if i < len(r) else None for r in cells], pa.string()) for i in range(width)}
    return Sheet(name=name, columns=columns, table=pa.table(data), rows=rows)
