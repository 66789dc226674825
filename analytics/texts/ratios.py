"""Text for the Contact ratios page."""

EN: dict[str, str] = {
    "ratios.title": "Contact ratios",
    "ratios.intro": "More contacts are fine when the business grows; more contacts per order or per customer mean "
                    "something is wrong. A ratio is contacts per 1,000 of a business driver.",
    "ratios.driver": "Driver",
    "ratios.grain": "Grain",
    "ratios.view": "View",
    "ratios.view_over_time": "Over time",
    "ratios.view_breakdown": "Breakdown",
    "ratios.view_start_small": "Start small",
    "ratios.view_value": "Value",
    "ratios.part_reason_level_1": "Reason level 1",
    "ratios.part_reason_level_2": "Reason level 2",
    "ratios.part_reason_level_3": "Reason level 3",
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
                            "{driver} as exposure (weekday, yearly season, trend, holidays, commercial days, foreseen events; fitted on "
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
    "ratios.unit_not_recorded": "(not recorded)",
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

NL: dict[str, str] = {
    "ratios.title": "Contactratio's",
    "ratios.intro": "Meer contacten zijn prima als het bedrijf groeit; meer contacten per order of per klant "
                    "betekenen dat er iets misgaat. Een contactratio is het aantal contacten per 1.000 van een "
                    "bedrijfsdriver.",
    "ratios.driver": "Driver",
    "ratios.grain": "Tijdseenheid",
    "ratios.view": "Weergave",
    "ratios.view_over_time": "In de tijd",
    "ratios.view_breakdown": "Uitsplitsing",
    "ratios.view_start_small": "Klein beginnen",
    "ratios.view_value": "Waarde",
    "ratios.part_reason_level_1": "Contactreden niveau 1",
    "ratios.part_reason_level_2": "Contactreden niveau 2",
    "ratios.part_reason_level_3": "Contactreden niveau 3",
    # no driver
    "ratios.no_driver": "**Er staat nog geen driver in de gegevens, dus er zijn geen contactratio's.** Een ratio "
                        "deelt contacten door een bedrijfsvolume zoals orders, actieve klanten of zendingen, en deze "
                        "gegevens hebben er geen. Importeer er een per dag, week of maand (een CSV met een datum en "
                        "een getal) op de pagina Gegevens, of vanaf de opdrachtregel:",
    "ratios.no_driver_after": "Tot die tijd toont deze pagina per contactreden het volume, de afhandeltijd en de "
                              "kosten, en de waarde van contacten; daarvoor is geen driver nodig.",
    "ratios.to_data_import": "Importeer een driver op de pagina Gegevens",
    # alignment
    "ratios.aligned_same": "{driver} is opgeslagen per {driver_grain}; contacten worden ook per {driver_grain} "
                           "geteld en gedeeld door {driver} van die {driver_grain}.",
    "ratios.aligned_coarser": "{driver} is per dag opgeslagen; contacten en {driver} worden allebei per {grain} "
                              "opgeteld (een {grain} aan de rand van de periode telt alleen zijn dagen binnen de "
                              "periode). Voor een aantal klanten in plaats van een stroom orders lees je dat als "
                              "contacten per 1.000 klantdagen.",
    "ratios.aligned_whole": "{driver} is opgeslagen per {driver_grain} (eerste dag opgeslagen); contacten worden "
                            "over dezelfde {driver_grain} opgeteld. Fijnere tijdseenheden worden niet aangeboden: "
                            "daarvoor zouden verzonnen waarden voor {driver} nodig zijn.",
    "ratios.scope": "Voor",
    "ratios.scope_all": "Het hele bedrijf",
    "ratios.scope_help": "Eén product, leverancier of segment waarvoor {driver} is opgeslagen: alleen de contacten "
                         "daarvan, per 1.000 van de eigen {driver}.",
    "ratios.scoped": "Alleen contacten over {dimension} {scope}, per 1.000 {driver} van {scope}.",
    "ratios.week_anchor": "Weken beginnen op {weekday}.",
    "ratios.gaps": "{gaps} van {periods} perioden hebben geen waarde voor {driver} (of een nul): dat zijn gaten in "
                   "de lijn, geen nullen.",
    "ratios.cut": "Aan de randen van de periode zijn {cut} onvolledige {driver_grain}-perioden van {driver} "
                  "weggelaten, met hun contacten.",
    "ratios.driver_missing_days": "Voor {driver} ontbreken {gaps} {driver_grain}-waarden tussen {first} en {last}.",
    # over time
    "ratios.metric_ratio": "Contacten per 1.000 {driver}",
    "ratios.metric_contacts": "Contacten (gedekte perioden)",
    "ratios.metric_driver": "{driver} (gedekte perioden)",
    "ratios.metric_expected": "Verwachte contactratio",
    "ratios.metric_no_cover": "Geen hele periode van {driver} valt binnen de gekozen data: kies een langere periode "
                              "of een andere driver.",
    "ratios.chart_ratio": "Contacten per 1.000 {driver}",
    "ratios.chart_expected": "Verwacht (seizoen)",
    "ratios.band95": "95%-band",
    "ratios.band80": "80%-band",
    "ratios.baseline_help": "Verwachte contactratio: het seizoen van de ratio zelf. Een telmodel van contacten met "
                            "{driver} als blootstelling (weekdag, jaarseizoen, trend, feestdagen, commerciële dagen, "
                            "voorziene gebeurtenissen; geschat op de dagen vóór de periode, zoals op Volumetrends) geeft het "
                            "tempo dat het seizoen verwacht; maal de werkelijke {driver} geeft dat de verwachte "
                            "contacten. Een ratio boven de band betekent meer contacten dan het seizoen bij dit "
                            "bedrijfsvolume geeft.",
    "ratios.baseline_help_volume": "Verwachte contactratio: de contacten die de seizoensverwachting voorspelde "
                                   "(geschat op de dagen vóór de periode, zoals op Volumetrends) ÷ de werkelijke "
                                   "{driver}. {driver} is niet per dag opgeslagen, dus het model kan het niet als "
                                   "dagelijkse blootstelling gebruiken: groeide {driver} sneller dan in de "
                                   "afgelopen weken, dan valt de verwachte ratio te laag uit.",
    "ratios.no_baseline": "Geen seizoensband: {reason}",
    # breakdown
    "ratios.breakdown": "Uitsplitsing",
    "ratios.part_reason_l1": "Contactreden (niveau 1)",
    "ratios.part_reason_l2": "Contactreden (niveau 2)",
    "ratios.part_reason_l3": "Contactreden (niveau 3)",
    "ratios.part_product": "Product",
    "ratios.part_department": "Afdeling",
    "ratios.part_supplier": "Leverancier",
    "ratios.part_channel_group": "Kanaalgroep",
    "ratios.part_segment": "Segment",
    "ratios.per_dimension": "Per {part} wordt gedeeld door de eigen {driver} (de driver is per {part} "
                            "opgeslagen); contacten zonder {part} hebben geen ratio.",
    "ratios.per_total": "Per 1.000 {driver} in totaal: {driver} is niet per {part} opgeslagen, dus elke rij wordt "
                        "gedeeld door {driver} van het hele bedrijf.",
    "ratios.previous": "Vorige periode",
    "ratios.no_parts": "Geen contacten in deze selectie.",
    # start small
    "ratios.level": "Niveau van de contactreden",
    "ratios.min_contacts": "Minimumaantal contacten voor een kandidaat",
    "ratios.start_small_help": "Elke contactreden{split} naar volume (contacten in de periode) tegen ratio, gekleurd "
                               "naar de verandering van de ratio t.o.v. de vorige {days} dagen. **Begin klein** waar "
                               "het volume onder de mediaan ligt ({volume} contacten) en de ratio boven de mediaan "
                               "({ratio} per 1.000 {driver}), onder rijen met minstens {min_contacts} contacten: een "
                               "proef daar is klein genoeg om veilig te zijn, en de ratio zegt dat er iets te winnen "
                               "valt.",
    "ratios.split_by": " per {dimension}",
    "ratios.degenerate": "{driver} is alleen voor het hele bedrijf opgeslagen, dus de ratio van elke contactreden "
                         "is zijn volume gedeeld door hetzelfde totaal: geen reden is zowel kleiner als relatief "
                         "hoger. Kies een driver die per product, leverancier of segment is opgeslagen om kandidaten "
                         "te vinden om klein te beginnen.",
    "ratios.too_few": "Te weinig contactredenen met een ratio en minstens {min_contacts} contacten om drempels te "
                      "bepalen.",
    "ratios.candidates": "Kandidaten om klein te beginnen",
    "ratios.no_candidates": "Geen contactreden heeft zowel een volume onder de mediaan als een ratio boven de "
                            "mediaan.",
    "ratios.candidate_line": "**{unit}**: {contacts} contacten (mediaan {volume}), {ratio} per 1.000 {driver}{of} "
                             "(mediaan {ratio_median}), {trend} t.o.v. de vorige periode; kosten {cost}.",
    "ratios.candidate_of": " van {value}",
    "ratios.trend_unknown": "geen eerdere ratio",
    "ratios.table": "Alle contactredenen (klik op een kolom om te sorteren)",
    "ratios.no_driver_table": "Volume, afhandeltijd en kosten per contactreden (geen driver, dus geen ratio).",
    "ratios.cost_unknown": "Kosten onbekend voor {contacts} contacten: hun kanalen hebben geen kosten per contact "
                           "(stel die in op de pagina Gegevens onder Kanalen).",
    "ratios.cost_help": "Kosten = contacten × de kosten per contact van de kanalen waarlangs ze binnenkwamen.",
    # value
    "ratios.value_help": "Elke contactreden kan worden gelabeld als waardevol (vertelt ons hoe we kunnen "
                         "verbeteren), vermijdbaar (had niet hoeven gebeuren), automatiseerbaar (kan selfservice "
                         "worden) of geen waarde (spam). Verminder het vermijdbare, automatiseer het "
                         "automatiseerbare, leer van het waardevolle.",
    "ratios.unclassified": "{contacts} contacten ({share}) hebben een contactreden zonder waardeklasse.",
    "ratios.to_data_reasons": "Deel contactredenen in op de pagina Gegevens (Redenboom)",
    "ratios.class_valuable": "waardevol",
    "ratios.class_avoidable": "vermijdbaar",
    "ratios.class_automatable": "automatiseerbaar",
    "ratios.class_no_value": "geen waarde",
    "ratios.class_not_classified": "niet ingedeeld",
    # columns
    "ratios.col_reason": "Contactreden",
    "ratios.col_unit": "Contactreden · {dimension}",
    "ratios.unit_not_recorded": "(niet vastgelegd)",
    "ratios.col_part": "Waarde",
    "ratios.col_contacts": "Contacten",
    "ratios.col_ratio": "Per 1.000 {driver}",
    "ratios.col_previous": "Vorige periode",
    "ratios.col_change": "Trend",
    "ratios.col_handle_minutes": "Afhandeltijd (min)",
    "ratios.col_handle_hours": "Afhandeluren",
    "ratios.col_cost": "Kosten",
    "ratios.col_cost_unknown": "Kosten onbekend (contacten)",
    "ratios.col_candidate": "Klein beginnen",
    "ratios.col_class": "Waardeklasse",
    "ratios.col_share": "Aandeel",
    "ratios.col_driver": "{driver}",
    "ratios.col_denominator": "Gedeeld door",
    "ratios.contacts": "Contacten",
    "ratios.cost": "Kosten",
    "ratios.quadrant": "Klein beginnen: laag volume, hoge ratio",
    "ratios.candidate": "Kandidaat",
    "ratios.change": "Ratio t.o.v. vorige periode",
}
