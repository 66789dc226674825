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
    "pilots.verdict.and": " and ",
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
    "pilots.no_estimate": "neither the seasonal baseline nor a control group can estimate it. The baseline: "
                          "{reason} The control group: no untreated reason moved like {target} before the pilot.",
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
    "pilots.plan.no_history": "There is too little history to say how large an effect a {weeks}-week pilot "
                              "could show: that takes fake pilots of that length in the year before, and this "
                              "target's history holds too few of them.",
}

NL: dict[str, str] = {
    "pilots.currency": "€",
    "pilots.status.planned": "gepland",
    "pilots.status.running": "loopt",
    "pilots.status.evaluating": "wordt geëvalueerd",
    "pilots.status.rolled_out": "uitgerold",
    "pilots.status.stopped": "gestopt",
    "pilots.method.naive": "voor/na",
    "pilots.method.baseline": "seizoensverwachting",
    "pilots.method.control": "controlegroep",
    "pilots.kpi.volume": "Klantcontacten",
    "pilots.kpi.contact_ratio": "Contacten per 1.000 {driver}",
    "pilots.kpi.contact_ratio_plain": "Contactratio",
    "pilots.kpi.handle_time": "Afhandeltijd (seconden)",
    "pilots.kpi.first_contact_resolution": "Eerste-contactoplossing (FCR)",
    "pilots.kpi.repeat_rate_7d": "Herhaalcontact binnen 7 dagen",
    "pilots.kpi.satisfaction": "Klanttevredenheid",
    "pilots.verdict.fell": "Contacten over {target} daalden {effect} (95%-interval {low} tot {high}) in de "
                           "{window} van {weeks} weken, ongeveer {contacts} contacten{money}{season}; {spill}.",
    "pilots.verdict.rose": "Contacten over {target} stegen {effect} (95%-interval {low} tot {high}) in de "
                           "{window} van {weeks} weken, ongeveer {contacts} contacten meer{money}{season}; {spill}.",
    "pilots.verdict.no_effect": "Contacten over {target} veranderden {effect} (95%-interval {low} tot {high}) in de "
                                "{window} van {weeks} weken: geen effect aangetoond, de verandering valt binnen wat "
                                "ook zonder proef gebeurt{season}; {spill}.",
    "pilots.verdict.and": " en ",
    "pilots.verdict.window_pilot": "proef",
    "pilots.verdict.window_rollout": "periode na de uitrol",
    "pilots.verdict.money": " en {amount}",
    "pilots.verdict.money_net": " en {amount} netto, na aftrek van de verschoven contacten",
    "pilots.verdict.money_cost": " wat {amount} kost",
    "pilots.verdict.season": "; het seizoen alleen zou {season} hebben gegeven",
    "pilots.verdict.channel_group": "kanalen van de groep {group}",
    "pilots.verdict.no_spill": "geen verschuiving naar andere kanalen gevonden",
    "pilots.verdict.no_spill_reasons": "geen verschuiving naar andere kanalen of verwante contactredenen gevonden",
    "pilots.verdict.spill": "ongeveer {contacts} contacten verschoven naar {where}",
    "pilots.verdict.spill_not_checked": "andere kanalen niet gecontroleerd (de proef omvat ze allemaal)",
    "pilots.why.control": "Controlegroep ({members}): in nepproeven vóór de echte proef week die gemiddeld "
                          "{control_rms} af, tegen {baseline_rms} voor de seizoensverwachting, en ze vangt op wat "
                          "alle contactredenen tegelijk raakt (orders, weer, storingen).",
    "pilots.why.baseline": "Seizoensverwachting: de controlegroep volgde {target} vóór de proef duidelijk slechter "
                           "(fout in nepproeven {control_rms} tegen {baseline_rms}).",
    "pilots.why.baseline_thin_control": "Seizoensverwachting: de historie vóór de proef bevat te weinig nepproeven "
                                        "({control_runs}) om de controlegroep te vertrouwen voor {target}.",
    "pilots.why.only_baseline": "Seizoensverwachting: geen controlegroep kwam in aanmerking (geen onbehandelde "
                                "contactreden bewoog vóór de proef zoals {target}).",
    "pilots.why.only_control": "Controlegroep: de seizoensverwachting kon niet worden geschat op de historie vóór "
                               "de proef.",
    "pilots.no_estimate": "de seizoensverwachting noch een controlegroep kan haar schatten. De verwachting: "
                          "{reason} De controlegroep: geen onbehandelde reden bewoog vóór de proef zoals {target}.",
    "pilots.naive_misleads": "Voor/na vergelijkt met de {days} dagen direct ervoor en telt dus het seizoen, de "
                             "trend en feestdagen mee als effect van de proef (hier alleen al het seizoen: {season}).",
    "pilots.caveat.overlap_pilot": "Proef \"{name}\" raakt dezelfde contactredenen ({reasons}) vanaf {start}: het "
                                   "effect daarvan loopt door dit effect heen.",
    "pilots.caveat.overlap_event": "Gebeurtenis \"{name}\" ({start} tot {end}) betreft dezelfde contactredenen "
                                   "tijdens de proef.",
    "pilots.caveat.event_near": "Gebeurtenis \"{name}\" ({start} tot {end}) viel in de proef of de 8 weken "
                                "ervoor: die kan orders en contacten van elke contactreden verschuiven, ook die van "
                                "de controlegroep.",
    "pilots.caveat.short_history": "Maar {days} dagen historie vóór de proef: de verwachting heeft geen "
                                   "jaarseizoen en de controle met nepproeven is mager.",
    "pilots.caveat.few_placebos": "Maar {n} nepproeven passen vóór de proef (20 gewenst): het interval is "
                                  "onzekerder dan het lijkt.",
    "pilots.caveat.unstable_control": "De controlegroep volgde de doelgroep vóór de proef maar losjes "
                                      "(correlatie per week {correlation}).",
    "pilots.caveat.no_control": "Geen controlegroep: geen onbehandelde contactreden bewoog vóór de proef zoals "
                                "de doelgroep.",
    "pilots.caveat.running": "De proef loopt nog: beoordeeld op {days} van de {planned} dagen.",
    "pilots.caveat.short_window": "Minder dan twee weken proefgegevens: de schatting is grof.",
    "pilots.caveat.low_volume": "Ongeveer {per_day} contacten per dag: alleen grote effecten zijn aan te tonen.",
    "pilots.caveat.no_costs": "Geen kosten per contact voor {channels}: het bedrag laat ze buiten beschouwing.",
    "pilots.caveat.kpi_missing": "Niet in de gegevens: {kpis}.",
    "pilots.caveat.control_contaminated": "Controlereden {reason} steeg tijdens de proef: mogelijk zijn contacten "
                                          "daarheen verschoven, wat het effect overdrijft.",
    "pilots.persistence.holding": "Het effect houdt stand: in de {weeks} weken na de uitrol kwamen geen vier "
                                  "weken op rij terug op wat zonder proef gebeurt.",
    "pilots.persistence.faded": "Het effect zwakt af vanaf de week van {week}: vanaf dan tonen elke vier weken "
                                "minder dan de helft van het effect van de proef, binnen wat zonder proef gebeurt.",
    "pilots.persistence.too_short": "Te weinig weken na de uitrol om te beoordelen of het effect blijft.",
    "pilots.persistence.no_effect": "Er was geen effect om vast te houden.",
    "pilots.overlap.pilot": "Overlapt met proef \"{name}\" op {reasons} (vanaf {start}).",
    "pilots.overlap.event": "Overlapt met gebeurtenis \"{name}\" ({start} tot {end}) op {reasons}.",
    "pilots.plan.ok": "Een proef van {weeks} weken kan een effect van {mde} of meer aantonen (80% power, "
                      "95%-interval); het verwachte effect van {expected} zou zichtbaar moeten worden.",
    "pilots.plan.too_small": "Een proef van {weeks} weken kan alleen een effect van {mde} of meer aantonen; het "
                             "verwachte effect van {expected} blijft waarschijnlijk onzichtbaar. {advice}",
    "pilots.plan.no_expectation": "Een proef van {weeks} weken kan een effect van {mde} of meer aantonen (80% "
                                  "power, 95%-interval).",
    "pilots.plan.need_weeks": "Laat de proef {needed} weken lopen om {expected} aan te tonen.",
    "pilots.plan.never": "Zelfs 12 weken zouden {expected} niet aantonen: begin met een grotere doelgroep of meer "
                         "kanalen.",
    "pilots.plan.no_history": "Er is te weinig historie om te zeggen hoe groot een effect een proef van {weeks} "
                              "weken kan aantonen: daarvoor zijn nepproeven van die lengte in het jaar ervoor nodig, "
                              "en de historie van deze doelgroep heeft er te weinig.",
}
