"""The rolling-origin backtest: the model beats the seasonal-naive reference and its
intervals are calibrated out of sample, on a series with a known truth."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.baseline import BacktestResult, BaselineConfig, InsufficientHistory, backtest, fit_baseline
from analytics.baseline.backtest import backtest_origins
from analytics.baseline.synthetic import synthetic_daily_counts, synthetic_daily_mean


@pytest.fixture(scope="module")
def three_years() -> pd.Series:
    mean = synthetic_daily_mean("2023-01-01", 3 * 365 + 1, base=200, holiday=0.3, seed=3)
    return synthetic_daily_counts(mean, alpha=0.02, seed=4)


@pytest.fixture(scope="module")
def daily_result(three_years) -> BacktestResult:
    return backtest(three_years)


def test_model_beats_seasonal_naive(daily_result):
    assert daily_result.mape_model < daily_result.mape_seasonal_naive
    assert daily_result.mape_model < daily_result.mape_naive_last_year
    assert daily_result.wape_model < daily_result.wape_seasonal_naive


def test_intervals_are_calibrated_out_of_sample(daily_result):
    assert 0.90 <= daily_result.coverage_95 <= 0.98
    assert 0.72 <= daily_result.coverage_80 <= 0.88


def test_result_describes_itself(daily_result):
    summary = daily_result.to_dict()
    assert summary["horizon_days"] == 28 and summary["n_origins"] == 12 and summary["grain"] == "day"
    assert "actual > 0" in summary["error_basis"] and "WAPE" in summary["error_basis"]
    assert "periods" not in summary
    assert summary["fit_seconds_median"] > 0  # its speed is measured in benchmarks/page_work.py, not here
    assert len(daily_result.periods) == 12 * 28


def test_origins_are_mondays_over_the_last_year(three_years):
    origins = backtest_origins(three_years.index, 28, 12, None)
    assert len(origins) == 12 and all(o.day_of_week == 0 for o in origins)
    assert origins[-1] + pd.Timedelta(days=27) <= three_years.index[-1]
    assert three_years.index[-1] - origins[0] < pd.Timedelta(days=366)


def test_weekly_backtest_scores_weekly_sums(three_years):
    weekly = backtest(three_years, grain="week")
    assert weekly.grain == "week" and len(weekly.periods) == 12 * 4
    assert weekly.mape_model < weekly.mape_seasonal_naive
    assert weekly.coverage_95 >= 0.85
    assert (weekly.periods.index.day_of_week == 0).all()


def test_low_volume_backtest_works_and_reports_wape():
    mean = synthetic_daily_mean("2023-01-01", 3 * 365 + 1, base=3.0, seed=11)
    daily = synthetic_daily_counts(mean, alpha=0.0, seed=12)
    assert (daily == 0).mean() > 0.05
    result = backtest(daily, n_origins=6)
    assert np.isfinite([result.mape_model, result.wape_model, result.coverage_95]).all()
    assert result.coverage_95 >= 0.90


def test_backtest_needs_history():
    daily = pd.Series(5, index=pd.date_range("2025-01-01", periods=60, freq="D"))
    with pytest.raises(InsufficientHistory, match="backtest needs at least 56 days"):
        backtest(daily)


def test_weekly_backtest_needs_whole_weeks(three_years):
    with pytest.raises(ValueError, match="whole weeks"):
        backtest(three_years, grain="week", horizon_days=30)


def test_real_thin_sample_fits_and_beats_the_naive_reference():
    """San Francisco 311 requests (tests/data/README.md): about 3 contacts a day."""
    frame = pd.read_csv(Path(__file__).resolve().parent / "data" / "sf311_service_requests_sample.csv",
                        usecols=["created_date"])
    days = pd.to_datetime(frame["created_date"], format="ISO8601", utc=True).dt.tz_convert(None).dt.normalize()
    daily = days.value_counts().sort_index().asfreq("D", fill_value=0)["2015-01-01":"2017-12-31"]
    config = BaselineConfig(country="US")
    fitted = fit_baseline(daily, config=config)
    assert any("Low volume" in note for note in fitted.notes)
    result = backtest(daily, config=config)
    assert result.wape_model < result.wape_seasonal_naive
    assert result.coverage_95 >= 0.90
