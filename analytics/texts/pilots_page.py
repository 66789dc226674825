"""Text of the Pilots page: the registry, the evaluation of one pilot and the planner (the
engine's sentences, verdicts and caveats are in ``analytics/texts/pilots.py``)."""

EN: dict[str, str] = {
    "pilots_page.intro": "A pilot tries one fix on one contact reason for a few weeks. Register it here, then see "
                         "what it really changed: against the season and a control group, on every KPI, with "
                         "the contacts that moved elsewhere and whether the effect lasts.",
    "pilots_page.filters_not_used": "The sidebar filters (period, reason, channel, department) do not apply here: "
                                    "each pilot is judged on its own target, channels and dates.",
    "pilots_page.reasons_shown": "Its target reasons are counted as in the sidebar: {shown}.",
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
    "pilots_page.col_starts_on": "First day",
    "pilots_page.col_ends_on": "Last day",
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
    "pilots_page.metric_money_cost": "Extra cost",
    "pilots_page.money_nothing": "Nothing to claim",
    "pilots_page.money_not_claimable": "The effect's 95% interval ({low} to {high}) includes zero",
    "pilots_page.money_section_not_claimable": "No money saved can be claimed: the effect on contacts ({effect}, 95% "
                                               "interval {low} to {high}) includes zero, so the pilot may have saved "
                                               "nothing. Had the effect been real, the amount would lie between "
                                               "{money_low} and {money_high}.",
    "pilots_page.spill_none_rose": "No shift beyond chance: no other channel or reason had more contacts than "
                                   "expected during the pilot.",
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
    "pilots_page.caveats_none": "Nothing to flag: no overlapping pilots or events, enough history, a steady control group.",
    # Planner
    "pilots_page.and": " and ",
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

NL: dict[str, str] = {
    "pilots_page.intro": "Een proef test één verbetering op één contactreden, een paar weken lang. Registreer hem "
                         "hier en zie wat hij echt veranderde: tegen het seizoen en een controlegroep, op elke KPI, "
                         "met de contacten die elders terechtkwamen en of het effect blijft.",
    "pilots_page.filters_not_used": "De filters in de zijbalk (periode, contactreden, kanaal, afdeling) gelden hier "
                                    "niet: elke proef wordt beoordeeld op zijn eigen doelgroep, kanalen en data.",
    "pilots_page.reasons_shown": "De doelredenen worden geteld zoals in de zijbalk: {shown}.",
    "pilots_page.view": "Weergave",
    "pilots_page.view_registry": "Register",
    "pilots_page.view_evaluation": "Evaluatie",
    "pilots_page.view_planner": "Planner",
    # Registry
    "pilots_page.registry": "Geregistreerde proeven",
    "pilots_page.registry_help": "Kernresultaat: het effect met zijn 95%-interval, ingevuld zodra een proef in de "
                                 "weergave Evaluatie is geopend. Overlappingen: andere proeven of gebeurtenissen die "
                                 "dezelfde contactredenen raken terwijl de proef loopt.",
    "pilots_page.none": "Nog geen proeven geregistreerd.",
    "pilots_page.none_how": "Voeg er een toe in de weergave **Register** (**Proef toevoegen**): geef een naam, een of "
                            "meer doelredenen (elk niveau), eventueel kanalen en een segment, de eerste en laatste "
                            "dag en het effect dat je verwacht. De weergave **Planner** vertelt vooraf hoe lang de "
                            "proef moet lopen om dat effect aan te tonen. Vanaf de opdrachtregel:",
    "pilots_page.col_name": "Proef",
    "pilots_page.col_status": "Status",
    "pilots_page.col_target": "Doelgroep",
    "pilots_page.col_starts_on": "Eerste dag",
    "pilots_page.col_ends_on": "Laatste dag",
    "pilots_page.col_rollout": "Uitrol",
    "pilots_page.col_control": "Controlegroep",
    "pilots_page.col_owner": "Eigenaar",
    "pilots_page.col_expected": "Verwacht effect",
    "pilots_page.col_headline": "Kernresultaat (95%-interval)",
    "pilots_page.col_overlaps": "Overlappingen",
    "pilots_page.add_title": "Proef toevoegen",
    "pilots_page.edit_title": "Proef wijzigen of verwijderen",
    "pilots_page.edit_pick": "Te wijzigen proef",
    "pilots_page.field_name": "Naam",
    "pilots_page.field_name_placeholder": "bijv. Track-and-trace-mail",
    "pilots_page.field_status": "Status",
    "pilots_page.field_target": "Doelredenen",
    "pilots_page.field_target_help": "Een of meer contactredenen op elk niveau: \"Bezorging\" omvat elke reden "
                                     "daaronder.",
    "pilots_page.field_target_placeholder": "Kies een of meer contactredenen",
    "pilots_page.field_channels": "Kanalen",
    "pilots_page.all_channels": "Alle kanalen",
    "pilots_page.field_segment": "Segment",
    "pilots_page.all_segments": "Alle segmenten",
    "pilots_page.no_segments": "De contacten in deze gegevens hebben geen segment.",
    "pilots_page.field_start": "Eerste dag",
    "pilots_page.field_end": "Laatste dag",
    "pilots_page.field_rollout": "Uitroldatum (optioneel)",
    "pilots_page.field_rollout_help": "De dag waarop de verandering overal is ingevoerd, na de laatste proefdag. De "
                                      "periode daarna wordt apart beoordeeld, week voor week.",
    "pilots_page.field_control": "Controleredenen",
    "pilots_page.control_automatic": "Automatisch",
    "pilots_page.field_control_help": "Laat leeg om de onbehandelde contactredenen te laten kiezen waarvan de "
                                      "historie het meest op de doelgroep leek. Een controlereden mag niet "
                                      "overlappen met de doelgroep.",
    "pilots_page.field_expected": "Verwacht effect (%)",
    "pilots_page.field_expected_placeholder": "bijv. -20",
    "pilots_page.field_expected_help": "De verandering die het team verwacht, in procenten: -20 betekent 20% minder "
                                       "contacten.",
    "pilots_page.field_owner": "Eigenaar",
    "pilots_page.field_hypothesis": "Hypothese",
    "pilots_page.field_hypothesis_placeholder": "Wat moet er veranderen, en waarom?",
    "pilots_page.add": "Proef toevoegen",
    "pilots_page.save": "Wijzigingen opslaan",
    "pilots_page.need_dates": "Geef de eerste en laatste dag van de proef.",
    "pilots_page.refused": "Niet opgeslagen: {reason}",
    "pilots_page.added": "Proef \"{name}\" toegevoegd.",
    "pilots_page.saved": "Proef \"{name}\" opgeslagen.",
    "pilots_page.deleted": "Proef \"{name}\" verwijderd.",
    "pilots_page.delete": "Deze proef verwijderen",
    "pilots_page.delete_confirm": "Proef \"{name}\" verwijderen? Dit kan niet ongedaan worden gemaakt.",
    "pilots_page.delete_yes": "Ja, verwijderen",
    "pilots_page.delete_no": "Annuleren",
    # Evaluation
    "pilots_page.pick": "Proef",
    "pilots_page.spec_target": "**Doelgroep:** {target}",
    "pilots_page.spec_window": "**Proef:** {start} tot {end} ({weeks} weken)",
    "pilots_page.spec_status": "**Status:** {status}",
    "pilots_page.spec_rollout": "**Uitrol:** {day}",
    "pilots_page.spec_owner": "**Eigenaar:** {owner}",
    "pilots_page.spec_hypothesis": "Hypothese: {hypothesis}",
    "pilots_page.evaluating": "\"{name}\" wordt geëvalueerd (verwachting schatten en nepproeven draaien)…",
    "pilots_page.cannot_evaluate": "Deze proef kan nog niet worden geëvalueerd: {reason}",
    "pilots_page.metric_effect": "Effect op klantcontacten",
    "pilots_page.metric_effect_help": "Werkelijke contacten tegen wat de gekozen methode zonder proef verwachtte, "
                                      "over de proefperiode.",
    "pilots_page.interval": "95%-interval {low} tot {high}",
    "pilots_page.interval_short": "{low} tot {high}",
    "pilots_page.effect_interval": "{effect} ({low} tot {high})",
    "pilots_page.metric_contacts": "Contacten (werkelijk − verwacht)",
    "pilots_page.metric_money_cost": "Extra kosten",
    "pilots_page.money_nothing": "Niets te claimen",
    "pilots_page.money_not_claimable": "Het 95%-interval van het effect ({low} tot {high}) bevat nul",
    "pilots_page.money_section_not_claimable": "Er is geen besparing te claimen: het effect op contacten ({effect}, "
                                               "95%-interval {low} tot {high}) bevat nul, dus de proef kan niets "
                                               "hebben bespaard. Als het effect echt was, lag het bedrag tussen "
                                               "{money_low} en {money_high}.",
    "pilots_page.spill_none_rose": "Geen verschuiving boven toeval: geen ander kanaal of andere contactreden had "
                                   "tijdens de proef meer contacten dan verwacht.",
    "pilots_page.metric_money": "Bespaard",
    "pilots_page.metric_method": "Methode",
    "pilots_page.p_value": "p-waarde {p}",
    "pilots_page.chart_title": "Contacten tegen wat er zonder proef zou zijn gebeurd",
    "pilots_page.chart_actual": "Werkelijke contacten per week",
    "pilots_page.chart_expected": "Verwacht zonder proef",
    "pilots_page.chart_band": "95%-band",
    "pilots_page.chart_pilot": "Proef",
    "pilots_page.chart_rollout": "Uitrol",
    "pilots_page.chart_y": "Contacten per week",
    "pilots_page.chart_week_of": "Week van",
    "pilots_page.chart_help_control": "Vóór de proef is de gestippelde lijn de controlegroep, geschaald naar het "
                                      "aandeel van de doelgroep daarin over de 8 weken vóór de proef: waar hij de "
                                      "zwarte lijn volgt, is de controlegroep een eerlijke vervanger. Vanaf de proef "
                                      "is de blauwe band wat de doelgroep zonder proef zou zijn geweest (95%). De "
                                      "gearceerde weken zijn de proef.",
    "pilots_page.chart_help_baseline": "Vanaf de proef zijn de gestippelde lijn en de blauwe band de "
                                       "seizoensverwachting, alleen geschat op de dagen vóór de proef (95%). De "
                                       "gearceerde weken zijn de proef.",
    "pilots_page.methods_title": "Drie manieren om het te meten",
    "pilots_page.col_method": "Methode",
    "pilots_page.col_expected_contacts": "Verwacht",
    "pilots_page.col_actual": "Werkelijk",
    "pilots_page.col_effect": "Effect",
    "pilots_page.col_interval": "95%-interval",
    "pilots_page.col_fake": "Nepproeven",
    "pilots_page.col_false_positive": "Vals alarm",
    "pilots_page.methods_help": "★ de methode van het kernresultaat. Nepproeven: de methode gedraaid op startdata "
                                "vóór de proef, waar niets gebeurde. Vals alarm: het aandeel daarvan dat het interval "
                                "een effect zou hebben genoemd (ongeveer 5% is eerlijk).",
    "pilots_page.placebo_title": "Placebotoets: wat de methode vindt waar niets gebeurde",
    "pilots_page.placebo_text": "De methode {method} is gedraaid op {n} nep-startdata vóór de proef, met dezelfde lengte. "
                                "Gemiddeld week hij {spread} af (logschaal), en zijn interval zou {rate} daarvan een "
                                "effect hebben genoemd. Een echt effect staat duidelijk los van de grijze staven.",
    "pilots_page.placebo_none": "Te weinig historie vóór de proef voor nepproeven.",
    "pilots_page.placebo_fake": "Nepproeven",
    "pilots_page.placebo_real": "{name}",
    "pilots_page.placebo_x": "Gevonden effect",
    "pilots_page.placebo_y": "Nepproeven",
    "pilots_page.kpis_title": "Elke KPI",
    "pilots_page.kpis_x": "Verandering tijdens de proef (95%-interval)",
    "pilots_page.col_kpi": "KPI",
    "pilots_page.col_before": "Voor / verwacht",
    "pilots_page.col_during": "Tijdens",
    "pilots_page.col_significant": "Meer dan toeval",
    "pilots_page.yes": "ja",
    "pilots_page.no": "nee",
    "pilots_page.kpis_help": "Contacten tegen de methode van het kernresultaat; de verhoudingen (contactratio, "
                             "afhandeltijd, eerste-contactoplossing, herhaalcontact, klanttevredenheid) tegen de 8 "
                             "weken ervoor, met een interval uit nepproeven in het jaar ervoor. Gekleurd: meer dan "
                             "toeval.",
    "pilots_page.spill_title": "Verschuiving: zijn de contacten alleen verplaatst?",
    "pilots_page.spill_targeted": "In de kanalen van de proef ({channels})",
    "pilots_page.spill_all": "Over alle kanalen",
    "pilots_page.spill_all_help": "Is het effect over alle kanalen veel kleiner dan in de kanalen van de proef, dan "
                                  "zijn contacten naar andere kanalen verschoven in plaats van verdwenen.",
    "pilots_page.shift_channel": "Kanaal {name}",
    "pilots_page.shift_channel_group": "Kanaalgroep {name}",
    "pilots_page.shift_reason": "Contactreden {name}",
    "pilots_page.spill_x": "Verandering in contacten tijdens de proef (95%-interval; meer is een mogelijke "
                           "verschuiving)",
    "pilots_page.spill_detected": "Verschuivingen gevonden (meer dan toeval, na correctie voor het aantal bekeken "
                                  "plekken): **{detected}**. Grootste stijgingen: {shifts}.",
    "pilots_page.spill_none": "Geen verschuiving boven toeval. Grootste stijgingen elders (contacten tijdens de "
                              "proef): {shifts}.",
    "pilots_page.money_title": "Geld",
    "pilots_page.money_saved": "Bespaard op vermeden contacten",
    "pilots_page.money_spill": "Kosten van verschoven contacten",
    "pilots_page.money_net": "Netto",
    "pilots_page.money_help": "Vermeden contacten × {cost} per contact (de kosten van de kanalen van de proef, "
                              "gewogen naar hun aandeel in de contacten van de doelgroep), min wat de verschoven "
                              "contacten kosten.",
    "pilots_page.money_none": "Voor de kanalen van de proef zijn geen kosten per contact bekend (stel ze in op de "
                              "pagina Gegevens).",
    "pilots_page.persistence_title": "Blijft het effect?",
    "pilots_page.persistence_week": "Eén week",
    "pilots_page.persistence_rolling": "Vier weken vanaf die week",
    "pilots_page.persistence_pilot": "Effect van de proef",
    "pilots_page.persistence_fades": "Zwakt af",
    "pilots_page.persistence_y": "Effect op contacten",
    "pilots_page.rollout_verdict": "**Na de uitrol:** {verdict}",
    "pilots_page.caveats_title": "Kanttekeningen",
    "pilots_page.caveats_none": "Geen gevonden: geen overlappende proeven of gebeurtenissen, genoeg historie, een "
                                "stabiele controlegroep.",
    # Planner
    "pilots_page.and": " en ",
    "pilots_page.planner": "Een proef plannen",
    "pilots_page.planner_intro": "Voordat een proef begint: hoe groot moet een effect zijn om het in de looptijd "
                                 "aan te tonen, gezien de eigen schommelingen van de doelgroep? Een kleine doelgroep "
                                 "(één contactreden in één kanaal) is makkelijk te veranderen maar onrustig; begin "
                                 "klein waar de ratio hoog is, en laat de proef lang genoeg lopen.",
    "pilots_page.start_small_link": "Kandidaten om klein te beginnen (laag volume, hoge ratio) op Contactratio's",
    "pilots_page.plan_weeks": "Looptijd van de proef (weken)",
    "pilots_page.plan_submit": "Plannen",
    "pilots_page.plan_need_target": "Kies minstens één doelreden.",
    "pilots_page.planning": "Nepproeven van 1 tot 12 weken draaien op de historie van de doelgroep…",
    "pilots_page.plan_for": "**{target}**: ongeveer {per_day} contacten per dag over de laatste 8 weken.",
    "pilots_page.plan_mde": "Kleinste effect dat een proef van {weeks} weken aantoont",
    "pilots_page.plan_expected": "Verwacht effect",
    "pilots_page.plan_needed": "Benodigde weken",
    "pilots_page.plan_needed_never": "meer dan 12",
    "pilots_page.plan_start_small": "Begin klein, maar niet te klein: voeg kanalen of een verwante contactreden toe "
                                    "aan de doelgroep, of laat de proef langer lopen. De pagina Contactratio's toont "
                                    "contactredenen met een hoge ratio en genoeg volume.",
    "pilots_page.plan_chart_mde": "Kleinste aantoonbare effect (80% power)",
    "pilots_page.plan_chart_expected": "Verwacht effect",
    "pilots_page.plan_chart_chosen": "Gekozen looptijd",
    "pilots_page.plan_chart_x": "Looptijd van de proef (weken)",
    "pilots_page.plan_chart_y": "Minder contacten",
    "pilots_page.plan_help": "Uit nepproeven over het laatste jaar van de gegevens van de doelgroep: een proef met "
                             "een echt effect van minstens deze grootte wordt 4 van de 5 keer als meer dan toeval "
                             "aangetoond. Looptijden waar de lijn onder het verwachte effect ligt, kunnen het "
                             "aantonen.",
}
