"""What is in the store, for the Data page: imports, the reason tree, channels, drivers
and events."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.queries import run_query


def import_history(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per import, newest first."""
    return run_query(conn, "import_history")


def reason_tree(conn: duckdb.DuckDBPyConnection, *, reasons_as_recorded: bool = False) -> pd.DataFrame:
    """One row per reason path with owner, value class and contacts in the last 90 days
    (under the reasons as the agents recorded them when ``reasons_as_recorded``)."""
    return run_query(conn, "reason_tree", {"reasons_as_recorded": reasons_as_recorded})


def channel_table(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per channel with group, cost per contact and contacts."""
    return run_query(conn, "channel_table")


def driver_summary(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per driver and dimension with the days it covers."""
    return run_query(conn, "driver_summary")


def driver_daily(conn: duckdb.DuckDBPyConnection, driver: str) -> pd.DataFrame:
    """The daily total of one driver."""
    return run_query(conn, "driver_daily", {"driver": driver})


def event_list(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every event, newest first."""
    return run_query(conn, "event_list")
