"""Run the SQL files in ``analytics/sql`` with bound parameters.

A query file may include ``{{ name }}``, which is replaced by the text of ``_name.sql``
(a fixed piece of SQL, never a value). Values always travel as bound parameters: only the
parameters a query names are passed, so callers can hand over a whole filter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import duckdb
import pandas as pd

SQL_DIR = Path(__file__).resolve().parent / "sql"
_INCLUDE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


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
        return cur.execute(sql, {k: given[k] for k in wanted}).fetch_df()
    finally:
        cur.close()
