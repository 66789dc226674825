"""The app on a file that is not a contact store shows why, as an error, and no page."""

from __future__ import annotations

import duckdb


def test_the_app_on_a_foreign_database_shows_the_refusal(app_on, tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("create table orders as select 1 as order_id").close()
    at = app_on(path)
    assert not at.exception
    assert len(at.error) == 1 and "is a DuckDB database but not a contact store" in at.error[0].value
    assert not at.metric and not at.get("plotly_chart")


def test_the_app_on_random_bytes_shows_the_refusal(app_on, tmp_path):
    path = tmp_path / "noise.duckdb"
    path.write_bytes(b"\x00garbage" * 4096)
    at = app_on(path)
    assert not at.exception
    assert len(at.error) == 1 and "is not a contact store" in at.error[0].value
