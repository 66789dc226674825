"""The audit log: who changed what in the store, when, and how it looked before and after.

Every write of the logic layer checks the actor's role (``analytics.access.require``) and
then, inside its own transaction, calls :func:`record` on the transaction's cursor. The row
is therefore committed with the change or rolled back with it: a row in ``audit_log`` means
the change happened, and a refused or failed change leaves none.

``before`` and ``after`` are JSON-ready values (dicts, lists, numbers, text; dates become
ISO text); ``None`` means there was nothing (before an add, after a delete).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from analytics.access import AccessDenied, current_actor
from analytics import formatting
from analytics.formatting import MISSING
from analytics.i18n import TEXT, active_language, t
from analytics.queries import run_query, sql_text

MAX_ROWS = 10_000


def as_json(value: Any) -> str | None:
    """``value`` as JSON text (``None`` stays ``None``); dates and other objects as text."""
    if value is None:
        return None
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, allow_nan=False)


def _plain(value: Any) -> Any:
    """``value`` made of JSON types only: missing values (NaN, NaT) become ``None``."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, str)):
        return value
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, (int, float)):
        return value
    return str(value)


def record(cur: duckdb.DuckDBPyConnection, action: str, target: str | None, before: Any, after: Any) -> None:
    """Write one audit row on ``cur``, which must be the cursor of the change's own
    transaction (``with write_transaction(conn) as cur``), naming the current actor.

    Raises
    ------
    AccessDenied
        When nobody is acting (the write should have been refused by ``require`` first).
    ValueError
        For an empty action name.
    """
    if not action or not action.strip():
        raise ValueError("An audit entry needs an action name.")
    actor = current_actor()
    if actor is None:
        raise AccessDenied(t("access.sign_in_to", what=t("access.what_change_the_store")), action)
    cur.execute(sql_text("audit_insert"), {
        "logged_at": datetime.now(), "actor_name": actor.name, "actor_role": actor.role.name.lower(),
        "action": action, "target": None if target is None else str(target),
        "before_json": as_json(before), "after_json": as_json(after),
    })


def entries(conn: duckdb.DuckDBPyConnection, *, actors: Sequence[str] = (), actions: Sequence[str] = (),
            first_day: date | None = None, last_day: date | None = None, limit: int = MAX_ROWS) -> pd.DataFrame:
    """Audit rows, newest first, made by one of ``actors`` (all when empty), of one of
    ``actions`` (all when empty), on days from ``first_day`` to ``last_day`` inclusive (open
    when None); at most ``limit``: ``entry_id, logged_at, actor_name, actor_role, action,
    target, before_json, after_json``.

    Raises
    ------
    ValueError
        When ``limit`` is not between 1 and ``MAX_ROWS``.
    """
    if not 1 <= int(limit) <= MAX_ROWS:
        raise ValueError(f"The audit log shows between 1 and {MAX_ROWS} entries, not {limit}.")
    return run_query(conn, "audit_entries", {
        "actors": list(actors), "actions": list(actions), "first_day": first_day, "last_day": last_day,
        "limit": int(limit)})


def recent_entries(conn: duckdb.DuckDBPyConnection, limit: int = 50) -> pd.DataFrame:
    """The latest ``limit`` audit rows, newest first (see :func:`entries`)."""
    return entries(conn, limit=limit)


def action_label(action: str) -> str:
    """An action as the interface says it ("event.add" -> "Event added" / "Gebeurtenis
    toegevoegd"); an action without a text as it is."""
    key = "audit.action_" + action.replace(".", "_")
    return t(key) if key in TEXT[active_language()] else action


def change_text(value_json: object) -> str:
    """A before or after value as one line to read: ``name: Sale · kind: campaign``; "–" for
    nothing (before an add, after a delete)."""
    if value_json is None or (isinstance(value_json, float) and pd.isna(value_json)):
        return MISSING
    try:
        value = json.loads(str(value_json))
    except ValueError:
        return str(value_json)
    if isinstance(value, dict):
        return " · ".join(f"{_field_name(key)}: {_field_value(key, item)}" for key, item in value.items())
    return str(value)


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _field_name(key: str) -> str:
    """A recorded field as the page's column that shows it calls it, where one does."""
    names = TEXT[active_language()]
    return next((names[k] for k in (f"data.col_{key}", f"column.{key}", f"weekly.column_{key.removeprefix('action_')}")
                 if k in names), key)


def _field_value(key: str, item: object) -> str:
    """A recorded value in the language: numbers with separators (not an id or a seed),
    "–" for nothing."""
    if item is None:
        return MISSING
    if key == "country" and isinstance(item, str):
        return formatting.territory(item)  # "Nederland", not "NL"
    if key == "sector" and isinstance(item, str) and f"data.sector_{item}" in TEXT[active_language()]:
        return t(f"data.sector_{item}")
    if isinstance(item, bool):
        return t("value.yes" if item else "value.no")
    if isinstance(item, str) and ISO_DAY.fullmatch(item):
        return formatting.day(date.fromisoformat(item))
    if isinstance(item, int):
        return str(item) if key.endswith("_id") or key in ("id", "seed", "year") else formatting.count(item)
    if isinstance(item, float):
        return formatting.decimal(item, 2)
    return str(item)


def _target_text(target: object) -> str:
    """What an entry changed: a name as it is, a store setting in words ("Public holidays")."""
    if target is None or (isinstance(target, float) and pd.isna(target)):
        return MISSING
    key = f"audit.target_{target}"
    return t(key) if key in TEXT[active_language()] else str(target)


def readable_entries(entries: pd.DataFrame) -> pd.DataFrame:
    """The audit rows as the Data page shows and exports them: roles and actions in the
    active language, before and after as readable lines; ``entry_id`` dropped."""
    return entries.drop(columns=["entry_id"]).assign(
        actor_role=entries["actor_role"].map(lambda role: t(f"roles.role_{role}")),
        action=entries["action"].map(action_label),
        target=entries["target"].map(_target_text),
        before_json=entries["before_json"].map(change_text),
        after_json=entries["after_json"].map(change_text),
    )


def facets(conn: duckdb.DuckDBPyConnection) -> tuple[list[str], list[str]]:
    """Who made changes and which actions there are, each most frequent first."""
    rows = run_query(conn, "audit_facets", {})
    return (rows.loc[rows["facet"] == "actor", "value"].tolist(),
            rows.loc[rows["facet"] == "action", "value"].tolist())
