"""The Volume trends page in AppTest: the band is drawn, the week's sentence is shown, a
store too short for a baseline says why."""

from __future__ import annotations

import base64
import json
import re
from datetime import timedelta

import numpy as np

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


def _traces(at) -> list[list[str | None]]:
    return [[trace.get("name") for trace in json.loads(chart.proto.spec)["data"]] for chart in at.get("plotly_chart")]


def test_trends_on_sf311_renders(app_on, sf311_store):
    """Two years of San Francisco requests: enough history for a baseline."""
    at = app_on(sf311_store, page=PAGE)
    assert not at.exception and not at.warning
    assert "95% band" in _traces(at)[0] and "Expected" in _traces(at)[0]


def test_trends_on_a_thin_filter_still_has_a_baseline(app_on, demo_store):
    """"Other" by video: a few contacts a day, still enough for a baseline of its own."""
    at = app_on(demo_store, page=PAGE, query={"filter_reason": "Other", "filter_channel": "Video"})
    assert not at.exception and not at.warning
    assert "95% band" in _traces(at)[0]


def test_without_a_baseline_the_actual_counts_follow_the_grain(app_on, demo_store):
    """The store's first four weeks have no history before them: the page says so and draws
    what happened, per week when the reader picked weeks, per day otherwise."""
    from ui import cache

    app_on(demo_store, page=PAGE)
    conn = cache.connection().cursor()  # the app's own connection: DuckDB allows one kind per file
    first = conn.execute("select min(started_at)::date from contacts").fetchone()[0]
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    period = [str(monday), str(monday + timedelta(days=27))]
    total = conn.execute("select count(*) from contacts where started_at::date between $a and $b",
                         {"a": monday, "b": monday + timedelta(days=27)}).fetchone()[0]
    conn.close()
    for grain, points in (("Day", 28), ("Week", 4)):
        at = app_on(demo_store, page=PAGE, query={"filter_period": period, "trends_grain": grain})
        assert not at.exception
        assert any("there is none before this period" in w.value for w in at.warning)
        (chart,) = at.get("plotly_chart")
        traces = json.loads(chart.proto.spec)["data"]
        assert "Expected" not in [trace.get("name") for trace in traces]
        (actual,) = [trace for trace in traces if trace.get("name") == "Actual"]
        counts = _values(actual["y"])
        assert len(counts) == points and counts.sum() == total


def _values(plotted) -> np.ndarray:
    """A trace's values as plotly's JSON holds them: a list, or a typed array in base64."""
    if isinstance(plotted, dict):
        return np.frombuffer(base64.b64decode(plotted["bdata"]), dtype=plotted["dtype"])
    return np.asarray(plotted)
