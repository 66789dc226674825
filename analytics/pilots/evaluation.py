"""Judge a registered pilot on the store: the effect on its target (three methods, one
headline), on every KPI, the spill-over to other channels and neighbouring reasons, the
money, and whether the effect lasts after rollout.

Everything is read with a few aggregate queries (``analytics/sql/pilot_*.sql``: contacts
per day and channel of the target reasons, per day and reason in the pilot's channels, the
target's daily KPI sums) and then worked on as small daily series; the statistics are in
:mod:`analytics.pilots.estimators` and :mod:`analytics.pilots.kpis`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from analytics.trends import baseline_config
from analytics.baseline import BaselineConfig, InsufficientHistory
from analytics.filters import ContactFilter
from analytics import formatting
from analytics.i18n import t
from analytics.overview import store_freshness
from analytics.pilots.control import (
    ControlGroup,
    automatic_control,
    chosen_control,
    daily_by,
    leaf_paths,
    parent_of,
    within_any,
)
from analytics.pilots.estimators import (
    REFERENCE_DAYS,
    BaselineRun,
    Estimate,
    baseline_estimate,
    control_estimate,
    effect_from,
    headline_estimate,
    naive_estimate,
)
from analytics.pilots.kpis import KpiEffect, rate_effect, volume_kpi
from analytics.pilots.registry import Overlap, PilotSpec, list_pilots, overlaps, reason_within, reasons_overlap
from analytics.pilots.verdict import caveat_texts, persistence_text, target_text, verdict_text, why_text
from analytics.queries import run_query

MAX_SHIFTS = 3


@dataclass(frozen=True)
class Shift:
    """The change in contacts of the target's reasons in another channel (``kind`` =
    ``"channel"``) or channel group (``"channel_group"``), or of a neighbouring reason in
    the pilot's channels (``"reason"``), over the same window; positive effects are
    contacts that may have moved there. ``detected``: it rose, beyond chance after Holm's
    correction for the number of places looked at."""

    kind: str
    name: str
    estimate: Estimate
    detected: bool = False
    group: str | None = None

    def to_dict(self) -> dict:
        e = self.estimate
        return {"kind": self.kind, "name": self.name, "group": self.group, "method": e.method, "actual": e.actual,
                "expected": e.expected, "absolute_effect": e.absolute_effect, "ci_low": e.absolute_ci_low,
                "ci_high": e.absolute_ci_high, "relative_effect": e.relative_effect,
                "relative_ci_low": e.ci_low, "relative_ci_high": e.ci_high, "p_value": e.p_value,
                "detected": self.detected}


@dataclass(frozen=True)
class Spillover:
    """Did the avoided contacts move? ``all_channels`` is the effect on the target reasons
    across every channel (None when the pilot already covers every channel); ``shifts``
    the other channels and neighbouring reasons, largest increase first."""

    all_channels: Estimate | None
    shifts: tuple[Shift, ...]

    @property
    def detected(self) -> tuple[Shift, ...]:
        return tuple(s for s in self.shifts if s.detected)

    @property
    def moved(self) -> tuple[Shift, ...]:
        """The detected shifts without double counting: a channel group stands for its
        channels unless one of them was detected on its own."""
        detected = self.detected
        channel_groups = {s.group for s in detected if s.kind == "channel"}
        return tuple(s for s in detected if s.kind != "channel_group" or s.name not in channel_groups)

    @property
    def largest(self) -> tuple[Shift, ...]:
        """The largest increases elsewhere: at most ``MAX_SHIFTS`` places that had at least
        one contact more than expected (a place with fewer contacts is no increase, and a
        list of "increases" must not show −4 or −67); empty when nothing rose."""
        return tuple(s for s in self.shifts if round(s.estimate.absolute_effect) >= 1)[:MAX_SHIFTS]

    def to_dict(self) -> dict:
        out = self.all_channels.to_dict() if self.all_channels else None
        return {"all_channels": out, "detected": bool(self.detected),
                "moved_contacts": float(sum(s.estimate.absolute_effect for s in self.moved)),
                "largest_shifts": [s.to_dict() for s in self.largest],
                "shifts": [s.to_dict() for s in self.shifts]}


@dataclass(frozen=True)
class Money:
    """Contacts avoided times the cost per contact of the channels involved (their share of
    the expected contacts), and the net after what moved to other channels."""

    cost_per_contact: float
    amount: float
    amount_low: float
    amount_high: float
    spill_cost: float
    missing_costs: tuple[str, ...]

    @property
    def net(self) -> float:
        return self.amount - self.spill_cost

    def to_dict(self) -> dict:
        return {"cost_per_contact": self.cost_per_contact, "saved": self.amount, "saved_low": self.amount_low,
                "saved_high": self.amount_high, "spill_cost": self.spill_cost, "net_saved": self.net,
                "missing_costs": list(self.missing_costs)}


@dataclass(frozen=True)
class WindowEvaluation:
    """One window (the pilot, or the period after rollout) judged every way."""

    label: str
    headline: Estimate
    why: str
    baseline: Estimate | None
    control: Estimate | None
    naive: Estimate | None
    season_alone: float | None
    kpis: tuple[KpiEffect, ...]
    spillover: Spillover
    money: Money | None
    verdict: str

    def to_dict(self) -> dict:
        return {"window": self.label, "start": self.headline.window_start.isoformat(),
                "end": self.headline.window_end.isoformat(), "method": self.headline.method, "why": self.why,
                "headline": self.headline.to_dict(), "verdict": self.verdict,
                "season_alone": _clean(self.season_alone),
                "methods": {name: e.to_dict() if e else None for name, e in
                            (("naive", self.naive), ("baseline", self.baseline), ("control", self.control))},
                "kpis": {k.kpi: k.to_dict() for k in self.kpis}, "spillover": self.spillover.to_dict(),
                "money": self.money.to_dict() if self.money else None}


@dataclass(frozen=True)
class PilotEvaluation:
    """Everything known about one pilot's effect. ``pilot_window`` is the headline; the
    period after rollout (when the data reaches it) is judged separately;
    ``persistence`` has one row per week from the pilot's start (``week_start``,
    ``actual``, ``expected``, ``relative_effect``, ``ci_low``, ``ci_high``, the same over
    the four weeks from that week as ``rolling_effect``, ``rolling_ci_low``,
    ``rolling_ci_high``, and ``after_rollout``); ``fades_from`` is the week the effect
    faded (None: it holds, or there was none)."""

    pilot: PilotSpec
    pilot_window: WindowEvaluation
    rollout: WindowEvaluation | None
    persistence: pd.DataFrame
    persistence_note: str
    fades_from: date | None
    control: ControlGroup | None
    overlaps: tuple[Overlap, ...]
    caveats: tuple[str, ...]
    data_last_day: date
    daily: pd.DataFrame = field(repr=False)

    def to_dict(self) -> dict:
        """One JSON-ready object: the headline's fields at the top (relative effect and
        its interval, contacts, p-value, method, verdict, placebo false-positive rate,
        KPIs, spill-over), then the details."""
        head = self.pilot_window
        estimate = head.headline
        placebo = estimate.placebo
        out = {
            "pilot": self.pilot.name, "method": estimate.method, "why": head.why,
            "relative_effect": estimate.relative_effect, "ci_low": estimate.ci_low, "ci_high": estimate.ci_high,
            "absolute_effect": estimate.absolute_effect, "absolute_ci_low": estimate.absolute_ci_low,
            "absolute_ci_high": estimate.absolute_ci_high, "p_value": estimate.p_value,
            "significant": estimate.significant, "verdict": head.verdict,
            "placebo_false_positive_rate": placebo.false_positive_rate if placebo else None,
            "placebo_runs": placebo.n if placebo else 0,
            "window_start": estimate.window_start.isoformat(), "window_end": estimate.window_end.isoformat(),
            "kpis": {k.kpi: k.to_dict() for k in head.kpis},
            "spillover": head.spillover.to_dict(),
            "money": head.money.to_dict() if head.money else None,
            "season_alone": _clean(head.season_alone),
            "control": self.control.to_dict() if self.control else None,
            "pilot_window": head.to_dict(),
            "after_rollout": self.rollout.to_dict() if self.rollout else None,
            "persistence": {"note": self.persistence_note,
                            "fades_from": self.fades_from.isoformat() if self.fades_from else None,
                            "weeks": _records(self.persistence)},
            "overlaps": [o.to_dict() for o in self.overlaps], "caveats": list(self.caveats),
            "data_last_day": self.data_last_day.isoformat(), "spec": self.pilot.to_dict(),
        }
        return _clean(out)


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, float | np.floating):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, np.integer | np.bool_):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [_clean(row) for row in frame.to_dict(orient="records")]


# --- reading the store -------------------------------------------------------------------

@dataclass(frozen=True)
class _Data:
    days: pd.DatetimeIndex
    by_channel: pd.DataFrame          # target reasons: day x channel
    leaves: pd.DataFrame              # pilot's channels: day, reason_l1..3, contacts
    leaves_all: pd.DataFrame          # all channels (same as leaves when the pilot has no channels)
    kpis: pd.DataFrame                # target: daily KPI sums
    channels: pd.DataFrame            # channel, channel_group, cost_per_contact
    driver: pd.Series | None
    driver_name: str | None
    events: pd.DataFrame


def _read(conn: duckdb.DuckDBPyConnection, pilot: PilotSpec, first: date, last: date,
          reasons_as_recorded: bool) -> _Data:
    period = ContactFilter(first, last, reasons_as_recorded=reasons_as_recorded).params()
    days = pd.date_range(first, last, freq="D", name="date")
    reasons, segment = list(pilot.target_reasons), pilot.segment
    channels = list(pilot.channels) or None
    by_channel = run_query(conn, "pilot_daily_by_channel", {**period, "reasons": reasons, "segment": segment})
    by_channel = daily_by(by_channel, by_channel["channel"], days) if len(by_channel) else pd.DataFrame(index=days)
    leaves = run_query(conn, "pilot_daily_by_reason", {**period, "channels": channels, "segment": segment})
    leaves_all = leaves if channels is None else run_query(
        conn, "pilot_daily_by_reason", {**period, "channels": None, "segment": segment})
    kpis = run_query(conn, "pilot_daily_kpis", {**period, "reasons": reasons, "channels": channels,
                                                 "segment": segment})
    kpis = kpis.assign(day=pd.to_datetime(kpis["day"])).set_index("day").reindex(days, fill_value=0)
    names = run_query(conn, "pilot_channel_names")
    driver, driver_name = _driver(conn, days)
    events = run_query(conn, "pilot_events", {"start": first, "end": last})
    return _Data(days, by_channel, leaves, leaves_all, kpis, names, driver, driver_name, events)


def _driver(conn: duckdb.DuckDBPyConnection, days: pd.DatetimeIndex) -> tuple[pd.Series | None, str | None]:
    """Daily values of ``orders`` (or the first driver the store has), for the contact ratio."""
    names = run_query(conn, "pilot_driver_names")["driver"].tolist()
    if not names:
        return None, None
    name = "orders" if "orders" in names else names[0]
    frame = run_query(conn, "driver_daily", {"driver": name})
    series = pd.Series(frame["value"].to_numpy(dtype=float), index=pd.DatetimeIndex(pd.to_datetime(frame["day"])))
    return series.reindex(days), name


def _baseline_events(events: pd.DataFrame, reasons: tuple[str, ...]) -> pd.DataFrame:
    """The events that concern the target (unscoped, or scoped to an overlapping reason),
    in the frame the baseline takes."""
    keep = []
    for row in events.itertuples(index=False):
        levels = [v for v in (row.reason_l1, row.reason_l2, row.reason_l3) if isinstance(v, str) and v]
        scope = " > ".join(levels)
        keep.append(not scope or reasons_overlap(reasons, (scope,)))
    chosen = events[keep] if len(events) else events
    return chosen[["starts_on", "ends_on", "foreseen", "name", "kind"]].reset_index(drop=True)


# --- the evaluation ------------------------------------------------------------------------

def evaluate_pilot(conn: duckdb.DuckDBPyConnection, pilot: PilotSpec, *, country: str | None = None,
                   reasons_as_recorded: bool = False) -> PilotEvaluation:
    """Judge ``pilot`` on the data in the store (see the module docstring), counting its
    target reasons with the accepted suggested reasons, or as the agents recorded them when
    ``reasons_as_recorded``.

    Raises
    ------
    ValueError
        When the store has no contacts, the pilot starts after the last day of data, or
        the target has no contacts.
    InsufficientHistory
        When neither the baseline nor a control group can be computed (too little
        history before the pilot).
    """
    freshness = store_freshness(conn)
    if not freshness.contacts:
        raise ValueError(t("errors.store_no_contacts"))
    first, last = freshness.first_contact_at.date(), freshness.last_contact_at.date()
    if pilot.starts_on > last:
        raise ValueError(t("errors.pilot_starts_after_data", start=formatting.day(pilot.starts_on),
                           last=formatting.day(last)))
    if pilot.starts_on <= first:
        raise ValueError(t("errors.pilot_starts_before_data"))
    data = _read(conn, pilot, first, last, reasons_as_recorded)
    targeted = list(pilot.channels) or list(data.by_channel.columns)
    target = data.by_channel.reindex(columns=targeted, fill_value=0.0).sum(axis=1).rename("target")
    if target.sum() == 0:
        raise ValueError(t("errors.pilot_no_contacts"))
    control = _control_group(conn, pilot, data, target)
    events = _baseline_events(data.events, pilot.target_reasons)
    config = baseline_config(conn, country)
    cache: dict = {}

    window_end = min(pilot.ends_on, last)
    pilot_eval, run = _window(pilot, data, target, control, events, config, cache, "pilot",
                              pilot.starts_on, window_end, None)
    rollout_eval = None
    if pilot.rollout_on is not None and pilot.rollout_on <= last:
        rollout_eval, _ = _window(pilot, data, target, control, events, config, cache, "rollout",
                                  pilot.rollout_on, last, pilot.starts_on - timedelta(days=1))
    persistence = weekly_effects(target, control, run, pilot, last, pilot_eval.headline.method)
    fades, note = _fade(persistence, pilot, pilot_eval.headline)
    found = tuple(overlaps(conn, pilot))
    caveats = caveat_texts(pilot, pilot_eval, control, found, target, first, last,
                           [k.kpi for k in pilot_eval.kpis if not k.available])
    caveats += _events_near(data.events, pilot, window_end, found)
    daily = pd.DataFrame({"target": target, "control": control.series if control else np.nan})
    return PilotEvaluation(pilot, pilot_eval, rollout_eval, persistence, note, fades, control, found,
                           tuple(caveats), last, daily)


def _events_near(events: pd.DataFrame, pilot: PilotSpec, window_end: date, found: tuple[Overlap, ...]) -> list[str]:
    """Caveats for events (of any reason) in the pilot or the 8 weeks before it that the
    overlap warnings do not already name."""
    named = {o.name for o in found if o.kind == "event"}
    since = pd.Timestamp(pilot.starts_on) - pd.Timedelta(days=REFERENCE_DAYS)
    out = []
    for row in events.itertuples(index=False):
        starts, ends = pd.Timestamp(row.starts_on), pd.Timestamp(row.ends_on)
        if row.name in named or ends < since or starts > pd.Timestamp(window_end):
            continue
        out.append(t("pilots.caveat.event_near", name=row.name, start=formatting.day(starts),
                     end=formatting.day(ends)))
    return out


def _control_group(conn: duckdb.DuckDBPyConnection, pilot: PilotSpec, data: _Data,
                   target: pd.Series) -> ControlGroup | None:
    if pilot.control_reasons:
        return chosen_control(data.leaves, pilot.control_reasons, data.days, target, pilot.starts_on)
    exclude = set(pilot.target_reasons)
    exclude |= {p for p in (parent_of(r) for r in pilot.target_reasons) if p}
    horizon_start = pilot.starts_on - timedelta(days=400)
    for other in list_pilots(conn):
        if other.name != pilot.name and other.starts_on <= pilot.active_until() \
                and other.active_until() >= horizon_start:
            exclude |= set(other.target_reasons)
    return automatic_control(data.leaves, target, pilot.starts_on, tuple(sorted(exclude)))


def _window(pilot: PilotSpec, data: _Data, target: pd.Series, control: ControlGroup | None, events: pd.DataFrame,
            config: BaselineConfig, cache: dict, label: str, start: date, end: date,
            fit_end: date | None) -> tuple[WindowEvaluation, BaselineRun | None]:
    """Every estimate for one window; ``fit_end`` None means the day before ``start``.
    :class:`InsufficientHistory` (saying why, in the user's words) when neither the
    baseline nor a control group can estimate it."""
    baseline, run, declined = None, None, ""
    try:
        baseline, run = baseline_estimate(target, start, end, fit_end=fit_end, events=events, config=config,
                                          fit_cache=cache)
    except InsufficientHistory as exc:
        declined = str(exc)
    control_fit = _control_fit(target, control, start, end, fit_end)
    if baseline is None and control_fit is None:
        raise InsufficientHistory(t("pilots.no_estimate", reason=declined, target=target_text(pilot)))
    headline, why_key = headline_estimate(baseline, control_fit)
    naive = None
    if fit_end is None:
        try:
            naive = naive_estimate(target, start, end)
        except ValueError:
            naive = None
    season = baseline.expected / naive.expected - 1 if baseline and naive and naive.expected > 0 else None
    kpis = _kpis(pilot, data, headline, start, end, fit_end)
    spill = _spillover(pilot, data, control, start, end, fit_end, headline)
    money = _money(pilot, data, headline, spill, start, fit_end)
    why = why_text(why_key, pilot, baseline, control_fit, control)
    verdict = verdict_text(pilot, label, headline, season, spill, money)
    return WindowEvaluation(label, headline, why, baseline, control_fit, naive, season, tuple(kpis), spill, money,
                            verdict), run


def _control_fit(target: pd.Series, control: ControlGroup | None, start: date, end: date,
                 fit_end: date | None) -> Estimate | None:
    if control is None or control.series.sum() == 0:
        return None
    try:
        return control_estimate(target, control.series, start, end, fit_end=fit_end)
    except ValueError:
        return None


def _kpis(pilot: PilotSpec, data: _Data, headline: Estimate, start: date, end: date,
          fit_end: date | None) -> list[KpiEffect]:
    k = data.kpis
    out = [volume_kpi(headline)]
    if data.driver is not None and data.driver.notna().any():
        driver = data.driver.fillna(0.0) / 1000.0
        out.append(rate_effect("contact_ratio", "per_1000", k["contacts"].astype(float), driver, start, end,
                               fit_end=fit_end))
    else:
        out.append(KpiEffect("contact_ratio", "per_1000", False, note="no driver (orders, customers) in the store"))
    for kpi, unit, numerator, denominator in (
        ("handle_time", "seconds", "handle_seconds_sum", "handle_n"),
        ("first_contact_resolution", "share", "resolved_n", "resolution_n"),
        ("repeat_rate_7d", "share", "repeat_7d_n", "customer_n"),
        ("satisfaction", "share", "csat_pct_sum", "csat_n"),
    ):
        num, den = k[numerator].astype(float).fillna(0.0), k[denominator].astype(float).fillna(0.0)
        if den.sum() == 0:
            out.append(KpiEffect(kpi, unit, False, note="not recorded in this data"))
        else:
            out.append(rate_effect(kpi, unit, num, den, start, end, fit_end=fit_end))
    return out


def _estimate_like(series: pd.Series, control: pd.Series | None, start: date, end: date,
                   fit_end: date | None) -> Estimate | None:
    """A quick estimate for a side series: against the control group when there is one (it
    has its own placebo check), else the naive comparison with a Poisson interval."""
    if series.sum() == 0:
        return None
    if control is not None and control.sum() > 0:
        try:
            return control_estimate(series, control, start, end, fit_end=fit_end)
        except ValueError:
            pass
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    days = (last - first).days + 1
    before_end = pd.Timestamp(fit_end) if fit_end else first - pd.Timedelta(days=1)
    before = series.loc[before_end - pd.Timedelta(days=days - 1): before_end]
    actual, expected = float(series.loc[first:last].sum()), float(before.sum())
    if expected <= 0:
        return None
    return effect_from("naive", start, end, actual, expected, float(np.sqrt(1 / (actual + 0.5) + 1 / (expected + 0.5))))


def _spillover(pilot: PilotSpec, data: _Data, control: ControlGroup | None, start: date, end: date,
               fit_end: date | None, headline: Estimate) -> Spillover:
    """Where the avoided contacts may have gone.

    - The target reasons across all channels (against the control group in all channels).
    - Each untargeted channel group, and each untargeted channel, of the target reasons,
      against the target reasons' untargeted channels of the *other* groups: a reason's
      channels share its ups and downs, so a channel that rises against its siblings took
      contacts from somewhere.
    - Each neighbouring reason (same parent) in the pilot's channels, against the
      control group.

    A shift counts as detected when it rose and its p-value passes Holm's correction for
    the number of places tested (looking at 15 places at 5% each would "find" one shift
    in every second pilot). The places tested are the channel groups (a group of one
    channel as that channel) and the neighbouring reasons; single channels inside a
    larger group are shown to name where the contacts went, not tested.
    """
    shifts: list[Shift] = []
    all_channels = None
    if pilot.channels:
        control_all = None
        if control is not None:
            control_all = chosen_control(data.leaves_all, control.members, data.days, control.series,
                                         pilot.starts_on).series
        all_channels = _estimate_like(data.by_channel.sum(axis=1), control_all, start, end, fit_end)
        shifts += _channel_shifts(pilot, data, start, end, fit_end)
    paths = leaf_paths(data.leaves) if len(data.leaves) else pd.Series(dtype=str)
    control_series = control.series if control else None
    for neighbour in _neighbours(pilot, paths):
        part = data.leaves[within_any(paths, (neighbour,))]
        series = part.groupby(pd.to_datetime(part["day"]))["contacts"].sum().reindex(data.days, fill_value=0)
        estimate = _estimate_like(series.astype(float), control_series, start, end, fit_end)
        if estimate is not None:
            shifts.append(Shift("reason", neighbour, estimate))
    tested = [i for i, s in enumerate(shifts) if s.kind != "channel" or s.group is None]
    passed = holm_passed([shifts[i].estimate.p_value for i in tested])
    detected = {i for i, ok in zip(tested, passed) if ok and shifts[i].estimate.absolute_effect > 0}
    shifts = [Shift(s.kind, s.name, s.estimate, i in detected, s.group) for i, s in enumerate(shifts)]
    shifts.sort(key=lambda s: (not s.detected, -s.estimate.absolute_effect))
    return Spillover(all_channels, tuple(shifts))


def _channel_shifts(pilot: PilotSpec, data: _Data, start: date, end: date, fit_end: date | None) -> list[Shift]:
    groups = dict(zip(data.channels["channel"], data.channels["channel_group"]))
    others = [c for c in data.by_channel.columns if c not in pilot.channels]
    out = []
    by_group: dict[str, list[str]] = {}
    for channel in others:
        by_group.setdefault(groups.get(channel, "other"), []).append(channel)
    for group, members in sorted(by_group.items()):
        rest = [c for c in others if c not in members]
        reference = data.by_channel[rest].sum(axis=1) if rest else None
        if len(members) > 1:
            estimate = _estimate_like(data.by_channel[members].sum(axis=1), reference, start, end, fit_end)
            if estimate is not None:
                out.append(Shift("channel_group", group, estimate))
        for channel in members:
            estimate = _estimate_like(data.by_channel[channel], reference, start, end, fit_end)
            if estimate is not None:
                out.append(Shift("channel", channel, estimate, group=group if len(members) > 1 else None))
    return out


def holm_passed(p_values: list[float], level: float = 0.05) -> list[bool]:
    """Which p-values pass Holm's step-down correction for testing them all at ``level``."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i] if np.isfinite(p_values[i]) else 2.0)
    passed = [False] * len(p_values)
    for rank, i in enumerate(order):
        p = p_values[i]
        if not np.isfinite(p) or p > level / (len(p_values) - rank):
            break
        passed[i] = True
    return passed


def _neighbours(pilot: PilotSpec, paths: pd.Series) -> list[str]:
    """Reasons at the target's level under the target's parent, not targeted themselves."""
    out = []
    for reason in pilot.target_reasons:
        parent = parent_of(reason)
        if parent is None:
            continue
        depth = reason.count(" > ") + 1
        for path in paths.unique():
            if not reason_within(path, parent):
                continue
            sibling = " > ".join(path.split(" > ")[:depth])
            if sibling.count(" > ") + 1 == depth and not any(reason_within(sibling, r) for r in pilot.target_reasons):
                out.append(sibling)
    return sorted(set(out))


def _money(pilot: PilotSpec, data: _Data, headline: Estimate, spill: Spillover, start: date,
           fit_end: date | None) -> Money | None:
    """Avoided contacts x the cost of the targeted channels, weighted by their share of the
    target's contacts in the 8 weeks before the pilot; minus the cost of detected shifts."""
    costs = dict(zip(data.channels["channel"], data.channels["cost_per_contact"]))
    reference_end = pd.Timestamp(fit_end) if fit_end else pd.Timestamp(start) - pd.Timedelta(days=1)
    before = data.by_channel.loc[reference_end - pd.Timedelta(days=55): reference_end]
    targeted = [c for c in (pilot.channels or tuple(data.by_channel.columns)) if c in before.columns]
    volumes = before[targeted].sum()
    if volumes.sum() <= 0:
        return None
    known = [c for c in targeted if costs.get(c) is not None and not pd.isna(costs.get(c))]
    missing = tuple(c for c in targeted if c not in known and volumes[c] > 0)
    if not known or volumes[known].sum() <= 0:
        return None
    weights = volumes[known] / volumes[known].sum()
    cost = float(sum(weights[c] * float(costs[c]) for c in known))
    spill_cost = sum(s.estimate.absolute_effect * float(costs.get(s.name) or 0.0)
                     for s in spill.detected if s.kind == "channel")
    groups = dict(zip(data.channels["channel"], data.channels["channel_group"]))
    for shift in spill.detected:
        if shift.kind == "channel_group" and not any(s.kind == "channel" and groups.get(s.name) == shift.name
                                                     for s in spill.detected):
            members = [c for c in data.by_channel.columns if groups.get(c) == shift.name and c not in targeted]
            known_members = [c for c in members if costs.get(c) is not None and not pd.isna(costs.get(c))]
            if known_members:
                mean_cost = float(np.mean([float(costs[c]) for c in known_members]))
                spill_cost += shift.estimate.absolute_effect * mean_cost
    return Money(cost, -headline.absolute_effect * cost, -headline.absolute_ci_high * cost,
                 -headline.absolute_ci_low * cost, float(spill_cost), missing)


# --- persistence ---------------------------------------------------------------------------

def weekly_effects(target: pd.Series, control: ControlGroup | None, run: BaselineRun | None, pilot: PilotSpec,
                   last: date, method: str) -> pd.DataFrame:
    """The effect week by week from the pilot's start to the last full week of data, with
    the headline method's 95% band, and the same over the four weeks starting that week
    (``rolling_*``, NaN where four weeks do not fit yet); counterfactuals from before the
    pilot only."""
    columns = ["week_start", "actual", "expected", "relative_effect", "ci_low", "ci_high",
               "rolling_effect", "rolling_ci_low", "rolling_ci_high"]
    weeks = []
    start = pd.Timestamp(pilot.starts_on)
    while start + pd.Timedelta(days=6) <= pd.Timestamp(last):
        weeks.append(start)
        start += pd.Timedelta(days=7)
    if not weeks or not ((method == "control" and control is not None) or run is not None):
        return pd.DataFrame(columns=[*columns, "after_rollout"])
    fit_end = pilot.starts_on - timedelta(days=1)
    nan = (float("nan"),) * 3
    rows = []
    if method == "control" and control is not None:
        def effect(first: pd.Timestamp, days: int) -> tuple[float, ...] | None:
            try:
                e = control_estimate(target, control.series, first.date(), (first + pd.Timedelta(days=days - 1)).date(),
                                     fit_end=fit_end)
            except ValueError:
                return None
            return e.actual, e.expected, e.relative_effect, e.ci_low, e.ci_high
    else:
        mean, paths = run.model.expected_and_simulate(weeks[0], weeks[-1] + pd.Timedelta(days=6), n=1000)

        def effect(first: pd.Timestamp, days: int) -> tuple[float, ...] | None:
            part = slice((first - weeks[0]).days, (first - weeks[0]).days + days)
            expected = float(mean.iloc[part].sum())
            actual = float(target.loc[first: first + pd.Timedelta(days=days - 1)].sum())
            sd = float(np.std(np.log(paths[:, part].sum(axis=1) + 0.5), ddof=1)) * run.inflation
            last_day = (first + pd.Timedelta(days=days - 1)).date()
            e = effect_from("baseline", first.date(), last_day, actual, expected, sd)
            return e.actual, e.expected, e.relative_effect, e.ci_low, e.ci_high

    for i, week in enumerate(weeks):
        one = effect(week, 7)
        if one is None:
            continue
        four = effect(week, 28) if i + 4 <= len(weeks) else None
        rows.append((week, *one, *(four[2:] if four else nan)))
    frame = pd.DataFrame(rows, columns=columns)
    rollout = pd.Timestamp(pilot.rollout_on) if pilot.rollout_on else None
    frame["after_rollout"] = frame["week_start"] >= rollout if rollout is not None else False
    return frame


def _fade(weekly: pd.DataFrame, pilot: PilotSpec, headline: Estimate) -> tuple[date | None, str]:
    """When the effect stopped showing after rollout: the first week whose four weeks have
    a band that reaches zero, and from which every four-week stretch up to the last stays
    nearer zero than half the pilot's effect (single weeks are too noisy to call a fade
    on, and a dip that recovers is not a fade)."""
    if not headline.significant or headline.absolute_effect >= 0:
        return None, persistence_text("no_effect")
    after = weekly[weekly["after_rollout"] & weekly["rolling_effect"].notna()] if len(weekly) else weekly
    if pilot.rollout_on is None or len(after) < 1:
        return None, persistence_text("too_short")
    weak = (after["rolling_effect"] > headline.relative_effect / 2).to_numpy()
    stays_weak = np.flip(np.logical_and.accumulate(np.flip(weak)))  # weak from this week to the last
    faded = stays_weak & (after["rolling_ci_high"] >= 0).to_numpy()
    if faded.any():
        week = pd.Timestamp(after["week_start"].iloc[int(np.argmax(faded))]).date()
        return week, persistence_text("faded", week=week)
    return None, persistence_text("holding", weeks=int(weekly["after_rollout"].sum()))
