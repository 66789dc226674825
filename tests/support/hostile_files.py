"""Hypothesis strategies for contact exports as a careless or hostile sender makes them.

A drawn ``ExportFile`` holds the bytes to write and what a careful reader knows about
them: how many data rows they hold (blank lines are not rows) and which text each cell
held, so a test can tell a clean import that counts right from one that lost, split or
garbled rows.

What varies: the text encoding (UTF-8 with and without a byte order mark, UTF-16,
Windows-1252, Latin-1) and bytes no encoding allows; the delimiter, and rows that use
another one; quotes, delimiters and line breaks inside fields; dates in the formats an
export uses and dates that are no date; a field of about a megabyte; blank lines;
repeated contact ids; a row with a field too many or too few; columns nobody maps; a
required column left out; a header without rows; an empty file.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from hypothesis import strategies as st

HEADER = ("id", "created", "channel", "reason")
OPTIONAL = ("department", "wait time", "resolved", "remark")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")
DELIMITERS = (",", ";", "\t", "|")
HUGE_FIELD_CHARS = 1_000_000

# Characters a field may hold: letters of the encodings tried, the characters that make
# CSV hard (every delimiter, the quote, line breaks), and spaces that trim differently.
_HARD = ",;\t|\"'\r\n "
_ACCENTED = "éèëïöüçñßÉØåæ€™“”‘’…"
_FIELD_TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ019-_ <>=&" + _HARD + _ACCENTED)), max_size=12)

_GOOD_DATES = st.sampled_from([
    "2025-03-13 14:05:00", "2025-03-14T08:00:00", "2025-03-15 23:59", "13-03-2025 14:05",
    "2025-03-16", "2025-03-13 14:05:00+01:00",
])
_BAD_DATES = st.sampled_from([
    "", "2025-02-30 10:00:00", "2025-13-45 14:05:00", "13 maart", "9999-99-99", "yesterday",
    "2025-03-13 25:61:00", "0000-00-00 00:00:00", "\u00a02025-03-13 14:05:00", "2025-03-13 14:05:00 extra",
])

# Bytes that are not text in any of the encodings above when they land mid-file (0x81 and
# 0x8d are undefined in Windows-1252; a lone 0xff is never UTF-8).
_INVALID_BYTES = st.sampled_from([b"\x81", b"\x8d\x81", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xfe\xff"])


@dataclass
class ExportFile:
    """A file to import and the truth about it."""

    content: bytes
    suffix: str
    encoding: str
    data_rows: int  # records after the header (blank lines are not records)
    columns: list[str]
    cells: list[list[str]] = field(default_factory=list)  # the records as written
    mutations: list[str] = field(default_factory=list)  # what was done to it, for the report

    def __repr__(self) -> str:
        shown = self.content if len(self.content) <= 600 else (
            self.content[:300] + b"...<%d bytes>..." % len(self.content) + self.content[-300:])
        return (f"ExportFile(suffix={self.suffix!r}, encoding={self.encoding!r}, data_rows={self.data_rows}, "
                f"columns={self.columns!r}, mutations={self.mutations!r}, content={shown!r})")

    def _repr_pretty_(self, printer, cycle) -> None:  # how Hypothesis prints a failing example
        printer.text(repr(self))

    @property
    def clean_text(self) -> bool:
        """Whether a reader can recover every cell exactly: no foreign bytes, and single-byte
        text that could not pass for UTF-8 (Latin-1 only where it agrees with Windows-1252)."""
        return "invalid bytes" not in self.mutations and "mixed encoding" not in self.mutations


def _quoted(cell: str, delimiter: str, quote_all: bool) -> str:
    if quote_all or any(c in cell for c in (delimiter, '"', "\r", "\n")) or cell != cell.strip():
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _encodable(text: str, encoding: str) -> str:
    """``text`` with the characters ``encoding`` cannot hold replaced by ``?``; for Latin-1
    also the C1 controls, which Windows-1252 reads as other letters."""
    kept = []
    for char in text:
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            char = "?"
        if encoding == "latin-1" and "\x80" <= char <= "\x9f":
            char = "?"
        kept.append(char)
    return "".join(kept)


@st.composite
def contact_rows(draw, width: int) -> list[list[str]]:
    """Records of ``width`` cells: id, date, channel, reason, then optional columns."""
    count = draw(st.integers(min_value=0, max_value=12))
    ids = st.sampled_from(["1", "2", "3", "A-7", " 4 ", "", "0001", "x" * 40])
    rows = []
    for _ in range(count):
        date = draw(st.one_of(_GOOD_DATES, _GOOD_DATES, _GOOD_DATES, _BAD_DATES))
        row = [draw(st.one_of(st.integers(0, 10**6).map(str), ids)), date,
               draw(st.one_of(st.sampled_from(["Phone", "Chat", "E-mail", ""]), _FIELD_TEXT)),
               draw(st.one_of(st.sampled_from(["Billing", "Delivery", "Returns"]), _FIELD_TEXT))]
        extra = [draw(st.one_of(_FIELD_TEXT, st.sampled_from(["12", "1:30", "ja", "nee", "-3", "soon"])))
                 for _ in range(width - len(row))]
        rows.append(row + extra)
    return rows


@st.composite
def export_files(draw) -> ExportFile:
    """A contact export, mostly well-formed, often with one thing wrong with it."""
    encoding = draw(st.sampled_from(ENCODINGS))
    delimiter = draw(st.sampled_from(DELIMITERS))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    quote_all = draw(st.booleans())
    suffix = draw(st.sampled_from([".csv", ".csv", ".txt", ".tsv"]))
    columns = list(HEADER) + draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=3))
    if draw(st.integers(0, 9)) == 0:  # a required column left out
        columns.remove(draw(st.sampled_from(HEADER)))
    rows = draw(contact_rows(len(columns)))
    mutations: list[str] = []

    if rows and draw(st.integers(0, 4)) == 0:  # repeat an earlier id
        rows[-1][0] = rows[0][0] if columns[0] == "id" else rows[-1][0]
        mutations.append("duplicate id")

    rows = [[_encodable(cell, encoding) for cell in row] for row in rows]
    if rows and draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(rows) - 1))
        rows[at][draw(st.integers(0, len(rows[at]) - 1))] = "é" * HUGE_FIELD_CHARS
        mutations.append("huge field")
    lines = [delimiter.join(_quoted(c, delimiter, quote_all) for c in columns)]
    for row in rows:
        lines.append(delimiter.join(_quoted(c, delimiter, quote_all) for c in row))

    data_rows = len(rows)
    shape = draw(st.sampled_from(["as is"] * 6 + ["extra field", "missing field", "mixed delimiter"]))
    if rows and shape != "as is":
        at = draw(st.integers(1, len(rows)))
        if shape == "extra field":
            lines[at] += delimiter + "surplus"
        elif shape == "missing field":
            lines[at] = lines[at].rsplit(delimiter, 1)[0] if delimiter in lines[at] else ""
        else:
            other = draw(st.sampled_from([d for d in DELIMITERS if d != delimiter]))
            lines[at] = other.join(_quoted(c, other, quote_all) for c in rows[at - 1])
        mutations.append(shape)
    if draw(st.integers(0, 3)) == 0:  # blank lines between rows
        at = draw(st.integers(1, len(lines)))
        lines[at:at] = [""] * draw(st.integers(1, 3))
        mutations.append("blank lines")

    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    if draw(st.integers(0, 14)) == 0:
        text, data_rows, rows = "", 0, []
        mutations.append("empty file")
    content = text.encode(encoding)

    if content and draw(st.integers(0, 6)) == 0:
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(_INVALID_BYTES) + content[at:]
        mutations.append("invalid bytes")
    if encoding in ("cp1252", "latin-1") and draw(st.integers(0, 6)) == 0:
        content += "Café,Crème\n".encode("utf-8")  # a UTF-8 tail after single-byte text
        mutations.append("mixed encoding")
    return ExportFile(content=content, suffix=suffix, encoding=encoding, data_rows=data_rows,
                      columns=columns, cells=rows, mutations=mutations)


def decoded_as_a_reader_would(content: bytes, encoding: str) -> str | None:
    """The text a careful reader gets from these bytes: UTF-8 when they are UTF-8 (a
    single-byte file that happens to be valid UTF-8 cannot be told apart), else the
    encoding they were written in; ``None`` when neither decodes them."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "cp1252" if encoding == "latin-1" else encoding)
    for candidate in candidates:
        try:
            return content.decode(candidate)
        except UnicodeDecodeError:
            continue
    return None
