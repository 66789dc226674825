"""Volume trends: actual contacts against what the season predicted, the periods outside
the 95% band, where each gap came from, and how good the baseline is."""

import pandas as pd
import streamlit as st

from analytics import charts, editing, table_views
from analytics.baseline import InsufficientHistory
from analytics.i18n import t
from analytics.trends import contacts_by_grain, last_full_week, week_sentence
from ui import cache, chart, format, page, roles

context = page.start(t("trends.title"))
contact_filter, version = context.contact_filter, context.version
first_day = context.freshness.first_contact_at.date()

controls = st.columns([2, 2, 3])
grain = (controls[0].segmented_control(t("trends.grain"), ["Day", "Week", "Month"], default="Day",
                                       key="trends_grain", bind="query-params",
                                       format_func=format.option_text("option.")) or "Day").lower()
show_naive = controls[1].toggle(t("trends.show_naive"), key="trends_naive", bind="query-params")
st.caption(contact_filter.describe())

try:
    trend = cache.volume_trend(version, contact_filter, grain, first_day)
except InsufficientHistory as exc:  # no expected values: say why, and still show what happened
    st.warning(t("trends.no_baseline", reason=str(exc)))
    actual = contacts_by_grain(cache.overview(version, contact_filter).daily, grain)
    chart.show(cache.figure(charts.daily_contacts_chart, actual, contacts_label=t("trends.actual"), grain=grain,
                            annotations=cache.timeline(version, contact_filter.start, contact_filter.end)),
               key="trends_actual_only", name="trends-actual", data=actual, title=t("trends.title"))
    st.stop()

# The last whole week, judged on its own (history up to the week before): the weekly report's figures.
if (monday := last_full_week(contact_filter.start, contact_filter.end)) is not None:
    try:
        st.markdown(week_sentence(cache.week_summary(version, contact_filter, monday, first_day)))
    except InsufficientHistory as exc:
        st.caption(t("trends.no_baseline", reason=str(exc)))

chart.show(cache.figure(charts.baseline_chart, trend.periods, trend.anomalies,
                        annotations=cache.timeline(version, contact_filter.start, contact_filter.end),
                        show_naive=show_naive,
                        labels={"actual": t("trends.actual"), "expected": t("trends.expected"),
                                "band95": t("trends.band95"), "band80": t("trends.band80"),
                                "naive": t("trends.naive"), "anomaly": t("trends.anomalies")}),
           key="trends_chart",
           name="trends-baseline", data=trend.periods, title=t("trends.title"))
st.caption(t("trends.horizon", fit_end=format.day(trend.fit_end), days=(contact_filter.end - trend.fit_end).days))
for note in trend.notes:
    st.caption(note)

st.subheader(t("trends.anomalies"))
if trend.anomalies.empty:
    st.info(t("trends.no_anomalies"))
else:
    period_column = trend.anomalies.columns[0]
    format.show_table(table_views.anomalies_table(trend.anomalies), key="trends_anomalies")
    chosen = st.selectbox(t("trends.explain"), trend.anomalies[period_column].tolist(), key="trends_anomaly",
                          format_func=lambda d: format.day(pd.Timestamp(d)), bind="query-params")
    start = pd.Timestamp(chosen)
    end = start + pd.Timedelta(days={"day": 0, "week": 6}.get(grain, start.days_in_month - 1))
    expected_days = trend.daily.loc[start:end, "expected"]
    for part in ("reason", "channel"):  # one under the other: six columns need the page's width
        format.show_table(table_views.gap_parts_table(cache.gap_by_part(version, contact_filter, expected_days, part)
                                                      .head(8), part), key=f"trends_gap_by_{part}")
    if roles.can_edit():
        with st.form("trends_event_form", clear_on_submit=True):
            st.markdown(f"**{t('trends.save_event')}**")
            name = st.text_input(t("data.event_name"), key="trends_event_name")
            kind = st.selectbox(t("data.event_kind"), editing.EVENT_KINDS, index=2, key="trends_event_kind",
                                format_func=format.option_text("data.event_kind_"))
            foreseen = st.toggle(t("data.event_foreseen"), value=False, key="trends_event_foreseen")
            if st.form_submit_button(t("data.save")):
                try:
                    saved, _ = roles.guarded(lambda: editing.add_event(
                        cache.connection(), name=name, kind=kind,
                        starts_on=max(start, pd.Timestamp(contact_filter.start)).date(),
                        ends_on=min(end, pd.Timestamp(contact_filter.end)).date(), foreseen=foreseen,
                        reason=(contact_filter.reason_l1, contact_filter.reason_l2, contact_filter.reason_l3),
                        channel=contact_filter.channel))
                    if saved:
                        st.success(t("data.saved"))
                except ValueError as exc:
                    st.error(str(exc))

if st.toggle(t("trends.quality"), key="trends_quality", bind="query-params"):
    with st.spinner(t("trends.quality_running")):
        quality = cache.baseline_quality(version, contact_filter.with_period(first_day, contact_filter.end),
                                         first_day, contact_filter.end)
    cols = st.columns(4)
    cols[0].metric(t("trends.mape_model"), format.percent(quality["mape_model"], digits=1))
    cols[1].metric(t("trends.mape_naive"), format.percent(quality["mape_seasonal_naive"], digits=1))
    cols[2].metric(t("trends.coverage_80"), format.percent(quality["coverage_80"]))
    cols[3].metric(t("trends.coverage_95"), format.percent(quality["coverage_95"]))
    st.caption(t("trends.quality_help", origins=quality["n_origins"], horizon=quality["horizon_days"]))
