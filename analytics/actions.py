"""The actions list of the weekly feedback loop: what a department will do about the cause
of a contact reason, by when, and how far it got.

Customer Service facilitates the loop; the owner of an action is the department that owns
the cause. An action names a reason at any level (``''`` for the levels below it). Every
change is validated first and written in one transaction, so a bad edit writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
import pandas as pd

from analytics import audit
from analytics.access import Role, require
from analytics.i18n import t
from analytics.queries import run_query
from analytics.store import write_transaction

ACTION_STATUSES = ("open", "in_progress", "done", "dropped")
OPEN_STATUSES = ("open", "in_progress")
EDITABLE_FIELDS = ("action", "owner_department", "due_on", "status", "note")
_UNCHANGED: Any = object()


@dataclass(frozen=True)
class ReasonPath:
    """A reason at level 1, 2 or 3; lower levels are ``''``."""

    reason_l1: str
    reason_l2: str = ""
    reason_l3: str = ""

    @property
    def label(self) -> str:
        return " > ".join(level for level in (self.reason_l1, self.reason_l2, self.reason_l3) if level)


def list_actions(conn: duckdb.DuckDBPyConnection, *, open_only: bool = False) -> pd.DataFrame:
    """Every action (or only the open and in-progress ones), soonest due first."""
    return run_query(conn, "action_list", {"open_only": bool(open_only)})


def overdue(actions: pd.DataFrame, today: date) -> pd.Series:
    """True for open or in-progress actions whose due date has passed."""
    due = pd.to_datetime(actions["due_on"])
    return actions["status"].isin(OPEN_STATUSES) & due.notna() & (due < pd.Timestamp(today))


def changed_rows(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The rows of an edited actions table (``after``) that differ from the table shown
    (``before``) in an editable field: ``action_id`` and the editable columns."""
    columns = [c for c in EDITABLE_FIELDS if c in after.columns]
    old = before.set_index("action_id")[columns]
    new = after.set_index("action_id")[columns]
    differs = pd.Series(False, index=new.index)
    for column in columns:
        a, b = old[column].reindex(new.index), new[column]
        if column == "due_on":
            a, b = pd.to_datetime(a), pd.to_datetime(b)
        same = (a == b) | (a.isna() & b.isna())
        differs |= ~same.fillna(False).astype(bool)
    return new[differs].reset_index()


def add_action(
    conn: duckdb.DuckDBPyConnection, reason: ReasonPath, *, action: str, owner_department: str | None = None,
    due_on: date | None = None, status: str = "open", note: str | None = None,
) -> int:
    """Record an action on a reason; return its id.

    Raises
    ------
    ValueError
        For an empty action text, an unknown status, or a reason path that is not in the
        reason tree; nothing is written then.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "add an action")
    reason = _checked_reason(conn, reason)
    fields = _checked_fields({"action": action, "owner_department": owner_department, "due_on": due_on,
                              "status": status, "note": note})
    with write_transaction(conn, changes=("actions",)) as cur:
        action_id = int(cur.execute(
            "insert into actions (reason_l1, reason_l2, reason_l3, action, owner_department, due_on, status, note)"
            " values ($l1, $l2, $l3, $action, $owner_department, $due_on, $status, $note) returning action_id",
            {"l1": reason.reason_l1, "l2": reason.reason_l2, "l3": reason.reason_l3, **fields},
        ).fetchall()[0][0])
        audit.record(cur, "action.add", f"{action_id}: {reason.label}", None,
                     {"action_id": action_id, "reason": reason.label, **fields})
    return action_id


def update_action(
    conn: duckdb.DuckDBPyConnection, action_id: int, *, action: str = _UNCHANGED,
    owner_department: str | None = _UNCHANGED, due_on: date | None = _UNCHANGED, status: str = _UNCHANGED,
    note: str | None = _UNCHANGED,
) -> None:
    """Change some fields of one action (the ones passed; ``None`` clears an optional one).

    Raises
    ------
    ValueError
        For an unknown action id, an empty action text or an unknown status.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "change an action")
    changes = {name: value for name, value in {
        "action": action, "owner_department": owner_department, "due_on": due_on, "status": status, "note": note,
    }.items() if value is not _UNCHANGED}
    update_actions(conn, pd.DataFrame([{"action_id": action_id, **changes}]))


def update_actions(conn: duckdb.DuckDBPyConnection, edited: pd.DataFrame) -> int:
    """Save edited rows of the actions table (``action_id`` and any of ``action``,
    ``owner_department``, ``due_on``, ``status``, ``note``) in one transaction; return the
    number of rows saved.

    Raises
    ------
    ValueError
        When any row has an unknown id, an empty action text or an unknown status; nothing
        is saved then.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "change actions")
    if "action_id" not in edited.columns:
        raise ValueError("Edited actions need their action_id.")
    columns = [c for c in EDITABLE_FIELDS if c in edited.columns]
    stored = {int(row["action_id"]): row for row in list_actions(conn).to_dict("records")}
    known = set(stored)
    rows = []
    for record in edited.to_dict("records"):
        action_id = int(record["action_id"])
        if action_id not in known:
            raise ValueError(t("errors.action_not_found", action_id=action_id))
        rows.append((action_id, _checked_fields({c: record[c] for c in columns})))
    with write_transaction(conn, changes=("actions",)) as cur:
        for action_id, fields in rows:
            assignments = ", ".join(f"{name} = ${name}" for name in fields)  # names from EDITABLE_FIELDS only
            cur.execute(f"update actions set {assignments}, updated_at = $now where action_id = $action_id",
                        {**fields, "now": datetime.now(), "action_id": action_id})
            audit.record(cur, "action.update", str(action_id), {name: stored[action_id][name] for name in fields},
                         fields)
    return len(rows)


def delete_action(conn: duckdb.DuckDBPyConnection, action_id: int) -> None:
    """Remove one action.

    Raises
    ------
    ValueError
        For an unknown action id.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "delete an action")
    stored = {int(row["action_id"]): row for row in list_actions(conn).to_dict("records")}
    if int(action_id) not in stored:
        raise ValueError(t("errors.action_not_found", action_id=int(action_id)))
    with write_transaction(conn, changes=("actions",)) as cur:
        cur.execute("delete from actions where action_id = $id", {"id": int(action_id)})
        audit.record(cur, "action.delete", str(int(action_id)), _audit_row(stored[int(action_id)]), None)


def _audit_row(row: dict[str, Any]) -> dict[str, Any]:
    """An action's stored fields as its audit row shows them."""
    keep = ("action_id", "reason_l1", "reason_l2", "reason_l3", *EDITABLE_FIELDS)
    return {key: (None if _blank(row.get(key)) else row.get(key)) for key in keep}


def _checked_reason(conn: duckdb.DuckDBPyConnection, reason: ReasonPath) -> ReasonPath:
    l1, l2, l3 = (str(level or "").strip() for level in (reason.reason_l1, reason.reason_l2, reason.reason_l3))
    if not l1:
        raise ValueError(t("errors.action_reason_missing"))
    if l3 and not l2:
        raise ValueError(t("errors.action_level3_needs_level2"))
    found = run_query(conn, "action_reason_exists", {"reason_l1": l1, "reason_l2": l2 or None,
                                                     "reason_l3": l3 or None})
    if int(found["paths"].iloc[0]) == 0:
        raise ValueError(t("errors.action_reason_unknown", reason=repr(reason.label)))
    return ReasonPath(l1, l2, l3)


def _checked_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validated, cleaned values of the editable fields that are present."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "action":
            if _blank(value):
                raise ValueError(t("errors.action_text_missing"))
            out[name] = str(value).strip()
        elif name == "status":
            if value not in ACTION_STATUSES:
                raise ValueError(t("errors.action_status_invalid", choices=", ".join(ACTION_STATUSES),
                                   status=repr(value)))
            out[name] = value
        elif name == "due_on":
            out[name] = None if _blank(value) else pd.Timestamp(value).date()
        elif name in ("owner_department", "note"):
            out[name] = None if _blank(value) else str(value).strip()
    return out


def _blank(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""
