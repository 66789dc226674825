"""Contacts with Dutch texts and a known truth for reason discovery: weeks of contacts on a
few stable reasons, some filed under them and some under "Overig" (the agent did not look
further), vague texts under "Overig", and from ``problem_start`` on a new problem that
only lands in "Overig", more of it every day ("QR-code van het retourlabel werkt niet", in
varied words and with typos).

Column ``truth`` says what each text is about: a reason path, ``"vague"`` or
:data:`NEW_PROBLEM`. And :func:`demo_text_truth`: what each of the demo store's subject
lines was written about, found again from the demo's own wordings. Used by
``tests/test_reason_discovery.py`` and ``benchmarks/reason_discovery.py``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np
import pandas as pd

from analytics.demo.subject_templates import HIDDEN_PROBLEM, PREFIXES, SUBJECTS, SUFFIXES, VAGUE
from analytics.demo.texts import OTHER_PATH as DEMO_OTHER
from analytics.demo.texts import typo_of

OTHER_PATH = "Overig"
NEW_PROBLEM = "qr-code retourlabel"
FIRST_DAY = date(2025, 1, 6)  # a Monday

THEMES = {
    "Bezorging > Pakket niet ontvangen": (
        "mijn pakket is nog steeds niet bezorgd", "pakket niet ontvangen terwijl track en trace zegt bezorgd",
        "waar blijft mijn pakket, bezorging is al een week te laat", "de bezorger heeft mijn pakket niet afgeleverd",
        "track en trace geeft al dagen geen update over de bezorging", "pakket kwijt bij de bezorger",
    ),
    "Retouren > Retour aanmelden": (
        "hoe kan ik mijn bestelling retour sturen", "ik wil een retour aanmelden voor mijn bestelling",
        "retourzending aangemeld maar nog geen terugbetaling", "wanneer wordt mijn retour verwerkt",
        "ik wil de jas terugsturen, hoe werkt retourneren", "retour binnen 30 dagen mogelijk?",
    ),
    "Betalen > Factuur": (
        "ik heb een vraag over mijn factuur", "het bedrag op de factuur klopt niet",
        "factuur dubbel betaald, graag terugstorten", "kan ik de factuur in termijnen betalen",
        "ik heb geen factuur ontvangen van mijn bestelling", "betalingsherinnering ontvangen maar al betaald",
    ),
    "Account > Inloggen": (
        "ik kan niet inloggen op mijn account", "wachtwoord vergeten en de resetlink komt niet aan",
        "inloggen lukt niet, account geblokkeerd", "mijn account is geblokkeerd na te vaak inloggen",
        "wachtwoord wijzigen werkt niet in de app", "ik krijg een foutmelding bij het inloggen",
    ),
    "Producten > Maat en pasvorm": (
        "welke maat moet ik nemen voor deze schoenen", "de broek valt kleiner dan de maattabel",
        "is deze jurk ook in een grotere maat leverbaar", "maatadvies voor de winterjas graag",
        "de pasvorm van de sneakers is anders dan vorige keer", "valt deze trui normaal of klein",
    ),
}
VAGUE_OPENINGS = (
    "ik heb een vraag", "graag contact opnemen", "zie mijn eerdere mail", "kunt u mij terugbellen",
    "nog steeds geen reactie gehad", "klacht", "zie bijlage", "ik wil graag iemand spreken",
    "terugbelverzoek", "algemene vraag", "informatie gevraagd", "ik heb u eerder gemaild",
    "zelfde vraag als vorige week", "hoe zit het hiermee", "opmerking", "verzoek",
)
VAGUE_SUBJECTS = (
    "", "", "over mijn bestelling", "over de levering", "over uw mail", "over mijn klantnummer",
    "over de aanbieding", "over de winkel", "van vorige week", "over het nieuwe abonnement",
    "over mijn gegevens", "over de actie", "over een artikel", "over de service", "over de website",
)
VAGUE_TEXTS = tuple(f"{opening} {subject}".strip() for opening in VAGUE_OPENINGS for subject in VAGUE_SUBJECTS)
PROBLEM_TEXTS = (
    "QR-code retourlabel werkt niet", "de qr code op het retourlabel wordt niet gescand",
    "retourlabel qr-code ongeldig bij het pakketpunt", "pakketpunt kan de QR code van mijn retourlabel niet lezen",
    "qr-code van retourlabel geeft foutmelding", "mijn retourlabel heeft een qr code die niet werkt",
    "QR code retour label doet het niet", "scannen van de qr-code op het retourlabel mislukt",
)
GREETINGS = ("", "", "Hallo, ", "Goedemorgen, ", "Beste klantenservice, ", "hoi ")
ENDINGS = ("", "", ".", "!", "?", " Groet, Anne", " mvg Peter", " bestelnummer 58213", " graag snel antwoord")


def discovery_contacts(*, weeks: int = 20, problem_start: date | None = FIRST_DAY + timedelta(weeks=16),
                       other_per_day: float = 40.0, labelled_per_day: float = 60.0, problem_growth: float = 0.7,
                       problem_scale: float = 1.0, seed: int = 0) -> pd.DataFrame:
    """One row per contact from :data:`FIRST_DAY` for ``weeks`` weeks: ``day``, ``text``,
    ``recorded_path`` and ``truth``. A day has Poisson(``other_per_day``) texts under
    "Overig" (half vague, half about a stable theme) and Poisson(``labelled_per_day``) filed
    under their theme; from ``problem_start`` on (None: never), day ``d`` of the problem
    (0-based) adds Poisson(``problem_scale * (1 + problem_growth * d)``) texts about it
    under "Overig" (scale it with ``other_per_day`` to keep the problem's share)."""
    rng = np.random.default_rng(seed)
    themes = list(THEMES)
    rows = []
    for offset in range(weeks * 7):
        day = FIRST_DAY + timedelta(days=offset)
        for _ in range(rng.poisson(labelled_per_day)):
            theme = themes[rng.integers(len(themes))]
            rows.append((day, _varied(rng, THEMES[theme]), theme, theme))
        for _ in range(rng.poisson(other_per_day)):
            if rng.random() < 0.5:
                rows.append((day, _varied(rng, VAGUE_TEXTS), OTHER_PATH, "vague"))
            else:
                theme = themes[rng.integers(len(themes))]
                rows.append((day, _varied(rng, THEMES[theme]), OTHER_PATH, theme))
        if problem_start is not None and day >= problem_start:
            for _ in range(rng.poisson(problem_scale * (1 + problem_growth * (day - problem_start).days))):
                rows.append((day, _varied(rng, PROBLEM_TEXTS), OTHER_PATH, NEW_PROBLEM))
    frame = pd.DataFrame(rows, columns=["day", "text", "recorded_path", "truth"])
    frame["day"] = pd.to_datetime(frame["day"])
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="contact_id")
    return frame


def _varied(rng: np.random.Generator, texts: tuple[str, ...]) -> str:
    """One of ``texts`` with a greeting, an ending and, one time in five, a typo (two
    neighbouring letters swapped)."""
    text = texts[rng.integers(len(texts))]
    if rng.random() < 0.2 and len(text) > 4:
        at = int(rng.integers(1, len(text) - 2))
        text = text[:at] + text[at + 1] + text[at] + text[at + 2:]
    return GREETINGS[rng.integers(len(GREETINGS))] + text + ENDINGS[rng.integers(len(ENDINGS))]


# --- The demo store's texts ----------------------------------------------------------
DEMO_HIDDEN = "hidden problem"
DEMO_VAGUE = "vague"
_NUMBER = re.compile(r"\d+(?:,\d\d)?")


def demo_text_truth(texts: pd.Series) -> pd.Series:
    """What each of the demo's subject lines (``analytics.demo.texts``) was written about:
    the reason path whose wording it is, :data:`DEMO_VAGUE` for a vague line (the demo's
    vague lines and "Other"'s own), :data:`DEMO_HIDDEN` for the hidden problem, None for a
    text the demo cannot have written. The line is found again by taking off each
    greeting and ending the demo adds and comparing with every wording and its typo, the
    number that filled a placeholder read as any number."""
    book: dict[str, str] = {}
    groups = [*((path, lines) for path, lines in SUBJECTS.items() if path != DEMO_OTHER),
              (DEMO_VAGUE, (*VAGUE, *SUBJECTS[DEMO_OTHER])), (DEMO_HIDDEN, HIDDEN_PROBLEM)]
    for label, lines in groups:
        for line in lines:
            for variant in (line, typo_of(line)):
                book.setdefault(_template(variant), label)
    prefixes, suffixes = ("", *PREFIXES), ("", *SUFFIXES)

    def truth_of(text: object) -> str | None:
        if not isinstance(text, str):
            return None
        for prefix in prefixes:
            if not text.startswith(prefix):
                continue
            for suffix in suffixes:
                if text.endswith(suffix) and len(text) >= len(prefix) + len(suffix):
                    found = book.get(_NUMBER.sub("#", text[len(prefix):len(text) - len(suffix)]))
                    if found is not None:
                        return found
        return None

    distinct = pd.Series(texts.dropna().unique())
    return texts.map(dict(zip(distinct, distinct.map(truth_of)))).rename("truth")


def _template(line: str) -> str:
    for placeholder in ("{order}", "{amount}", "{days}"):
        line = line.replace(placeholder, "0")
    return _NUMBER.sub("#", line)
