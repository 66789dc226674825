"""The seasonal baseline: a negative-binomial GLM on calendar terms, a level correction,
and simulated prediction intervals.

Model
-----
For day ``t`` with count ``Y[t]``::

    log mu[t] = b0 + W[weekday(t)] + sum_{k=1..K} (a_k sin(2 pi k d(t)/365.25) + c_k cos(...))
                + g years(t) + h1 holiday[t] + h2 before_holiday[t] + h3 after_holiday[t]
                + h4 christmas_period[t] + sum_c (k_c day_c[t] + r_c echo_c[t])
                + sum_e (d_e event_e[t] + q_e echo_e[t])
    echo_x[t] = sum_{l=1..28} w_l x[t - l],   w_l = exp(-l / 7) / sum_j exp(-j / 7)
    Y[t] ~ NegBin(mean m[t] = mu[t] exp(L[t]), variance m[t] + alpha m[t]^2)

``W``: weekday effects (Monday the reference). Fourier terms (``K = 6``, ``d(t)`` in
days): the yearly season. ``years(t)``: a linear trend, kept only if it forecast better than no trend in
the refits below (``trend="auto"``). ``holiday``: public holidays of ``country`` (the
``holidays`` package); ``before/after_holiday``: the working day before and after a run
of holidays; ``christmas_period``: 24 and 27-31 December. ``day_c``: the named commercial
days of ``country`` and ``sector`` (:mod:`analytics.baseline.commercial`: Black Friday to
Cyber Monday, the Sinterklaas and Christmas shopping weeks, the January sales), each on
the days it falls on that year, so a peak that moves from year to year is not left to the
Fourier terms to smear. ``event_e``: one dummy per *kind* of foreseen event, so a past
campaign explains its own days and does not lift the same dates a year later, while a
future event of a kind seen before gets that kind's effect; an event named like a
commercial day ("Black Friday") dates that day's run instead. ``echo_x``: the contacts a
commercial day or a campaign brings in the four weeks after it (its orders' deliveries,
returns and refunds), decaying with a time constant of a week; it enters once the history
holds one whole run and the four weeks after it. Unforeseen events (outages) are left out
of the fit. ``alpha`` solves the Pearson moment equation
``sum (y - mu)^2 / (mu + alpha mu^2) = n - p``; no overdispersion gives a Poisson model.
Coefficients are maximum likelihood (IRLS).

``L[t]`` is the level the calendar terms miss (see :mod:`analytics.baseline.level`). The
model is refitted at 13 origins over the last year; regressing each origin's next weeks'
log actual/fitted on its last 28 days' gives the correction ``w R`` applied to forecasts
(``R``: the last 28 days' log actual/fitted), and the residual variance, net of count
noise and coefficient uncertainty, gives the level error ``s2_k`` of forecast week ``k``
(linear in ``k``). Intervals are quantiles of simulated paths: coefficients from
``N(beta_hat, cov)``, one level shock ``N(-s2/2, s2)`` per path, then a gamma-Poisson
count per day. Week and month intervals are quantiles of the same paths' sums.

How the design was chosen
-------------------------
Rolling-origin backtests (:func:`analytics.baseline.backtest`) on six known-truth
three-year series, seeds 7 and 8 (:func:`analytics.baseline.synthetic.benchmark_series`:
clean; level drift with a trend break; steady decline; Christmas, after-holiday and summer
effects; a campaign and an outage; 3 contacts a day). Means over the 12 series: daily
MAPE (days with actual > 0) and 80%/95% coverage at 28 days ahead (12 origins), weekly
MAPE and 95% coverage at 28 days (12 origins) and 91 days (6 origins)::

    design                     d28 MAPE  c80    c95    w28 MAPE  c95    w91 MAPE  c95
    chosen (below)             0.2114   0.821  0.960  0.0848   0.960  0.0920   0.934
    yearly K=3 / 4 / 8         0.2105 / 0.2117 / 0.2119   w28 0.0844 / 0.0858 / 0.0860
    trend always linear        0.2131   0.821  0.959  0.0865   0.951  0.0947   0.935
    trend fitted, held flat    0.2130   0.821  0.959  0.0865   0.957  0.0939   0.939
    no trend                   0.2110   0.826  0.966  0.0853   0.963  0.0926   0.949
    no holiday neighbours/Xmas 0.2118   0.822  0.960  0.0852   0.957  0.0923   0.927
    no level correction        0.2152   0.816  0.960  0.0890   0.951  0.0977   0.929
    last 2 years only          0.2107   0.823  0.958  0.0842   0.950  0.0917   0.938
    quasi-Poisson              0.2114   0.828  0.960  0.0849   0.962  0.0917   0.940
    seasonal naive, 8 weeks    0.3091                 0.1448            0.1975
    seasonal naive, last year  0.3494                 0.1453            0.1485

Chosen: NB, all history, ``K = 6``, ``trend="auto"``, holiday neighbours and Christmas
period, 28-day level correction. The level correction is the one large gain (weekly MAPE
0.089 -> 0.085, 91 days 0.098 -> 0.092; on the drift series 0.128 -> 0.101). "No trend"
wins on the trend-break series and loses 25-45% on the steady decline; "linear" the
reverse; ``auto`` picks per series and on average does as well as the better of the two.
Other differences are under 1%, inside seed-to-seed noise; there ``K = 6`` was kept for
being best on the series with a summer dip (weekly 0.052 vs 0.057 with ``K = 3``), all
history for estimating holiday effects on more days, and NB over quasi-Poisson for its
per-day variance ``mu + alpha mu^2``. The weakest case is the trend-break series 91 days ahead
(95% coverage 0.81): a trend change after the fit cannot be foreseen.

On real data, the San Francisco 311 sample in the tests (about 3 requests a day,
2015-2017, US holidays): daily MAPE 0.73 against 0.80 for the 8-week naive (WAPE 0.59
against 0.62), weekly MAPE 0.40 against 0.42, weekly coverage 0.77 / 0.92; daily bands
over-cover (0.96 / 0.99) because counts of 0-5 leave little room between quantiles.

The season's peaks (added later, on the default demo: a Dutch web shop, three years to
5 December 2026, ~1,500 contacts a day). The design above expected 14-20% too many contacts
in the weeks before Black Friday and too few after it (week 48 of 2026: 17,828 expected,
15,291 counted; the generator's own mean 17,208): Black Friday, a campaign in the events
table, shared one dummy with the two-week spring sale and covered only its four days, while
its orders bring contacts for weeks after (deliveries after 3 days, returns after 8,
refunds after 12), and the Fourier terms spread that moving, week-long shape over six
weeks. With the commercial days and echoes: weekly MAPE 5.2% -> 4.1%, daily 10.9% ->
10.4% (rolling backtest, 12 origins, 28 days); the weeks from mid-November to the end of
December of 2025 and 2026 (weeks 47 to 1), each expected from the history up to the week
before, 4.1% from the generator's mean on average (8.2% before), worst 7.8% (18.2%
before). On the six benchmark series, which have no such days, daily MAPE 0.2114 ->
0.2118 and weekly 0.0848 -> 0.0851: the cost of eight terms that find nothing. Under
``low_volume_mean`` contacts a day there are no commercial days (a peak of some days is
lost in the noise). Echo time constants of 5, 7 and 10 days gave weekly MAPE 4.2%, 4.1%
and 4.1% on the demo: a week was kept.

Short history degrades: under ``min_days_yearly`` days there is no yearly season and no
trend (a note says so) and forecasts take the last 28 days' level in full; on 8-10 month
series (six seeds) weekly MAPE was 0.077-0.083 against 0.089-0.104 for the 8-week naive
and 95% coverage 0.89-0.96. Under ``min_days_any`` days :class:`InsufficientHistory` is
raised. Below ``low_volume_mean`` (10) contacts a day the season gets 2 Fourier terms (a
note says so). A weekday (or the holidays) without a single contact in the fit period is
treated as closed: expected 0.

Broken history: years of a few contacts a month ending in weeks of dozens a day (a
regulator's complaint export). The trend and season terms chase the jump until the means
leave the log scale or the dispersion has no root below ``MAX_ALPHA``
(:class:`analytics.baseline.glm.UnfittableCounts`); then the trend is dropped (a note says
so), and if the design without it fails too, or forecasts would start more than
``LEVEL_BREAK_FACTOR`` times away from the last four weeks' level, :class:`UnfittableHistory`
(an ``InsufficientHistory``) says why in the user's words: no baseline rather than a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from analytics import formatting
from analytics.baseline.calendar import (
    WEEKDAY_NAMES,
    checked_events,
    event_echoes,
    event_days,
    holiday_flags,
    weekday_dummies,
    yearly_fourier,
)
from analytics.baseline.commercial import (
    ECHO_SPAN,
    CommercialDay,
    calendar_with_events,
    commercial_calendar,
    commercial_flags,
)
from analytics.baseline.config import BaselineConfig, InsufficientHistory, UnfittableHistory
from analytics.baseline.glm import (
    UnfittableCounts,
    draws_of_coefficients,
    fit_counts,
    fitted_mean,
    linear_predictor,
    matrix_product,
)
from analytics.baseline.level import LevelDrift, level_drift
from analytics.baseline.series import checked_daily
from analytics.i18n import t

DateLike = date | str | pd.Timestamp
_QUANTILES = {"lo80": 0.10, "hi80": 0.90, "lo95": 0.025, "hi95": 0.975}
LEVEL_BREAK_FACTOR = 5.0
"""A forecast starting this many times above or below the last four weeks' actual level is
no forecast: the history broke away from itself. Season, trend, holidays and events are in
the fitted level already, so only a break (a new way of recording, a channel opened or
closed) leaves it this far off. Measured: the demo store's largest gap is a factor of 1.42
(whole store, every reason at levels 1 and 2, every channel, 14 fit ends over its last
year); the SF311 sample's thin reasons reach 7, but at a few contacts a week, where a
quiet month of a seasonal reason (Flooding: 6 contacts against 34) is no break: a break
needs ``LEVEL_BREAK_MIN_PER_DAY`` contacts a day on the busier side."""
LEVEL_BREAK_MIN_PER_DAY = 5.0


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
    calendar: tuple[CommercialDay, ...] = ()
    echoes: tuple[str, ...] = ()
    echo_days: float = 0.0

    @property
    def columns(self) -> list[str]:
        weekdays = [WEEKDAY_NAMES[i] for i in self.open_weekdays[1:]]
        fourier = [f"{f}_{k}" for k in range(1, self.yearly_terms + 1) for f in ("sin", "cos")]
        trend = ["trend"] if self.trend != "none" else []
        return ["intercept", *weekdays, *fourier, *trend, *self.flags, *(d.column for d in self.calendar),
                *(f"event:{k}" for k in self.event_kinds), *self.echoes]


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
        commercial_flags(dates, terms.calendar, terms.echo_days),
        event_days(dates, events, foreseen=True),
        event_echoes(dates, events, terms.echo_days),
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
    exposure: pd.Series | None = None

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
        return x, linear_predictor(x, self.beta), correction + self._log_exposure(dates)

    def _log_exposure(self, dates: pd.DatetimeIndex) -> np.ndarray:
        """``log exposure`` of ``dates`` for a model fitted with one (zeros otherwise);
        a ValueError when a date has no positive exposure."""
        if self.exposure is None:
            return np.zeros(len(dates))
        values = self.exposure.reindex(dates).to_numpy(dtype=float)
        if not (np.isfinite(values) & (values > 0)).all():
            raise ValueError("This baseline was fitted with an exposure: every predicted day needs a positive "
                             "exposure (pass the predicted days' values to fit_baseline).")
        return np.log(values)

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
        dates = self._dates(start, end)
        x, _, level = self._log_mean(dates)
        return self._draws(dates, x, level, n, seed)

    def expected_and_simulate(self, start: DateLike, end: DateLike, n: int | None = None,
                              seed: int | None = None) -> tuple[pd.Series, np.ndarray]:
        """:meth:`expected` and :meth:`simulate` of the same days at the cost of one
        design matrix (what a pilot's placebo check runs many times)."""
        dates = self._dates(start, end)
        x, eta, level = self._log_mean(dates)
        mean = np.where(_closed(dates, self.terms), 0.0, np.exp(eta + level))
        return pd.Series(mean, index=dates, name="expected"), self._draws(dates, x, level, n, seed)

    def _draws(self, dates: pd.DatetimeIndex, x: np.ndarray, level: np.ndarray, n: int | None,
               seed: int | None) -> np.ndarray:
        n = self.config.n_draws if n is None else int(n)
        rng = np.random.default_rng(self.config.seed if seed is None else seed)
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
            label = f"{name} vs {reference}" if name in WEEKDAY_NAMES else name
            label = "trend per year" if name == "trend" else label
            rows[label] = np.exp(self.beta[i] + np.array([0.0, -1.96, 1.96]) * se[i])
        return pd.DataFrame.from_dict(rows, orient="index", columns=["multiplier", "lo95", "hi95"])


def fit_baseline(daily: pd.Series, *, events: pd.DataFrame | None = None,
                 config: BaselineConfig = BaselineConfig(), exposure: pd.Series | None = None) -> FittedBaseline:
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
    exposure
        Optional positive daily volume the counts scale with (orders, active customers) on
        a DatetimeIndex, for the fit days *and* every day that will be predicted. It enters
        as an offset, ``log mu[t] = log exposure[t] + ...``, so the calendar terms model the
        rate per unit of exposure (contacts per order): the season of the ratio. Fit days
        without a positive exposure are left out of the fit (a note says how many);
        predicting a day without one raises ValueError. Without it the model is exactly
        the volume baseline.

    Returns
    -------
    FittedBaseline

    Raises
    ------
    InsufficientHistory
        With fewer than ``config.min_days_any`` usable days: "A baseline needs at least 8
        weeks of history; this series has 23 days."; with no contacts on the usable days;
        and as :class:`UnfittableHistory` when the counts cannot carry even the design
        without a trend (the fit diverges, or they vary beyond any dispersion the model
        allows: "... 0.3 contacts a day on average, none on 91% of the days ..."). Every
        message is in the user's language.
    ValueError
        If the series is not consecutive daily whole non-negative counts or the events
        frame is malformed.
    """
    series = checked_daily(daily)
    if config.history_days is not None and len(series) > config.history_days:
        series = series.iloc[-config.history_days:]
    events_frame = checked_events(events)
    dates, y = series.index, series.to_numpy()
    unforeseen = event_days(dates, events_frame, foreseen=False)
    kept = unforeseen.to_numpy().sum(axis=1) == 0 if unforeseen.shape[1] else np.ones(len(dates), bool)
    notes = [t("baseline.unforeseen_left_out", days=int((~kept).sum()))] if (~kept).any() else []
    exposure_series, log_exposure = _exposure_of(exposure, dates, kept, notes)
    if exposure_series is not None:
        kept = kept & (log_exposure > -np.inf)
        log_exposure = np.where(kept, log_exposure, 0.0)
    _require_history(len(series), int(kept.sum()), config.min_days_any)
    if y[kept].sum() == 0:
        raise InsufficientHistory(t("baseline.no_contacts_to_fit"))

    commercial = (*commercial_calendar(config.country, config.sector), *config.commercial_days)
    if float(y[kept].mean()) < config.low_volume_mean:
        commercial = ()  # a few contacts a day cannot tell a peak of some days from noise
    calendar, taken_by = calendar_with_events(commercial, events_frame)
    design_notes: list[str] = []
    terms, candidates, fit_rows = _design(series, kept, events_frame[taken_by == ""], calendar, config, design_notes)
    unused = [day.name for day in calendar if day not in terms.calendar]
    if np.isin(taken_by, unused).any():  # the calendar cannot use them yet: they stay events of their kind
        calendar = tuple(day for day in calendar if day.name not in unused)
        taken_by = np.where(np.isin(taken_by, unused), "", taken_by)
        design_notes = []
        terms, candidates, fit_rows = _design(series, kept, events_frame[taken_by == ""], calendar, config,
                                              design_notes)
    events_frame = events_frame[taken_by == ""].reset_index(drop=True)
    notes.extend(design_notes)
    try:
        if terms.trend == "auto":
            fit, note = _better_trend(y, fit_rows, candidates, terms, config, log_exposure)
            notes.append(note)
        else:
            fit = _fit_terms(y, fit_rows, candidates, terms, config, log_exposure)
    except UnfittableCounts:
        raise UnfittableHistory(_unfittable_reason(y, fit_rows, config.level_days or 28)) from None
    broken = _level_break(y, fit_rows, candidates, fit, log_exposure, config.level_days or 28)
    if broken:
        raise UnfittableHistory(broken)
    if fit.family == "poisson":
        notes.append(t("baseline.poisson"))
    terms = fit.terms
    components = ["weekday", *([f"yearly:{terms.yearly_terms}"] if terms.yearly_terms else []),
                  *([f"trend:{terms.trend}"] if terms.trend != "none" else []), *terms.flags,
                  *(d.column for d in terms.calendar), *(f"event:{k}" for k in terms.event_kinds),
                  *terms.echoes,
                  *([f"level:{config.level_days}"] if config.level_days else [])]
    return FittedBaseline(series, fit_rows, terms, events_frame, fit.beta, fit.cov, fit.family, fit.dispersion,
                          fit.level, config, notes, components, exposure_series)


def _design(series: pd.Series, kept: np.ndarray, events: pd.DataFrame, calendar: tuple[CommercialDay, ...],
            config: BaselineConfig, notes: list[str]) -> tuple[_Terms, pd.DataFrame, np.ndarray]:
    """The terms the history supports (:func:`_terms_for`, then every dummy and echo that
    :func:`_without_empty_dummies` keeps), the regressors of its days and the fitted rows."""
    dates, y = series.index, series.to_numpy()
    events = events.reset_index(drop=True)
    terms = _terms_for(series, kept, events, config, notes)
    fit_rows = kept & ~_closed(dates, terms)
    kinds = _event_kinds(dates, events)
    echoes = ((*(d.echo_column for d in calendar), *(f"after:{k}" for k in kinds if config.event_echoes))
              if config.echo_days > 0 else ())
    terms = replace(terms, event_kinds=kinds, calendar=calendar, echoes=echoes, echo_days=config.echo_days)
    candidates = _regressors(dates, terms, events)
    day_before = _regressors(pd.DatetimeIndex([dates[0] - pd.Timedelta(days=1)]), terms, events)
    return _without_empty_dummies(terms, candidates, y, fit_rows, notes, day_before), candidates, fit_rows


def _exposure_of(exposure: pd.Series | None, dates: pd.DatetimeIndex, kept: np.ndarray,
                 notes: list[str]) -> tuple[pd.Series | None, np.ndarray]:
    """The checked exposure series and its log on ``dates`` (``-inf`` where a fit day has
    no positive exposure, noted when such a day would otherwise be fitted)."""
    if exposure is None:
        return None, np.zeros(len(dates))
    if not isinstance(exposure, pd.Series) or not isinstance(exposure.index, pd.DatetimeIndex):
        raise ValueError("The exposure needs to be a series on a DatetimeIndex of dates.")
    series = pd.Series(pd.to_numeric(exposure, errors="raise").astype(float).to_numpy(),
                       index=exposure.index.normalize(), name=exposure.name)
    if (series < 0).any():
        raise ValueError("An exposure cannot be negative.")
    values = series.reindex(dates).to_numpy(dtype=float)
    known = np.isfinite(values) & (values > 0)
    if (kept & ~known).any():
        notes.append(t("baseline.no_exposure_days", days=int((kept & ~known).sum())))
    return series, np.where(known, np.log(np.where(known, values, 1.0)), -np.inf)


def _terms_for(series: pd.Series, kept: np.ndarray, events: pd.DataFrame, config: BaselineConfig,
               notes: list[str]) -> _Terms:
    """The terms the history supports (season, trend, open weekdays, holidays), noting
    what it does not; event kinds and empty dummies are settled later."""
    dates, y = series.index, series.to_numpy()
    long_enough = len(series) >= config.min_days_yearly
    yearly_terms = config.yearly_terms if long_enough else 0
    if not long_enough:
        notes.append(t("baseline.short_history"))
    mean_per_day = float(y[kept].mean())
    if yearly_terms > config.low_volume_terms and mean_per_day < config.low_volume_mean:
        yearly_terms = config.low_volume_terms
        notes.append(t("baseline.low_volume", per_day=formatting.rate(mean_per_day, 1), terms=yearly_terms,
                       configured=config.yearly_terms))
    weekday = np.asarray(dates.day_of_week)
    open_weekdays = tuple(i for i in range(7) if y[kept & (weekday == i)].sum() > 0)
    for i in sorted(set(range(7)) - set(open_weekdays)):
        notes.append(t("baseline.closed_weekday", weekday=t(f"reasons.weekday_{i + 1}")))
    flags = ["holiday", *(["before_holiday", "after_holiday"] if config.holiday_neighbours else []),
             *(["christmas_period"] if config.christmas_period else [])]
    on_holiday = kept & (holiday_flags(dates, config.country)["holiday"].to_numpy() > 0)
    closed_on_holidays = bool(on_holiday.sum() >= 3 and y[on_holiday].sum() == 0)
    if closed_on_holidays:
        notes.append(t("baseline.closed_holidays"))
        flags.remove("holiday")
    return _Terms(config.country, open_weekdays, yearly_terms, config.trend if long_enough else "none", dates[-1],
                  tuple(flags), (), closed_on_holidays)


def _event_kinds(dates: pd.DatetimeIndex, events: pd.DataFrame) -> tuple[str, ...]:
    """Kinds of foreseen events, sorted."""
    return tuple(sorted(c.split(":", 1)[1] for c in event_days(dates, events, foreseen=True).columns))


def _without_empty_dummies(terms: _Terms, candidates: pd.DataFrame, y: np.ndarray, fit_rows: np.ndarray,
                           notes: list[str], day_before: pd.DataFrame) -> _Terms:
    """The candidate ``terms`` keeping the holiday, commercial-day and event dummies that
    have fitted days with contacts (an all-zero dummy has no finite estimate).

    A commercial day also needs one whole run in the history (not cut by its first or last
    day), and an echo, of a commercial day or of a kind of event, one run followed by the
    whole echo: from the first days of its first run, a peak's size and the weeks after it
    cannot be told apart (a Black Friday weekend seen up to Saturday once gave an echo of
    1.9, 95% interval 0.3 to 13). A commercial day the history has not seen in full is left
    out without a note (it has nothing to carry forward yet). ``day_before`` holds the
    regressors of the day before the history, to tell a run that starts on its first day
    from one cut by it."""

    def has_contacts(column: str) -> bool:
        on = fit_rows & (candidates[column].to_numpy() > 0) if column in candidates else np.zeros(len(y), bool)
        return bool(on.any() and y[on].sum() > 0)

    def seen_whole(column: str, reach: int = 0) -> bool:
        """A run of ``column`` that starts and ends inside the history, with ``reach``
        days of history after it."""
        on = candidates[column].to_numpy() > 0
        edges = np.diff(np.concatenate([[0], on.astype(int), [0]]))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
        cut_at_start = bool(day_before[column].iloc[0] > 0)
        return any((first > 0 or not cut_at_start) and last + max(reach, 1) <= len(on) - 1
                   for first, last in zip(starts, ends))

    reach = int(round(ECHO_SPAN * terms.echo_days))
    flags = []
    for name in terms.flags:
        if has_contacts(name):
            flags.append(name)
        elif name == "holiday":
            notes.append(t("baseline.no_holiday_effect"))
    kinds = []
    for kind in terms.event_kinds:
        if has_contacts(f"event:{kind}"):
            kinds.append(kind)
        else:
            notes.append(t("baseline.event_kind_unfitted", kind=kind))
    calendar = tuple(day for day in terms.calendar if has_contacts(day.column) and seen_whole(day.column))
    casting = {**{day.echo_column: day.column for day in calendar}, **{f"after:{k}": f"event:{k}" for k in kinds}}
    echoes = tuple(c for c in terms.echoes if c in casting and has_contacts(c) and seen_whole(casting[c], reach))
    return replace(terms, flags=tuple(flags), event_kinds=tuple(kinds), calendar=calendar, echoes=echoes)


@dataclass(frozen=True)
class _Fit:
    beta: np.ndarray
    cov: np.ndarray
    dispersion: float
    family: str
    level: LevelDrift
    terms: _Terms


def _better_trend(y: np.ndarray, fit_rows: np.ndarray, candidates: pd.DataFrame, terms: _Terms,
                  config: BaselineConfig, log_exposure: np.ndarray | None = None) -> tuple[_Fit, str]:
    """Fit with a linear trend and without; keep the one whose refits forecast better
    (no trend when there were too few refits to tell, or when the counts cannot carry a
    trend), and a note saying which. :class:`UnfittableCounts` when even the design without
    a trend cannot be fitted."""
    flat = _fit_terms(y, fit_rows, candidates, replace(terms, trend="none"), config, log_exposure)
    try:
        linear = _fit_terms(y, fit_rows, candidates, replace(terms, trend="linear"), config, log_exposure)
    except UnfittableCounts:
        return flat, t("baseline.trend_unfitted")
    if np.isnan(linear.level.score) or np.isnan(flat.level.score):
        return flat, t("baseline.trend_untested")
    if linear.level.score < flat.level.score:
        return linear, t("baseline.trend_linear")
    return flat, t("baseline.trend_flat")


def _fit_terms(y: np.ndarray, fit_rows: np.ndarray, candidates: pd.DataFrame, terms: _Terms,
               config: BaselineConfig, log_exposure: np.ndarray | None = None) -> _Fit:
    """Coefficients, covariance, dispersion and level drift of one design (the log
    exposure, when given, as a fixed offset)."""
    columns = terms.columns
    x = candidates.reindex(columns=columns, fill_value=0.0).to_numpy()
    off = np.zeros(len(y)) if log_exposure is None else log_exposure
    beta, cov, dispersion, family = fit_counts(y[fit_rows], x[fit_rows], config.family, offset=off[fit_rows])
    level = level_drift(y, fitted_mean(x, beta, off), fit_rows, x, beta, offset=off,
                        dispersion=dispersion,
                        family=family, level_days=config.level_days, weeks=config.level_weeks,
                        min_history=config.min_days_yearly if terms.yearly_terms else config.min_days_any,
                        flat_trend_column=columns.index("trend") if terms.trend == "flat" else None,
                        full_weight=terms.yearly_terms == 0)
    return _Fit(beta, cov, dispersion, family, level, terms)


def _level_break(y: np.ndarray, fit_rows: np.ndarray, candidates: pd.DataFrame, fit: _Fit, log_exposure: np.ndarray,
                 recent_days: int) -> str | None:
    """Why the history says nothing about what comes next, or ``None``.

    With ``A`` the actual and ``F`` the fitted contacts of the last ``recent_days`` fitted
    days, forecasts start from ``F exp(c)`` (``c`` the level correction of the first week).
    The history broke away when ``|log((A + 0.5) / (F + 0.5)) - c| > log(LEVEL_BREAK_FACTOR)``
    and ``A`` or ``F`` is at least ``LEVEL_BREAK_MIN_PER_DAY`` a day: years of a few a month,
    then dozens a day, while the correction (estimated on the calm year before) does not
    follow. Under a year of history the correction follows in full, so a jump there is
    carried on instead."""
    x = candidates.reindex(columns=fit.terms.columns, fill_value=0.0).to_numpy()
    fitted = fitted_mean(x, fit.beta, log_exposure)
    used = fit_rows[-recent_days:]
    if not used.any():
        return None
    actual, expected = float(y[-recent_days:][used].sum()), float(fitted[-recent_days:][used].sum())
    off = np.log((actual + 0.5) / (expected + 0.5)) - float(fit.level.correction[0])
    if abs(off) <= np.log(LEVEL_BREAK_FACTOR) or max(actual, expected) < LEVEL_BREAK_MIN_PER_DAY * used.sum():
        return None
    return t("baseline.level_break", days=recent_days, recent=formatting.decimal(actual / used.sum(), 1),
             fitted=formatting.decimal(expected / used.sum() * np.exp(float(fit.level.correction[0])), 1),
             factor=formatting.count(LEVEL_BREAK_FACTOR))


def _unfittable_reason(y: np.ndarray, fit_rows: np.ndarray, recent_days: int) -> str:
    """Why the count model could not be fitted, in the user's words: how thin the fitted
    days are (contacts a day, share of days without any) and the level of the last days."""
    fitted = y[fit_rows]
    recent = y[-recent_days:][fit_rows[-recent_days:]]
    return t("baseline.unfittable", per_day=formatting.rate(float(fitted.mean()), 1),
             empty=formatting.percent(float(np.mean(fitted == 0))),
             recent=formatting.rate(float(recent.mean()) if len(recent) else 0.0, 1), days=recent_days)


def _require_history(days: int, usable: int, minimum: int) -> None:
    """Raise :class:`InsufficientHistory` when fewer than ``minimum`` days are usable."""
    if usable >= minimum:
        return
    need = t("baseline.weeks", n=minimum // 7) if minimum % 7 == 0 else t("baseline.days", n=minimum)
    have = t("baseline.days", n=days) if usable == days else t("baseline.days_usable", n=days, usable=usable)
    raise InsufficientHistory(t("baseline.need_history", need=need, have=have))
