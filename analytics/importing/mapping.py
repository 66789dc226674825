"""Which column of an export feeds which field: suggestions and checks.

Column names are compared after ``normalized_name``: lower case, with spaces, underscores,
hyphens, dots and other punctuation removed, so ``"Ticket ID"``, ``ticket_id`` and
``TicketId`` are one name. Suggestions come from English and Dutch synonyms; the first
synonym of a field that matches a column wins, and a column feeds at most one suggested
field (fields are served in table order).
"""

from __future__ import annotations

import re

from analytics.i18n import t
from analytics.importing.settings import ImportRefused, columns_of, fields_of, quoted, required_fields_of

# Synonyms in order of preference, written as people write them; normalised on use.
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "contacts": {
        "contact_id": ("contact_id", "contact id", "id", "ticket id", "ticket", "ticketnummer", "ticket nr",
                       "case number", "case id", "case", "unique_key", "interaction id", "contactnummer",
                       "zaaknummer", "zaak id", "melding id", "meldingnummer", "call id", "conversation id",
                       "complaint id", "request id", "case enquiry id"),
        "started_at": ("started_at", "start", "started", "start time", "starttijd", "startdatum",
                       "created", "created_date", "created at", "created on", "creation date", "timestamp",
                       "datum", "date", "datetime", "datum tijd", "tijdstip", "aangemaakt", "aanmaakdatum",
                       "opened", "opened date", "contact date", "contactdatum", "received", "ontvangen",
                       "date received", "open dt", "created at"),
        "channel": ("channel", "kanaal", "source", "medium", "contactkanaal", "channel name", "media", "bron",
                    "submitted via", "channel type", "via"),
        "reason_l1": ("reason_l1", "reason", "category", "contactreden", "reden", "reason 1", "categorie",
                      "hoofdreden", "contact reason", "topic", "onderwerp", "issue", "vraagtype"),
        "reason_l2": ("reason_l2", "subreason", "sub reason", "complaint_type", "subreden", "reason 2",
                      "subcategory", "subcategorie", "sub topic", "subonderwerp", "sub issue", "type"),
        "reason_l3": ("reason_l3", "descriptor", "subsubreden", "reason 3", "sub subreason",
                      "subsubcategory", "subsubcategorie", "detail"),
        "customer_id": ("customer_id", "customer id", "customer", "customer number", "klant", "klantnummer",
                        "klant id", "client id", "debiteurnummer", "account id", "account number", "author id"),
        "order_id": ("order_id", "order id", "order", "order number", "ordernummer", "bestelnummer", "bestelling"),
        "department": ("department", "agency", "agency_name", "afdeling", "team", "queue", "wachtrij",
                       "group", "groep", "skill"),
        "product": ("product", "product name", "productnaam", "artikel"),
        "supplier": ("supplier", "leverancier", "vendor", "carrier", "vervoerder"),
        "segment": ("segment", "customer segment", "klantsegment", "klanttype", "customer type", "tier"),
        "handle_seconds": ("handle_seconds", "aht", "handle time", "handling time", "afhandeltijd",
                           "gesprekstijd", "behandeltijd", "duration", "duur", "talk time", "service time",
                           "ser time", "handling duration", "call duration", "gespreksduur"),
        "wait_seconds": ("wait_seconds", "wait time", "wachttijd", "queue time", "asa", "wait", "q time",
                         "time in queue", "hold time"),
        "resolved": ("resolved", "opgelost", "fcr", "first contact resolution", "solved", "afgehandeld"),
        "csat": ("csat", "satisfaction", "tevredenheid", "klanttevredenheid", "csat score", "score",
                 "rating", "cijfer"),
        "csat_scale": ("csat_scale", "csat scale", "scale", "schaal", "max score"),
        # What the customer wrote; an agent's note ("opmerking") is not the customer's words.
        "text": ("text", "tekst", "subject", "onderwerp", "omschrijving", "description", "message", "bericht",
                 "body", "summary", "samenvatting", "first message", "eerste bericht", "customer message",
                 "klantbericht", "vraag", "question", "complaint narrative", "customer complaint", "narrative",
                 "inhoud", "content"),
    },
    "drivers": {
        "day": ("day", "date", "datum", "dag"),
        "value": ("value", "waarde", "count", "aantal", "volume", "total", "totaal", "amount", "orders"),
        "dimension": ("dimension", "dimensie"),
        "dimension_value": ("dimension_value", "dimension value", "dimensie waarde", "dimensiewaarde"),
    },
}


def normalized_name(name: str) -> str:
    """A column name reduced for comparison: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]+", "", name.strip().lower())


def suggest_mapping(columns: list[str], kind: str = "contacts") -> dict[str, str]:
    """Suggested field -> column for the fields whose column can be recognised by name.

    Parameters
    ----------
    columns
        The file's column names, as ``read_columns`` returns them.
    kind
        ``"contacts"`` or ``"drivers"``.

    Returns
    -------
    dict
        Only recognised fields appear; each column is used at most once.

    Examples
    --------
    The San Francisco 311 export: ``unique_key -> contact_id``, ``created_date ->
    started_at``, ``source -> channel``, ``category -> reason_l1``, ``complaint_type ->
    reason_l2``, ``descriptor -> reason_l3``, ``agency_name -> department``.
    """
    by_name: dict[str, str] = {}
    for column in columns:
        by_name.setdefault(normalized_name(column), column)
    by_words = {column: _words(column) for column in columns}
    used: set[str] = set()
    suggestion: dict[str, str] = {}
    # First exact names, then names that start with a synonym ("Aangemaakt op",
    # "Afhandeltijd (sec)"): a unit or a preposition should not hide a column.
    for exact in (True, False):
        for target in fields_of(kind):
            if target in suggestion:
                continue
            for synonym in _SYNONYMS[kind][target]:
                column = (by_name.get(normalized_name(synonym)) if exact
                          else _leading_words_match(_words(synonym), by_words))
                if column in used:
                    column = None
                if column is not None:
                    suggestion[target] = column
                    used.add(column)
                    break
    return suggestion


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", name.strip().lower()) if w]


def _leading_words_match(synonym: list[str], by_words: dict[str, list[str]]) -> str | None:
    """The first column whose words begin with the synonym's words ("Aangemaakt op",
    "Afhandeltijd (sec)"), for synonyms specific enough (not "id" or "date")."""
    if sum(len(w) for w in synonym) < 5:
        return None
    for column, words in by_words.items():
        if words[: len(synonym)] == synonym:
            return column
    return None


def complete_mapping(mapping: dict[str, str | list[str]] | None, columns: list[str], kind: str,
                     constants: dict[str, str] | None = None, profiles: list | None = None) -> dict[str, str | list[str]]:
    """A mapping with every field it leaves out filled from the suggestions: by the
    columns' names and values when ``profiles`` (``profiling.column_profiles``) are given,
    else by names only (``suggest_mapping``).

    Fields mapped to ``""`` stay unmapped, fields given a constant get no column, and a
    column the mapping already uses for another field is not suggested again.
    """
    given = dict(mapping or {})
    taken = {**given, **{field: "" for field in (constants or {}) if field not in given}}
    if profiles is not None:
        from analytics.importing.profiling import suggested_mapping  # profiling reads files; mapping is pure

        for target, column in suggested_mapping(profiles, kind, taken).items():
            given.setdefault(target, column)
        return given
    used = {column for value in taken.values() for column in columns_of(value)}
    for target, column in suggest_mapping([c for c in columns if c not in used], kind).items():
        if target not in taken:
            given.setdefault(target, column)
    return given


CONSTANT_FIELDS = ("channel", "reason_l1", "reason_l2", "reason_l3", "department", "product", "supplier",
                   "segment", "csat_scale")


def checked_mapping(mapping: dict[str, str | list[str]], columns: list[str], kind: str,
                    constants: dict[str, str] | None = None) -> dict[str, tuple[int, ...]]:
    """Field -> positions of its columns, for a mapping that fits the file (a field set to
    one value for the whole file by ``constants`` needs no column).

    Raises
    ------
    ImportRefused
        When the mapping names an unknown field, a required field is neither mapped nor
        set, a mapped column is not in the file, or a constant is given for a field that
        must differ per row (an id, a date, a number).
    """
    targets = fields_of(kind)
    constants = constants or {}
    unknown = sorted((set(mapping) | set(constants)) - set(targets))
    if unknown:
        raise ImportRefused(t("errors.import_unknown_field", field=repr(unknown[0]), fields=", ".join(targets)))
    not_constant = sorted(f for f in constants if f not in CONSTANT_FIELDS)
    if not_constant:
        raise ImportRefused(t("errors.import_constant_field", field=repr(not_constant[0]),
                              fields=", ".join(CONSTANT_FIELDS)))
    wanted = {target: columns_of(value) for target, value in mapping.items() if columns_of(value)}
    for target in required_fields_of(kind):
        if target not in wanted and not str(constants.get(target, "")).strip():
            key = "errors.import_required_unset" if target in CONSTANT_FIELDS else "errors.import_required_unmapped"
            raise ImportRefused(t(key, field=repr(target), target=target, label=t(f"import.field_{target}")))
    positions = {column: i for i, column in reversed(list(enumerate(columns)))}
    result = {}
    for target in targets:
        if target not in wanted or target in constants:
            continue
        found = []
        for column in wanted[target]:
            if column not in positions:
                shown = ", ".join(quoted(c)[1:-1] for c in columns[:30]) + (", ..." if len(columns) > 30 else "")
                raise ImportRefused(t("errors.import_column_missing", column=quoted(column), field=repr(target),
                                       columns=shown))
            found.append(positions[column])
        result[target] = tuple(found)
    return result
