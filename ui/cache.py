"""All Streamlit caching in one place.

One DuckDB connection per process (``st.cache_resource``); every query runs on its own
cursor, because Streamlit sessions are threads. Query results are cached with bounds and
keyed by the store's data version, so an import anywhere in the app shows up on the next
rerun without a restart.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import streamlit as st

from analytics import catalog
from analytics import overview as overview_logic
from analytics import trends
from analytics.demo import DemoSettings, fill_open_store
from analytics.filters import ContactFilter
from analytics.store import data_version, open_store, resolve_db_path

RESULT_TTL_SECONDS = 3600
RESULT_MAX_ENTRIES = 256
STORE_TABLES = ("import_history", "reason_tree", "channel_table", "driver_summary", "event_list")


def connection() -> duckdb.DuckDBPyConnection:
    """The process's one read-write connection to the contact store."""
    return _connection_to(str(resolve_db_path()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection_to(path: str) -> duckdb.DuckDBPyConnection:
    return open_store(path)


def current_data_version() -> int:
    """Read on every rerun (one tiny query): the key that retires stale cached results."""
    return data_version(connection())


def clear_results() -> None:
    """Forget cached query results (after a write in this process)."""
    st.cache_data.clear()


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def store_freshness(version: int) -> overview_logic.StoreFreshness:
    return overview_logic.store_freshness(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def filter_options(version: int):
    return overview_logic.filter_options(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def overview(version: int, contact_filter: ContactFilter) -> overview_logic.Overview:
    return overview_logic.overview(connection(), contact_filter)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def store_table(version: int, name: str):
    """One of the Data page's tables by name (import_history, reason_tree, channel_table,
    driver_summary, event_list)."""
    if name not in STORE_TABLES:
        raise ValueError(f"Unknown store table {name!r}.")
    return getattr(catalog, name)(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def driver_daily(version: int, driver: str):
    return catalog.driver_daily(connection(), driver)


def load_demo() -> int:
    """Fill the (empty) store with the default demo; return the number of contacts."""
    contacts = fill_open_store(connection(), resolve_db_path(), DemoSettings(end=date.today() - timedelta(days=1)))
    clear_results()
    return contacts


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=64, show_spinner=False)
def volume_trend(version: int, contact_filter: ContactFilter, grain: str, first_day: date):
    """The fitted baseline for one filter and grain (a fit is the expensive part)."""
    return trends.volume_trend(connection(), contact_filter, grain, first_day=first_day)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=64, show_spinner=False)
def gap_by_part(version: int, contact_filter: ContactFilter, expected_daily, part: str):
    return trends.gap_by_part(connection(), contact_filter, expected_daily, part)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=32, show_spinner=False)
def baseline_quality(version: int, contact_filter: ContactFilter, first_day: date, last_day: date) -> dict:
    return trends.baseline_quality(connection(), contact_filter, first_day=first_day, last_day=last_day)
