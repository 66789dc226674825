"""What history expected for some days: the one place every view asks.

Volume trends (its chart and its week sentence), the weekly report (its total, band and
reasons, and so its decks and reports), and the contact ratio's band all ask
:func:`expected_for_days`, so one week's expected total and band are one number wherever
they are shown, and there is one way to say there is none: :class:`InsufficientHistory`
(or its :class:`UnfittableHistory`), whose message says why in the user's words.

Horizon
-------
The baseline is fitted on the history *before* the first asked-for day and predicts the
days from there on, so the asked-for days never pull their own expectation towards
themselves. What "before" means is the caller's question, and its words must say which:

* a week judged on its own (the weekly report, Volume trends' week sentence): the history
  up to the day before that week, one to seven days ahead;
* a viewed period (Volume trends' chart, the ratio's band): the history up to the day
  before the period, forecast up to the period's length ahead; a week late in a long view
  is then a forecast of several weeks, with a wider band, and differs from the same week
  judged on its own.

Bands
-----
Every band, of a day or of any sum of days, is a quantile of the same ``config.n_draws``
simulated paths (:meth:`FittedBaseline.simulate`, fixed seed): a day's bounds are exactly
:meth:`FittedBaseline.predict`'s, and a week's are quantiles of the paths' week sums.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from analytics.baseline.aggregate import BOUNDS, Grain, expected_by_grain
from analytics.baseline.config import BaselineConfig, InsufficientHistory
from analytics.baseline.model import FittedBaseline, fit_baseline
from analytics.baseline.series import checked_daily
from analytics.i18n import t

DateLike = date | str | pd.Timestamp


@dataclass(frozen=True)
class PeriodExpectation:
    """One period's expected total and its 80% and 95% bands (quantiles of the simulated
    paths' sums over the period's days)."""

    first_day: date
    last_day: date
    expected: float
    lo80: float
    hi80: float
    lo95: float
    hi95: float

    def gap_pct(self, actual: float) -> float | None:
        """``(actual - expected) / expected``; None when nothing was expected."""
        return (actual - self.expected) / self.expected if self.expected else None

    def band_pct(self) -> tuple[float | None, float | None]:
        """The 95% band relative to expected: ``(lo95 / expected - 1, hi95 / expected - 1)``."""
        if not self.expected:
            return None, None
        return self.lo95 / self.expected - 1, self.hi95 / self.expected - 1

    def band_side(self, actual: float) -> str:
        """``"above"`` or ``"below"`` the 95% band, or ``""`` inside it."""
        return "above" if actual > self.hi95 else "below" if actual < self.lo95 else ""


@dataclass(frozen=True)
class Expectation:
    """What the history up to ``fit_end`` expected for consecutive days.

    ``days`` is indexed by ``date`` with ``expected``, ``lo80``, ``hi80``, ``lo95`` and
    ``hi95``; ``draws`` holds the simulated paths, shape ``(paths, days)``; ``notes`` say
    how the history limited the model (in the language active when it was fitted).
    """

    days: pd.DataFrame
    draws: np.ndarray = field(repr=False)
    fit_start: date
    fit_end: date
    notes: tuple[str, ...] = ()

    @property
    def first_day(self) -> date:
        return self.days.index[0].date()

    @property
    def last_day(self) -> date:
        return self.days.index[-1].date()

    @property
    def horizon_days(self) -> int:
        """How far ahead the last day lies: 7 for a week fitted up to the day before it."""
        return (self.last_day - self.fit_end).days

    @property
    def expected(self) -> pd.Series:
        """The expected count of each day."""
        return self.days["expected"]

    def period(self, first_day: DateLike | None = None, last_day: DateLike | None = None) -> PeriodExpectation:
        """The expected total and bands of ``first_day .. last_day`` (default: all the days).

        Raises
        ------
        ValueError
            When the period is not inside the days of this expectation.
        """
        first = pd.Timestamp(first_day or self.days.index[0]).normalize()
        last = pd.Timestamp(last_day or self.days.index[-1]).normalize()
        inside = (self.days.index >= first) & (self.days.index <= last)
        if first < self.days.index[0] or last > self.days.index[-1] or last < first:
            raise ValueError(f"The period {first:%Y-%m-%d} to {last:%Y-%m-%d} is not inside the expected days "
                             f"{self.first_day} to {self.last_day}.")
        totals = self.draws[:, inside].sum(axis=1)
        bounds = {name: float(np.quantile(totals, q, method="inverted_cdf")) for name, q in BOUNDS.items()}
        return PeriodExpectation(first.date(), last.date(), float(self.days.loc[inside, "expected"].sum()), **bounds)

    def by_grain(self, grain: Grain) -> pd.DataFrame:
        """The days summed to ``grain`` with each period's bands from the paths (see
        :func:`analytics.baseline.expected_by_grain`); a period cut by the edge has fewer
        ``days``."""
        return expected_by_grain(self.days, grain, draws=self.draws)


def expected_for_days(history: pd.Series, start: DateLike, end: DateLike, *, events: pd.DataFrame | None = None,
                      config: BaselineConfig = BaselineConfig(), exposure: pd.Series | None = None) -> Expectation:
    """What ``history`` before ``start`` expected for the days ``start .. end``.

    The seasonal baseline (:func:`analytics.baseline.fit_baseline`) is fitted on the days
    of ``history`` before ``start`` only, then predicts ``start .. end`` with bands from
    ``config.n_draws`` simulated paths (see the module docstring).

    Parameters
    ----------
    history
        Contacts per day, consecutive and zero-filled; days from ``start`` on are ignored.
    start, end
        The first and last day expected for.
    events
        The events that can move these contacts (see :func:`fit_baseline`).
    config
        Model settings (the country's holidays and the sector's commercial days among them).
    exposure
        Optional daily exposure for the fit days and every expected day (see
        :func:`fit_baseline`).

    Returns
    -------
    Expectation

    Raises
    ------
    InsufficientHistory
        When the history has no day before ``start`` or no contact before it, and as
        :func:`fit_baseline` raises it (under 8 weeks; as :class:`UnfittableHistory`, a
        history the model cannot carry). The message is in the user's language.
    ValueError
        When ``end`` is before ``start`` or the history is not a daily count series.
    """
    first, last = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if last < first:
        raise ValueError("The expected period ends before it starts.")
    before = history[history.index < first] if len(history) else history
    if len(before) == 0:
        raise InsufficientHistory(t("baseline.none_before_period"))
    before = checked_daily(before)
    if not before.any():
        raise InsufficientHistory(t("baseline.none_before_contacts"))
    model = fit_baseline(before, events=events, config=config, exposure=exposure)
    return expectation_of(model, first, last)


def expectation_of(model: FittedBaseline, start: DateLike, end: DateLike) -> Expectation:
    """The expectation of a fitted baseline for ``start .. end`` (expected counts, and the
    bands of the same simulated paths)."""
    expected, draws = model.expected_and_simulate(start, end)
    days = expected.to_frame()
    bounds = np.quantile(draws, list(BOUNDS.values()), axis=0, method="inverted_cdf")
    for column, values in zip(BOUNDS, bounds):
        days[column] = values
    return Expectation(days, draws, model.fit_start.date(), model.fit_end.date(), tuple(model.notes))
