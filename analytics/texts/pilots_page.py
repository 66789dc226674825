"""Text of the Pilots page: the registry, the evaluation of one pilot and the planner (the
engine's sentences, verdicts and caveats are in ``analytics/texts/pilots.py``)."""

EN: dict[str, str] = {
    "pilots_page.intro": "A pilot tries one fix on one contact reason for a few weeks. Register it here, then see "
                         "what it really changed: against the season and a control group, on every KPI, with "
                         "the contacts that moved elsewhere and whether the effect lasts.",
    "pilots_page.filters_not_used": "The sidebar filters (period, reason, channel, department) do not apply here: "
                                    "each pilot is judged on its own target, channels and dates.",
    "pilots_page.view": "View",
    "pilots_page.view_registry": "Registry",
    "pilots_page.view_evaluation": "Evaluation",
    "pilots_page.view_planner": "Planner",
    # Registry
    "pilots_page.registry": "Registered pilots",
    "pilots_page.registry_help": "Headline: the effect with its 95% interval, filled in once a pilot has been "
                                 "opened in the Evaluation view. Overlaps: other pilots or events that touch the "
                                 "same reasons while the pilot runs.",
    "pilots_page.none": "No pilots registered yet.",
    "pilots_page.none_how": "Add one in the **Registry** view (**Add a pilot**): give it a name, one or more target "
                            "reasons (any level), optionally channels and a segment, its first and last day, and "
                            "the effect you expect. The **Planner** view tells you beforehand how long it must "
                            "run to show that effect. From the shell:",
    "pilots_page.col_name": "Pilot",
    "pilots_page.col_status": "Status",
    "pilots_page.col_target": "Target",
    "pilots_page.col_window": "Pilot window",
    "pilots_page.col_rollout": "Rollout",
    "pilots_page.col_control": "Control group",
    "pilots_page.col_owner": "Owner",
    "pilots_page.col_expected": "Expected effect",
    "pilots_page.col_headline": "Headline (95% interval)",
    "pilots_page.col_overlaps": "Overlaps",
    "pilots_page.add_title": "Add a pilot",
    "pilots_page.edit_title": "Edit or delete a pilot",
    "pilots_page.edit_pick": "Pilot to change",
    "pilots_page.field_name": "Name",
    "pilots_page.field_name_placeholder": "e.g. Track-and-trace e-mail",
    "pilots_page.field_status": "Status",
    "pilots_page.field_target": "Target reasons",
    "pilots_page.field_target_help": "One or more reasons at any level: \"Delivery\" covers every reason under it.",
    "pilots_page.field_target_placeholder": "Choose one or more reasons",
    "pilots_page.field_channels": "Channels",
    "pilots_page.all_channels": "All channels",
    "pilots_page.field_segment": "Segment",
    "pilots_page.all_segments": "All segments",
    "pilots_page.no_segments": "The contacts in this store carry no segment.",
    "pilots_page.field_start": "First day",
    "pilots_page.field_end": "Last day",
    "pilots_page.field_rollout": "Rollout date (optional)",
    "pilots_page.field_rollout_help": "The day the change went everywhere, after the pilot's last day. The period "
                                      "after it is judged separately, week by week.",
    "pilots_page.field_control": "Control reasons",
    "pilots_page.control_automatic": "Automatic",
    "pilots_page.field_control_help": "Leave empty to let the untreated reasons whose history moved most like the "
                                      "target be chosen. A control reason cannot overlap the target.",
    "pilots_page.field_expected": "Expected effect (%)",
    "pilots_page.field_expected_placeholder": "e.g. -20",
    "pilots_page.field_expected_help": "The change the team expects, in percent: -20 means 20% fewer contacts.",
    "pilots_page.field_owner": "Owner",
    "pilots_page.field_hypothesis": "Hypothesis",
    "pilots_page.field_hypothesis_placeholder": "What should change, and why?",
    "pilots_page.add": "Add pilot",
    "pilots_page.save": "Save changes",
    "pilots_page.need_dates": "Give the pilot's first and last day.",
    "pilots_page.refused": "Not saved: {reason}",
    "pilots_page.added": "Pilot \"{name}\" added.",
    "pilots_page.saved": "Pilot \"{name}\" saved.",
    "pilots_page.deleted": "Pilot \"{name}\" deleted.",
    "pilots_page.delete": "Delete this pilot",
    "pilots_page.delete_confirm": "Delete pilot \"{name}\"? This cannot be undone.",
    "pilots_page.delete_yes": "Yes, delete",
    "pilots_page.delete_no": "Cancel",
    # Evaluation
    "pilots_page.pick": "Pilot",
    "pilots_page.spec_target": "**Target:** {target}",
    "pilots_page.spec_window": "**Pilot:** {start} to {end} ({weeks} weeks)",
    "pilots_page.spec_status": "**Status:** {status}",
    "pilots_page.spec_rollout": "**Rollout:** {day}",
    "pilots_page.spec_owner": "**Owner:** {owner}",
    "pilots_page.spec_hypothesis": "Hypothesis: {hypothesis}",
    "pilots_page.evaluating": "Evaluating \"{name}\" (fitting the baseline and running the fake pilots)…",
    "pilots_page.cannot_evaluate": "This pilot cannot be evaluated yet: {reason}",
    "pilots_page.metric_effect": "Effect on contacts",
    "pilots_page.metric_effect_help": "Actual contacts against what the chosen method expected without the pilot, "
                                      "over the pilot window.",
    "pilots_page.interval": "95% interval {low} to {high}",
    "pilots_page.interval_short": "{low} to {high}",
    "pilots_page.effect_interval": "{effect} ({low} to {high})",
    "pilots_page.metric_contacts": "Contacts (actual − expected)",
    "pilots_page.metric_money": "Money saved",
    "pilots_page.metric_method": "Method",
    "pilots_page.p_value": "p-value {p}",
    "pilots_page.chart_title": "Contacts against what would have happened without the pilot",
    "pilots_page.chart_actual": "Actual contacts per week",
    "pilots_page.chart_expected": "Expected without the pilot",
    "pilots_page.chart_band": "95% band",
    "pilots_page.chart_pilot": "Pilot",
    "pilots_page.chart_rollout": "Rollout",
    "pilots_page.chart_y": "Contacts per week",
    "pilots_page.chart_week_of": "Week of",
    "pilots_page.chart_help_control": "Before the pilot the dashed line is the control group scaled to the target's "
                                      "share of it over the 8 weeks before the pilot: where it tracks the black "
                                      "line, the control is a fair stand-in. From the pilot on, the blue band is "
                                      "what the target would have been without the pilot (95%). The shaded weeks "
                                      "are the pilot.",
    "pilots_page.chart_help_baseline": "From the pilot on, the dashed line and the blue band are the seasonal "
                                       "baseline fitted on the days before the pilot only (95%). The shaded weeks "
                                       "are the pilot.",
    "pilots_page.methods_title": "Three ways to measure it",
    "pilots_page.col_method": "Method",
    "pilots_page.col_expected_contacts": "Expected",
    "pilots_page.col_actual": "Actual",
    "pilots_page.col_effect": "Effect",
    "pilots_page.col_interval": "95% interval",
    "pilots_page.col_fake": "Fake pilots",
    "pilots_page.col_false_positive": "False alarms",
    "pilots_page.methods_help": "★ the headline method. Fake pilots: the method run at start dates before the "
                                "pilot, where nothing happened. False alarms: the share of them its interval would "
                                "have called an effect (about 5% is honest).",
    "pilots_page.placebo_title": "Placebo check: what the method finds where nothing happened",
    "pilots_page.placebo_text": "The {method} was run at {n} fake start dates before the pilot, same window length. "
                                "It strayed {spread} on average (log scale), and its interval would have called "
                                "{rate} of them an effect. A real effect stands clear of the grey bars.",
    "pilots_page.placebo_none": "Too little history before the pilot for fake pilots.",
    "pilots_page.placebo_fake": "Fake pilots",
    "pilots_page.placebo_real": "{name}",
    "pilots_page.placebo_x": "Effect found",
    "pilots_page.placebo_y": "Fake pilots",
    "pilots_page.kpis_title": "Every KPI",
    "pilots_page.kpis_x": "Change during the pilot (95% interval)",
    "pilots_page.col_kpi": "KPI",
    "pilots_page.col_before": "Before / expected",
    "pilots_page.col_during": "During",
    "pilots_page.col_significant": "Beyond chance",
    "pilots_page.yes": "yes",
    "pilots_page.no": "no",
    "pilots_page.kpis_help": "Contacts against the headline method; the rates (contact ratio, handle time, "
                             "resolution, repeats, satisfaction) against the 8 weeks before, with an interval "
                             "from fake pilots in the year before. Coloured: beyond chance.",
    "pilots_page.spill_title": "Spill-over: did the contacts just move?",
    "pilots_page.spill_targeted": "In the targeted channels ({channels})",
    "pilots_page.spill_all": "Across all channels",
    "pilots_page.spill_all_help": "If the effect across all channels is much smaller than in the targeted ones, "
                                  "contacts moved to other channels rather than went away.",
    "pilots_page.shift_channel": "Channel {name}",
    "pilots_page.shift_channel_group": "Channel group {name}",
    "pilots_page.shift_reason": "Reason {name}",
    "pilots_page.spill_x": "Change in contacts during the pilot (95% interval; more is a possible shift)",
    "pilots_page.spill_detected": "Shifts detected (beyond chance after correcting for the number of places "
                                  "looked at): **{detected}**. Largest increases: {shifts}.",
    "pilots_page.spill_none": "No shift beyond chance. Largest increases elsewhere (contacts over the pilot): "
                              "{shifts}.",
    "pilots_page.money_title": "Money",
    "pilots_page.money_saved": "Saved on avoided contacts",
    "pilots_page.money_spill": "Cost of contacts that moved",
    "pilots_page.money_net": "Net",
    "pilots_page.money_help": "Avoided contacts × {cost} per contact (the targeted channels' costs, weighted by "
                              "their share of the target's contacts), minus what the contacts that moved cost.",
    "pilots_page.money_none": "No cost per contact is known for the targeted channels (set them on the Data page).",
    "pilots_page.persistence_title": "Does it last?",
    "pilots_page.persistence_week": "One week",
    "pilots_page.persistence_rolling": "Four weeks from that week",
    "pilots_page.persistence_pilot": "Pilot's effect",
    "pilots_page.persistence_fades": "Fades",
    "pilots_page.persistence_y": "Effect on contacts",
    "pilots_page.rollout_verdict": "**After rollout:** {verdict}",
    "pilots_page.caveats_title": "Caveats",
    "pilots_page.caveats_none": "None found: no overlapping pilots or events, enough history, a steady control group.",
    # Planner
    "pilots_page.planner": "Plan a pilot",
    "pilots_page.planner_intro": "Before a pilot starts: how large an effect can it show in the weeks it runs, "
                                 "from the target's own ups and downs? A small target (one reason in one channel) "
                                 "is easy to change but noisy; start small where the ratio is high, and let it run "
                                 "long enough.",
    "pilots_page.start_small_link": "Start-small candidates (low volume, high ratio) on Contact ratios",
    "pilots_page.plan_weeks": "Pilot length (weeks)",
    "pilots_page.plan_submit": "Plan",
    "pilots_page.plan_need_target": "Choose at least one target reason.",
    "pilots_page.planning": "Running fake pilots of 1 to 12 weeks on the target's history…",
    "pilots_page.plan_for": "**{target}**: about {per_day} contacts a day over the last 8 weeks.",
    "pilots_page.plan_mde": "Smallest effect a {weeks}-week pilot shows",
    "pilots_page.plan_expected": "Expected effect",
    "pilots_page.plan_needed": "Weeks needed for it",
    "pilots_page.plan_needed_never": "more than 12",
    "pilots_page.plan_start_small": "Start small, but not too small: add channels or a neighbouring reason to the "
                                    "target, or run the pilot longer. The Contact ratios page lists reasons with "
                                    "a high ratio and enough volume.",
    "pilots_page.plan_chart_mde": "Smallest detectable effect (80% power)",
    "pilots_page.plan_chart_expected": "Expected effect",
    "pilots_page.plan_chart_chosen": "Chosen length",
    "pilots_page.plan_chart_x": "Pilot length (weeks)",
    "pilots_page.plan_chart_y": "Fewer contacts",
    "pilots_page.plan_help": "From fake pilots over the last year of the target's data: a pilot whose true effect "
                             "is at least this large is shown beyond chance 4 times in 5. Lengths where the line "
                             "is below the expected effect can show it.",
}
