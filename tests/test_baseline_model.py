"""The baseline model recovers a known truth and degrades gracefully.

The synthetic series (fixed seeds) has weekday multipliers Monday 1.4 ... Sunday 0.4, a
yearly sine season, Dutch public holidays at 0.3x and negative-binomial noise.
"""

from __future__ import annotations


import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from analytics.baseline import BaselineConfig, InsufficientHistory, fit_baseline
from analytics.baseline.calendar import WEEKDAY_NAMES
from analytics.baseline.glm import irls
from analytics.baseline.synthetic import TRUE_WEEKDAY, synthetic_daily_counts, synthetic_daily_mean

CAMPAIGN_LAST_YEAR = ("2024-03-04", "2024-03-17")
SAME_DATES_THIS_YEAR = ("2025-03-03", "2025-03-16")


@pytest.fixture(scope="module")
def three_years() -> pd.Series:
    mean = synthetic_daily_mean("2023-01-01", 3 * 365 + 1, base=200, holiday=0.3, seed=3)
    return synthetic_daily_counts(mean, alpha=0.02, seed=4)


@pytest.fixture(scope="module")
def fitted(three_years):
    return fit_baseline(three_years)


def test_weekday_ratios_are_recovered_within_5_percent(fitted):
    effects = fitted.effects
    for i, name in enumerate(WEEKDAY_NAMES[1:], start=1):
        truth = TRUE_WEEKDAY[i] / TRUE_WEEKDAY[0]
        assert effects.loc[f"{name} vs monday", "multiplier"] == pytest.approx(truth, rel=0.05), name


def test_holiday_effect_is_recovered(fitted):
    holiday = fitted.effects.loc["holiday"]
    assert holiday["multiplier"] == pytest.approx(0.3, rel=0.1)
    assert holiday["lo95"] < 0.3 < holiday["hi95"]


def test_no_effect_injected_none_found(fitted):
    # The truth has no Christmas-period or after-holiday effect: their intervals cover 1.
    for term in ("christmas_period", "after_holiday", "before_holiday"):
        row = fitted.effects.loc[term]
        assert row["lo95"] < 1.0 < row["hi95"], term


def test_irls_matches_statsmodels_negative_binomial_glm(three_years):
    days = three_years.index
    angle = 2 * np.pi * np.asarray(days.day_of_year) / 365.25
    weekdays = [np.asarray(days.day_of_week == d, float) for d in range(1, 7)]
    x = np.column_stack([np.ones(len(days)), *weekdays, np.sin(angle), np.cos(angle)])
    y = three_years.to_numpy(float)
    ours, cov = irls(y, x, 0.02, None)
    reference = sm.GLM(y, x, family=sm.families.NegativeBinomial(alpha=0.02)).fit()
    np.testing.assert_allclose(ours, reference.params, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(np.sqrt(np.diag(cov)), reference.bse, rtol=1e-4)


def test_predict_frame_has_ordered_bounds_and_is_reproducible(fitted):
    ahead = fitted.predict("2026-01-01", "2026-03-31")
    assert list(ahead.columns) == ["expected", "lo80", "hi80", "lo95", "hi95"]
    assert ahead.index.name == "date" and len(ahead) == 90
    assert (ahead["lo95"] <= ahead["lo80"]).all() and (ahead["lo80"] <= ahead["hi80"]).all()
    assert (ahead["hi80"] <= ahead["hi95"]).all()
    assert ((ahead["lo95"] <= ahead["expected"]) & (ahead["expected"] <= ahead["hi95"])).all()
    pd.testing.assert_frame_equal(ahead, fitted.predict("2026-01-01", "2026-03-31"))


def test_simulate_gives_draws_per_day_whose_mean_is_the_expected(fitted):
    draws = fitted.simulate("2026-02-02", "2026-02-08", n=4000)
    assert draws.shape == (4000, 7)
    expected = fitted.expected("2026-02-02", "2026-02-08").to_numpy()
    np.testing.assert_allclose(draws.mean(axis=0), expected, rtol=0.03)


def test_in_sample_has_actual_and_covers_about_95_percent(fitted, three_years):
    frame = fitted.in_sample()
    assert {"actual", "expected", "lo80", "hi80", "lo95", "hi95", "used_in_fit"} <= set(frame.columns)
    assert (frame["actual"] == three_years.to_numpy()).all()
    inside = ((frame["lo95"] <= frame["actual"]) & (frame["actual"] <= frame["hi95"])).mean()
    assert 0.92 <= inside <= 0.99


def test_foreseen_past_campaign_does_not_move_this_years_expected(three_years):
    on = (three_years.index >= CAMPAIGN_LAST_YEAR[0]) & (three_years.index <= CAMPAIGN_LAST_YEAR[1])
    with_campaign = three_years.copy()
    with_campaign[on] = np.round(three_years[on] * 1.5).astype(int)
    events = pd.DataFrame({"starts_on": [CAMPAIGN_LAST_YEAR[0]], "ends_on": [CAMPAIGN_LAST_YEAR[1]],
                           "foreseen": [True], "name": ["spring campaign 2024"], "kind": ["campaign"]})
    before = three_years.index < "2025-02-24"
    clean_fit = fit_baseline(three_years[before])
    declared = fit_baseline(with_campaign[before], events=events)
    undeclared = fit_baseline(with_campaign[before])
    clean, moved = clean_fit.expected(*SAME_DATES_THIS_YEAR), declared.expected(*SAME_DATES_THIS_YEAR)
    assert (moved / clean - 1).abs().max() < 0.02
    assert "event:campaign" in declared.components
    assert declared.effects.loc["event:campaign", "multiplier"] == pytest.approx(1.5, rel=0.08)
    # The test has power: left undeclared, the campaign lifts next year's baseline.
    assert (undeclared.expected(*SAME_DATES_THIS_YEAR) / clean - 1).mean() > 0.04


def test_unforeseen_outage_is_left_out_of_the_fit(three_years):
    outage = (three_years.index >= "2025-06-10") & (three_years.index <= "2025-06-11")
    with_outage = three_years.copy()
    with_outage[outage] = three_years[outage] * 3
    events = pd.DataFrame({"starts_on": ["2025-06-10"], "ends_on": ["2025-06-11"], "foreseen": [False],
                           "name": ["login outage"], "kind": ["outage"]})
    fitted = fit_baseline(with_outage, events=events)
    reference = fit_baseline(three_years)
    frame = fitted.in_sample()
    assert not frame.loc["2025-06-10":"2025-06-11", "used_in_fit"].any()
    assert frame["used_in_fit"].sum() == len(three_years) - 2
    assert any("2 days of unforeseen events" in note for note in fitted.notes)
    ratio = fitted.expected("2025-06-01", "2025-06-30") / reference.expected("2025-06-01", "2025-06-30")
    assert (ratio - 1).abs().median() < 0.002
    assert (ratio - 1).abs().max() < 0.02  # the outage followed Whit Monday: one fewer after-holiday day
    undeclared = fit_baseline(with_outage).expected("2025-06-01", "2025-06-30") / reference.expected(
        "2025-06-01", "2025-06-30")
    assert (undeclared - 1).abs().max() > 0.05
    assert (frame.loc["2025-06-10":"2025-06-11", "actual"] > frame.loc["2025-06-10":"2025-06-11", "hi95"]).all()


def test_too_short_history_raises_insufficient_history():
    daily = pd.Series(5, index=pd.date_range("2025-01-01", periods=23, freq="D"))
    with pytest.raises(InsufficientHistory, match="at least 8 weeks") as raised:
        fit_baseline(daily)
    assert str(raised.value) == "A baseline needs at least 8 weeks of history; this series has 23 days."
    assert isinstance(raised.value, ValueError)


def test_less_than_a_year_drops_the_yearly_season_and_says_so(three_years):
    short = three_years["2025-03-01":"2025-09-30"]
    fitted = fit_baseline(short)
    assert any("no yearly season" in note for note in fitted.notes)
    assert not any(c.startswith(("yearly", "trend")) for c in fitted.components)
    ahead = fitted.predict("2025-10-01", "2025-10-28")
    assert ahead.notna().all().all() and (ahead["expected"] > 0).all()
    sundays = ahead[ahead.index.day_of_week == 6]["expected"]
    mondays = ahead[ahead.index.day_of_week == 0]["expected"]
    assert sundays.mean() / mondays.mean() == pytest.approx(0.4 / 1.4, rel=0.1)


def test_eight_weeks_is_enough(three_years):
    fitted = fit_baseline(three_years["2025-05-01":"2025-06-25"])
    assert len(fitted.predict("2025-06-26", "2025-07-23")) == 28


@pytest.mark.parametrize("base", [3.0, 0.4])
def test_low_volume_series_fits_with_a_note(base):
    mean = synthetic_daily_mean("2023-01-01", 3 * 365 + 1, base=base, seed=11)
    daily = synthetic_daily_counts(mean, alpha=0.0, seed=12)
    fitted = fit_baseline(daily)
    assert any("Low volume" in note for note in fitted.notes)
    assert "yearly:2" in fitted.components
    ahead = fitted.predict("2026-01-01", "2026-01-28")
    assert ahead.notna().all().all() and (ahead["lo95"] >= 0).all()
    assert ahead["expected"].mean() == pytest.approx(daily["2025-01-01":"2025-01-28"].mean(), rel=0.5)


def test_weekday_without_contacts_is_treated_as_closed(three_years):
    closed_sundays = three_years.where(three_years.index.day_of_week != 6, 0)
    fitted = fit_baseline(closed_sundays)
    assert any("Sunday" in note and "closed" in note for note in fitted.notes)
    ahead = fitted.predict("2026-01-01", "2026-01-28")
    assert (ahead.loc[ahead.index.day_of_week == 6].to_numpy() == 0).all()
    assert (ahead.loc[ahead.index.day_of_week == 0, "expected"] > 0).all()


@pytest.mark.parametrize(("daily", "message"), [
    (pd.Series([1.0, 2.0]), "DatetimeIndex"),
    (pd.Series([1, np.nan, 2], index=pd.date_range("2025-01-01", periods=3)), "missing counts"),
    (pd.Series([1, -1, 2], index=pd.date_range("2025-01-01", periods=3)), "negative"),
    (pd.Series([1, 1.5, 2], index=pd.date_range("2025-01-01", periods=3)), "whole numbers"),
    (pd.Series([1, 2, 3], index=pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-04"])), "consecutive day"),
])
def test_bad_series_raise_a_specific_value_error(daily, message):
    with pytest.raises(ValueError, match=message):
        fit_baseline(daily)


def test_all_zero_series_raises():
    daily = pd.Series(0, index=pd.date_range("2025-01-01", periods=70, freq="D"))
    with pytest.raises(ValueError, match="no contacts"):
        fit_baseline(daily)


def test_bad_config_raises():
    with pytest.raises(ValueError, match="Unknown trend"):
        BaselineConfig(trend="quadratic")


@pytest.mark.parametrize("effect", [0.9, 1.0])
def test_pilot_effect_is_recovered_out_of_sample(effect):
    """Fit before a pilot, predict its 8 weeks: a 10% reduction is found, no effect is not."""
    pilot = ("2025-09-01", "2025-10-26")
    mean = synthetic_daily_mean("2023-01-01", 3 * 365 + 1, base=200, seed=31, effects=[(*pilot, effect)])
    daily = synthetic_daily_counts(mean, alpha=0.02, seed=32)
    fitted = fit_baseline(daily[daily.index < pilot[0]])
    totals = fitted.simulate(*pilot).sum(axis=1)
    actual = daily[pilot[0]:pilot[1]].sum()
    estimate = actual / fitted.expected(*pilot).sum() - 1
    assert estimate == pytest.approx(effect - 1, abs=0.04)
    low, high = np.quantile(totals, [0.025, 0.975])
    assert (low <= actual <= high) == (effect == 1.0)


def test_auto_trend_keeps_a_steady_decline():
    mean = synthetic_daily_mean("2023-01-01", 3 * 365 + 1, base=200, trend_per_year=-0.25, seed=41)
    fitted = fit_baseline(synthetic_daily_counts(mean, alpha=0.02, seed=42))
    assert "trend:linear" in fitted.components
    assert fitted.effects.loc["trend per year", "multiplier"] == pytest.approx(np.exp(-0.25), abs=0.03)
    assert any("with a linear trend" in note for note in fitted.notes)


def test_history_days_limits_the_fit_window(three_years):
    fitted = fit_baseline(three_years, config=BaselineConfig(history_days=730))
    assert len(fitted.in_sample()) == 730 and fitted.fit_end == three_years.index[-1]
