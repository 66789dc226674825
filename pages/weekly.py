"""Weekly report: last week's contacts per reason against the season and the week before,
the department that owns each cause, and the actions list those departments work from."""

from datetime import date, timedelta

import streamlit as st

from analytics import actions, table_views, weekly
from analytics.charts.weekly import weekly_gap_chart
from analytics.i18n import t
from ui import cache, chart, format, page, report_panel, roles

context = page.start(t("weekly.title"))
contact_filter, version = context.contact_filter, context.version
first_day = context.freshness.first_contact_at.date()
st.caption(t("weekly.intro"))

weeks = weekly.complete_weeks(first_day, context.freshness.last_contact_at.date())
if not weeks:
    st.info(t("weekly.no_weeks"))
    st.stop()

# Option strings go into the URL: ISO week codes and level digits stay stable.
controls = st.columns([2, 2, 3])
code = controls[0].selectbox(t("weekly.week"), [weekly.week_code(m) for m in weeks], key="weekly_week",
                             bind="query-params")
level = int(controls[1].segmented_control(t("weekly.level"), ["1", "2", "3"], default="2", key="weekly_level",
                                          bind="query-params") or "2")
drivers = cache.weekly_driver_names(version)
driver = controls[2].selectbox(t("weekly.driver"), drivers, key="weekly_driver", bind="query-params") if drivers else None
monday = weekly.week_monday(code)
st.caption(t("weekly.scope", week=code, start=format.day(monday), end=format.day(monday + timedelta(days=6))))

report = cache.weekly_report(version, contact_filter.with_period(monday, monday + timedelta(days=6)), monday, level,
                             driver, first_day)
if report.rows.empty:
    st.info(t("weekly.no_contacts"))
    st.stop()

today = date.today()
all_actions = cache.action_list(version)
rows = weekly.attach_actions(report.rows, all_actions, today)
total = report.total
st.markdown(f"**{weekly.headline(report)}**")

metrics = st.columns(4)
metrics[0].metric(t("weekly.metric_contacts"), format.count(total["contacts"]),
                  **format.change_delta(total["vs_last_week_pct"], suffix=" " + t("weekly.metric_last_week")))
if report.has_baseline:
    metrics[1].metric(t("weekly.metric_expected"), format.count(total["expected"]),
                      **format.change_delta(total["gap_pct"]),
                      help=t("weekly.metric_band", low=format.count(total["lo95"]), high=format.count(total["hi95"])))
if report.driver:
    metrics[2].metric(t("weekly.metric_per_1k", driver=report.driver), format.decimal(total["per_1k"], 1))
open_actions = all_actions[all_actions["status"].isin(actions.OPEN_STATUSES)]
late = int(actions.overdue(open_actions, today).sum())
metrics[3].metric(t("weekly.metric_open_actions"), len(open_actions),
                  delta=t("weekly.metric_overdue", count=late) if late else None, delta_color="inverse")
for note in report.notes:
    st.caption(note)
if not drivers:
    st.caption(t("weekly.no_drivers"))
report_panel.weekly(monday, level, driver, contact_filter, week_code=code)

unowned = rows[rows["owner_flag"] != ""]
if len(unowned):
    st.warning(t("weekly.owner_flags", count=len(unowned)))

if report.has_baseline:
    st.subheader(t("weekly.chart_title"))
    chart.show(cache.figure(weekly_gap_chart, rows, labels={
        "gap": t("weekly.chart_gap"), "inside": t("weekly.chart_inside"),
        "above": t("weekly.chart_above"), "below": t("weekly.chart_below")}),
               key="weekly_chart", name=f"weekly-{code}", data=rows, title=f"{t('weekly.chart_title')} ({code})",
               scope=contact_filter.with_period(monday, monday + timedelta(days=6)))

st.subheader(t("weekly.by_reason"))
# Missing (no baseline, nothing last week, no driver value) shows as "–"; late actions are tinted.
format.show_table(table_views.weekly_reasons_table(rows, report.driver), key="weekly_table",
                  highlight=(rows["overdue_actions"].astype(bool), "#fff1e5", ["open_actions", "actions"]))

# --- the actions list ------------------------------------------------------------------
def save(write, done: str) -> None:
    """Run one write of the actions list on the store; when it is accepted, drop the
    cached results and rerun with the message ``done``; when refused, say why."""
    try:
        saved, _ = roles.guarded(lambda: write(cache.connection()))
    except ValueError as exc:
        st.error(str(exc))
        return
    if not saved:
        return
    st.session_state["weekly_message"] = done
    st.rerun()


st.subheader(t("weekly.actions"))
st.caption(t("weekly.actions_help"))
if message := st.session_state.pop("weekly_message", None):
    st.toast(message, icon=":material/check_circle:")  # floats: the table below does not jump

editor = roles.can_edit()
show_closed = st.toggle(t("weekly.show_closed"), key="weekly_show_closed", bind="query-params")
listed = all_actions if show_closed else open_actions
listed = listed.assign(overdue=actions.overdue(listed, today))
if listed["overdue"].any():
    st.warning(t("weekly.overdue_warning", count=int(listed["overdue"].sum())))
if listed.empty:
    st.info(t("weekly.no_actions"))
else:
    shown = listed[["action_id", "reason", "action", "owner_department", "due_on", "status", "note", "overdue"]]
    edited = st.data_editor(
        shown.style.apply(lambda row: ["background-color: #ffebe9" if row["overdue"] else "" for _ in row], axis=1),
        hide_index=True, key=f"weekly_actions_editor_{version}", placeholder=format.MISSING,
        disabled=["action_id", "reason", "overdue"] if editor else True,
        column_config={
            "action_id": st.column_config.NumberColumn(t("weekly.column_id"), format="%d", width="small"),
            "reason": st.column_config.TextColumn(t("weekly.column_reason")),
            "action": st.column_config.TextColumn(t("weekly.column_action"), required=True, width="medium"),
            "owner_department": st.column_config.TextColumn(t("weekly.column_owner_department")),
            "due_on": st.column_config.DateColumn(t("weekly.column_due_on"), format=format.table_date_format()),
            "status": st.column_config.SelectboxColumn(t("weekly.column_status"), options=list(actions.ACTION_STATUSES),
                                                       required=True, format_func=format.option_text("weekly.status_")),
            "note": st.column_config.TextColumn(t("weekly.column_note"), width="medium"),
            "overdue": st.column_config.CheckboxColumn(t("weekly.column_overdue")),
        },
    )
    changed = actions.changed_rows(shown, edited)  # saved as soon as a cell is left: no Save to forget
    if not changed.empty and editor:
        save(lambda conn: actions.update_actions(conn, changed), t("weekly.saved"))

if not editor:
    roles.read_only_note()
else:
    choices = cache.weekly_reason_choices(version)
    with st.form("weekly_add_form", clear_on_submit=True):
        st.markdown(f"**{t('weekly.add_action')}**")
        labels = choices["label"].tolist()
        default_path = weekly.focus_reason(report)
        reason = st.selectbox(t("weekly.add_reason"), labels, index=labels.index(default_path) if default_path in labels else 0,
                              key="weekly_add_reason")
        text = st.text_input(t("weekly.add_text"), key="weekly_add_text")
        cols = st.columns(3)
        owner = cols[0].text_input(t("weekly.add_owner"), key="weekly_add_owner", help=t("weekly.add_owner_help"))
        due_on = cols[1].date_input(t("weekly.add_due"), value=today + timedelta(days=14), format=format.date_input_format(),
                                    key="weekly_add_due")
        note = cols[2].text_input(t("weekly.add_note"), key="weekly_add_note")
        if st.form_submit_button(t("weekly.add_submit")):
            chosen = choices[choices["label"] == reason].iloc[0]
            path = actions.ReasonPath(chosen["reason_l1"], chosen["reason_l2"], chosen["reason_l3"])
            save(lambda conn: actions.add_action(conn, path, action=text, due_on=due_on, note=note,
                                                 owner_department=owner or chosen["owner_department"]), t("weekly.added"))

    if not all_actions.empty:
        with st.form("weekly_delete_form", clear_on_submit=True):
            st.markdown(f"**{t('weekly.delete_action')}**")
            ids = all_actions["action_id"].astype(int).tolist()
            described = dict(zip(ids, (f"#{a.action_id} {a.reason}: {a.action}" for a in all_actions.itertuples())))
            doomed = st.selectbox(t("weekly.delete_choice"), ids, format_func=described.get, key=f"weekly_delete_choice_{version}")  # a new widget after each write, so labels are fresh
            sure = st.checkbox(t("weekly.delete_confirm"), key="weekly_delete_confirm")
            if st.form_submit_button(t("weekly.delete_submit")):
                if not sure:
                    st.warning(t("weekly.delete_needs_confirm"))
                else:
                    save(lambda conn: actions.delete_action(conn, doomed), t("weekly.deleted"))
