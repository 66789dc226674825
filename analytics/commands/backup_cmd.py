"""``python -m analytics backup --out FILE`` and ``python -m analytics restore FILE``.

``backup`` writes a consistent copy of the store with a manifest of row counts and
checksums; ``restore`` checks a backup against its manifest and puts it in the store's
place, keeping the old store as ``<store>.before-restore``. Both print one JSON object; a
refusal gives one line on stderr, changes nothing and exits with 2.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from analytics.backup import make_backup, restore_backup, verify_backup
from analytics.store import StoreInUse, open_store, resolve_db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``backup`` and ``restore`` commands."""
    backup = subparsers.add_parser("backup", help="write a consistent copy of the store",
                                   description="Write a consistent copy of the store, with a manifest of "
                                               "row counts and checksums per table.")
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file (must not exist)")
    backup.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser("restore", help="check a backup and put it in the store's place",
                                    description="Check a backup against its manifest and replace the store "
                                                "with it; the old store is kept as <store>.before-restore. "
                                                "Stop the dashboard first.")
    restore.add_argument("backup", metavar="FILE")
    restore.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")
    restore.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    db = resolve_db_path(args.db)
    try:
        conn = open_store(db, read_only=True)
    except StoreInUse as exc:
        raise StoreInUse(f"{exc} A backup then comes from the running dashboard: an admin uses "
                         "Data → Backup, or stop the dashboard for a moment.") from None
    try:
        checks = make_backup(conn, args.out)
    finally:
        conn.close()
    print(json.dumps({"backup": str(args.out), "store": str(db),
                      "tables": {c.table: {"rows": c.rows, "checksum": c.checksum} for c in checks}}))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    checks = verify_backup(args.backup)
    kept = restore_backup(args.backup, args.db)
    print(json.dumps({"restored": str(args.backup), "store": str(resolve_db_path(args.db)),
                      "previous_store_kept_as": str(kept) if kept else None,
                      "tables": [asdict(c) for c in checks]}))
    return 0
