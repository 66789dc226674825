"""Text for the taxonomy health checks (the Data page's Health section)."""

EN: dict[str, str] = {
    "taxonomy.section_help": (
        "Contact reasons only help when agents can pick the right one. These checks look at the "
        "reason tree and at the contacts of the last 90 days of data ({start} to {end}, {contacts} contacts); "
        "the trend covers all months. Each finding comes with a concrete suggestion."
    ),
    "taxonomy.no_findings": "No findings: the reason tree passes every check.",
    "taxonomy.findings": "Findings",
    "taxonomy.summary": "{findings} findings: {high} high, {medium} medium, {low} low.",
    "taxonomy.trend": "Share of “Other” and first-level-only contacts per month",
    "taxonomy.by_level": "“Other” per level (last 90 days)",
    "taxonomy.thresholds": (
        "Checks: more than {max_options} options under one parent; “Other”-like names ({other_names}) or an empty "
        "reason above {other_limit} of contacts (or above {node_limit} of one parent's contacts); reasons in the tree "
        "without contacts in the last 90 days; names that are the same after normalising (case, accents, punctuation, "
        "plural endings, word order) or at least {similarity} similar (longest common subsequence) with every "
        "differing word a near-typo; contacts with only a first level while the tree has sub-reasons (above "
        "{shallow_limit})."
    ),
    "taxonomy.column_severity": "Severity",
    "taxonomy.column_kind": "Check",
    "taxonomy.column_where": "Where",
    "taxonomy.column_finding": "Finding",
    "taxonomy.column_suggestion": "Suggestion",
    "taxonomy.column_level": "Level",
    "taxonomy.column_other_share": "“Other” share",
    "taxonomy.column_month": "Month",
    "taxonomy.other_series": "“Other” or empty",
    "taxonomy.shallow_series": "First level only",
    "taxonomy.share_axis": "Share of contacts",
    "taxonomy.whole_tree": "All reasons",
    "taxonomy.top_level": "Top level",
    "taxonomy.severity_high": "high",
    "taxonomy.severity_medium": "medium",
    "taxonomy.severity_low": "low",
    "taxonomy.kind_too_many_options": "Too many options",
    "taxonomy.kind_other_share": "“Other” share",
    "taxonomy.kind_unused": "Unused reasons",
    "taxonomy.kind_near_duplicate": "Near-duplicates",
    "taxonomy.kind_first_level_only": "First level only",
    "taxonomy.too_many_options_message": "{where}: {options} options to choose from ({unused} without contacts in 90 days).",
    "taxonomy.too_many_options_suggestion": "{unused_hint}{remedy}",
    "taxonomy.split_or_merge": (
        "Split these {left} options ({where}) into groups of at most {max_options}, or merge the three smallest: "
        "{smallest} (together {smallest_share} of its contacts)."
    ),
    "taxonomy.within_limit_after_hiding": "That leaves {left}, within the limit of {max_options} options.",
    "taxonomy.other_share_message": (
        "{where}: {share} of contacts are filed as “Other” or empty ({other_contacts} of {contacts}); {trend_text}."
    ),
    "taxonomy.other_share_suggestion": (
        "Read a sample of the {other_contacts} “Other” contacts ({where}), add the two or three reasons that "
        "recur as their own options, and aim for under {limit}."
    ),
    "taxonomy.trend_up": "up from {before} in the three months before",
    "taxonomy.trend_down": "down from {before} in the three months before",
    "taxonomy.trend_flat": "about the same as the three months before ({before})",
    "taxonomy.trend_unknown": "no earlier months to compare",
    "taxonomy.unused_message": "{where}: {unused} of {paths} options had no contacts in the last 90 days: {names}.",
    "taxonomy.unused_suggestion": (
        "Hide {names_short} from the agents' picker (keep them for history); fewer options make the right one "
        "easier to find."
    ),
    "taxonomy.near_duplicate_message": (
        "“{first}” ({first_contacts} contacts in 90 days) and “{second}” ({second_contacts}) are {similarity} "
        "similar{scope}."
    ),
    "taxonomy.near_duplicate_same_parent": " under the same parent",
    "taxonomy.near_duplicate_across": " in different branches",
    "taxonomy.near_duplicate_suggestion": (
        "Merge “{second}” into “{first}” (the one used more) or rename them so the difference is clear."
    ),
    "taxonomy.first_level_only_message": (
        "{share} of contacts under {where} ({shallow} of {contacts}) stop at the first level, though it has "
        "{children} sub-reasons."
    ),
    "taxonomy.first_level_only_suggestion": (
        "Make the sub-reason required for {where} in the CRM, or add the missing sub-reason agents need "
        "(read a sample of these {shallow} contacts)."
    ),
    "taxonomy.more": "and {count} more",
    "taxonomy.hide_unused_first": "First hide the {unused} options nobody used in 90 days. ",
    "taxonomy.severity_count": "{count} {severity}",
    "taxonomy.kind_table": "{kind}: all {count} findings as a table",
    "taxonomy.as_table": "All findings as a table (sortable, downloadable)",
    "taxonomy.suggestion_prefix": "**Suggestion:**",
    "taxonomy.texts_help_no_codes": (
        "These contacts carry no reason codes to choose from, but they come with what customers wrote: a reason "
        "tree proposed from those texts, at most seven options per level, is a place to start."
    ),
    "taxonomy.texts_help_other_share": (
        "The contacts come with what customers wrote: the texts filed under “Other” are grouped into candidate "
        "reasons (the ones on the rise first), and a reason is suggested for each contact where the texts allow."
    ),
    "taxonomy.texts_help_first_level_only": (
        "The contacts come with what customers wrote: learned from the fully coded contacts, the words that go "
        "with each reason show how well the texts tell the sub-reasons apart, and what agents could pick."
    ),
    "taxonomy.texts_link": "Reasons from texts",
}

NL: dict[str, str] = {
    "taxonomy.section_help": (
        "Contactredenen helpen alleen als medewerkers de juiste kunnen kiezen. Deze controles bekijken de "
        "redenboom en de contacten van de laatste 90 dagen in de gegevens ({start} tot {end}, {contacts} contacten); "
        "de trend beslaat alle maanden. Bij elke bevinding hoort een concreet voorstel."
    ),
    "taxonomy.no_findings": "Geen bevindingen: de redenboom doorstaat elke controle.",
    "taxonomy.findings": "Bevindingen",
    "taxonomy.summary": "{findings} bevindingen: {high} hoog, {medium} middel, {low} laag.",
    "taxonomy.trend": "Aandeel “Overig” en contacten met alleen een eerste niveau per maand",
    "taxonomy.by_level": "“Overig” per niveau (laatste 90 dagen)",
    "taxonomy.thresholds": (
        "Controles: meer dan {max_options} opties onder één ouder; namen als “Overig” ({other_names}) of een lege "
        "contactreden boven {other_limit} van de contacten (of boven {node_limit} van de contacten van één ouder); "
        "redenen in de boom zonder contacten in de laatste 90 dagen; namen die gelijk zijn na normaliseren "
        "(hoofdletters, accenten, leestekens, meervoudsuitgangen, woordvolgorde) of minstens {similarity} gelijk "
        "(langste gemeenschappelijke deelreeks) waarbij elk afwijkend woord bijna een tikfout is; contacten met "
        "alleen een eerste niveau terwijl de boom subredenen heeft (boven {shallow_limit})."
    ),
    "taxonomy.column_severity": "Ernst",
    "taxonomy.column_kind": "Controle",
    "taxonomy.column_where": "Waar",
    "taxonomy.column_finding": "Bevinding",
    "taxonomy.column_suggestion": "Voorstel",
    "taxonomy.column_level": "Niveau",
    "taxonomy.column_other_share": "Aandeel “Overig”",
    "taxonomy.column_month": "Maand",
    "taxonomy.other_series": "“Overig” of leeg",
    "taxonomy.shallow_series": "Alleen eerste niveau",
    "taxonomy.share_axis": "Aandeel van de contacten",
    "taxonomy.whole_tree": "Alle contactredenen",
    "taxonomy.top_level": "Hoogste niveau",
    "taxonomy.severity_high": "hoog",
    "taxonomy.severity_medium": "middel",
    "taxonomy.severity_low": "laag",
    "taxonomy.kind_too_many_options": "Te veel opties",
    "taxonomy.kind_other_share": "Aandeel “Overig”",
    "taxonomy.kind_unused": "Ongebruikte contactredenen",
    "taxonomy.kind_near_duplicate": "Bijna-dubbelen",
    "taxonomy.kind_first_level_only": "Alleen eerste niveau",
    "taxonomy.too_many_options_message": "{where}: {options} opties om uit te kiezen ({unused} zonder contacten in 90 dagen).",
    "taxonomy.too_many_options_suggestion": "{unused_hint}{remedy}",
    "taxonomy.split_or_merge": (
        "Verdeel deze {left} opties ({where}) in groepen van hoogstens {max_options}, of voeg de drie kleinste "
        "samen: {smallest} (samen {smallest_share} van de contacten daar)."
    ),
    "taxonomy.within_limit_after_hiding": "Dan blijven er {left} over, binnen de grens van {max_options} opties.",
    "taxonomy.other_share_message": (
        "{where}: {share} van de contacten staat als “Overig” of leeg geregistreerd ({other_contacts} van "
        "{contacts}); {trend_text}."
    ),
    "taxonomy.other_share_suggestion": (
        "Lees een steekproef van de {other_contacts} “Overig”-contacten ({where}), maak van de twee of drie redenen "
        "die steeds terugkomen eigen opties, en mik op minder dan {limit}."
    ),
    "taxonomy.trend_up": "gestegen van {before} in de drie maanden ervoor",
    "taxonomy.trend_down": "gedaald van {before} in de drie maanden ervoor",
    "taxonomy.trend_flat": "ongeveer gelijk aan de drie maanden ervoor ({before})",
    "taxonomy.trend_unknown": "geen eerdere maanden om mee te vergelijken",
    "taxonomy.unused_message": "{where}: {unused} van {paths} opties hadden geen contacten in de laatste 90 dagen: {names}.",
    "taxonomy.unused_suggestion": (
        "Verberg {names_short} in de keuzelijst van medewerkers (bewaar ze voor de historie); met minder opties is "
        "de juiste makkelijker te vinden."
    ),
    "taxonomy.near_duplicate_message": (
        "“{first}” ({first_contacts} contacten in 90 dagen) en “{second}” ({second_contacts}) lijken voor "
        "{similarity} op elkaar{scope}."
    ),
    "taxonomy.near_duplicate_same_parent": " onder dezelfde ouder",
    "taxonomy.near_duplicate_across": " in verschillende takken",
    "taxonomy.near_duplicate_suggestion": (
        "Voeg “{second}” samen met “{first}” (de vaker gebruikte) of geef ze namen waaruit het verschil duidelijk "
        "wordt."
    ),
    "taxonomy.first_level_only_message": (
        "{share} van de contacten onder {where} ({shallow} van {contacts}) blijft steken op het eerste niveau, "
        "hoewel er {children} subredenen zijn."
    ),
    "taxonomy.first_level_only_suggestion": (
        "Maak de subreden verplicht voor {where} in het CRM, of voeg de ontbrekende subreden toe die medewerkers "
        "nodig hebben (lees een steekproef van deze {shallow} contacten)."
    ),
    "taxonomy.more": "en nog {count}",
    "taxonomy.hide_unused_first": "Verberg eerst de {unused} opties die in 90 dagen niemand gebruikte. ",
    "taxonomy.severity_count": "{count} {severity}",
    "taxonomy.kind_table": "{kind}: alle {count} bevindingen als tabel",
    "taxonomy.as_table": "Alle bevindingen als tabel (sorteerbaar, downloadbaar)",
    "taxonomy.suggestion_prefix": "**Voorstel:**",
    "taxonomy.texts_help_no_codes": (
        "Deze contacten hebben geen redencodes om uit te kiezen, maar wel wat klanten schreven: een redenboom "
        "voorgesteld uit die teksten, hoogstens zeven opties per niveau, is een begin."
    ),
    "taxonomy.texts_help_other_share": (
        "Bij de contacten staat wat klanten schreven: de teksten onder “Overig” worden gegroepeerd tot mogelijke "
        "nieuwe redenen (de stijgende eerst), en waar de teksten het toelaten wordt per contact een reden "
        "voorgesteld."
    ),
    "taxonomy.texts_help_first_level_only": (
        "Bij de contacten staat wat klanten schreven: geleerd van de volledig gecodeerde contacten laten de woorden "
        "bij elke reden zien hoe goed de teksten de subredenen uit elkaar houden, en wat medewerkers kunnen kiezen."
    ),
    "taxonomy.texts_link": "Redenen uit teksten",
}
