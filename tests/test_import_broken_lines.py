"""A line the CSV reader cannot parse (a stray quote, a truncated last line, the wrong number
of fields) becomes a rejected row with its line number and reason, like any other reject;
the rest of the file is imported in the same single transaction. A file that is mostly
unreadable is still refused (tests/test_import_refusals.py)."""

from __future__ import annotations

import subprocess
import sys

from analytics.importing import import_contacts, preview_contacts
from tests.support.stores import ROOT

HEADER = "id,created,channel,reason\n"


def _rows(n: int, start: int = 0) -> str:
    return "".join(f"{i},2025-03-{1 + i % 28:02d} 10:{i % 60:02d}:00,Phone,Billing\n" for i in range(start, start + n))


def test_a_truncated_last_line_is_one_reject_and_the_rest_is_imported(store, tmp_path):
    path = tmp_path / "regulator.csv"
    path.write_text(HEADER + _rows(1999) + '1999,2025-03-02 10:00:00,Web,"Billing is wro', encoding="utf-8")
    result = import_contacts(store, path)
    assert (result.rows_read, result.inserted, result.rejected) == (2000, 1999, 1)
    reject = result.rejects.iloc[0]
    assert reject["line"] == 2001 and reject["column"] == ""
    assert "quote" in reject["reason"] and reject["value"].startswith("1999,2025-03-02")
    assert store.execute("select count(*) from contacts").fetchall() == [(1999,)]


def test_broken_lines_and_bad_values_each_get_their_own_line(store, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        HEADER
        + "1,2025-03-13 10:00:00,Phone,Billing\n"            # line 2
        + "2,2025-03-13 10:01:00,Phone,Billing,extra\n"      # line 3: one field too many
        + '3,2025-03-13 10:02:00,Chat,"two\nlines"\n'        # lines 4-5: fine
        + "4,2025-03-13 10:03:00,Chat\n"                     # line 6: one field short
        + "5,13 maart,Chat,Billing\n"                        # line 7: parsed, but not a date
        + "6,2025-03-13 10:05:00,Chat,Billing\n",            # line 8
        encoding="utf-8")
    result = import_contacts(store, path)
    assert (result.rows_read, result.inserted, result.duplicates, result.rejected) == (6, 3, 0, 3)
    assert result.rejects["line"].tolist() == [3, 6, 7]
    assert result.rejects["column"].tolist() == ["", "", "created"]
    assert "5 fields where the header has 4" in result.rejects["reason"][0]
    assert "fewer fields" in result.rejects["reason"][1] or "3 fields" in result.rejects["reason"][1]


def test_after_a_sep_hint_the_broken_line_keeps_its_own_line_number(store, tmp_path):
    path = tmp_path / "hint.csv"
    path.write_text('sep=;\nid;created;channel;reason\n1;2025-03-13;Phone;"a\nb"\n2;2025-03-13;Phone;b;extra\n'
                    '3;2025-03-13;Phone;c\n', encoding="utf-8")
    result = import_contacts(store, path)
    assert (result.inserted, result.rejected) == (2, 1)
    assert result.rejects["line"].tolist() == [5]


def test_the_preview_lists_a_broken_line_among_its_rejects(tmp_path):
    path = tmp_path / "preview.csv"
    path.write_text(HEADER + _rows(3) + "3,2025-03-04 10:00:00,Phone,Billing,extra\n" + _rows(2, 4),
                    encoding="utf-8")
    rows, rejects = preview_contacts(path)
    assert len(rows) == 5 and rejects["line"].tolist() == [5]


def test_the_command_line_says_once_what_happened(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(HEADER + _rows(20) + '20,2025-03-02 10:00:00,Web,"Billing', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analytics", "import", "contacts", str(path),
                           "--db", str(tmp_path / "s.duckdb")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert '"rejected": 1' in done.stdout and '"line": 22' in done.stdout
