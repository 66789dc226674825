"""Flagging periods outside the 95% band, and splitting a gap over parts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.baseline import (
    decompose_gap,
    expected_by_grain,
    expected_by_share,
    fit_baseline,
    flag_anomalies,
    holiday_calendar,
)
from analytics.baseline.synthetic import synthetic_daily_counts, synthetic_daily_mean

DATA = Path(__file__).resolve().parent / "data"
STEP_DAY = pd.Timestamp("2025-07-01")


@pytest.fixture(scope="module")
def step_change():
    """A quiet series (base 500, alpha 0.005) that drops 30% from 1 July 2025; the
    baseline is fitted on data before June."""
    mean = synthetic_daily_mean("2023-01-01", 3 * 365 + 1, base=500, holiday=0.3, seed=21,
                                effects=[(STEP_DAY, "2025-12-31", 0.7)])
    daily = synthetic_daily_counts(mean, alpha=0.005, seed=22)
    fitted = fit_baseline(daily[:"2025-05-31"])
    frame = fitted.predict("2025-06-02", "2025-08-31")
    frame.insert(0, "actual", daily["2025-06-02":"2025-08-31"].to_numpy())
    return fitted, frame


def test_step_change_is_flagged_on_the_right_days(step_change):
    _, frame = step_change
    flagged = flag_anomalies(frame).set_index("date")
    after = frame.index >= STEP_DAY
    flagged_after = frame.index[after].isin(flagged.index).mean()
    flagged_before = frame.index[~after].isin(flagged.index).mean()
    assert flagged_after >= 0.9
    assert flagged_before <= 0.1
    assert (flagged.loc[flagged.index >= STEP_DAY, "direction"] == "below").all()
    assert flagged.loc[flagged.index >= STEP_DAY, "gap_pct"].median() == pytest.approx(-0.3, abs=0.06)


def test_step_change_is_flagged_on_every_week_it_touches(step_change):
    fitted, frame = step_change
    weeks = expected_by_grain(frame, "week", draws=fitted.simulate(frame.index[0], frame.index[-1]))
    flagged = flag_anomalies(weeks)
    assert list(flagged.columns[:1]) == ["week"]
    # The step falls on a Tuesday: its ISO week (Monday 30 June) already has 6 low days.
    touched = weeks.index[weeks.index + pd.Timedelta(days=6) >= STEP_DAY]
    assert touched[0] == pd.Timestamp("2025-06-30")
    assert list(flagged["week"]) == list(touched)


def test_flag_anomalies_on_given_rows():
    frame = pd.DataFrame({"actual": [100, 150, 40, 0], "expected": [100, 100, 100, 0],
                          "lo95": [80, 80, 80, 0], "hi95": [120, 120, 120, 2]},
                         index=pd.date_range("2025-03-03", periods=4, name="date"))
    flagged = flag_anomalies(frame)
    assert list(flagged["date"]) == [pd.Timestamp("2025-03-04"), pd.Timestamp("2025-03-05")]
    assert list(flagged["direction"]) == ["above", "below"]
    assert list(flagged["gap"]) == [50, -60]
    assert list(flagged["gap_pct"]) == [0.5, -0.6]
    with pytest.raises(ValueError, match="missing \\['hi95'\\]"):
        flag_anomalies(frame.drop(columns="hi95"))


def test_decompose_gap_matches_the_reference_rows():
    reference = pd.read_csv(DATA / "baseline_decompose_gap.csv")
    given = reference[["part", "actual", "expected"]].sample(frac=1.0, random_state=1)
    result = decompose_gap(given)
    pd.testing.assert_frame_equal(result, reference, check_dtype=False)
    assert result["share_of_gap"].sum() == pytest.approx(1.0)


def test_decompose_gap_rejects_duplicate_parts():
    with pytest.raises(ValueError, match="only once"):
        decompose_gap(pd.DataFrame({"part": ["a", "a"], "actual": [1, 2], "expected": [1, 1]}))


def test_expected_by_share_splits_the_parent_so_gaps_add_up():
    days = pd.date_range("2025-01-01", periods=70, freq="D")
    history = pd.concat([
        pd.DataFrame({"date": days, "part": "billing", "count": 30}),
        pd.DataFrame({"date": days, "part": "login", "count": 10}),
        pd.DataFrame({"date": days[:10], "part": "retired reason", "count": 5}),
    ])
    parent = pd.Series([80.0, 120.0], index=pd.date_range("2025-03-12", periods=2))
    split = expected_by_share(history, parent, lookback_days=56)
    shares = split.groupby("part")["share"].first()
    assert shares["billing"] == pytest.approx(0.75) and shares["login"] == pytest.approx(0.25)
    assert shares["retired reason"] == 0
    np.testing.assert_allclose(split.groupby("date")["expected"].sum(), parent.to_numpy())
    with pytest.raises(ValueError, match="No contacts in the 56 days before 2025-01-01"):
        expected_by_share(history, pd.Series([1.0], index=[pd.Timestamp("2025-01-01")]))


def test_holiday_calendar_lists_dutch_holidays():
    calendar = holiday_calendar("2025-01-01", "2025-12-31")
    assert list(calendar.columns) == ["date", "name"]
    assert pd.Timestamp("2025-04-26") in set(calendar["date"])  # King's Day on a Saturday in 2025
    assert pd.Timestamp("2025-12-25") in set(calendar["date"])
    german = holiday_calendar("2025-10-01", "2025-10-31", country="DE")
    assert pd.Timestamp("2025-10-03") in set(german["date"])
    with pytest.raises(ValueError, match="Unknown country code 'XX'"):
        holiday_calendar("2025-01-01", "2025-12-31", country="XX")


def test_events_frame_is_checked():
    daily = pd.Series(50, index=pd.date_range("2025-01-01", periods=70, freq="D"))
    with pytest.raises(ValueError, match="lacks column"):
        fit_baseline(daily, events=pd.DataFrame({"starts_on": ["2025-01-05"]}))
    backwards = pd.DataFrame({"starts_on": ["2025-01-05"], "ends_on": ["2025-01-01"], "foreseen": [True],
                              "name": ["mailing"], "kind": ["campaign"]})
    with pytest.raises(ValueError, match="'mailing' ends before it starts"):
        fit_baseline(daily, events=backwards)
