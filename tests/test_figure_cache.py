"""Figures are built once per arguments and language and shared (``ui.cache.figure``)."""

from __future__ import annotations

import pickle

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


def test_a_large_frame_is_keyed_by_all_its_rows():
    """Streamlit's own key hashes a sample of 10,000 rows of a frame from 50,000: a change in
    one row outside it kept the old figure. The frame's key covers every row."""
    contacts = list(range(60_000))
    first = cache.figure(counted_chart, _frame(contacts), label="Contacts")
    contacts[12_345] += 1
    changed = cache.figure(counted_chart, _frame(contacts), label="Contacts")
    assert changed is not first
    assert changed.data[0].y[12_345] == 12_346
    assert len(built) == 2


def test_the_frame_key_is_exact_and_copes_with_odd_columns():
    assert cache.frame_key(_frame([3, 4, 5])) == cache.frame_key(_frame([3, 4, 5]))
    assert cache.frame_key(_frame([3, 4, 5])) != cache.frame_key(_frame([3, 4, 6]))
    assert cache.frame_key(_frame([3, 4, 5])["contacts"]) != cache.frame_key(_frame([3, 4, 6])["contacts"])
    odd = pd.DataFrame({"thing": [lambda: 1, lambda: 2]})  # cannot be pickled
    assert cache.frame_key(odd) == cache.frame_key(odd)
    missing = pd.DataFrame({"channel": pd.Series(["Phone", None], dtype="str"), "share": [0.5, float("nan")]})
    assert cache.frame_key(missing) == cache.frame_key(missing.copy())
    assert cache.frame_key(missing) != cache.frame_key(missing.fillna({"channel": "", "share": 0.0}))


def test_equal_text_columns_share_a_key_however_they_were_put_together():
    """A cached result comes back as a new frame, its text columns held in other Arrow
    chunks than the first session's (their pickles differ): the key must not."""
    whole = pd.DataFrame({"channel": pd.Series(["Phone", "Chat", "E-mail"], dtype="str"), "contacts": [3, 2, 1]})
    sliced = pd.DataFrame({"channel": pd.Series(["Post", "Phone", "Chat", "E-mail"], dtype="str"),
                           "contacts": [9, 3, 2, 1]}).iloc[1:].reset_index(drop=True)
    sorted_twice = whole.sort_values("contacts").sort_values("contacts", ascending=False).reset_index(drop=True)
    for other in (sliced, sorted_twice):
        assert other.equals(whole) and pickle.dumps(other) != pickle.dumps(whole)
        assert cache.frame_key(other) == cache.frame_key(whole)


def test_different_frames_never_share_a_key():
    """Names, categories, missing kinds and text that would run together all count."""
    base = _frame([3, 4])
    renamed_index = base.rename_axis("week")
    swapped = base[["contacts", "day"]]
    assert len({cache.frame_key(f) for f in (base, renamed_index, swapped)}) == 3
    cats = pd.DataFrame({"c": pd.Categorical(["a", "b"], categories=["a", "b"])})
    other_cats = pd.DataFrame({"c": pd.Categorical(["a", "b"], categories=["b", "a"])})
    assert cache.frame_key(cats) != cache.frame_key(other_cats)
    joined = pd.DataFrame({"t": pd.Series(["a\x1fb", "c"], dtype=object)})
    split = pd.DataFrame({"t": pd.Series(["a", "b\x1fc"], dtype=object)})
    assert cache.frame_key(joined) != cache.frame_key(split)
    kinds = [pd.DataFrame({"x": pd.Series([value, "a"], dtype=object)}) for value in (None, float("nan"), pd.NA)]
    assert len({cache.frame_key(f) for f in kinds}) == 3


def _draws_a_shared_figure_and_a_copy_of_it():
    import plotly.graph_objects as go
    import streamlit as st

    from tests.test_figure_cache import _frame, counted_chart
    from ui import cache

    shared = cache.figure(counted_chart, _frame([3, 4, 5]), label="Contacts")
    st.plotly_chart(cache.drawing(shared), key="shared")
    st.plotly_chart(go.Figure(shared), key="copy")  # drawn as Streamlit draws any figure


def test_a_shared_figure_is_turned_into_its_dict_once_and_drawn_as_any_figure(monkeypatch):
    """Streamlit turns a figure into its dict on every run; a shared figure's is made once."""
    import json

    from streamlit.testing.v1 import AppTest

    calls = []
    own_to_dict = go.Figure.to_dict
    monkeypatch.setattr(go.Figure, "to_dict", lambda self: calls.append(type(self).__name__) or own_to_dict(self))
    run = AppTest.from_function(_draws_a_shared_figure_and_a_copy_of_it, default_timeout=30)
    run.run()
    run.run()
    assert not run.exception
    shared, copy = (json.loads(chart.proto.spec) for chart in run.get("plotly_chart"))
    assert shared == copy and shared["data"][0]["name"] == "Contacts"
    assert len(calls) == 1 + 2  # the shared figure once, when built; the copy on each run
