"""Seasonal baseline engine: expected daily contact volume with prediction intervals.

Pure logic (no Streamlit). What history expected for some days, with its bands and its
one way to decline, is :func:`expected_for_days` (every view asks it). Fit on days,
aggregate to weeks or months with :func:`expected_by_grain`; compare with :func:`seasonal_naive`; check the design with
:func:`backtest`; flag and explain gaps with :func:`flag_anomalies`,
:func:`decompose_gap` and :func:`expected_by_share`.
"""

from analytics.baseline.aggregate import expected_by_grain
from analytics.baseline.anomalies import decompose_gap, expected_by_share, flag_anomalies
from analytics.baseline.backtest import BacktestResult, backtest, backtest_table
from analytics.baseline.calendar import holiday_calendar
from analytics.baseline.commercial import CommercialDay, commercial_calendar
from analytics.baseline.config import BaselineConfig, InsufficientHistory, UnfittableHistory
from analytics.baseline.expectation import Expectation, PeriodExpectation, expected_for_days
from analytics.baseline.model import FittedBaseline, fit_baseline
from analytics.baseline.naive import seasonal_naive, seasonal_naive_forecast

__all__ = [
    "BacktestResult",
    "BaselineConfig",
    "CommercialDay",
    "Expectation",
    "FittedBaseline",
    "InsufficientHistory",
    "PeriodExpectation",
    "UnfittableHistory",
    "backtest",
    "backtest_table",
    "commercial_calendar",
    "decompose_gap",
    "expected_by_grain",
    "expected_by_share",
    "expected_for_days",
    "fit_baseline",
    "flag_anomalies",
    "holiday_calendar",
    "seasonal_naive",
    "seasonal_naive_forecast",
]
