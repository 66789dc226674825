"""The daily aggregates of the contacts (``contact_days``, ``contact_days_detail``) and
how they are kept equal to ``contacts``.

Every view that only counts, sums or averages contacts per day reads these tables
instead of the contacts themselves: at 20 million contacts that is about 0.6 million rows
(``contact_days``) instead of 20 million. An average is rebuilt from a sum and a count
(``handle_seconds_sum / handled_contacts``), so it equals ``avg()`` on the contacts up
to float rounding. Distinct customers, hours of the day and contact journeys need single
contacts and stay on ``contacts``.

The tables are recomputed per day: whatever writes contacts calls
``refresh_contact_days`` inside the same transaction, so a reader never sees contacts and
aggregates that disagree, and a rolled-back import leaves both unchanged.

They count the reasons with the suggestions an editor accepted (the contacts' ``reason_l*``).
Their *recorded deltas* (``contact_days_recorded_delta``, ``contact_days_detail_recorded_delta``,
same columns) turn them into the reasons as recorded: per key, the relabelled contacts'
measures under the recorded reason (``recorded_l*``) minus under the accepted one, so

    aggregate as recorded = aggregate + delta        (summed per key; measures are additive)

which the shared includes apply when ``$reasons_as_recorded``. The deltas are recomputed
with the aggregates, for the same days.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import duckdb

from analytics.queries import parameters_of, sql_text

# Deleted and recomputed in this order: contact_days is rolled up from the detail rows,
# and each delta from its detail too.
AGGREGATE_TABLES = ("contact_days_detail", "contact_days",
                    "contact_days_detail_recorded_delta", "contact_days_recorded_delta")


def _execute(cur: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> None:
    """Run one statement file with the parameters it names."""
    sql = sql_text(name)
    cur.execute(sql, {key: params[key] for key in parameters_of(sql)})


def touched_days(cur: duckdb.DuckDBPyConnection, import_id: int) -> list[date]:
    """The days that hold contacts of import ``import_id``, in order."""
    rows = cur.execute(sql_text("contact_days_touched"), {"import_id": import_id}).fetchall()
    return [row[0] for row in rows]


def refresh_contact_days(cur: duckdb.DuckDBPyConnection, *, import_id: int | None = None,
                         days: Sequence[date] | None = None) -> int:
    """Recompute the daily aggregates (and their recorded deltas) from ``contacts``; return
    the number of days recomputed (0 for a full rebuild of an empty store).

    With ``import_id``, only the days that hold that import's contacts are recomputed
    (their rows deleted and aggregated again from all contacts of those days, old and new);
    with ``days``, those days (after contacts of them were relabelled). With neither, every
    table is rebuilt from every contact (after a bulk load, or when ``contacts`` is a view
    over another source).

    Call it on the cursor of the write transaction that changed the contacts, so the
    aggregates commit or roll back with them.

    Raises
    ------
    ValueError
        When both ``import_id`` and ``days`` are given.
    """
    if import_id is not None and days is not None:
        raise ValueError("Refresh the days of an import or the days given, not both.")
    if import_id is None and days is None:
        params: dict[str, Any] = {"rebuild": True, "days": [], "first_at": None, "end_at": None}
        for table in AGGREGATE_TABLES:
            _execute(cur, f"{table}_delete", params)
            _execute(cur, f"{table}_insert", params)
        return int(cur.execute("select count(distinct day) from contact_days").fetchall()[0][0])
    days = touched_days(cur, import_id) if import_id is not None else sorted(set(days))
    if not days:
        return 0
    params = {
        "rebuild": False, "days": days,
        "first_at": datetime.combine(days[0], time.min),
        "end_at": datetime.combine(days[-1] + timedelta(days=1), time.min),
    }
    for table in AGGREGATE_TABLES:
        _execute(cur, f"{table}_delete", params)
        _execute(cur, f"{table}_insert", params)
    return len(days)
