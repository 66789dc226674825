"""The baseline's optional exposure (a log offset): on counts that scale with a known
daily volume it recovers the rate's season and predicts at the given volume; a constant
exposure changes nothing; bad or missing exposures are refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.baseline import fit_baseline

DAYS = pd.date_range("2025-01-06", periods=175, freq="D")  # 25 weeks, from a Monday
RATE = np.where(DAYS.day_of_week >= 5, 0.02, 0.05)  # contacts per order: lower at weekends


def orders_growing(days: pd.DatetimeIndex) -> pd.Series:
    """Orders doubling over the period, with a weekly wobble of their own."""
    growth = np.exp(np.log(2) * np.arange(len(days)) / len(days))
    wobble = np.where(days.day_of_week == 0, 1.3, 1.0)
    return pd.Series(2000 * growth * wobble, index=days, name="orders")


def test_exposure_recovers_the_rate_and_predicts_at_the_given_volume():
    rng = np.random.default_rng(11)
    orders = orders_growing(DAYS)
    contacts = pd.Series(rng.poisson(RATE * orders.to_numpy()).astype(float), index=DAYS)
    fit_days, future = DAYS[:147], DAYS[147:]
    exposure = orders.copy()
    exposure[future] = 10_000.0  # the last four weeks: a known, much higher volume
    model = fit_baseline(contacts[fit_days], exposure=exposure)
    expected = model.expected(future[0], future[-1])
    true_rate = RATE[147:]
    assert (expected / 10_000.0).to_numpy() == pytest.approx(true_rate, rel=0.12)
    bands = model.predict(future[0], future[-1])
    assert (bands["lo95"] <= expected).all() and (expected <= bands["hi95"]).all()
    # the volume baseline without the exposure cannot know about the jump in orders
    volume_only = fit_baseline(contacts[fit_days]).expected(future[0], future[-1])
    assert volume_only.sum() < 0.7 * expected.sum()


def test_a_constant_exposure_changes_nothing():
    rng = np.random.default_rng(5)
    contacts = pd.Series(rng.poisson(RATE * 2000).astype(float), index=DAYS)
    plain = fit_baseline(contacts[:147]).expected(DAYS[147], DAYS[-1])
    constant = pd.Series(500.0, index=DAYS)
    with_exposure = fit_baseline(contacts[:147], exposure=constant).expected(DAYS[147], DAYS[-1])
    assert with_exposure.to_numpy() == pytest.approx(plain.to_numpy(), rel=1e-6)


def test_days_without_exposure_are_left_out_of_the_fit():
    rng = np.random.default_rng(2)
    orders = orders_growing(DAYS)
    contacts = pd.Series(rng.poisson(RATE * orders.to_numpy()).astype(float), index=DAYS)
    exposure = orders.copy()
    exposure[DAYS[20:30]] = np.nan
    exposure[DAYS[40]] = 0.0
    model = fit_baseline(contacts[:147], exposure=exposure)
    assert any("11 days without a positive exposure" in note for note in model.notes)
    assert not model.used_in_fit[20:30].any() and not model.used_in_fit[40]


def test_predicting_a_day_without_exposure_is_refused():
    rng = np.random.default_rng(3)
    orders = orders_growing(DAYS)
    contacts = pd.Series(rng.poisson(RATE * orders.to_numpy()).astype(float), index=DAYS)
    model = fit_baseline(contacts[:147], exposure=orders[:147])
    with pytest.raises(ValueError, match="every predicted day needs a positive exposure"):
        model.expected(DAYS[147], DAYS[150])


def test_negative_exposure_is_refused():
    contacts = pd.Series(np.full(147, 10.0), index=DAYS[:147])
    with pytest.raises(ValueError, match="cannot be negative"):
        fit_baseline(contacts, exposure=pd.Series(-1.0, index=DAYS))
