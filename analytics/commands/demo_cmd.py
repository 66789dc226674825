"""``python -m analytics demo``: build the demo store and its truth file."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta

from analytics.demo import DemoSettings, build_demo_store
from analytics.store import resolve_db_path


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``demo`` command."""
    parser = subparsers.add_parser(
        "demo", help="build a demo store of a Dutch web shop",
        description="Build a demo contact store with known, injected effects and write its truth "
                    "next to it (<store>.truth.json). Prints a JSON summary.",
    )
    parser.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")
    parser.add_argument("--days", type=int, default=1095, help="days of data (default: 1095, three years)")
    parser.add_argument("--contacts-per-day", type=float, default=1500.0,
                        help="average contacts per day (default: 1500)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    parser.add_argument("--end", type=_iso_date, default=None,
                        help="last day, YYYY-MM-DD (default: yesterday)")
    parser.add_argument("--force", action="store_true", help="replace a store that already holds data")
    parser.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    """Build the store the arguments describe and print its summary."""
    end = args.end or date.today() - timedelta(days=1)
    settings = DemoSettings(end=end, days=args.days, contacts_per_day=args.contacts_per_day, seed=args.seed)
    summary = build_demo_store(resolve_db_path(args.db), settings, force=args.force)
    print(json.dumps(summary.as_json()))
    return 0
