"""Text for reasons learned from what customers wrote: the "Reasons from texts" section of
Reasons & channels and the ``reasons`` command."""

EN: dict[str, str] = {
    "reasons.section_reasons_from_texts": "Reasons from texts",
    "from_texts.title": "Reasons from what customers wrote",
    "from_texts.intro": ("Learned on this machine from the contacts whose reason is known: a suggested reason for "
                         "each contact filed under “Other” or without a reason, groups of similar texts that may "
                         "deserve a reason of their own, and how good the suggestions are. It reads the whole store, "
                         "whatever the filters. Nothing is relabelled here: suggestions are accepted or rejected "
                         "under Suggested reasons on the Data page."),
    "from_texts.intro_uncoded": ("This store's contacts carry no reason codes to learn from. Proposed below, from what "
                                 "customers wrote: a reason tree, and groups of similar texts with their trend. It "
                                 "reads the whole store, whatever the filters; nothing is changed."),
    "from_texts.working": ("Learning from what customers wrote takes up to a minute on a large store. It runs in "
                           "the background: look at other pages meanwhile, this section fills in by itself."),
    "from_texts.refresh": "Check now",
    "from_texts.step_reading": "Reading the texts",
    "from_texts.step_training": "Learning reasons from the labelled texts",
    "from_texts.step_measuring": "Measuring on contacts the model did not learn from",
    "from_texts.step_suggesting": "Suggesting reasons for “Other” and unlabelled contacts",
    "from_texts.step_explaining": "Finding the words behind each suggestion",
    "from_texts.step_discovering": "Looking for new reasons among the texts",
    "from_texts.step_tree": "Proposing a reason tree",
    "from_texts.step_done": "Done",
    "from_texts.failed": "Learning from the texts stopped with an unexpected error. Try again; if it happens again, "
                         "the server's log says what went wrong.",
    "from_texts.try_again": "Try again",
    "from_texts.made_at": "Learned from the data as it was at data version {version}.",
    # (a) accuracy
    "from_texts.accuracy": "How good the suggestions are",
    "from_texts.top1": "Right first time",
    "from_texts.top1_help": "Share of held-out contacts whose recorded reason was the model's first suggestion.",
    "from_texts.top3": "Right in the top 3",
    "from_texts.top3_help": "Share of held-out contacts whose recorded reason was among the model's three first suggestions.",
    "from_texts.calibration": "Calibration error",
    "from_texts.calibration_help": ("How far the confidence is from the real share of right suggestions, on average "
                                    "(expected calibration error, 15 bins): 1 point means suggestions at 90% "
                                    "confidence are right 89 to 91 times in 100."),
    "from_texts.accuracy_rule": ("Measured on {held_out} contacts the model did not learn from (every fifth labelled "
                                 "contact of each reason, held out); learned from {training} of the {labelled} "
                                 "contacts with a text and a known reason. A reason's suggestions are offered only "
                                 "when at least {accuracy} of its held-out suggestions were right, counted on at "
                                 "least {min_held_out} of them; a suggestion below {confidence} confidence is never "
                                 "offered."),
    "from_texts.levels": "Right first time by level: {levels}.",
    "from_texts.level": "level {level} {share}",
    "from_texts.accuracy_table": "Accuracy per reason",
    "from_texts.col_reason": "Reason",
    "from_texts.col_recorded": "Held-out contacts",
    "from_texts.col_recorded_help": "Held-out contacts the agent filed under this reason.",
    "from_texts.col_held_out": "Suggested",
    "from_texts.col_held_out_help": "Held-out contacts the model gave this reason (at the offering confidence or above).",
    "from_texts.col_accuracy": "Accuracy",
    "from_texts.col_accuracy_help": "Share of the suggested that the agent had filed under this reason.",
    "from_texts.col_recall": "Found",
    "from_texts.col_recall_help": "Share of the held-out contacts of this reason that the model suggested it for.",
    "from_texts.col_offered": "Offered",
    # (b) suggestions
    "from_texts.suggestions": "Suggestions for “Other” and unlabelled contacts",
    "from_texts.suggestions_sentence": ("**{offered}** of the {targets} contacts with a text under “Other” or without "
                                        "a reason get a suggestion that is offered, for {reasons} reasons."),
    "from_texts.suggestions_none": ("None of the {targets} contacts with a text under “Other” or without a reason "
                                    "gets a suggestion that is offered."),
    "from_texts.no_targets": "No contact with a text is filed under “Other” or without a reason.",
    "from_texts.col_suggested": "Suggested reason",
    "from_texts.col_contacts": "Contacts",
    "from_texts.col_confidence": "Median confidence",
    "from_texts.col_confidence_help": "The model's probability that the suggestion is right, calibrated.",
    "from_texts.col_examples": "What customers wrote",
    "from_texts.col_words": "Words that drove it",
    # (c) discovery
    "from_texts.discovery": "Candidate new reasons",
    "from_texts.discovery_sentence": ("{candidates} groups of similar texts among the {texts} texts under “Other” or "
                                      "without a reason from {start} to {end}; **{rising} rising**."),
    "from_texts.discovery_sentence_all": ("{candidates} groups of similar texts among the {texts} texts from {start} "
                                          "to {end}; **{rising} rising**."),
    "from_texts.discovery_sampled": "Grouped a random {clustered} of them.",
    "from_texts.discovery_none": "No group of similar texts stands out among the {texts} texts from {start} to {end}.",
    "from_texts.discovery_too_few": ("Too few texts under “Other” or without a reason in the last {days} days to look "
                                     "for new reasons."),
    "from_texts.rising_chart": "Rising candidates per week",
    "from_texts.texts_axis": "Texts per week",
    "from_texts.rising_rule": ("Rising: at least {min_texts} texts in the last {recent} days, their share of these "
                               "texts at least {ratio} times that of the {earlier} days before, and not by chance "
                               "(a chance below 1 in {odds})."),
    "from_texts.closest_rule": "Closest reason: the known reason whose texts share most letter groups with the candidate's.",
    "from_texts.col_candidate": "Candidate",
    "from_texts.col_texts": "Texts",
    "from_texts.col_rising": "Rising",
    "from_texts.col_recent_share": "Share, last 14 days",
    "from_texts.col_earlier_share": "Share before",
    "from_texts.col_closest": "Closest reason",
    "from_texts.col_similarity": "Similarity",
    "from_texts.col_terms": "Top terms",
    # (d) tree
    "from_texts.tree": "A reason tree proposed from the texts",
    "from_texts.tree_sentence": ("This store has no reason codes to learn from (at least two reasons with "
                                 "{min_texts} texts each). Proposed from {texts} of its {with_text} texts, with at "
                                 "most {per_level} options per level, for an editor to judge, name and adopt below."),
    "from_texts.tree_too_few": "Too few texts with words to propose a reason tree from.",
    "from_texts.col_level_1": "Level 1",
    "from_texts.col_level_2": "Level 2",
    "from_texts.col_share": "Share",
    # command line
    "from_texts.cli_accuracy": ("Right first time {top1}, in the top 3 {top3}, calibration error {ece}, on {held_out} "
                                "held-out contacts; learned from {training} of {labelled} labelled contacts."),
    "from_texts.cli_offered": "{offered} of {targets} contacts under “Other” or without a reason get an offered suggestion.",
    "from_texts.cli_suggestions": "Suggestions",
    "from_texts.col_contact_id": "Contact id",
    "from_texts.col_confidence_one": "Confidence",
    # adjusting and adopting the proposed tree
    "tree_adoption.title": "Adjust and adopt the tree",
    "tree_adoption.help": ("Name each option as your organisation would say it. Two options under the same parent "
                           "with the same name become one; a second-level option left without a name joins its "
                           "parent; a first-level option left without a name, or named like “Other”, is not "
                           "adopted, and neither is the tree's own “Other”. To move a second-level option under "
                           "another first-level one, or a new one, type its whole path: “Account > Login”. "
                           "Adopting moves the contacts with a "
                           "text and no reason (or “Other”) to their option: the ones the tree was proposed from "
                           "where it put them, the others to the option their text is most like; a text without "
                           "a word to go by stays where it is. The recorded reason is kept, every page can still "
                           "show the reasons as recorded, and Data → Suggested reasons can undo it."),
    "tree_adoption.col_proposed": "Proposed option",
    "tree_adoption.col_name": "New name",
    "tree_adoption.col_level": "Level",
    "tree_adoption.adopt": "Adopt this tree",
    "tree_adoption.adopt_help": "Move the uncoded contacts to the named options; their recorded reason is kept.",
    "tree_adoption.step_reading": "Reading the contacts without a reason",
    "tree_adoption.step_matching": "Matching each text to the option it is most like",
    "tree_adoption.step_writing": "Moving the contacts (one change, undone as a whole)",
    "tree_adoption.step_done": "Done",
    "tree_adoption.failed": ("Adopting the tree stopped with an unexpected error; nothing was changed. Try again; if it "
                             "happens again, the server's log says why."),
    "tree_adoption.adopted_sentence": ("Adopted: **{changed}** contacts moved to {reasons} reasons of the tree "
                                       "(recorded reasons kept); daily figures of {days} days updated. Undo it "
                                       "on Data → Suggested reasons."),
    "tree_adoption.viewer_note": "Editors can name the options of this tree and adopt it.",
    "tree_adoption.already": ("{contacts} contacts already carry a reason an editor adopted or accepted (see the "
                              "Reasons page, or undo it on Data → Suggested reasons); what follows is about the texts "
                              "still without a reason."),
    "tree_adoption.nothing": ("No contact would move: every option is left without a name or named like “Other”. "
                              "Nothing was changed."),
    "tree_adoption.separator": ("“{name}”: a first-level name cannot hold “>”, which separates a reason's levels. "
                                "Nothing was changed."),
    "tree_adoption.too_long": "“{name}”: a name has at most {limit} characters. Nothing was changed.",
    "tree_adoption.move_levels": ("“{name}”: to move this option, type its whole path of {levels} levels, "
                                  "“{example}”, each level named. Nothing was changed."),
}

NL: dict[str, str] = {
    "reasons.section_reasons_from_texts": "Redenen uit teksten",
    "from_texts.title": "Redenen uit wat klanten schreven",
    "from_texts.intro": ("Op deze computer geleerd van de contacten waarvan de reden bekend is: een voorgestelde "
                         "reden voor elk contact onder “Overig” of zonder reden, groepen van gelijksoortige teksten "
                         "die misschien een eigen reden verdienen, en hoe goed de voorstellen zijn. Het leest de hele "
                         "opslag, welke filters ook gekozen zijn. Hier wordt niets omgezet: voorstellen worden "
                         "aangenomen of afgewezen onder Voorgestelde redenen op de pagina Data."),
    "from_texts.intro_uncoded": ("De contacten in deze opslag hebben geen redencodes om van te leren. Hieronder, "
                                 "voorgesteld uit wat klanten schreven: een redenboom, en groepen gelijksoortige "
                                 "teksten met hun verloop. Het leest de hele opslag, welke filters ook gekozen zijn; "
                                 "er wordt niets veranderd."),
    "from_texts.working": ("Leren van wat klanten schreven duurt bij een grote opslag tot een minuut. Het loopt op de "
                           "achtergrond: bekijk intussen andere pagina's, dit onderdeel vult zich vanzelf."),
    "from_texts.refresh": "Nu bekijken",
    "from_texts.step_reading": "De teksten lezen",
    "from_texts.step_training": "Redenen leren van de teksten met een reden",
    "from_texts.step_measuring": "Meten op contacten waarvan het model niet leerde",
    "from_texts.step_suggesting": "Redenen voorstellen voor “Overig” en contacten zonder reden",
    "from_texts.step_explaining": "De woorden achter elk voorstel zoeken",
    "from_texts.step_discovering": "Nieuwe redenen zoeken in de teksten",
    "from_texts.step_tree": "Een redenboom voorstellen",
    "from_texts.step_done": "Klaar",
    "from_texts.failed": ("Het leren van de teksten stopte door een onverwachte fout. Probeer het opnieuw; gebeurt "
                          "het weer, dan staat in het logboek van de server wat er misging."),
    "from_texts.try_again": "Opnieuw proberen",
    "from_texts.made_at": "Geleerd van de gegevens zoals ze waren bij gegevensversie {version}.",
    "from_texts.accuracy": "Hoe goed de voorstellen zijn",
    "from_texts.top1": "Meteen goed",
    "from_texts.top1_help": "Aandeel van de achtergehouden contacten waarvan de vastgelegde reden het eerste voorstel was.",
    "from_texts.top3": "Goed in de top 3",
    "from_texts.top3_help": "Aandeel van de achtergehouden contacten waarvan de vastgelegde reden bij de eerste drie voorstellen zat.",
    "from_texts.calibration": "Kalibratiefout",
    "from_texts.calibration_help": ("Hoe ver de zekerheid gemiddeld van het echte aandeel goede voorstellen ligt "
                                    "(verwachte kalibratiefout, 15 klassen): 1 punt betekent dat voorstellen met 90% "
                                    "zekerheid 89 tot 91 keer op 100 goed zijn."),
    "from_texts.accuracy_rule": ("Gemeten op {held_out} contacten waarvan het model niet leerde (elk vijfde contact "
                                 "met een bekende reden, per reden achtergehouden); geleerd van {training} van de "
                                 "{labelled} contacten met een tekst en een bekende reden. De voorstellen van een "
                                 "reden worden alleen aangeboden als minstens {accuracy} van de achtergehouden "
                                 "voorstellen goed was, geteld op minstens {min_held_out}; een voorstel onder "
                                 "{confidence} zekerheid wordt nooit aangeboden."),
    "from_texts.levels": "Meteen goed per niveau: {levels}.",
    "from_texts.level": "niveau {level} {share}",
    "from_texts.accuracy_table": "Juistheid per reden",
    "from_texts.col_reason": "Reden",
    "from_texts.col_recorded": "Achtergehouden contacten",
    "from_texts.col_recorded_help": "Achtergehouden contacten die de medewerker onder deze reden vastlegde.",
    "from_texts.col_held_out": "Voorgesteld",
    "from_texts.col_held_out_help": "Achtergehouden contacten die het model deze reden gaf (vanaf de zekerheid waarop voorstellen worden aangeboden).",
    "from_texts.col_accuracy": "Juistheid",
    "from_texts.col_accuracy_help": "Aandeel van de voorgestelde dat de medewerker onder deze reden had vastgelegd.",
    "from_texts.col_recall": "Gevonden",
    "from_texts.col_recall_help": "Aandeel van de achtergehouden contacten van deze reden waarvoor het model hem voorstelde.",
    "from_texts.col_offered": "Aangeboden",
    "from_texts.suggestions": "Voorstellen voor “Overig” en contacten zonder reden",
    "from_texts.suggestions_sentence": ("**{offered}** van de {targets} contacten met een tekst onder “Overig” of "
                                        "zonder reden krijgen een voorstel dat wordt aangeboden, voor {reasons} "
                                        "redenen."),
    "from_texts.suggestions_none": ("Geen van de {targets} contacten met een tekst onder “Overig” of zonder reden "
                                    "krijgt een voorstel dat wordt aangeboden."),
    "from_texts.no_targets": "Geen contact met een tekst staat onder “Overig” of zonder reden.",
    "from_texts.col_suggested": "Voorgestelde reden",
    "from_texts.col_contacts": "Contacten",
    "from_texts.col_confidence": "Mediaan zekerheid",
    "from_texts.col_confidence_help": "De kans volgens het model dat het voorstel goed is, gekalibreerd.",
    "from_texts.col_examples": "Wat klanten schreven",
    "from_texts.col_words": "Woorden die de doorslag gaven",
    "from_texts.discovery": "Mogelijke nieuwe redenen",
    "from_texts.discovery_sentence": ("{candidates} groepen gelijksoortige teksten onder de {texts} teksten onder "
                                      "“Overig” of zonder reden van {start} tot en met {end}; **{rising} stijgend**."),
    "from_texts.discovery_sentence_all": ("{candidates} groepen gelijksoortige teksten onder de {texts} teksten van "
                                          "{start} tot en met {end}; **{rising} stijgend**."),
    "from_texts.discovery_sampled": "Een willekeurige {clustered} ervan gegroepeerd.",
    "from_texts.discovery_none": ("Geen groep gelijksoortige teksten valt op onder de {texts} teksten van {start} tot "
                                  "en met {end}."),
    "from_texts.discovery_too_few": ("Te weinig teksten onder “Overig” of zonder reden in de laatste {days} dagen om "
                                     "naar nieuwe redenen te zoeken."),
    "from_texts.rising_chart": "Stijgende kandidaten per week",
    "from_texts.texts_axis": "Teksten per week",
    "from_texts.rising_rule": ("Stijgend: minstens {min_texts} teksten in de laatste {recent} dagen, hun aandeel in "
                               "deze teksten minstens {ratio} keer dat in de {earlier} dagen ervoor, en geen toeval "
                               "(een kans onder 1 op {odds})."),
    "from_texts.closest_rule": ("Dichtstbijzijnde reden: de bekende reden waarvan de teksten de meeste lettergroepen "
                                "met die van de kandidaat delen."),
    "from_texts.col_candidate": "Kandidaat",
    "from_texts.col_texts": "Teksten",
    "from_texts.col_rising": "Stijgend",
    "from_texts.col_recent_share": "Aandeel, laatste 14 dagen",
    "from_texts.col_earlier_share": "Aandeel ervoor",
    "from_texts.col_closest": "Dichtstbijzijnde reden",
    "from_texts.col_similarity": "Gelijkenis",
    "from_texts.col_terms": "Belangrijkste termen",
    "from_texts.tree": "Een redenboom voorgesteld uit de teksten",
    "from_texts.tree_sentence": ("Deze opslag heeft geen redencodes om van te leren (minstens twee redenen met elk "
                                 "{min_texts} teksten). Voorgesteld uit {texts} van de {with_text} teksten, met "
                                 "hoogstens {per_level} keuzes per niveau, om door een redacteur te beoordelen, te "
                                 "benoemen en hieronder over te nemen."),
    "from_texts.tree_too_few": "Te weinig teksten met woorden om een redenboom uit voor te stellen.",
    "from_texts.col_level_1": "Niveau 1",
    "from_texts.col_level_2": "Niveau 2",
    "from_texts.col_share": "Aandeel",
    "from_texts.cli_accuracy": ("Meteen goed {top1}, in de top 3 {top3}, kalibratiefout {ece}, op {held_out} "
                                "achtergehouden contacten; geleerd van {training} van {labelled} contacten met een reden."),
    "from_texts.cli_offered": ("{offered} van {targets} contacten onder “Overig” of zonder reden krijgen een "
                               "aangeboden voorstel."),
    "from_texts.cli_suggestions": "Voorstellen",
    "from_texts.col_contact_id": "Contactnummer",
    "from_texts.col_confidence_one": "Zekerheid",
    "tree_adoption.title": "De boom aanpassen en overnemen",
    "tree_adoption.help": ("Geef elke keuze de naam die uw organisatie gebruikt. Twee keuzes onder dezelfde ouder "
                           "met dezelfde naam worden één; een keuze op niveau 2 zonder naam gaat op in haar ouder; "
                           "een keuze op niveau 1 zonder naam, of met een naam als “Overig”, wordt niet "
                           "overgenomen, net als de eigen “Overig” van de boom. Om een keuze op niveau 2 onder een "
                           "andere of nieuwe keuze op niveau 1 te zetten, typt u haar hele pad: “Account > "
                           "Inloggen”. Overnemen zet de contacten met een "
                           "tekst en zonder reden (of “Overig”) onder hun keuze: de contacten waaruit de boom is "
                           "voorgesteld waar de boom ze plaatste, de andere onder de keuze waar hun tekst het meest "
                           "op lijkt; een tekst zonder bruikbaar woord blijft waar hij staat. De vastgelegde reden blijft "
                           "bewaard, elke pagina kan de redenen zoals vastgelegd blijven tonen, en Gegevens → "
                           "Voorgestelde redenen kan het ongedaan maken."),
    "tree_adoption.col_proposed": "Voorgestelde keuze",
    "tree_adoption.col_name": "Nieuwe naam",
    "tree_adoption.col_level": "Niveau",
    "tree_adoption.adopt": "Deze boom overnemen",
    "tree_adoption.adopt_help": "Zet de contacten zonder code onder de benoemde keuzes; hun vastgelegde reden blijft bewaard.",
    "tree_adoption.step_reading": "De contacten zonder reden lezen",
    "tree_adoption.step_matching": "Elke tekst koppelen aan de keuze waar hij het meest op lijkt",
    "tree_adoption.step_writing": "De contacten verplaatsen (één wijziging, als geheel terug te draaien)",
    "tree_adoption.step_done": "Klaar",
    "tree_adoption.failed": ("Het overnemen van de boom stopte met een onverwachte fout; er is niets veranderd. Probeer "
                             "het opnieuw; gebeurt het weer, dan staat de oorzaak in het logboek van de server."),
    "tree_adoption.adopted_sentence": ("Overgenomen: **{changed}** contacten staan nu onder {reasons} redenen van de "
                                       "boom (vastgelegde redenen bewaard); dagcijfers van {days} dagen bijgewerkt. "
                                       "Ongedaan maken kan bij Gegevens → Voorgestelde redenen."),
    "tree_adoption.viewer_note": "Redacteuren kunnen de keuzes van deze boom benoemen en hem overnemen.",
    "tree_adoption.already": ("{contacts} contacten hebben al een reden die een redacteur overnam of accepteerde (zie "
                              "de pagina Redenen, of maak het ongedaan bij Gegevens → Voorgestelde redenen); wat volgt "
                              "gaat over de teksten die nog geen reden hebben."),
    "tree_adoption.nothing": ("Er zou geen contact verplaatst worden: elke keuze is zonder naam of heeft een naam als "
                              "“Overig”. Er is niets veranderd."),
    "tree_adoption.separator": ("“{name}”: een naam op niveau 1 mag geen “>” bevatten, dat scheidt de niveaus van een reden. "
                                "Er is niets veranderd."),
    "tree_adoption.too_long": "“{name}”: een naam heeft hoogstens {limit} tekens. Er is niets veranderd.",
    "tree_adoption.move_levels": ("“{name}”: om deze keuze te verplaatsen typt u haar hele pad van {levels} niveaus, "
                                  "“{example}”, met een naam op elk niveau. Er is niets veranderd."),
}
