"""The import benchmark (benchmarks/import_scale.py) on a tiny store: it exports a Dutch-style
CSV from a store opened read-only, imports it through the command line into a fresh store
and reports what that import counted, its wall time and its peak memory."""

from __future__ import annotations

from benchmarks import import_scale
from analytics.importing import import_contacts
from analytics.store import open_store

HEADER = "id,created,channel,reason,wait time,resolved,csat\n"


def test_benchmark_exports_and_imports_every_row(tmp_path):
    source_db = tmp_path / "source.duckdb"
    seed = tmp_path / "seed.csv"
    seed.write_text(HEADER + "".join(
        f"K{i:05d},2025-03-{1 + i % 28:02d} 1{i % 10}:05:00,Phone,Billing,{i % 90}.5,{'yes' if i % 3 else 'no'},"
        f"{'' if i % 4 else 1 + i % 5}\n" for i in range(300)), encoding="utf-8")
    conn = open_store(source_db)
    import_contacts(conn, seed)
    conn.close()
    before = source_db.stat().st_mtime_ns

    result = import_scale.run(200, tmp_path / "work", source_db, repeat=2)

    export = tmp_path / "work" / "contacts_200.csv"
    header = export.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("Ticketnummer;Aangemaakt op;Kanaal;Contactreden")
    assert "-2025 " in export.read_text(encoding="utf-8").splitlines()[1]  # day-first dates
    assert (result["rows_exported"], result["rows_read"], result["inserted"]) == (200, 200, 200)
    assert (result["duplicates"], result["rejected"]) == (0, 0)
    assert result["repeat"] == 2 and len(result["runs"]) == 2
    assert result["seconds"] > 0 and result["peak_mb"] > 10 and result["cpu_seconds"] > 0
    assert import_scale.markdown_line(result).startswith("| import CSV | 200 rows")
    assert source_db.stat().st_mtime_ns == before  # the source store was only read
