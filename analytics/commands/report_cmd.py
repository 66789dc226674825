"""``python -m analytics report weekly|pilot NAME --out FILE``: meeting material for a
scheduled job.

The file type follows the suffix of ``--out``: ``.pptx`` (a deck), ``.html`` (one
self-contained page) or ``.pdf``. The file is written to a temporary name in the target
folder and renamed when complete, so a failed export never leaves half a file. Prints the
path and the time taken; bad input (a missing store, an empty one, an unknown pilot, an
unsupported suffix, a week without data) is refused with one line on stderr and exit
code 2 (see ``analytics.cli``).
"""

from __future__ import annotations

import argparse
import os
import secrets
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from analytics.filters import ContactFilter, parse_reason_path
from analytics.i18n import DEFAULT_LANGUAGE, LANGUAGES, using_language
from analytics.reports.model import Report
from analytics.store import open_store

SUFFIXES = (".pptx", ".html", ".pdf")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` command with its ``weekly`` and ``pilot`` subcommands."""
    parser = subparsers.add_parser("report", help="make the weekly report or a pilot's evaluation as PPTX, HTML or PDF",
                                   description="Meeting material: a deck (.pptx), a self-contained page (.html) or "
                                               "a PDF, chosen by the suffix of --out.")
    kinds = parser.add_subparsers(dest="report_kind", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")
    common.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="language of the report (default: the --lang given before 'report', else en)")
    common.add_argument("--out", required=True, type=Path, metavar="FILE.pptx|FILE.html|FILE.pdf",
                        help="where to write; the suffix picks the format")

    weekly = kinds.add_parser("weekly", parents=[common], help="the weekly feedback report")
    weekly.add_argument("--week", help="ISO week such as 2026-W47 (default: the last complete week)")
    weekly.add_argument("--level", type=int, choices=(1, 2, 3), default=2,
                        help="reason level of the rows (default 2, as on the page)")
    weekly.add_argument("--driver", help="driver for the contact ratio (default: the store's first; '' for none)")
    weekly.add_argument("--reason", help='only this reason, e.g. "Delivery > Late"')
    weekly.add_argument("--channel", help="only this channel")
    weekly.add_argument("--channel-group", help="only this channel group")
    weekly.add_argument("--department", help="only reasons owned by this department")
    weekly.add_argument("--as-recorded", action="store_true",
                        help="count the reasons as the agents recorded them, not with the suggested reasons an "
                             "editor accepted")
    weekly.set_defaults(func=run_weekly)

    pilot = kinds.add_parser("pilot", parents=[common], help="a registered pilot's evaluation")
    pilot.add_argument("name", help="the pilot's name (see: python -m analytics pilot list)")
    pilot.set_defaults(func=run_pilot)


def renderer(out: Path) -> Callable[[Report], bytes]:
    """The function that draws a report in the format of ``out``'s suffix (imported only
    when used: the PDF needs a Chromium, the deck python-pptx).

    Raises
    ------
    ValueError
        For a suffix other than .pptx, .html or .pdf.
    """
    suffix = out.suffix.lower()
    if suffix == ".pptx":
        from analytics.reports.deck import to_pptx

        return to_pptx
    if suffix == ".html":
        from analytics.reports.html import to_html

        return lambda report: to_html(report).encode("utf-8")
    if suffix == ".pdf":
        from analytics.reports.pdf import to_pdf

        return to_pdf
    raise ValueError(f"--out must end in {', '.join(SUFFIXES)}; got {out.name!r}.")


def write_atomically(out: Path, content: bytes) -> None:
    """Write ``content`` to ``out`` through a temporary file in the same folder (created
    with the usual permissions, like any file the user writes), renamed when complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.parent / f".{out.name}.{os.getpid()}.{secrets.token_hex(4)}.part"
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())  # on disk before it takes the real name
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _language(args: argparse.Namespace) -> str:
    """``report --lang nl`` or ``--lang nl report``: either way the report speaks it."""
    return args.lang or getattr(args, "language", None) or DEFAULT_LANGUAGE


def _deliver(args: argparse.Namespace, build: Callable) -> int:
    started = time.perf_counter()
    draw = renderer(args.out)  # a bad suffix is refused before any work
    conn = open_store(args.db, read_only=True)
    try:
        with using_language(_language(args)):
            report = build(conn)
    finally:
        conn.close()
    try:
        content = draw(report)
    except RuntimeError as exc:  # no Chromium, or it failed or hung while printing the PDF
        raise ValueError(str(exc)) from exc
    write_atomically(args.out, content)
    print(f"{args.out} ({time.perf_counter() - started:.1f} s)")
    return 0


def run_weekly(args: argparse.Namespace) -> int:
    from analytics.reports.weekly import build_weekly_report
    from analytics.weekly import week_monday

    monday = week_monday(args.week) if args.week else None
    l1, l2, l3 = parse_reason_path(args.reason) if args.reason else (None, None, None)
    filtered = any((l1, args.channel, args.channel_group, args.department, args.as_recorded))
    today = date.today()
    contact_filter = ContactFilter(today, today, l1, l2, l3, args.channel, args.channel_group, args.department,
                                   reasons_as_recorded=True if args.as_recorded else None) if filtered else None
    return _deliver(args, lambda conn: build_weekly_report(
        conn, week_start=monday, level=args.level, driver=args.driver, contact_filter=contact_filter,
        language=_language(args), generated_at=datetime.now(), today=today))


def run_pilot(args: argparse.Namespace) -> int:
    from analytics.reports.pilot import build_pilot_report

    return _deliver(args, lambda conn: build_pilot_report(conn, args.name, language=_language(args),
                                                          generated_at=datetime.now()))
