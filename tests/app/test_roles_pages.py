"""Roles in the pages (local sign-in, ``CONTACTS_LOCAL_ROLE``): a viewer sees no write
controls on the Data, Pilots and Weekly pages and changes nothing; an editor has them, and a
change made through the page appears in the audit log under the editor's name; only an
admin sees the audit log on the Data page; a write attempted anyway shows the refusal as
an error, not an exception."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from analytics import audit
from analytics.access import Actor, Role, acting_as
from analytics.editing import add_event
from analytics.store import data_version, open_store
from tests.app.conftest import APP

DATA, PILOTS, WEEKLY = "pages/data.py", "pages/pilots.py", "pages/weekly.py"


@pytest.fixture
def demo_copy(demo_store, tmp_path):
    """A private copy of the demo store (the session store is shared)."""
    path = tmp_path / "contacts.duckdb"
    shutil.copy(demo_store, path)
    return path


@pytest.fixture
def role(monkeypatch):
    def as_role(name: str) -> None:
        monkeypatch.setenv("CONTACTS_AUTH", "local")
        monkeypatch.setenv("CONTACTS_LOCAL_ROLE", name)
    return as_role


def _state(store) -> tuple[int, int]:
    conn = open_store(store)
    return data_version(conn), len(audit.recent_entries(conn, 1000))


def _buttons(at) -> set[str]:
    return {b.label for b in at.button}


def test_a_viewer_sees_no_write_controls_and_changes_nothing(app_on, demo_copy, role):
    role("viewer")
    before = _state(demo_copy)
    at = app_on(demo_copy, page=DATA, query={"data_section": "Import"})
    assert not at.exception
    assert not at.get("file_uploader")
    assert "local (viewer)" in at.info[0].value and "needs the editor role" in at.info[0].value
    assert "Audit log" not in at.segmented_control(key="data_section").options
    for section in ("Reasons", "Channels", "Events"):
        at = app_on(demo_copy, page=DATA, query={"data_section": section})
        assert not at.exception
        assert "Save" not in _buttons(at) and not at.text_input, section
        assert any("needs the editor role" in i.value for i in at.info), section
    at = app_on(demo_copy, page=PILOTS)
    assert not at.exception
    assert not at.text_input and "Add pilot" not in _buttons(at) and "Delete" not in _buttons(at)
    assert len(at.dataframe[0].value) == 3  # the registry itself is shown
    at = app_on(demo_copy, page=WEEKLY)
    assert not at.exception
    assert not at.text_input and "Add action" not in _buttons(at)
    assert _state(demo_copy) == before


def test_an_editors_change_through_the_page_is_in_the_audit_log(app_on, demo_copy, role):
    role("editor")
    at = app_on(demo_copy, page=DATA, query={"data_section": "Import"})
    assert at.get("file_uploader")
    assert "Audit log" not in at.segmented_control(key="data_section").options
    at = app_on(demo_copy, page=PILOTS)
    assert at.text_input(key="pilots_add_form_name") is not None
    at = app_on(demo_copy, page=DATA, query={"data_section": "Events"})
    at.text_input[0].set_value("Price change letter")
    at.button[0].click().run()
    assert not at.exception and not at.error
    entry = audit.recent_entries(open_store(demo_copy), 1).iloc[0]
    assert (entry["actor_name"], entry["actor_role"], entry["action"], entry["target"]) == (
        "local", "editor", "event.add", "Price change letter")
    assert entry["before_json"] is None and json.loads(entry["after_json"])["kind"] == "campaign"


def test_an_admin_sees_the_audit_log_on_the_data_page(app_on, demo_copy, role):
    with acting_as(Actor("erin@example.org", Role.EDITOR)):
        add_event(open_store(demo_copy), name="Carrier strike", kind="outage", starts_on=date(2026, 6, 1),
                  ends_on=date(2026, 6, 2), foreseen=False)
    role("admin")
    at = app_on(demo_copy, page=DATA, query={"data_section": "Audit log"})
    assert not at.exception
    assert at.segmented_control(key="data_section").value == "Audit log"
    table = at.dataframe[0].value
    assert table[["actor_name", "action", "target"]].iloc[0].tolist() == [
        "erin@example.org", "Event added", "Carrier strike"]
    after = table["after_json"].iloc[0]
    assert table["before_json"].iloc[0] == "–" and "Kind: outage" in after and "Name: Carrier strike" in after
    assert "From: 1 Jun 2026" in after and "Foreseen: no" in after  # the page's words and notation
    assert any("Only administrators see this list" in c.value for c in at.caption)
    assert {b.label for b in at.get("download_button")} == {"CSV data", "Excel data"}

    # filtered to what the editor did: only their rows remain
    at.multiselect(key="data_audit_who").select("erin@example.org").run()
    assert not at.exception
    assert set(at.dataframe[0].value["actor_name"]) == {"erin@example.org"}
    at.date_input(key="data_audit_when").set_value((date(2020, 1, 1), date(2020, 1, 31))).run()
    assert any("No changes match" in i.value for i in at.info)


def test_a_role_an_admin_gives_is_listed_and_beats_the_secrets_file(app_on, demo_copy, role, monkeypatch):
    import pandas as pd

    from analytics.passwords import hash_password
    from analytics.user_roles import save_given_roles

    role("admin")
    at = app_on(demo_copy, page=DATA, query={"data_section": "Users"})
    assert not at.exception
    assert any("whatever the secrets file or the identity provider says" in c.value for c in at.caption)
    assert at.dataframe[0].value.empty  # nobody has a role given here yet
    # The table editor's own typing is not driven here (AppTest cannot type into it); the
    # write its Save button calls is, as the admin, and the page then lists the row.
    with acting_as(Actor("local", Role.ADMIN)):
        save_given_roles(open_store(demo_copy), pd.DataFrame({"user_name": ["Ann@Example.org"], "role": ["viewer"]}))
    at = app_on(demo_copy, page=DATA, query={"data_section": "Users"})
    assert at.dataframe[0].value[["user_name", "role", "changed_by"]].values.tolist() == [
        ["ann@example.org", "viewer", "local"]]

    # ann is an editor in the secrets file; the role given here wins from her next run
    monkeypatch.delenv("CONTACTS_AUTH")
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["users"] = {"ann@example.org": {"password_hash": hash_password("correct horse battery"),
                                               "role": "editor"}}
    at.run()
    at.text_input(key="auth_user").input("ann@example.org")
    at.text_input(key="auth_password").input("correct horse battery")
    at.button[0].click()
    at.run()
    at.switch_page(DATA)
    at.run()
    assert not at.exception
    assert "ann@example.org (viewer)" in at.info[0].value and not at.get("file_uploader")


def test_a_write_attempted_anyway_shows_the_refusal_as_an_error(demo_copy, role):
    def page(store: str) -> None:
        from datetime import date

        from analytics.editing import add_event
        from analytics.store import open_store
        from ui import roles

        roles.guarded(lambda: add_event(open_store(store), name="Sneaky", kind="other",
                                        starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 1), foreseen=True))

    role("viewer")
    before = _state(demo_copy)
    at = AppTest.from_function(page, args=(str(demo_copy),)).run()
    assert not at.exception
    assert at.error[0].value == ("local is a viewer here and may not add an event: that needs the editor role. "
                                  "Nothing was changed; ask an admin for the role if you need it.")
    assert _state(demo_copy) == before
