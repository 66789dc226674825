"""Annotations on time charts: bands and lines at the right dates, labels that do not
overlap, items outside the shown days dropped, and every time chart builder takes them."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analytics import charts
from analytics.charts import pilots as pilot_charts
from analytics.charts import ratios as ratio_charts
from analytics.charts import reasons as reason_charts
from analytics.charts import weekly as weekly_charts
from analytics.charts.annotations import (LABEL_CHARS, annotate, label_rows, short_label, timeline_labels,
                                          timeline_shapes)
from analytics.i18n import using_language
from analytics.timeline import TimelineItem

FIRST, LAST = date(2026, 4, 1), date(2026, 5, 31)
ITEMS = [
    TimelineItem("event", "Spring sale", date(2026, 4, 13), date(2026, 4, 26), "Order", True),
    TimelineItem("holiday", "King's Day", date(2026, 4, 27), date(2026, 4, 27)),
    TimelineItem("pilot", "Track-and-trace e-mail for every parcel", date(2026, 3, 30), date(2026, 4, 26),
                 "rolled_out"),
    TimelineItem("rollout", "Track-and-trace e-mail for every parcel", date(2026, 5, 4), date(2026, 5, 4),
                 "rolled_out"),
    TimelineItem("event", "Payment outage", date(2026, 5, 30), date(2026, 6, 3), "", False),  # runs past the end
    TimelineItem("event", "Winter sale", date(2026, 1, 5), date(2026, 1, 18), "", True),  # before: dropped
    TimelineItem("holiday", "Christmas Day", date(2026, 12, 25), date(2026, 12, 25)),  # after: dropped
]


def _days_figure(first=FIRST, last=LAST) -> go.Figure:
    days = pd.date_range(first, last, freq="D")
    return charts.daily_contacts_chart(pd.DataFrame({"day": days, "contacts": np.arange(len(days))}))


def _x(value) -> pd.Timestamp:
    return pd.Timestamp(value)


def test_bands_and_lines_sit_on_their_days_and_outside_items_are_dropped():
    fig = annotate(_days_figure(), ITEMS, first_day=FIRST, last_day=LAST)
    shapes = timeline_shapes(fig)
    spans = {(s.name, _x(s.x0), _x(s.x1)) for s in shapes if s.type == "rect"}
    lines = {(s.name, _x(s.x0)) for s in shapes if s.type == "line"}
    assert spans == {
        ("timeline:event", _x("2026-04-13"), _x("2026-04-27")),   # through the end of the 26th
        ("timeline:pilot", _x("2026-04-01"), _x("2026-04-27")),   # started before the chart: cut at its start
        ("timeline:event", _x("2026-05-30"), _x("2026-05-31")),   # runs on after the chart: cut at its end
    }
    assert lines == {("timeline:holiday", _x("2026-04-27")), ("timeline:rollout", _x("2026-05-04"))}
    texts = [a.text for a in timeline_labels(fig)]
    assert len(texts) == 5
    assert not any("Winter" in (a.hovertext or "") or "Christmas" in (a.hovertext or "") for a in timeline_labels(fig))
    assert all(len(text) <= LABEL_CHARS for text in texts)
    assert "Track-and-trace e-mail for every parcel" in next(a.hovertext for a in timeline_labels(fig)
                                                             if a.name == "timeline:pilot")
    # a legend entry per kind shown (planned and unplanned events apart)
    legend = {trace.name for trace in fig.data if trace.meta == "timeline"}
    assert legend == {"Event (planned)", "Event (unplanned)", "Public holiday", "Pilot", "Rollout"}


def test_the_axis_is_not_widened_by_an_annotation():
    fig = annotate(_days_figure(), ITEMS, first_day=FIRST, last_day=LAST)
    xs = [_x(s.x0) for s in timeline_shapes(fig)] + [_x(s.x1) for s in timeline_shapes(fig)]
    assert min(xs) >= _x(FIRST) and max(xs) <= _x(LAST)


def test_nothing_in_range_leaves_the_figure_as_it_was():
    before = _days_figure()
    after = annotate(_days_figure(), ITEMS, first_day=date(2026, 7, 1), last_day=date(2026, 7, 31))
    assert after.to_json() == before.to_json()
    assert annotate(_days_figure(), [], first_day=FIRST, last_day=LAST).to_json() == before.to_json()


def test_labels_that_would_overlap_go_on_different_rows():
    assert label_rows([0, 1, 2, 50], [10, 10, 10, 10], rows=3) == [0, 1, 2, 0]
    assert label_rows([0, 1, 2, 3], [10, 10, 10, 10], rows=3) == [0, 1, 2, None]  # no room: a marker only
    crowded = [TimelineItem("event", f"Campaign {i}", date(2026, 4, 1 + i), date(2026, 4, 1 + i), "", True)
               for i in range(3)]
    fig = annotate(_days_figure(), crowded, first_day=FIRST, last_day=LAST)
    shifts = [a.yshift for a in timeline_labels(fig)]
    assert len(set(shifts)) == 3  # three labels a day apart: three rows
    assert short_label("Track-and-trace e-mail for every parcel") == "Track-and-trace e…"


def test_labels_follow_the_language():
    with using_language("nl"):
        fig = annotate(_days_figure(), ITEMS, first_day=FIRST, last_day=LAST)
    assert {"Feestdag", "Proef", "Uitrol"} <= {trace.name for trace in fig.data}
    assert any(a.text.startswith("Uitrol") for a in timeline_labels(fig))
    assert any("27-04-2026" in (a.hovertext or "") for a in timeline_labels(fig))  # Dutch date in the hover


def _annotated_kinds(fig: go.Figure) -> set[str]:
    return {s.name for s in timeline_shapes(fig)}


@pytest.fixture
def periods():
    index = pd.date_range(FIRST, LAST, freq="D")
    n = len(index)
    return pd.DataFrame({"actual": np.full(n, 100.0), "expected": 100.0, "lo80": 90.0, "hi80": 110.0, "lo95": 80.0,
                         "hi95": 120.0, "ratio": 5.0, "expected_ratio": 5.0}, index=index)


def test_every_time_chart_builder_draws_the_annotations(periods):
    none = pd.DataFrame(columns=["period", "actual", "direction"])
    built = {
        "daily": charts.daily_contacts_chart(periods.reset_index(names="day").assign(contacts=1), annotations=ITEMS),
        "baseline": charts.baseline_chart(periods, none, annotations=ITEMS),
        "ratio": ratio_charts.ratio_chart(periods, annotations=ITEMS),
        "mix": reason_charts.channel_mix_chart(
            pd.DataFrame({"period": list(periods.index) * 2, "channel": ["Phone"] * len(periods) + ["E-mail"] * len(periods),
                          "channel_group": ["voice"] * len(periods) + ["written"] * len(periods), "contacts": 5}),
            by="channel", labels={"contacts": "Contacts", "share": "Share"}, group_names={}, annotations=ITEMS),
        "taxonomy": weekly_charts.taxonomy_trend_chart(
            pd.DataFrame({"month": pd.date_range("2026-01-01", "2026-12-01", freq="MS"), "other_share": 0.1,
                          "first_level_only_share": 0.2}),
            labels={"other": "Other", "shallow": "Shallow", "share": "Share"}, annotations=ITEMS),
    }
    weeks = pd.date_range("2026-03-02", "2026-05-25", freq="7D")
    frame = pd.DataFrame({"week_start": weeks, "actual": 100.0, "expected": 110.0, "expected_low": 100.0,
                          "expected_high": 120.0, "phase": "pilot"})
    built["counterfactual"] = pilot_charts.counterfactual_chart(
        frame, pilot_start=date(2026, 3, 30), pilot_end=date(2026, 4, 26), rollout_on=None,
        labels={k: k for k in ("actual", "expected", "band", "pilot", "rollout", "y", "week_of")}, annotations=ITEMS)
    persistence = pd.DataFrame({"week_start": weeks, "relative_effect": -0.2, "rolling_effect": -0.2,
                                "rolling_ci_low": -0.3, "rolling_ci_high": -0.1})
    built["persistence"] = pilot_charts.persistence_chart(
        persistence, pilot_effect=-0.2, rollout_on=None, fades_from=None,
        labels={k: k for k in ("week", "rolling", "band", "pilot", "rollout", "fades", "y")}, annotations=ITEMS)
    for name, fig in built.items():
        assert "timeline:event" in _annotated_kinds(fig), name
        assert "timeline:holiday" in {a.name for a in timeline_labels(fig)}, name
    # the monthly trend spans January to the start of December: the winter sale is in, and
    # Christmas, after the last point drawn, is not (the axis is not widened for it)
    taxonomy_hovers = [a.hovertext or "" for a in timeline_labels(built["taxonomy"])]
    assert any("Winter sale" in h for h in taxonomy_hovers) and not any("Christmas" in h for h in taxonomy_hovers)
    # without annotations the builders draw none
    assert not timeline_shapes(charts.baseline_chart(periods, none))


def test_over_years_holidays_are_markers_with_a_hover_not_lines():
    first, last = date(2024, 1, 1), date(2026, 12, 31)
    items = [TimelineItem("holiday", "King's Day", date(2025, 4, 26), date(2025, 4, 26)),
             TimelineItem("event", "Black Friday", date(2025, 11, 28), date(2025, 12, 1), "", True)]
    fig = annotate(_days_figure(first, last), items, first_day=first, last_day=last)
    assert [s.name for s in timeline_shapes(fig)] == ["timeline:event"]
    holiday = next(a for a in timeline_labels(fig) if a.name == "timeline:holiday")
    assert holiday.text == "▴" and holiday.y == 0 and "King's Day" in holiday.hovertext
    assert next(a for a in timeline_labels(fig) if a.name == "timeline:event").text == "Black Friday"


def test_names_typed_by_users_are_shown_as_text_not_markup():
    from analytics.charts.annotations import short_label

    assert "<" not in short_label("<b>Black Friday</b><br>") and "&lt;b&gt;" in short_label("<b>Black Friday</b>")
