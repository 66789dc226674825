"""AppTest fixtures: each test gets the real app on a store built once per session."""

from __future__ import annotations


import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.support.stores import ROOT, build_demo_store, build_sf311_store

APP = str(ROOT / "app.py")


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("demo") / "contacts.duckdb")


@pytest.fixture(scope="session")
def sf311_store(tmp_path_factory):
    return build_sf311_store(tmp_path_factory.mktemp("sf311") / "contacts.duckdb")


def _clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()  # closes nothing, but the next connection() opens the new store


# The store whose caches the last test left for the next one (see app_on's share_caches).
_caches_left_for: dict[str, str | None] = {"store": None}


@pytest.fixture(scope="session", autouse=True)
def _no_caches_left_at_the_end():
    """Connections a last sharing test left in the caches are closed before Python exits."""
    yield
    _clear_streamlit_caches()


@pytest.fixture
def app_on(monkeypatch):
    """``app_on(store_path)`` -> an AppTest of the whole app on that store, already run.

    Every test starts with empty caches, as a fresh server would, unless it passes
    ``share_caches=True`` and the test before it did the same on the same store: then it
    finds what that one cached, as a second session on a running server does (the caches
    are keyed by data version, not by store, so they are never shared across stores).
    Tests that only read a store share its learned reasons this way instead of learning
    them again (about 20 s each)."""
    opened, shared = [], []

    def start(store, page: str | None = None, query: dict | None = None, timeout: float = 60, *,
              share_caches: bool = False) -> AppTest:
        """``query`` sets URL parameters before the first run, as a shared link does (AppTest
        does not carry a changed widget through a rerun of an app with st.navigation)."""
        if not (share_caches and _caches_left_for["store"] == str(store)):
            _clear_streamlit_caches()
        shared.append(str(store) if share_caches else None)
        _caches_left_for["store"] = None
        monkeypatch.setenv("CONTACTS_DB", str(store))
        at = AppTest.from_file(APP, default_timeout=timeout)
        at.query_params.update(query or {})
        at.run()  # the frame (sidebar filters) runs only on a normal run, so run it first
        if page:
            at.switch_page(page)
            at.run()
        opened.append(at)
        return at

    yield start
    if shared and shared[0] is not None and shared.count(shared[0]) == len(shared):
        _caches_left_for["store"] = shared[0]
    else:
        _clear_streamlit_caches()
