"""When the data last changed and what changed it: the "data updated" line every page
shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb
import pandas as pd

from analytics.queries import run_query

# An import bumps the data version in its own transaction, a moment after it logs itself;
# a change further from the last import than this was something else (an edit, a pilot).
SAME_CHANGE = timedelta(minutes=1)


@dataclass(frozen=True)
class LastUpdate:
    """``changed_at``: when the data last changed; ``file_name`` and ``kind``: the import
    that changed it, None when the last change was not an import."""

    data_version: int
    changed_at: datetime | None
    file_name: str | None
    kind: str | None


def last_update(conn: duckdb.DuckDBPyConnection) -> LastUpdate:
    row = run_query(conn, "live_last_update").iloc[0]
    changed_at = _timestamp(row["changed_at"])
    finished_at = _timestamp(row["import_finished_at"])
    by_import = (changed_at is not None and finished_at is not None
                 and abs(changed_at - finished_at) <= SAME_CHANGE)
    return LastUpdate(
        data_version=int(row["data_version"]), changed_at=changed_at,
        file_name=str(row["import_file_name"]) if by_import else None,
        kind=str(row["import_kind"]) if by_import else None,
    )


def _timestamp(value) -> datetime | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).to_pydatetime()
