"""Fixtures shared by several test files."""

from __future__ import annotations

import os

import pytest

from analytics.store import open_store

# The app (AppTest and the servers the browser tests start) runs as one local user unless a
# test sets up sign-in itself; sign-in is never on by accident nor off by accident.
os.environ.setdefault("CONTACTS_AUTH", "local")


@pytest.fixture
def store(tmp_path):
    """A fresh, empty contact store in a temporary folder."""
    conn = open_store(tmp_path / "store.duckdb")
    yield conn
    conn.close()

