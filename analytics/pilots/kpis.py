"""The pilot's effect on rates: handle time, first-contact resolution, repeat rate,
satisfaction and the contact ratio.

A rate over a run of days is ``sum(numerator) / sum(denominator)`` (seconds per contact,
resolved per answered, contacts per 1,000 orders). Its effect is the rate in the window
minus the rate over the ``reference_days`` before the fit end. Rates move less with the
season than volumes do, but they drift; so the interval comes from the same statistic at
weekly fake start dates in the year before the pilot (the spread of "window minus the
weeks before" when there was no pilot), with a Student-t quantile for the number of
fake windows. That is a placebo-calibrated before/after, honest about drift
without needing a model of each rate.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import numpy as np
import pandas as pd
from scipy import stats

from analytics.pilots.estimators import CONTROL_PLACEBO_WEEKS, MIN_PLACEBOS, REFERENCE_DAYS, placebo_freedom

KPIS = ("volume", "contact_ratio", "handle_time", "first_contact_resolution", "repeat_rate_7d", "satisfaction")


@dataclass(frozen=True)
class KpiEffect:
    """One KPI before and during a window, and the change with its 95% interval.

    ``unit`` is ``"contacts"``, ``"per_1000"``, ``"seconds"`` or ``"share"``; ``effect``
    is in that unit (``during - before``) and ``relative_effect`` relative to ``before``.
    For volume, ``before`` is the expected count of the window and ``during`` the actual. ``available`` False with a ``note`` when
    the data does not record it.
    """

    kpi: str
    unit: str
    available: bool
    before: float = float("nan")
    during: float = float("nan")
    effect: float = float("nan")
    ci_low: float = float("nan")
    ci_high: float = float("nan")
    relative_effect: float = float("nan")
    relative_ci_low: float = float("nan")
    relative_ci_high: float = float("nan")
    p_value: float = float("nan")
    note: str = ""

    @property
    def significant(self) -> bool:
        return bool(np.isfinite(self.p_value) and self.p_value < 0.05)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["significant"] = self.significant
        return {k: (None if isinstance(v, float) and not np.isfinite(v) else v) for k, v in out.items()}


class _RunSums:
    """Sums of numerator and denominator over any run of days (cumulative sums)."""

    def __init__(self, numerator: pd.Series, denominator: pd.Series) -> None:
        self.first = numerator.index[0]
        self.num = np.concatenate([[0.0], np.cumsum(numerator.to_numpy(dtype=float))])
        self.den = np.concatenate([[0.0], np.cumsum(denominator.to_numpy(dtype=float))])

    def rate(self, start: pd.Timestamp, end: pd.Timestamp) -> float:
        lo, hi = max(0, (start - self.first).days), min(len(self.num) - 1, (end - self.first).days + 1)
        den = self.den[hi] - self.den[lo] if hi > lo else 0.0
        return float((self.num[hi] - self.num[lo]) / den) if den > 0 else float("nan")


def _change(sums: _RunSums, start: pd.Timestamp, end: pd.Timestamp, fit_end: pd.Timestamp,
            reference_days: int) -> tuple[float, float]:
    before = sums.rate(fit_end - pd.Timedelta(days=reference_days - 1), fit_end)
    return before, sums.rate(start, end)


def rate_effect(kpi: str, unit: str, numerator: pd.Series, denominator: pd.Series, start: date, end: date, *,
                fit_end: date | None = None, reference_days: int = REFERENCE_DAYS,
                placebo_weeks: int = CONTROL_PLACEBO_WEEKS) -> KpiEffect:
    """The change of ``sum(numerator) / sum(denominator)`` in ``start .. end`` against the
    ``reference_days`` up to ``fit_end`` (default the day before ``start``), calibrated by
    weekly fake starts (see the module docstring). Not available when the window or the
    reference period has no denominator, or fewer than 8 fake windows fit."""
    if not numerator.index.equals(denominator.index):
        raise ValueError("Numerator and denominator must cover the same days.")
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    fit_last = pd.Timestamp(fit_end) if fit_end is not None else first - pd.Timedelta(days=1)
    days, gap = (last - first).days + 1, (first - fit_last).days - 1
    sums = _RunSums(numerator, denominator)
    before, during = _change(sums, first, last, fit_last, reference_days)
    if not (np.isfinite(before) and np.isfinite(during)):
        return KpiEffect(kpi, unit, False, note="not recorded for these contacts in the window or before it")
    used, changes = [], []
    for k in range(1, placebo_weeks + 1):
        fake = first - pd.Timedelta(days=7 * k)
        fake_fit_end = fake - pd.Timedelta(days=gap + 1)
        if fake + pd.Timedelta(days=days - 1) > fit_last:
            continue
        if (fake_fit_end - numerator.index[0]).days + 1 < reference_days:
            break
        b, d = _change(sums, fake, fake + pd.Timedelta(days=days - 1), fake_fit_end, reference_days)
        if np.isfinite(b) and np.isfinite(d):
            used.append(fake.date())
            changes.append(d - b)
    effect = during - before
    if len(used) < MIN_PLACEBOS:
        return KpiEffect(kpi, unit, True, before, during, effect, relative_effect=effect / before if before else np.nan,
                         note="too little history before the pilot for an interval")
    sd = float(np.sqrt(np.mean(np.square(changes))))
    freedom = placebo_freedom(used, days)
    quantile = float(stats.t.ppf(0.975, freedom))
    low, high = effect - quantile * sd, effect + quantile * sd
    p_value = float(2 * stats.t.sf(abs(effect) / sd, freedom)) if sd > 0 else float("nan")
    scale = before if before else np.nan
    return KpiEffect(kpi, unit, True, before, during, effect, low, high, effect / scale, low / scale, high / scale,
                     p_value)


def volume_kpi(estimate) -> KpiEffect:
    """The headline volume estimate as a KPI row (effect in contacts)."""
    return KpiEffect("volume", "contacts", True, estimate.expected, estimate.actual, estimate.absolute_effect,
                     estimate.absolute_ci_low, estimate.absolute_ci_high, estimate.relative_effect,
                     estimate.ci_low, estimate.ci_high, estimate.p_value)
