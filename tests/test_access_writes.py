"""Every write of the logic layer checks the role and leaves an audit row in its own
transaction: a viewer is refused and nothing is written (no audit row either); an editor's
change is written with a row saying who, when, what, before and after; a write that fails
after its audit row was written leaves neither the change nor the row; and in the web
server, work with no one signed in is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics import access, actions, audit, editing, store as store_module
from analytics.access import AccessDenied, Actor, Role, acting_as
from analytics.demo import DemoSettings, fill_open_store
from analytics.importing import ImportSettings, delete_profile, import_contacts, import_drivers, save_profile
from analytics.parquet_mode import export_parquet, refresh_source, use_parquet, use_table
from analytics.pilots.registry import PilotSpec, add_pilot, delete_pilot, get_pilot, update_pilot
from analytics.store import SCOPES, data_version, open_store, scope_versions
from analytics.text_reasons import review

VIEWER = Actor("vera@example.org", Role.VIEWER)
EDITOR = Actor("erin@example.org", Role.EDITOR)
# The writes that change one part of the store only; every other write marks them all.
SCOPES_CHANGED = {"pilot": ("pilots",), "action": ("actions",), "import_profile": ("import_profiles",)}
SMALL_TABLES = ("pilots", "actions", "events", "channels", "reasons", "mapping_profiles", "import_log",
                "drivers", "contact_source", "audit_log", "reason_reviews")
PILOT = PilotSpec("Track-and-trace e-mail", ("Delivery > Late",), date(2025, 3, 3), date(2025, 3, 30),
                  owner="Logistics")


def _csv(folder: Path, name: str, rows: list[str]) -> Path:
    path = folder / name
    path.write_text("contact_id,started_at,channel,reason_l1,reason_l2,reason_l3\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def shop(tmp_path):
    """A store with contacts in two channels, a pilot, an action, an event and a profile,
    set up by the local operator (the command line's admin)."""
    conn = open_store(tmp_path / "shop.duckdb")
    import_contacts(conn, _csv(tmp_path, "first.csv", [
        f"c{i},2025-03-{1 + i % 28:02d} 10:00:00,{'Phone' if i % 2 else 'E-mail'},Delivery,Late,"
        for i in range(40)]))
    add_pilot(conn, PILOT)
    actions.add_action(conn, actions.ReasonPath("Delivery"), action="Send tracking links", status="open")
    editing.add_event(conn, name="Carrier strike", kind="outage", starts_on=date(2025, 3, 10),
                      ends_on=date(2025, 3, 12), foreseen=False)
    save_profile(conn, "weekly", "contacts", ImportSettings(delimiter=","))
    conn.cursor().execute("delete from audit_log")  # the set-up's own rows
    yield conn
    conn.close()


def _only_id(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(conn.cursor().execute(f"select min({table[:-1]}_id) from {table}").fetchall()[0][0])


def _parquet_dataset(conn: duckdb.DuckDBPyConnection, folder: Path) -> str:
    out = folder / "dataset"
    export_parquet(conn, out)
    return str(out)


@dataclass(frozen=True)
class Write:
    """One write function: ``prepare(shop, tmp_path)`` returns the store it writes and the
    call; ``check(before, after)`` looks at the audit row's JSON values."""

    action: str
    prepare: Callable[[duckdb.DuckDBPyConnection, Path], tuple[duckdb.DuckDBPyConnection, Callable[[], object]]]
    check: Callable[[object, object], bool]
    changes_tables: bool = True  # False: the write rebuilds what it had (a refresh of the daily tables)


def _on_shop(call: Callable[[duckdb.DuckDBPyConnection, Path], object]):
    return lambda conn, folder: (conn, lambda: call(conn, folder))


def _in_parquet_mode(conn: duckdb.DuckDBPyConnection, folder: Path):
    use_parquet(conn, _parquet_dataset(conn, folder))  # as the local operator
    conn.cursor().execute("delete from audit_log")
    return conn, lambda: use_table(conn)


def _reviewing(decision: str):
    """Six "Other" contacts with a suggestion each (Delivery > Late, confidence 0.9), then
    ``decision`` on them; an undo undoes an accept made in the set-up."""
    def prepare(conn: duckdb.DuckDBPyConnection, folder: Path):
        import_contacts(conn, _csv(folder, "other.csv",
                                   [f"o{i},2025-03-0{1 + i} 09:00:00,Phone,Other,," for i in range(6)]))
        suggestions = pd.DataFrame({
            "contact_id": [f"o{i}" for i in range(6)], "recorded_path": "Other", "suggested_path": "Delivery > Late",
            "suggested_l1": "Delivery", "suggested_l2": "Late", "suggested_l3": "", "confidence": 0.9,
            "offered": True})
        decide = {"accept": review.accept, "reject": review.reject}
        if decision == "undo":
            batch = review.accept(conn, suggestions, min_confidence=0.5, suggested_path="Delivery > Late").batch_id
            call = lambda: review.undo(conn, batch)
        else:
            call = lambda: decide[decision](conn, suggestions, min_confidence=0.5, suggested_path="Delivery > Late")
        conn.cursor().execute("delete from audit_log")
        return conn, call
    return prepare


def _empty_store(conn: duckdb.DuckDBPyConnection, folder: Path):
    empty = open_store(folder / "empty.duckdb")
    settings = DemoSettings(end=date(2025, 6, 30), days=60, contacts_per_day=20)
    return empty, lambda: fill_open_store(empty, folder / "empty.duckdb", settings)


WRITES = [
    Write("pilot.add", _on_shop(lambda c, f: add_pilot(c, replace(PILOT, name="Returns label")) and None),
          lambda b, a: b is None and a["name"] == "Returns label"),
    Write("pilot.update", _on_shop(lambda c, f: update_pilot(c, PILOT.name, replace(PILOT, owner="Customer care"))),
          lambda b, a: b["owner"] == "Logistics" and a["owner"] == "Customer care"),
    Write("pilot.delete", _on_shop(lambda c, f: delete_pilot(c, PILOT.name)),
          lambda b, a: b["name"] == PILOT.name and a is None),
    Write("action.add", _on_shop(lambda c, f: actions.add_action(c, actions.ReasonPath("Delivery", "Late"),
                                                                 action="Call the carrier")),
          lambda b, a: b is None and a["action"] == "Call the carrier" and a["reason"] == "Delivery > Late"),
    Write("action.update", _on_shop(lambda c, f: actions.update_action(c, _only_id(c, "actions"), status="done")),
          lambda b, a: b == {"status": "open"} and a == {"status": "done"}),
    Write("action.delete", _on_shop(lambda c, f: actions.delete_action(c, _only_id(c, "actions"))),
          lambda b, a: b["action"] == "Send tracking links" and a is None),
    Write("channel.update", _on_shop(lambda c, f: editing.update_channels(c, pd.DataFrame(
        [{"channel": "Phone", "channel_group": "voice", "cost_per_contact": 6.5}]))),
          lambda b, a: b["cost_per_contact"] is None and a["cost_per_contact"] == 6.5),
    Write("reason.update", _on_shop(lambda c, f: editing.update_reasons(c, pd.DataFrame(
        [{"reason_l1": "Delivery", "reason_l2": "Late", "reason_l3": "", "department": "Logistics",
          "value_class": "avoidable"}]))),
          lambda b, a: b["department"] is None and a["department"] == "Logistics"),
    Write("event.add", _on_shop(lambda c, f: editing.add_event(
        c, name="Spring sale", kind="campaign", starts_on=date(2025, 3, 1), ends_on=date(2025, 3, 14),
        foreseen=True)),
          lambda b, a: b is None and a["name"] == "Spring sale" and a["starts_on"] == "2025-03-01"),
    Write("event.delete", _on_shop(lambda c, f: editing.delete_event(c, _only_id(c, "events"))),
          lambda b, a: b["name"] == "Carrier strike" and a is None),
    Write("import.contacts", _on_shop(lambda c, f: import_contacts(
        c, _csv(f, "week.csv", ["c1,2025-03-02 10:00:00,Phone,Delivery,Late,", "n1,2025-03-03 11:00:00,Chat,Returns,,",
                                "n2,,Phone,Returns,,"]))),
          lambda b, a: b is None and a["file_name"] == "week.csv"
          and (a["rows_read"], a["inserted"], a["duplicates"], a["rejected"]) == (3, 1, 1, 1)),
    Write("import.drivers", _on_shop(lambda c, f: import_drivers(
        c, _write(f / "orders.csv", "day,value\n2025-03-01,120\n2025-03-02,130\n"), driver_name="orders")),
          lambda b, a: a["driver"] == "orders" and (a["rows_read"], a["inserted"]) == (2, 2)),
    Write("import_profile.save", _on_shop(lambda c, f: save_profile(c, "weekly", "contacts",
                                                                    ImportSettings(delimiter=";"))),
          lambda b, a: b["settings"]["delimiter"] == "," and a["settings"]["delimiter"] == ";"),
    Write("import_profile.delete", _on_shop(lambda c, f: delete_profile(c, "weekly")),
          lambda b, a: b["kind"] == "contacts" and a is None),
    Write("source.refresh", _on_shop(lambda c, f: refresh_source(c)),
          lambda b, a: b["mode"] == "table" and a == {"mode": "table"}, changes_tables=False),
    Write("source.use_parquet", _on_shop(lambda c, f: use_parquet(c, _parquet_dataset(c, f))),
          lambda b, a: b["mode"] == "table" and a["mode"] == "parquet" and a["contacts"] == 40),
    Write("source.use_table", _in_parquet_mode,
          lambda b, a: b["mode"] == "parquet" and a == {"mode": "table", "contacts": 40}),
    Write("demo.fill", _empty_store, lambda b, a: b is None and a["contacts"] > 0 and a["days"] == 60),
    Write("reasons.accept", _reviewing("accept"),
          lambda b, a: b == {"reason": "Other", "contacts": 6} and a["suggested"] == "Delivery > Late"
          and (a["contacts"], a["skipped"], a["min_confidence"]) == (6, 0, 0.5)),
    Write("reasons.reject", _reviewing("reject"),
          lambda b, a: b == {"reason": "Other", "contacts": 6} and a["suggested"] == "Delivery > Late"
          and a["contacts"] == 6),
    Write("reasons.undo", _reviewing("undo"),
          lambda b, a: b == {"reason": "Delivery > Late", "contacts": 6} and a["reason"] == "Other"
          and a["contacts"] == 6),
]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(conn: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Everything a write could change: the small tables row by row, the contacts counted."""
    cur = conn.cursor()
    state: dict[str, object] = {"version": data_version(conn), "scopes": scope_versions(conn)}
    for table in SMALL_TABLES:
        state[table] = sorted(map(repr, cur.execute(f"select * from {table}").fetchall()))
    state["contacts"] = cur.execute("select count(*), count(distinct reason_l1) from contacts").fetchall()
    return state


def _ids(writes):
    return [w.action for w in writes]


@pytest.mark.parametrize("write", WRITES, ids=_ids(WRITES))
def test_a_viewer_is_refused_and_nothing_is_written(write, shop, tmp_path):
    conn, call = write.prepare(shop, tmp_path)
    before = snapshot(conn)
    with acting_as(VIEWER), pytest.raises(AccessDenied, match=r"vera@example\.org is a viewer here and may not .+editor"
                                          ) as refused:
        call()
    assert "change the store" not in str(refused.value)  # its own check said what, not the safety net
    assert snapshot(conn) == before
    assert audit.recent_entries(conn, 10).empty


@pytest.mark.parametrize("write", WRITES, ids=_ids(WRITES))
def test_an_editors_change_is_written_with_its_audit_row(write, shop, tmp_path):
    conn, call = write.prepare(shop, tmp_path)
    before, started = snapshot(conn), datetime.now()
    with acting_as(EDITOR):
        call()
    assert snapshot(conn)["version"] == before["version"] + 1
    changed = {k for k, v in snapshot(conn).items() if before[k] != v} - {"version", "scopes", "audit_log"}
    assert bool(changed) == write.changes_tables, changed
    # The parts of the store it marks as changed: what cached views it makes recompute.
    marked = {scope for scope, version in scope_versions(conn).items() if version == before["version"] + 1}
    assert marked == set(SCOPES_CHANGED.get(write.action.split(".")[0], SCOPES)), marked
    entries = audit.recent_entries(conn, 10)
    assert len(entries) == 1, entries
    entry = entries.iloc[0]
    assert (entry["actor_name"], entry["actor_role"], entry["action"]) == ("erin@example.org", "editor", write.action)
    assert started - timedelta(seconds=1) <= entry["logged_at"] <= datetime.now()
    assert entry["target"]
    old = None if entry["before_json"] is None else json.loads(entry["before_json"])
    new = None if entry["after_json"] is None else json.loads(entry["after_json"])
    assert write.check(old, new), (old, new)


@pytest.mark.parametrize("write", WRITES, ids=_ids(WRITES))
def test_a_write_that_fails_midway_leaves_neither_change_nor_audit_row(write, shop, tmp_path, monkeypatch):
    conn, call = write.prepare(shop, tmp_path)
    before = snapshot(conn)
    recorded = []
    real_record = audit.record

    def record_then_note(cur, *args):
        real_record(cur, *args)
        recorded.append(args[0])

    def fail_at_commit(cur, changes):
        raise RuntimeError("disk full")

    monkeypatch.setattr(audit, "record", record_then_note)
    monkeypatch.setattr(store_module, "bump_data_version", fail_at_commit)
    with acting_as(EDITOR), pytest.raises(RuntimeError, match="disk full"):
        call()
    assert recorded == [write.action]  # the row was written inside the transaction, then rolled back
    monkeypatch.undo()
    assert snapshot(conn) == before
    assert audit.recent_entries(conn, 10).empty


@pytest.mark.parametrize("write", WRITES, ids=_ids(WRITES))
def test_nobody_is_refused_in_the_web_server(write, shop, tmp_path, monkeypatch):
    conn, call = write.prepare(shop, tmp_path)
    before = snapshot(conn)
    monkeypatch.setattr(access, "_fall_back_to_operator", True)  # restored after the test
    access.require_explicit_actor()
    assert access.current_actor() is None
    with pytest.raises(AccessDenied, match="^Sign in to "):
        call()
    monkeypatch.undo()
    assert access.current_actor() == access.local_operator()
    assert snapshot(conn) == before


def test_the_safety_net_refuses_a_write_that_forgot_its_own_check(shop):
    with acting_as(VIEWER), pytest.raises(AccessDenied, match="may not change the store"):
        with store_module.write_transaction(shop) as cur:
            cur.execute("delete from pilots")
    assert get_pilot(shop, PILOT.name) is not None


def test_recent_entries_are_newest_first_and_bounded(shop):
    with acting_as(EDITOR):
        for kind in ("campaign", "other"):
            editing.add_event(shop, name=kind, kind=kind, starts_on=date(2025, 3, 1), ends_on=date(2025, 3, 1),
                              foreseen=True)
    assert audit.recent_entries(shop, 1)["target"].tolist() == ["other"]
    assert audit.recent_entries(shop, 5)["target"].tolist() == ["other", "campaign"]
    with pytest.raises(ValueError, match="between 1 and 10000 entries, not 0"):
        audit.recent_entries(shop, 0)


def test_an_audit_row_needs_someone_acting(shop, monkeypatch):
    monkeypatch.setattr(access, "_fall_back_to_operator", False)
    with pytest.raises(AccessDenied, match="Sign in"):
        audit.record(shop.cursor(), "pilot.add", "x", None, {})
    with pytest.raises(ValueError, match="needs an action name"):
        with acting_as(EDITOR):
            audit.record(shop.cursor(), " ", "x", None, {})


def test_nothing_in_the_app_changes_or_deletes_audit_rows():
    """The only statement on ``audit_log`` the app has is the insert of ``analytics.audit``."""
    import re

    root = Path(__file__).resolve().parent.parent
    sources = [*root.glob("analytics/**/*.py"), *root.glob("analytics/**/*.sql"), *root.glob("ui/*.py"),
               *root.glob("pages/*.py"), root / "app.py"]
    changing = re.compile(r"\b(update|delete\s+from|truncate|drop\s+table|alter\s+table)\s+(table\s+)?audit_log\b")
    offenders = [str(path.relative_to(root)) for path in sources if changing.search(path.read_text().lower())]
    assert len(sources) > 100 and offenders == []


def test_every_action_the_app_records_has_a_label_in_both_languages():
    import re

    from analytics.i18n import TEXT

    root = Path(__file__).resolve().parent.parent
    recorded = {match for path in root.glob("analytics/**/*.py")
                for match in re.findall(r'(?:audit\.record|_record)\(cur, "([a-z_]+\.[a-z_]+)"', path.read_text())}
    assert len(recorded) >= 20
    for language in ("en", "nl"):
        missing = [a for a in sorted(recorded) if "audit.action_" + a.replace(".", "_") not in TEXT[language]]
        assert missing == [], language
    with access.acting_as(EDITOR):
        assert audit.action_label("event.add") == "Event added"
