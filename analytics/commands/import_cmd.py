"""``python -m analytics import contacts|drivers FILE ...``: import an export from the shell.

Settings come from three layers: flags beat the ``--profile``, and whatever neither gives
is detected from the file (the mapping of fields left unmapped is suggested from the
column names). On success one JSON object goes to stdout; a refused file gives one line on
stderr, writes nothing, and exits with 2 (see ``analytics.cli``).
"""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path

from analytics.importing import (
    ImportRefused, ImportSettings, complete_mapping, import_contacts, import_drivers, load_profile,
    read_columns, save_profile,
)
from analytics.importing.mapping import checked_mapping
from analytics.importing.settings import fields_of
from analytics.store import open_store, resolve_db_path

DELIMITER_WORDS = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``import contacts`` and ``import drivers`` to the command line."""
    parser = subparsers.add_parser("import", help="Import a contact or driver export (CSV, .xlsx, Parquet).")
    kinds = parser.add_subparsers(dest="import_kind", required=True)
    contacts = kinds.add_parser("contacts", help="Import contacts.")
    drivers = kinds.add_parser("drivers", help="Import daily values of a business driver.")
    drivers.add_argument("--name", required=True, help="Driver name, e.g. orders.")
    for sub in (contacts, drivers):
        sub.add_argument("file", help="The export to import.")
        sub.add_argument("--db", help="Contact store (default: $CONTACTS_DB or data/contacts.duckdb).")
        sub.add_argument("--profile", help="Read the file with this saved mapping profile.")
        sub.add_argument("--save-profile", metavar="NAME", help="Save the settings used under this name.")
        sub.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                         help="Map a field to a column (repeatable); FIELD= leaves the field unmapped.")
        sub.add_argument("--delimiter", help="Field separator: , ; | tab (or '\\t').")
        sub.add_argument("--decimal", choices=[".", ","], help="Decimal mark of numbers.")
        sub.add_argument("--encoding", help="Text encoding, e.g. utf-8 or cp1252.")
        sub.add_argument("--date-format", help="strptime format of the date column, e.g. '%%d-%%m-%%Y %%H:%%M'.")
        sub.add_argument("--true-values", help="Comma-separated words meaning yes (e.g. Ja,Yes).")
        sub.add_argument("--false-values", help="Comma-separated words meaning no (e.g. Nee,No).")
        sub.add_argument("--sheet", help="Worksheet of an .xlsx file (default: the first).")
        sub.add_argument("--rejects-out", metavar="FILE", help="Write every rejected row to this CSV file.")
        sub.set_defaults(func=run)


def delimiter_from(text: str | None) -> str | None:
    """A delimiter flag as a character: ``tab`` and ``\\t`` mean a tab."""
    if text is None:
        return None
    return DELIMITER_WORDS.get(text.strip().lower(), DELIMITER_WORDS.get(text, text))


def words_from(text: str | None) -> tuple[str, ...] | None:
    """``"Ja,Yes"`` as ``("ja", "yes")``."""
    return None if text is None else tuple(w.strip() for w in text.split(",") if w.strip())


def mapping_from(pairs: list[str], kind: str) -> dict[str, str] | None:
    """``["started_at=Datum"]`` as ``{"started_at": "Datum"}``; ``None`` when no ``--map``.

    Raises
    ------
    ImportRefused
        For a pair without ``=`` or an unknown field.
    """
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        target, sep, column = pair.partition("=")
        target = target.strip()
        if not sep or target not in fields_of(kind):
            raise ImportRefused(
                f"--map {pair!r} must be FIELD=COLUMN with FIELD one of: {', '.join(fields_of(kind))}."
            )
        mapping[target] = column.strip()
    return mapping


def flag_settings(args: argparse.Namespace) -> ImportSettings:
    """The settings given as flags (everything not given is ``None``)."""
    return ImportSettings(
        mapping=mapping_from(args.map, args.import_kind), delimiter=delimiter_from(args.delimiter),
        decimal=args.decimal, encoding=args.encoding, date_format=args.date_format,
        true_values=words_from(args.true_values), false_values=words_from(args.false_values), sheet=args.sheet,
    )


def run(args: argparse.Namespace) -> int:
    """Import the file; print the summary as JSON. Refusals propagate as ``ImportRefused``."""
    kind = args.import_kind
    flags = flag_settings(args)
    # Refuse what can be refused before touching (or creating) the store.
    columns, _ = read_columns(args.file, flags)
    if args.profile and not resolve_db_path(args.db).exists():
        raise ImportRefused(f"There is no contact store yet, so no profile {args.profile!r}.")
    if not args.profile:
        checked_mapping({f: c for f, c in complete_mapping(flags.mapping, columns, kind).items() if c}, columns, kind)
    conn = open_store(args.db)
    try:
        profile = None
        if args.profile:
            profile_kind, profile = load_profile(conn, args.profile)
            if profile_kind != kind:
                raise ImportRefused(f"The profile {args.profile!r} is for {profile_kind}, not {kind}.")
        settings = flags.merged_over(profile)
        columns, _ = read_columns(args.file, settings)
        settings = settings.with_changes(mapping=complete_mapping(settings.mapping, columns, kind))
        common = {"profile": args.profile, "imported_by": _user()}
        if kind == "contacts":
            result = import_contacts(conn, args.file, settings, **common)
        else:
            result = import_drivers(conn, args.file, settings, driver_name=args.name, **common)
        if args.save_profile:
            # Pin everything that was used except the encoding, which is re-detected each time.
            pinned = result.detected.with_changes(mapping=settings.mapping, encoding=settings.encoding)
            save_profile(conn, args.save_profile, kind, pinned)
    finally:
        conn.close()
    if args.rejects_out:
        result.rejects.to_csv(Path(args.rejects_out), index=False)
    print(json.dumps(result.summary(), ensure_ascii=False, default=str))
    return 0


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None

