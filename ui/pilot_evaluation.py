"""One pilot's evaluation as the Pilots page shows it: the verdict and its headline, the
counterfactual picture, the three methods, the placebo check, every KPI, spill-over, money,
persistence and caveats. Kept out of ``pages/pilots.py`` so the page reads as its three
views."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from analytics import table_views, timeline
from analytics.baseline import InsufficientHistory
from analytics.charts import pilots as charts
from analytics.charts.colours import channel_colour, group_colour
from analytics.i18n import t
from analytics.pilots import PilotSpec
from analytics.pilots.verdict import (money_claim, p_value_text, signed_count, signed_money, signed_percent,
                                      spill_sentence)
from ui import cache, chart, format, report_panel
from ui import pilot_forms as forms


# The forest charts draw "effect", "low" and "high"; their files say what the numbers are.
RELATIVE_COLUMNS = {"effect": "relative_effect", "low": "relative_ci_low", "high": "relative_ci_high"}
ABSOLUTE_COLUMNS = {"effect": "absolute_effect", "low": "absolute_ci_low", "high": "absolute_ci_high"}


def shift_colour(shift) -> str | None:
    """The colour of the channel or channel group a spill-over went to (as on every page)."""
    if shift.kind == "channel_group":
        return group_colour(shift.name)
    return channel_colour(shift.name, shift.group) if shift.kind == "channel" and shift.group else None


def show(version: int, pilot: PilotSpec, *, reasons_as_recorded: bool | None = None) -> str | None:
    """Draw ``pilot``'s evaluation (its target reasons counted as recorded, or with the
    accepted suggestions; None: the store has none); return its headline ("−30% (−40% to −18%)") for the registry, or
    None when it cannot be evaluated yet (the page says why)."""
    try:
        with st.spinner(t("pilots_page.evaluating", name=pilot.name)):
            evaluation = cache.pilot_evaluation(version, pilot, reasons_as_recorded=bool(reasons_as_recorded))
    except (ValueError, InsufficientHistory) as exc:
        st.info(t("pilots_page.cannot_evaluate", reason=str(exc)), icon=":material/hourglass_empty:")
        return None
    window = evaluation.pilot_window
    head = window.headline
    headline = forms.effect_with_interval(head.relative_effect, head.ci_low, head.ci_high)
    for overlap in evaluation.overlaps:
        st.warning(forms.overlap_text(overlap), icon=":material/warning:")

    # The verdict and the headline
    if head.significant and head.absolute_effect < 0:
        st.success(window.verdict, icon=":material/trending_down:")
    elif head.significant:
        st.error(window.verdict, icon=":material/trending_up:")
    else:
        st.info(window.verdict, icon=":material/horizontal_rule:")
    cols = st.columns(4)
    cols[0].metric(t("pilots_page.metric_effect"), signed_percent(head.relative_effect),
                   help=t("pilots_page.metric_effect_help"))
    cols[0].caption(t("pilots_page.interval", low=signed_percent(head.ci_low), high=signed_percent(head.ci_high)))
    cols[1].metric(t("pilots_page.metric_contacts"), signed_count(head.absolute_effect))
    cols[1].caption(t("pilots_page.interval", low=signed_count(head.absolute_ci_low),
                      high=signed_count(head.absolute_ci_high)))
    if window.money is not None:  # money only where the effect's interval excludes zero
        label, value, note = money_claim(head, window.money)
        cols[2].metric(label, value)
        cols[2].caption(note)
    cols[3].metric(t("pilots_page.metric_method"), t(f"pilots.method.{head.method}"))
    cols[3].caption(t("pilots_page.p_value", p=p_value_text(head.p_value)))
    st.caption(window.why)
    report_panel.pilot(pilot.name, evaluation, reasons_as_recorded)

    # The picture people present (with the events, holidays and other pilots of those weeks)
    around = timeline.without_pilot(cache.timeline(version, evaluation.daily.index[0].date(),
                                                   evaluation.daily.index[-1].date()), pilot.name)
    st.subheader(t("pilots_page.chart_title"))
    share = head.details.get("control_share") if head.method == "control" else None
    frame = charts.counterfactual_frame(evaluation.daily, evaluation.persistence, pilot.starts_on,
                                        control_share=share)
    chart.show(cache.figure(charts.counterfactual_chart,
        frame, pilot_start=pilot.starts_on, pilot_end=pilot.ends_on, rollout_on=pilot.rollout_on,
        labels={"actual": t("pilots_page.chart_actual"), "expected": t("pilots_page.chart_expected"),
                "band": t("pilots_page.chart_band"), "pilot": t("pilots_page.chart_pilot"),
                "rollout": t("pilots_page.chart_rollout"), "y": t("pilots_page.chart_y"),
                "week_of": t("pilots_page.chart_week_of")}, annotations=around), key="pilots_chart_counterfactual",
        name="pilots-counterfactual", data=frame, title=f"{pilot.name}: {t('pilots_page.chart_title')}", scope=None)
    st.caption(t(f"pilots_page.chart_help_{head.method}"))

    # Three methods side by side
    st.subheader(t("pilots_page.methods_title"))
    format.show_table(table_views.pilot_methods_table(window), key="pilots_methods_table", width="stretch")
    st.caption(t("pilots_page.methods_help"))
    if window.naive is not None:
        st.markdown(t("pilots.naive_misleads", days=window.naive.days, season=signed_percent(window.season_alone)))

    # Placebo calibration
    st.subheader(t("pilots_page.placebo_title"))
    if head.placebo is not None and head.placebo.n:
        fake = [math.expm1(e) for e in head.placebo.log_errors]
        st.markdown(t("pilots_page.placebo_text", n=head.placebo.n, method=t(f"pilots.method.{head.method}"),
                      rate=format.percent(head.placebo.false_positive_rate),
                      spread=format.percent(head.placebo.rms)))
        chart.show(cache.figure(charts.placebo_chart, fake, head.relative_effect, labels={
            "fake": t("pilots_page.placebo_fake"), "real": t("pilots_page.placebo_real", name=pilot.name),
            "x": t("pilots_page.placebo_x"), "y": t("pilots_page.placebo_y")}), key="pilots_chart_placebo",
            name="pilots-placebo", data=pd.DataFrame({"placebo_effect": fake}),
            title=f"{pilot.name}: {t('pilots_page.placebo_title')}", scope=None)
    else:
        st.caption(t("pilots_page.placebo_none"))

    # Every KPI
    st.subheader(t("pilots_page.kpis_title"))
    available = [k for k in window.kpis if k.available]
    kpi_rows = pd.DataFrame([{
        "label": table_views.kpi_label(k.kpi), "effect": k.relative_effect, "low": k.relative_ci_low,
        "high": k.relative_ci_high, "significant": k.significant} for k in available])
    if len(kpi_rows):
        chart.show(cache.figure(charts.forest_chart, kpi_rows, x_title=t("pilots_page.kpis_x")),
                   key="pilots_chart_kpis",
                   name="pilots-kpis", data=kpi_rows.rename(columns=RELATIVE_COLUMNS),
                   title=f"{pilot.name}: {t('pilots_page.kpis_title')}",
                   scope=None)
    format.show_table(table_views.pilot_kpis_table(window.kpis), key="pilots_kpis_table", width="stretch")
    missing = [table_views.kpi_label(k.kpi) for k in window.kpis if not k.available]
    if missing:
        st.caption(t("pilots.caveat.kpi_missing", kpis=", ".join(missing)))
    st.caption(t("pilots_page.kpis_help"))

    # Spill-over
    st.subheader(t("pilots_page.spill_title"))
    spill = window.spillover
    if spill.all_channels is not None:
        cols = st.columns(2)
        cols[0].metric(t("pilots_page.spill_targeted", channels=", ".join(pilot.channels)),
                       signed_percent(head.relative_effect))
        cols[0].caption(t("pilots_page.interval", low=signed_percent(head.ci_low), high=signed_percent(head.ci_high)))
        everywhere = spill.all_channels
        cols[1].metric(t("pilots_page.spill_all"), signed_percent(everywhere.relative_effect))
        cols[1].caption(t("pilots_page.interval", low=signed_percent(everywhere.ci_low),
                          high=signed_percent(everywhere.ci_high)))
        st.caption(t("pilots_page.spill_all_help"))
    else:
        not_checked = t("pilots.verdict.spill_not_checked")  # a part of the verdict's sentence
        st.caption(not_checked[:1].upper() + not_checked[1:])
    if spill.shifts:
        shift_rows = pd.DataFrame([{
            "label": (t(f"pilots_page.shift_{s.kind}", name=s.name)), "effect": s.estimate.absolute_effect,
            "low": s.estimate.absolute_ci_low, "high": s.estimate.absolute_ci_high, "significant": s.detected,
            "colour": shift_colour(s)} for s in spill.shifts])
        chart.show(cache.figure(charts.forest_chart, shift_rows, x_title=t("pilots_page.spill_x"), percent=False),
                   key="pilots_chart_spill", name="pilots-spill-over", data=shift_rows.rename(columns=ABSOLUTE_COLUMNS),
                   title=f"{pilot.name}: {t('pilots_page.spill_title')}", scope=None)
        st.markdown(spill_sentence(spill))

    # Money
    st.subheader(t("pilots_page.money_title"))
    if window.money is not None:
        m = window.money
        if head.significant:
            cols = st.columns(3)
            label, value, _ = money_claim(head, m)  # a real rise in contacts is an extra cost
            cols[0].metric(t("pilots_page.money_saved") if m.amount >= 0 else label, value)
            cols[1].metric(t("pilots_page.money_spill"), signed_money(m.spill_cost))
            cols[2].metric(t("pilots_page.money_net"), signed_money(m.net))
        else:  # an interval that includes zero saves nothing that can be claimed
            st.info(t("pilots_page.money_section_not_claimable", effect=signed_percent(head.relative_effect),
                      low=signed_percent(head.ci_low), high=signed_percent(head.ci_high),
                      money_low=signed_money(m.amount_low), money_high=signed_money(m.amount_high)),
                    icon=":material/money_off:")
        st.caption(t("pilots_page.money_help", cost=format.money(m.cost_per_contact, digits=2)))
        if m.missing_costs:
            st.warning(t("pilots.caveat.no_costs", channels=", ".join(m.missing_costs)))
    else:
        st.caption(t("pilots_page.money_none"))

    # Persistence
    st.subheader(t("pilots_page.persistence_title"))
    st.markdown(evaluation.persistence_note)
    if len(evaluation.persistence):
        chart.show(cache.figure(charts.persistence_chart,
            evaluation.persistence, pilot_effect=head.relative_effect, rollout_on=pilot.rollout_on,
            fades_from=evaluation.fades_from,
            labels={"week": t("pilots_page.persistence_week"), "rolling": t("pilots_page.persistence_rolling"),
                    "band": t("pilots_page.chart_band"), "pilot": t("pilots_page.persistence_pilot"),
                    "rollout": t("pilots_page.chart_rollout"), "fades": t("pilots_page.persistence_fades"),
                    "y": t("pilots_page.persistence_y")}, annotations=around), key="pilots_chart_persistence",
            name="pilots-persistence", data=evaluation.persistence,
            title=f"{pilot.name}: {t('pilots_page.persistence_title')}", scope=None)
    if evaluation.rollout is not None:
        st.markdown(t("pilots_page.rollout_verdict", verdict=evaluation.rollout.verdict))

    # Caveats
    st.subheader(t("pilots_page.caveats_title"))
    if evaluation.caveats:
        st.markdown("\n".join(f"- {c}" for c in evaluation.caveats))
    else:
        st.caption(t("pilots_page.caveats_none"))
    return headline
