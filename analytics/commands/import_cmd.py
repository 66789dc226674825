"""``python -m analytics import contacts|drivers FILE ...``: import an export from the shell.

Settings come from three layers: flags beat the ``--profile``, and whatever neither gives
is detected from the file (the mapping of fields left unmapped is suggested from the
column names). On success one JSON object goes to stdout; a refused file gives one line on
stderr, writes nothing, and exits with 2 (see ``analytics.cli``).

While the dashboard runs it holds the store (DuckDB allows one writing process), so the
import is handed to it through the store's inbox (``analytics.live``) and this command
waits for the result (``--wait``).
"""

from __future__ import annotations

import argparse
import getpass
import json
import shutil
import sys
from pathlib import Path

from analytics.i18n import active_language, t
from analytics.importing import ImportRefused, ImportSettings, complete_mapping, read_columns
from analytics.importing.mapping import checked_mapping
from analytics.importing.profiling import column_profiles
from analytics.importing.settings import columns_of, fields_of
from analytics.live import ImportJob, inbox_for, run_import, submit_job, wait_for_result
from analytics.live.inbox import REJECTS_FILE
from analytics.store import StoreInUse, open_store, resolve_db_path

DEFAULT_WAIT_SECONDS = 600

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
                         help="Map a field to a column (repeatable); FIELD= leaves the field unmapped; the same "
                              "field twice joins its columns (a date and a time; an id in two columns).")
        sub.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                         help="Give a field one value for the whole file (repeatable), e.g. channel=Phone or "
                              "reason_l1='Not coded' for an export without that column.")
        sub.add_argument("--only", action="append", default=[], metavar="COLUMN=VALUE",
                         help="Import only rows whose COLUMN holds VALUE (repeatable; several values of one column "
                              "are alternatives), e.g. inbound=True for customers' messages without the replies.")
        sub.add_argument("--unit", action="append", default=[], metavar="FIELD=UNIT",
                         help="The unit of a duration column's numbers: seconds, minutes or hours "
                              "(default: what the column's name says, else seconds).")
        sub.add_argument("--delimiter", help="Field separator: , ; | tab (or '\\t').")
        sub.add_argument("--decimal", choices=[".", ","], help="Decimal mark of numbers.")
        sub.add_argument("--encoding", help="Text encoding, e.g. utf-8 or cp1252.")
        sub.add_argument("--date-format", help="strptime format of the date column, e.g. '%%d-%%m-%%Y %%H:%%M'.")
        sub.add_argument("--true-values", help="Comma-separated words meaning yes (e.g. Ja,Yes).")
        sub.add_argument("--false-values", help="Comma-separated words meaning no (e.g. Nee,No).")
        sub.add_argument("--sheet", help="Worksheet of an .xlsx file (default: the first).")
        sub.add_argument("--rejects-out", metavar="FILE", help="Write every rejected row to this CSV file.")
        sub.add_argument("--wait", type=float, default=DEFAULT_WAIT_SECONDS, metavar="SECONDS",
                         help="When the running dashboard holds the store, wait this long for it to import "
                              f"the file from its inbox (default {DEFAULT_WAIT_SECONDS}).")
        sub.set_defaults(func=run)


def delimiter_from(text: str | None) -> str | None:
    """A delimiter flag as a character: ``tab`` and ``\\t`` mean a tab."""
    if text is None:
        return None
    return DELIMITER_WORDS.get(text.strip().lower(), DELIMITER_WORDS.get(text, text))


def words_from(text: str | None) -> tuple[str, ...] | None:
    """``"Ja,Yes"`` as ``("ja", "yes")``."""
    return None if text is None else tuple(w.strip() for w in text.split(",") if w.strip())


def mapping_from(pairs: list[str], kind: str) -> dict[str, str | list[str]] | None:
    """``["started_at=Datum", "started_at=Tijd"]`` as ``{"started_at": ["Datum", "Tijd"]}``
    (a field named twice joins its columns); ``None`` when no ``--map``.

    Raises
    ------
    ImportRefused
        For a pair without ``=`` or an unknown field.
    """
    if not pairs:
        return None
    mapping: dict[str, str | list[str]] = {}
    for target, column in _pairs(pairs, kind, "--map", "FIELD=COLUMN"):
        before = mapping.get(target)
        mapping[target] = column if not before or not column else [*columns_of(before), column]
    return mapping


def values_from(pairs: list[str], kind: str, flag: str, shape: str) -> dict[str, str] | None:
    """``["channel=Phone"]`` as ``{"channel": "Phone"}``; ``None`` when none given."""
    return dict(_pairs(pairs, kind, flag, shape)) or None


def only_from(pairs: list[str]) -> dict[str, list[str]] | None:
    """``["inbound=True"]`` as ``{"inbound": ["True"]}``; ``None`` when none given.

    Raises
    ------
    ImportRefused
        For a pair without ``=``.
    """
    only: dict[str, list[str]] = {}
    for pair in pairs:
        column, sep, value = pair.partition("=")
        if not sep or not column.strip():
            raise ImportRefused(f"--only {pair!r} must be COLUMN=VALUE.")
        only.setdefault(column.strip(), []).append(value.strip())
    return only or None


def _pairs(pairs: list[str], kind: str, flag: str, shape: str) -> list[tuple[str, str]]:
    found = []
    for pair in pairs:
        target, sep, value = pair.partition("=")
        target = target.strip()
        if not sep or target not in fields_of(kind):
            raise ImportRefused(f"{flag} {pair!r} must be {shape} with FIELD one of: {', '.join(fields_of(kind))}.")
        found.append((target, value.strip()))
    return found


def flag_settings(args: argparse.Namespace) -> ImportSettings:
    """The settings given as flags (everything not given is ``None``)."""
    return ImportSettings(
        mapping=mapping_from(args.map, args.import_kind),
        constants=values_from(args.set, args.import_kind, "--set", "FIELD=VALUE"),
        units=values_from(args.unit, args.import_kind, "--unit", "FIELD=UNIT"),
        only=only_from(args.only),
        delimiter=delimiter_from(args.delimiter),
        decimal=args.decimal, encoding=args.encoding, date_format=args.date_format,
        true_values=words_from(args.true_values), false_values=words_from(args.false_values), sheet=args.sheet,
    )


def run(args: argparse.Namespace) -> int:
    """Import the file; print the summary as JSON. Refusals propagate as ``ImportRefused``.

    When another process holds the store (the running dashboard), the import goes to the
    store's inbox and this waits up to ``--wait`` seconds for the dashboard to run it; the
    output is then the same as a direct import's. A job nobody ran in time stays queued
    (exit 2 with a message saying so)."""
    kind = args.import_kind
    flags = flag_settings(args)
    # Refuse what can be refused before touching (or creating) the store.
    columns, _ = read_columns(args.file, flags)
    if args.profile and not resolve_db_path(args.db).exists():
        raise ImportRefused(f"There is no contact store yet, so no profile {args.profile!r}.")
    if not args.profile:
        checked_mapping({f: c for f, c in complete_mapping(flags.mapping, columns, kind, flags.constants,
                                                            column_profiles(args.file, flags)).items() if c},
                        columns, kind, flags.constants)
    job = ImportJob(kind=kind, flags=flags.to_dict(), profile=args.profile, save_profile=args.save_profile,
                    driver_name=getattr(args, "name", None), file_name=Path(args.file).name, imported_by=_user(),
                    language=active_language())
    try:
        conn = open_store(args.db)
    except StoreInUse:
        return _run_through_inbox(args, job)
    try:
        result = run_import(conn, args.file, job)
    finally:
        conn.close()
    if args.rejects_out:
        result.rejects.to_csv(Path(args.rejects_out), index=False)
    print(json.dumps(result.summary(), ensure_ascii=False, default=str))
    return 0


def _run_through_inbox(args: argparse.Namespace, job: ImportJob) -> int:
    """Leave the import in the store's inbox and wait for the process that holds the store."""
    store = resolve_db_path(args.db)
    inbox = inbox_for(store)
    job_id = submit_job(store, args.file, job)
    print(t("live.import_queued", job=job_id, inbox=inbox, seconds=f"{args.wait:g}"), file=sys.stderr)
    result = wait_for_result(inbox, job_id, args.wait)
    if result is None:
        print("error: " + t("live.import_not_taken", seconds=f"{args.wait:g}", folder=inbox / "pending" / job_id),
              file=sys.stderr)
        return 2
    if not result.ok:
        raise ImportRefused(result.message or t("live.import_failed"))
    rejects = result.folder / REJECTS_FILE
    if args.rejects_out:
        if rejects.is_file():
            shutil.copyfile(rejects, Path(args.rejects_out))
        else:
            Path(args.rejects_out).write_text("line,column,value,reason\n", encoding="utf-8")
    print(json.dumps(result.summary, ensure_ascii=False, default=str))
    return 0


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None

