"""The plain-language sentences of a pilot evaluation, all through ``t()`` so they can be
translated: the verdict, why the headline method was chosen, the caveats, and whether the
effect lasts."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from analytics import formatting
from analytics.i18n import t

MINUS = formatting.MINUS
LOW_VOLUME_PER_DAY = 10


def signed_percent(value: float | None) -> str:
    """``-0.186`` -> ``"−19%"``, ``0.02`` -> ``"+2%"`` (a true minus sign)."""
    if value is None or not np.isfinite(value):
        return "?"
    return formatting.percent(value, signed=True)


def plain_percent(value: float) -> str:
    """``-0.186`` -> ``"19%"``."""
    return formatting.percent(abs(value))


def about(value: float) -> str:
    """A count rounded to two significant digits, with thousands separators: ``1,100``
    (``1.100`` in Dutch)."""
    value = abs(float(value))
    if value < 10:
        return formatting.count(value)
    digits = int(np.floor(np.log10(value))) - 1
    return formatting.count(round(value, -digits))


def money_text(amount: float) -> str:
    """``5400.0`` -> ``"€5,400"`` / ``"€ 5.400"`` (two significant digits)."""
    value = abs(float(amount))
    if value >= 10:
        digits = int(np.floor(np.log10(value))) - 1
        value = round(value, -digits)
    return formatting.money(value)


def signed_count(value: float) -> str:
    """``-1268.4`` -> ``"−1,268"``: a change in contacts, with a real minus sign."""
    return formatting.count(value, signed=True)


def signed_money(amount: float) -> str:
    """``-76.4`` -> ``"−€76"`` (a cost, not a saving)."""
    return money_text(amount) if amount >= 0 else MINUS + money_text(-amount)


def p_value_text(p: float) -> str:
    """``0.004`` -> ``"< 0.01"``; otherwise two decimals, like every other number shown."""
    return "< " + formatting.decimal(0.01, 2) if p < 0.005 else formatting.decimal(p, 2)


def money_claim(headline, money) -> tuple[str, str, str]:
    """What a pilot's money may be called, as a metric: (label, value, caption).

    Only an effect whose 95% interval excludes zero saves (or costs) money that can be
    claimed. Otherwise the value says there is nothing to claim and the caption gives the
    effect's interval, so "€14 saved" never stands beside an effect of +0% (−9% to +10%).
    A real increase in contacts is an extra cost, not a negative saving."""
    if not headline.significant:
        return (t("pilots_page.metric_money"), t("pilots_page.money_nothing"),
                t("pilots_page.money_not_claimable", low=signed_percent(headline.ci_low),
                  high=signed_percent(headline.ci_high)))
    if money.amount < 0:
        return (t("pilots_page.metric_money_cost"), money_text(-money.amount),
                t("pilots_page.interval", low=money_text(-money.amount_high), high=money_text(-money.amount_low)))
    return (t("pilots_page.metric_money"), signed_money(money.amount),
            t("pilots_page.interval", low=signed_money(money.amount_low), high=signed_money(money.amount_high)))


def spill_sentence(spill) -> str:
    """The spill-over in words: the shifts beyond chance, or that there were none, with the
    largest increases elsewhere (only places that rose), or that nothing rose."""
    named = ", ".join(t(f"pilots_page.shift_{s.kind}", name=s.name) + " (" + signed_count(s.estimate.absolute_effect)
                      + ")" for s in spill.largest)
    if spill.detected:
        return t("pilots_page.spill_detected", shifts=named or "–", detected=", ".join(s.name for s in spill.moved))
    return t("pilots_page.spill_none", shifts=named) if named else t("pilots_page.spill_none_rose")


def target_text(pilot) -> str:
    """The target as a reader says it: reasons joined, channels and segment added."""
    text = t("pilots.verdict.and").join(pilot.target_reasons)
    if pilot.channels:
        text += f" ({', '.join(pilot.channels)})"
    if pilot.segment:
        text += f", {pilot.segment}"
    return text


def verdict_text(pilot, label: str, estimate, season: float | None, spill, money) -> str:
    """The verdict sentence of one window, e.g. "Contacts about Delivery > Status unknown
    fell 19% (95% interval −26% to −12%) in the 4-week pilot, about 1,100 contacts and
    €5,400; the season alone would have brought −2%; no shift to other channels detected." """
    weeks = max(1, round(estimate.days / 7))
    if estimate.significant and estimate.absolute_effect < 0:
        key = "pilots.verdict.fell"
    elif estimate.significant:
        key = "pilots.verdict.rose"
    else:
        key = "pilots.verdict.no_effect"
    effect = plain_percent(estimate.relative_effect) if key != "pilots.verdict.no_effect" \
        else signed_percent(estimate.relative_effect)
    money_part = ""
    if money is not None and estimate.significant:
        amount = money.net if money.spill_cost else money.amount
        money_key = "pilots.verdict.money_cost" if amount < 0 else (
            "pilots.verdict.money_net" if money.spill_cost else "pilots.verdict.money")
        money_part = t(money_key, amount=money_text(amount))
    season_part = t("pilots.verdict.season", season=signed_percent(season)) if season is not None else ""
    return t(key, target=target_text(pilot), effect=effect, low=signed_percent(estimate.ci_low),
             high=signed_percent(estimate.ci_high), weeks=weeks, window=t(f"pilots.verdict.window_{label}"),
             contacts=about(estimate.absolute_effect), money=money_part, season=season_part,
             spill=spill_text(pilot, spill))


def spill_text(pilot, spill) -> str:
    """"no shift to other channels detected" or "about 60 contacts moved to Live chat (+18%)"."""
    moved = spill.moved
    if moved:
        parts = [f"{shift_name(s)} ({signed_percent(s.estimate.relative_effect)})" for s in moved[:3]]
        contacts = sum(s.estimate.absolute_effect for s in moved)
        return t("pilots.verdict.spill", contacts=about(contacts), where=", ".join(parts))
    if not pilot.channels and not any(s.kind == "reason" for s in spill.shifts):
        return t("pilots.verdict.spill_not_checked")
    if any(s.kind == "reason" for s in spill.shifts):
        return t("pilots.verdict.no_spill_reasons")
    return t("pilots.verdict.no_spill")


def shift_name(shift) -> str:
    """A shift's place as a reader says it: a channel, "chat channels", or a reason."""
    return t("pilots.verdict.channel_group", group=t(f"group.{shift.name}")) if shift.kind == "channel_group" \
        else shift.name


def why_text(key: str, pilot, baseline, control, group) -> str:
    """Why the headline method was chosen, with the fake-pilot errors that decided it."""
    def rms(estimate) -> str:
        if estimate is None or estimate.placebo is None:
            return "?"
        return "±" + formatting.percent(np.expm1(estimate.placebo.rms))

    members = ", ".join(group.members) if group is not None else ""
    runs = control.placebo.n if control is not None and control.placebo is not None else 0
    return t(f"pilots.why.{key}", target=target_text(pilot), members=members, control_rms=rms(control),
             baseline_rms=rms(baseline), control_runs=runs)


def persistence_text(key: str, **fields) -> str:
    """Whether the effect lasts after rollout."""
    if "week" in fields and isinstance(fields["week"], date):
        fields["week"] = formatting.day(fields["week"])
    return t(f"pilots.persistence.{key}", **fields)


def caveat_texts(pilot, window, control, overlaps, target: pd.Series, first: date, last: date,
                 missing_kpis: list[str]) -> list[str]:
    """Everything that should make a reader careful with this pilot's numbers."""
    out = []
    for o in overlaps:
        if o.kind == "pilot":
            out.append(t("pilots.caveat.overlap_pilot", name=o.name, reasons=", ".join(o.reasons),
                         start=formatting.day(o.starts_on)))
        else:
            out.append(t("pilots.caveat.overlap_event", name=o.name, start=formatting.day(o.starts_on),
                         end=formatting.day(o.ends_on) if o.ends_on else "?"))
    history = (pilot.starts_on - first).days
    if history < 365:
        out.append(t("pilots.caveat.short_history", days=history))
    placebo = window.headline.placebo
    if placebo is not None and placebo.n < 20:
        out.append(t("pilots.caveat.few_placebos", n=placebo.n))
    if control is None:
        out.append(t("pilots.caveat.no_control"))
    elif np.isfinite(control.correlation) and control.correlation < 0.5:
        out.append(t("pilots.caveat.unstable_control", correlation=formatting.decimal(control.correlation, 2)))
    planned = (pilot.ends_on - pilot.starts_on).days + 1
    if pilot.ends_on > last:
        out.append(t("pilots.caveat.running", days=window.headline.days, planned=planned))
    if window.headline.days < 14:
        out.append(t("pilots.caveat.short_window"))
    per_day = float(target.loc[: pd.Timestamp(pilot.starts_on) - pd.Timedelta(days=1)].iloc[-56:].mean())
    if per_day < LOW_VOLUME_PER_DAY:
        out.append(t("pilots.caveat.low_volume", per_day=formatting.decimal(per_day, 1)))
    if window.money is not None and window.money.missing_costs:
        out.append(t("pilots.caveat.no_costs", channels=", ".join(window.money.missing_costs)))
    if missing_kpis:
        names = [t("pilots.kpi.contact_ratio_plain") if k == "contact_ratio" else t(f"pilots.kpi.{k}")
                 for k in missing_kpis]
        out.append(t("pilots.caveat.kpi_missing", kpis=", ".join(names)))
    if control is not None:
        for shift in window.spillover.detected:
            if shift.kind == "reason" and any(shift.name.startswith(m) or m.startswith(shift.name)
                                              for m in control.members):
                out.append(t("pilots.caveat.control_contaminated", reason=shift.name))
    return out
