"""The Data page in AppTest: every section renders, edits are saved and refused when wrong."""

from __future__ import annotations

import contextvars
import shutil

import pytest

from analytics import i18n
from analytics.store import commercial_sector, open_store
from analytics.trends import baseline_config

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


def test_the_season_settings_speak_dutch_and_an_editor_sets_the_sector(app_on, tmp_path, demo_store, monkeypatch):
    """Data → Events in Dutch: the holiday country named in Dutch, the commercial days of the
    store's sector listed; choosing "none" stores it and says so."""
    store = tmp_path / "contacts.duckdb"
    shutil.copy(demo_store, store)
    monkeypatch.setattr(i18n, "_active", contextvars.ContextVar("language", default="nl"))  # as ?lang=nl does
    at = app_on(store, page=PAGE, query={"data_section": "Events", "lang": "nl"})
    assert not at.exception
    country = at.selectbox(key="data_holiday_country")
    assert country.value == "NL" and "Nederland (NL)" in country.options
    assert {"Verenigd Koninkrijk (GB)", "Verenigde Staten (US)"} <= set(country.options)
    sector = at.selectbox(key="data_commercial_sector")
    assert sector.value == "retail" and sector.options == ["Detailhandel", "Geen (geen commerciële dagen)"]
    assert any("“Black Friday”" in c.value and "(Nederland, Detailhandel)" in c.value for c in at.caption)
    sector.set_value("none").run()
    assert not at.exception
    assert any(s.value == "Vanaf nu kent het seizoen geen commerciële dagen." for s in at.success)
    conn = open_store(store)  # the same kind of connection the app holds open in this process
    assert commercial_sector(conn) == "none" and baseline_config(conn).sector is None
