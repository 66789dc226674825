"""Daily count series with a known truth, for tests and for choosing the model design.

The true mean of day ``t`` is::

    mu[t] = base * W[weekday(t)] * exp(A cos(2 pi (t - peak) / 365.25)) * exp(g years(t) + u[t])
            * S^exp(-(t - 1 August)^2 / (2 * 15^2))
            * H^holiday[t] * C^christmas[t] * N^after_holiday[t] * prod_e M_e^event_e[t]

with ``u`` a stationary AR(1) level drift (``u[t] = rho u[t-1] + e[t]``, sd ``level_sd``)
and counts ``Y[t] ~ NegBin(mu[t], var mu + alpha mu^2)`` (Poisson when ``alpha = 0``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analytics.baseline.calendar import holiday_flags

TRUE_WEEKDAY = (1.4, 1.15, 1.05, 1.0, 0.9, 0.6, 0.4)


def synthetic_daily_mean(start: str, days: int, *, base: float = 200.0,
                         weekday: Sequence[float] = TRUE_WEEKDAY, yearly_amplitude: float = 0.2,
                         peak_day_of_year: int = 20, trend_per_year: float = 0.0,
                         trend_change: tuple[str, float] | None = None, summer_dip: float = 1.0,
                         holiday: float = 0.3,
                         christmas: float = 1.0, after_holiday: float = 1.0, country: str = "NL",
                         level_sd: float = 0.0, level_rho: float = 0.98,
                         effects: Sequence[tuple[str, str, float]] = (), seed: int = 0) -> pd.Series:
    """The true daily mean (model in the module docstring).

    ``trend_change`` is ``(date, new log slope per year)`` from that date on; ``effects``
    are ``(first day, last day, multiplier)``.
    """
    dates = pd.date_range(start, periods=days, freq="D", name="date")
    years = np.arange(days) / 365.25
    log_trend = trend_per_year * years
    if trend_change is not None:
        since = np.maximum(0.0, np.asarray((dates - pd.Timestamp(trend_change[0])).days) / 365.25)
        log_trend = log_trend + (trend_change[1] - trend_per_year) * since
    season = yearly_amplitude * np.cos(2 * np.pi * (np.asarray(dates.day_of_year) - peak_day_of_year) / 365.25)
    summer = np.log(summer_dip) * np.exp(-((np.asarray(dates.day_of_year) - 213) ** 2) / (2 * 15**2))
    flags = holiday_flags(dates, country)
    rng = np.random.default_rng(seed)
    level = np.zeros(days)
    if level_sd > 0:
        shocks = rng.standard_normal(days) * level_sd * np.sqrt(1 - level_rho**2)
        level[0] = rng.standard_normal() * level_sd
        for t in range(1, days):
            level[t] = level_rho * level[t - 1] + shocks[t]
    mean = (base * np.asarray(weekday)[dates.day_of_week] * np.exp(season + summer + log_trend + level)
            * holiday ** flags["holiday"].to_numpy() * christmas ** flags["christmas_period"].to_numpy()
            * after_holiday ** flags["after_holiday"].to_numpy())
    for first, last, multiplier in effects:
        mean = mean * np.where((dates >= first) & (dates <= last), multiplier, 1.0)
    return pd.Series(mean, index=pd.DatetimeIndex(dates, freq="D", name="date"), name="mean")


def synthetic_daily_counts(mean: pd.Series, *, alpha: float = 0.02, seed: int = 1) -> pd.Series:
    """Negative-binomial counts around ``mean`` (variance ``mu + alpha mu^2``)."""
    rng = np.random.default_rng(seed)
    mu = mean.to_numpy()
    rate = rng.gamma(1 / alpha, mu * alpha) if alpha > 0 else mu
    return pd.Series(rng.poisson(rate), index=mean.index, name="contacts")


def benchmark_series(seed: int = 7) -> dict[str, tuple[pd.Series, pd.DataFrame | None]]:
    """Six three-year series (2023-2025) the design was chosen on, with their events.

    ``clean``: weekday, yearly season, holidays at 0.3x, NB noise. ``drift``: plus an AR(1)
    level drift (sd 0.08) and a trend turning from +10%/year to -15%/year. ``decline``: a
    steady -12%/year trend with a mild level drift (sd 0.04). ``calendar``:
    plus 0.7x in the Christmas period, 1.2x on the working day after a holiday and a
    summer dip to 0.8x around 1 August (a season that needs more Fourier terms).
    ``events``: a foreseen +50% campaign in 2024 and 2025 and an unforeseen 3x outage.
    ``low``: 3 contacts a day, Poisson.
    """
    start, days = "2023-01-01", 3 * 365 + 1
    campaign = [("2024-03-04", "2024-03-17", 1.5), ("2025-03-03", "2025-03-16", 1.5)]
    outage = [("2025-06-10", "2025-06-11", 3.0)]
    events = pd.DataFrame({
        "starts_on": pd.to_datetime(["2024-03-04", "2025-03-03", "2025-06-10"]),
        "ends_on": pd.to_datetime(["2024-03-17", "2025-03-16", "2025-06-11"]),
        "foreseen": [True, True, False],
        "name": ["spring campaign 2024", "spring campaign 2025", "login outage"],
        "kind": ["campaign", "campaign", "outage"],
    })
    specs = {
        "clean": (dict(), 0.02, None),
        "drift": (dict(level_sd=0.08, trend_per_year=0.10, trend_change=("2025-01-01", -0.15)), 0.02, None),
        "decline": (dict(level_sd=0.04, trend_per_year=-0.12), 0.02, None),
        "calendar": (dict(christmas=0.7, after_holiday=1.2, summer_dip=0.8), 0.02, None),
        "events": (dict(effects=[*campaign, *outage]), 0.02, events),
        "low": (dict(base=3.0), 0.0, None),
    }
    out = {}
    for i, (name, (kwargs, alpha, frame)) in enumerate(specs.items()):
        mean = synthetic_daily_mean(start, days, seed=seed + i, **kwargs)
        out[name] = (synthetic_daily_counts(mean, alpha=alpha, seed=seed + 100 + i), frame)
    return out
