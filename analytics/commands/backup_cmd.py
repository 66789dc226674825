"""``python -m analytics backup --out FILE`` and ``python -m analytics restore FILE``.

``backup`` writes a consistent copy of the store with a manifest of row counts and
checksums, through the running dashboard when it holds the store (as imports do);
``restore`` checks a backup against its manifest and puts it in the store's place, keeping
the old store as ``<store>.before-restore``. Both print one JSON object; a
refusal gives one line on stderr, changes nothing and exits with 2.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import uuid
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from analytics.access import Role, require
from analytics.backup import BackupError, make_backup, restore_backup, verify_backup
from analytics.i18n import t
from analytics.live import inbox_for, wait_for_result
from analytics.live.inbox import submit_backup, withdraw_job
from analytics.store import StoreInUse, open_store, resolve_db_path

DEFAULT_WAIT_SECONDS = 600


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``backup`` and ``restore`` commands."""
    backup = subparsers.add_parser("backup", help="write a consistent copy of the store",
                                   description="Write a consistent copy of the store, with a manifest of "
                                               "row counts and checksums per table.")
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file (must not exist)")
    backup.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")
    backup.add_argument("--wait", type=float, default=DEFAULT_WAIT_SECONDS, metavar="SECONDS",
                        help="while the dashboard holds the store, how long to wait for it to write the backup "
                             f"(default {DEFAULT_WAIT_SECONDS})")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser("restore", help="check a backup and put it in the store's place",
                                    description="Check a backup against its manifest and replace the store "
                                                "with it; the old store is kept as <store>.before-restore. "
                                                "Stop the dashboard first.")
    restore.add_argument("backup", metavar="FILE")
    restore.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")
    restore.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Back the store up: directly when this process can open it, else through the running
    dashboard's inbox (it holds the store), which writes the copy in the store's backup
    folder; the copy is then checked against its manifest and moved to ``--out``."""
    db = resolve_db_path(args.db)
    out = Path(args.out).expanduser().resolve()
    if out.exists():
        raise BackupError(f"{out} exists already: choose a new file name for the backup.")
    try:
        conn = open_store(db)
    except StoreInUse:
        return _backup_through_inbox(args, db, out)
    try:
        checks = make_backup(conn, out)
    finally:
        conn.close()
    _print(out, db, checks, via="store")
    return 0


def _backup_through_inbox(args: argparse.Namespace, db: Path, out: Path) -> int:
    require(Role.ADMIN, "make a backup")  # refused here already, not only by the dashboard
    inbox = inbox_for(db)
    job_id = submit_backup(db, f"{db.stem}-{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}.duckdb")
    print(t("live.backup_queued", job=job_id, inbox=inbox, seconds=f"{args.wait:g}"), file=sys.stderr)
    result = wait_for_result(inbox, job_id, args.wait)
    if result is None and withdraw_job(inbox, job_id):
        raise BackupError(t("live.backup_not_taken", seconds=f"{args.wait:g}"))
    result = result or wait_for_result(inbox, job_id, 24 * 3600)  # claimed just now: it finishes
    if not result.ok:
        raise BackupError(result.message or "The backup failed.")
    written = Path(result.summary["backup"])
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(written, out)
    checks = verify_backup(out)
    _print(out, db, checks, via="dashboard")
    return 0


def _print(out: Path, db: Path, checks, via: str) -> None:
    print(json.dumps({"backup": str(out), "store": str(db), "via": via,
                      "tables": {c.table: {"rows": c.rows, "checksum": c.checksum} for c in checks}}))


def run_restore(args: argparse.Namespace) -> int:
    checks = verify_backup(args.backup)
    kept = restore_backup(args.backup, args.db)
    print(json.dumps({"restored": str(args.backup), "store": str(resolve_db_path(args.db)),
                      "previous_store_kept_as": str(kept) if kept else None,
                      "tables": [asdict(c) for c in checks]}))
    return 0
