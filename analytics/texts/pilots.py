"""Text for pilots: verdicts, why a method was chosen, caveats, overlap warnings, the
planner's advice and KPI names (the Pilots page adds its own labels here)."""

EN: dict[str, str] = {
    "pilots.currency": "€",
    "pilots.status.planned": "planned",
    "pilots.status.running": "running",
    "pilots.status.evaluating": "evaluating",
    "pilots.status.rolled_out": "rolled out",
    "pilots.status.stopped": "stopped",
    "pilots.method.naive": "before/after",
    "pilots.method.baseline": "seasonal baseline",
    "pilots.method.control": "control group",
    "pilots.kpi.volume": "Contacts",
    "pilots.kpi.contact_ratio": "Contacts per 1,000 {driver}",
    "pilots.kpi.contact_ratio_plain": "Contact ratio",
    "pilots.kpi.handle_time": "Handle time (seconds)",
    "pilots.kpi.first_contact_resolution": "First-contact resolution",
    "pilots.kpi.repeat_rate_7d": "Repeat within 7 days",
    "pilots.kpi.satisfaction": "Satisfaction",
    "pilots.verdict.fell": "Contacts about {target} fell {effect} (95% interval {low} to {high}) in the "
                           "{weeks}-week {window}, about {contacts} contacts{money}{season}; {spill}.",
    "pilots.verdict.rose": "Contacts about {target} rose {effect} (95% interval {low} to {high}) in the "
                           "{weeks}-week {window}, about {contacts} more contacts{money}{season}; {spill}.",
    "pilots.verdict.no_effect": "Contacts about {target} changed {effect} (95% interval {low} to {high}) in the "
                                "{weeks}-week {window}: no effect shown, the change is within what happens "
                                "without a pilot{season}; {spill}.",
    "pilots.verdict.window_pilot": "pilot",
    "pilots.verdict.window_rollout": "period after rollout",
    "pilots.verdict.money": " and {amount}",
    "pilots.verdict.money_net": " and {amount} net of the contacts that moved",
    "pilots.verdict.money_cost": " costing {amount}",
    "pilots.verdict.season": "; the season alone would have brought {season}",
    "pilots.verdict.channel_group": "{group} channels",
    "pilots.verdict.no_spill": "no shift to other channels detected",
    "pilots.verdict.no_spill_reasons": "no shift to other channels or neighbouring reasons detected",
    "pilots.verdict.spill": "about {contacts} contacts moved to {where}",
    "pilots.verdict.spill_not_checked": "other channels not checked (the pilot covers all of them)",
    "pilots.why.control": "Control group ({members}): in fake pilots before the real one it strayed {control_rms} "
                          "on average, against {baseline_rms} for the seasonal baseline, and it cancels what hits "
                          "all reasons at once (orders, weather, outages).",
    "pilots.why.baseline": "Seasonal baseline: the control group tracked {target} clearly worse before the pilot "
                           "(fake-pilot error {control_rms} against {baseline_rms}).",
    "pilots.why.baseline_thin_control": "Seasonal baseline: the history before the pilot holds too few fake "
                                        "pilots ({control_runs}) to trust the control group with {target}.",
    "pilots.why.only_baseline": "Seasonal baseline: no control group qualified (no untreated reason moved like "
                                "{target} before the pilot).",
    "pilots.why.only_control": "Control group: the seasonal baseline could not be fitted on the history before "
                               "the pilot.",
    "pilots.naive_misleads": "Before/after compares with the {days} days just before, so it counts the season, "
                             "the trend and any holiday as pilot effect (here the season alone: {season}).",
    "pilots.caveat.overlap_pilot": "Pilot \"{name}\" touches the same reasons ({reasons}) from {start}: its "
                                   "effect is mixed into this one.",
    "pilots.caveat.overlap_event": "Event \"{name}\" ({start} to {end}) concerns the same reasons during the pilot.",
    "pilots.caveat.event_near": "Event \"{name}\" ({start} to {end}) fell in the pilot or the 8 weeks before "
                                "it: it can move orders and contacts of every reason, the control group's too.",
    "pilots.caveat.short_history": "Only {days} days of history before the pilot: the baseline has no yearly "
                                   "season and the fake-pilot check is thin.",
    "pilots.caveat.few_placebos": "Only {n} fake pilots fit before the pilot (20 wanted): the interval is less "
                                  "certain than it looks.",
    "pilots.caveat.unstable_control": "The control group tracked the target only loosely before the pilot "
                                      "(weekly correlation {correlation}).",
    "pilots.caveat.no_control": "No control group: no untreated reason moved like the target before the pilot.",
    "pilots.caveat.running": "The pilot is still running: judged on {days} of its {planned} days.",
    "pilots.caveat.short_window": "Less than two weeks of pilot data: the estimate is rough.",
    "pilots.caveat.low_volume": "About {per_day} contacts a day: only large effects can be shown.",
    "pilots.caveat.no_costs": "No cost per contact for {channels}: the money figure leaves them out.",
    "pilots.caveat.kpi_missing": "Not in the data: {kpis}.",
    "pilots.caveat.control_contaminated": "Control reason {reason} rose during the pilot: contacts may have moved "
                                          "there, which would exaggerate the effect.",
    "pilots.persistence.holding": "The effect holds: in the {weeks} weeks after rollout no four weeks in a row "
                                  "came back to what happens without a pilot.",
    "pilots.persistence.faded": "The effect fades from the week of {week}: from then on every four weeks "
                                "show less than half the pilot's effect, within what happens without a pilot.",
    "pilots.persistence.too_short": "Too few weeks after rollout to judge whether the effect lasts.",
    "pilots.persistence.no_effect": "There was no effect to keep.",
    "pilots.overlap.pilot": "Overlaps pilot \"{name}\" on {reasons} (from {start}).",
    "pilots.overlap.event": "Overlaps event \"{name}\" ({start} to {end}) on {reasons}.",
    "pilots.plan.ok": "A {weeks}-week pilot can show an effect of {mde} or more (80% power, 95% interval); "
                      "the expected {expected} should show.",
    "pilots.plan.too_small": "A {weeks}-week pilot can only show an effect of {mde} or more; the expected "
                             "{expected} would likely go unseen. {advice}",
    "pilots.plan.no_expectation": "A {weeks}-week pilot can show an effect of {mde} or more (80% power, 95% "
                                  "interval).",
    "pilots.plan.need_weeks": "Run it for {needed} weeks to show {expected}.",
    "pilots.plan.never": "Even 12 weeks would not show {expected}: start with a larger target or more channels.",
}
