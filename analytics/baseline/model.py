"""The seasonal baseline: a log-link count GLM on calendar terms, with simulated
prediction intervals.

Model
-----
For day ``t`` with count ``Y[t]``::

    log mu[t] = b0 + W[weekday(t)] + sum_k (a_k sin(2 pi k t/365.25) + c_k cos(2 pi k t/365.25))
                + g * years(t) + h * holiday[t] + sum_e d_e * event_e[t]
    Y[t] ~ NegBin(mean mu[t] * exp(L[t]), var m + alpha m^2)

``W`` are weekday effects (Monday the reference), the Fourier terms the yearly season,
``years(t)`` a linear trend in years counted back from the last fitted day, ``holiday`` a
public-holiday dummy (``holidays`` package, Netherlands by default) and ``event_e`` one
dummy per *kind* of foreseen event. Unforeseen events (outages) are left out of the fit;
foreseen events are regressors, so a past campaign explains its own days and does not
lift the same dates a year later, while a future event of a kind seen before gets that
kind's effect. ``alpha`` is estimated by the Pearson moment equation
``sum (y - mu)^2 / (mu + alpha mu^2) = n - p`` (refitted twice); no overdispersion gives a
Poisson model.

``L[t]`` is the level the calendar terms do not explain. On blocks ``b`` of ``level_days``
(28) days the log ratio ``z_b = log(actual_b / fitted_b)`` has noise variance
``v_b = (F_b + alpha sum mu^2) / F_b^2``; the level variance is
``s^2 = max(0, mean(z_b^2 - v_b))``. Forecasts multiply the mean by
``exp(w z_last)`` with ``w = s^2 / (s^2 + v_last)`` (the last block's ratio, shrunk by its
noise) and their level error variance is the in-sample variance of
``z_b - w z_{b-1}`` net of noise. Intervals are quantiles of simulated paths: coefficients
drawn from ``N(beta_hat, cov)``, one level shock ``L ~ N(-s^2/2, s^2)`` per path, then a
gamma-Poisson count per day. Weekly and monthly intervals sum the same paths.

How the design was chosen
-------------------------
Rolling-origin backtests (12 origins over the last year, 28 days ahead each) on five
known-truth series of three years (:mod:`analytics.baseline.synthetic`: a clean NB series,
one with level drift and a trend break, one with Christmas and after-holiday effects, one
with a past campaign and an outage, and a low-volume series of 3 contacts a day), mean
over series (MAPE on days with actual > 0 / coverage of the 80% and 95% intervals):

    DESIGN_TABLE

Short history degrades: under ``min_days_yearly`` days there is no yearly season and no
trend (a note says so); under ``min_days_any`` days :class:`InsufficientHistory` is raised.
A weekday (or the holidays) without a single contact in the fit period is treated as
closed: expected 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from analytics.baseline.calendar import (
    WEEKDAY_NAMES,
    checked_events,
    event_days,
    holiday_flags,
    weekday_dummies,
    yearly_fourier,
)
from analytics.baseline.config import BaselineConfig, InsufficientHistory
from analytics.baseline.glm import draws_of_coefficients, fit_counts, linear_predictor, matrix_product
from analytics.baseline.level import LevelDrift, level_drift
from analytics.baseline.series import checked_daily

DateLike = date | str | pd.Timestamp
_QUANTILES = {"lo80": 0.10, "hi80": 0.90, "lo95": 0.025, "hi95": 0.975}


@dataclass(frozen=True)
class _Terms:
    """What decides the design matrix of any date."""

    country: str
    open_weekdays: tuple[int, ...]
    yearly_terms: int
    trend: str
    fit_end: pd.Timestamp
    flags: tuple[str, ...]
    event_kinds: tuple[str, ...]
    closed_on_holidays: bool

    @property
    def columns(self) -> list[str]:
        weekdays = [WEEKDAY_NAMES[i] for i in self.open_weekdays[1:]]
        fourier = [f"{f}_{k}" for k in range(1, self.yearly_terms + 1) for f in ("sin", "cos")]
        trend = ["trend"] if self.trend != "none" else []
        return ["intercept", *weekdays, *fourier, *trend, *self.flags, *(f"event:{k}" for k in self.event_kinds)]


def _regressors(dates: pd.DatetimeIndex, terms: _Terms, events: pd.DataFrame) -> pd.DataFrame:
    """All candidate regressors of ``dates`` (more columns than ``terms`` may use)."""
    years = np.asarray((dates - terms.fit_end).days, dtype=float) / 365.25
    if terms.trend == "flat":
        years = np.minimum(years, 0.0)
    parts = [
        pd.DataFrame({"intercept": 1.0, "trend": years}, index=dates),
        weekday_dummies(dates),
        yearly_fourier(dates, terms.yearly_terms),
        holiday_flags(dates, terms.country),
        event_days(dates, events, foreseen=True),
    ]
    frame = pd.concat(parts, axis=1)
    return frame.reindex(columns=terms.columns, fill_value=0.0)


def _closed(dates: pd.DatetimeIndex, terms: _Terms) -> np.ndarray:
    """True on days the series treats as closed (expected 0)."""
    closed = ~np.isin(np.asarray(dates.day_of_week), terms.open_weekdays)
    if terms.closed_on_holidays:
        closed |= holiday_flags(dates, terms.country)["holiday"].to_numpy() > 0
    return closed


@dataclass
class FittedBaseline:
    """A fitted baseline: predicts expected daily counts and their prediction intervals
    for any dates, in or after the fit period.

    Attributes
    ----------
    notes
        Plain-English remarks on how the history limited the model.
    components
        The terms used: ``weekday``, ``yearly:<K>``, ``trend:<kind>``, ``holiday``,
        ``before_holiday``, ``after_holiday``, ``christmas_period``, ``event:<kind>``,
        ``level:<days>``.
    family
        ``"negative_binomial"``, ``"poisson"`` or ``"quasi_poisson"``.
    dispersion
        NB ``alpha`` or quasi-Poisson ``phi`` (0 for Poisson).
    """

    actual: pd.Series
    used_in_fit: np.ndarray
    terms: _Terms
    events: pd.DataFrame
    beta: np.ndarray
    cov: np.ndarray
    family: str
    dispersion: float
    level: LevelDrift
    config: BaselineConfig
    notes: list[str] = field(default_factory=list)
    components: list[str] = field(default_factory=list)

    @property
    def fit_start(self) -> pd.Timestamp:
        return self.actual.index[0]

    @property
    def fit_end(self) -> pd.Timestamp:
        return self.actual.index[-1]

    def _dates(self, start: DateLike, end: DateLike) -> pd.DatetimeIndex:
        first, last = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
        if last < first:
            raise ValueError("The prediction period ends before it starts.")
        return pd.date_range(first, last, freq="D", name="date")

    def _log_mean(self, dates: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Design matrix, log mean without level, and the level offset of each date."""
        x = _regressors(dates, self.terms, self.events).to_numpy()
        correction, _ = self.level.at(np.asarray((dates - self.fit_end).days))
        return x, linear_predictor(x, self.beta), correction

    def expected(self, start: DateLike, end: DateLike) -> pd.Series:
        """The expected count of each day (the model mean, 0 on closed days)."""
        dates = self._dates(start, end)
        _, eta, level = self._log_mean(dates)
        mean = np.where(_closed(dates, self.terms), 0.0, np.exp(eta + level))
        return pd.Series(mean, index=dates, name="expected")

    def simulate(self, start: DateLike, end: DateLike, n: int | None = None,
                 seed: int | None = None) -> np.ndarray:
        """Predictive draws of the daily counts, shape ``(n, days)``.

        Each path draws the coefficients from ``N(beta_hat, cov)``, one level shock and a
        gamma-Poisson count per day, so sums over days are draws of the period total.
        """
        n = self.config.n_draws if n is None else int(n)
        rng = np.random.default_rng(self.config.seed if seed is None else seed)
        dates = self._dates(start, end)
        x, _, level = self._log_mean(dates)
        betas = draws_of_coefficients(self.beta, self.cov, n, rng)
        _, var = self.level.at(np.asarray((dates - self.fit_end).days))
        shock = rng.standard_normal((n, 1)) * np.sqrt(var) - var / 2
        mu = np.exp(np.clip(matrix_product(betas, x.T) + level + shock, -50, 30))
        if self.family == "negative_binomial":
            shape = 1.0 / self.dispersion
            mu = rng.gamma(shape, mu / shape)
        elif self.family == "quasi_poisson" and self.dispersion > 1.0:
            extra = self.dispersion - 1.0
            mu = rng.gamma(mu / extra, extra)
        draws = rng.poisson(mu).astype(float)
        draws[:, _closed(dates, self.terms)] = 0.0
        return draws

    def predict(self, start: DateLike, end: DateLike) -> pd.DataFrame:
        """Expected count and 80%/95% prediction intervals per day.

        Returns
        -------
        DataFrame
            Indexed by ``date``; columns ``expected``, ``lo80``, ``hi80``, ``lo95``, ``hi95``.
            Bounds are quantiles of :meth:`simulate` (counts, so whole numbers).

        Raises
        ------
        ValueError
            If ``end`` is before ``start``.
        """
        frame = self.expected(start, end).to_frame()
        bounds = np.quantile(self.simulate(start, end), list(_QUANTILES.values()), axis=0, method="inverted_cdf")
        for column, values in zip(_QUANTILES, bounds):
            frame[column] = values
        return frame

    def in_sample(self) -> pd.DataFrame:
        """:meth:`predict` over the fit period with ``actual`` and ``used_in_fit`` (False on
        unforeseen-event days and other days left out of the fit)."""
        frame = self.predict(self.fit_start, self.fit_end)
        frame.insert(0, "actual", self.actual.to_numpy())
        frame["used_in_fit"] = self.used_in_fit
        return frame

    @property
    def effects(self) -> pd.DataFrame:
        """Multiplicative effects with 95% confidence bounds: weekdays relative to the
        reference weekday, holiday and event dummies, and the trend per year."""
        se = np.sqrt(np.clip(np.diag(self.cov), 0, None))
        rows = {}
        reference = WEEKDAY_NAMES[self.terms.open_weekdays[0]]
        for i, name in enumerate(self.terms.columns):
            if name == "intercept" or name.startswith(("sin_", "cos_")):
                continue
            label = f"{name} vs {reference}" if name in WEEKDAY_NAMES else ("trend per year" if name == "trend" else name)
            rows[label] = (np.exp(self.beta[i]), np.exp(self.beta[i] - 1.96 * se[i]), np.exp(self.beta[i] + 1.96 * se[i]))
        return pd.DataFrame.from_dict(rows, orient="index", columns=["multiplier", "lo95", "hi95"])


def fit_baseline(daily: pd.Series, *, events: pd.DataFrame | None = None,
                 config: BaselineConfig = BaselineConfig()) -> FittedBaseline:
    """Fit the seasonal baseline of a daily count series (model in the module docstring).

    Parameters
    ----------
    daily
        Contacts per day on consecutive dates (zero-filled), oldest first.
    events
        Optional frame with ``starts_on``, ``ends_on``, ``foreseen``, ``name``, ``kind``.
        Unforeseen events are left out of the fit; foreseen ones become one dummy per
        ``kind`` (future events of a kind seen in the fit period get its effect).
    config
        Model settings.

    Returns
    -------
    FittedBaseline

    Raises
    ------
    InsufficientHistory
        With fewer than ``config.min_days_any`` usable days: "A baseline needs at least 8
        weeks of history; this series has 23 days."
    ValueError
        If the series is not consecutive daily whole non-negative counts, has no contacts
        at all, or the events frame is malformed.
    """
    series = checked_daily(daily)
    if config.history_days is not None and len(series) > config.history_days:
        series = series.iloc[-config.history_days:]
    events_frame = checked_events(events)
    dates = series.index
    y_all = series.to_numpy()
    unforeseen = event_days(dates, events_frame, foreseen=False)
    kept = ~(unforeseen.to_numpy().sum(axis=1) > 0) if unforeseen.shape[1] else np.ones(len(dates), bool)
    _require_history(len(series), int(kept.sum()), config.min_days_any)
    if y_all[kept].sum() == 0:
        raise ValueError("The series has no contacts in its fit period; there is nothing to model.")

    notes: list[str] = []
    if (~kept).sum():
        notes.append(f"{int((~kept).sum())} days of unforeseen events were left out of the fit.")
    long_enough = len(series) >= config.min_days_yearly
    yearly_terms = config.yearly_terms if long_enough else 0
    trend = config.trend if long_enough else "none"
    if not long_enough:
        notes.append("Less than a year of history: no yearly season modelled, and no trend; "
                     "the level follows the most recent weeks.")
    mean_per_day = float(y_all[kept].mean())
    if yearly_terms > config.low_volume_terms and mean_per_day < config.low_volume_mean:
        yearly_terms = config.low_volume_terms
        notes.append(f"Low volume (about {mean_per_day:.1f} contacts a day): the yearly season uses "
                     f"{yearly_terms} Fourier terms instead of {config.yearly_terms}.")

    weekday = np.asarray(dates.day_of_week)
    open_weekdays = tuple(i for i in range(7) if y_all[kept & (weekday == i)].sum() > 0)
    for i in sorted(set(range(7)) - set(open_weekdays)):
        notes.append(f"No contacts on any {WEEKDAY_NAMES[i].capitalize()} in the fit period: treated as closed "
                     "(expected 0).")
    flag_names = ["holiday"]
    if config.holiday_neighbours:
        flag_names += ["before_holiday", "after_holiday"]
    if config.christmas_period:
        flag_names.append("christmas_period")
    flags = holiday_flags(dates, config.country)
    is_holiday = flags["holiday"].to_numpy() > 0
    closed_on_holidays = bool((kept & is_holiday).sum() >= 3 and y_all[kept & is_holiday].sum() == 0)
    if closed_on_holidays:
        notes.append("No contacts on any public holiday in the fit period: holidays treated as closed (expected 0).")
        flag_names.remove("holiday")
    provisional = _Terms(config.country, open_weekdays, yearly_terms, trend, dates[-1], tuple(flag_names),
                         (), closed_on_holidays)
    fit_rows = kept & ~_closed(dates, provisional)
    kinds = tuple(sorted({c.split(":", 1)[1] for c in event_days(dates, events_frame, foreseen=True).columns}))
    candidates = _regressors(dates, replace(provisional, event_kinds=kinds), events_frame)
    usable_flags, usable_kinds = [], []
    for name in [*flag_names, *(f"event:{k}" for k in kinds)]:
        on = fit_rows & (candidates[name].to_numpy() > 0)
        if on.sum() == 0 or y_all[on].sum() == 0:
            if name == "holiday":
                notes.append("No public holiday with contacts in the fit period: holiday effect not modelled.")
            elif name.startswith("event:"):
                notes.append(f"Foreseen events of kind {name[6:]!r} have no days in the fit period: "
                             "their effect is not in the expected values.")
            continue
        (usable_kinds if name.startswith("event:") else usable_flags).append(name.removeprefix("event:"))
    terms = _Terms(config.country, open_weekdays, yearly_terms, trend, dates[-1], tuple(usable_flags),
                   tuple(usable_kinds), closed_on_holidays)
    trends = ("linear", "none") if trend == "auto" else (trend,)
    fits = [_fit_terms(y_all, fit_rows, candidates, replace(terms, trend=t), config) for t in trends]
    beta, cov, dispersion, family, level, terms = min(
        fits, key=lambda f: (np.isnan(f[4].score), f[4].score if not np.isnan(f[4].score) else -len(f[5].columns)))
    if trend == "auto":
        notes.append("Over the last year, forecasts " + ("with a linear trend" if terms.trend == "linear" else
                     "without a trend") + " were the more accurate, so the baseline " +
                     ("extrapolates the trend." if terms.trend == "linear" else "holds the recent level."))
    if family == "poisson":
        notes.append("The counts show no overdispersion: a Poisson model is used.")
    components = ["weekday"]
    if yearly_terms:
        components.append(f"yearly:{yearly_terms}")
    if terms.trend != "none":
        components.append(f"trend:{terms.trend}")
    components += usable_flags + [f"event:{k}" for k in usable_kinds]
    if config.level_days > 0:
        components.append(f"level:{config.level_days}")
    return FittedBaseline(series, fit_rows, terms, events_frame, beta, cov, family, dispersion,
                          level, config, notes, components)


def _fit_terms(y: np.ndarray, fit_rows: np.ndarray, candidates: pd.DataFrame, terms: _Terms,
               config: BaselineConfig) -> tuple[np.ndarray, np.ndarray, float, str, LevelDrift, _Terms]:
    """Fit one design: coefficients, covariance, dispersion, family, level drift, terms."""
    columns = terms.columns
    x = candidates.reindex(columns=columns, fill_value=0.0).to_numpy()
    beta, cov, dispersion, family = fit_counts(y[fit_rows], x[fit_rows], config.family)
    level = level_drift(y, np.exp(linear_predictor(x, beta)), fit_rows, x, beta, dispersion=dispersion, family=family,
                        level_days=config.level_days, weeks=config.level_weeks,
                        min_history=config.min_days_yearly if terms.yearly_terms else config.min_days_any,
                        flat_trend_column=columns.index("trend") if terms.trend == "flat" else None)
    return beta, cov, dispersion, family, level, terms


def _require_history(days: int, usable: int, minimum: int) -> None:
    """Raise :class:`InsufficientHistory` when fewer than ``minimum`` days are usable."""
    if usable >= minimum:
        return
    need = f"{minimum // 7} weeks" if minimum % 7 == 0 else f"{minimum} days"
    have = f"{days} days" if usable == days else f"{days} days, {usable} of them usable"
    raise InsufficientHistory(f"A baseline needs at least {need} of history; this series has {have}.")
