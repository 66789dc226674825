"""What every analysis page starts with: its title, the active filter and the store's
freshness; the welcome instead when the store is empty."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from analytics.filters import ContactFilter
from analytics.overview import StoreFreshness
from ui import cache, filters, welcome


@dataclass(frozen=True)
class PageContext:
    contact_filter: ContactFilter
    version: int
    freshness: StoreFreshness


def start(title: str) -> PageContext:
    """Draw the title; stop the page (after the welcome) when there is nothing to show."""
    st.title(title)
    version = cache.current_data_version()
    freshness = cache.store_freshness(version)
    if not freshness.contacts:
        welcome.show()
        st.stop()
    contact_filter = filters.active_filter()
    if contact_filter is None:
        st.stop()
    return PageContext(contact_filter, version, freshness)
