"""The Volume trends page in AppTest: the band is drawn, the week's sentence is shown, a
store too short for a baseline says why."""

from __future__ import annotations

import json

PAGE = "pages/trends.py"


def test_trends_on_demo_shows_band_and_week_sentence(app_on, demo_store):
    at = app_on(demo_store, page=PAGE)
    assert not at.exception
    assert at.title[0].value == "Volume trends"
    chart = at.get("plotly_chart")[0]
    names = [trace.get("name") for trace in json.loads(chart.proto.spec)["data"]]
    assert "95% band" in names and "Expected" in names and "Actual" in names
    assert any(m.value.startswith("**Week ") for m in at.markdown)


def test_trends_week_grain(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"trends_grain": "Week"})
    assert not at.exception
    assert at.segmented_control(key="trends_grain").value == "Week"


def test_trends_on_sf311_renders(app_on, sf311_store):
    at = app_on(sf311_store, page=PAGE)
    assert not at.exception
    assert at.get("plotly_chart") or at.warning


def test_trends_on_a_thin_filter_explains_instead_of_failing(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"filter_reason": "Other", "filter_channel": "Video"})
    assert not at.exception
    assert at.get("plotly_chart") or at.warning
