"""Random and hostile contact exports: every import ends clean or refused, never half-way.

Property, for every file drawn by ``tests.support.hostile_files.export_files``: either

- the import succeeds and its counts add up: the rows read are the file's data rows,
  ``inserted + duplicates + rejected == rows read``, the store's contacts grow by exactly
  ``inserted``, one ``import_log`` row and one data version are added, the daily tables
  agree with the contacts day by day, and (for text a reader can decode) every stored
  reason is a reason cell of the file; or
- it raises ``ImportRefused`` with a short, readable sentence, and nothing was written
  (counts, import history and data version as before).

Any other exception fails the test. Profiles: a short run by default (``make test``), a
long one with ``HYPOTHESIS_PROFILE=fuzz``; each run adds the files it tried to
``test-artifacts/fuzz-count.json``.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from analytics.importing import ImportRefused, import_contacts
from analytics.store import open_store
from tests.support.hostile_files import ExportFile, decoded_as_a_reader_would, export_files

ROOT = Path(__file__).resolve().parents[1]
COUNT_FILE = ROOT / "test-artifacts" / "fuzz-count.json"
MAX_MESSAGE_CHARS = 600

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                      HealthCheck.data_too_large], print_blob=True)
PROFILES = {
    "default": settings(max_examples=150, **_COMMON),
    "fuzz": settings(max_examples=5000, **_COMMON),
}
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
RUN = PROFILES.get(PROFILE, PROFILES["default"])

TRIED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def fuzz_count():
    """Write how many files this run tried, by outcome, when the module is done."""
    TRIED.clear()
    yield TRIED
    COUNT_FILE.parent.mkdir(exist_ok=True)
    COUNT_FILE.write_text(json.dumps({"profile": PROFILE, "files": sum(TRIED.values()), **dict(TRIED)},
                                     indent=2) + "\n", encoding="utf-8")


def snapshot(conn) -> dict[str, int]:
    """What a refused import must leave as it was."""
    cur = conn.cursor()
    counts = {table: cur.execute(f"select count(*) from {table}").fetchall()[0][0]
              for table in ("contacts", "import_log", "channels", "reasons", "contact_days", "contact_days_detail")}
    counts["data_version"] = cur.execute("select data_version from store_meta").fetchall()[0][0]
    return counts


def daily_tables_disagree(conn) -> list[tuple]:
    """Days on which contact_days or contact_days_detail count other contacts than contacts."""
    return conn.cursor().execute("""
        with c as (select started_at::date as day, count(*) as n from contacts group by all),
             d as (select day, sum(contacts) as n from contact_days group by all),
             e as (select day, sum(contacts) as n from contact_days_detail group by all)
        select coalesce(c.day, d.day, e.day) as day, c.n, d.n, e.n
        from c full join d using (day) full join e using (day)
        where c.n is distinct from d.n or c.n is distinct from e.n
    """).fetchall()


def data_lines(export: ExportFile) -> int | None:
    """Non-blank lines after the header (``None`` when the bytes are no text a reader
    decodes); a bare carriage return ends no line."""
    text = decoded_as_a_reader_would(export.content, export.encoding)
    if text is None:
        return None
    return sum(1 for line in text.lstrip("\ufeff").split("\n")[1:] if line.strip())


def readable(message: str) -> bool:
    """One short sentence or two: no traceback, no control characters, no pages of data."""
    return (bool(message.strip()) and len(message) <= MAX_MESSAGE_CHARS and "Traceback" not in message
            and all(ch.isprintable() for ch in message))


def check_import(folder: Path, export: ExportFile) -> str:
    """Import ``export`` into a fresh store under ``folder``; assert the property; return
    the outcome ("imported" or "refused")."""
    here = folder / uuid.uuid4().hex[:10]
    here.mkdir()
    path = here / f"export{export.suffix}"
    path.write_bytes(export.content)
    conn = open_store(here / "store.duckdb")
    try:
        before = snapshot(conn)
        try:
            result = import_contacts(conn, path)
        except ImportRefused as refused:
            message = str(refused)
            assert readable(message), f"unreadable refusal: {message[:300]!r}"
            assert snapshot(conn) == before, f"refused ({message}) but something was written"
            return "refused"
        after = snapshot(conn)
        # Mutations that change the records a reader finds (a UTF-8 tail is one more, short, line):
        # every record is read, and one that cannot be parsed is read and rejected.
        structural = {"extra field", "missing field", "mixed delimiter", "mixed encoding"} & set(export.mutations)
        if not structural:
            assert result.rows_read == export.data_rows, (result.rows_read, export.data_rows, export.mutations)
        elif (lines := data_lines(export)) is not None:
            # A damaged line is one record to a strict reader (read and rejected), but an open
            # quote in it can join it with the next: at least one record, at most one per line.
            assert 1 <= result.rows_read <= lines, (result.rows_read, lines, export.mutations)
        assert result.inserted + result.duplicates + result.rejected == result.rows_read
        assert after["contacts"] == before["contacts"] + result.inserted
        assert after["import_log"] == before["import_log"] + 1
        assert after["data_version"] == before["data_version"] + 1
        assert daily_tables_disagree(conn) == []
        if export.clean_text and not structural and "reason" in export.columns:
            at = export.columns.index("reason")
            written = {row[at].strip() for row in export.cells}
            stored = {r[0] for r in conn.cursor().execute("select distinct reason_l1 from contacts").fetchall()}
            assert stored <= written, (stored - written, export.encoding)
        return "imported"
    finally:
        conn.close()


# Found by the long runs: a single-byte file with a short UTF-8 line appended (a broken
# record, read and rejected, not a refusal of the whole file); a line written with another
# delimiter whose quotes a lenient reader joins with the next line.
UTF8_TAIL = ExportFile(content=b"id,created,channel,reason,department,wait time\n0,2025-03-13 14:05:00,Phone,Billing,,\n"
                               b"Caf\xc3\xa9,Cr\xc3\xa8me\n",
                       suffix=".csv", encoding="cp1252", data_rows=1,
                       columns=["id", "created", "channel", "reason", "department", "wait time"],
                       mutations=["duplicate id", "mixed encoding"])
MIXED_QUOTES = ExportFile(content=b'"id"|"created"|"channel"|"reason"\n"0","2025-03-13 14:05:00","Phone","|"\n'
                                  b'"0"|"2025-03-13 14:05:00"|"Phone"|"Billing"',
                          suffix=".csv", encoding="utf-8", data_rows=2, columns=["id", "created", "channel", "reason"],
                          mutations=["duplicate id", "mixed delimiter"])
STRAY_RETURN = ExportFile(content=b'id,created,channel,reason,department,wait time,resolved\n0,2025-03-13 14:05:00,Phone,'
                                  b'Billing,,,\n0;2025-03-13 14:05:00;Phone;Billing;;;"\r,"\n'
                                  b'0,2025-03-13 14:05:00,Phone,Billing,,,',
                          suffix=".csv", encoding="utf-8", data_rows=3,
                          columns=["id", "created", "channel", "reason", "department", "wait time", "resolved"],
                          mutations=["duplicate id", "mixed delimiter"])


@RUN
@given(export=export_files())
@example(export=UTF8_TAIL)
@example(export=MIXED_QUOTES)
@example(export=STRAY_RETURN)
def test_any_export_is_imported_cleanly_or_refused_with_nothing_written(tmp_path, export):
    outcome = check_import(tmp_path, export)
    TRIED[outcome] += 1
