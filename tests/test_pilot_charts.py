"""The Pilots page's figures: the weekly counterfactual frame on hand-made series with a
known answer, and the figures' traces, shading and markers."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.charts import pilots as charts

START = date(2026, 3, 2)  # a Monday
LABELS = {"actual": "Actual", "expected": "Expected", "band": "Band", "pilot": "Pilot", "rollout": "Rollout",
          "y": "Contacts", "week_of": "Week of"}


def _daily(days: int = 140) -> pd.DataFrame:
    """Target: 10 a day; control: 40 a day (so the target is a quarter of the control)."""
    index = pd.date_range("2025-11-01", periods=days, freq="D", name="date")
    return pd.DataFrame({"target": 10.0, "control": 40.0}, index=index)


def _persistence(weeks: int = 6, effect: float = -0.2) -> pd.DataFrame:
    starts = pd.date_range(START, periods=weeks, freq="7D")
    expected = np.full(weeks, 70.0)
    actual = expected * (1 + effect)
    return pd.DataFrame({"week_start": starts, "actual": actual, "expected": expected,
                         "relative_effect": effect, "ci_low": effect - 0.1, "ci_high": effect + 0.1,
                         "rolling_effect": effect, "rolling_ci_low": effect - 0.05,
                         "rolling_ci_high": effect + 0.05, "after_rollout": [False] * 4 + [True] * (weeks - 4)})


def test_counterfactual_frame_weeks_align_with_the_pilot_and_sum_the_days():
    frame = charts.counterfactual_frame(_daily(), _persistence(), START, control_share=0.25, pre_weeks=8)
    before = frame[frame["phase"] == "before"]
    assert len(before) == 8
    assert (pd.to_datetime(before["week_start"]).dt.day_of_week == START.weekday()).all()
    assert pd.Timestamp(before["week_start"].iloc[-1]) == pd.Timestamp(START) - pd.Timedelta(days=7)
    assert before["actual"].tolist() == [70.0] * 8  # 7 days x 10
    assert before["expected"].tolist() == pytest.approx([70.0] * 8)  # a quarter of 7 x 40
    assert before["expected_low"].isna().all()
    assert frame["phase"].tolist()[-6:] == ["pilot"] * 4 + ["after"] * 2


def test_counterfactual_band_is_the_counterfactual_of_the_effect_interval():
    frame = charts.counterfactual_frame(_daily(), _persistence(effect=-0.2), START, control_share=0.25)
    pilot = frame[frame["phase"] == "pilot"]
    # actual 56 = expected 70 x 0.8; the effect's interval -30%..-10% means a counterfactual 56/0.9..56/0.7
    assert pilot["expected_low"].tolist() == pytest.approx([56 / 0.9] * 4)
    assert pilot["expected_high"].tolist() == pytest.approx([56 / 0.7] * 4)
    assert (pilot["expected_low"] < pilot["expected"]).all() and (pilot["expected"] < pilot["expected_high"]).all()


def test_baseline_method_has_no_expected_line_before_the_pilot():
    frame = charts.counterfactual_frame(_daily(), _persistence(), START, control_share=None)
    assert frame.loc[frame["phase"] == "before", "expected"].isna().all()
    assert frame.loc[frame["phase"] != "before", "expected"].notna().all()


def test_short_history_keeps_only_full_weeks():
    daily = _daily(days=10 + 121)  # starts 2025-11-01, pilot on 2026-03-02: 121 days before it
    frame = charts.counterfactual_frame(daily.iloc[3:], _persistence(), START, pre_weeks=52)
    before = frame[frame["phase"] == "before"]
    assert len(before) == (121 - 3) // 7
    assert (before["actual"] == 70.0).all()


def test_counterfactual_chart_shades_the_window_and_marks_rollout():
    frame = charts.counterfactual_frame(_daily(), _persistence(), START, control_share=0.25)
    fig = charts.counterfactual_chart(frame, pilot_start=START, pilot_end=date(2026, 3, 29),
                                      rollout_on=date(2026, 3, 30), labels=LABELS)
    names = [trace.name for trace in fig.data]
    assert {"Actual", "Expected", "Band"} <= set(names)
    window = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(window) == 1
    assert pd.Timestamp(window[0].x0) == pd.Timestamp(START)
    assert pd.Timestamp(window[0].x1) == pd.Timestamp("2026-03-30")
    assert any(a.text == "Rollout" for a in fig.layout.annotations)
    actual = next(trace for trace in fig.data if trace.name == "Actual")
    end = pd.Timestamp("2026-03-30")
    inside = [x for x in map(pd.Timestamp, actual.x) if pd.Timestamp(START) <= x < end]
    assert len(inside) == 4  # each of the pilot's four weeks drawn inside the shaded window


def test_placebo_chart_marks_the_real_effect():
    fig = charts.placebo_chart([-0.05, 0.02, 0.0, 0.04], -0.3,
                               labels={"fake": "Fake", "real": "Real", "x": "Effect", "y": "Count"})
    assert list(fig.data[0].x) == [-0.05, 0.02, 0.0, 0.04]
    assert any(s.x0 == -0.3 and s.x1 == -0.3 for s in fig.layout.shapes)
    assert fig.layout.shapes[0].line.color == charts.FEWER


def test_forest_chart_colours_only_significant_rows_and_never_shows_minus_zero():
    rows = pd.DataFrame({"label": ["Contacts", "Handle time"], "effect": [-0.3, -0.001], "low": [-0.4, -0.05],
                         "high": [-0.2, 0.05], "significant": [True, False]})
    fig = charts.forest_chart(rows, x_title="Change")
    trace = fig.data[0]
    assert list(trace.y) == ["Handle time", "Contacts"]  # first row on top
    assert list(trace.marker.color) == [charts.FAKE, charts.FEWER]
    assert list(trace.text) == ["0%", "\u221230%"]


def test_detectable_effect_chart_marks_the_chosen_length_and_expectation():
    table = pd.DataFrame({"weeks": [1, 2, 4], "mde": [0.5, 0.3, 0.2]})
    fig = charts.detectable_effect_chart(table, weeks=4, expected_effect=-0.25,
                                         labels={"mde": "MDE", "expected": "Expected", "chosen": "Chosen",
                                                 "x": "Weeks", "y": "Fewer"})
    chosen = next(trace for trace in fig.data if trace.name == "Chosen")
    assert list(chosen.x) == [4] and list(chosen.y) == [0.2]
    assert any(s.y0 == 0.25 for s in fig.layout.shapes)


def test_persistence_chart_keeps_no_change_inside_the_plot():
    weekly = _persistence(weeks=8, effect=-0.3)
    fig = charts.persistence_chart(weekly, pilot_effect=-0.3, rollout_on=date(2026, 3, 30), fades_from=None,
                                   labels={"week": "Week", "rolling": "Four weeks", "band": "Band", "pilot": "Pilot",
                                           "rollout": "Rollout", "fades": "Fades", "y": "Effect"})
    low, high = fig.layout.yaxis.range
    assert low < -0.35 and high > 0.0  # the band and the zero line both visible, with room above zero
    assert [trace.name for trace in fig.data] == [None, "Band", "Four weeks", "Week"]
