"""Settings of the seasonal baseline and the error raised for too little history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from analytics.baseline.commercial import CommercialDay

Trend = Literal["auto", "linear", "flat", "none"]
Family = Literal["negative_binomial", "quasi_poisson"]


class InsufficientHistory(ValueError):
    """The history cannot carry a baseline; the message says why in the user's language.

    Raised for fewer than ``min_days_any`` usable days, and (as :class:`UnfittableHistory`)
    for a history the count model cannot be fitted to. Every caller that asks "what did
    history expect for these days" declines on this one exception.
    """


class UnfittableHistory(InsufficientHistory):
    """Long enough, but too thin or too uneven for the count model: with the simplest
    design too, the fit diverged or the day-to-day variation is beyond any dispersion the
    model allows (see :mod:`analytics.baseline.glm`)."""


@dataclass(frozen=True)
class BaselineConfig:
    """How a baseline is fitted. The defaults are the design the backtests chose
    (see :mod:`analytics.baseline.model`).

    Parameters
    ----------
    country
        ISO code of the country whose public holidays are regressors (``holidays`` package).
    sector
        Sector whose named commercial days of ``country`` are regressors (Black Friday,
        Sinterklaas, the Christmas shopping weeks; see
        :mod:`analytics.baseline.commercial`); ``None`` for none.
    commercial_days
        More named commercial days, beside those of ``country`` and ``sector``.
    echo_days
        Time constant (days) of the echo each commercial day and each kind of foreseen
        event casts: a regressor for the contacts its orders bring in the weeks after
        (deliveries, returns, refunds); 0 for none.
    event_echoes
        Give the kinds of foreseen events an echo too (commercial days always get one when
        ``echo_days > 0``).
    yearly_terms
        Order ``K`` of the yearly Fourier series (``K`` sine and ``K`` cosine terms).
    min_days_any
        Fewer usable days than this raises :class:`InsufficientHistory`.
    min_days_yearly
        Fewer days than this: no yearly season (and no trend) is modelled.
    history_days
        Fit on the last ``history_days`` days only; ``None`` uses all history.
    trend
        ``"linear"``: a log-linear trend extrapolated as fitted; ``"flat"``: fitted in
        sample, held at its last value beyond the fit period; ``"none"``: no trend term;
        ``"auto"``: ``"linear"`` or ``"none"``, whichever forecast better in the refits
        over the last year (``"none"`` when there are too few refits).
    holiday_neighbours
        Add dummies for the working day before and after a public holiday.
    christmas_period
        Add a dummy for 24 and 27-31 December (the days between the holidays).
    level_days
        Length of the recent window whose actual/fitted ratio corrects the level of
        forecasts (weighted per forecast week by an in-sample regression); 0 turns the
        correction off.
    level_weeks
        Forecast weeks for which the level correction and the level error are estimated
        separately; later weeks use the last estimate.
    family
        ``"negative_binomial"`` (NB2, variance ``mu + alpha mu^2``) or ``"quasi_poisson"``
        (variance ``phi mu``).
    low_volume_mean
        Below this mean count per day the yearly season is cut to ``low_volume_terms`` terms.
    low_volume_terms
        Fourier order used for low-volume series.
    n_draws
        Simulated paths behind every interval.
    seed
        Seed of those simulations, so the same fit always gives the same intervals.
    """

    country: str = "NL"
    sector: str | None = "retail"
    commercial_days: tuple[CommercialDay, ...] = ()
    echo_days: float = 7.0
    event_echoes: bool = True
    yearly_terms: int = 6
    min_days_any: int = 56
    min_days_yearly: int = 365
    history_days: int | None = None
    trend: Trend = "auto"
    holiday_neighbours: bool = True
    christmas_period: bool = True
    level_days: int = 28
    level_weeks: int = 13
    family: Family = "negative_binomial"
    low_volume_mean: float = 10.0
    low_volume_terms: int = 2
    n_draws: int = 2000
    seed: int = 20240101

    def __post_init__(self) -> None:
        if self.yearly_terms < 0:
            raise ValueError("yearly_terms must be zero or more.")
        if self.min_days_any < 14:
            raise ValueError("min_days_any must be at least 14 days (two of each weekday).")
        if self.history_days is not None and self.history_days < self.min_days_any:
            raise ValueError("history_days must be at least min_days_any.")
        if self.trend not in ("auto", "linear", "flat", "none"):
            raise ValueError(f"Unknown trend {self.trend!r}; use 'auto', 'linear', 'flat' or 'none'.")
        if self.family not in ("negative_binomial", "quasi_poisson"):
            raise ValueError(f"Unknown family {self.family!r}; use 'negative_binomial' or 'quasi_poisson'.")
        if self.level_days < 0:
            raise ValueError("level_days must be zero or more.")
        if self.level_weeks < 1:
            raise ValueError("level_weeks must be at least 1.")
        if self.echo_days < 0:
            raise ValueError("echo_days must be zero or more.")
        if self.n_draws < 100:
            raise ValueError("n_draws must be at least 100 for stable intervals.")
