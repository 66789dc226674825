"""The Volume trends page in AppTest: the band is drawn, the week's sentence is shown, a
store too short for a baseline says why."""

from __future__ import annotations

import json
import re

PAGE = "pages/trends.py"


def test_trends_on_demo_shows_band_and_week_sentence(app_on, demo_store):
    at = app_on(demo_store, page=PAGE)
    assert not at.exception
    assert at.title[0].value == "Volume trends"
    chart = at.get("plotly_chart")[0]
    names = [trace.get("name") for trace in json.loads(chart.proto.spec)["data"]]
    assert "95% band" in names and "Expected" in names and "Actual" in names
    assert any(m.value.startswith("**Week ") for m in at.markdown)


def test_the_week_sentence_is_the_weekly_reports_answer(app_on, demo_store):
    """The default view ends on the store's last day, so its last whole week is the weekly
    report's default week: one expected percentage, one contributor, one horizon in words;
    the chart says it forecasts from the day before the view."""
    trends_page = app_on(demo_store, page=PAGE)
    sentence = next(m.value for m in trends_page.markdown if m.value.startswith("**Week "))
    assert any("forecast from the history up to the day before the period" in c.value for c in trends_page.caption)
    weekly_page = app_on(demo_store, page="pages/weekly.py")
    headline = next(m.value for m in weekly_page.markdown if m.value.startswith("**Week "))
    assert sentence.split(":")[0] == headline.split(":")[0]  # the same week
    gap = re.search(r"\d+% (below|above) what the history up to the week before expected", sentence).group(0)
    contributor = re.search(r"biggest contributor (.+ \([+\-−]?[\d,]+\))", sentence).group(1)
    assert gap in headline and f"biggest contributor {contributor}" in headline, (sentence, headline)


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
