"""Recognising an export: its type, size, text encoding, delimiter and header.

A file's type is decided by its extension *and* its first bytes, and both must agree:
``.csv``/``.txt``/``.tsv`` hold text, ``.xlsx`` is a ZIP with ``xl/workbook.xml`` inside,
``.parquet`` starts with ``PAR1``. Old ``.xls`` workbooks and anything else are refused.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from pathlib import Path

from analytics import formatting
from analytics.i18n import t
from analytics.importing.settings import ImportRefused, ImportSettings, max_file_bytes

TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")
EXCEL_EXTENSIONS = (".xlsx",)
PARQUET_EXTENSIONS = (".parquet", ".pq")
DELIMITER_CANDIDATES = (",", ";", "\t", "|")
SAMPLE_BYTES = 1 << 20
SNIFF_CHARS = 1 << 16
MAX_FIELD_CHARS = 64 * 1024 * 1024  # DuckDB's max_line_size of an import (``max_line_size``)

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def delimiter_plural(delimiter: str) -> str:
    """A delimiter as a plural noun in the active language ("semicolons", "puntkomma's")."""
    name = _DELIMITER_NAMES.get(delimiter)
    return t(f"errors.delimiter_plural_{name}") if name else repr(delimiter)


def delimiter_name(delimiter: str) -> str:
    """A delimiter as a word for messages ("semicolon")."""
    return _DELIMITER_NAMES.get(delimiter, repr(delimiter))


def checked_size(path: Path) -> int:
    """The file's size in bytes.

    Raises
    ------
    ImportRefused
        When the file does not exist, is empty, or is larger than the size limit.
    """
    if not path.is_file():
        raise ImportRefused(t("errors.import_file_missing", file=path.name))
    size = path.stat().st_size
    if size == 0:
        raise ImportRefused(t("errors.import_file_empty", file=path.name))
    limit = max_file_bytes()
    if size > limit:
        raise ImportRefused(t("errors.import_file_too_large", file=path.name, size=_megabytes(size),
                               limit=_megabytes(limit)))
    return size


def _megabytes(size: int) -> str:
    megabytes = size / 2**20
    if megabytes >= 10:
        return f"{formatting.count(megabytes)} MB"
    short = f"{megabytes:.2g}"  # two significant digits: 0.001 MB, 2.5 MB
    if "e" in short:
        return f"{short} MB"
    return f"{formatting.decimal(float(short), len(short.partition('.')[2]))} MB"


def file_type(path: Path) -> str:
    """``"csv"``, ``"xlsx"`` or ``"parquet"``, from the extension and the first bytes.

    Raises
    ------
    ImportRefused
        For ``.xls`` and unknown extensions, and when the content contradicts the extension.
    """
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(8192)
    if suffix == ".xls" or head.startswith(_OLE2_MAGIC):
        raise ImportRefused(t("errors.import_old_excel", file=path.name))
    known = TEXT_EXTENSIONS + EXCEL_EXTENSIONS + PARQUET_EXTENSIONS
    if suffix not in known:
        raise ImportRefused(t("errors.import_unknown_type", file=path.name,
                               suffix=repr(suffix or t("errors.import_no_extension"))))
    if head.startswith(b"PK\x03\x04"):
        content = "xlsx" if _is_workbook(path) else "ods" if b"opendocument.spreadsheet" in head[:100] else "zip"
    elif head.startswith(b"PAR1"):
        content = "parquet"
    elif head.startswith(b"%PDF-"):
        content = "pdf"
    elif b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        content = "binary"
    else:
        content = "csv"
    expected = "csv" if suffix in TEXT_EXTENSIONS else "xlsx" if suffix in EXCEL_EXTENSIONS else "parquet"
    if content != expected:
        raise ImportRefused(t("errors.import_wrong_extension", file=path.name, suffix=suffix,
                              content=t(f"errors.import_content_{content}")))
    return content


def _is_workbook(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def normalized_encoding(name: str) -> str:
    """A Python codec name for an encoding given by a user (``"windows-1252"`` -> ``"cp1252"``).

    Raises
    ------
    ImportRefused
        When Python knows no such encoding.
    """
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        raise ImportRefused(t("errors.import_unknown_encoding", encoding=repr(name))) from None


def sniffed_encoding(head: bytes) -> str:
    """The encoding of a text file from its first bytes.

    A UTF-8 byte order mark gives ``"utf-8-sig"``, a UTF-16 one ``"utf-16"``; otherwise the
    sample must be valid UTF-8 to count as ``"utf-8"``, else it is taken as Windows-1252
    (``"cp1252"``, which has the euro sign at 0x80 where Latin-1 has a control code). The
    rest of the file is checked while it is read.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decoded_sample(path: Path, encoding: str) -> tuple[str, bool]:
    """The first megabyte of a text file as text, and whether that is the whole file.

    Raises
    ------
    ImportRefused
        When the sample is not valid in ``encoding``.
    """
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES + 1)
    whole = len(head) <= SAMPLE_BYTES
    head = head[:SAMPLE_BYTES]
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=whole)
    except UnicodeDecodeError as exc:
        if encoding == "cp1252":
            raise ImportRefused(t("errors.import_not_utf8_or_cp1252", file=path.name,
                                  byte=formatting.count(exc.start + 1))) from None
        raise ImportRefused(t("errors.import_bad_encoding", file=path.name, encoding=encoding,
                              byte=formatting.count(exc.start + 1))) from None
    return text.lstrip("\ufeff"), whole


def csv_rows(handle, delimiter: str):
    """``csv.reader`` over ``handle`` that takes fields as long as DuckDB reads them
    (``MAX_FIELD_CHARS``): the csv module stops at 128 KiB, which would make a file with one
    long remark look as if it had no delimiter."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    return csv.reader(handle, delimiter=delimiter)


def _records(text: str, delimiter: str, whole: bool) -> list[list[str]]:
    try:
        rows = [row for row in csv_rows(io.StringIO(text, newline=""), delimiter) if row]
    except csv.Error:
        return []
    return rows if whole or len(rows) < 2 else rows[:-1]


def sniffed_delimiter(text: str, whole: bool, suffix: str = "") -> str:
    """The delimiter that splits the header into the most columns that the rows repeat.

    Each candidate (comma, semicolon, tab, pipe) is scored by: does the header split at
    all, which share of the sampled rows has the header's number of fields, and how many
    fields that is. A ``.tsv`` file prefers tab when tab splits the header.
    """
    best, best_score = ",", (False, 0.0, 0)
    for delimiter in DELIMITER_CANDIDATES:
        rows = _records(text, delimiter, whole)
        if not rows:
            continue
        width = len(rows[0])
        if suffix == ".tsv" and delimiter == "\t" and width > 1:
            return "\t"
        body = rows[1:]
        consistent = sum(len(r) == width for r in body) / len(body) if body else 1.0
        score = (width > 1, consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def header_of(text: str, delimiter: str) -> tuple[list[str], int]:
    """The column names of the first record, and how many lines that record spans.

    Blank names become ``column N``; a repeated name gets `` (2)``, `` (3)``, ...

    Raises
    ------
    ImportRefused
        When there is no header at all.
    """
    try:
        raw = next((row for row in csv_rows(io.StringIO(text, newline=""), delimiter) if row), [])
    except csv.Error:
        raw = []
    if not any(cell.strip() for cell in raw):
        raise ImportRefused(t("errors.import_no_header"))
    return unique_names(raw), 1 + sum(cell.count("\n") for cell in raw)


def unique_names(raw: list[object]) -> list[str]:
    """Column names made presentable and unique (see ``header_of``)."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(raw):
        name = " ".join(str(cell).split()) if cell is not None else ""
        name = name or f"column {i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        names.append(name)
    return names


def text_layout(path: Path, settings: ImportSettings) -> tuple[ImportSettings, list[str], int, int]:
    """Encoding, delimiter, column names, header height and lines to skip before the header.

    Settings that are given are used as they are; the others are detected. A first line
    ``sep=;`` (Excel's delimiter hint) sets the delimiter and is skipped.
    """
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    encoding = normalized_encoding(settings.encoding) if settings.encoding else sniffed_encoding(head)
    text, whole = decoded_sample(path, encoding)
    if not text.strip():
        raise ImportRefused(t("errors.import_file_empty", file=path.name))
    hint = re.match(r"sep=(.)\r?\n", text)
    skip = 1 if hint else 0
    if hint:
        text = text[hint.end():]
    sniffed = text[:SNIFF_CHARS]
    delimiter = (settings.delimiter or (hint.group(1) if hint else None)
                 or sniffed_delimiter(sniffed, whole and sniffed == text, path.suffix.lower()))
    columns, header_lines = header_of(text, delimiter)
    return settings.with_changes(encoding=encoding, delimiter=delimiter), columns, header_lines, skip
