"""Fixtures shared by several test files."""

from __future__ import annotations

import pytest

from analytics.store import open_store


@pytest.fixture
def store(tmp_path):
    """A fresh, empty contact store in a temporary folder."""
    conn = open_store(tmp_path / "store.duckdb")
    yield conn
    conn.close()
