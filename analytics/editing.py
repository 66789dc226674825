"""Edits made on the Data page: channel groups and costs, reason owners and value
classes, events. Each edit is validated first and written in one transaction."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import duckdb
import pandas as pd

from analytics import audit, formatting
from analytics.access import Role, require
from analytics.baseline.commercial import calendar_sectors, commercial_calendar
from analytics.channels import CHANNEL_GROUPS
from analytics.filters import parse_reason_path, reason_path
from analytics.i18n import t
from analytics.store import NO_SECTOR, commercial_sector, holiday_country, write_transaction

VALUE_CLASSES = ("valuable", "avoidable", "automatable", "no_value")
EVENT_KINDS = ("campaign", "holiday", "outage", "other")


def update_channels(conn: duckdb.DuckDBPyConnection, edited: pd.DataFrame) -> int:
    """Save channel groups and costs per contact (columns ``channel``, ``channel_group``,
    ``cost_per_contact``); return the number of channels saved.

    Raises
    ------
    ValueError
        For an unknown channel group or a negative cost; nothing is saved then.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "change channel groups and costs")
    before = _rows_by_key(conn, "select channel, channel_group, cost_per_contact from channels", ["channel"])
    for row in edited.itertuples(index=False):
        if row.channel_group not in CHANNEL_GROUPS:
            raise ValueError(t("errors.edit_channel_group", channel=repr(row.channel),
                               choices=", ".join(CHANNEL_GROUPS)))
        if not pd.isna(row.cost_per_contact) and float(row.cost_per_contact) < 0:
            raise ValueError(t("errors.edit_channel_cost_negative", channel=repr(row.channel)))
    with write_transaction(conn) as cur:
        for row in edited.itertuples(index=False):
            cur.execute(
                "update channels set channel_group = $group, cost_per_contact = $cost where channel = $channel",
                {"group": row.channel_group, "channel": row.channel,
                 "cost": None if pd.isna(row.cost_per_contact) else float(row.cost_per_contact)},
            )
            after = {"channel": row.channel, "channel_group": row.channel_group,
                     "cost_per_contact": None if pd.isna(row.cost_per_contact) else float(row.cost_per_contact)}
            old = before.get((row.channel,))
            if old != after:
                audit.record(cur, "channel.update", row.channel, old, after)
    return len(edited)


def update_reasons(conn: duckdb.DuckDBPyConnection, edited: pd.DataFrame) -> int:
    """Save the owning department and value class of reasons (columns ``reason_l1``,
    ``reason_l2``, ``reason_l3``, ``department``, ``value_class``).

    Raises
    ------
    ValueError
        For an unknown value class; nothing is saved then.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "change reason owners and value classes")
    before = _rows_by_key(conn, "select reason_l1, reason_l2, reason_l3, department, value_class from reasons",
                          ["reason_l1", "reason_l2", "reason_l3"])
    for row in edited.itertuples(index=False):
        if not _blank(row.value_class) and row.value_class not in VALUE_CLASSES:
            raise ValueError(t("errors.edit_value_class", choices=", ".join(VALUE_CLASSES),
                               value_class=repr(row.value_class)))
    with write_transaction(conn) as cur:
        for row in edited.itertuples(index=False):
            cur.execute(
                "update reasons set department = $department, value_class = $value_class"
                " where reason_l1 = $l1 and reason_l2 = $l2 and reason_l3 = $l3",
                {"department": None if _blank(row.department) else str(row.department).strip(),
                 "value_class": None if _blank(row.value_class) else row.value_class,
                 "l1": row.reason_l1, "l2": row.reason_l2, "l3": row.reason_l3},
            )
            after = {"reason_l1": row.reason_l1, "reason_l2": row.reason_l2, "reason_l3": row.reason_l3,
                     "department": None if _blank(row.department) else str(row.department).strip(),
                     "value_class": None if _blank(row.value_class) else row.value_class}
            old = before.get((row.reason_l1, row.reason_l2, row.reason_l3))
            if old != after:
                label = " > ".join(level for level in (row.reason_l1, row.reason_l2, row.reason_l3) if level)
                audit.record(cur, "reason.update", label, old, after)
    return len(edited)


def add_event(
    conn: duckdb.DuckDBPyConnection, *, name: str, kind: str, starts_on: date, ends_on: date,
    foreseen: bool, reason: str | tuple[str | None, ...] | None = None, channel: str | None = None,
    note: str | None = None,
) -> int:
    """Record a dated event (campaign, holiday, outage, other); return its id.

    ``reason`` is a path as typed ("Delivery > Late"), or the levels themselves as a filter
    holds them, taken as they are: a reason name may contain ``>`` itself.

    Raises
    ------
    ValueError
        For an empty name, an unknown kind or an end before the start.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "add an event")
    if not name or not name.strip():
        raise ValueError(t("errors.event_name_missing"))
    if kind not in EVENT_KINDS:
        raise ValueError(t("errors.event_kind_invalid", choices=", ".join(EVENT_KINDS)))
    if ends_on < starts_on:
        raise ValueError(t("errors.event_ends_before_start"))
    if isinstance(reason, tuple):
        l1, l2, l3 = (tuple(level or None for level in reason) + (None, None, None))[:3]
        reason = reason_path(l1, l2, l3)
    else:
        l1, l2, l3 = parse_reason_path(reason) if reason else (None, None, None)
    with write_transaction(conn) as cur:
        event_id = cur.execute(
            "insert into events (name, kind, starts_on, ends_on, foreseen, reason_l1, reason_l2, reason_l3, channel, note)"
            " values ($name, $kind, $starts_on, $ends_on, $foreseen, $l1, $l2, $l3, $channel, $note) returning event_id",
            {"name": name.strip(), "kind": kind, "starts_on": starts_on, "ends_on": ends_on,
             "foreseen": bool(foreseen), "l1": l1, "l2": l2, "l3": l3,
             "channel": channel or None, "note": note or None},
        ).fetchall()[0][0]
        audit.record(cur, "event.add", name.strip(), None, {
            "event_id": event_id, "name": name.strip(), "kind": kind, "starts_on": starts_on, "ends_on": ends_on,
            "foreseen": bool(foreseen), "reason": reason or None, "channel": channel or None, "note": note or None})
    return event_id


def delete_event(conn: duckdb.DuckDBPyConnection, event_id: int) -> None:
    """Remove one event (an unknown id changes nothing and records nothing).

    Raises
    ------
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "delete an event")
    found = conn.cursor().execute(
        "select event_id, name, kind, starts_on, ends_on, foreseen, reason_l1, reason_l2, reason_l3, channel, note"
        " from events where event_id = $id", {"id": int(event_id)}).fetch_df().to_dict("records")
    with write_transaction(conn) as cur:
        cur.execute("delete from events where event_id = $id", {"id": int(event_id)})
        if found:
            audit.record(cur, "event.delete", str(found[0]["name"]), found[0], None)


def _sort_key(name: str) -> str:
    """``name`` as an index sorts it: accents and case do not count ("Åland" by the A)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def holiday_countries(language: str | None = None) -> dict[str, str]:
    """Every country the ``holidays`` package knows: ISO code -> its name in the language
    (CLDR's, through Babel: "Netherlands" / "Nederland"), by name."""
    from holidays.registry import COUNTRIES

    names = {entry[1]: formatting.territory(entry[1], language=language) for entry in COUNTRIES.values()}
    return dict(sorted(names.items(), key=lambda item: _sort_key(item[1])))


def set_holiday_country(conn: duckdb.DuckDBPyConnection, code: str) -> str:
    """Make ``code`` (ISO, e.g. "US") the country whose public holidays the season and the
    timeline know; return it. Every baseline is fitted anew (the data version moves).

    Raises
    ------
    ValueError
        For a code the ``holidays`` package does not know.
    AccessDenied
        When the current actor is not an editor.
    """
    require(Role.EDITOR, "change the holiday country")
    code = str(code).strip().upper()
    if code not in holiday_countries():
        raise ValueError(t("errors.edit_country_unknown", code=repr(code)))
    before = holiday_country(conn)
    with write_transaction(conn) as cur:
        cur.execute("update store_meta set holiday_country = $code", {"code": code})
        if before != code:
            audit.record(cur, "settings.holiday_country", "holiday_country", {"country": before}, {"country": code})
    return code


def commercial_sectors() -> tuple[str, ...]:
    """The sectors a store can choose for its commercial days: every sector of the calendar
    file (``analytics/baseline/commercial_days.csv``), then :data:`~analytics.store.NO_SECTOR`
    for none."""
    return (*calendar_sectors(), NO_SECTOR)


def sector_name(sector: str, language: str | None = None) -> str:
    """A sector as a reader calls it ("retail" -> "Retail" / "Detailhandel"); a sector
    added to the calendar without a translation as it is written there."""
    key = f"data.sector_{sector}"
    try:
        return t(key, language=language)
    except KeyError:
        return sector


def commercial_day_names(country: str, sector: str) -> list[str]:
    """The named commercial days the baseline knows for ``country`` and ``sector`` (none
    for :data:`~analytics.store.NO_SECTOR`)."""
    return [day.name for day in commercial_calendar(country, None if sector == NO_SECTOR else sector)]


def set_commercial_sector(conn: duckdb.DuckDBPyConnection, sector: str) -> str:
    """Make ``sector`` (one of :func:`commercial_sectors`) the sector whose named commercial
    days of the holiday country the season knows; :data:`~analytics.store.NO_SECTOR` for
    none. Return it. Every baseline is fitted anew (the data version moves).

    Raises
    ------
    ValueError
        For a sector the calendar does not know.
    AccessDenied
        When the current actor is not an editor.
    """
    require(Role.EDITOR, "change the commercial sector")
    sector = str(sector).strip().lower()
    if sector not in commercial_sectors():
        raise ValueError(t("errors.edit_sector_unknown", sector=repr(sector), sectors=", ".join(commercial_sectors())))
    before = commercial_sector(conn)
    with write_transaction(conn) as cur:
        cur.execute("update store_meta set commercial_sector = $sector", {"sector": sector})
        if before != sector:
            audit.record(cur, "settings.commercial_sector", "commercial_sector", {"sector": before},
                         {"sector": sector})
    return sector


def _rows_by_key(conn: duckdb.DuckDBPyConnection, sql: str, keys: list[str]) -> dict[tuple, dict]:
    """The rows of a small table (``sql`` has no parameters) as plain dicts by their key."""
    rows = conn.cursor().execute(sql).fetch_df().to_dict("records")
    return {tuple(row[k] for k in keys): {k: (None if _blank(v) else v) for k, v in row.items()} for row in rows}


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == ""
