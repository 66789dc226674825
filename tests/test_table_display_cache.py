"""Tables drawn with st.dataframe: what the Styler makes of a table (its text per cell and
its styles) is made once per table and shared, and always says what the table holds."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pytest
import streamlit.elements.arrow as arrow_element
from streamlit.proto.ArrowData_pb2 import ArrowData

from analytics.formatting import Column, table_view
from analytics.i18n import using_language
from ui import cache, format


def _view(contacts=(12345, 678), share=(0.125, None)):
    frame = pd.DataFrame({"reason": ["Bezorging", "Retour"], "contacts": list(contacts), "share": list(share)})
    return table_view(frame, {"reason": Column("Reason"), "contacts": Column("Contacts", "count"),
                              "share": Column("Share", "share")})


def _drawn(styler) -> ArrowData:
    proto = ArrowData()
    arrow_element.marshall_styler(proto, styler, "position-uuid")
    return proto


def _texts(proto: ArrowData) -> list[list[str]]:
    table = pa.ipc.open_stream(io.BytesIO(proto.styler.display_values)).read_all().to_pandas()
    return table.astype(str).values.tolist()


@pytest.fixture(autouse=True)
def _empty():
    cache._display_values.clear()
    yield
    cache._display_values.clear()


def test_st_dataframe_uses_the_shared_display_values():
    """Drawn through st.dataframe itself, as the pages do (format.show_table)."""
    assert arrow_element.marshall_styler is cache._marshall_shared_styler
    format.show_table(_view())
    format.show_table(_view())
    assert len(cache._display_values) == 1


def test_an_equal_table_is_made_once_and_reads_as_streamlit_would_write_it():
    first, second = _drawn(format.styled(_view())), _drawn(format.styled(_view()))
    assert len(cache._display_values) == 1
    assert first.styler.SerializeToString() == second.styler.SerializeToString()  # one message, one uuid
    own = ArrowData()
    cache._streamlit_marshall_styler(own, format.styled(_view()), "position-uuid")
    assert _texts(second) == _texts(own)
    assert _texts(second)[0][1:] == ["12,345", "12.5%"] and _texts(second)[1][2] == "–"


def test_a_changed_cell_a_language_or_a_highlight_makes_its_own_table():
    base = _texts(_drawn(format.styled(_view())))
    changed = _texts(_drawn(format.styled(_view(contacts=(12346, 678)))))
    assert changed[0][1] == "12,346" != base[0][1]
    with using_language("nl"):
        dutch = _texts(_drawn(format.styled(_view())))
    assert dutch[0][1:] == ["12.345", "12,5%"]
    marked = _drawn(format.styled(_view(), highlight=([True, False], "#fde2e1", None)))
    assert "#fde2e1" in marked.styler.styles
    assert "#fde2e1" not in _drawn(format.styled(_view())).styler.styles
    assert len(cache._display_values) == 4


def test_the_shared_tables_are_bounded(monkeypatch):
    monkeypatch.setattr(cache, "TABLE_MAX_ENTRIES", 3)
    for n in range(6):
        _drawn(format.styled(_view(contacts=(n, 1))))
    assert len(cache._display_values) == 3


def test_a_styler_not_made_by_the_app_is_drawn_as_streamlit_does():
    _drawn(pd.DataFrame({"a": [1.5]}).style.format("{:.2f}"))
    assert len(cache._display_values) == 0
