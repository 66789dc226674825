"""The committed Dutch-style export imports through the CLI with the counts its README
states, and again adds nothing."""

from __future__ import annotations

import duckdb

from tests.support.stores import ROOT, run_cli

EXPORT = ROOT / "tests" / "data" / "dutch_crm_export.csv"


def test_dutch_export_imports_with_correct_counts_and_is_idempotent(tmp_path):
    store = tmp_path / "nl.duckdb"
    first = run_cli("import", "contacts", str(EXPORT), "--db", str(store))
    assert (first["rows_read"], first["inserted"], first["duplicates"], first["rejected"]) == (243, 240, 1, 2)
    assert first["detected"]["delimiter"] == ";" and first["detected"]["encoding"] == "cp1252"
    assert {(r["line"], r["column"]) for r in first["rejects"]} == {(243, "Aangemaakt op"), (244, "Afhandeltijd (sec)")}

    again = run_cli("import", "contacts", str(EXPORT), "--db", str(store))
    assert (again["inserted"], again["duplicates"], again["rejected"]) == (0, 241, 2)

    conn = duckdb.connect(str(store))
    try:
        assert conn.execute("select count(*), count(distinct contact_id) from contacts").fetchall()[0] == (240, 240)
        row = conn.execute(
            "select started_at, handle_seconds, resolved from contacts where contact_id = 'NL-00011'").fetchall()[0]
        assert row[0].day == 12 and row[0].month == 3  # day-first: 12-03-2025
        assert row[1] == 708.9  # decimal comma
        assert row[2] is False  # "Nee"
        groups = dict(conn.execute("select channel, channel_group from channels").fetchall())
        assert groups["Telefoon"] == "voice" and groups["Webformulier"] == "written"
        assert conn.execute("select count(*) from reasons where reason_l3 = '€ verschil'").fetchall()[0][0] == 1
    finally:
        conn.close()
