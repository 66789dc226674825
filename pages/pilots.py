"""Pilots: the registry of contact-reduction pilots (add, edit, delete), the honest
evaluation of one pilot (headline with its interval, the three methods, placebo check,
every KPI, spill-over, money, persistence, verdict), and the planner (how large an effect
a pilot of a given length can show). A pilot has its own target and dates: the sidebar
filters do not apply."""

import math
from datetime import timedelta

import pandas as pd
import streamlit as st

from analytics import timeline
from analytics.baseline import InsufficientHistory
from analytics.charts import pilots as charts
from analytics.charts.colours import channel_colour, group_colour
from analytics.i18n import t
from analytics.pilots.verdict import money_text, signed_percent, target_text
from ui import cache, chart, format, page, report_panel
from ui import pilot_forms as forms

context = page.start(t("nav.pilots"))
version, freshness = context.version, context.freshness
last_day = freshness.last_contact_at.date()
st.caption(t("pilots_page.intro"))
st.info(t("pilots_page.filters_not_used"), icon=":material/filter_alt_off:")
forms.show_flash()

pilots = cache.pilot_list(version)
choices = forms.Choices(*cache.pilot_choices(version))
by_name = {p.name: p for p in pilots}
headlines = st.session_state.setdefault("pilots_headlines", {})  # filled as pilots are evaluated

# The option strings go into the URL as they are, so they are fixed English words.
views = ["Registry", "Evaluation", "Planner"]
view = st.segmented_control(t("pilots_page.view"), views, default=views[0], key="pilots_view",
                            bind="query-params", format_func=lambda v: t(f"pilots_page.view_{v.lower()}")) or views[0]


def no_pilots_yet() -> None:
    st.info(t("pilots_page.none"), icon=":material/science:")
    st.markdown(t("pilots_page.none_how"))
    st.code('python -m analytics pilot add --name "Track-and-trace e-mail" --reason "Delivery > Status unknown" '
            "--start 2026-02-02 --end 2026-03-01 --expected-effect=-20%", language="sh", wrap_lines=True)


def registry_table() -> pd.DataFrame:
    rows = []
    for p in pilots:
        found = cache.pilot_overlaps(version, p)
        rows.append({
            t("pilots_page.col_name"): p.name,
            t("pilots_page.col_status"): t(f"pilots.status.{p.status}"),
            t("pilots_page.col_target"): target_text(p),
            t("pilots_page.col_window"): f"{format.day(p.starts_on)} – {format.day(p.ends_on)}",
            t("pilots_page.col_expected"): signed_percent(p.expected_effect) if p.expected_effect is not None else "",
            t("pilots_page.col_headline"): headlines.get((version, p.name), ""),
            t("pilots_page.col_overlaps"): "; ".join(o.name for o in found),
            t("pilots_page.col_rollout"): format.day(p.rollout_on) if p.rollout_on else "",
            t("pilots_page.col_owner"): p.owner or "",
            t("pilots_page.col_control"): "; ".join(p.control_reasons) or t("pilots_page.control_automatic"),
        })
    return pd.DataFrame(rows)


def money(amount: float) -> str:
    """``-76.4`` -> ``"−€76"`` (a cost, not a saving)."""
    return money_text(amount) if amount >= 0 else "\u2212" + money_text(-amount)


def shift_colour(shift) -> str | None:
    """The colour of the channel or channel group a spill-over went to (as on every page)."""
    if shift.kind == "channel_group":
        return group_colour(shift.name)
    return channel_colour(shift.name, shift.group) if shift.kind == "channel" and shift.group else None


def default_start():
    """A new pilot starts on the Monday after the data by default."""
    return last_day + timedelta(days=7 - last_day.weekday())


if view == "Registry":
    st.subheader(t("pilots_page.registry"))
    if pilots:
        small = {t(f"pilots_page.col_{c}"): st.column_config.TextColumn(width="small")
                 for c in ("status", "rollout")}
        st.dataframe(registry_table(), hide_index=True, width="stretch", column_config=small)
        st.caption(t("pilots_page.registry_help"))
        for p in pilots:
            for overlap in cache.pilot_overlaps(version, p):
                st.warning(f"**{p.name}**: {forms.overlap_text(overlap)}", icon=":material/warning:")
    else:
        no_pilots_yet()
    with st.expander(t("pilots_page.add_title"), expanded=not pilots, icon=":material/add:"):
        typed = forms.pilot_form("pilots_add_form", choices, initial=None, default_start=default_start())
        if typed is not None and forms.save_pilot(typed, editing=None):
            st.rerun()
    if pilots:
        with st.expander(t("pilots_page.edit_title"), icon=":material/edit:"):
            name = st.selectbox(t("pilots_page.edit_pick"), list(by_name), key="pilots_edit_pick")
            chosen = by_name[name]
            stamp = f"{chosen.pilot_id}_{chosen.updated_at:%Y%m%d%H%M%S}" if chosen.updated_at else chosen.pilot_id
            typed = forms.pilot_form(f"pilots_edit_form_{stamp}", choices, initial=chosen,
                                     default_start=default_start())
            if typed is not None and forms.save_pilot(typed, editing=chosen.name):
                st.rerun()
            if forms.delete_with_confirmation(chosen):
                st.rerun()

elif view == "Evaluation":
    if not pilots:
        no_pilots_yet()
        st.stop()
    name = st.selectbox(t("pilots_page.pick"), list(by_name), key="pilots_pilot", bind="query-params")
    pilot = by_name[name]
    parts = [t("pilots_page.spec_target", target=target_text(pilot)),
             t("pilots_page.spec_window", start=format.day(pilot.starts_on), end=format.day(pilot.ends_on),
               weeks=f"{pilot.weeks:.0f}"),
             t("pilots_page.spec_status", status=t(f"pilots.status.{pilot.status}"))]
    if pilot.rollout_on:
        parts.append(t("pilots_page.spec_rollout", day=format.day(pilot.rollout_on)))
    if pilot.owner:
        parts.append(t("pilots_page.spec_owner", owner=pilot.owner))
    st.markdown(" · ".join(parts))
    if pilot.hypothesis:
        st.caption(t("pilots_page.spec_hypothesis", hypothesis=pilot.hypothesis))
    try:
        with st.spinner(t("pilots_page.evaluating", name=pilot.name)):
            evaluation = cache.pilot_evaluation(version, pilot)
    except (ValueError, InsufficientHistory) as exc:
        st.info(t("pilots_page.cannot_evaluate", reason=str(exc)), icon=":material/hourglass_empty:")
        st.stop()
    window = evaluation.pilot_window
    head = window.headline
    headlines[(version, pilot.name)] = forms.effect_with_interval(head.relative_effect, head.ci_low, head.ci_high)
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
    cols[1].metric(t("pilots_page.metric_contacts"), format.count(head.absolute_effect, signed=True).replace("-", "\u2212"))
    cols[1].caption(t("pilots_page.interval", low=format.count(head.absolute_ci_low, signed=True).replace("-", "\u2212"),
                      high=format.count(head.absolute_ci_high, signed=True).replace("-", "\u2212")))
    if window.money is not None:
        cols[2].metric(t("pilots_page.metric_money"), money(window.money.amount))
        cols[2].caption(t("pilots_page.interval", low=money(window.money.amount_low),
                          high=money(window.money.amount_high)))
    cols[3].metric(t("pilots_page.metric_method"), t(f"pilots.method.{head.method}"))
    p_value = "< " + format.decimal(0.001, 3) if head.p_value < 0.001 else format.decimal(head.p_value, 3)
    cols[3].caption(t("pilots_page.p_value", p=p_value))
    st.caption(window.why)
    report_panel.pilot(pilot.name, evaluation)

    # The picture people present (with the events, holidays and other pilots of those weeks)
    around = timeline.without_pilot(cache.timeline(version, evaluation.daily.index[0].date(),
                                                   evaluation.daily.index[-1].date()), pilot.name)
    st.subheader(t("pilots_page.chart_title"))
    share = head.details.get("control_share") if head.method == "control" else None
    frame = charts.counterfactual_frame(evaluation.daily, evaluation.persistence, pilot.starts_on,
                                        control_share=share)
    chart.show(charts.counterfactual_chart(
        frame, pilot_start=pilot.starts_on, pilot_end=pilot.ends_on, rollout_on=pilot.rollout_on,
        labels={"actual": t("pilots_page.chart_actual"), "expected": t("pilots_page.chart_expected"),
                "band": t("pilots_page.chart_band"), "pilot": t("pilots_page.chart_pilot"),
                "rollout": t("pilots_page.chart_rollout"), "y": t("pilots_page.chart_y"),
                "week_of": t("pilots_page.chart_week_of")}, annotations=around), key="pilots_chart_counterfactual",
        name="pilots-counterfactual", data=frame, title=f"{pilot.name}: {t('pilots_page.chart_title')}", scope=None)
    st.caption(t(f"pilots_page.chart_help_{head.method}"))

    # Three methods side by side
    st.subheader(t("pilots_page.methods_title"))
    method_rows = []
    for estimate in (window.naive, window.baseline, window.control):
        if estimate is None:
            continue
        placebo = estimate.placebo
        method_rows.append({
            t("pilots_page.col_method"): t(f"pilots.method.{estimate.method}")
            + (" ★" if estimate.method == head.method else ""),
            t("pilots_page.col_expected_contacts"): format.count(estimate.expected),
            t("pilots_page.col_actual"): format.count(estimate.actual),
            t("pilots_page.col_effect"): signed_percent(estimate.relative_effect),
            t("pilots_page.col_interval"): "" if estimate.method == "naive" else
            t("pilots_page.interval_short", low=signed_percent(estimate.ci_low), high=signed_percent(estimate.ci_high)),
            t("pilots_page.col_fake"): str(placebo.n) if placebo else "",
            t("pilots_page.col_false_positive"): format.percent(placebo.false_positive_rate) if placebo else "",
        })
    st.dataframe(pd.DataFrame(method_rows), hide_index=True, width="stretch")
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
        chart.show(charts.placebo_chart(fake, head.relative_effect, labels={
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
        "label": t(f"pilots.kpi.{k.kpi}") if k.kpi != "contact_ratio" else t("pilots.kpi.contact_ratio_plain"),
        "effect": k.relative_effect, "low": k.relative_ci_low, "high": k.relative_ci_high,
        "significant": k.significant} for k in available])
    if len(kpi_rows):
        chart.show(charts.forest_chart(kpi_rows, x_title=t("pilots_page.kpis_x")), key="pilots_chart_kpis",
                   name="pilots-kpis", data=kpi_rows, title=f"{pilot.name}: {t('pilots_page.kpis_title')}",
                   scope=None)
    unit_format = {"contacts": format.as_count(), "per_1000": format.as_decimal(2),
                   "seconds": format.as_decimal(0, suffix=" s"), "share": format.as_percent(1)}
    st.dataframe(pd.DataFrame([{
        t("pilots_page.col_kpi"): label,
        t("pilots_page.col_before"): unit_format[k.unit](k.before),
        t("pilots_page.col_during"): unit_format[k.unit](k.during),
        t("pilots_page.col_effect"): signed_percent(k.relative_effect),
        t("pilots_page.col_interval"): t("pilots_page.interval_short", low=signed_percent(k.relative_ci_low),
                                         high=signed_percent(k.relative_ci_high)),
        t("pilots_page.col_significant"): t("pilots_page.yes") if k.significant else t("pilots_page.no"),
    } for k, label in zip(available, kpi_rows.get("label", []))]), hide_index=True, width="stretch")
    missing = [t(f"pilots.kpi.{k.kpi}") if k.kpi != "contact_ratio" else t("pilots.kpi.contact_ratio_plain")
               for k in window.kpis if not k.available]
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
        st.caption(t("pilots.verdict.spill_not_checked"))
    if spill.shifts:
        shift_rows = pd.DataFrame([{
            "label": (t(f"pilots_page.shift_{s.kind}", name=s.name)), "effect": s.estimate.absolute_effect,
            "low": s.estimate.absolute_ci_low, "high": s.estimate.absolute_ci_high, "significant": s.detected,
            "colour": shift_colour(s)} for s in spill.shifts])
        chart.show(charts.forest_chart(shift_rows, x_title=t("pilots_page.spill_x"), percent=False),
                   key="pilots_chart_spill", name="pilots-spill-over", data=shift_rows,
                   title=f"{pilot.name}: {t('pilots_page.spill_title')}", scope=None)
        named = ", ".join(t(f"pilots_page.shift_{s.kind}", name=s.name) + " ("
                          + format.count(s.estimate.absolute_effect, signed=True).replace("-", "\u2212") + ")" for s in spill.largest)
        key = "pilots_page.spill_detected" if spill.detected else "pilots_page.spill_none"
        st.markdown(t(key, shifts=named, detected=", ".join(s.name for s in spill.moved)))

    # Money
    st.subheader(t("pilots_page.money_title"))
    if window.money is not None:
        m = window.money
        cols = st.columns(3)
        cols[0].metric(t("pilots_page.money_saved"), money(m.amount))
        cols[1].metric(t("pilots_page.money_spill"), money(m.spill_cost))
        cols[2].metric(t("pilots_page.money_net"), money(m.net))
        st.caption(t("pilots_page.money_help", cost=format.money(m.cost_per_contact, digits=2)))
        if m.missing_costs:
            st.warning(t("pilots.caveat.no_costs", channels=", ".join(m.missing_costs)))
    else:
        st.caption(t("pilots_page.money_none"))

    # Persistence
    st.subheader(t("pilots_page.persistence_title"))
    st.markdown(evaluation.persistence_note)
    if len(evaluation.persistence):
        chart.show(charts.persistence_chart(
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

else:  # Planner
    st.subheader(t("pilots_page.planner"))
    st.caption(t("pilots_page.planner_intro"))
    st.page_link("pages/ratios.py", label=t("pilots_page.start_small_link"), icon=":material/target:",
                 query_params={"ratios_view": "Start small"})
    initial = by_name.get(st.session_state.get("pilots_pilot") or "") or (pilots[0] if pilots else None)
    request = forms.plan_form(choices, initial=initial)
    if request is not None:
        st.session_state["pilots_plan_request"] = request
    request = st.session_state.get("pilots_plan_request")
    if request is not None:
        try:
            with st.spinner(t("pilots_page.planning")):
                plan = cache.pilot_plan(version, request.reasons, request.weeks, request.channels, request.segment,
                                        request.expected_effect)
        except ValueError as exc:
            st.error(t("pilots_page.refused", reason=str(exc)), icon=":material/error:")
            st.stop()
        target = " and ".join(plan.target) + (f" ({', '.join(request.channels)})" if request.channels else "")
        st.markdown(t("pilots_page.plan_for", target=target, per_day=format.decimal(plan.contacts_per_day, 1)))
        cols = st.columns(3)
        cols[0].metric(t("pilots_page.plan_mde", weeks=plan.weeks), format.percent(plan.mde))
        if plan.expected_effect is not None:
            cols[1].metric(t("pilots_page.plan_expected"), signed_percent(plan.expected_effect))
            cols[2].metric(t("pilots_page.plan_needed"), str(plan.weeks_needed) if plan.weeks_needed
                           else t("pilots_page.plan_needed_never"))
        if plan.detectable is False:
            st.warning(plan.advice, icon=":material/warning:")
            st.markdown(t("pilots_page.plan_start_small"))
        else:
            st.success(plan.advice, icon=":material/check_circle:")
        chart.show(charts.detectable_effect_chart(plan.table, weeks=plan.weeks,
                                                       expected_effect=plan.expected_effect, labels={
            "mde": t("pilots_page.plan_chart_mde"), "expected": t("pilots_page.plan_chart_expected"),
            "chosen": t("pilots_page.plan_chart_chosen"), "x": t("pilots_page.plan_chart_x"),
            "y": t("pilots_page.plan_chart_y")}), key="pilots_chart_plan", name="pilots-plan", data=plan.table,
            title=f"{t('pilots_page.planner')}: {target}", scope=None)
        st.caption(t("pilots_page.plan_help"))
