"""Stores the page tests run on: a small demo store and the SF311 sample, built once per
test session through the same commands a user runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from analytics.access import Actor, Role, acting_as
from analytics.aggregates import refresh_contact_days
from analytics.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SF311_CSV = ROOT / "tests" / "data" / "sf311_service_requests_sample.csv"

# Small but long enough for a yearly season: 800 days, ~250 contacts a day.
DEMO_ARGS = ["--days", "800", "--contacts-per-day", "250", "--seed", "7", "--end", "2026-06-30"]
SF311_MAP = ["--map", "contact_id=unique_key", "--map", "started_at=created_date", "--map", "channel=source",
             "--map", "reason_l1=category", "--map", "reason_l2=complaint_type", "--map", "reason_l3=descriptor",
             "--map", "department=agency_name"]


def run_cli(*args: str, env: dict | None = None) -> dict:
    """Run ``python -m analytics ...`` and return its JSON output; fail loudly otherwise."""
    completed = subprocess.run(
        [sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=600,
    )
    if completed.returncode != 0:
        raise AssertionError(f"analytics {' '.join(args)} failed:\n{completed.stderr}\n{completed.stdout}")
    return json.loads(completed.stdout)


def build_demo_store(path: Path) -> Path:
    run_cli("demo", "--db", str(path), *DEMO_ARGS)
    return path


def build_sf311_store(path: Path) -> Path:
    run_cli("import", "contacts", str(SF311_CSV), "--db", str(path), *SF311_MAP)
    return path


def uncode(path: Path) -> Path:
    """The store at ``path`` as if exported without reason codes: every contact "Not
    coded", the daily aggregates recomputed to match. Returns ``path``."""
    conn = open_store(path)
    try:
        with acting_as(Actor("test", Role.EDITOR)), conn.cursor() as cur:
            cur.execute("begin transaction")
            cur.execute("update contacts set reason_l1 = 'Not coded', reason_l2 = '', reason_l3 = ''")
            refresh_contact_days(cur)
            cur.execute("commit")
    finally:
        conn.close()
    return path


def write_as_an_older_dashboard(monkeypatch) -> None:
    """Writes mark the data version in ``store_meta`` only, as the dashboard did before a
    store kept what changed per scope (migration 012): for building an old store with
    today's write functions. ``monkeypatch.undo()`` ends it."""
    from analytics import store

    monkeypatch.setattr(store, "bump_data_version", lambda cur, changes=(): cur.execute(
        "update store_meta set data_version = data_version + 1"))
