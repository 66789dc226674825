"""Reading an ``.xlsx`` worksheet as text, the way it would look in a CSV export.

The header is the first row that has any value; rows without any value are skipped (like
blank lines in a CSV). Cells become text so that one set of rules checks every format:
numbers in plain notation with the file's decimal mark, whole numbers without ``.0``, dates
and times as ``YYYY-MM-DD HH:MM:SS``, durations as ``H:MM:SS``, booleans as true/false.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pyarrow as pa

from analytics import i18n
from analytics.importing.reading import unique_names
from analytics.importing.settings import ImportRefused


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
    """The worksheets of a workbook, in order."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def read_sheet(path: Path, sheet: str | None, decimal: str = ".", limit: int | None = None) -> Sheet:
    """A worksheet (the first one unless ``sheet`` names another) as text.

    Parameters
    ----------
    limit
        Read at most this many data rows (for a preview); ``None`` reads them all.

    Raises
    ------
    ImportRefused
        When the workbook cannot be opened, the sheet does not exist or has no header.
    """
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise ImportRefused(i18n.t("errors.import_excel_unreadable", file=path.name, detail=exc)) from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise ImportRefused(i18n.t("errors.import_no_sheet", file=path.name, sheet=repr(sheet),
                                        sheets=", ".join(workbook.sheetnames)))
        header: list[object] | None = None
        cells: list[list[str | None]] = []
        rows: list[int] = []
        for number, values in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
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
        name = worksheet.title
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
