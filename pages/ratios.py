"""Contact ratios: contacts per 1,000 of a business driver over time against the season,
per breakdown, the "start small" pilot candidates, and the value of contacts. Without a
driver: what is missing and how to add one, and the views that need none."""

import streamlit as st

from analytics import table_views
from analytics.charts import ratios as charts
from analytics.i18n import TEXT, t
from ui import cache, chart, format, page

context = page.start(t("ratios.title"))
contact_filter, version = context.contact_filter, context.version
first_day = context.freshness.first_contact_at.date()
st.caption(t("ratios.intro"))

drivers = cache.ratio_driver_names(version)
driver = None
if drivers:
    controls = st.columns([2, 2, 4])
    driver = controls[0].selectbox(t("ratios.driver"), drivers, key="ratios_driver", bind="query-params")
    info = cache.ratio_driver_info(version, driver)
else:
    st.warning(t("ratios.no_driver"))
    st.code("python -m analytics import drivers orders.csv --name orders --map day=Date --map value=Orders",
            language="sh")
    st.page_link("pages/data.py", label=t("ratios.to_data_import"), icon=":material/upload:",
                 query_params={"data_section": "Import"})
    st.caption(t("ratios.no_driver_after"))

# The option strings go into the URL as they are, so they are fixed English words.
views = ["Over time", "Breakdown", "Start small", "Value"] if driver else ["Start small", "Value"]
view = st.segmented_control(t("ratios.view"), views, default=views[0], key="ratios_view",
                            bind="query-params", format_func=format.option_text("ratios.view_")) or views[0]
st.caption(contact_filter.describe())


def dimension_word(dimension: str) -> str:
    """"product", "supplier", "segment" in the active language, for inside a sentence."""
    return t(f"ratios.part_{dimension}").lower() if f"ratios.part_{dimension}" in TEXT["en"] else dimension


def cost_note(unknown: float) -> None:
    st.caption(t("ratios.cost_help"))
    if unknown:
        st.warning(t("ratios.cost_unknown", contacts=format.count(unknown)))


if view == "Over time":
    grains = [g.capitalize() for g in info.grains]
    grain = (controls[1].segmented_control(t("ratios.grain"), grains, default=grains[0], key="ratios_grain",
                                           bind="query-params", format_func=format.option_text("option.")) or grains[0]).lower()
    if grain not in info.grains:
        grain = info.grains[0]
    scopes = cache.ratio_driver_scopes(version, driver)
    scope_label = controls[2].selectbox(t("ratios.scope"), list(scopes), index=None, key="ratios_scope",
                                        placeholder=t("ratios.scope_all"), bind="query-params",
                                        disabled=not scopes, help=t("ratios.scope_help", driver=driver))
    scope = scopes.get(scope_label, ("", ""))
    trend = cache.ratio_trend(version, contact_filter, driver, grain, first_day, scope)
    overall = trend.overall
    if overall["ratio"] is None:
        st.warning(t("ratios.metric_no_cover", driver=driver))
    else:
        cols = st.columns(4)
        cols[0].metric(t("ratios.metric_ratio", driver=driver), format.rate(overall["ratio"], 1))
        if overall["expected_ratio"] is not None:
            cols[1].metric(t("ratios.metric_expected"), format.rate(overall["expected_ratio"], 1))
        cols[2].metric(t("ratios.metric_contacts"), format.count(overall["contacts"]))
        cols[3].metric(t("ratios.metric_driver", driver=driver), format.count(overall["driver_value"]))
    aligned = ("ratios.aligned_whole" if info.grain != "day" else
               "ratios.aligned_same" if grain == "day" else "ratios.aligned_coarser")
    alignment = [t(aligned, driver=driver, driver_grain=t(f"option.{info.grain}").lower(),
                   grain=t(f"option.{grain}").lower())]
    if scope_label:
        alignment.append(t("ratios.scoped", scope=scope[1], dimension=dimension_word(scope[0]), driver=driver))
    if info.grain == "week":
        alignment.append(t("ratios.week_anchor", weekday=t(f"reasons.weekday_{info.anchor_weekday + 1}")))
    if trend.gaps:
        alignment.append(t("ratios.gaps", gaps=trend.gaps, periods=len(trend.periods), driver=driver))
    if trend.cut_periods:
        alignment.append(t("ratios.cut", cut=trend.cut_periods, driver=driver,
                               driver_grain=t(f"option.{info.grain}").lower()))
    st.info(" ".join(alignment), icon=":material/straighten:")
    chart.show(cache.figure(charts.ratio_chart, trend.periods, labels={
        "actual": t("ratios.chart_ratio", driver=driver), "axis": t("ratios.chart_ratio", driver=driver),
        "expected": t("ratios.chart_expected"), "band95": t("ratios.band95"), "band80": t("ratios.band80"),
    }, annotations=cache.timeline(version, contact_filter.start, contact_filter.end)), key="ratios_chart",
        name="ratios-over-time", data=trend.periods,
        title=" · ".join([t("ratios.chart_ratio", driver=driver), *([scope[1]] if scope_label else [])]))
    if trend.baseline_note:
        st.caption(t("ratios.no_baseline", reason=trend.baseline_note))
    else:
        st.caption(t("ratios.baseline_help" if trend.baseline_kind == "exposure" else "ratios.baseline_help_volume",
                     driver=driver))
    for note in trend.notes:
        st.caption(note)

elif view == "Breakdown":
    # Shown and put in the URL as fixed English words (like the view and grain options).
    BREAKDOWNS = {"Reason level 1": "reason_l1", "Reason level 2": "reason_l2", "Reason level 3": "reason_l3",
                  "Product": "product", "Department": "department", "Supplier": "supplier",
                  "Channel group": "channel_group", "Segment": "segment"}
    offered = cache.ratio_breakdowns(version, contact_filter)
    choice = controls[1].selectbox(t("ratios.breakdown"), [k for k, v in BREAKDOWNS.items() if v in offered],
                                   key="ratios_breakdown", bind="query-params",
                                   format_func=format.option_text("ratios.part_"))
    if choice is None:
        st.info(t("ratios.no_parts"))
        st.stop()
    part = BREAKDOWNS[choice]
    part_label = t(f"ratios.part_{part}").lower()
    table = cache.ratio_by_part(version, contact_filter, driver, part)
    per_dimension = (table["denominator"] == "dimension").any()
    st.caption(t("ratios.per_dimension" if per_dimension else "ratios.per_total", part=part_label, driver=driver))
    chart.show(cache.figure(charts.part_ratio_chart, table,
                            labels={"ratio": t("ratios.chart_ratio", driver=driver), "previous": t("ratios.previous")}),
               key="ratios_part_chart", name="ratios-breakdown", data=table,
               title=f"{t('ratios.chart_ratio', driver=driver)} · {t(f'ratios.part_{part}')}")
    format.show_table(table_views.ratio_parts_table(table, part, driver), key="ratios_part_table")
    cost_note(table["cost_unknown_contacts"].sum())

elif view == "Start small":
    level = st.segmented_control(t("ratios.level"), [1, 2, 3], default=2, key="ratios_level",
                                 bind="query-params") or 2
    min_contacts = 20
    small = cache.ratio_start_small(version, contact_filter, driver, int(level), min_contacts)
    table = small.table
    if driver:
        if small.volume_threshold is None:
            st.info(t("ratios.degenerate" if not small.dimension else "ratios.too_few", driver=driver,
                      min_contacts=min_contacts))
        else:
            st.markdown(t("ratios.start_small_help", driver=driver, days=contact_filter.days,
                          split=t("ratios.split_by", dimension=dimension_word(small.dimension)) if small.dimension else "",
                          volume=format.count(small.volume_threshold), ratio=format.rate(small.ratio_threshold, 1),
                          min_contacts=min_contacts))
            if not small.dimension:
                st.info(t("ratios.degenerate", driver=driver))
            chart.show(cache.figure(charts.start_small_chart,
                table, volume_threshold=small.volume_threshold, ratio_threshold=small.ratio_threshold,
                labels={"volume": t("ratios.contacts"), "ratio": t("ratios.chart_ratio", driver=driver),
                        "change": t("ratios.change"), "quadrant": t("ratios.quadrant"),
                        "candidate": t("ratios.candidate")}), key="ratios_scatter", name="ratios-start-small",
                data=table, title=t("exports.title_start_small"))
            st.subheader(t("ratios.candidates"))
            candidates = small.candidates
            if candidates.empty:
                st.info(t("ratios.no_candidates"))
            for row in candidates.itertuples():
                trend_text = (format.percent(row.change, signed=True) if row.change == row.change
                              else t("ratios.trend_unknown"))
                st.markdown("- " + t("ratios.candidate_line", unit=row.unit, contacts=format.count(row.contacts),
                                     volume=format.count(small.volume_threshold), ratio=format.rate(row.ratio, 1),
                                     driver=driver, ratio_median=format.rate(small.ratio_threshold, 1), trend=trend_text,
                                     of=t("ratios.candidate_of", value=row.dimension_value) if small.dimension else "",
                                     cost=format.money(row.cost)))
        st.subheader(t("ratios.table"))
    else:
        st.subheader(t("ratios.no_driver_table"))
    unit_label = (t("ratios.col_unit", dimension=dimension_word(small.dimension)) if small.dimension
                  else t("ratios.col_reason"))
    format.show_table(table_views.start_small_table(table, unit_label=unit_label, driver=driver), key="ratios_table")
    cost_note(table["cost_unknown_contacts"].sum())

else:
    classes = cache.ratio_value_classes(version, contact_filter)
    st.markdown(t("ratios.value_help"))
    names = {c: t(f"ratios.class_{c}") for c in classes["value_class"]}
    cols = st.columns(len(classes))
    for col, row in zip(cols, classes.itertuples()):
        col.metric(names[row.value_class], format.count(row.contacts),
                   None if row.cost != row.cost else format.money(row.cost),
                   delta_color="off", delta_arrow="off")
    chart.show(cache.figure(charts.value_class_chart, classes,
                            labels={**names, "contacts": t("ratios.contacts"), "cost": t("ratios.cost")}),
               key="ratios_value_chart",
               name="ratios-value", data=classes, title=t("exports.title_value"))
    format.show_table(table_views.value_classes_table(classes), key="ratios_value_table")
    unclassified = classes.set_index("value_class").loc["not_classified"]
    if unclassified["contacts"]:
        st.warning(t("ratios.unclassified", contacts=format.count(unclassified["contacts"]),
                     share=format.percent(unclassified["share"])))
    st.page_link("pages/data.py", label=t("ratios.to_data_reasons"), icon=":material/account_tree:",
                 query_params={"data_section": "Reasons"})
    cost_note(classes["cost_unknown_contacts"].sum())
