"""Open pages follow new data: a small fragment in the sidebar looks at the store's data
version every ``CONTACTS_REFRESH_SECONDS`` (default 30) and reruns the whole app when it
moved, so every chart redraws from the new data (the caches key on the version). It also
shows when the data was last updated, and by which import.

A fragment's own rerun touches nothing outside it: widgets keep their values, open menus
stay open; only a real change of data reruns the app, as a click would.
"""

from __future__ import annotations

import streamlit as st

from analytics.i18n import t
from analytics.live.worker import seconds_from_env
from analytics.overview import StoreFreshness, default_period
from analytics.store import StoreError
from ui import cache, format
from ui.filters import PERIOD_KEY

DEFAULT_REFRESH_SECONDS = 30.0
DRAWN_VERSION_KEY = "live_drawn_version"
DEFAULT_PERIOD_KEY = "live_default_period"


def refresh_seconds() -> float:
    """``CONTACTS_REFRESH_SECONDS`` (a positive number), else 30."""
    return seconds_from_env("CONTACTS_REFRESH_SECONDS", DEFAULT_REFRESH_SECONDS)


def frame(version: int) -> None:
    """Start the inbox worker, remember the version this run draws, and put the
    self-refreshing "data updated" line in the sidebar."""
    cache.start_inbox_worker()
    st.session_state[DRAWN_VERSION_KEY] = version
    with st.sidebar:
        _follow_the_data()


def follow_default_period(freshness: StoreFreshness) -> None:
    """Keep a period the user left at its default (the last 28 days with data) on the
    default when new days arrive, so last night's import is in the numbers; a period the
    user picked, or opened from a link, stays as it is. Call before the filters are drawn."""
    new_default = default_period(freshness)
    old_default = st.session_state.get(DEFAULT_PERIOD_KEY)
    st.session_state[DEFAULT_PERIOD_KEY] = new_default
    shown = st.session_state.get(PERIOD_KEY)
    if old_default and new_default != old_default and shown is not None and tuple(shown) == tuple(old_default):
        st.session_state[PERIOD_KEY] = new_default


def updated_text(update) -> str:
    """ "Data updated 23-11-2026 02:10 · import of contacts_2026-11-22.csv" """
    if update.changed_at is None or update.data_version == 0:
        return t("live.updated_never")
    if update.file_name:
        return t("live.updated_by_import", moment=format.moment(update.changed_at), file=update.file_name)
    return t("live.updated", moment=format.moment(update.changed_at))


@st.fragment(run_every=refresh_seconds())
def _follow_the_data() -> None:
    try:
        version = cache.current_data_version()
    except StoreError:
        return
    if version != st.session_state.get(DRAWN_VERSION_KEY, version):
        st.rerun(scope="app")
    st.caption(updated_text(cache.last_update(version)), help=t("live.refresh_help", seconds=f"{refresh_seconds():g}"))
