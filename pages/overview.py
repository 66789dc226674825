"""Overview: contacts in the period against the previous period and last year, by channel
group, top reasons, and how fresh the data is."""

import streamlit as st

from analytics import charts, table_views
from analytics.filters import channel_group_name
from analytics.i18n import t
from analytics.overview import relative_change
from ui import cache, chart, format, page

context = page.start(t("overview.title"))
contact_filter, version, freshness = context.contact_filter, context.version, context.freshness

st.caption(contact_filter.describe())
data = cache.overview(version, contact_filter)
now, prev, last_year = data.current, data.previous, data.last_year

kpi = st.columns(6)
change_vs_previous = relative_change(now.contacts, prev.contacts) if prev else None
change_vs_last_year = relative_change(now.contacts, last_year.contacts) if last_year else None
kpi[0].metric(t("overview.contacts"), format.count(now.contacts), **format.change_delta(change_vs_previous),
              help=t("overview.vs_previous", days=contact_filter.days) if prev else t("overview.no_previous"))
kpi[1].metric(t("overview.vs_last_year"), format.count(last_year.contacts) if last_year else "–",
              **format.change_delta(change_vs_last_year), help=None if last_year else t("overview.no_last_year"))
kpi[2].metric(t("overview.customers"), format.count(now.customers) if now.customers else "–",
              help=None if now.customers else t("overview.not_recorded"))
kpi[3].metric(t("overview.handle_time"), format.seconds_as_minutes(now.handle_seconds_avg))
kpi[4].metric(t("overview.fcr"), format.percent(now.fcr_rate))
kpi[5].metric(t("overview.csat"), format.percent(now.csat_pct))

if not now.contacts:
    st.info(t("overview.no_contacts"))
else:
    st.subheader(t("overview.per_day"))
    chart.show(cache.figure(charts.daily_contacts_chart,
        data.daily, contacts_label=t("overview.contacts"),
        annotations=cache.timeline(version, contact_filter.start, contact_filter.end)), key="overview_daily",
        name="overview-daily", data=data.daily, title=t("overview.per_day"))
    left, right = st.columns(2)
    with left:
        st.subheader(t("overview.by_channel_group"))
        group_names = {g: channel_group_name(g) for g in data.by_channel_group["channel_group"].unique()}
        chart.show(cache.figure(charts.channel_group_chart, data.by_channel_group,
                                contacts_label=t("overview.contacts"), group_names=group_names),
                   key="overview_channel_groups", name="overview-channel-groups", data=data.by_channel_group,
                   title=t("overview.by_channel_group"))
    with right:
        st.subheader(t("overview.top_reasons"))
        format.show_table(table_views.top_reasons_table(data.top_reasons), key="overview_top_reasons")

st.caption(t("overview.freshness", contacts=format.count(freshness.contacts),
             first=format.day(freshness.first_contact_at), last=format.moment(freshness.last_contact_at),
             last_import=format.moment(freshness.last_import_at) if freshness.last_import_at else t("overview.never")))
