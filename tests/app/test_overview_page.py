"""The Overview page in AppTest: on the demo store, on SF311, and on an empty store."""

from __future__ import annotations


import functools

import duckdb
from streamlit.testing.v1 import AppTest

from analytics.store import open_store
from tests.app.conftest import APP


def _count_in_last_28_days(store) -> int:
    conn = duckdb.connect(str(store))
    try:
        return conn.execute(
            "select count(*) from contacts where started_at >= "
            "(select cast(max(started_at) as date) from contacts) - interval 27 day"
        ).fetchall()[0][0]
    finally:
        conn.close()


def _metric(at, label):
    return next(m for m in at.metric if m.label == label)


def test_overview_on_demo_shows_the_period_count(app_on, demo_store):
    at = app_on(demo_store)
    assert not at.exception
    assert at.title[0].value == "Overview"
    expected = _count_in_last_28_days(demo_store)
    assert _metric(at, "Contacts").value == f"{expected:,}"
    assert len(at.get("plotly_chart")) >= 2


def test_overview_follows_filters_from_the_url(app_on, demo_store):
    total = int(_metric(app_on(demo_store), "Contacts").value.replace(",", ""))
    at = app_on(demo_store, query={"filter_reason": "Delivery", "filter_channel": "voice (group)"})
    assert not at.exception
    assert at.sidebar.selectbox(key="filter_reason").value == "Delivery"
    filtered = int(_metric(at, "Contacts").value.replace(",", ""))
    assert 0 < filtered < total
    conn = duckdb.connect(str(demo_store))
    expected = conn.execute(
        "select count(*) from contacts join channels using (channel) where reason_l1 = 'Delivery'"
        " and channel_group = 'voice' and started_at >= (select cast(max(started_at) as date) from contacts) - interval 27 day"
    ).fetchall()[0][0]
    conn.close()
    assert filtered == expected


def test_overview_on_sf311(app_on, sf311_store):
    at = app_on(sf311_store)
    assert not at.exception
    assert int(_metric(at, "Contacts").value.replace(",", "")) > 0 and not at.info


def test_empty_store_shows_the_welcome(app_on, tmp_path):
    empty = tmp_path / "empty.duckdb"
    open_store(empty).close()
    at = app_on(empty)
    assert not at.exception
    assert any("Welcome" in s.value for s in at.subheader)
    assert any(b.label.startswith("Load the demo") for b in at.button)



def test_a_second_session_draws_the_same_shared_charts(app_on, demo_store, monkeypatch):
    """Charts are built once and shared between sessions (``ui.cache.figure``): the second
    manager on the same filters gets the figure the first one built, unchanged by having
    been drawn."""
    from analytics import charts

    builds = []
    original = charts.daily_contacts_chart

    @functools.wraps(original)
    def counted(*args, **kwargs):
        builds.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(charts, "daily_contacts_chart", counted)
    first = app_on(demo_store)
    specs = [chart.proto.spec for chart in first.get("plotly_chart")]
    second = AppTest.from_file(APP, default_timeout=60)  # another session, same server caches
    second.run()
    assert not second.exception
    assert len(specs) >= 2
    assert [chart.proto.spec for chart in second.get("plotly_chart")] == specs
    assert len(builds) == 1
