"""Figures are built once per arguments and language and shared (``ui.cache.figure``)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
import streamlit as st

from analytics.i18n import t, using_language
from ui import cache

built: list[tuple[str, int]] = []


def counted_chart(frame: pd.DataFrame, *, label: str) -> go.Figure:
    """A builder that records each build and speaks the active language."""
    built.append((label, len(frame)))
    return go.Figure(go.Bar(x=frame["day"], y=frame["contacts"], name=label),
                     layout=dict(title=t("overview.contacts")))


@pytest.fixture(autouse=True)
def _empty_caches():
    built.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _frame(contacts: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"day": pd.date_range("2026-11-02", periods=len(contacts)), "contacts": contacts})


def test_the_same_arguments_share_one_figure():
    first = cache.figure(counted_chart, _frame([3, 4, 5]), label="Contacts")
    again = cache.figure(counted_chart, _frame([3, 4, 5]), label="Contacts")  # equal data, another frame
    assert again is first
    assert built == [("Contacts", 3)]


def test_other_data_or_options_build_another_figure():
    first = cache.figure(counted_chart, _frame([3, 4, 5]), label="Contacts")
    other_data = cache.figure(counted_chart, _frame([3, 4, 6]), label="Contacts")
    other_label = cache.figure(counted_chart, _frame([3, 4, 5]), label="Calls")
    assert len({id(first), id(other_data), id(other_label)}) == 3
    assert list(other_data.data[0].y) == [3, 4, 6]
    assert other_label.data[0].name == "Calls"
    assert len(built) == 3


def test_each_language_has_its_own_figure_built_in_that_language():
    with using_language("en"):
        english = cache.figure(counted_chart, _frame([1, 2]), label="x")
    with using_language("nl"):
        dutch = cache.figure(counted_chart, _frame([1, 2]), label="x")
    assert english.layout.title.text == "Contacts"
    assert dutch.layout.title.text == "Klantcontacten"
    assert len(built) == 2
