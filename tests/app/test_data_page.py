"""The Data page in AppTest: every section renders, edits are saved and refused when wrong."""

from __future__ import annotations

import pytest

PAGE = "pages/data.py"


@pytest.mark.parametrize("section", ["Import", "History", "Reasons", "Channels", "Drivers", "Events"])
def test_each_section_renders(app_on, demo_store, section):
    """Each section opens from its URL and shows its own content."""
    at = app_on(demo_store, page=PAGE, query={"data_section": section})
    assert not at.exception
    assert at.title[0].value == "Data"
    assert at.segmented_control(key="data_section").value == section


def test_history_lists_the_demo_build(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"data_section": "History"})
    history = at.dataframe[0].value
    assert len(history) >= 1
    assert history["rows_read"].iloc[-1] == history["inserted"].iloc[-1] + history["duplicates"].iloc[-1] + history["rejected"].iloc[-1]


def test_adding_an_event_is_stored(app_on, tmp_path, demo_store):
    at = app_on(demo_store, page=PAGE, query={"data_section": "Events"})
    before = len(at.dataframe[0].value)
    at.text_input[0].set_value("Price change letter")
    at.button[0].click().run()
    assert not at.exception
    assert len(at.dataframe[0].value) == before + 1
