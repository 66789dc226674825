"""``python -m analytics store export-parquet|use-parquet|use-table|refresh|status|country|sector``:
where the store's contacts come from (its own table, or a Parquet dataset; see
docs/scaling.md), whose public holidays its season knows, and which sector's commercial
days.

Each prints one JSON object; a refusal gives one line on stderr, changes nothing and exits
with 2 (see ``analytics.cli``). Like an import, every command but ``status`` and
``export-parquet`` needs the store for writing: stop the dashboard first (DuckDB allows one
writing process per file).
"""

from __future__ import annotations

import argparse
import json

from analytics.parquet_mode import contact_source, export_parquet, refresh_source, use_parquet, use_table
from analytics.editing import (commercial_day_names, commercial_sectors, holiday_countries, set_commercial_sector,
                               set_holiday_country)
from analytics.store import commercial_sector, holiday_country, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``store`` command and its subcommands."""
    parser = subparsers.add_parser(
        "store", help="export contacts to Parquet, read them from a Parquet dataset, refresh",
        description="Where the store's contacts come from: its own table (default) or a Parquet dataset "
                    "with one folder per month, on disk or in object storage.")
    actions = parser.add_subparsers(dest="store_action", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")

    export = actions.add_parser("export-parquet", parents=[common],
                                help="write the contacts as a Parquet dataset, one folder per month")
    export.add_argument("--out", required=True, metavar="DIR", help="a new or empty folder")
    export.set_defaults(func=run_export)

    parquet = actions.add_parser("use-parquet", parents=[common],
                                 help="read contacts from a Parquet dataset instead of the store's table")
    parquet.add_argument("location", metavar="DIR_OR_URL",
                         help="folder or s3:// gs:// r2:// https:// URL holding month folders of .parquet files")
    parquet.add_argument("--discard-table", action="store_true",
                         help="drop the table's contacts even when the dataset does not hold them all")
    parquet.set_defaults(func=run_use_parquet)

    table = actions.add_parser("use-table", parents=[common],
                               help="copy the dataset's contacts into the store's own table again")
    table.set_defaults(func=run_use_table)

    refresh = actions.add_parser("refresh", parents=[common],
                                 help="pick up new or changed files of the dataset; rebuild the daily aggregate")
    refresh.add_argument("--force", action="store_true", help="rebuild even when no file changed")
    refresh.set_defaults(func=run_refresh)

    status = actions.add_parser("status", parents=[common], help="where the contacts come from")
    status.set_defaults(func=run_status)

    country = actions.add_parser("country", parents=[common],
                                 help="whose public holidays the season knows (ISO code, e.g. NL, US, BE)")
    country.add_argument("code", nargs="?", help="the new country; without it, print the current one")
    country.set_defaults(func=run_country)

    sector = actions.add_parser(
        "sector", parents=[common],
        help="whose named commercial days the season knows, in the holiday country "
             f"({', '.join(commercial_sectors())})")
    sector.add_argument("name", nargs="?", choices=commercial_sectors(),
                        help="the new sector ('none': no commercial days); without it, print the current one")
    sector.set_defaults(func=run_sector)


def run_country(args: argparse.Namespace) -> int:
    """Print the store's holiday country, or set it."""
    conn = open_store(args.db, read_only=not args.code)
    try:
        code = set_holiday_country(conn, args.code) if args.code else holiday_country(conn)
        print(json.dumps({"holiday_country": code, "name": holiday_countries()[code]}))
    finally:
        conn.close()
    return 0


def run_sector(args: argparse.Namespace) -> int:
    """Print the store's commercial sector and the commercial days it brings, or set it."""
    conn = open_store(args.db, read_only=not args.name)
    try:
        sector = set_commercial_sector(conn, args.name) if args.name else commercial_sector(conn)
        country = holiday_country(conn)
        print(json.dumps({"commercial_sector": sector, "holiday_country": country,
                          "commercial_days": commercial_day_names(country, sector)}))
    finally:
        conn.close()
    return 0


def run_export(args: argparse.Namespace) -> int:
    conn = open_store(args.db, read_only=True)
    try:
        print(json.dumps(export_parquet(conn, args.out).as_json()))
    finally:
        conn.close()
    return 0


def run_use_parquet(args: argparse.Namespace) -> int:
    conn = open_store(args.db)
    try:
        print(json.dumps(use_parquet(conn, args.location, discard_table=args.discard_table).as_json()))
    finally:
        conn.close()
    return 0


def run_use_table(args: argparse.Namespace) -> int:
    conn = open_store(args.db)
    try:
        print(json.dumps(use_table(conn).as_json()))
    finally:
        conn.close()
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    conn = open_store(args.db)
    try:
        print(json.dumps(refresh_source(conn, force=args.force).as_json()))
    finally:
        conn.close()
    return 0


def run_status(args: argparse.Namespace) -> int:
    conn = open_store(args.db, read_only=True)
    try:
        print(json.dumps(contact_source(conn).as_json()))
    finally:
        conn.close()
    return 0
