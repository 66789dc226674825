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


# The files that take a minute or more of one worker (`--durations`), begun first: `make test`
# hands whole files to two workers in the order collected (`--no-loadscope-reorder`: by
# default xdist begins the files with the most tests, and a long file of one test ran last,
# keeping one worker busy for minutes after the other had finished).
SLOWEST_FIRST = (
    "tests/test_reason_review.py",
    "tests/browser/test_language_in_browser.py",
    "tests/simulation/test_pilot_simulation.py",
    "tests/browser/test_load_in_browser.py",
    "tests/test_text_reason_model.py",
    "tests/browser/test_reasons_from_texts_in_browser.py",
    "tests/browser/test_sign_in_in_browser.py",
    "tests/browser/test_reports_in_browser.py",
    "tests/browser/test_real_exports_in_browser.py",
    "tests/browser/test_reason_review_in_browser.py",
    "tests/test_odd_stores_commands.py",
    "tests/test_parquet_mode.py",
    "tests/browser/test_protocol_load_in_browser.py",
    "tests/test_import_killed.py",
    "tests/test_real_export_commands.py",
)


def pytest_collection_modifyitems(items):
    rank = {path: place for place, path in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: the rest as collected
