"""What an import needs to know about a file: target fields, settings, limits, refusals.

Every setting may be left ``None``, meaning "detect it from the file"; the settings an
import actually used come back in ``ImportResult.detected``, so they can be saved as a
mapping profile and the next week's file is read the same way.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from analytics.i18n import t

CONTACT_FIELDS: list[str] = [
    "contact_id", "started_at", "channel", "reason_l1", "reason_l2", "reason_l3",
    "customer_id", "order_id", "department", "product", "supplier", "segment",
    "handle_seconds", "wait_seconds", "resolved", "csat", "csat_scale", "text",
]
REQUIRED_CONTACT_FIELDS: list[str] = ["contact_id", "started_at", "channel", "reason_l1"]

DRIVER_FIELDS: list[str] = ["day", "value", "dimension", "dimension_value"]
REQUIRED_DRIVER_FIELDS: list[str] = ["day", "value"]

IMPORT_KINDS = ("contacts", "drivers")

DEFAULT_TRUE_VALUES: tuple[str, ...] = ("ja", "j", "yes", "y", "true", "t", "1", "waar")
DEFAULT_FALSE_VALUES: tuple[str, ...] = ("nee", "n", "no", "false", "f", "0", "onwaar")

_DEFAULT_MAX_MB = 8192
MAX_FILE_BYTES: int = _DEFAULT_MAX_MB * 1024 * 1024
"""The default size limit (8 GiB: a 20-million-row export is about 2.7 GB, and a large file
is imported within a bounded amount of memory); ``CONTACTS_MAX_IMPORT_MB`` overrides it per call."""


class ImportRefused(ValueError):
    """The file cannot be imported as it is; nothing was written.

    The message is one plain sentence a manager can act on.
    """


MAX_QUOTED_CHARS = 60


def quoted(value: object, limit: int = MAX_QUOTED_CHARS) -> str:
    """A value from the file as a refusal quotes it: ``repr`` (so control characters and
    surrounding spaces show), cut to about ``limit`` characters with ``...`` at the cut.

    A message stays a sentence when the file's cell is a megabyte long.

    Examples
    --------
    ``quoted("13 maart")`` -> ``"'13 maart'"``; ``quoted("x" * 10**6, 8)`` -> ``"'xxx...'"``.
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    return text[: max(limit - 4, 1)] + "..." + text[0]


DURATION_UNITS = ("seconds", "minutes", "hours")


def _columns_value(value: object) -> str | list[str]:
    """A mapping value: one column name, or a list of two or more (one is kept as text)."""
    if isinstance(value, (list, tuple)):
        columns = [str(v) for v in value if str(v)]
        return columns[0] if len(columns) == 1 else columns if columns else ""
    return str(value)


def columns_of(value: str | list[str] | None) -> list[str]:
    """The columns a mapping value names (none for ``""`` or ``None``)."""
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def fields_of(kind: str) -> list[str]:
    """The target fields of an import kind, in the order of the table's columns.

    Raises
    ------
    ValueError
        When ``kind`` is not ``"contacts"`` or ``"drivers"``.
    """
    if kind == "contacts":
        return CONTACT_FIELDS
    if kind == "drivers":
        return DRIVER_FIELDS
    raise ValueError(f"Unknown import kind {kind!r}; use 'contacts' or 'drivers'.")


def required_fields_of(kind: str) -> list[str]:
    """The fields every row of an import kind must have."""
    fields_of(kind)
    return REQUIRED_CONTACT_FIELDS if kind == "contacts" else REQUIRED_DRIVER_FIELDS


def max_file_bytes() -> int:
    """The size limit in bytes: ``CONTACTS_MAX_IMPORT_MB`` (read now) or 8 GiB.

    Raises
    ------
    ValueError
        When the environment variable is set but is not a positive number.
    """
    raw = os.environ.get("CONTACTS_MAX_IMPORT_MB", "").strip()
    if not raw:
        return MAX_FILE_BYTES
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = -1.0
    if megabytes <= 0:
        raise ValueError(f"CONTACTS_MAX_IMPORT_MB must be a positive number of megabytes, not {raw!r}.")
    return int(megabytes * 1024 * 1024)


@dataclass(frozen=True)
class ImportSettings:
    """How to read one export; ``None`` everywhere means "detect it".

    Attributes
    ----------
    mapping
        Target field -> source column name, or a list of columns whose values are joined
        (a date and a time column; an id that spans a line and a call number). ``None``:
        suggest from the columns' names and values. A field mapped to ``""`` is deliberately
        left unmapped (no suggestion fills it in).
    constants
        Field -> one value for every row of the file, for a field the export has no column
        for (an export of one channel; "Not coded" for an export without reasons).
    only
        Column -> the values a row must have there to be imported (compared without case);
        other rows are left out and counted as such (an export of customers' tweets and the
        brand's replies: ``{"inbound": ["True"]}``).
    units
        Duration field -> ``"seconds"``, ``"minutes"`` or ``"hours"``: the unit of its plain
        numbers (``h:mm:ss`` values carry their own). ``None``: what the column's name says
        (``Afhandeltijd (min)``), else seconds.
    delimiter
        Field separator of a text file (``","``, ``";"``, ``"\\t"``, ``"|"``).
    decimal
        Decimal mark of numbers: ``"."`` or ``","``.
    encoding
        Text encoding, e.g. ``"utf-8"``, ``"utf-8-sig"``, ``"cp1252"``.
    date_format
        ``strptime`` format of the date column, e.g. ``"%d-%m-%Y %H:%M"``; a trailing
        ``%z`` means the values carry a UTC offset (they are then stored in UTC).
    true_values, false_values
        Words meaning yes / no in the ``resolved`` column (compared case-insensitively);
        ``None``: Dutch and English defaults (ja/nee, j/n, yes/no, y/n, true/false, 1/0).
    sheet
        Worksheet of an ``.xlsx`` file; ``None``: the first sheet.
    """

    mapping: dict[str, str | list[str]] | None = None
    constants: dict[str, str] | None = None
    only: dict[str, list[str]] | None = None
    units: dict[str, str] | None = None
    delimiter: str | None = None
    decimal: str | None = None
    encoding: str | None = None
    date_format: str | None = None
    true_values: tuple[str, ...] | None = None
    false_values: tuple[str, ...] | None = None
    sheet: str | None = None

    def __post_init__(self) -> None:
        if self.mapping is not None:
            object.__setattr__(self, "mapping", {str(k): _columns_value(v) for k, v in self.mapping.items()})
        if self.only is not None:
            object.__setattr__(self, "only", {str(k): [str(v) for v in (vs if isinstance(vs, (list, tuple)) else [vs])]
                                              for k, vs in self.only.items()})
        if self.constants is not None:
            object.__setattr__(self, "constants", {str(k): str(v) for k, v in self.constants.items()})
        if self.units is not None:
            for field_name, unit in self.units.items():
                if unit not in DURATION_UNITS:
                    raise ValueError(t("errors.import_unit", field=repr(field_name), unit=repr(unit),
                                       units=", ".join(DURATION_UNITS)))
            object.__setattr__(self, "units", {str(k): str(v) for k, v in self.units.items()})
        for name in ("true_values", "false_values"):
            words = getattr(self, name)
            if words is not None:
                object.__setattr__(self, name, tuple(str(w).strip().lower() for w in words if str(w).strip()))
        if self.decimal is not None and self.decimal not in (".", ","):
            raise ValueError(t("errors.import_decimal_mark", decimal=repr(self.decimal)))
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise ValueError(t("errors.import_delimiter", delimiter=repr(self.delimiter)))

    def to_dict(self) -> dict[str, Any]:
        """The settings as plain JSON-ready values (tuples become lists)."""
        data = asdict(self)
        for name in ("true_values", "false_values"):
            if data[name] is not None:
                data[name] = list(data[name])
        return data

    def to_json(self) -> str:
        """The settings as a JSON object (the form stored in ``mapping_profiles``)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | dict[str, Any]) -> ImportSettings:
        """Settings from ``to_json`` output (or the equivalent dict).

        Raises
        ------
        ValueError
            When the JSON is not an object or names an unknown setting.
        """
        data = json.loads(text) if isinstance(text, str) else dict(text)
        if not isinstance(data, dict):
            raise ValueError("Import settings must be a JSON object.")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"Unknown import settings: {', '.join(unknown)}.")
        for name in ("true_values", "false_values"):
            if data.get(name) is not None:
                data[name] = tuple(data[name])
        return cls(**data)

    def merged_over(self, other: ImportSettings | None) -> ImportSettings:
        """These settings, with ``other`` filling whatever these leave as ``None``.

        Used as ``flags.merged_over(profile)``: command-line flags override a profile.
        Mappings merge field by field, this side winning.
        """
        if other is None:
            return self
        values = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = theirs if mine is None else mine
        for name in ("mapping", "constants", "units", "only"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is not None and theirs is not None:
                values[name] = {**theirs, **mine}
        return ImportSettings(**values)

    def with_changes(self, **changes: Any) -> ImportSettings:
        """A copy with some settings replaced."""
        return replace(self, **changes)


@dataclass
class ImportResult:
    """What one import did. Every row read is counted exactly once:
    ``rows_read == inserted + duplicates + rejected``.

    For drivers, ``duplicates`` counts rows that replaced the value already stored for the
    same day, driver and dimension (updated rows).
    """

    import_id: int
    rows_read: int
    inserted: int
    duplicates: int
    rejected: int
    rejects: Any  # pandas DataFrame: line, column, value, reason
    detected: ImportSettings
    seconds: float
    file_name: str = ""
    kind: str = "contacts"
    extra: dict[str, Any] = field(default_factory=dict)

    def summary(self, max_rejects: int = 20) -> dict[str, Any]:
        """A JSON-ready summary with the first ``max_rejects`` rejected rows."""
        head = self.rejects.head(max_rejects)
        rejects = [
            {"line": int(r.line), "column": r.column, "value": r.value, "reason": r.reason}
            for r in head.itertuples(index=False)
        ]
        return {
            "kind": self.kind,
            "file": self.file_name,
            "import_id": self.import_id,
            "rows_read": self.rows_read,
            "inserted": self.inserted,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "seconds": round(self.seconds, 3),
            "detected": self.detected.to_dict(),
            **self.extra,
            "rejects": rejects,
        }
