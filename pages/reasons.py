"""Reasons & channels: the reason tree under the filter with its comparisons, the Pareto
and the top movers, the channel mix, reasons by channel, contacts by hour and weekday,
customer journeys (repeat contacts, channels per issue, first-contact resolution), a search in
what customers wrote and the reasons learned from it (suggestions for "Other", candidate new
reasons, a proposed tree; both for the roles that may read texts).

One section at a time (a segmented control bound to the URL), so only the shown section
queries the store."""

import pandas as pd
import streamlit as st

from analytics import breakdowns, journeys, table_views, text_search
from analytics.charts import reasons as charts
from analytics.i18n import t
from ui import cache, chart, format, page, reason_suggestions_panel, roles

SECTIONS = ["Reasons", "Pareto", "Channels", "Journeys", "Texts", "Reasons from texts"]
GRAINS = ["Day", "Week", "Month"]
MIX_BY = ["Channel", "Group"]


context = page.start(t("reasons.title"))
contact_filter, version = context.contact_filter, context.version
st.caption(contact_filter.describe())

controls = st.columns([3, 2])
section = controls[0].segmented_control(t("reasons.section"), SECTIONS, default="Reasons", key="reasons_section",
                                        bind="query-params", format_func=format.option_text("reasons.section_"),
                                        label_visibility="collapsed") or "Reasons"
levels = breakdowns.reason_levels_to_show(contact_filter)
level = controls[1].segmented_control(t("reasons.level"), levels, default=levels[0], key="reasons_level",
                                      bind="query-params", help=t("reasons.level_help")) or levels[0]

compare_previous, compare_last_year = breakdowns.comparable_periods(context.freshness, contact_filter)
tree = cache.reason_tree(version, contact_filter, compare_previous, compare_last_year)
at_level = breakdowns.reasons_at_level(tree, level)
labels = {"contacts": t("column.contacts"), "share": t("column.share"), "change": t("column.change"),
          "previous": t("column.previous"), "cumulative": t("reasons.cumulative"), "per_day": t("reasons.per_day"),
          "hour": t("reasons.hour"), "issues": t("reasons.issues"), "channels": t("reasons.channels_count"),
          "fcr": t("reasons.fcr_long")}
if tree.empty:
    st.info(t("reasons.no_contacts"))
    st.stop()

if section == "Reasons":
    st.subheader(t("reasons.tree"))
    st.caption(t("reasons.tree_help") if compare_previous else t("reasons.tree_no_compare"))
    chart.show(cache.figure(charts.reason_treemap, tree, labels=labels), key="reasons_treemap", name="reasons-tree",
               data=tree,
               title=t("reasons.tree"))
    st.subheader(t("reasons.table", level=level))
    missing = breakdowns.unrecorded_measures(tree)
    notes = [t("reasons.table_help", total=format.count(at_level["contacts"].sum()))]
    notes += [] if compare_previous else [t("reasons.no_previous")]
    notes += [] if compare_last_year else [t("reasons.no_last_year")]
    if missing:
        notes.append(t("reasons.not_recorded", measures=", ".join(t(f"reasons.measure_{m}") for m in missing)))
    st.caption(" ".join(notes))
    format.show_table(table_views.reasons_table(at_level, [m for m in breakdowns.MEASURES if m not in missing]),
                      key="reasons_table")

elif section == "Pareto":
    st.subheader(t("reasons.pareto"))
    table = breakdowns.pareto(at_level)
    needed = breakdowns.reasons_for_share(table)
    if needed is None:
        st.markdown(t("reasons.pareto_none", total=len(table), level=level,
                      share=format.percent(table["cumulative_share"].iloc[-1])))
    else:
        st.markdown(t("reasons.pareto_sentence", count=needed, total=len(table), level=level))
    chart.show(cache.figure(charts.pareto_chart, table, labels=labels), key="reasons_pareto", name="reasons-pareto",
               data=table,
               title=t("reasons.pareto"))
    st.subheader(t("reasons.movers", days=contact_filter.days))
    if not compare_previous:
        st.info(t("reasons.movers_no_previous"))
    else:
        up, down = breakdowns.top_movers(at_level)
        if up.empty and down.empty:
            st.info(t("reasons.movers_none"))
        else:
            chart.show(cache.figure(charts.movers_chart, up, down, labels=labels), key="reasons_movers",
                       name="reasons-movers",
                       data=pd.concat([up, down], ignore_index=True),
                       title=t("reasons.movers", days=contact_filter.days))
        st.caption(t("reasons.movers_rule", min_contacts=breakdowns.MIN_MOVER_CONTACTS))

elif section == "Channels":
    st.subheader(t("reasons.mix"))
    mix_controls = st.columns([2, 2, 3])
    grain = mix_controls[0].segmented_control(t("reasons.grain"), GRAINS, default="Week", key="reasons_grain",
                                              bind="query-params", format_func=format.option_text("option.")) or "Week"
    mix_by = mix_controls[1].segmented_control(t("reasons.mix_by"), MIX_BY, default="Channel", key="reasons_mix_by",
                                               bind="query-params", format_func=format.option_text("reasons.mix_")) or "Channel"
    mix = cache.channel_mix(version, contact_filter, grain.lower())
    group_names = {g: t(f"group.{g}") for g in ("voice", "chat", "written", "personal", "other")}
    chart.show(cache.figure(charts.channel_mix_chart, mix, by=mix_by.lower(), labels=labels, group_names=group_names,
                            annotations=cache.timeline(version, contact_filter.start, contact_filter.end)),
               key="reasons_mix", name="reasons-channel-mix", data=mix, title=t("reasons.mix"))
    st.caption(t("reasons.mix_help"))

    st.subheader(t("reasons.heatmap"))
    as_shares = st.toggle(t("reasons.heatmap_shares"), value=True, key="reasons_heatmap_shares", bind="query-params")
    cells = cache.reason_by_channel(version, contact_filter, level)
    shown = min(charts.HEATMAP_MAX_REASONS, cells["reason"].nunique())
    chart.show(cache.figure(charts.reason_channel_heatmap, cells, value="share_of_reason" if as_shares else "contacts",
                            labels=labels,
                            channel_groups=dict(zip(mix["channel"], mix["channel_group"]))),
               key="reasons_heatmap", name="reasons-by-channel",
               data=cells, title=t("reasons.heatmap"))
    st.caption(t("reasons.heatmap_help" if as_shares else "reasons.heatmap_help_counts", shown=shown, level=level))

    st.subheader(t("reasons.hours"))
    channel_names = sorted(mix["channel"].unique())
    picked = st.selectbox(t("reasons.hours_channel"), channel_names, index=None, key="reasons_hours_channel",
                          placeholder=t("reasons.hours_all"), bind="query-params")
    hours = cache.hour_weekday(version, contact_filter, picked)
    if not hours.contacts:
        st.info(t("reasons.hours_none"))
    elif not hours.has_times:
        st.info(t("reasons.hours_no_times"))
    else:
        weekdays = [t(f"reasons.weekday_{d}") for d in range(1, 8)]
        chart.show(cache.figure(charts.hour_weekday_heatmap, hours.cells, weekday_names=weekdays, labels=labels),
                   key="reasons_hours", name="reasons-hours", data=hours.cells, title=t("reasons.hours"))
        st.caption(t("reasons.hours_help", contacts=format.count(hours.contacts)))

elif section == "Texts":
    st.subheader(t("reasons.texts"))
    reader = roles.actor()
    if not roles.can_read_texts():
        role = t(f"roles.role_{reader.role.name.lower()}") if reader else t("roles.role_viewer")
        st.info(t("reasons.texts_hidden", role=role), icon=":material/visibility_off:")
    elif not cache.store_has_texts(version):
        st.info(t("reasons.texts_none"))
    else:
        words = st.text_input(t("reasons.texts_search"), key="reasons_text_words", bind="query-params",
                              placeholder=t("reasons.texts_placeholder"), help=t("reasons.texts_search_help"))
        found = cache.text_search(version, contact_filter, words)
        if not found.contacts_with_text:
            st.info(t("reasons.texts_none_in_filter"))
        elif not found.matching_contacts:
            st.info(t("reasons.texts_no_match", words=found.words))
        else:
            st.markdown(text_search.search_summary(found))
            st.caption(t("reasons.texts_sample", shown=format.count(len(found.sample))))
            format.show_table(text_search.text_sample_table(found), key="reasons_texts_table")

elif section == "Reasons from texts":
    reason_suggestions_panel.show(version)

else:
    window = int(st.columns([1, 3])[0].number_input(
        t("reasons.window"), min_value=1, max_value=journeys.MAX_WINDOW_DAYS, value=journeys.DEFAULT_WINDOW_DAYS,
        step=1, key="reasons_window", bind="query-params", help=t("reasons.window_help")))
    followed = journeys.journey_filter(contact_filter)
    if followed != contact_filter:
        st.info(t("reasons.journeys_clipped", days=journeys.MAX_PERIOD_DAYS, start=format.day(followed.start),
                  end=format.day(followed.end)), icon=":material/timelapse:")
    repeats = cache.repeat_contacts(version, followed, window, level)
    st.subheader(t("reasons.repeats"))
    if not repeats.has_customers:
        st.info(t("reasons.no_customers"))
    else:
        total = repeats.total
        kpi = st.columns(3)
        kpi[0].metric(t("reasons.repeat_any", days=window), format.percent(total["repeat_rate_any"], digits=1))
        kpi[1].metric(t("reasons.repeat_same", days=window), format.percent(total["repeat_rate_same"], digits=1),
                      help=t("reasons.repeat_same_help"))
        kpi[2].metric(t("reasons.observed"), format.count(total["observed_contacts"]),
                      help=t("reasons.observed_help", days=window, excluded=format.count(repeats.too_recent)))
        st.caption(t("reasons.repeat_rule", days=window, observed=format.count(total["observed_contacts"]),
                     excluded=format.count(repeats.too_recent), without=format.count(repeats.without_customer)))
        left, right = st.columns(2)
        left.markdown(f"**{t('reasons.repeats_by_reason')}**")
        format.show_table(table_views.repeats_table(repeats.by_reason), key="reasons_repeats_reason", where=left)
        right.markdown(f"**{t('reasons.repeats_by_channel')}**")
        format.show_table(table_views.repeats_table(repeats.by_channel), key="reasons_repeats_channel", where=right)

        st.subheader(t("reasons.issue_channels"))
        issues = cache.channels_per_issue(version, followed, window)
        if not issues.issues:
            st.info(t("reasons.issue_none"))
        else:
            st.markdown(t("reasons.issue_channels_sentence", share=format.percent(issues.multi_channel_share, digits=1),
                          issues=format.count(issues.issues)))
            chart.show(cache.figure(charts.issue_channels_chart, issues.distribution, labels=labels),
                       key="reasons_issues",
                       name="reasons-issue-channels", data=issues.distribution, title=t("reasons.issue_channels"),
                       scope=followed)
        st.caption(t("reasons.issue_channels_help", days=window, open=format.count(issues.open_issues)))

    st.subheader(t("reasons.fcr"))
    if "fcr_rate" in breakdowns.unrecorded_measures(tree):
        st.info(t("reasons.fcr_not_recorded"))
    else:
        cells = cache.reason_by_channel(version, contact_filter, level)
        chart.show(cache.figure(charts.fcr_heatmap, cells, labels=labels), key="reasons_fcr", name="reasons-fcr",
                   data=cells,
                   title=t("reasons.fcr"))
        st.caption(t("reasons.fcr_help", min_contacts=charts.MIN_FCR_CONTACTS))
