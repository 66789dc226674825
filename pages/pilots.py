"""Pilots: the registry of contact-reduction pilots (add, edit, delete), the honest
evaluation of one pilot (headline with its interval, the three methods, placebo check,
every KPI, spill-over, money, persistence, verdict), and the planner (how large an effect
a pilot of a given length can show). A pilot has its own target and dates: the sidebar
filters do not apply, except the switch between reasons as recorded and with accepted
suggestions."""

from datetime import timedelta

import streamlit as st

from analytics import table_views
from analytics.charts import pilots as charts
from analytics.i18n import t
from analytics.pilots.verdict import signed_percent, target_text
from ui import cache, chart, format, page, pilot_evaluation, roles
from ui import pilot_forms as forms

context = page.start(t("nav.pilots"))
version, freshness = context.version, context.freshness
as_recorded = bool(context.contact_filter.reasons_as_recorded)
last_day = freshness.last_contact_at.date()
st.caption(t("pilots_page.intro"))
st.info(t("pilots_page.filters_not_used"), icon=":material/filter_alt_off:")
if context.contact_filter.reasons_shown():
    st.caption(t("pilots_page.reasons_shown", shown=context.contact_filter.reasons_shown()))
forms.show_flash()

pilots = cache.pilot_list(version)
choices = forms.Choices(*cache.pilot_choices(version))
by_name = {p.name: p for p in pilots}
headlines = st.session_state.setdefault("pilots_headlines", {})  # filled as pilots are evaluated
shown_at = (version, as_recorded)  # a headline holds for one data version and one way of counting reasons

# The option strings go into the URL as they are, so they are fixed English words.
views = ["Registry", "Evaluation", "Planner"]
view = st.segmented_control(t("pilots_page.view"), views, default=views[0], key="pilots_view",
                            bind="query-params", format_func=lambda v: t(f"pilots_page.view_{v.lower()}")) or views[0]


def no_pilots_yet() -> None:
    st.info(t("pilots_page.none"), icon=":material/science:")
    st.markdown(t("pilots_page.none_how"))
    st.code('python -m analytics pilot add --name "Track-and-trace e-mail" --reason "Delivery > Status unknown" '
            "--start 2026-02-02 --end 2026-03-01 --expected-effect=-20%", language="sh", wrap_lines=True)


def default_start():
    """A new pilot starts on the Monday after the data by default."""
    return last_day + timedelta(days=7 - last_day.weekday())


if view == "Registry":
    st.subheader(t("pilots_page.registry"))
    if pilots:
        overlaps = {p.name: cache.pilot_overlaps(version, p) for p in pilots}
        format.show_table(table_views.pilot_registry_table(
            pilots, overlaps, {name: text for (at, name), text in headlines.items() if at == shown_at}),
            key="pilots_registry_table", width="stretch")
        st.caption(t("pilots_page.registry_help"))
        for p in pilots:
            for overlap in overlaps[p.name]:
                st.warning(f"**{p.name}**: {forms.overlap_text(overlap)}", icon=":material/warning:")
    else:
        no_pilots_yet()
    if not roles.can_edit():
        roles.read_only_note()
    else:
        with st.expander(t("pilots_page.add_title"), expanded=not pilots, icon=":material/add:"):
            typed = forms.pilot_form("pilots_add_form", choices, initial=None, default_start=default_start())
            if typed is not None and forms.save_pilot(typed, editing=None):
                st.rerun()
    if pilots and roles.can_edit():
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
    headline = pilot_evaluation.show(version, pilot, reasons_as_recorded=context.contact_filter.reasons_as_recorded)
    if headline is not None:
        headlines[(shown_at, pilot.name)] = headline

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
                                        request.expected_effect, reasons_as_recorded=as_recorded)
        except ValueError as exc:
            st.error(t("pilots_page.refused", reason=str(exc)), icon=":material/error:")
            st.stop()
        target = t("pilots_page.and").join(plan.target) + (f" ({', '.join(request.channels)})" if request.channels else "")
        st.markdown(t("pilots_page.plan_for", target=target, per_day=format.decimal(plan.contacts_per_day, 1)))
        cols = st.columns(3)
        cols[0].metric(t("pilots_page.plan_mde", weeks=plan.weeks), format.percent(plan.mde))
        if plan.expected_effect is not None:
            cols[1].metric(t("pilots_page.plan_expected"), signed_percent(plan.expected_effect))
            cols[2].metric(t("pilots_page.plan_needed"), str(plan.weeks_needed) if plan.weeks_needed
                           else t("pilots_page.plan_needed_never") if plan.needed_known else "–")
        if plan.detectable is False:
            st.warning(plan.advice, icon=":material/warning:")
            st.markdown(t("pilots_page.plan_start_small"))
        elif not plan.mde_known:
            st.info(plan.advice, icon=":material/hourglass_empty:")
        else:
            st.success(plan.advice, icon=":material/check_circle:")
        chart.show(cache.figure(charts.detectable_effect_chart, plan.table, weeks=plan.weeks,
                                expected_effect=plan.expected_effect, labels={
            "mde": t("pilots_page.plan_chart_mde"), "expected": t("pilots_page.plan_chart_expected"),
            "chosen": t("pilots_page.plan_chart_chosen"), "x": t("pilots_page.plan_chart_x"),
            "y": t("pilots_page.plan_chart_y")}), key="pilots_chart_plan", name="pilots-plan", data=plan.table,
            title=f"{t('pilots_page.planner')}: {target}", scope=None)
        st.caption(t("pilots_page.plan_help"))
