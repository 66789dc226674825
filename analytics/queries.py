"""Run the SQL files in ``analytics/sql`` with bound parameters.

A query file may include ``{{ name }}``, which is replaced by the text of ``_name.sql``
(a fixed piece of SQL, never a value). Values always travel as bound parameters: only the
parameters a query names are passed, so callers can hand over a whole filter.

Every query has a time limit (``CONTACTS_QUERY_TIMEOUT_S``, 30 s by default): a runaway one
is interrupted on its own cursor, so only the session that asked for it sees
:class:`QueryTimeout`; the others' queries on the same connection go on.
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import duckdb
import pandas as pd

from analytics.i18n import t

SQL_DIR = Path(__file__).resolve().parent / "sql"
_INCLUDE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
TIMEOUT_VARIABLE = "CONTACTS_QUERY_TIMEOUT_S"
DEFAULT_TIMEOUT_S = 30.0


class QueryTimeout(RuntimeError):
    """A query ran past the time limit and was stopped; nothing was changed."""


def query_time_limit() -> float:
    """Seconds a query may run (``CONTACTS_QUERY_TIMEOUT_S``; 0 or less: no limit)."""
    try:
        return float(os.environ.get(TIMEOUT_VARIABLE) or DEFAULT_TIMEOUT_S)
    except ValueError:
        return DEFAULT_TIMEOUT_S


@lru_cache(maxsize=None)
def sql_text(name: str) -> str:
    """The SQL of ``analytics/sql/<name>.sql`` with its includes expanded."""
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    if name.startswith("_"):
        return text  # includes are leaves: they include nothing themselves
    return _INCLUDE.sub(lambda m: sql_text("_" + m.group(1)), text)


def parameters_of(sql: str) -> set[str]:
    """The ``$name`` parameters a query uses."""
    return set(_PARAM.findall(sql))


def run_query(conn: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run one query file on a fresh cursor and return its (small) result."""
    sql = sql_text(name)
    wanted = parameters_of(sql)
    given = dict(params or {})
    missing = wanted - given.keys()
    if missing:
        raise ValueError(f"query {name!r} needs parameters {sorted(missing)}")
    cur = conn.cursor()
    try:
        return fetch_within_limit(cur, sql, {k: given[k] for k in wanted}, query_time_limit())
    finally:
        cur.close()


def fetch_within_limit(cur: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, Any],
                       seconds: float) -> pd.DataFrame:
    """``cur.execute(sql, params).fetch_df()``, interrupted after ``seconds``.

    Raises
    ------
    QueryTimeout
        When the limit was reached; the message says what to do.
    """
    if seconds <= 0:
        return cur.execute(sql, params).fetch_df()
    timer = threading.Timer(seconds, cur.interrupt)
    timer.daemon = True
    timer.start()
    try:
        return cur.execute(sql, params).fetch_df()
    except duckdb.InterruptException:
        raise QueryTimeout(t("errors.query_timeout", seconds=f"{seconds:g}")) from None
    finally:
        timer.cancel()
        # Ended before returning: a timer thread still waking up would hold the cursor, and a
        # command that exits at once would have DuckDB's bindings report it as leaked.
        timer.join()
