"""Text for what customers wrote: the search on the Reasons & channels page."""

EN: dict[str, str] = {
    "reasons.section_texts": "Texts",
    "reasons.texts": "What customers wrote",
    "reasons.texts_search": "Search the texts",
    "reasons.texts_search_help": ("Contacts in the filters whose text contains these words, capitals or not, exactly "
                                  "as typed (no wildcards). Leave empty to see every text."),
    "reasons.texts_placeholder": "e.g. retourlabel",
    "reasons.texts_found": "**{matching}** of the {with_text} contacts with a text in these filters contain “{words}”.",
    "reasons.texts_all": "**{with_text}** contacts in these filters have a text.",
    "reasons.texts_sample": ("The newest {shown}, with the reason each was filed under. E-mail addresses, phone "
                             "numbers, IBANs and postcodes were masked on import."),
    "reasons.texts_no_match": "No text in these filters contains “{words}”.",
    "reasons.texts_none_in_filter": "None of the contacts in these filters has a text.",
    "reasons.texts_none": ("This store holds no texts. Map the column with the customer's subject or message to "
                           "**text** when importing on the Data page."),
    "reasons.texts_hidden": ("What customers wrote is hidden for your role ({role}): texts may hold personal data, "
                             "so only editors and admins read them."),
    "reasons.col_started_at": "Started",
    "reasons.col_channel": "Channel",
    "reasons.col_text": "Text",
}

NL: dict[str, str] = {
    "reasons.section_texts": "Teksten",
    "reasons.texts": "Wat klanten schreven",
    "reasons.texts_search": "Zoek in de teksten",
    "reasons.texts_search_help": ("Contacten in de filters waarvan de tekst deze woorden bevat, met of zonder "
                                  "hoofdletters, precies zoals getypt (geen jokertekens). Leeg: alle teksten."),
    "reasons.texts_placeholder": "bijv. retourlabel",
    "reasons.texts_found": "**{matching}** van de {with_text} contacten met een tekst in deze filters bevatten “{words}”.",
    "reasons.texts_all": "**{with_text}** contacten in deze filters hebben een tekst.",
    "reasons.texts_sample": ("De nieuwste {shown}, met de contactreden waaronder elk is vastgelegd. E-mailadressen, "
                             "telefoonnummers, IBAN's en postcodes zijn bij het importeren gemaskeerd."),
    "reasons.texts_no_match": "Geen tekst in deze filters bevat “{words}”.",
    "reasons.texts_none_in_filter": "Geen van de contacten in deze filters heeft een tekst.",
    "reasons.texts_none": ("Deze opslag bevat geen teksten. Koppel bij het importeren op de pagina Gegevens de kolom "
                           "met het onderwerp of bericht van de klant aan **text**."),
    "reasons.texts_hidden": ("Wat klanten schreven is verborgen voor uw rol ({role}): teksten kunnen "
                             "persoonsgegevens bevatten, dus alleen redacteuren en beheerders lezen ze."),
    "reasons.col_started_at": "Begonnen",
    "reasons.col_channel": "Kanaal",
    "reasons.col_text": "Tekst",
}
