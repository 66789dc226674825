"""Stores of the shapes real exports take that the demo never does ("thin data"), each built
the way a user builds one: a CSV export written here, read by the real importer
(:func:`analytics.importing.import_contacts`) into a real DuckDB file, as the local
operator (the command line's actor).

1. ``one_day``: one day of contacts (and one day of orders);
2. ``one_reason``: one reason and one channel, 20 weeks (with daily orders);
3. ``sparse``: ten years of a few contacts a month, then six dense weeks (the shape of a
   regulator's complaint export, about 2,000 rows);
4. ``many_reasons``: 3,000 distinct first-level reasons over 13 weeks;
5. ``midnight``: every contact at 00:00 (the export has dates without times);
6. ``bare``: only the four required fields (no customer ids, handle times, resolution or
   satisfaction) and no drivers.

Every store but ``one_day`` has one pilot on its largest reason over its last four weeks,
so the Pilots page's evaluation has something to evaluate. The counts are fixed by a seed,
so a test can assert the numbers a page must show.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from analytics.importing import ImportSettings, import_contacts, import_drivers
from analytics.pilots.registry import PilotSpec, add_pilot
from analytics.store import open_store

LAST_DAY = date(2026, 6, 30)  # a Tuesday, as on the demo store
FULL_HEADER = ("contact_id", "started_at", "channel", "reason_l1", "reason_l2", "customer_id", "handle_seconds",
               "resolved", "csat")
BARE_HEADER = ("contact_id", "started_at", "channel", "reason_l1")
SPARSE_DENSE_FROM = date(2026, 5, 18)  # the last six weeks are dense


@dataclass(frozen=True)
class OddStore:
    """A built store: its file, how many contacts it holds, its first and last day, and
    the pilot registered on it (``None`` when there is none)."""

    name: str
    path: Path
    contacts: int
    first_day: date
    last_day: date
    pilot: PilotSpec | None
    reason: str
    channel: str


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _clock(rng: np.random.Generator) -> str:
    """A working-hours time of day."""
    seconds = int(rng.integers(8 * 3600, 20 * 3600))
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _full_rows(days_and_counts: list[tuple[date, int]], reasons: list[tuple[str, str]], channels: list[str],
               rng: np.random.Generator, *, with_time: bool = True) -> list[tuple]:
    """Rows with every optional measure, reasons and channels drawn with falling weights."""
    reason_weights = 1.0 / np.arange(1, len(reasons) + 1)
    channel_weights = 1.0 / np.arange(1, len(channels) + 1)
    rows = []
    for day, count in days_and_counts:
        picks = rng.choice(len(reasons), size=count, p=reason_weights / reason_weights.sum())
        via = rng.choice(len(channels), size=count, p=channel_weights / channel_weights.sum())
        for k in range(count):
            moment = f"{day} {_clock(rng)}" if with_time else f"{day}"
            l1, l2 = reasons[picks[k]]
            rows.append((f"{day:%Y%m%d}-{k:04d}", moment, channels[via[k]], l1, l2, f"cust{int(rng.integers(0, 400))}",
                         int(rng.integers(60, 900)), "yes" if rng.random() < 0.7 else "no", int(rng.integers(1, 6))))
    return rows


def _write_csv(path: Path, header: tuple[str, ...], rows: list[tuple]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _poisson_days(first: date, last: date, mean: float, rng: np.random.Generator) -> list[tuple[date, int]]:
    return [(day, int(rng.poisson(mean))) for day in _days(first, last)]


def _one_day(rng: np.random.Generator) -> tuple[tuple, list[tuple], dict]:
    rows = _full_rows([(LAST_DAY, 37)], [("Delivery", "Late"), ("Payment", "Refund"), ("Account", "Login")],
                      ["Phone", "E-mail"], rng)
    return FULL_HEADER, rows, {"orders": [(LAST_DAY, 1200)]}


def _one_reason(rng: np.random.Generator) -> tuple[tuple, list[tuple], dict]:
    first = LAST_DAY - timedelta(days=139)
    rows = _full_rows(_poisson_days(first, LAST_DAY, 25, rng), [("Delivery", "")], ["Phone"], rng)
    return FULL_HEADER, rows, {"orders": [(d, 900 + int(rng.integers(0, 200))) for d in _days(first, LAST_DAY)]}


def _sparse(rng: np.random.Generator) -> tuple[tuple, list[tuple], dict]:
    """Ten years at about three complaints a month, then about 40 a day in the last six weeks."""
    first = date(2016, 7, 1)
    thin = _poisson_days(first, SPARSE_DENSE_FROM - timedelta(days=1), 0.1, rng)
    dense = _poisson_days(SPARSE_DENSE_FROM, LAST_DAY, 40, rng)
    reasons = [("Billing", "Overcharged"), ("Service", "Outage"), ("Conduct", "Rude staff"), ("Billing", "Meter")]
    rows = _full_rows(thin + dense, reasons, ["Web form", "Letter", "Phone"], rng)
    bare = [row[:4] for row in rows]  # a regulator's export: no customer ids, no measures
    return BARE_HEADER, bare, {}


def _many_reasons(rng: np.random.Generator) -> tuple[tuple, list[tuple], dict]:
    """3,000 reasons, each twice in 13 weeks, plus one common reason every day."""
    first = LAST_DAY - timedelta(days=90)
    days = _days(first, LAST_DAY)
    rows = []
    for i in range(3000):
        for copy in range(2):
            day = days[int(rng.integers(0, len(days)))]
            rows.append((f"r{i:04d}-{copy}", f"{day} {_clock(rng)}", "Phone" if copy else "Chat", f"Reason {i:04d}",
                         ""))
    for day in days:
        for k in range(int(rng.poisson(20))):
            rows.append((f"{day:%Y%m%d}-common-{k:03d}", f"{day} {_clock(rng)}", "Phone", "Delivery", "Late"))
    return ("contact_id", "started_at", "channel", "reason_l1", "reason_l2"), rows, {}


def _midnight(rng: np.random.Generator) -> tuple[tuple, list[tuple], dict]:
    first = LAST_DAY - timedelta(days=119)
    rows = _full_rows(_poisson_days(first, LAST_DAY, 30, rng),
                      [("Delivery", "Late"), ("Payment", "Refund"), ("Account", "Login")], ["Phone", "E-mail", "Chat"],
                      rng, with_time=False)
    return FULL_HEADER, rows, {}


def _bare(rng: np.random.Generator) -> tuple[tuple, list[tuple], dict]:
    first = LAST_DAY - timedelta(days=119)
    rows = _full_rows(_poisson_days(first, LAST_DAY, 20, rng),
                      [("Delivery", ""), ("Payment", ""), ("Account", "")], ["Phone", "E-mail"], rng)
    return BARE_HEADER, [row[:4] for row in rows], {}


SHAPES: dict[str, Callable[[np.random.Generator], tuple[tuple, list[tuple], dict]]] = {
    "one_day": _one_day, "one_reason": _one_reason, "sparse": _sparse, "many_reasons": _many_reasons,
    "midnight": _midnight, "bare": _bare,
}
ODD_STORES = tuple(SHAPES)


def build_odd_store(name: str, folder: Path, seed: int = 11) -> OddStore:
    """Write the export of shape ``name``, import it (and its drivers) into
    ``folder/<name>.duckdb`` and register its pilot; every row must be imported."""
    header, rows, drivers = SHAPES[name](np.random.default_rng(seed))
    export = _write_csv(folder / f"{name}.csv", header, rows)
    mapping = {field: field for field in header}
    conn = open_store(folder / f"{name}.duckdb")
    try:
        result = import_contacts(conn, export, ImportSettings(mapping=mapping))
        assert result.rejected == 0 and result.inserted == len(rows), result.rejects
        for driver, values in drivers.items():
            path = _write_csv(folder / f"{name}-{driver}.csv", ("day", "value"), values)
            import_drivers(conn, path, ImportSettings(mapping={"day": "day", "value": "value"}), driver_name=driver)
        days = sorted({datetime.fromisoformat(row[1]).date() for row in rows})
        counts: dict[str, int] = {}
        for row in rows:
            counts[row[3]] = counts.get(row[3], 0) + 1
        reason = max(sorted(counts), key=counts.get)
        channels: dict[str, int] = {}
        for row in rows:
            channels[row[2]] = channels.get(row[2], 0) + 1
        pilot = None
        if days[-1] - days[0] >= timedelta(days=56):
            start = days[-1] - timedelta(days=days[-1].weekday() + 28)  # four whole weeks before the last Monday
            pilot = add_pilot(conn, PilotSpec(f"{name} pilot", (reason,), start, start + timedelta(days=27),
                                              expected_effect=-0.2))
    finally:
        conn.close()
    return OddStore(name, folder / f"{name}.duckdb", len(rows), days[0], days[-1], pilot, reason,
                    max(sorted(channels), key=channels.get))
