"""The actions list: validated writes that change nothing when refused, and the migration
that brings a schema-1 store (with its data) to the actions table."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pandas as pd
import pytest

from analytics import actions
from analytics.actions import ReasonPath
from analytics.store import available_migrations, data_version, open_store, schema_version


@pytest.fixture
def store(tmp_path):
    conn = open_store(tmp_path / "actions.duckdb")
    conn.execute("insert into reasons values ('Delivery', 'Late', 'Carrier', 'Logistics', null),"
                 " ('Delivery', 'Damaged', '', 'Logistics', null), ('Payment', '', '', 'Finance', null)")
    yield conn
    conn.close()


def test_add_list_update_delete(store):
    first = actions.add_action(store, ReasonPath("Delivery", "Late"), action="Carrier SLA review",
                               owner_department="Logistics", due_on=date(2026, 7, 1), note="with ops")
    second = actions.add_action(store, ReasonPath("Payment"), action="  Clearer invoice  ", status="in_progress")
    listed = actions.list_actions(store)
    assert listed["action_id"].tolist() == [first, second]  # dated first
    assert listed.loc[listed["action_id"] == second, "action"].item() == "Clearer invoice"
    assert listed.loc[listed["action_id"] == first, "reason"].item() == "Delivery > Late"

    actions.update_action(store, first, status="done", note=None)
    row = actions.list_actions(store).set_index("action_id").loc[first]
    assert row["status"] == "done" and pd.isna(row["note"]) and row["action"] == "Carrier SLA review"
    assert actions.list_actions(store, open_only=True)["action_id"].tolist() == [second]

    actions.delete_action(store, second)
    assert actions.list_actions(store)["action_id"].tolist() == [first]


@pytest.mark.parametrize("reason, fields, message", [
    (ReasonPath("Delivery"), {"action": "   "}, "needs a description"),
    (ReasonPath("Delivery"), {"action": "x", "status": "finished"}, "Status must be one of"),
    (ReasonPath("Delivery", "Early"), {"action": "x"}, "not in the reason tree"),
    (ReasonPath("Delivery", "", "Carrier"), {"action": "x"}, "needs its second level"),
    (ReasonPath(""), {"action": "x"}, "needs a contact reason"),
])
def test_refused_additions_write_nothing(store, reason, fields, message):
    version = data_version(store)
    with pytest.raises(ValueError, match=message):
        actions.add_action(store, reason, **fields)
    assert actions.list_actions(store).empty
    assert data_version(store) == version


def test_a_bad_row_in_a_table_edit_saves_no_row(store):
    kept = actions.add_action(store, ReasonPath("Delivery"), action="Keep")
    other = actions.add_action(store, ReasonPath("Payment"), action="Other")
    edited = pd.DataFrame({"action_id": [kept, other], "action": ["Changed", "Also"], "status": ["done", "bogus"]})
    with pytest.raises(ValueError, match="bogus"):
        actions.update_actions(store, edited)
    assert actions.list_actions(store)["action"].tolist() == ["Keep", "Other"]
    with pytest.raises(ValueError, match="no action 999"):
        actions.update_action(store, 999, status="done")
    with pytest.raises(ValueError, match="no action 999"):
        actions.delete_action(store, 999)


def test_overdue_marks_only_open_actions_past_their_date():
    frame = pd.DataFrame({"status": ["open", "in_progress", "done", "open", "open"],
                          "due_on": [date(2026, 6, 1), date(2026, 6, 1), date(2026, 6, 1), date(2026, 7, 1), None]})
    assert actions.overdue(frame, date(2026, 6, 15)).tolist() == [True, True, False, False, False]


def test_schema_1_store_with_data_migrates_to_actions(tmp_path):
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    first = available_migrations()[0]
    assert first.version == 1
    conn.execute("create table schema_version (version integer primary key, name varchar not null,"
                 " applied_at timestamp not null)")
    conn.execute(first.sql)
    conn.execute("insert into schema_version values (1, 'initial', $now)", {"now": datetime.now()})
    conn.execute("insert into reasons values ('Delivery', '', '', 'Logistics', 'avoidable')")
    conn.execute("insert into contacts (contact_id, started_at, channel, reason_l1) values"
                 " ('c1', '2026-01-05 10:00', 'Phone', 'Delivery'), ('c2', '2026-01-06 11:00', 'Chat', 'Delivery')")
    assert schema_version(conn) == 1
    conn.close()

    migrated = open_store(path)
    try:
        assert schema_version(migrated) >= 2
        assert 2 in migrated.execute("select version from schema_version").fetchnumpy()["version"].tolist()
        assert migrated.execute("select count(*) from contacts").fetchall()[0][0] == 2
        assert migrated.execute("select department from reasons").fetchall() == [("Logistics",)]
        action_id = actions.add_action(migrated, ReasonPath("Delivery"), action="Track and trace e-mail")
        assert actions.list_actions(migrated)["action_id"].tolist() == [action_id]
    finally:
        migrated.close()


def test_the_table_itself_refuses_bad_rows(store):
    with pytest.raises(duckdb.Error):
        store.execute("insert into actions (reason_l1, action, status) values ('Delivery', 'x', 'later')")
    with pytest.raises(duckdb.Error):
        store.execute("insert into actions (reason_l1, action) values ('Delivery', '  ')")


def test_changed_rows_finds_only_edited_actions(store):
    first = actions.add_action(store, ReasonPath("Delivery"), action="One", due_on=date(2026, 7, 1))
    second = actions.add_action(store, ReasonPath("Payment"), action="Two")
    shown = actions.list_actions(store)[["action_id", "reason", "action", "owner_department", "due_on", "status", "note"]]
    edited = shown.copy()
    assert actions.changed_rows(shown, edited).empty
    edited.loc[edited["action_id"] == second, "status"] = "in_progress"
    edited["due_on"] = edited["due_on"].astype(object)  # the editor may hand dates back as another type
    edited.loc[edited["action_id"] == first, "due_on"] = pd.Timestamp("2026-07-01")
    changed = actions.changed_rows(shown, edited)
    assert changed["action_id"].tolist() == [second]
    actions.update_actions(store, changed)
    assert actions.list_actions(store).set_index("action_id").loc[second, "status"] == "in_progress"
