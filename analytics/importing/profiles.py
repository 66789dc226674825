"""Mapping profiles: named import settings kept in ``mapping_profiles``, so that the weekly
re-import of the same export is one command (``--profile NAME``)."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from analytics import audit
from analytics.access import Role, require
from analytics.i18n import t
from analytics.store import write_transaction
from analytics.importing.settings import IMPORT_KINDS, ImportRefused, ImportSettings


def _checked_name(name: str) -> str:
    clean = (name or "").strip()
    if not clean:
        raise ValueError(t("errors.import_profile_name_missing"))
    return clean


def save_profile(conn: duckdb.DuckDBPyConnection, name: str, kind: str, settings: ImportSettings) -> None:
    """Store ``settings`` under ``name`` for imports of ``kind``, replacing a profile of that name.

    Raises
    ------
    ValueError
        When the name is empty or the kind is not ``"contacts"`` or ``"drivers"``.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "save an import profile")
    if kind not in IMPORT_KINDS:
        raise ValueError(f"Unknown import kind {kind!r}; use 'contacts' or 'drivers'.")
    name = _checked_name(name)
    before = _stored(conn, name)
    with write_transaction(conn, changes=("import_profiles",)) as cur:
        cur.execute(
            """
            insert into mapping_profiles (name, kind, settings, updated_at)
            values ($name, $kind, $settings, $now)
            on conflict (name) do update
            set kind = excluded.kind, settings = excluded.settings, updated_at = excluded.updated_at
            """,
            {"name": name, "kind": kind, "settings": settings.to_json(), "now": datetime.now()},
        )
        audit.record(cur, "import_profile.save", name, before, {"kind": kind, "settings": settings.to_dict()})


def _stored(conn: duckdb.DuckDBPyConnection, name: str) -> dict | None:
    """The kind and settings saved under ``name`` as plain values, or None."""
    rows = conn.cursor().execute("select kind, settings::varchar from mapping_profiles where name = $name",
                                 {"name": name}).fetchall()
    return {"kind": rows[0][0], "settings": ImportSettings.from_json(rows[0][1]).to_dict()} if rows else None


def load_profile(conn: duckdb.DuckDBPyConnection, name: str) -> tuple[str, ImportSettings]:
    """The kind and settings saved under ``name``.

    Raises
    ------
    ImportRefused
        When there is no profile of that name (the message lists the saved ones).
    """
    cur = conn.cursor()
    rows = cur.execute("select kind, settings::varchar from mapping_profiles where name = $name",
                       {"name": _checked_name(name)}).fetchall()
    if not rows:
        names = [r[0] for r in cur.execute("select name from mapping_profiles order by name").fetchall()]
        known = (t("errors.import_profiles_saved", names=", ".join(names)) if names
                 else t("errors.import_profiles_none"))
        raise ImportRefused(t("errors.import_profile_unknown", name=repr(name), known=known))
    kind, settings = rows[0]
    return kind, ImportSettings.from_json(settings)


def list_profiles(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """All profiles: ``name, kind, updated_at, settings`` (settings as JSON text), by name."""
    return conn.cursor().execute(
        "select name, kind, updated_at, settings::varchar as settings from mapping_profiles order by name"
    ).fetch_df()


def delete_profile(conn: duckdb.DuckDBPyConnection, name: str) -> None:
    """Remove the profile ``name``.

    Raises
    ------
    ImportRefused
        When there is no profile of that name.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "delete an import profile")
    load_profile(conn, name)
    name = _checked_name(name)
    before = _stored(conn, name)
    with write_transaction(conn, changes=("import_profiles",)) as cur:
        cur.execute("delete from mapping_profiles where name = $name", {"name": name})
        audit.record(cur, "import_profile.delete", name, before, None)
