"""Small ``.xlsx`` files that stand for a great deal of work or reach outside the file:
a ZIP bomb, a sheet that declares a huge size, entity expansion and an external entity.

Each starts from a real one-sheet workbook written by openpyxl and replaces the sheet's XML.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

import openpyxl

SHEET = "xl/worksheets/sheet1.xml"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>created'
              '</t></is></c><c r="C1" t="inlineStr"><is><t>channel</t></is></c><c r="D1" t="inlineStr"><is><t>'
              'reason</t></is></c></row>')


def data_row(number: int, reason: str = "Billing") -> str:
    return (f'<row r="{number}"><c r="A{number}"><v>{number}</v></c><c r="B{number}" t="inlineStr"><is><t>'
            f'2025-03-13 14:05:00</t></is></c><c r="C{number}" t="inlineStr"><is><t>Phone</t></is></c>'
            f'<c r="D{number}" t="inlineStr"><is><t>{reason}</t></is></c></row>')


def sheet_xml(rows: Iterable[str], *, dimension: str | None = None, doctype: str = "") -> str:
    shown = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}<worksheet xmlns="{NS}">{shown}'
            f"<sheetData>{''.join(rows)}</sheetData></worksheet>")


def workbook_with_sheet(path: Path, chunks: Iterable[bytes]) -> Path:
    """A workbook at ``path`` whose first sheet's XML is ``chunks`` joined (streamed, so a
    sheet of hundreds of MB is never held in memory)."""
    base = path.with_suffix(".base.xlsx")
    book = openpyxl.Workbook()
    book.active.append(["id"])
    book.save(base)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for member in source.infolist():
            if member.filename == SHEET:
                with out.open(SHEET, "w", force_zip64=True) as sheet:
                    for chunk in chunks:
                        sheet.write(chunk)
            else:
                out.writestr(member, source.read(member.filename))
    base.unlink()
    return path


def plain_workbook(path: Path, rows: int = 3, **options) -> Path:
    """A well-formed contacts sheet of ``rows`` data rows (``options`` go to ``sheet_xml``)."""
    xml = sheet_xml([HEADER_ROW] + [data_row(n) for n in range(2, rows + 2)], **options)
    return workbook_with_sheet(path, [xml.encode()])


def zip_bomb(path: Path, unpacked_bytes: int = 300 * 2**20) -> Path:
    """A workbook of a few hundred KB whose sheet unpacks to ``unpacked_bytes``."""
    head = sheet_xml([HEADER_ROW]).split("</sheetData>")[0].encode()
    filler = b"<row><c><v>1</v></c></row>" * 40_000
    chunks = [head] + [filler] * (unpacked_bytes // len(filler)) + [b"</sheetData></worksheet>"]
    return workbook_with_sheet(path, chunks)


def huge_dimension(path: Path) -> Path:
    """A tiny sheet that declares every row and column Excel has, with a cell in the last row.

    openpyxl pads each row to the declared width and yields every declared row, so reading
    it naively means 16,384 values for each of a million rows."""
    rows = [HEADER_ROW, data_row(2), '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>']
    return workbook_with_sheet(path, [sheet_xml(rows, dimension="A1:XFD1048576").encode()])


def entity_expansion(path: Path, levels: int = 9) -> Path:
    """The "billion laughs": ten entities of ten of the previous one, nine deep (10**9 lols)."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1))
    doctype = f"<!DOCTYPE worksheet [{entities}]>\n"
    return workbook_with_sheet(path, [sheet_xml([HEADER_ROW, data_row(2, f"&lol{levels};")], doctype=doctype).encode()])


def external_entity(path: Path, target: Path) -> Path:
    """A sheet whose reason cell is the content of ``target`` on the importing machine (XXE)."""
    doctype = f'<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "{target.as_uri()}">]>\n'
    return workbook_with_sheet(path, [sheet_xml([HEADER_ROW, data_row(2, "&secret;")], doctype=doctype).encode()])
