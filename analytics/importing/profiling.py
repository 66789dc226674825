"""What a column's values look like, and mapping suggestions that weigh them with its name.

A name alone misleads: ``Customer Complaint`` starts with "customer" but holds free text,
and a regulator's export calls its id ``Complaint ID`` and its date ``Date received``. So
every column of the first rows is profiled (:class:`ColumnProfile`) and a field is
suggested a column only when its values fit the field:

- ids (contact, customer, order) are short, hold no spaces, and a contact id is unique;
- a date parses as a date (a separate time-of-day column is suggested beside it);
- a channel has few distinct values, reasons a modest number of short ones;
- durations are numbers or ``h:mm:ss``, scores fit a scale, yes/no words are yes/no words;
- texts (long values of many words, or values of a few words that rarely repeat) are
  suggested for the ``text`` field only, and only by a name that says so ("Subject",
  "Onderwerp", "Omschrijving", "Message", ...); an id-like column never is.
"""

from __future__ import annotations

import os
import re
import statistics
from dataclasses import dataclass
from datetime import date

import duckdb

from analytics.importing.dates import date_readings
from analytics.importing.mapping import _SYNONYMS, normalized_name
from analytics.importing.settings import (
    DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, ImportSettings, fields_of, required_fields_of,
)
from analytics.importing.sources import opened_source

PROFILE_ROWS = 2000
SAMPLE_VALUES = 3
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)?|[.,]\d+)")
_DURATION = re.compile(r"\d{1,3}:\d{2}(:\d{2})?")
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s?[AaPp][Mm])?")
_ID_ENDINGS = ("id", "key", "number", "nummer", "nr", "no", "code", "ref", "reference")
_DATE_WORDS = ("date", "datum", "created", "received", "opened", "ontvangen", "aangemaakt", "time", "dt",
               "tijdstip", "timestamp", "moment")
_TIME_WORDS = ("time", "tijd", "entry", "start", "begin", "uur")
_CATEGORY_FIELDS = ("channel", "reason_l1", "reason_l2", "reason_l3", "department", "product", "supplier", "segment")


@dataclass(frozen=True)
class ColumnProfile:
    """How one column's values look in the first rows of a file.

    Attributes
    ----------
    name
        The column's name.
    samples
        Up to three distinct values, as written.
    filled
        Share of rows with a value.
    distinct
        Number of distinct values.
    unique
        Share of the filled values that occur once.
    mean_length, mean_words
        Mean characters and words per value.
    with_spaces
        Share of values holding a space.
    date_share
        Share read as a date (with or without time) by the best format; ``date_has_time``
        whether that format has a time of day.
    time_share
        Share that is a time of day alone (``7:02:47``, ``3:53 PM``).
    number_share, duration_share
        Share that is a number; share that is a number or ``h:mm:ss``.
    median
        Median of the numbers (``None`` without numbers).
    boolean_share
        Share that is a yes/no word.
    """

    name: str
    samples: tuple[str, ...]
    filled: float
    distinct: int
    unique: float
    mean_length: float
    mean_words: float
    with_spaces: float
    date_share: float
    date_has_time: bool
    time_share: float
    number_share: float
    duration_share: float
    median: float | None
    boolean_share: float

    @property
    def free_text(self) -> bool:
        """Sentences rather than codes: many words, or long values that rarely repeat."""
        return self.mean_words >= 6 or (self.mean_length >= 40 and self.unique >= 0.5)

    @property
    def text_like(self) -> bool:
        """What people wrote rather than a category: free text, or values of three words or
        more that mostly occur once (subject lines)."""
        return self.free_text or (self.mean_words >= 3 and self.unique >= 0.5)

    @property
    def id_like(self) -> bool:
        return (self.filled >= 0.5 and self.mean_length <= 40 and self.with_spaces <= 0.05
                and not self.free_text and self.date_share < 0.5)

    @property
    def category_like(self) -> bool:
        return self.filled > 0 and not self.free_text and self.date_share < 0.5 and self.number_share < 0.5


def column_profiles(path: str | os.PathLike, settings: ImportSettings | None = None,
                    rows: int = PROFILE_ROWS) -> list[ColumnProfile]:
    """A profile of every column, from the first ``rows`` data rows of the file.

    Raises
    ------
    ImportRefused
        When the file cannot be opened (see ``opened_source``).
    """
    cur = duckdb.connect()
    try:
        with opened_source(path, settings or ImportSettings(), limit=rows) as source:
            source.register(cur)
            broken = "_profile_unparsed" if source.file_type == "csv" else None
            relation, params = source.relation(rows, line_breaks=False, broken_lines=broken)
            names = ", ".join(f"nullif(trim(c{i}), '')" for i in range(len(source.columns)))
            try:
                table = cur.execute(f"select {names} from ({relation})", params).fetchall()
            except duckdb.Error:
                table = []
            return [profile_of(cur, name, [row[i] for row in table]) for i, name in enumerate(source.columns)]
    finally:
        cur.close()


def profile_of(cur: duckdb.DuckDBPyConnection, name: str, values: list[str | None]) -> ColumnProfile:
    """The profile of one column from its values (``None`` for an empty cell)."""
    filled = [str(v) for v in values if v is not None and str(v).strip()]
    n = len(filled) or 1
    counts: dict[str, int] = {}
    for value in filled:
        counts[value] = counts.get(value, 0) + 1
    samples = tuple(list(counts)[:SAMPLE_VALUES])
    numbers = [float(v.replace(",", ".")) for v in filled if _NUMBER.fullmatch(v)]
    durations = sum(bool(_NUMBER.fullmatch(v) or _DURATION.fullmatch(v)) for v in filled)
    words = [len(v.split()) for v in filled]
    readings = date_readings(cur, filled[:200], date.today()) if _may_be_dates(filled) else []
    best = readings[0] if readings else None
    truth = set(DEFAULT_TRUE_VALUES) | set(DEFAULT_FALSE_VALUES)
    return ColumnProfile(
        name=name, samples=samples, filled=len(filled) / (len(values) or 1), distinct=len(counts),
        unique=sum(1 for c in counts.values() if c == 1) / n,
        mean_length=sum(map(len, filled)) / n, mean_words=sum(words) / n,
        with_spaces=sum(" " in v for v in filled) / n,
        date_share=(best.read / min(len(filled), 200)) if best else 0.0,
        date_has_time=bool(best and any(part in best.format for part in ("%H", "%I"))),
        time_share=sum(bool(_TIME_OF_DAY.fullmatch(v)) for v in filled) / n,
        number_share=len(numbers) / n, duration_share=durations / n,
        median=statistics.median(numbers) if numbers else None,
        boolean_share=sum(v.lower() in truth for v in filled) / n,
    )


def _may_be_dates(values: list[str]) -> bool:
    """Worth trying the date formats on: most values are 6 to 40 characters with digits,
    and not plain numbers other than compact dates (``990201``, ``20250313``)."""
    head = values[:50]
    if not head:
        return False
    looks = sum(6 <= len(v) <= 40 and any(c.isdigit() for c in v) and not _TIME_OF_DAY.fullmatch(v)
                and not (_NUMBER.fullmatch(v) and len(v) not in (6, 8)) for v in head)
    return looks * 2 > len(head)


# ---------------------------------------------------------------------------------------
# Suggestions


def _name_score(field: str, column: str, kind: str) -> float:
    """How well a column's name says ``field``: 1 for a synonym, 0.8 for a name starting
    with one ("Afhandeltijd (min)"), 0.6 for a name containing one as whole words
    ("Date received", "Submitted via"), else 0."""
    name = normalized_name(column)
    words = [w for w in re.split(r"[^0-9a-z]+", column.lower()) if w]
    best = 0.0
    for rank, synonym in enumerate(_SYNONYMS[kind][field]):
        normal = normalized_name(synonym)
        synonym_words = [w for w in re.split(r"[^0-9a-z]+", synonym.lower()) if w]
        earlier = 0.001 * rank  # the synonyms are in order of preference
        if name == normal:
            best = max(best, 1.0 - earlier)
        elif len(normal) >= 5 and words[: len(synonym_words)] == synonym_words:
            best = max(best, 0.8 - earlier)
        elif len(normal) >= 5 and _contains_words(words, synonym_words):
            best = max(best, 0.6 - earlier)
    return best


def _contains_words(words: list[str], wanted: list[str]) -> bool:
    return any(words[i: i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def _fits(field: str, p: ColumnProfile, name_score: float) -> bool:
    """Whether the values can be the field's, given how clearly the column's name says it.

    A column named exactly for the field (``wait time``, ``csat``) is taken unless it holds
    free text where an id belongs: a few bad values then become rejected rows, and a column
    without dates is refused with a message that says so, instead of being passed over.
    A name that only starts with or contains a synonym (``Customer Complaint``, ``Date
    received``) needs values that fit (more than half); a column found by values alone
    needs values that clearly fit (90%). Whatever its name, a column of texts is no reason
    (``Onderwerp`` holding subject lines), and the text is never a column of codes."""
    if p.filled and p.text_like and field in _CATEGORY_FIELDS:
        return False
    if name_score >= 0.99 and field != "text":
        return not (field in ("contact_id", "customer_id", "order_id") and p.filled and not p.id_like)
    if p.filled == 0:
        return False
    strict = name_score < 0.6
    enough = 0.9 if strict else 0.5
    if field == "contact_id":
        return p.id_like and (p.unique >= 0.95 or not strict)
    if field in ("customer_id", "order_id"):
        return p.id_like
    if field in ("started_at", "day"):
        return p.date_share >= (0.8 if strict else 0.5)
    if field == "channel":
        return p.category_like and p.distinct <= 40 and p.mean_words <= 5
    if field in ("reason_l1", "reason_l2", "reason_l3", "department", "product", "supplier", "segment"):
        return not p.free_text and p.date_share < 0.5 and (p.number_share < 0.5 or not strict)
    if field in ("handle_seconds", "wait_seconds"):
        return p.duration_share >= enough
    if field == "csat":
        return p.number_share >= enough and p.median is not None and 0 <= p.median <= 100
    if field == "csat_scale":
        return p.number_share >= enough and (p.distinct <= 3 or not strict)
    if field == "resolved":
        return p.boolean_share >= enough
    if field == "value":
        return p.number_share >= enough
    if field == "text":  # a column named for it (1 - 0.001 * rank) may hold short subjects, another texts
        return (not p.id_like and p.with_spaces >= 0.5 and p.date_share < 0.5 and p.number_share < 0.5
                and (p.text_like or name_score >= 0.9))
    return not p.free_text


def suggested_mapping(profiles: list[ColumnProfile], kind: str = "contacts",
                      taken: dict[str, object] | None = None) -> dict[str, str | list[str]]:
    """Field -> column (or ``[date, time]`` columns for ``started_at``) for each field a
    column fits by name and values; fields in ``taken`` (already mapped, set or left out)
    are not suggested, and their columns are not used again.

    The best name match whose values fit wins; a required field no name matches is given
    the leftmost column whose values fit it and whose name hints at it (an id: a name
    ending in "id", "key", "number"...; a date: one with "date", "received"...).
    """
    taken = dict(taken or {})
    used = {c for v in taken.values() for c in ([v] if isinstance(v, str) else list(v or [])) if c}
    by_name = {p.name: p for p in profiles}
    suggestion: dict[str, str | list[str]] = {}
    for field in fields_of(kind):
        if field in taken:
            continue
        named = sorted(((score, i, p) for i, p in enumerate(profiles)
                        if p.name not in used and (score := _name_score(field, p.name, kind)) > 0
                        and _fits(field, p, score)), key=lambda s: (-s[0], s[1]))
        choice = named[0][2] if named else None
        if choice is None and field in required_fields_of(kind):
            choice = next((p for p in profiles if p.name not in used and _fits(field, p, 0.0)
                           and _hints_at(field, p)), None)
        if choice is None:
            continue
        suggestion[field] = choice.name
        used.add(choice.name)
    if kind == "contacts":
        _move_reasons_up(suggestion)
    date_field = "started_at" if kind == "contacts" else "day"
    date_column = suggestion.get(date_field)
    if kind == "contacts" and isinstance(date_column, str) and not by_name[date_column].date_has_time:
        time_column = _time_beside(profiles, date_column, used)
        if time_column:
            suggestion[date_field] = [date_column, time_column]
    return suggestion


def _move_reasons_up(suggestion: dict[str, str | list[str]]) -> None:
    """Reason levels without the ones above them move up: an export whose reasons start at
    ``Complaint Type`` has that as its first level."""
    levels = [suggestion.pop(f) for f in ("reason_l1", "reason_l2", "reason_l3") if f in suggestion]
    for field, column in zip(("reason_l1", "reason_l2", "reason_l3"), levels):
        suggestion[field] = column


def _hints_at(field: str, p: ColumnProfile) -> bool:
    words = [w for w in re.split(r"[^0-9a-z]+", p.name.lower()) if w]
    if field == "contact_id":
        return bool(words) and words[-1] in _ID_ENDINGS
    if field == "started_at":
        return any(w in _DATE_WORDS for w in words) or p.date_share >= 0.95
    if field == "channel":
        return any(w in ("via", "channel", "source", "medium") for w in words)
    if field == "reason_l1":
        return any(w in ("type", "category", "subject", "issue", "topic", "reason", "soort", "service") for w in words)
    return False


def _time_beside(profiles: list[ColumnProfile], date_column: str, used: set[str]) -> str | None:
    """A time-of-day column for a date column without times: one named like a time, else
    the first one after the date column."""
    names = [p.name for p in profiles]
    after = names.index(date_column)
    times = [(i, p) for i, p in enumerate(profiles) if p.name not in used and p.time_share >= 0.9]
    named = [p for _, p in times if any(w in _TIME_WORDS for w in re.split(r"[^0-9a-z]+", p.name.lower()))]
    if named:
        return named[0].name
    later = [p for i, p in times if i > after]
    return later[0].name if later else None
