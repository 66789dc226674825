"""``python -m analytics watch DIR``: import every export file dropped into a folder.

Each file that has stopped growing is imported - straight into the store when it is free,
otherwise through the inbox of the running dashboard (``analytics.live``) - and then moved
to ``DIR/imported/`` or ``DIR/failed/`` with ``<file>.result.json`` beside it; a file the
dashboard did not take within ``--wait`` seconds moves to ``DIR/queued/`` (its copy waits
in the inbox). One JSON line per file goes to stdout. ``--once`` handles what is there and
exits (1 when a file failed), for cron and tests.
"""

from __future__ import annotations

import argparse
import getpass
import json
import time
from pathlib import Path
from typing import Any

from analytics.i18n import active_language, t
from analytics.importing import ImportRefused
from analytics.live import ImportJob, inbox_for, run_import, submit_job, wait_for_result
from analytics.live.watch import FAILED, IMPORTED, QUEUED, StableFiles, file_away
from analytics.store import StoreInUse, open_store, resolve_db_path

DEFAULT_POLL_SECONDS = 10.0
DEFAULT_WAIT_SECONDS = 600.0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("watch", help="Import every export file dropped into a folder.")
    parser.add_argument("folder", help="The folder to watch.")
    parser.add_argument("--db", help="Contact store (default: $CONTACTS_DB or data/contacts.duckdb).")
    parser.add_argument("--kind", choices=("contacts", "drivers"), default="contacts", help="What the files hold.")
    parser.add_argument("--name", help="Driver name (with --kind drivers).")
    parser.add_argument("--profile", help="Read every file with this saved mapping profile.")
    parser.add_argument("--poll", type=float, default=DEFAULT_POLL_SECONDS, metavar="SECONDS",
                        help=f"Seconds between looks at the folder (default {DEFAULT_POLL_SECONDS:g}).")
    parser.add_argument("--wait", type=float, default=DEFAULT_WAIT_SECONDS, metavar="SECONDS",
                        help="How long to wait for the running dashboard to import a file "
                             f"(default {DEFAULT_WAIT_SECONDS:g}).")
    parser.add_argument("--once", action="store_true", help="Handle the files there now, then exit.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder).expanduser().resolve()
    if not folder.is_dir():
        raise FileNotFoundError(t("live.watch_no_folder", folder=folder))
    if args.kind == "drivers" and not args.name:
        raise ValueError(t("live.watch_driver_name"))
    job = ImportJob(kind=args.kind, profile=args.profile, driver_name=args.name, imported_by=_user(),
                    language=active_language())
    store = resolve_db_path(args.db)
    files = StableFiles()
    files.look(folder)
    failures = 0
    while True:
        time.sleep(min(args.poll, 1.0) if args.once else args.poll)
        for path in files.look(folder):
            outcome, record = import_one(store, path, job, args.wait)
            moved = file_away(folder, path, outcome, record)
            print(json.dumps({"file": path.name, "outcome": outcome, "moved_to": str(moved), **record},
                             ensure_ascii=False, default=str), flush=True)
            failures += outcome == FAILED
        if args.once:
            return 1 if failures else 0


def import_one(store: Path, path: Path, job: ImportJob, wait_seconds: float) -> tuple[str, dict[str, Any]]:
    """Import one file: (outcome, record), the outcome ``imported``, ``failed`` or ``queued``."""
    job = ImportJob.from_dict({**job.to_dict(), "file_name": path.name})
    try:
        conn = open_store(store)
    except StoreInUse:
        try:
            job_id = submit_job(store, path, job)
        except OSError as exc:  # e.g. a full disk: this file fails, the watch goes on
            return FAILED, {"message": f"{type(exc).__name__}: {exc}"}
        result = wait_for_result(inbox_for(store), job_id, wait_seconds)
        if result is None:
            return QUEUED, {"job_id": job_id, "message": t("live.watch_queued", seconds=f"{wait_seconds:g}")}
        if result.ok:
            return IMPORTED, {"job_id": job_id, "summary": result.summary}
        return FAILED, {"job_id": job_id, "message": result.message}
    try:
        return IMPORTED, {"summary": run_import(conn, path, job).summary()}
    except (ImportRefused, ValueError, FileNotFoundError) as exc:
        return FAILED, {"message": str(exc)}
    except Exception as exc:  # noqa: BLE001  (one bad file must not stop the watch, now or after a restart)
        return FAILED, {"message": f"{type(exc).__name__}: {exc}"}
    finally:
        conn.close()


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
