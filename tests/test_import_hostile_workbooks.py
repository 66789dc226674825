"""Excel files that stand for far more work than their size, or reach outside the file,
are refused before they cost memory or time, with a message and nothing written; a plain
workbook of the same shape imports."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from analytics.importing import ImportRefused, import_contacts
from analytics.store import open_store
from tests.support.hostile_workbooks import (
    entity_expansion, external_entity, huge_dimension, plain_workbook, zip_bomb,
)


def _counts(conn) -> tuple[int, int, int]:
    cur = conn.cursor()
    return (cur.execute("select count(*) from contacts").fetchall()[0][0],
            cur.execute("select count(*) from import_log").fetchall()[0][0],
            cur.execute("select data_version from store_meta").fetchall()[0][0])


def _refusal(tmp_path: Path, workbook: Path) -> str:
    conn = open_store(tmp_path / "store.duckdb")
    try:
        before = _counts(conn)
        with pytest.raises(ImportRefused) as refused:
            import_contacts(conn, workbook)
        assert _counts(conn) == before
        return str(refused.value)
    finally:
        conn.close()


def test_a_plain_workbook_of_this_shape_imports(tmp_path):
    conn = open_store(tmp_path / "store.duckdb")
    try:
        result = import_contacts(conn, plain_workbook(tmp_path / "plain.xlsx", rows=5))
        assert (result.rows_read, result.inserted) == (5, 5)
    finally:
        conn.close()


def test_a_zip_bomb_is_refused_from_the_archive_directory_without_unpacking(tmp_path):
    bomb = zip_bomb(tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 3 * 2**20  # a few MB on disk, 300 MB unpacked
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    message = _refusal(tmp_path, bomb)
    assert time.perf_counter() - started < 30
    assert "unpacks to" in message and "CSV" in message
    # Refused from the directory: the process did not grow by the unpacked size.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 200 * 1024


def test_a_sheet_declaring_every_row_and_column_is_refused(tmp_path):
    message = _refusal(tmp_path, huge_dimension(tmp_path / "huge.xlsx"))
    assert "declares 1,048,576 rows and 16,384 columns" in message


@pytest.mark.parametrize("builder", [entity_expansion, lambda p: external_entity(p, Path("/etc/hostname"))],
                         ids=["billion-laughs", "external-entity"])
def test_a_workbook_declaring_entities_is_refused_before_parsing(tmp_path, builder):
    message = _refusal(tmp_path, builder(tmp_path / "entities.xlsx"))
    assert "document type declaration" in message and "xl/worksheets/sheet1.xml" in message
