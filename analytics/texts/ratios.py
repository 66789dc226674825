"""Text for the Contact ratios page."""

EN: dict[str, str] = {
    "ratios.title": "Contact ratios",
    "ratios.intro": "More contacts are fine when the business grows; more contacts per order or per customer mean "
                    "something is wrong. A ratio is contacts per 1,000 of a business driver.",
    "ratios.driver": "Driver",
    "ratios.grain": "Grain",
    "ratios.view": "View",
    # no driver
    "ratios.no_driver": "**No driver in the store yet, so there are no ratios.** A ratio divides contacts by a "
                        "business volume such as orders, active customers or shipments, and this data has none. "
                        "Import one per day, week or month (a CSV with a date and a number) on the Data page, or "
                        "from the command line:",
    "ratios.no_driver_after": "Until then, this page shows the volume, handle time and cost per reason and the value "
                              "of contacts, which need no driver.",
    "ratios.to_data_import": "Import a driver on the Data page",
    # alignment
    "ratios.aligned_same": "{driver} is stored per {driver_grain}; contacts are counted per {driver_grain} too and "
                           "divided by that {driver_grain}'s {driver}.",
    "ratios.aligned_coarser": "{driver} is stored per day; contacts and {driver} are both summed per {grain} "
                              "(a {grain} at the edge of the period counts only its days in the period). For a count "
                              "of customers rather than a flow of orders, that reads as contacts per 1,000 "
                              "customer-days.",
    "ratios.aligned_whole": "{driver} is stored per {driver_grain} (first day stored); contacts are summed over the "
                            "same {driver_grain}s. Finer grains are not offered: they would need invented {driver} "
                            "values.",
    "ratios.scope": "For",
    "ratios.scope_all": "The whole business",
    "ratios.scope_help": "One product, supplier or segment that {driver} is stored for: only its contacts, per "
                         "1,000 of its own {driver}.",
    "ratios.scoped": "Only contacts about {dimension} {scope}, per 1,000 {driver} of {scope}.",
    "ratios.week_anchor": "Weeks start on {weekday}.",
    "ratios.gaps": "{gaps} of {periods} periods have no {driver} value (or a zero): they are gaps in the line, "
                   "not zeros.",
    "ratios.cut": "{cut} {driver_grain}(s) of {driver} cut by the edge of the period are left out, with their contacts.",
    "ratios.driver_missing_days": "{driver} has {gaps} missing {driver_grain}(s) between {first} and {last}.",
    # over time
    "ratios.metric_ratio": "Contacts per 1,000 {driver}",
    "ratios.metric_contacts": "Contacts (covered periods)",
    "ratios.metric_driver": "{driver} (covered periods)",
    "ratios.metric_expected": "Expected ratio",
    "ratios.metric_no_cover": "No whole {driver} period lies in the chosen dates: pick a longer period or another "
                              "driver.",
    "ratios.chart_ratio": "Contacts per 1,000 {driver}",
    "ratios.chart_expected": "Expected (season)",
    "ratios.band95": "95% band",
    "ratios.band80": "80% band",
    "ratios.baseline_help": "Expected ratio: the season of the ratio itself. A count model of contacts with "
                            "{driver} as exposure (weekday, yearly season, trend, holidays, foreseen events; fitted on "
                            "the days before the period, as on Volume trends) gives the rate the season expects; times "
                            "the actual {driver}, that is the expected contacts. A ratio above the band means more contacts "
                            "than the season gives at this business volume.",
    "ratios.baseline_help_volume": "Expected ratio: the contacts the seasonal baseline expected (fitted on the days "
                                   "before the period, as on Volume trends) ÷ the actual {driver}. {driver} is not "
                                   "stored per day, so the model cannot use it as a daily exposure: if {driver} grew "
                                   "faster than in the recent weeks, the expected ratio reads low.",
    "ratios.no_baseline": "No seasonal band: {reason}",
    # breakdown
    "ratios.breakdown": "Breakdown",
    "ratios.part_reason_l1": "Reason (level 1)",
    "ratios.part_reason_l2": "Reason (level 2)",
    "ratios.part_reason_l3": "Reason (level 3)",
    "ratios.part_product": "Product",
    "ratios.part_department": "Department",
    "ratios.part_supplier": "Supplier",
    "ratios.part_channel_group": "Channel group",
    "ratios.part_segment": "Segment",
    "ratios.per_dimension": "Each {part} is divided by its own {driver} (the driver is stored per {part}); "
                            "contacts without a {part} have no ratio.",
    "ratios.per_total": "Per 1,000 {driver} in total: {driver} is not stored per {part}, so every row is divided by "
                        "the whole business's {driver}.",
    "ratios.previous": "Previous period",
    "ratios.no_parts": "No contacts in this selection.",
    # start small
    "ratios.level": "Reason level",
    "ratios.min_contacts": "Minimum contacts for a candidate",
    "ratios.start_small_help": "Every reason{split} by volume (contacts in the period) against ratio, coloured by the "
                               "ratio's change against the previous {days} days. **Start small** where volume is "
                               "below the median ({volume} contacts) and the ratio above the median ({ratio} per "
                               "1,000 {driver}), among rows with at least {min_contacts} contacts: a pilot there is "
                               "small enough to be safe, and the ratio says there is something to gain.",
    "ratios.split_by": " within each {dimension}",
    "ratios.degenerate": "{driver} is stored only for the whole business, so every reason's ratio is its volume over "
                         "the same total: no reason is both smaller and relatively higher. Pick a driver stored per "
                         "product, supplier or segment to find start-small candidates.",
    "ratios.too_few": "Too few reasons with a ratio and at least {min_contacts} contacts to set thresholds.",
    "ratios.candidates": "Start-small candidates",
    "ratios.no_candidates": "No reason has both a below-median volume and an above-median ratio.",
    "ratios.candidate_line": "**{unit}**: {contacts} contacts (median {volume}), {ratio} per 1,000 {driver}{of} "
                             "(median {ratio_median}), {trend} against the previous period; cost {cost}.",
    "ratios.candidate_of": " of {value}",
    "ratios.trend_unknown": "no earlier ratio",
    "ratios.table": "All reasons (click a column to sort)",
    "ratios.no_driver_table": "Volume, handle time and cost per reason (no driver, so no ratio).",
    "ratios.cost_unknown": "Cost unknown for {contacts} contacts: their channels have no cost per contact "
                           "(set it on the Data page under Channels).",
    "ratios.cost_help": "Cost = contacts × the cost per contact of the channels they came through.",
    # value
    "ratios.value_help": "Each reason can be tagged valuable (tells us how to improve), avoidable (should not have "
                         "happened), automatable (could be self-service) or no value (spam). Reduce the avoidable, "
                         "automate the automatable, learn from the valuable.",
    "ratios.unclassified": "{contacts} contacts ({share}) have a reason without a value class.",
    "ratios.to_data_reasons": "Classify reasons on the Data page (Reasons)",
    "ratios.class_valuable": "valuable",
    "ratios.class_avoidable": "avoidable",
    "ratios.class_automatable": "automatable",
    "ratios.class_no_value": "no value",
    "ratios.class_not_classified": "not classified",
    # columns
    "ratios.col_reason": "Reason",
    "ratios.col_unit": "Reason · {dimension}",
    "ratios.col_part": "Value",
    "ratios.col_contacts": "Contacts",
    "ratios.col_ratio": "Per 1,000 {driver}",
    "ratios.col_previous": "Previous period",
    "ratios.col_change": "Trend",
    "ratios.col_handle_minutes": "Handle time (min)",
    "ratios.col_handle_hours": "Handle hours",
    "ratios.col_cost": "Cost",
    "ratios.col_cost_unknown": "Cost unknown (contacts)",
    "ratios.col_candidate": "Start small",
    "ratios.col_class": "Value class",
    "ratios.col_share": "Share",
    "ratios.col_driver": "{driver}",
    "ratios.col_denominator": "Divided by",
    "ratios.contacts": "Contacts",
    "ratios.cost": "Cost",
    "ratios.quadrant": "Start small: low volume, high ratio",
    "ratios.candidate": "Candidate",
    "ratios.change": "Ratio vs previous period",
}
