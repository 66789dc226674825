"""Weekly and monthly sums with draw-based intervals, and the seasonal-naive references."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.baseline import expected_by_grain, fit_baseline, seasonal_naive, seasonal_naive_forecast
from analytics.baseline.synthetic import synthetic_daily_counts, synthetic_daily_mean


@pytest.fixture(scope="module")
def fitted_and_future():
    mean = synthetic_daily_mean("2023-01-01", 3 * 365 + 1, base=200, holiday=0.3, seed=3)
    daily = synthetic_daily_counts(mean, alpha=0.02, seed=4)
    history, future = daily[:"2025-09-30"], daily["2025-10-01":]
    return fit_baseline(history), future


def test_week_interval_is_narrower_relative_to_its_mean_than_a_days(fitted_and_future):
    fitted, _ = fitted_and_future
    days = fitted.predict("2025-10-06", "2025-11-02")
    weeks = expected_by_grain(days, "week", draws=fitted.simulate("2025-10-06", "2025-11-02"))
    day_width = ((days["hi95"] - days["lo95"]) / days["expected"]).median()
    week_width = ((weeks["hi95"] - weeks["lo95"]) / weeks["expected"]).median()
    assert week_width < 0.6 * day_width
    # ...and proper intervals of the sum, far narrower than summed daily bounds.
    summed = days.groupby(days.index - pd.to_timedelta(days.index.day_of_week, unit="D"))[["lo95", "hi95"]].sum()
    assert ((weeks["hi95"] - weeks["lo95"]) < 0.7 * (summed["hi95"] - summed["lo95"])).all()


def test_weekly_intervals_cover_future_weeks(fitted_and_future):
    fitted, future = fitted_and_future
    start, end = "2025-10-06", "2025-12-28"  # 12 whole ISO weeks after the fit
    frame = fitted.predict(start, end)
    frame.insert(0, "actual", future[start:end].to_numpy())
    weeks = expected_by_grain(frame, "week", draws=fitted.simulate(start, end))
    assert len(weeks) == 12 and (weeks["days"] == 7).all()
    inside = (weeks["lo95"] <= weeks["actual"]) & (weeks["actual"] <= weeks["hi95"])
    assert inside.mean() >= 10 / 12
    assert (weeks["actual"] == frame["actual"].groupby(weeks.index.repeat(7)).sum().to_numpy()).all()


def test_weeks_are_iso_weeks_labelled_by_monday_and_months_by_first_day(fitted_and_future):
    fitted, _ = fitted_and_future
    frame = fitted.predict("2025-10-01", "2025-11-30")  # starts on a Wednesday
    draws = fitted.simulate("2025-10-01", "2025-11-30", n=500)
    weeks = expected_by_grain(frame, "week", draws=draws)
    assert weeks.index.name == "week" and (weeks.index.day_of_week == 0).all()
    assert weeks.index[0] == pd.Timestamp("2025-09-29") and weeks["days"].iloc[0] == 5
    months = expected_by_grain(frame, "month", draws=draws)
    assert list(months.index) == [pd.Timestamp("2025-10-01"), pd.Timestamp("2025-11-01")]
    assert list(months["days"]) == [31, 30]
    assert months["expected"].sum() == pytest.approx(frame["expected"].sum())
    assert (months["lo95"] <= months["expected"]).all() and (months["expected"] <= months["hi95"]).all()


def test_day_grain_returns_the_frame(fitted_and_future):
    fitted, _ = fitted_and_future
    frame = fitted.predict("2025-10-01", "2025-10-07")
    pd.testing.assert_frame_equal(expected_by_grain(frame, "day"), frame)


def test_grain_errors(fitted_and_future):
    fitted, _ = fitted_and_future
    frame = fitted.predict("2025-10-01", "2025-10-14")
    with pytest.raises(ValueError, match="need the simulated draws"):
        expected_by_grain(frame, "week")
    with pytest.raises(ValueError, match="one column per day"):
        expected_by_grain(frame, "week", draws=np.zeros((10, 3)))
    with pytest.raises(ValueError, match="Unknown grain"):
        expected_by_grain(frame, "quarter")
    sums_only = expected_by_grain(frame[["expected"]], "week")
    assert list(sums_only.columns) == ["expected", "days"]


def test_naive_8w_is_the_mean_of_the_same_weekday_over_the_8_weeks_before():
    days = pd.date_range("2025-01-01", periods=70, freq="D")
    daily = pd.Series(np.arange(70), index=days)
    naive = seasonal_naive(daily)
    assert naive["naive_8w"].iloc[:56].isna().all()
    # mean of t-7, t-14, ..., t-56 for a series equal to t
    np.testing.assert_allclose(naive["naive_8w"].iloc[56:], np.arange(56, 70) - 31.5)
    assert naive["naive_last_year"].isna().all()


def test_naive_last_year_is_364_days_back_on_the_same_weekday():
    days = pd.date_range("2024-01-01", periods=400, freq="D")
    daily = pd.Series(np.arange(400), index=days)
    naive = seasonal_naive(daily)
    assert naive.loc["2024-12-30", "naive_last_year"] == 0  # Monday 30 Dec 2024 <- Monday 1 Jan 2024
    assert naive.index[364].day_of_week == days[0].day_of_week


def test_naive_forecast_uses_only_the_history():
    days = pd.date_range("2025-01-06", periods=70, freq="D")  # starts on a Monday
    history = pd.Series(np.where(days.day_of_week == 0, 10, 1), index=days)
    ahead = seasonal_naive_forecast(history, "2025-03-17", "2025-04-13")
    assert len(ahead) == 28
    assert (ahead.loc[ahead.index.day_of_week == 0, "naive_8w"] == 10).all()
    assert (ahead.loc[ahead.index.day_of_week != 0, "naive_8w"] == 1).all()
    assert ahead["naive_last_year"].isna().all()
