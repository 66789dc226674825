"""Volume trends: actual contacts against what the season predicted, the periods outside
the 95% band, where each gap came from, and how good the baseline is."""

import pandas as pd
import streamlit as st

from analytics import charts, editing
from analytics.baseline import InsufficientHistory
from analytics.i18n import t
from analytics.trends import week_summary
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
    daily = trend if grain == "day" else cache.volume_trend(version, contact_filter, "day", first_day)
    weekly = trend if grain == "week" else cache.volume_trend(version, contact_filter, "week", first_day)
except InsufficientHistory as exc:  # no expected values: say why, and still show what happened
    st.warning(t("trends.no_baseline", reason=str(exc)))
    actual = cache.overview(version, contact_filter).daily
    chart.show(charts.daily_contacts_chart(actual, contacts_label=t("trends.actual"),
                                           annotations=cache.timeline(version, contact_filter.start,
                                                                      contact_filter.end)),
               key="trends_actual_only", name="trends-actual", data=actual, title=t("trends.title"))
    st.stop()

full_weeks = weekly.periods[weekly.periods["days"] == 7]
if len(full_weeks):
    week = full_weeks.iloc[-1]
    week_days = daily.periods.loc[week.name: week.name + pd.Timedelta(days=6), "expected"]
    drivers = cache.gap_by_part(version, contact_filter, week_days, "reason")
    s = week_summary(week, drivers)
    st.markdown(t("trends.week_sentence", week=s["week"], actual=format.count(s["actual"]),
                  gap=format.percent(abs(s["gap_pct"])), direction=t("trends.below" if s["gap_pct"] < 0 else "trends.above"),
                  low=format.percent(s["band_low_pct"], signed=True), high=format.percent(s["band_high_pct"], signed=True),
                  driver=s["top_driver"]["part"] if s["top_driver"] else "–",
                  driver_gap=format.count(s["top_driver"]["gap"], signed=True) if s["top_driver"] else ""))

chart.show(charts.baseline_chart(trend.periods, trend.anomalies,
                                 annotations=cache.timeline(version, contact_filter.start, contact_filter.end),
                                 show_naive=show_naive,
                                 labels={"actual": t("trends.actual"), "expected": t("trends.expected"),
                                         "band95": t("trends.band95"), "band80": t("trends.band80"),
                                         "naive": t("trends.naive"), "anomaly": t("trends.anomalies")}),
           key="trends_chart",
           name="trends-baseline", data=trend.periods, title=t("trends.title"))
for note in trend.notes:
    st.caption(note)

st.subheader(t("trends.anomalies"))
if trend.anomalies.empty:
    st.info(t("trends.no_anomalies"))
else:
    period_column = trend.anomalies.columns[0]
    st.dataframe(trend.anomalies[[period_column, "actual", "expected", "gap", "gap_pct", "direction"]], hide_index=True,
                 column_config={period_column: st.column_config.DateColumn(t("trends.period"), format=format.table_date_format()),
                                "actual": st.column_config.NumberColumn(t("column.contacts"), format="%.0f"),
                                "expected": st.column_config.NumberColumn(t("column.expected"), format="%.0f"),
                                "gap": st.column_config.NumberColumn(t("column.gap"), format="%+.0f"),
                                "gap_pct": st.column_config.NumberColumn(t("column.gap_pct"), format="percent"),
                                "direction": st.column_config.TextColumn(t("column.direction"))})
    chosen = st.selectbox(t("trends.explain"), trend.anomalies[period_column].tolist(), key="trends_anomaly",
                          format_func=lambda d: format.day(pd.Timestamp(d)), bind="query-params")
    start = pd.Timestamp(chosen)
    end = start + pd.Timedelta(days={"day": 0, "week": 6}.get(grain, start.days_in_month - 1))
    expected_days = daily.periods.loc[start:end, "expected"]
    by_reason, by_channel = st.columns(2)
    by_reason.dataframe(cache.gap_by_part(version, contact_filter, expected_days, "reason").head(8), hide_index=True)
    by_channel.dataframe(cache.gap_by_part(version, contact_filter, expected_days, "channel").head(8), hide_index=True)
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
                        cache.clear_results()
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
