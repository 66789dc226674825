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
from analytics.importing.settings import ImportRefused, fields_of, quoted, required_fields_of

# Synonyms in order of preference, written as people write them; normalised on use.
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "contacts": {
        "contact_id": ("contact_id", "contact id", "id", "ticket id", "ticket", "ticketnummer", "ticket nr",
                       "case number", "case id", "case", "unique_key", "interaction id", "contactnummer",
                       "zaaknummer", "zaak id", "melding id", "meldingnummer", "call id", "conversation id"),
        "started_at": ("started_at", "start", "started", "start time", "starttijd", "startdatum",
                       "created", "created_date", "created at", "created on", "creation date", "timestamp",
                       "datum", "date", "datetime", "datum tijd", "tijdstip", "aangemaakt", "aanmaakdatum",
                       "opened", "opened date", "contact date", "contactdatum", "received", "ontvangen"),
        "channel": ("channel", "kanaal", "source", "medium", "contactkanaal", "channel name", "media", "bron"),
        "reason_l1": ("reason_l1", "reason", "category", "contactreden", "reden", "reason 1", "categorie",
                      "hoofdreden", "contact reason", "topic", "onderwerp"),
        "reason_l2": ("reason_l2", "subreason", "sub reason", "complaint_type", "subreden", "reason 2",
                      "subcategory", "subcategorie", "sub topic", "subonderwerp"),
        "reason_l3": ("reason_l3", "descriptor", "subsubreden", "reason 3", "sub subreason",
                      "subsubcategory", "subsubcategorie", "detail"),
        "customer_id": ("customer_id", "customer id", "customer", "customer number", "klant", "klantnummer",
                        "klant id", "client id", "debiteurnummer", "account id", "account number"),
        "order_id": ("order_id", "order id", "order", "order number", "ordernummer", "bestelnummer", "bestelling"),
        "department": ("department", "agency", "agency_name", "afdeling", "team", "queue", "wachtrij",
                       "group", "groep", "skill"),
        "product": ("product", "product name", "productnaam", "artikel"),
        "supplier": ("supplier", "leverancier", "vendor", "carrier", "vervoerder"),
        "segment": ("segment", "customer segment", "klantsegment", "klanttype", "customer type", "tier"),
        "handle_seconds": ("handle_seconds", "aht", "handle time", "handling time", "afhandeltijd",
                           "gesprekstijd", "behandeltijd", "duration", "duur", "talk time"),
        "wait_seconds": ("wait_seconds", "wait time", "wachttijd", "queue time", "asa", "wait"),
        "resolved": ("resolved", "opgelost", "fcr", "first contact resolution", "solved", "afgehandeld"),
        "csat": ("csat", "satisfaction", "tevredenheid", "klanttevredenheid", "csat score", "score",
                 "rating", "cijfer"),
        "csat_scale": ("csat_scale", "csat scale", "scale", "schaal", "max score"),
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


def complete_mapping(mapping: dict[str, str] | None, columns: list[str], kind: str) -> dict[str, str]:
    """A mapping with every field it leaves out filled from ``suggest_mapping``.

    Fields mapped to ``""`` stay unmapped; a suggested column that the mapping already uses
    for another field is not suggested again.
    """
    given = dict(mapping or {})
    used = {column for column in given.values() if column}
    for target, column in suggest_mapping([c for c in columns if c not in used], kind).items():
        given.setdefault(target, column)
    return given


def checked_mapping(mapping: dict[str, str], columns: list[str], kind: str) -> dict[str, int]:
    """Field -> column position for a mapping that fits the file.

    Raises
    ------
    ImportRefused
        When the mapping names an unknown field, a required field is not mapped, or a
        mapped column is not in the file.
    """
    targets = fields_of(kind)
    unknown = sorted(set(mapping) - set(targets))
    if unknown:
        raise ImportRefused(t("errors.import_unknown_field", field=repr(unknown[0]), fields=", ".join(targets)))
    wanted = {target: column for target, column in mapping.items() if column}
    for target in required_fields_of(kind):
        if target not in wanted:
            raise ImportRefused(t("errors.import_required_unmapped", field=repr(target), target=target))
    positions = {column: i for i, column in reversed(list(enumerate(columns)))}
    result = {}
    for target in targets:
        if target not in wanted:
            continue
        column = wanted[target]
        if column not in positions:
            shown = ", ".join(quoted(c)[1:-1] for c in columns[:30]) + (", ..." if len(columns) > 30 else "")
            raise ImportRefused(t("errors.import_column_missing", column=quoted(column), field=repr(target),
                                   columns=shown))
        result[target] = positions[column]
    return result
