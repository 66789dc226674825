"""Build a demo contact store: draw the volumes, write them month by month into a new
store file, then put that file in place of the old one in a single rename.

Everything is drawn from ``numpy`` generators seeded by ``(seed, stream, month)``, so a
store is the same for the same seed, days, contacts per day and end date. Each contact gets
a subject line (``texts``); the problem hidden inside "Other" (``hidden_problem``) adds its
contacts from streams of its own, so the volumes' contacts are the same with or without it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from analytics import audit
from analytics.access import Role, require
from analytics.aggregates import refresh_contact_days
from analytics.demo.contacts import contact_batch, last_week, merged_in_time
from analytics.demo.hidden_problem import HiddenProblem, hidden_problem
from analytics.demo.tables import (
    CONTACTS_INSERT,
    channels_table,
    contacts_table,
    drivers_table,
    events_table,
    pilots_table,
    reasons_table,
)
from analytics.demo.texts import subject_lines
from analytics.demo.truth import demo_truth, truth_path_for, write_truth
from analytics.demo.volumes import DemoVolumes, demo_volumes
from analytics.store import open_store, write_transaction

MIN_DAYS = 60
MAX_CONTACTS_PER_DAY = 1_000_000


@dataclass(frozen=True)
class DemoSettings:
    """What a demo store is built from; the same settings give the same store."""

    end: date
    days: int = 1095
    contacts_per_day: float = 1500.0
    seed: int = 7

    @property
    def first_day(self) -> date:
        return self.end - timedelta(days=self.days - 1)

    def check(self) -> None:
        """Check the settings make a sensible store.

        Raises
        ------
        ValueError
            When the period is shorter than ``MIN_DAYS`` or the volume is not positive
            or absurdly large.
        """
        if self.days < MIN_DAYS:
            raise ValueError(f"The demo needs at least {MIN_DAYS} days (got {self.days}).")
        if not 0 < self.contacts_per_day <= MAX_CONTACTS_PER_DAY:
            raise ValueError(f"Contacts per day must be between 1 and {MAX_CONTACTS_PER_DAY:,}.")


@dataclass(frozen=True)
class DemoSummary:
    """What a build produced."""

    db_path: Path
    truth_path: Path
    contacts: int
    days: int
    first_day: date
    last_day: date
    seconds: float

    def as_json(self) -> dict[str, object]:
        return {
            "contacts": self.contacts, "days": self.days, "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(), "seconds": round(self.seconds, 1),
            "db": str(self.db_path), "truth": str(self.truth_path),
        }


def month_starts(days: list[date]) -> list[int]:
    """Positions where a new calendar month begins, plus the end: batch boundaries."""
    starts = [i for i, d in enumerate(days) if i == 0 or d.day == 1]
    return starts + [len(days)]


def stored_rows(db_path: Path) -> int:
    """Contacts, drivers and events already in the file; 0 when there is no file.

    Raises
    ------
    StoreError
        When the file cannot be opened (in use, not DuckDB).
    ValueError
        When the file is a DuckDB database but not a contact store.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return 0
    conn = open_store(db_path, read_only=True)
    try:
        cur = conn.cursor()
        return int(cur.execute(
            "select (select count(*) from contacts) + (select count(*) from drivers) + (select count(*) from events)"
        ).fetchall()[0][0])
    except duckdb.CatalogException as exc:
        raise ValueError(
            f"{db_path.name} is a DuckDB file but not a contact store; pass --force to replace it."
        ) from exc
    finally:
        conn.close()


def _month_contacts(volumes: DemoVolumes, hidden: DemoVolumes, first: int, stop: int, first_seq: int,
                    recent, seed: int, month: int):
    """One month's contacts with their subject lines: the volumes' contacts and the hidden
    problem's, each from generators of their own (the problem adds contacts and leaves the
    others as they were), merged in time order. Returns the batch, its lines and the
    volumes' own batch (whose last week the next month's repeats point back to)."""
    batch = contact_batch(volumes, first, stop, first_seq, recent, np.random.default_rng([seed, 2, month]))
    lines = subject_lines(batch, volumes.reasons, np.random.default_rng([seed, 4, month]))
    if not hidden.counts[first:stop].any():
        return batch, lines, batch
    extra = contact_batch(hidden, first, stop, 0, None, np.random.default_rng([seed, 5, month]))
    extra_lines = subject_lines(extra, volumes.reasons, np.random.default_rng([seed, 6, month]), hidden_problem=True)
    merged, order = merged_in_time(batch, extra, first_seq)
    return merged, pa.concat_arrays([lines, extra_lines]).take(pa.array(order)), batch


def _write_store(conn: duckdb.DuckDBPyConnection, volumes: DemoVolumes, hidden: HiddenProblem, seed: int) -> int:
    """Fill a fresh store in one transaction; return the number of contacts."""
    started = datetime.now()
    with write_transaction(conn) as cur:
        import_id = int(cur.execute("select nextval('import_log_id_seq')").fetchall()[0][0])
        for name, table, insert in (
            ("demo_channels", channels_table(), "insert into channels select * from demo_channels"),
            ("demo_reasons", reasons_table(volumes.reasons), "insert into reasons select * from demo_reasons"),
            ("demo_drivers", drivers_table(volumes, import_id), "insert into drivers select * from demo_drivers"),
            ("demo_events", events_table(volumes.events),
             "insert into events (name, kind, starts_on, ends_on, foreseen, reason_l1, reason_l2, note)"
             " select * from demo_events"),
            ("demo_pilots", pilots_table(volumes.pilots, volumes.reasons, started),
             "insert into pilots (name, hypothesis, owner, status, target_reasons, channels, starts_on, ends_on,"
             " rollout_on, expected_effect, created_at, updated_at)"
             " select name, hypothesis, owner, status, target_reasons, channels, starts_on, ends_on, rollout_on,"
             " expected_effect, created_at, created_at from demo_pilots"),
        ):
            cur.register(name, table)
            cur.execute(insert)
            cur.unregister(name)
        contacts = 0
        recent = None
        hidden_volumes = hidden.volumes(volumes)
        boundaries = month_starts(volumes.days)
        for month, (first, stop) in enumerate(zip(boundaries[:-1], boundaries[1:])):
            batch, lines, own = _month_contacts(volumes, hidden_volumes, first, stop, contacts + 1, recent, seed, month)
            cur.register("demo_contacts", contacts_table(batch, volumes.reasons, lines))
            cur.execute(CONTACTS_INSERT, {"import_id": import_id})
            cur.unregister("demo_contacts")
            contacts += len(batch)
            recent = last_week(own)
        refresh_contact_days(cur)
        cur.execute(
            "insert into import_log (import_id, kind, file_name, rows_read, inserted, duplicates, rejected,"
            " imported_by, started_at, finished_at)"
            " values ($id, 'demo', 'demo', $n, $n, 0, 0, 'demo generator', $started, $finished)",
            {"id": import_id, "n": contacts, "started": started, "finished": datetime.now()},
        )
        audit.record(cur, "demo.fill", "demo", None, {
            "import_id": import_id, "contacts": contacts, "days": len(volumes.days), "seed": seed,
            "pilots": len(volumes.pilots), "events": len(volumes.events)})
    return contacts


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def build_demo_store(db_path: str | os.PathLike, settings: DemoSettings, *, force: bool = False) -> DemoSummary:
    """Build the demo store at ``db_path`` and its truth file next to it.

    The store is built in a temporary file in the same folder and renamed over
    ``db_path`` at the end, so a reader never sees half a store.

    Raises
    ------
    ValueError
        When the settings are invalid, or ``db_path`` already holds data and ``force`` is
        not set.
    StoreError
        When an existing file cannot be inspected.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "build the demo store")
    settings.check()
    clock = time.perf_counter()
    target = Path(db_path)
    if not force:
        rows = stored_rows(target)
        if rows:
            raise ValueError(f"{target} already holds data ({rows:,} rows of contacts, drivers and events);"
                             " pass --force to replace it.")
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.with_name(f".{target.name}.{os.getpid()}.building")
    _remove_quietly(building, Path(f"{building}.wal"))
    try:
        volumes = demo_volumes(settings.first_day, settings.days, settings.contacts_per_day, settings.seed)
        hidden = hidden_problem(volumes, settings.seed)
        conn = open_store(building)
        try:
            contacts = _write_store(conn, volumes, hidden, settings.seed)
        finally:
            conn.close()
        truth_path = truth_path_for(target)
        write_truth(demo_truth(volumes, settings.seed, settings.contacts_per_day, hidden), truth_path)
        _remove_quietly(Path(f"{target}.wal"))  # a stale log would be replayed onto the new file
        os.replace(building, target)
    finally:
        _remove_quietly(building, Path(f"{building}.wal"))
    return DemoSummary(target, truth_path, contacts, settings.days, settings.first_day, settings.end,
                       time.perf_counter() - clock)


def fill_open_store(conn: duckdb.DuckDBPyConnection, db_path: str | os.PathLike, settings: DemoSettings) -> int:
    """Fill an empty store that is already open (the app's own connection) with the demo,
    in one transaction, and write the truth file next to ``db_path``; return the contacts.

    Raises
    ------
    ValueError
        When the store already holds contacts, drivers or events.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "load the demo data")
    settings.check()
    held = conn.cursor().execute(
        "select (select count(*) from contacts) + (select count(*) from drivers) + (select count(*) from events)"
    ).fetchall()[0][0]
    if held:
        raise ValueError("The demo can only be loaded into an empty store.")
    volumes = demo_volumes(settings.first_day, settings.days, settings.contacts_per_day, settings.seed)
    hidden = hidden_problem(volumes, settings.seed)
    contacts = _write_store(conn, volumes, hidden, settings.seed)
    write_truth(demo_truth(volumes, settings.seed, settings.contacts_per_day, hidden), truth_path_for(Path(db_path)))
    return contacts
