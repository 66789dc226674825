"""A contact export whose reason names, sub-reasons, channels and departments are the text
an attacker or a careless agent types: SQL fragments, quotes, script tags, spreadsheet
formulas. Twelve weeks of contacts (enough for the weekly report's baseline), with a known
number of contacts per value so a test can check a filter against a plain count."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

from analytics.importing import import_contacts
from analytics.store import open_store

SQL_COMMENT = "'; drop table contacts; --"
SCRIPT_TAG = "<script>alert(1)</script>"
BOBBY_TABLES = "Robert'); DROP TABLE contacts;--"
DOUBLE_QUOTED = '"quoted"'
FORMULA = "=1+1"
AT_FORMULA = "@SUM(A1)"
PLUS_FORMULA = "+1"
MINUS_FORMULA = "-1"

# Each hostile name is a first-level reason, a sub-reason (under a plain reason), a channel
# and a department: every kind of name the filters and pages show.
HOSTILE_NAMES = (SQL_COMMENT, SCRIPT_TAG, BOBBY_TABLES, DOUBLE_QUOTED, FORMULA, AT_FORMULA)
FORMULA_STARTS = (FORMULA, AT_FORMULA, PLUS_FORMULA, MINUS_FORMULA)
PLAIN_REASON = "Delivery"
PLAIN_CHANNEL = "Phone"
PLAIN_DEPARTMENT = "Logistics"

# What a spreadsheet runs as a formula at the start of a text cell, written out here so that
# a change to the exporter's own list cannot pass unseen; and a number as a file writes it
# (decimal point, or comma in Dutch), the only cell allowed to start with "-" or "+".
FORMULA_CHARS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_TEXT = re.compile(r"[+-]?\d+([.,]\d+)?([eE][+-]?\d+)?")

FIRST_DAY = date(2026, 1, 5)  # a Monday
DAYS = 84                     # twelve whole ISO weeks
HEADER = ("id", "created", "channel", "reason", "subreason", "department")


def _rows() -> list[tuple[str, ...]]:
    """Per day: every hostile name as a reason (with a plain sub-reason, channel and
    department), and a plain reason with every hostile name as sub-reason, channel and
    department; the formula-like sub-reasons ``+1`` and ``-1`` on a plain reason too."""
    rows = []
    for offset in range(DAYS):
        day = FIRST_DAY + timedelta(days=offset)
        for index, name in enumerate(HOSTILE_NAMES):
            for copy in range(1 + (offset + index) % 3):
                rows.append((f"{day:%Y%m%d}", f"{index:02d}", f"{copy}", f"{day} 09:{index:02d}:{copy:02d}",
                             PLAIN_CHANNEL, name, "Late", PLAIN_DEPARTMENT))
            rows.append((f"{day:%Y%m%d}", f"{index:02d}", "s", f"{day} 14:{index:02d}:00",
                         name, PLAIN_REASON, name, name))
        for index, name in enumerate((PLUS_FORMULA, MINUS_FORMULA)):
            rows.append((f"{day:%Y%m%d}", f"f{index}", "f", f"{day} 16:{index:02d}:00",
                         PLAIN_CHANNEL, PLAIN_REASON, name, PLAIN_DEPARTMENT))
    return [("-".join(r[:3]), *r[3:]) for r in rows]


def write_hostile_export(path: Path) -> Path:
    """The export as a CSV file, quoted as a spreadsheet writes it; returns ``path``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(_rows())
    return path


def exported_rows() -> list[dict[str, str]]:
    """The export's rows as the header names them: what the store must hold."""
    return [dict(zip(HEADER, row)) for row in _rows()]


def build_hostile_store(folder: Path) -> Path:
    """A store holding only the hostile export, imported as a user imports it."""
    store = folder / "hostile.duckdb"
    conn = open_store(store)
    try:
        result = import_contacts(conn, write_hostile_export(folder / "hostile-export.csv"))
    finally:
        conn.close()
    assert result.rejected == 0, result.rejects
    return store
