"""``python -m analytics COMMAND ...``: the dashboard's command line.

Each command lives in ``analytics/commands/<name>.py`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a callable that takes
the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from analytics.i18n import DEFAULT_LANGUAGE, LANGUAGES, using_language
from analytics.store import StoreError

COMMAND_MODULES = ("import_cmd", "watch_cmd", "demo_cmd", "baseline_cmd", "pilot_cmd", "report_cmd", "store_cmd",
                   "backup_cmd", "password_cmd", "reasons_cmd")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics", description="Contact-reduction dashboard tools.")
    parser.add_argument("--lang", dest="language", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                        help="language of verdicts, advice and notes in the output (default en)")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in COMMAND_MODULES:
        importlib.import_module(f"analytics.commands.{module_name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with using_language(args.language):
            return int(args.func(args) or 0)
    except (StoreError, ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
