"""A large export goes the bounded-memory way (staged in a scratch database on disk, with
DuckDB held to 2.5 GiB) and gives exactly what the small-file way gives; afterwards the
store's connection is as it was."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import analytics.importing.pipeline as pipeline
import analytics.importing.staging as staging
from analytics.importing import ImportRefused, import_contacts
from analytics.store import open_store

HEADER = "id;created;channel;reason;wait time;csat\n"
ROWS = (
    "C10;13-03-2025 14:05;Phone;Billing;12,5;4\n"
    'C11;13-03-2025 14:06;Chat;"Billing\nand more";3;\n'      # lines 3-4: a quoted line break
    "C12;31-02-2025 14:07;Phone;Billing;;\n"                  # line 5: impossible date
    "C10;13-03-2025 14:08;Email;Returns;;\n"                  # a repeat: the first C10 wins
    "C13;13-03-2025 14:09;Phone;Billing;soon;\n"              # line 7: unreadable wait time
    "C02;13-03-2025 14:10;Phone;Billing;1.234,5;5\n"          # already stored, inside the range
    "C14;14-03-2025 09:00;Phone;Returns;0:02:05;2\n"
    "C15;14-03-2025 09:01;Phone;Returns;7;\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def fresh_store(folder: Path):
    conn = open_store(folder / "store.duckdb")
    seed = write(folder, "seed.csv", HEADER + "C02;13-03-2025 09:00;Phone;Billing;;\n"
                 + "C99;13-03-2025 09:00;Phone;Billing;;\n")
    import_contacts(conn, seed)
    return conn


def imported(folder: Path, export: Path):
    conn = fresh_store(folder)
    try:
        before = conn.cursor().execute("select current_setting('memory_limit')").fetchall()[0][0]
        result = import_contacts(conn, export)
        result.extra["memory_limit_before"] = before
        rows = conn.cursor().execute(
            "select contact_id, started_at, channel, reason_l1, wait_seconds, csat from contacts"
            " where import_id = $i order by rowid", {"i": result.import_id}).fetchall()
        return result, rows, conn
    except Exception:
        conn.close()
        raise


@pytest.fixture
def large(monkeypatch):
    """Every file counts as large; record the memory limit and databases seen while staging."""
    monkeypatch.setattr(pipeline, "LARGE_FILE_BYTES", 0)
    seen = {}
    real = staging.stage_rows

    def watched(cur, *args, **kwargs):
        seen["memory_limit"] = cur.execute("select current_setting('memory_limit')").fetchall()[0][0]
        seen["database"] = kwargs.get("database")
        return real(cur, *args, **kwargs)

    monkeypatch.setattr(pipeline, "stage_rows", watched)
    return seen


def scratch_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("contacts-import-*"))


def test_large_file_way_gives_what_the_small_file_way_gives(tmp_path, large):
    export = write(tmp_path, "week.csv", HEADER + ROWS)
    (tmp_path / "small").mkdir()
    (tmp_path / "large").mkdir()
    with pytest.MonkeyPatch.context() as small_only:
        small_only.setattr(pipeline, "LARGE_FILE_BYTES", 1 << 60)
        small, small_rows, conn = imported(tmp_path / "small", export)
        conn.close()
    assert large["database"] is None
    large.clear()
    folders_before = scratch_folders()

    big, big_rows, conn = imported(tmp_path / "large", export)
    try:
        cur = conn.cursor()
        limit_after = cur.execute("select current_setting('memory_limit')").fetchall()[0][0]
        databases = {r[0] for r in cur.execute("select database_name from duckdb_databases()").fetchall()}
        search_path = cur.execute("select current_setting('search_path')").fetchall()[0][0]
    finally:
        conn.close()

    # The large way really ran: staged in a scratch database with DuckDB held to 2.5 GiB.
    assert large["database"] and large["database"].startswith("import_scratch_")
    assert pipeline.setting_bytes(large["memory_limit"]) <= pipeline.IMPORT_MEMORY_LIMIT_BYTES
    # The same rows, counts, line numbers and reasons as the small way, in file order.
    assert big_rows == small_rows
    assert [r[0] for r in big_rows] == ["C10", "C11", "C14", "C15"]
    assert big_rows[0][4] == 12.5 and big_rows[2][4] == 125.0
    assert (big.rows_read, big.inserted, big.duplicates, big.rejected) == (8, 4, 2, 2)
    assert (small.rows_read, small.inserted, small.duplicates, small.rejected) == (8, 4, 2, 2)
    assert big.rejects.to_dict("records") == small.rejects.to_dict("records")
    assert big.rejects["line"].tolist() == [5, 7]
    # Nothing is left behind: no scratch database or folder, the limit and path as before.
    assert limit_after == big.extra["memory_limit_before"]
    assert not any(name.startswith("import_scratch_") for name in databases)
    assert search_path == ""
    assert scratch_folders() == folders_before


def test_refused_large_file_leaves_the_connection_as_it_was(tmp_path, large):
    export = write(tmp_path, "bad.csv", HEADER + "".join(
        f"C{i};not a date;Phone;Billing;;\n" for i in range(10)))
    conn = fresh_store(tmp_path)
    try:
        cur = conn.cursor()
        limit_before = cur.execute("select current_setting('memory_limit')").fetchall()[0][0]
        with pytest.raises(ImportRefused):
            import_contacts(conn, export)
        assert cur.execute("select current_setting('memory_limit')").fetchall()[0][0] == limit_before
        assert cur.execute("select count(*) from contacts").fetchall() == [(2,)]
        names = [r[0] for r in cur.execute("select database_name from duckdb_databases()").fetchall()]
        assert not any(name.startswith("import_scratch_") for name in names)
    finally:
        conn.close()


def test_memory_sizes_are_read_as_duckdb_writes_them():
    assert pipeline.setting_bytes("18.8 GiB") == pytest.approx(18.8 * 2**30)
    assert pipeline.setting_bytes("2GB") == 2e9
    assert pipeline.setting_bytes("512.0 MiB") == 512 * 2**20
    assert pipeline.setting_bytes("unlimited") is None
