"""The app on a store in Parquet mode (contacts read from a Parquet dataset) shows the
same numbers as on the store's own table."""

from __future__ import annotations

import shutil

from tests.support.stores import run_cli


def _metric(at, label):
    return next(m for m in at.metric if m.label == label)


def test_overview_on_a_parquet_mode_store_shows_the_same_contacts(app_on, demo_store, tmp_path):
    parquet_store = tmp_path / "parquet.duckdb"
    shutil.copy(demo_store, parquet_store)
    run_cli("store", "export-parquet", "--db", str(demo_store), "--out", str(tmp_path / "dataset"))
    switched = run_cli("store", "use-parquet", str(tmp_path / "dataset"), "--db", str(parquet_store))
    assert switched["mode"] == "parquet"

    on_table = app_on(demo_store)
    assert not on_table.exception
    on_parquet = app_on(parquet_store)
    assert not on_parquet.exception
    assert on_parquet.title[0].value == "Overview"
    assert _metric(on_parquet, "Contacts").value == _metric(on_table, "Contacts").value
    assert int(_metric(on_parquet, "Contacts").value.replace(",", "")) > 0
    assert len(on_parquet.get("plotly_chart")) >= 2

    for page in ("pages/trends.py", "pages/reasons.py"):
        assert not app_on(parquet_store, page=page).exception, page
