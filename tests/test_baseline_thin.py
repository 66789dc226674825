"""The baseline on thin and broken histories: it fits what the counts can carry and declines,
in the user's words, what they cannot; never a solver's error.

The regulator's shape (years of a few complaints a month, then weeks of dozens a day) made
the negative-binomial dispersion fit fail with SciPy's "f(a) and f(b) must have different
signs" (or "The function value at x=0.0 is NaN"): the trend and season terms chased the
jump until the fitted means left the log scale. Known truths below: a level the forecast
cannot reach is declined, one it follows is kept; ordinary histories are never declined; a
term whose days are all empty leaves the other days' expected count where it is.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.baseline import InsufficientHistory, UnfittableHistory, backtest, fit_baseline
from analytics.baseline.glm import MAX_ALPHA, UnfittableCounts, _pearson_alpha, fit_counts
from analytics.baseline.synthetic import benchmark_series
from analytics.i18n import using_language

RAW_TEXT = ("f(a)", "f(b)", "NaN", "nan", "solver", "brentq")


def regulator_series(dense_days: int, thin_rate: float = 0.1, dense_rate: float = 40.0, seed: int = 11,
                     end: str = "2026-06-02") -> pd.Series:
    """Ten years at ``thin_rate`` contacts a day, the last ``dense_days`` at ``dense_rate``."""
    rng = np.random.default_rng(seed)
    days = pd.date_range(pd.Timestamp(end) - pd.Timedelta(days=3650), end, freq="D")
    counts = rng.poisson(thin_rate, len(days)).astype(float)
    counts[-dense_days:] = rng.poisson(dense_rate, dense_days)
    return pd.Series(counts, index=days)


def steady_series(rate: float = 20.0, days: int = 400, last: float | None = None, seed: int = 5) -> pd.Series:
    """``rate`` contacts a day (weekday pattern, Poisson noise); the last 28 days at ``last``."""
    rng = np.random.default_rng(seed)
    index = pd.date_range("2025-01-06", periods=days, freq="D")
    weekday = np.array([1.3, 1.1, 1.0, 1.0, 0.9, 0.4, 0.3])[index.day_of_week]
    mean = rate * weekday
    if last is not None:
        mean[-28:] *= last / rate
    return pd.Series(rng.poisson(mean).astype(float), index=index)


def test_the_regulators_shape_is_declined_in_the_users_words():
    """The export that crashed Volume trends: 16 dense days at the end of the fit."""
    with pytest.raises(UnfittableHistory, match="a change of more than 5 times") as declined:
        fit_baseline(regulator_series(dense_days=16))
    assert isinstance(declined.value, InsufficientHistory)  # the one way every caller declines
    assert not any(raw in str(declined.value) for raw in RAW_TEXT)
    with using_language("nl"), pytest.raises(UnfittableHistory, match="een verandering van meer dan 5 keer"):
        fit_baseline(regulator_series(dense_days=16))


def test_counts_the_model_cannot_carry_are_declined_with_how_thin_they_are():
    """Ten years at one contact in fifty days, then five days of 300: even without a trend
    the fit runs off the log scale. The decline says how thin the history is."""
    rng = np.random.default_rng(2)
    days = pd.date_range("2016-01-04", periods=3650, freq="D")
    counts = rng.poisson(0.02, 3650).astype(float)
    counts[-5:] = 300
    with pytest.raises(UnfittableHistory, match=r"too thin or too uneven for the seasonal model \(0\.4 contacts "
                                                r"a day on average, none on 98% of the days, 53\.6 a day over the "
                                                r"last 28 days\)"):
        fit_baseline(pd.Series(counts, index=days))


@pytest.mark.parametrize("dense_days", [1, 3, 7, 10, 14, 21, 28, 35])
@pytest.mark.parametrize("thin_rate", [0.1, 0.2])
def test_thin_history_before_a_jump_fits_or_declines_never_fails(dense_days, thin_rate):
    """Every length of dense tail: a baseline with finite expected values, or a decline."""
    series = regulator_series(dense_days, thin_rate=thin_rate)
    try:
        model = fit_baseline(series)
    except InsufficientHistory as declined:
        assert not any(raw in str(declined) for raw in RAW_TEXT)
        return
    expected = model.predict(series.index[-1] + pd.Timedelta(days=1), series.index[-1] + pd.Timedelta(days=28))
    assert np.isfinite(expected.to_numpy()).all()


def test_a_level_the_forecast_cannot_reach_is_declined_one_it_follows_is_kept():
    """Known truths: after two steady years a channel closes (0 for four weeks) and the
    forecast would start at about 17 a day: declined. Under a year the level follows the
    recent weeks in full, so a tenfold jump is carried on: kept, at the new level. Nothing
    injected: kept, at the old level."""
    with pytest.raises(UnfittableHistory, match="The last 28 days of the history had 0.0 contacts a day"):
        fit_baseline(steady_series(days=800, last=0.0))

    def next_week(model) -> float:
        return float(model.expected(model.fit_end + pd.Timedelta(days=1), model.fit_end + pd.Timedelta(days=7)).sum())

    assert next_week(fit_baseline(steady_series(days=200, last=200.0))) == pytest.approx(200.0 * 6.0, rel=0.15)
    assert next_week(fit_baseline(steady_series(days=800))) == pytest.approx(20.0 * 6.0, rel=0.1)


@pytest.mark.parametrize("seed", [7, 8])
def test_ordinary_histories_are_never_declined(seed):
    """Inject no break, find none: the six known-truth series the design was chosen on
    (drift, trend break, decline, holidays, a campaign and an outage, 3 a day), each fitted
    to two ends."""
    for name, (daily, events) in benchmark_series(seed=seed).items():
        for end in (daily.index[-1] - pd.Timedelta(days=91), daily.index[-1]):
            model = fit_baseline(daily.loc[:end], events=events)
            assert np.isfinite(model.expected(end + pd.Timedelta(days=1), end + pd.Timedelta(days=28))).all(), name


def test_an_all_empty_term_leaves_the_other_days_expected_count_alone():
    """A dummy whose days never had a contact has no finite estimate: the fit stays finite
    and the other days keep their mean (5 a day)."""
    rng = np.random.default_rng(3)
    on = np.zeros(400)
    on[::10] = 1.0
    y = np.where(on > 0, 0.0, rng.poisson(5.0, 400)).astype(float)
    x = np.column_stack([np.ones(400), on])
    with np.errstate(all="raise"):  # no overflow, no NaN along the way
        beta, cov, dispersion, family = fit_counts(y, x, "negative_binomial")
    assert np.isfinite(beta).all() and np.isfinite(cov).all()
    assert np.exp(beta[0]) == pytest.approx(5.0, rel=0.1)
    assert family == "poisson"


def test_a_dispersion_beyond_any_model_is_refused_by_name():
    """Days with contacts where the means say next to none: no root below MAX_ALPHA, and
    the refusal is ours, not the root finder's."""
    mu = np.full(500, 1e-6)
    y = np.zeros(500)
    y[::25] = 3.0
    with pytest.raises(UnfittableCounts, match="overdispersed beyond alpha"):
        _pearson_alpha(y, mu, 2)
    with pytest.raises(UnfittableCounts, match="not finite"):
        _pearson_alpha(y, np.full(500, np.nan), 2)
    assert _pearson_alpha(np.array([1.0, 2.0, 3.0, 2.0]), np.full(4, 2.0), 1) == 0.0  # less spread than Poisson
    assert MAX_ALPHA == 4.0**7


def test_a_backtest_where_no_origin_can_be_fitted_says_why():
    """Both origins' histories end in the regulator's jump (7 and 14 dense days): the
    reason, not "needs 56 days of history" on a ten-year series."""
    with pytest.raises(UnfittableHistory, match="a change of more than 5 times"):
        backtest(regulator_series(dense_days=23), n_origins=2, horizon_days=7, spacing_days=7)
