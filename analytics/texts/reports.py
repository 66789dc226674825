"""Text of the meeting material (decks, HTML and PDF reports): slide titles, messages and
the speaker notes with the definitions used."""

EN: dict[str, str] = {
    # Shared
    "reports.method_title": "How these numbers are made",
    "reports.method_message": "Definitions and method behind every slide of this report.",
    "reports.more_rows": "+{count} more",
    "reports.title_notes": "Generated from the contact-reduction dashboard. It covers: {context}.",
    "reports.column_gap": "Contacts − expected",
    "reports.column_p": "p-value",
    "reports.column_department": "Department",
    "reports.no_department": "(no department)",
    # Weekly
    "reports.weekly_title": "Weekly contact report, week {week} ({year})",
    "reports.weekly_subtitle": "{start} – {end} · reasons at level {level}",
    "reports.weekly_below": "Contacts {pct} below expectation in week {week}",
    "reports.weekly_above": "Contacts {pct} above expectation in week {week}",
    "reports.weekly_level": "Contacts in line with expectation in week {week}",
    "reports.weekly_plain": "{contacts} contacts in week {week}",
    "reports.detail_vs_expected": "{pct} vs expected",
    "reports.detail_band": "95% band {low} – {high}",
    "reports.weekly_headline_notes": (
        "Contacts: every contact in the week (Monday to Sunday) under the filters shown in the footer. "
        "Expected: what the seasonal baseline predicted for this week without knowing it: a count model fitted on "
        "every day before the week, with weekday, yearly season, trend, public holidays, commercial days (Black "
        "Friday, Sinterklaas, Christmas shopping) and known events; the same figure as Volume trends gives for "
        "this week. "
        "95% band: the range the week's total falls in 19 times out of 20 when nothing unusual happens. "
        "vs last week: the change against the 7 days before. "
        "Contact ratio: contacts per 1,000 of the driver (e.g. orders) in the same week. "
        "Open actions: actions with status open or in progress; overdue when the due date has passed."
    ),
    "reports.weekly_gap_above": "{reason} furthest above expectation ({change})",
    "reports.weekly_gap_below": "{reason} furthest below expectation ({change})",
    "reports.weekly_gap_none": "Every reason within its expected range",
    "reports.weekly_gap_message": "{above} reasons above and {below} below their 95% band; grey bars are within "
                                  "normal variation.",
    "reports.weekly_gap_notes": (
        "Each bar is a reason's contacts minus what was expected for it. A reason's expected value is the week's "
        "expected total split by the reason's share of the 8 weeks before the week, so the reasons add up to the "
        "total. Red: above the reason's 95% band; green: below it; grey: inside, which is normal variation. "
        "Reasons with fewer than 5 contacts are never flagged. Shown: the 15 largest gaps."
    ),
    "reports.movers_rise": "Biggest rise: {reason} ({change} vs expected)",
    "reports.movers_fall": "No reason rose; biggest fall: {reason} ({change} vs expected)",
    "reports.movers_rise_week": "Biggest rise: {reason} ({change} vs last week)",
    "reports.movers_fall_week": "No reason rose; biggest fall: {reason} ({change} vs last week)",
    "reports.movers_none": "No reason moved this week",
    "reports.movers_message": "The reasons furthest above and below what the season expected, with the "
                              "department that owns their cause.",
    "reports.movers_message_week": "The reasons that changed most against the week before (no baseline for this "
                                   "week), with the department that owns their cause.",
    "reports.movers_notes": (
        "Movers: the {count} reasons with the largest gap above expected and the {count} with the largest gap "
        "below, in contacts. A gap inside the 95% band is normal variation even when it looks large. "
        "The owner is the department that owns the cause of the reason (from the reason tree); Customer Service "
        "facilitates and never owns a cause."
    ),
    "reports.reasons_title": "{outside} of {total} reasons outside their 95% band this week",
    "reports.reasons_title_plain": "{total} reasons this week",
    "reports.reasons_owned": "Every reason shown has a department that owns its cause.",
    "reports.reasons_notes": (
        "One row per reason at the report's level, largest first. vs expected: contacts against the reason's "
        "expected value; 95% band: above or below the range expected 19 times out of 20. vs last week: against "
        "the 7 days before. Owner: the department that owns the cause; flagged when there is none or only "
        "Customer Service. Rows in red are above their band."
    ),
    "reports.actions_title": "{count} open actions, {overdue} overdue",
    "reports.actions_title_none": "No open actions on the list",
    "reports.actions_message": "Open actions by the department that owns the cause; overdue actions in red.",
    "reports.actions_message_none": "Add an action on the Weekly report page for each reason that needs one.",
    "reports.actions_notes": (
        "Actions come from the dashboard's actions list. Open: status open or in progress. Overdue: open and "
        "past its due date on {today}. Sorted by department, then by due date."
    ),
    "reports.weekly_method": (
        "The week is an ISO week, Monday to Sunday. The filters in the footer apply (reason, channel, department); "
        "the dashboard's period does not: the report always covers one whole week.\n\n"
        "Expected contacts come from a negative-binomial count model fitted on every day before the week "
        "(weekday, yearly season, trend, public holidays, commercial days such as Black Friday and the Christmas "
        "shopping weeks with the contacts they bring in the weeks after, known events). It never sees the week it "
        "predicts. The 95% band comes from 2,000 simulated weeks of that model. Volume trends states the same "
        "expected total and band for a week judged on its own.\n\n"
        "Per reason, the expected week is split by the reason's share of the 8 weeks before, and the band widens "
        "with the reason's own week-to-week wobble. A reason outside its band, with at least 5 contacts, is "
        "flagged.\n\n"
        "Contact ratio: contacts per 1,000 of the driver (orders, active customers) in the same week. "
        "Owner: the department that owns the cause of a reason, from the reason tree on the Data page."
    ),
    # Pilot
    "reports.pilot_title": "Pilot evaluation: {name}",
    "reports.pilot_subtitle": "{target} · {start} – {end} ({weeks} weeks) · {status}",
    "reports.pilot_scope": "Pilot {name}: judged on its own target and dates; the dashboard filters do not apply",
    "reports.pilot_fell": "{name}: contacts fell {effect}",
    "reports.pilot_rose": "{name}: contacts rose {effect}",
    "reports.pilot_no_effect": "{name}: no effect beyond chance ({effect})",
    "reports.pilot_verdict_notes": (
        "Effect: actual contacts in the pilot window against what the {method} method expected without the pilot. "
        "95% interval: the range the true effect lies in with 95% confidence, widened by the errors the method "
        "made at fake pilot dates where nothing happened. p-value: how likely an effect at least this large is "
        "by chance alone. Money: avoided contacts times the cost per contact of the targeted channels. {why}"
    ),
    "reports.pilot_chart_notes": (
        "Black: the target's actual contacts per week. Dashed blue: what the method expected without the pilot; "
        "the blue band is its 95% range. The shaded weeks are the pilot; a vertical line marks the rollout."
    ),
    "reports.pilot_kpis_title": "{changed} of {total} KPIs changed beyond chance",
    "reports.pilot_kpis_notes": (
        "Contacts: actual against the headline method's expectation. Contact ratio: contacts per 1,000 of the "
        "driver. Handle time: mean seconds per contact. First-contact resolution: share of contacts resolved in "
        "the first contact. Repeat within 7 days: share of contacts followed by another contact of the same "
        "customer within 7 days. The rates are compared with the 8 weeks before the pilot. Beyond chance: p < 0.05."
    ),
    "reports.pilot_spill_notes": (
        "Spill-over: contacts that did not go away but moved to another channel or a neighbouring reason. Each "
        "place is compared with its own expectation; a shift counts as detected only beyond chance after "
        "correcting for the number of places looked at (Holm)."
    ),
    "reports.pilot_spill_message": "Did the contacts go away, or move to another channel or reason?",
    "reports.pilot_money_title": "{amount} saved on avoided contacts",
    "reports.pilot_money_cost": "The pilot cost {amount} in extra contacts",
    "reports.pilot_money_none": "Money not estimated: no cost per contact known",
    "reports.pilot_money_notes": (
        "Saved: avoided contacts times the cost per contact of the targeted channels, weighted by their share of "
        "the target's contacts. Cost of contacts that moved: spill-over contacts times their channel's cost. "
        "Net: the difference."
    ),
    "reports.pilot_plan_title": "A {weeks}-week pilot on this target can show effects of {mde} or more",
    "reports.pilot_plan_title_none": "Planner: too little history to size a pilot on this target",
    "reports.pilot_plan_unavailable": "The planner could not size this target: {reason}",
    "reports.pilot_plan_notes": (
        "Smallest detectable effect: the effect a pilot of this length shows beyond chance 4 times in 5 (80% "
        "power), from fake pilots over the last year of the target's data. Weeks needed: the shortest pilot that "
        "can show the expected effect."
    ),
    "reports.pilot_persistence_title": "Does the effect last after the pilot?",
    "reports.pilot_persistence_notes": (
        "Dots: the effect in each week from the pilot's start. Line and band: the effect over the four weeks from "
        "that week with its 95% interval. The dashed line is the pilot's own effect; the effect fades when the "
        "four-week interval no longer excludes zero."
    ),
    "reports.pilot_caveats_title": "{count} caveats to keep in mind",
    "reports.pilot_caveats_one": "1 caveat to keep in mind",
    "reports.pilot_caveats_none": "No caveats found",
    "reports.pilot_caveats_message": "What should make a reader careful with these numbers.",
    "reports.pilot_caveats_notes": (
        "Caveats: overlapping pilots or events on the same reasons, short or thin history, a control group that "
        "tracked the target poorly, and KPIs the data does not record."
    ),
    "reports.pilot_method": (
        "{why}\n\n"
        "Three methods are run side by side: before/after (the pilot weeks against the weeks before, which mixes "
        "in the season), the seasonal baseline (a count model fitted on the days before the pilot only) and the "
        "control group (untreated reasons whose history moved like the target's, scaled to the target). The "
        "headline method is the one that erred least at fake pilot dates before the pilot.\n\n"
        "95% interval: from the method's own uncertainty, widened by the spread of its errors at the fake "
        "pilots. Spill-over: the same comparison for other channels and neighbouring reasons. Persistence: the "
        "effect week by week after the pilot, judged over four weeks at a time."
    ),
}

NL: dict[str, str] = {
    # Shared
    "reports.method_title": "Zo zijn deze cijfers gemaakt",
    "reports.method_message": "Definities en methode achter elke dia van dit rapport.",
    "reports.more_rows": "+{count} meer",
    "reports.title_notes": "Gemaakt met het dashboard contactreductie. Het gaat over: {context}.",
    "reports.column_gap": "Contacten − verwacht",
    "reports.column_p": "p-waarde",
    "reports.column_department": "Afdeling",
    "reports.no_department": "(geen afdeling)",
    # Weekly
    "reports.weekly_title": "Wekelijkse terugkoppeling klantcontact, week {week} ({year})",
    "reports.weekly_subtitle": "{start} – {end} · contactredenen op niveau {level}",
    "reports.weekly_below": "Klantcontact {pct} onder de verwachting in week {week}",
    "reports.weekly_above": "Klantcontact {pct} boven de verwachting in week {week}",
    "reports.weekly_level": "Klantcontact volgens verwachting in week {week}",
    "reports.weekly_plain": "{contacts} klantcontacten in week {week}",
    "reports.detail_vs_expected": "{pct} t.o.v. verwacht",
    "reports.detail_band": "95%-band {low} – {high}",
    "reports.weekly_headline_notes": (
        "Klantcontacten: alle contacten in de week (maandag tot en met zondag) binnen de filters in de voettekst. "
        "Verwacht: wat de seizoensverwachting voor deze week voorspelde zonder de week zelf te kennen: een "
        "telmodel op alle dagen vóór de week, met weekdag, seizoen, trend, feestdagen, commerciële dagen (Black "
        "Friday, Sinterklaas, kerstinkopen) en bekende gebeurtenissen; hetzelfde getal als Volumetrends voor deze "
        "week geeft. "
        "95%-band: het bereik waarin het weektotaal 19 van de 20 keer valt als er niets bijzonders gebeurt. "
        "T.o.v. vorige week: de verandering ten opzichte van de 7 dagen ervoor. "
        "Contactratio: klantcontacten per 1.000 van de driver (bijv. orders) in dezelfde week. "
        "Open acties: acties met status open of bezig; te laat als de deadline voorbij is."
    ),
    "reports.weekly_gap_above": "{reason} het verst boven de verwachting ({change})",
    "reports.weekly_gap_below": "{reason} het verst onder de verwachting ({change})",
    "reports.weekly_gap_none": "Elke contactreden binnen de verwachte marge",
    "reports.weekly_gap_message": "{above} contactredenen boven en {below} onder hun 95%-band; grijze balken vallen "
                                  "binnen de normale schommeling.",
    "reports.weekly_gap_notes": (
        "Elke balk is het aantal klantcontacten van een contactreden min wat ervoor verwacht werd. De verwachting "
        "per contactreden is de verwachte week verdeeld naar het aandeel van de reden in de 8 weken ervoor, zodat "
        "de redenen optellen tot het totaal. Rood: boven de 95%-band van de reden; groen: eronder; grijs: binnen "
        "de band, dus normale schommeling. Redenen met minder dan 5 contacten worden nooit gemarkeerd. Getoond: "
        "de 15 grootste verschillen."
    ),
    "reports.movers_rise": "Grootste stijging: {reason} ({change} t.o.v. verwacht)",
    "reports.movers_fall": "Geen contactreden steeg; grootste daling: {reason} ({change} t.o.v. verwacht)",
    "reports.movers_rise_week": "Grootste stijging: {reason} ({change} t.o.v. vorige week)",
    "reports.movers_fall_week": "Geen contactreden steeg; grootste daling: {reason} ({change} t.o.v. vorige week)",
    "reports.movers_none": "Geen contactreden veranderde deze week",
    "reports.movers_message": "De contactredenen het verst boven en onder de seizoensverwachting, met de afdeling "
                              "die eigenaar is van de oorzaak.",
    "reports.movers_message_week": "De contactredenen die het meest veranderden t.o.v. de week ervoor (geen "
                                   "verwachting voor deze week), met de afdeling die eigenaar is van de oorzaak.",
    "reports.movers_notes": (
        "Uitschieters: de {count} contactredenen met het grootste verschil boven de verwachting en de {count} "
        "met het grootste verschil eronder, in klantcontacten. Een verschil binnen de 95%-band is normale "
        "schommeling, ook als het groot lijkt. Eigenaar: de afdeling die eigenaar is van de oorzaak (uit de "
        "redenenboom); Klantenservice faciliteert en is nooit eigenaar van een oorzaak."
    ),
    "reports.reasons_title": "{outside} van {total} contactredenen buiten hun 95%-band deze week",
    "reports.reasons_title_plain": "{total} contactredenen deze week",
    "reports.reasons_owned": "Elke getoonde contactreden heeft een afdeling die eigenaar is van de oorzaak.",
    "reports.reasons_notes": (
        "Eén rij per contactreden op het niveau van het rapport, grootste eerst. T.o.v. verwacht: klantcontacten "
        "tegen de verwachting van de reden; 95%-band: boven of onder het bereik dat 19 van de 20 keer verwacht "
        "wordt. T.o.v. vorige week: tegen de 7 dagen ervoor. Eigenaar: de afdeling die eigenaar is van de "
        "oorzaak; gemarkeerd als die ontbreekt of alleen Klantenservice is. Rode rijen liggen boven hun band."
    ),
    "reports.actions_title": "{count} open acties, {overdue} te laat",
    "reports.actions_title_none": "Geen open acties op de lijst",
    "reports.actions_message": "Open acties per afdeling die eigenaar is van de oorzaak; te late acties in rood.",
    "reports.actions_message_none": "Voeg op de pagina Weekrapport een actie toe voor elke contactreden die er een "
                                    "nodig heeft.",
    "reports.actions_notes": (
        "De acties komen uit de actielijst van het dashboard. Open: status open of bezig. Te laat: open en de "
        "deadline is voorbij op {today}. Gesorteerd op afdeling, daarna op deadline."
    ),
    "reports.weekly_method": (
        "De week is een ISO-week, maandag tot en met zondag. De filters in de voettekst gelden (contactreden, "
        "kanaal, afdeling); de periode van het dashboard niet: het rapport gaat altijd over één hele week.\n\n"
        "Het verwachte aantal klantcontacten komt uit een negatief-binomiaal telmodel op alle dagen vóór de week "
        "(weekdag, seizoen, trend, feestdagen, commerciële dagen zoals Black Friday en de weken van de "
        "kerstinkopen met de contacten die ze in de weken erna brengen, bekende gebeurtenissen). Het model ziet de "
        "week die het voorspelt nooit. De 95%-band komt uit 2.000 gesimuleerde weken van dat model. Volumetrends "
        "geeft voor een week op zich hetzelfde verwachte totaal en dezelfde band.\n\n"
        "Per contactreden wordt de verwachte week verdeeld naar het aandeel van de reden in de 8 weken ervoor, en "
        "de band wordt breder met de eigen schommeling van de reden van week tot week. Een reden buiten zijn band, "
        "met minstens 5 contacten, wordt gemarkeerd.\n\n"
        "Contactratio: klantcontacten per 1.000 van de driver (orders, actieve klanten) in dezelfde week. "
        "Eigenaar: de afdeling die eigenaar is van de oorzaak van een contactreden, uit de redenboom op de "
        "pagina Gegevens."
    ),
    # Pilot
    "reports.pilot_title": "Evaluatie proef: {name}",
    "reports.pilot_subtitle": "{target} · {start} – {end} ({weeks} weken) · {status}",
    "reports.pilot_scope": "Proef {name}: beoordeeld op eigen doelgroep en data; de filters van het dashboard "
                           "gelden niet",
    "reports.pilot_fell": "{name}: klantcontact {effect} gedaald",
    "reports.pilot_rose": "{name}: klantcontact {effect} gestegen",
    "reports.pilot_no_effect": "{name}: geen effect buiten toeval ({effect})",
    "reports.pilot_verdict_notes": (
        "Effect: de werkelijke klantcontacten in de proefperiode tegen wat de methode {method} zonder de proef "
        "verwachtte. 95%-interval: het bereik waarin het ware effect met 95% zekerheid ligt, verbreed met de "
        "fouten die de methode maakte op neppe proefdata waar niets gebeurde. p-waarde: hoe waarschijnlijk een "
        "minstens zo groot effect door toeval alleen is. Geld: vermeden contacten maal de kosten per contact van "
        "de kanalen in de proef. {why}"
    ),
    "reports.pilot_chart_notes": (
        "Zwart: de werkelijke klantcontacten van de doelgroep per week. Blauw gestreept: wat de methode zonder de "
        "proef verwachtte; de blauwe band is het 95%-bereik. De gearceerde weken zijn de proef; een verticale "
        "lijn markeert de uitrol."
    ),
    "reports.pilot_kpis_title": "{changed} van {total} KPI's veranderden buiten toeval",
    "reports.pilot_kpis_notes": (
        "Klantcontacten: werkelijk tegen de verwachting van de hoofdmethode. Contactratio: klantcontacten per "
        "1.000 van de driver. Afhandeltijd: gemiddelde seconden per contact. Eerste-contactoplossing (FCR): "
        "aandeel contacten dat in het eerste contact is opgelost. Herhaalcontact binnen 7 dagen: aandeel "
        "contacten waarna dezelfde klant binnen 7 dagen opnieuw contact opneemt. De ratio's worden vergeleken "
        "met de 8 weken vóór de proef. Buiten toeval: p < 0,05."
    ),
    "reports.pilot_spill_notes": (
        "Verschuiving: klantcontacten die niet verdwenen maar naar een ander kanaal of een verwante contactreden "
        "gingen. Elke plek wordt vergeleken met zijn eigen verwachting; een verschuiving telt pas als die buiten "
        "toeval valt na correctie voor het aantal bekeken plekken (Holm)."
    ),
    "reports.pilot_spill_message": "Verdwenen de klantcontacten, of gingen ze naar een ander kanaal of een andere "
                                   "contactreden?",
    "reports.pilot_money_title": "{amount} bespaard op vermeden klantcontacten",
    "reports.pilot_money_cost": "De proef kostte {amount} aan extra klantcontacten",
    "reports.pilot_money_none": "Geld niet berekend: geen kosten per contact bekend",
    "reports.pilot_money_notes": (
        "Bespaard: vermeden klantcontacten maal de kosten per contact van de kanalen in de proef, gewogen naar "
        "hun aandeel in de contacten van de doelgroep. Kosten van verschoven contacten: verschoven contacten maal "
        "de kosten van hun kanaal. Netto: het verschil."
    ),
    "reports.pilot_plan_title": "Een proef van {weeks} weken op deze doelgroep toont effecten vanaf {mde}",
    "reports.pilot_plan_title_none": "Planner: te weinig historie om een proef op deze doelgroep te plannen",
    "reports.pilot_plan_unavailable": "De planner kon deze doelgroep niet doorrekenen: {reason}",
    "reports.pilot_plan_notes": (
        "Kleinste aantoonbare effect: het effect dat een proef van deze lengte 4 van de 5 keer buiten toeval "
        "aantoont (80% onderscheidend vermogen), berekend met neppe proeven over het laatste jaar van de "
        "doelgroep. Benodigde weken: de kortste proef die het verwachte effect kan aantonen."
    ),
    "reports.pilot_persistence_title": "Blijft het effect na de proef?",
    "reports.pilot_persistence_notes": (
        "Punten: het effect in elke week vanaf de start van de proef. Lijn en band: het effect over de vier weken "
        "vanaf die week met het 95%-interval. De gestreepte lijn is het effect in de proef zelf; het effect "
        "verdwijnt zodra het interval over vier weken nul niet meer uitsluit."
    ),
    "reports.pilot_caveats_title": "{count} kanttekeningen om rekening mee te houden",
    "reports.pilot_caveats_one": "1 kanttekening om rekening mee te houden",
    "reports.pilot_caveats_none": "Geen kanttekeningen gevonden",
    "reports.pilot_caveats_message": "Waarom een lezer voorzichtig moet zijn met deze cijfers.",
    "reports.pilot_caveats_notes": (
        "Kanttekeningen: overlappende proeven of gebeurtenissen op dezelfde contactredenen, korte of dunne "
        "historie, een controlegroep die de doelgroep slecht volgde, en KPI's die de gegevens niet vastleggen."
    ),
    "reports.pilot_method": (
        "{why}\n\n"
        "Drie methoden lopen naast elkaar: voor/na (de proefweken tegen de weken ervoor, waar het seizoen "
        "doorheen loopt), de seizoensverwachting (een telmodel op alleen de dagen vóór de proef) en de "
        "controlegroep (contactredenen zonder proef die in het verleden meebewogen met de doelgroep, geschaald "
        "naar de doelgroep). De hoofdmethode is de methode die zich het minst vergiste op neppe proefdata vóór "
        "de proef.\n\n"
        "95%-interval: de eigen onzekerheid van de methode, verbreed met de spreiding van haar fouten bij de "
        "neppe proeven. Verschuiving: dezelfde vergelijking voor andere kanalen en verwante contactredenen. "
        "Blijvend effect: het effect week voor week na de proef, beoordeeld over steeds vier weken."
    ),
}
