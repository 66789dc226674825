"""A pilot's evaluation as meeting material: the same verdict, numbers and charts as the
Pilots page's Evaluation view, one message per slide.

Slides: verdict (with the headline effect and its interval), the target against what
would have happened without the pilot, every KPI, spill-over, money, the planner's
figures for the pilot's target, persistence after rollout, caveats. The method is the
report's ``method`` note. A pilot is judged on its own target and dates: no filters.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from analytics import formatting as fmt
from analytics.charts import pilots as charts
from analytics.exports.stamp import export_context
from analytics.i18n import t, using_language
from analytics.overview import store_freshness
from analytics.pilots.evaluation import PilotEvaluation, evaluate_pilot
from analytics.pilots.planner import PLAN_WEEKS, plan_pilot
from analytics.pilots.registry import PilotSpec, get_pilot, list_pilots
from analytics.pilots.verdict import (money_text, p_value_text, signed_count, signed_money, signed_percent,
                                      spill_sentence, spill_text, target_text)
from analytics.reports.model import BigNumber, Report, Slide, Table


class UnknownPilot(ValueError):
    """A pilot name that is not in the registry; ``known`` lists the names that are."""

    def __init__(self, name: str, known: list[str]):
        self.known = known
        listed = ", ".join(f'"{n}"' for n in known) or t("errors.report_pilot_none_registered")
        super().__init__(t("errors.report_pilot_unknown", name=name, known=listed))


def build_pilot_report(conn: duckdb.DuckDBPyConnection, name_or_spec: str | PilotSpec, *, language: str,
                       generated_at: datetime, evaluation: PilotEvaluation | None = None,
                       reasons_as_recorded: bool | None = None) -> Report:
    """The evaluation of one pilot (a registered name or a spec) as a report.
    ``evaluation`` may be passed when the caller already has it (the page's cached one,
    made with the same ``reasons_as_recorded``). ``reasons_as_recorded``: count the target
    reasons as recorded (True) or with accepted suggestions (False, and said so); None when
    the store has no accepted suggestions.

    Raises
    ------
    UnknownPilot
        When no pilot has that name.
    ValueError, InsufficientHistory
        When the store has no contacts or the pilot cannot be evaluated yet.
    """
    with using_language(language):
        pilot = _pilot(conn, name_or_spec)
        freshness = store_freshness(conn)
        if not freshness.contacts:
            raise ValueError(t("errors.store_no_contacts"))
        if evaluation is None:
            evaluation = evaluate_pilot(conn, pilot, reasons_as_recorded=bool(reasons_as_recorded))
        counted = () if reasons_as_recorded is None else (
            t("exports.reasons_recorded" if reasons_as_recorded else "exports.reasons_accepted"),)
        context = (t("reports.pilot_scope", name=pilot.name), *counted,
                   *export_context(None, freshness, generated_at=generated_at, language=language))
        slides = [_verdict_slide(evaluation), _chart_slide(evaluation), _kpi_slide(evaluation),
                  _spill_slide(evaluation), _money_slide(evaluation), _plan_slide(conn, pilot),
                  _persistence_slide(evaluation), _caveats_slide(evaluation)]
        subtitle = t("reports.pilot_subtitle", target=target_text(pilot), start=fmt.day(pilot.starts_on),
                     end=fmt.day(pilot.ends_on), weeks=f"{pilot.weeks:.0f}", status=t(f"pilots.status.{pilot.status}"))
        return Report(kind="pilot", language=language, title=t("reports.pilot_title", name=pilot.name),
                      subtitle=subtitle, context=context, slides=tuple(slides),
                      method=t("reports.pilot_method", why=evaluation.pilot_window.why))


def _pilot(conn: duckdb.DuckDBPyConnection, name_or_spec: str | PilotSpec) -> PilotSpec:
    if isinstance(name_or_spec, PilotSpec):
        return name_or_spec
    pilot = get_pilot(conn, name_or_spec)
    if pilot is None:
        # A forgiving match: "track-and-trace" finds "Track-and-trace e-mail" when it is the only one.
        known = [p.name for p in list_pilots(conn)]
        wanted = name_or_spec.strip().lower()
        close = [n for n in known if n.lower() == wanted] or [n for n in known if n.lower().startswith(wanted)]
        if wanted and len(close) == 1:
            return get_pilot(conn, close[0])
        raise UnknownPilot(name_or_spec, known)
    return pilot


def verdict_title(evaluation: PilotEvaluation) -> str:
    head = evaluation.pilot_window.headline
    name = evaluation.pilot.name
    if head.significant and head.absolute_effect < 0:
        return t("reports.pilot_fell", name=name, effect=fmt.percent(abs(head.relative_effect)))
    if head.significant:
        return t("reports.pilot_rose", name=name, effect=fmt.percent(abs(head.relative_effect)))
    return t("reports.pilot_no_effect", name=name, effect=signed_percent(head.relative_effect))


def _verdict_slide(evaluation: PilotEvaluation) -> Slide:
    window = evaluation.pilot_window
    head = window.headline
    tone = "neutral" if not head.significant else ("good" if head.absolute_effect < 0 else "bad")
    numbers = [
        BigNumber(t("pilots_page.metric_effect"), signed_percent(head.relative_effect),
                  t("pilots_page.interval", low=signed_percent(head.ci_low), high=signed_percent(head.ci_high)), tone),
        BigNumber(t("pilots_page.metric_contacts"), signed_count(head.absolute_effect),
                  t("pilots_page.interval", low=signed_count(head.absolute_ci_low),
                    high=signed_count(head.absolute_ci_high)), tone),
    ]
    if window.money is not None:
        numbers.append(BigNumber(t("pilots_page.metric_money"), signed_money(window.money.amount),
                                 t("pilots_page.interval", low=signed_money(window.money.amount_low),
                                   high=signed_money(window.money.amount_high))))
    numbers.append(BigNumber(t("pilots_page.metric_method"), t(f"pilots.method.{head.method}"),
                             t("pilots_page.p_value", p=p_value_text(head.p_value))))
    return Slide(title=verdict_title(evaluation), message=window.verdict, numbers=tuple(numbers),
                 notes=t("reports.pilot_verdict_notes", method=t(f"pilots.method.{head.method}"), why=window.why))


def _chart_slide(evaluation: PilotEvaluation) -> Slide:
    pilot, head = evaluation.pilot, evaluation.pilot_window.headline
    share = head.details.get("control_share") if head.method == "control" else None
    frame = charts.counterfactual_frame(evaluation.daily, evaluation.persistence, pilot.starts_on, control_share=share)
    chart = charts.counterfactual_chart(
        frame, pilot_start=pilot.starts_on, pilot_end=pilot.ends_on, rollout_on=pilot.rollout_on,
        labels={"actual": t("pilots_page.chart_actual"), "expected": t("pilots_page.chart_expected"),
                "band": t("pilots_page.chart_band"), "pilot": t("pilots_page.chart_pilot"),
                "rollout": t("pilots_page.chart_rollout"), "y": t("pilots_page.chart_y"),
                "week_of": t("pilots_page.chart_week_of")})
    return Slide(title=t("pilots_page.chart_title"), message=t(f"pilots_page.chart_help_{head.method}"),
                 chart=chart, notes=t("reports.pilot_chart_notes"))


def _kpi_label(kpi) -> str:
    return t(f"pilots.kpi.{kpi.kpi}") if kpi.kpi != "contact_ratio" else t("pilots.kpi.contact_ratio_plain")


def _kpi_value(value: float, unit: str) -> str:
    if unit == "contacts":
        return fmt.count(value)
    if unit == "per_1000":
        return fmt.decimal(value, 2)
    if unit == "seconds":
        return fmt.count(value) + " s"
    return fmt.percent(value, digits=1)


def _kpi_slide(evaluation: PilotEvaluation) -> Slide:
    window = evaluation.pilot_window
    available = [k for k in window.kpis if k.available]
    columns = (t("pilots_page.col_kpi"), t("pilots_page.col_before"), t("pilots_page.col_during"),
               t("pilots_page.col_effect"), t("pilots_page.col_interval"), t("reports.column_p"),
               t("pilots_page.col_significant"))
    cells = tuple((_kpi_label(k), _kpi_value(k.before, k.unit), _kpi_value(k.during, k.unit),
                   signed_percent(k.relative_effect),
                   t("pilots_page.interval_short", low=signed_percent(k.relative_ci_low),
                     high=signed_percent(k.relative_ci_high)),
                   p_value_text(k.p_value) if k.p_value == k.p_value else "–",
                   t("pilots_page.yes") if k.significant else t("pilots_page.no")) for k in available)
    data = pd.DataFrame([k.to_dict() for k in available])
    missing = [_kpi_label(k) for k in window.kpis if not k.available]
    bullets = (t("pilots.caveat.kpi_missing", kpis=", ".join(missing)),) if missing else ()
    changed = sum(k.significant for k in available)
    return Slide(title=t("reports.pilot_kpis_title", changed=changed, total=len(available)),
                 message=t("pilots_page.kpis_help"), table=Table(columns, cells, (), data), bullets=bullets,
                 notes=t("reports.pilot_kpis_notes"))


def _spill_slide(evaluation: PilotEvaluation) -> Slide:
    pilot, window = evaluation.pilot, evaluation.pilot_window
    head, spill = window.headline, window.spillover
    said = spill_text(pilot, spill)
    title = said[:1].upper() + said[1:]
    numbers: list[BigNumber] = []
    if spill.all_channels is not None:
        everywhere = spill.all_channels
        numbers = [
            BigNumber(t("pilots_page.spill_targeted", channels=", ".join(pilot.channels)),
                      signed_percent(head.relative_effect),
                      t("pilots_page.interval", low=signed_percent(head.ci_low), high=signed_percent(head.ci_high))),
            BigNumber(t("pilots_page.spill_all"), signed_percent(everywhere.relative_effect),
                      t("pilots_page.interval", low=signed_percent(everywhere.ci_low),
                        high=signed_percent(everywhere.ci_high))),
        ]
    chart, bullets = None, ()
    if spill.shifts:
        rows = pd.DataFrame([{
            "label": t(f"pilots_page.shift_{s.kind}", name=s.name), "effect": s.estimate.absolute_effect,
            "low": s.estimate.absolute_ci_low, "high": s.estimate.absolute_ci_high, "significant": s.detected}
            for s in spill.shifts])
        chart = charts.forest_chart(rows, x_title=t("pilots_page.spill_x"), percent=False)
        bullets = (spill_sentence(spill).replace("**", ""),)  # the page's sentence: only what rose
    message = t("pilots_page.spill_all_help") if numbers else t("reports.pilot_spill_message")
    return Slide(title=title, message=message, numbers=tuple(numbers), chart=chart, bullets=bullets,
                 notes=t("reports.pilot_spill_notes"))


def _money_slide(evaluation: PilotEvaluation) -> Slide:
    m = evaluation.pilot_window.money
    notes = t("reports.pilot_money_notes")
    if m is None:
        return Slide(title=t("reports.pilot_money_none"), message=t("pilots_page.money_none"), notes=notes)
    amount = m.net if m.spill_cost else m.amount
    title = (t("reports.pilot_money_title", amount=signed_money(m.amount)) if amount >= 0
             else t("reports.pilot_money_cost", amount=money_text(-amount)))
    numbers = (BigNumber(t("pilots_page.money_saved"), signed_money(m.amount),
                         t("pilots_page.interval", low=signed_money(m.amount_low), high=signed_money(m.amount_high))),
               BigNumber(t("pilots_page.money_spill"), signed_money(m.spill_cost)),
               BigNumber(t("pilots_page.money_net"), signed_money(m.net)))
    cost = fmt.money(m.cost_per_contact, digits=2)  # as the page writes it
    bullets = (t("pilots.caveat.no_costs", channels=", ".join(m.missing_costs)),) if m.missing_costs else ()
    return Slide(title=title, message=t("pilots_page.money_help", cost=cost), numbers=numbers, bullets=bullets,
                 notes=notes)


def _plan_slide(conn: duckdb.DuckDBPyConnection, pilot: PilotSpec) -> Slide:
    """The planner's figures for the pilot's own target and length (as the page's Planner
    view opens for this pilot)."""
    weeks = max(1, min(max(PLAN_WEEKS), round(pilot.weeks)))
    notes = t("reports.pilot_plan_notes")
    try:
        plan = plan_pilot(conn, pilot.target_reasons, weeks=weeks, channels=pilot.channels, segment=pilot.segment,
                          expected_effect=pilot.expected_effect)
    except ValueError as exc:
        return Slide(title=t("reports.pilot_plan_title_none"),
                     message=t("reports.pilot_plan_unavailable", reason=str(exc)), notes=notes)
    if plan.mde != plan.mde or plan.mde == float("inf"):
        title = t("reports.pilot_plan_title_none")
    else:
        title = t("reports.pilot_plan_title", weeks=plan.weeks, mde=fmt.percent(plan.mde))
    numbers = [BigNumber(t("pilots_page.plan_mde", weeks=plan.weeks), fmt.percent(plan.mde))]
    if plan.expected_effect is not None:
        numbers.append(BigNumber(t("pilots_page.plan_expected"), signed_percent(plan.expected_effect)))
        numbers.append(BigNumber(t("pilots_page.plan_needed"), str(plan.weeks_needed) if plan.weeks_needed
                                 else t("pilots_page.plan_needed_never")))
    chart = charts.detectable_effect_chart(plan.table, weeks=plan.weeks, expected_effect=plan.expected_effect, labels={
        "mde": t("pilots_page.plan_chart_mde"), "expected": t("pilots_page.plan_chart_expected"),
        "chosen": t("pilots_page.plan_chart_chosen"), "x": t("pilots_page.plan_chart_x"),
        "y": t("pilots_page.plan_chart_y")})
    return Slide(title=title, message=plan.advice, numbers=tuple(numbers), chart=chart,
                 notes=notes + " " + t("pilots_page.plan_help"))


def _persistence_slide(evaluation: PilotEvaluation) -> Slide:
    pilot, head = evaluation.pilot, evaluation.pilot_window.headline
    chart = None
    if len(evaluation.persistence):
        chart = charts.persistence_chart(
            evaluation.persistence, pilot_effect=head.relative_effect, rollout_on=pilot.rollout_on,
            fades_from=evaluation.fades_from,
            labels={"week": t("pilots_page.persistence_week"), "rolling": t("pilots_page.persistence_rolling"),
                    "band": t("pilots_page.chart_band"), "pilot": t("pilots_page.persistence_pilot"),
                    "rollout": t("pilots_page.chart_rollout"), "fades": t("pilots_page.persistence_fades"),
                    "y": t("pilots_page.persistence_y")})
    bullets = ((t("pilots_page.rollout_verdict", verdict=evaluation.rollout.verdict).replace("**", ""),)
               if evaluation.rollout is not None else ())
    return Slide(title=t("reports.pilot_persistence_title"), message=evaluation.persistence_note, chart=chart,
                 bullets=bullets, notes=t("reports.pilot_persistence_notes"))


def _caveats_slide(evaluation: PilotEvaluation) -> Slide:
    caveats = tuple(evaluation.caveats)
    if not caveats:
        title, message = t("reports.pilot_caveats_none"), t("pilots_page.caveats_none")
    else:
        title = (t("reports.pilot_caveats_one") if len(caveats) == 1
                 else t("reports.pilot_caveats_title", count=len(caveats)))
        message = t("reports.pilot_caveats_message")
    return Slide(title=title, message=message, bullets=caveats, notes=t("reports.pilot_caveats_notes"))
