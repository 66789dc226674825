"""Who gets which role: the roles an admin gives people on the Data page, and the rule that
combines them with the secrets file and the identity token.

A signed-in person's role, the first that applies:

1. a row for their user name in the store's ``user_roles`` (an admin's choice, audited);
2. their entry in the secrets file's ``[roles]`` (e-mail address -> role);
3. the identity token's roles claim (``roles_claim``, e.g. ``roles`` or ``groups``): each
   value that is a role name, or that ``[claim_roles]`` maps to one; the highest counts;
4. ``default_role``;
5. none: they see no data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from analytics import audit
from analytics.access import Role, require
from analytics.i18n import t
from analytics.store import write_transaction

COLUMNS = ["user_name", "role"]


def given_roles(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The roles an admin gave, by user name: ``user_name, role, changed_at, changed_by``."""
    return conn.cursor().execute(
        "select user_name, role, changed_at, changed_by from user_roles order by user_name").df()


def save_given_roles(conn: duckdb.DuckDBPyConnection, edited: pd.DataFrame) -> int:
    """Replace the roles an admin gives with ``edited`` (columns ``user_name``, ``role``;
    rows with an empty name are dropped); return the number of people listed.

    Every added, changed or removed person gets an audit row with before and after.

    Raises
    ------
    AccessDenied
        When the current actor is not an admin; nothing is written.
    ValueError
        For an unknown role, a name listed twice, or an admin taking away their own admin
        role (nobody could give it back from the page); nothing is written then.
    """
    actor = require(Role.ADMIN, "give people roles")
    wanted = _validated(edited)
    before = given_roles_by_name(conn)
    me = actor.name.strip().lower()
    if before.get(me) == "admin" and wanted.get(me) != "admin":
        raise ValueError(t("user_roles.own_admin", name=actor.name))
    now = datetime.now()
    with write_transaction(conn, changes=("roles",)) as cur:
        for name in sorted(set(before) | set(wanted)):
            old, new = before.get(name), wanted.get(name)
            if old == new:
                continue
            if new is None:
                cur.execute("delete from user_roles where user_name = $name", {"name": name})
            else:
                cur.execute("insert or replace into user_roles values ($name, $role, $at, $by)",
                            {"name": name, "role": new, "at": now, "by": actor.name})
            audit.record(cur, "user_role.update", name, None if old is None else {"role": old},
                         None if new is None else {"role": new})
    return len(wanted)


def given_roles_by_name(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The roles an admin gave: lower-case user name -> role name."""
    return dict(conn.cursor().execute("select user_name, role from user_roles").fetchall())


def _validated(edited: pd.DataFrame) -> dict[str, str]:
    wanted: dict[str, str] = {}
    for row in edited.itertuples(index=False):
        name = "" if pd.isna(row.user_name) else str(row.user_name).strip().lower()
        if not name:
            continue
        try:
            role = Role.parse("" if pd.isna(row.role) else str(row.role)).name.lower()
        except ValueError:
            raise ValueError(t("user_roles.bad_role", name=name, role=row.role)) from None
        if name in wanted:
            raise ValueError(t("user_roles.twice", name=name))
        wanted[name] = role
    return wanted


def roles_from_claim(claims: Mapping[str, Any], claim: str | None,
                     claim_map: Mapping[str, Any] | None) -> Role | None:
    """The highest role the identity token's ``claim`` gives: each of its values (a list or
    one text) that ``claim_map`` maps to a role, or that is a role name itself."""
    if not claim:
        return None
    values = claims.get(claim)
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    mapping = {str(k).lower(): v for k, v in (claim_map or {}).items()}
    found = []
    for value in values if isinstance(values, Iterable) else []:
        name = mapping.get(str(value).lower(), value)
        try:
            found.append(Role.parse(str(name)))
        except ValueError:
            continue
    return max(found) if found else None


def resolve_role(*, given: Role | None, listed: Any, from_claim: Role | None, default: Any) -> Role | None:
    """The first of the admin's choice, the secrets file's ``[roles]`` entry, the token's
    claim and ``default_role`` that names a valid role (see the module's docstring)."""
    for candidate in (given, listed, from_claim, default):
        if candidate is None or candidate == "":
            continue
        if isinstance(candidate, Role):
            return candidate
        try:
            return Role.parse(str(candidate))
        except ValueError:
            continue
    return None

