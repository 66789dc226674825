"""Text for reviewing suggested reasons (Data page) and for the sidebar switch between the
reasons as recorded and with the accepted suggestions."""

EN: dict[str, str] = {
    "data.section_suggested_reasons": "Suggested reasons",
    "review.title": "Suggested reasons",
    "review.help": ("Reasons suggested for contacts filed under “Other” or without a reason, learned from what "
                    "customers wrote. Nothing is relabelled silently: you accept or reject them per suggested "
                    "reason. An accepted contact keeps the reason the agent recorded, so every page can show the "
                    "reasons as recorded, and an accept can be undone."),
    "review.no_codes": ("No reasons are suggested: the store has no reason codes to learn from. The Reasons & "
                        "channels page proposes a reason tree from the texts instead."),
    "review.none": "No suggestion is waiting for review: every offered suggestion was accepted or rejected.",
    "review.suggested_at": "Suggestions made at data version {version}.",
    "review.suggest_again": "Suggest again",
    "review.suggest_again_help": "Learn again from the store as it is now (the data changed since).",
    "review.summary": "Waiting for review",
    "review.summary_help": ("Per suggested reason: the contacts it is offered for and the model's accuracy on "
                            "labelled texts it did not learn from. Reasons the model does not predict well enough "
                            "are not offered."),
    "review.reason": "Suggested reason",
    "review.confidence": "Accept from confidence",
    "review.confidence_help": ("The model's probability that the suggestion is right; calibrated, so of the "
                               "suggestions at 90% about 9 in 10 are right."),
    "review.chosen": "**{chosen}** of the {offered} contacts suggested for “{reason}” have a confidence of {confidence} or more.",
    "review.chosen_none": "No contact suggested for “{reason}” has a confidence of {confidence} or more.",
    "review.sample": "Texts",
    "review.sample_help": ("{shown} of them, spread over their confidence from the lowest up, with the reason the "
                           "agent recorded."),
    "review.accept": "Accept {contacts}",
    "review.accept_help": "Move these contacts to the suggested reason; their recorded reason is kept.",
    "review.reject": "Reject {contacts}",
    "review.reject_help": "Do not offer these suggestions again; the contacts keep their reason.",
    "review.accepted_sentence": ("Accepted: **{changed}** contacts moved to {reason} (recorded reasons kept); "
                                 "daily figures of {days} days updated."),
    "review.rejected_sentence": "Rejected: **{changed}** suggestions of {reason} will not be offered again.",
    "review.undone_sentence": ("Undone: **{changed}** contacts are back under the reason the agent recorded; "
                               "daily figures of {days} days updated."),
    "review.skipped_sentence": " {skipped} skipped: their reason changed in the store since the suggestion.",
    "review.nothing_chosen": "No suggestion at or above this confidence for this reason: nothing was changed.",
    "review.unknown_batch": "There is no accepted review {batch} that can still be undone: nothing was changed.",
    "review.confidence_range": "A confidence lies between 0 and 1, not {value}.",
    "review.columns_missing": "The suggestions lack the columns {columns}.",
    "review.parquet_refused": ("Suggested reasons cannot be accepted or undone while the contacts are read from the "
                               "Parquet dataset {location}: the store does not own those rows. Copy them back with "
                               "`python -m analytics store use-table` first."),
    "review.accepted_changes": "Accepted changes",
    "review.accepted_help": "Each accept that still stands. Undo puts its contacts back under the recorded reason.",
    "review.accepted_none": "No suggestion has been accepted.",
    "review.undo_pick": "Accept to undo",
    "review.undo": "Undo",
    "review.undo_option": "#{batch}: {reason} ({contacts})",
    "review.viewer_note": "What customers wrote is hidden for your role; editors review the suggestions.",
    "review.col_batch_id": "#",
    "review.col_decided_at": "Accepted at",
    "review.col_decided_by": "By",
    "review.col_suggested_paths": "Moved to",
    "review.col_recorded_paths": "Recorded reason",
    "review.col_contacts": "Contacts",
    "review.col_min_confidence": "Lowest confidence",
    "review.col_suggested_path": "Suggested reason",
    "review.col_offered": "Contacts",
    "review.col_accuracy": "Accuracy",
    "review.col_accuracy_help": "Share right among labelled texts the model did not learn from.",
    "review.col_median_confidence": "Median confidence",
    "review.col_confidence": "Confidence",
    "review.col_recorded_path": "Recorded reason",
    "review.col_text": "Text",
    "review.col_words": "Words that led to it",
    "review.col_started_at": "Started",
    "filters.reasons_as_recorded": "Reasons as recorded",
    "filters.reasons_as_recorded_help": ("On: every page counts the reasons the agents recorded. Off: with the "
                                         "suggested reasons an editor accepted (Data › Suggested reasons)."),
    "filters.reasons_caption_accepted": "Showing reasons **with {contacts} accepted suggestions**.",
    "filters.reasons_caption_recorded": "Showing reasons **as recorded** ({contacts} accepted suggestions left out).",
    "filters.reasons_shown_accepted": "reasons with accepted suggestions",
    "filters.reasons_shown_recorded": "reasons as recorded",
    "exports.reasons_accepted": "Reasons: with the suggested reasons an editor accepted",
    "exports.reasons_recorded": "Reasons: as the agents recorded them",
    "access.what_accept_suggested_reasons": "accept suggested reasons",
    "access.what_reject_suggested_reasons": "reject suggested reasons",
    "access.what_undo_accepted_reasons": "undo accepted reasons",
    "audit.action_reasons_accept": "Suggested reasons accepted",
    "audit.action_reasons_reject": "Suggested reasons rejected",
    "audit.action_reasons_undo": "Accepted reasons undone",
    "audit.action_reasons_adopt_tree": "Proposed reason tree adopted",
    "data.col_suggested": "Suggested reason",
    "data.col_min_confidence": "From confidence",
    "data.col_skipped": "Skipped",
    "data.col_undone_batch_id": "Undoes review",
    "data.col_batch_id": "Review",
}

NL: dict[str, str] = {
    "data.section_suggested_reasons": "Voorgestelde redenen",
    "review.title": "Voorgestelde redenen",
    "review.help": ("Redenen voorgesteld voor contacten onder “Overig” of zonder reden, geleerd uit wat klanten "
                    "schreven. Niets wordt stilletjes omgelabeld: u accepteert of verwerpt ze per voorgestelde "
                    "reden. Een geaccepteerd contact houdt de reden die de medewerker vastlegde, zodat elke pagina "
                    "de redenen zoals vastgelegd kan tonen, en een acceptatie kan ongedaan worden gemaakt."),
    "review.no_codes": ("Er worden geen redenen voorgesteld: de opslag heeft geen redencodes om van te leren. De "
                        "pagina Contactredenen & kanalen stelt in plaats daarvan een redenboom voor uit de teksten."),
    "review.none": "Er wacht geen voorstel op beoordeling: elk aangeboden voorstel is geaccepteerd of verworpen.",
    "review.suggested_at": "Voorstellen gemaakt bij gegevensversie {version}.",
    "review.suggest_again": "Opnieuw voorstellen",
    "review.suggest_again_help": "Opnieuw leren van de opslag zoals die nu is (de gegevens zijn intussen veranderd).",
    "review.summary": "Wacht op beoordeling",
    "review.summary_help": ("Per voorgestelde reden: de contacten waarvoor hij wordt aangeboden en de "
                            "nauwkeurigheid van het model op gelabelde teksten waarvan het niet leerde. Redenen die "
                            "het model niet goed genoeg voorspelt, worden niet aangeboden."),
    "review.reason": "Voorgestelde reden",
    "review.confidence": "Accepteren vanaf zekerheid",
    "review.confidence_help": ("De kans volgens het model dat het voorstel klopt; gekalibreerd, dus van de "
                               "voorstellen op 90% klopt ongeveer 9 op de 10."),
    "review.chosen": "**{chosen}** van de {offered} contacten met voorstel “{reason}” hebben een zekerheid van {confidence} of meer.",
    "review.chosen_none": "Geen contact met voorstel “{reason}” heeft een zekerheid van {confidence} of meer.",
    "review.sample": "Teksten",
    "review.sample_help": ("{shown} daarvan, gespreid over hun zekerheid van de laagste af, met de reden die de "
                           "medewerker vastlegde."),
    "review.accept": "{contacts} accepteren",
    "review.accept_help": "Zet deze contacten onder de voorgestelde reden; hun vastgelegde reden blijft bewaard.",
    "review.reject": "{contacts} verwerpen",
    "review.reject_help": "Deze voorstellen niet meer aanbieden; de contacten houden hun reden.",
    "review.accepted_sentence": ("Geaccepteerd: **{changed}** contacten naar {reason} verplaatst (vastgelegde "
                                 "redenen bewaard); dagcijfers van {days} dagen bijgewerkt."),
    "review.rejected_sentence": "Verworpen: **{changed}** voorstellen van {reason} worden niet meer aangeboden.",
    "review.undone_sentence": ("Ongedaan gemaakt: **{changed}** contacten staan weer onder de reden die de "
                               "medewerker vastlegde; dagcijfers van {days} dagen bijgewerkt."),
    "review.skipped_sentence": " {skipped} overgeslagen: hun reden is na het voorstel in de opslag veranderd.",
    "review.nothing_chosen": "Geen voorstel voor deze reden met deze zekerheid of meer: er is niets gewijzigd.",
    "review.unknown_batch": "Er is geen geaccepteerde beoordeling {batch} die nog ongedaan kan worden: er is niets gewijzigd.",
    "review.confidence_range": "Een zekerheid ligt tussen 0 en 1, niet {value}.",
    "review.columns_missing": "De voorstellen missen de kolommen {columns}.",
    "review.parquet_refused": ("Voorgestelde redenen kunnen niet worden geaccepteerd of ongedaan gemaakt zolang de "
                               "contacten uit de Parquet-dataset {location} worden gelezen: de opslag bezit die rijen "
                               "niet. Kopieer ze eerst terug met `python -m analytics store use-table`."),
    "review.accepted_changes": "Geaccepteerde wijzigingen",
    "review.accepted_help": ("Elke acceptatie die nog geldt. Ongedaan maken zet de contacten terug onder de "
                             "vastgelegde reden."),
    "review.accepted_none": "Er is nog geen voorstel geaccepteerd.",
    "review.undo_pick": "Acceptatie om ongedaan te maken",
    "review.undo": "Ongedaan maken",
    "review.undo_option": "#{batch}: {reason} ({contacts})",
    "review.viewer_note": "Wat klanten schreven is verborgen voor uw rol; redacteuren beoordelen de voorstellen.",
    "review.col_batch_id": "Nr.",
    "review.col_decided_at": "Geaccepteerd op",
    "review.col_decided_by": "Door",
    "review.col_suggested_paths": "Verplaatst naar",
    "review.col_recorded_paths": "Vastgelegde reden",
    "review.col_contacts": "Contacten",
    "review.col_min_confidence": "Laagste zekerheid",
    "review.col_suggested_path": "Voorgestelde reden",
    "review.col_offered": "Contacten",
    "review.col_accuracy": "Nauwkeurigheid",
    "review.col_accuracy_help": "Aandeel juist onder gelabelde teksten waarvan het model niet leerde.",
    "review.col_median_confidence": "Mediaan zekerheid",
    "review.col_confidence": "Zekerheid",
    "review.col_recorded_path": "Vastgelegde reden",
    "review.col_text": "Tekst",
    "review.col_words": "Woorden die ertoe leidden",
    "review.col_started_at": "Begonnen",
    "filters.reasons_as_recorded": "Redenen zoals vastgelegd",
    "filters.reasons_as_recorded_help": ("Aan: elke pagina telt de redenen die medewerkers vastlegden. Uit: met de "
                                         "voorgestelde redenen die een redacteur accepteerde (Gegevens › "
                                         "Voorgestelde redenen)."),
    "filters.reasons_caption_accepted": "Redenen getoond **met {contacts} geaccepteerde voorstellen**.",
    "filters.reasons_caption_recorded": ("Redenen getoond **zoals vastgelegd** ({contacts} geaccepteerde voorstellen "
                                         "buiten beschouwing)."),
    "filters.reasons_shown_accepted": "redenen met geaccepteerde voorstellen",
    "filters.reasons_shown_recorded": "redenen zoals vastgelegd",
    "exports.reasons_accepted": "Redenen: met de voorgestelde redenen die een redacteur accepteerde",
    "exports.reasons_recorded": "Redenen: zoals de medewerkers ze vastlegden",
    "access.what_accept_suggested_reasons": "voorgestelde redenen accepteren",
    "access.what_reject_suggested_reasons": "voorgestelde redenen verwerpen",
    "access.what_undo_accepted_reasons": "geaccepteerde redenen ongedaan maken",
    "audit.action_reasons_accept": "Voorgestelde redenen geaccepteerd",
    "audit.action_reasons_reject": "Voorgestelde redenen verworpen",
    "audit.action_reasons_undo": "Geaccepteerde redenen ongedaan gemaakt",
    "audit.action_reasons_adopt_tree": "Voorgestelde redenboom overgenomen",
    "data.col_suggested": "Voorgestelde reden",
    "data.col_min_confidence": "Vanaf zekerheid",
    "data.col_skipped": "Overgeslagen",
    "data.col_undone_batch_id": "Maakt beoordeling ongedaan",
    "data.col_batch_id": "Beoordeling",
}
