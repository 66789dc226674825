"""Before a pilot starts: how large an effect can a pilot of a given length show, and how
long must it run to show the effect the team expects?

The answer comes from the target's own noise: the estimators of
:mod:`analytics.pilots.estimators` are run at fake starts over the last year of data
(where there was no pilot) for windows of 1 to 12 weeks, giving each method's typical
error ``s(L)`` on the log scale. With the interval's quantile ``q`` (1.96, or Student's t
for the control group) the minimum detectable effect at 80% power is::

    MDE(L) = 1 - exp(-(q + 0.84) s(L))          (a reduction, e.g. 0.18 = 18% fewer)

for the method the evaluation would use (the control group unless it strays more than
1.5 times as far as the baseline). A small target ("start small": a low-volume reason in
one channel) has a large ``s(L)``: the planner says when the expected effect would go
unseen and how many weeks would show it.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
from scipy import stats

from analytics.trends import baseline_config
from analytics.baseline import BaselineConfig
from analytics.filters import ContactFilter
from analytics import formatting
from analytics.i18n import t
from analytics.overview import store_freshness
from analytics.pilots.control import automatic_control, daily_by, parent_of
from analytics.pilots.estimators import (
    CONTROL_TOLERANCE,
    MIN_PLACEBOS,
    REFERENCE_DAYS,
    YEAR_DAYS,
    Z95,
    _control_error,
    _fake_runs,
    _Sums,
    placebo_freedom,
    placebo_starts,
)
from analytics.pilots.registry import normal_reason
from analytics.queries import run_query

POWER_Z = float(stats.norm.ppf(0.8))
PLAN_WEEKS = (1, 2, 3, 4, 5, 6, 8, 10, 12)


@dataclass(frozen=True)
class PilotPlan:
    """Minimum detectable effects by window length, the weeks needed for the expected
    effect, and the advice. ``table`` has one row per length: ``weeks``,
    ``mde_baseline``, ``mde_control``, ``method`` and ``mde`` (the method used)."""

    target: tuple[str, ...]
    contacts_per_day: float
    weeks: int
    mde: float
    """NaN when the history is too short to tell (then ``detectable`` is None)."""
    expected_effect: float | None
    weeks_needed: int | None
    detectable: bool | None
    table: pd.DataFrame
    advice: str

    @property
    def mde_known(self) -> bool:
        """Whether the history was long enough for the minimum detectable effect."""
        return bool(np.isfinite(self.mde))

    @property
    def needed_known(self) -> bool:
        """Whether "more than 12 weeks" is a finding: some length had a known minimum
        detectable effect (otherwise nothing is known about any length)."""
        return self.weeks_needed is not None or bool(np.isfinite(self.table["mde"].to_numpy(dtype=float)).any())

    def to_dict(self) -> dict:
        def clean(v):
            return None if isinstance(v, float) and not np.isfinite(v) else v

        return {"target": list(self.target), "contacts_per_day": self.contacts_per_day, "weeks": self.weeks,
                "minimum_detectable_effect": clean(self.mde), "expected_effect": self.expected_effect,
                "weeks_needed": self.weeks_needed, "detectable": self.detectable, "advice": self.advice,
                "by_weeks": [{k: clean(v) for k, v in row.items()} for row in self.table.to_dict("records")]}


def _mde(sd: float, quantile: float) -> float:
    return float(1 - np.exp(-(quantile + POWER_Z) * sd)) if np.isfinite(sd) else float("nan")


def detectable_effects(target: pd.Series, control: pd.Series | None, *, config: BaselineConfig = BaselineConfig(),
                       events: pd.DataFrame | None = None, weeks: tuple[int, ...] = PLAN_WEEKS) -> pd.DataFrame:
    """Minimum detectable effect (80% power, 95% interval) per window length, from fake
    pilots in the year before the series' last day (see the module docstring)."""
    series = target.astype(float)
    last = series.index[-1]
    anchor = last + pd.Timedelta(days=1)
    min_history = min(config.min_days_yearly, max(config.min_days_any, len(series) - YEAR_DAYS))
    cache: dict = {}
    rows = []
    control_sums = _Sums(control) if control is not None and control.sum() > 0 else None
    target_sums = _Sums(series)
    for w in weeks:
        days = 7 * w
        starts = placebo_starts(series.index[0], last, anchor, days, min_history)
        _, errors, _ = _fake_runs(series, starts, days, 0, events, config, cache)
        sd_b = float(np.sqrt(np.mean(errors**2))) if len(errors) >= MIN_PLACEBOS else float("nan")
        mde_b = _mde(sd_b, Z95)
        mde_c, sd_c = float("nan"), float("nan")
        if control_sums is not None:
            used, errs = [], []
            for fake in placebo_starts(series.index[0], last, anchor, days, REFERENCE_DAYS, 52, spacing_days=7):
                run = _control_error(target_sums, control_sums, fake, fake + pd.Timedelta(days=days - 1),
                                     fake - pd.Timedelta(days=1), REFERENCE_DAYS)
                if run is not None:
                    used.append(fake.date())
                    errs.append(np.log((run[0] + 0.5) / (run[1] + 0.5)))
            if len(used) >= MIN_PLACEBOS:
                sd_c = float(np.sqrt(np.mean(np.square(errs))))
                mde_c = _mde(sd_c, float(stats.t.ppf(0.975, placebo_freedom(used, days))))
        use_control = np.isfinite(mde_c) and (not np.isfinite(sd_b) or sd_c <= CONTROL_TOLERANCE * sd_b)
        rows.append({"weeks": w, "mde_baseline": mde_b, "mde_control": mde_c,
                     "method": "control" if use_control else "baseline", "mde": mde_c if use_control else mde_b})
    return pd.DataFrame(rows)


def plan_pilot(conn: duckdb.DuckDBPyConnection, reasons: tuple[str, ...], *, weeks: int = 4,
               channels: tuple[str, ...] = (), segment: str | None = None, expected_effect: float | None = None,
               country: str | None = None, reasons_as_recorded: bool = False) -> PilotPlan:
    """The planner for a target (reasons, channels, segment) and a window of ``weeks``;
    reasons counted with the accepted suggested reasons, or as recorded when
    ``reasons_as_recorded``.

    Raises
    ------
    ValueError
        When the store or the target has no contacts, or ``weeks`` is not 1 to 12.
    """
    if not 1 <= weeks <= max(PLAN_WEEKS):
        raise ValueError(t("errors.pilot_plan_weeks", weeks=formatting.count(max(PLAN_WEEKS))))
    targets = tuple(normal_reason(r) for r in reasons)
    freshness = store_freshness(conn)
    if not freshness.contacts:
        raise ValueError(t("errors.store_no_contacts"))
    first, last = freshness.first_contact_at.date(), freshness.last_contact_at.date()
    period = ContactFilter(first, last, reasons_as_recorded=reasons_as_recorded).params()
    days = pd.date_range(first, last, freq="D", name="date")
    by_channel = run_query(conn, "pilot_daily_by_channel", {**period, "reasons": list(targets), "segment": segment})
    table = daily_by(by_channel, by_channel["channel"], days) if len(by_channel) else pd.DataFrame(index=days)
    target = table.reindex(columns=list(channels) or list(table.columns), fill_value=0.0).sum(axis=1)
    if target.sum() == 0:
        raise ValueError(t("errors.pilot_plan_no_contacts"))
    leaves = run_query(conn, "pilot_daily_by_reason", {**period, "channels": list(channels) or None,
                                                        "segment": segment})
    exclude = set(targets) | {p for p in (parent_of(r) for r in targets) if p}
    anchor = (pd.Timestamp(last) + pd.Timedelta(days=1)).date()
    group = automatic_control(leaves, target, anchor, tuple(sorted(exclude)))
    control = group.series if group else None
    effects = detectable_effects(target, control, config=baseline_config(conn, country),
                                 weeks=tuple(sorted(set(PLAN_WEEKS) | {weeks})))
    row = effects[effects["weeks"] == weeks].iloc[0]
    mde = float(row["mde"])
    needed = None
    if expected_effect is not None:
        ok = effects[effects["mde"] <= abs(expected_effect)]
        needed = int(ok["weeks"].min()) if len(ok) else None
    per_day = float(target.iloc[-56:].mean())
    detectable = None if expected_effect is None or not np.isfinite(mde) else bool(mde <= abs(expected_effect))
    advice = plan_advice(weeks, mde, expected_effect, needed)
    return PilotPlan(targets, per_day, weeks, mde, expected_effect, needed, detectable, effects, advice)


def plan_advice(weeks: int, mde: float, expected: float | None, needed: int | None) -> str:
    """The planner's sentence; when the history is too short for the minimum detectable
    effect of ``weeks``, it says so (and how many weeks would show ``expected``, if any)."""
    if not np.isfinite(mde):
        unknown = t("pilots.plan.no_history", weeks=weeks)
        if expected is not None and needed:
            unknown += " " + t("pilots.plan.need_weeks", needed=needed, expected=formatting.percent(abs(expected)))
        return unknown
    mde_text = formatting.percent(mde)
    if expected is None:
        return t("pilots.plan.no_expectation", weeks=weeks, mde=mde_text)
    expected_text = formatting.percent(abs(expected))
    if np.isfinite(mde) and mde <= abs(expected):
        return t("pilots.plan.ok", weeks=weeks, mde=mde_text, expected=expected_text)
    more = t("pilots.plan.need_weeks", needed=needed, expected=expected_text) if needed \
        else t("pilots.plan.never", expected=expected_text)
    return t("pilots.plan.too_small", weeks=weeks, mde=mde_text, expected=expected_text, advice=more)
