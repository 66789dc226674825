"""The pilot registry: create, read, edit and delete pilots in the ``pilots`` table, and
warn when two pilots, or a pilot and an event, touch the same reasons at the same time.

A pilot's target is one or more reason paths at any level (``"Delivery"``,
``"Delivery > Status unknown"``), optionally narrowed to channels and a segment. Its
control is a list of reason paths, or empty for the automatic choice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime

import duckdb
import pandas as pd

from analytics import audit, formatting
from analytics.access import Role, require
from analytics.filters import parse_reason_path, reason_path
from analytics.i18n import t
from analytics.queries import run_query
from analytics.store import write_transaction

STATUSES = ("planned", "running", "evaluating", "rolled_out", "stopped")
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class PilotSpec:
    """One pilot as registered. ``channels`` empty: all channels; ``control_reasons``
    empty: the control group is chosen automatically; ``expected_effect`` is relative
    (``-0.2`` for 20% fewer contacts)."""

    name: str
    target_reasons: tuple[str, ...]
    starts_on: date
    ends_on: date
    channels: tuple[str, ...] = ()
    segment: str | None = None
    rollout_on: date | None = None
    control_reasons: tuple[str, ...] = ()
    hypothesis: str | None = None
    owner: str | None = None
    status: str = "planned"
    expected_effect: float | None = None
    pilot_id: int | None = None
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)

    @property
    def weeks(self) -> float:
        return ((self.ends_on - self.starts_on).days + 1) / 7

    def active_until(self) -> date:
        """The last day the pilot can change contacts: for ever once rolled out."""
        return date.max if self.rollout_on is not None else self.ends_on

    def to_dict(self) -> dict:
        out = asdict(self)
        for key in ("starts_on", "ends_on", "rollout_on", "created_at", "updated_at"):
            out[key] = out[key].isoformat() if out[key] is not None else None
        out["target_reasons"], out["channels"] = list(self.target_reasons), list(self.channels)
        out["control_reasons"] = list(self.control_reasons)
        out["control"] = "auto" if not self.control_reasons else list(self.control_reasons)
        return out


def normal_reason(text: str) -> str:
    """A reason path in its one spelling, ``"L1 > L2 > L3"``.

    Raises
    ------
    ValueError
        For an empty path or one with more than three levels.
    """
    levels = parse_reason_path(text)
    if levels[0] is None:
        raise ValueError(t("errors.pilot_reason_path_empty"))
    return reason_path(*levels)


def reason_within(path: str, prefix: str) -> bool:
    """True when ``path`` is ``prefix`` or lies under it."""
    return path == prefix or path.startswith(prefix + " > ")


def reasons_overlap(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> bool:
    """True when some path of ``a`` contains, equals or lies under some path of ``b``."""
    return any(reason_within(x, y) or reason_within(y, x) for x in a for y in b)


def known_reasons(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Every reason path at every level that the store knows (reason tree or contacts)."""
    frame = run_query(conn, "pilot_reason_paths")
    return frame["path"].tolist()


def known_channels(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Every channel name in the store."""
    return run_query(conn, "pilot_channel_names")["channel"].tolist()


def known_segments(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Every segment the contacts carry (empty when the store records none)."""
    return run_query(conn, "pilot_segment_names")["segment"].tolist()


def checked_pilot(conn: duckdb.DuckDBPyConnection, pilot: PilotSpec) -> PilotSpec:
    """``pilot`` with its reason paths normalised, or a ValueError saying what is wrong.

    Raises
    ------
    ValueError
        For an empty or too long name, no target reason, a reason or channel the store does
        not know, dates in the wrong order, an unknown status, an expected effect at or
        below -100%, or a control reason that overlaps the target.
    """
    name = (pilot.name or "").strip()
    if not name:
        raise ValueError(t("errors.pilot_name_missing"))
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(t("errors.pilot_name_too_long", limit=formatting.count(MAX_NAME_LENGTH)))
    if not pilot.target_reasons:
        raise ValueError(t("errors.pilot_target_missing"))
    targets = tuple(dict.fromkeys(normal_reason(r) for r in pilot.target_reasons))
    controls = tuple(dict.fromkeys(normal_reason(r) for r in pilot.control_reasons))
    reasons = set(known_reasons(conn))
    unknown = [r for r in (*targets, *controls) if r not in reasons]
    if unknown:
        raise ValueError(t("errors.pilot_reason_unknown", reason=repr(unknown[0])))
    channels = tuple(dict.fromkeys(c.strip() for c in pilot.channels if c.strip()))
    unknown = [c for c in channels if c not in set(known_channels(conn))]
    if unknown:
        raise ValueError(t("errors.pilot_channel_unknown", channel=repr(unknown[0])))
    if pilot.ends_on < pilot.starts_on:
        raise ValueError(t("errors.pilot_ends_before_start"))
    if pilot.rollout_on is not None and pilot.rollout_on <= pilot.ends_on:
        raise ValueError(t("errors.pilot_rollout_too_early"))
    if pilot.status not in STATUSES:
        raise ValueError(t("errors.pilot_status_invalid", choices=", ".join(STATUSES), status=repr(pilot.status)))
    if pilot.expected_effect is not None and not -1 < pilot.expected_effect < 10:
        raise ValueError(t("errors.pilot_expected_effect_range"))
    if reasons_overlap(targets, controls):
        raise ValueError(t("errors.pilot_control_overlaps"))
    segment = pilot.segment.strip() if pilot.segment and pilot.segment.strip() else None
    return replace(pilot, name=name, target_reasons=targets, control_reasons=controls, channels=channels,
                   segment=segment, hypothesis=_blank_to_none(pilot.hypothesis), owner=_blank_to_none(pilot.owner))


def _blank_to_none(text: str | None) -> str | None:
    return text.strip() if text and text.strip() else None


def _row_params(pilot: PilotSpec) -> dict:
    return {
        "name": pilot.name, "hypothesis": pilot.hypothesis, "owner": pilot.owner, "status": pilot.status,
        "target_reasons": list(pilot.target_reasons), "channels": list(pilot.channels), "segment": pilot.segment,
        "starts_on": pilot.starts_on, "ends_on": pilot.ends_on, "rollout_on": pilot.rollout_on,
        "control_reasons": list(pilot.control_reasons), "expected_effect": pilot.expected_effect,
        "now": datetime.now().replace(microsecond=0),
    }


def add_pilot(conn: duckdb.DuckDBPyConnection, pilot: PilotSpec) -> PilotSpec:
    """Register a new pilot (checked first; nothing is written when it is refused).

    Raises
    ------
    ValueError
        When :func:`checked_pilot` refuses it or a pilot of that name exists.
    AccessDenied
        When the current actor is not an editor; nothing is read or written.
    """
    require(Role.EDITOR, "add a pilot")
    pilot = checked_pilot(conn, pilot)
    if get_pilot(conn, pilot.name) is not None:
        raise ValueError(t("errors.pilot_name_taken", name=repr(pilot.name)))
    with write_transaction(conn, changes=("pilots",)) as cur:
        cur.execute(
            "insert into pilots (name, hypothesis, owner, status, target_reasons, channels, segment, starts_on,"
            " ends_on, rollout_on, control_reasons, expected_effect, created_at, updated_at)"
            " values ($name, $hypothesis, $owner, $status, $target_reasons, $channels, $segment, $starts_on,"
            " $ends_on, $rollout_on, $control_reasons, $expected_effect, $now, $now)",
            _row_params(pilot),
        )
        audit.record(cur, "pilot.add", pilot.name, None, _audit_fields(pilot))
    return get_pilot(conn, pilot.name)


def update_pilot(conn: duckdb.DuckDBPyConnection, name: str, pilot: PilotSpec) -> PilotSpec:
    """Replace the pilot called ``name`` by ``pilot`` (which may rename it).

    Raises
    ------
    ValueError
        When there is no such pilot, the new version is refused, or the new name is taken.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "edit a pilot")
    current = get_pilot(conn, name)
    if current is None:
        raise ValueError(t("errors.pilot_not_found", name=repr(name)))
    pilot = checked_pilot(conn, pilot)
    if pilot.name != current.name and get_pilot(conn, pilot.name) is not None:
        raise ValueError(t("errors.pilot_name_taken", name=repr(pilot.name)))
    with write_transaction(conn, changes=("pilots",)) as cur:
        cur.execute(
            "update pilots set name = $name, hypothesis = $hypothesis, owner = $owner, status = $status,"
            " target_reasons = $target_reasons, channels = $channels, segment = $segment,"
            " starts_on = $starts_on, ends_on = $ends_on, rollout_on = $rollout_on,"
            " control_reasons = $control_reasons, expected_effect = $expected_effect, updated_at = $now"
            " where pilot_id = $pilot_id",
            {**_row_params(pilot), "pilot_id": current.pilot_id},
        )
        audit.record(cur, "pilot.update", current.name, _audit_fields(current), _audit_fields(pilot))
    return get_pilot(conn, pilot.name)


def delete_pilot(conn: duckdb.DuckDBPyConnection, name: str) -> None:
    """Delete the pilot called ``name``.

    Raises
    ------
    ValueError
        When there is no such pilot.
    AccessDenied
        When the current actor is not an editor; nothing is written.
    """
    require(Role.EDITOR, "delete a pilot")
    current = get_pilot(conn, name)
    if current is None:
        raise ValueError(t("errors.pilot_not_found", name=repr(name)))
    with write_transaction(conn, changes=("pilots",)) as cur:
        cur.execute("delete from pilots where pilot_id = $pilot_id", {"pilot_id": current.pilot_id})
        audit.record(cur, "pilot.delete", current.name, _audit_fields(current), None)


def _audit_fields(pilot: PilotSpec) -> dict:
    """A pilot's registered fields as its audit rows show them (no id or timestamps)."""
    fields = pilot.to_dict()
    for key in ("pilot_id", "created_at", "updated_at", "control"):
        fields.pop(key, None)
    return fields


def _spec(row: pd.Series) -> PilotSpec:
    def day(value) -> date | None:
        return None if value is None or pd.isna(value) else pd.Timestamp(value).date()

    def text(value) -> str | None:
        return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)

    effect = row["expected_effect"]
    return PilotSpec(
        name=str(row["name"]), target_reasons=tuple(row["target_reasons"]), starts_on=day(row["starts_on"]),
        ends_on=day(row["ends_on"]), channels=tuple(row["channels"]), segment=text(row["segment"]),
        rollout_on=day(row["rollout_on"]), control_reasons=tuple(row["control_reasons"]),
        hypothesis=text(row["hypothesis"]), owner=text(row["owner"]), status=str(row["status"]),
        expected_effect=None if effect is None or pd.isna(effect) else float(effect),
        pilot_id=int(row["pilot_id"]), created_at=pd.Timestamp(row["created_at"]).to_pydatetime(),
        updated_at=pd.Timestamp(row["updated_at"]).to_pydatetime(),
    )


def list_pilots(conn: duckdb.DuckDBPyConnection) -> list[PilotSpec]:
    """Every pilot, newest start first."""
    frame = run_query(conn, "pilot_list")
    return [_spec(row) for _, row in frame.iterrows()]


def get_pilot(conn: duckdb.DuckDBPyConnection, name: str) -> PilotSpec | None:
    """The pilot called ``name`` (exactly), or None."""
    return next((p for p in list_pilots(conn) if p.name == name), None)


def pilots_table(pilots: list[PilotSpec]) -> pd.DataFrame:
    """The pilots as a frame for a table view: one row each, lists joined with ``; ``."""
    rows = []
    for p in pilots:
        rows.append({
            "name": p.name, "status": p.status, "target": "; ".join(p.target_reasons),
            "channels": "; ".join(p.channels), "segment": p.segment or "", "starts_on": p.starts_on,
            "ends_on": p.ends_on, "rollout_on": p.rollout_on, "owner": p.owner or "",
            "control": "; ".join(p.control_reasons), "expected_effect": p.expected_effect,
        })
    return pd.DataFrame(rows, columns=["name", "status", "target", "channels", "segment", "starts_on", "ends_on",
                                       "rollout_on", "owner", "control", "expected_effect"])


@dataclass(frozen=True)
class Overlap:
    """A pilot or an event that touches the same reasons while this pilot runs.

    ``kind`` is ``"pilot"`` or ``"event"``; ``starts_on``/``ends_on`` are the other one's
    dates (``ends_on`` None: rolled out, for ever); ``reasons`` the shared reason paths.
    """

    kind: str
    name: str
    starts_on: date
    ends_on: date | None
    reasons: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "starts_on": self.starts_on.isoformat(),
                "ends_on": self.ends_on.isoformat() if self.ends_on else None, "reasons": list(self.reasons)}


def _shared(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(x for x in a if any(reason_within(x, y) or reason_within(y, x) for y in b))


def overlaps(conn: duckdb.DuckDBPyConnection, pilot: PilotSpec) -> list[Overlap]:
    """Other pilots whose reasons overlap this one's while both are active, and events
    (not public holidays) in the pilot's window that concern its reasons (an event
    without a reason concerns all). Both blur the pilot's effect."""
    found = []
    own_until = pilot.active_until()
    for other in list_pilots(conn):
        if other.name == pilot.name or (pilot.pilot_id is not None and other.pilot_id == pilot.pilot_id):
            continue
        shared = _shared(pilot.target_reasons, other.target_reasons)
        if shared and other.starts_on <= own_until and pilot.starts_on <= other.active_until():
            until = None if other.rollout_on is not None else other.ends_on
            found.append(Overlap("pilot", other.name, other.starts_on, until, shared))
    events = run_query(conn, "pilot_events", {"start": pilot.starts_on, "end": pilot.ends_on})
    for row in events.itertuples(index=False):
        levels = (row.reason_l1, row.reason_l2, row.reason_l3)
        scope = reason_path(*(None if pd.isna(v) or v == "" else v for v in levels))
        shared = _shared(pilot.target_reasons, (scope,)) if scope else pilot.target_reasons
        if shared:
            found.append(Overlap("event", str(row.name), pd.Timestamp(row.starts_on).date(),
                                 pd.Timestamp(row.ends_on).date(), shared))
    return found
