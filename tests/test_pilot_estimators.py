"""The pilot estimators on series with a known truth: an injected drop is recovered, no
drop is not "found", a shock that hits target and control alike is cancelled by the
control group, and the naive before/after is fooled by the season."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.baseline.synthetic import synthetic_daily_counts, synthetic_daily_mean
from analytics.pilots.estimators import (
    PLACEBO_TARGET,
    baseline_estimate,
    control_estimate,
    headline_estimate,
    naive_estimate,
    placebo_starts,
)
from analytics.pilots.kpis import rate_effect

FIRST = "2023-01-02"
DAYS = 910
START = pd.Timestamp("2025-06-02")  # a Monday, day 882
END = START + pd.Timedelta(days=27)


def _series(effect: float = 0.0, shock: float = 1.0, seed: int = 1, base: float = 150.0):
    """Target and control with a common yearly season; ``effect`` on the target only and
    ``shock`` (a multiplier) on both, in the 4-week window."""
    window = [(str(START.date()), str(END.date()), shock)]
    target_mean = synthetic_daily_mean(FIRST, DAYS, base=base, yearly_amplitude=0.25, seed=seed,
                                       effects=[*window, (str(START.date()), str(END.date()), 1 + effect)])
    control_mean = synthetic_daily_mean(FIRST, DAYS, base=base * 5, yearly_amplitude=0.25, seed=seed + 1,
                                        effects=window)
    return (synthetic_daily_counts(target_mean, alpha=0.01, seed=seed + 10),
            synthetic_daily_counts(control_mean, alpha=0.01, seed=seed + 11))


@pytest.fixture(scope="module")
def drop_of_20():
    target, control = _series(effect=-0.2)
    cache: dict = {}
    estimate, _ = baseline_estimate(target, START, END, fit_cache=cache)
    return target, control, estimate


def test_the_baseline_recovers_an_injected_drop_with_an_interval_around_it(drop_of_20):
    _, _, estimate = drop_of_20
    assert estimate.method == "baseline"
    assert estimate.ci_low < -0.2 < estimate.ci_high
    assert estimate.relative_effect == pytest.approx(-0.2, abs=0.06)
    assert estimate.significant and estimate.p_value < 0.01
    assert estimate.absolute_effect < 0
    assert estimate.absolute_ci_low < estimate.absolute_effect < estimate.absolute_ci_high
    assert estimate.placebo is not None and estimate.placebo.n == PLACEBO_TARGET
    assert estimate.placebo.false_positive_rate <= 0.1


def test_the_control_group_recovers_the_same_drop(drop_of_20):
    target, control, _ = drop_of_20
    estimate = control_estimate(target, control, START, END)
    assert estimate.ci_low < -0.2 < estimate.ci_high
    assert estimate.significant
    assert estimate.placebo.n >= PLACEBO_TARGET


def test_no_effect_is_not_found():
    target, control = _series(effect=0.0, seed=5)
    baseline, _ = baseline_estimate(target, START, END)
    control_fit = control_estimate(target, control, START, END)
    for estimate in (baseline, control_fit):
        assert not estimate.significant, estimate.method
        assert estimate.ci_low < 0 < estimate.ci_high


def test_a_shock_that_hits_target_and_control_is_cancelled_by_the_control_not_by_the_baseline():
    # Both rise 40% in the window (say an outage); the pilot itself does nothing.
    target, control = _series(effect=0.0, shock=1.4, seed=7)
    baseline, _ = baseline_estimate(target, START, END)
    control_fit = control_estimate(target, control, START, END)
    assert baseline.significant and baseline.relative_effect > 0.25
    assert not control_fit.significant and abs(control_fit.relative_effect) < 0.08
    chosen, why = headline_estimate(baseline, control_fit)
    assert chosen.method == "control" and why == "control"


def test_the_naive_before_after_counts_the_season_as_effect():
    # A strong season falling into summer and no pilot effect: before/after sees a drop.
    mean = synthetic_daily_mean(FIRST, DAYS, base=200, yearly_amplitude=0.4, peak_day_of_year=20, seed=3)
    target = synthetic_daily_counts(mean, alpha=0.005, seed=4)
    naive = naive_estimate(target, START, END)
    baseline, _ = baseline_estimate(target, START, END)
    assert naive.relative_effect < -0.08
    assert abs(baseline.relative_effect) < 0.06 and not baseline.significant
    assert np.isnan(naive.ci_low) and np.isnan(naive.p_value)


def test_placebo_starts_sit_on_the_pilots_weekday_and_end_before_it():
    index = pd.date_range(FIRST, periods=DAYS, freq="D")
    starts = placebo_starts(index[0], START - pd.Timedelta(days=1), START, 28, 365)
    assert len(starts) == PLACEBO_TARGET
    assert all(s.day_of_week == START.day_of_week for s in starts)
    assert all(s + pd.Timedelta(days=27) < START for s in starts)
    assert all((s - index[0]).days >= 365 for s in starts)


def test_bad_windows_are_refused():
    target, control = _series()
    with pytest.raises(ValueError, match="not inside"):
        baseline_estimate(target, "2026-01-05", "2026-02-01")
    with pytest.raises(ValueError, match="before the window"):
        baseline_estimate(target, START, END, fit_end=START)
    with pytest.raises(ValueError, match="no contacts in the weeks before"):
        control_estimate(target, control * 0, START, END)


def test_a_rate_that_did_not_change_has_an_interval_around_zero_and_a_real_change_is_found():
    days = pd.date_range(FIRST, periods=DAYS, freq="D")
    rng = np.random.default_rng(2)
    contacts = pd.Series(rng.poisson(100, DAYS).astype(float), index=days)
    resolved_share = np.where((days >= START) & (days <= END), 0.80, 0.70)
    resolved = pd.Series(rng.binomial(contacts.astype(int), resolved_share).astype(float), index=days)
    effect = rate_effect("first_contact_resolution", "share", resolved, contacts, START.date(), END.date())
    assert effect.ci_low < 0.10 < effect.ci_high and effect.significant
    flat = pd.Series(rng.binomial(contacts.astype(int), 0.7).astype(float), index=days)
    none = rate_effect("first_contact_resolution", "share", flat, contacts, START.date(), END.date())
    assert none.ci_low < 0 < none.ci_high and not none.significant
