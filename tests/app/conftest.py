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


@pytest.fixture
def app_on(monkeypatch):
    """``app_on(store_path)`` -> an AppTest of the whole app on that store, already run."""
    opened = []

    def start(store, page: str | None = None, query: dict | None = None, timeout: float = 60) -> AppTest:
        """``query`` sets URL parameters before the first run, as a shared link does (AppTest
        does not carry a changed widget through a rerun of an app with st.navigation)."""
        _clear_streamlit_caches()
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
    _clear_streamlit_caches()
