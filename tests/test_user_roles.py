"""Roles an admin gives on the Data page, how they combine with the secrets file and the
identity token, and the audit log's filters."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from analytics import audit, editing
from analytics.access import AccessDenied, Actor, Role, acting_as
from analytics.store import open_store
from analytics.user_roles import given_roles, given_roles_by_name, resolve_role, roles_from_claim, save_given_roles

ADMIN = Actor("ada@example.org", Role.ADMIN)
EDITOR = Actor("erin@example.org", Role.EDITOR)


@pytest.fixture
def store(tmp_path):
    conn = open_store(tmp_path / "roles.duckdb")
    yield conn
    conn.close()


def _table(rows):
    return pd.DataFrame(rows, columns=["user_name", "role"])


def test_an_admin_gives_changes_and_removes_roles_each_in_the_audit_log(store):
    with acting_as(ADMIN):
        assert save_given_roles(store, _table([(" Ann@Example.org ", "editor"), ("bo@example.org", "viewer"),
                                               ("", None)])) == 2
        assert given_roles_by_name(store) == {"ann@example.org": "editor", "bo@example.org": "viewer"}
        save_given_roles(store, _table([("ann@example.org", "admin")]))
    assert given_roles_by_name(store) == {"ann@example.org": "admin"}
    assert given_roles(store)["changed_by"].tolist() == ["ada@example.org"]
    log = audit.entries(store, actions=["user_role.update"])
    changes = {(row.target, *(None if pd.isna(v) else v for v in (row.before_json, row.after_json)))
               for row in log.itertuples()}
    assert changes == {
        ("ann@example.org", None, '{"role": "editor"}'), ("bo@example.org", None, '{"role": "viewer"}'),
        ("ann@example.org", '{"role": "editor"}', '{"role": "admin"}'), ("bo@example.org", '{"role": "viewer"}', None),
    }
    assert set(log["actor_name"]) == {"ada@example.org"}


def test_an_editor_may_not_give_roles_and_nothing_is_written(store):
    with acting_as(EDITOR), pytest.raises(AccessDenied, match="needs the admin role"):
        save_given_roles(store, _table([("erin@example.org", "admin")]))
    assert given_roles_by_name(store) == {} and audit.recent_entries(store, 10).empty


@pytest.mark.parametrize("rows, message", [
    ([("ann@example.org", "boss")], "boss is not a role"),
    ([("ann@example.org", "viewer"), ("ANN@example.org", "editor")], "listed twice"),
])
def test_bad_tables_are_refused_whole(store, rows, message):
    with acting_as(ADMIN), pytest.raises(ValueError, match=message):
        save_given_roles(store, _table(rows))
    assert given_roles_by_name(store) == {}


def test_an_admin_cannot_take_away_their_own_admin_role(store):
    with acting_as(ADMIN):
        save_given_roles(store, _table([("ada@example.org", "admin")]))
        with pytest.raises(ValueError, match="own admin role"):
            save_given_roles(store, _table([("ada@example.org", "viewer")]))
        with pytest.raises(ValueError, match="own admin role"):
            save_given_roles(store, _table([]))
    assert given_roles_by_name(store) == {"ada@example.org": "admin"}


def test_the_tokens_roles_claim_gives_the_highest_role_it_names():
    claims = {"email": "ann@example.org", "roles": ["Dashboard.Readers", "Dashboard.Editors", "Other.App"],
              "groups": "admins"}
    mapping = {"dashboard.readers": "viewer", "Dashboard.Editors": "editor"}
    assert roles_from_claim(claims, "roles", mapping) is Role.EDITOR
    assert roles_from_claim(claims, "groups", None) is None           # "admins" is not a role name
    assert roles_from_claim(claims, "groups", {"admins": "admin"}) is Role.ADMIN  # one text, not a list
    assert roles_from_claim({"roles": ["viewer", "editor"]}, "roles", None) is Role.EDITOR  # role names as they are
    assert roles_from_claim(claims, "missing", mapping) is None
    assert roles_from_claim(claims, None, mapping) is None


def test_the_first_source_that_names_a_role_wins():
    assert resolve_role(given="viewer", listed="admin", from_claim=Role.ADMIN, default="admin") is Role.VIEWER
    assert resolve_role(given=None, listed="editor", from_claim=Role.ADMIN, default="viewer") is Role.EDITOR
    assert resolve_role(given=None, listed=None, from_claim=Role.ADMIN, default="viewer") is Role.ADMIN
    assert resolve_role(given=None, listed="typo", from_claim=None, default="viewer") is Role.VIEWER
    assert resolve_role(given=None, listed=None, from_claim=None, default=None) is None


def test_the_audit_log_filters_by_who_what_and_when(store):
    with acting_as(ADMIN):
        editing.add_event(store, name="Sale", kind="campaign", starts_on=date(2025, 3, 1), ends_on=date(2025, 3, 2),
                          foreseen=True)
    with acting_as(EDITOR):
        editing.add_event(store, name="Outage", kind="outage", starts_on=date(2025, 3, 5), ends_on=date(2025, 3, 5),
                          foreseen=False)
        editing.delete_event(store, int(store.execute("select min(event_id) from events").fetchone()[0]))
    store.execute("update audit_log set logged_at = logged_at - interval 10 day where target = 'Sale'"
                  " and action = 'event.add'")
    actors, actions = audit.facets(store)
    assert actors == ["erin@example.org", "ada@example.org"] and actions == ["event.add", "event.delete"]
    assert audit.entries(store, actors=["ada@example.org"])["target"].tolist() == ["Sale"]
    assert audit.entries(store, actions=["event.delete"])["actor_name"].tolist() == ["erin@example.org"]
    today = date.today()
    recent = audit.entries(store, first_day=today - timedelta(days=1), last_day=today)
    assert recent["action"].tolist() == ["event.delete", "event.add"]
    assert audit.entries(store, first_day=today - timedelta(days=11), last_day=today - timedelta(days=9))[
        "target"].tolist() == ["Sale"]
    assert audit.entries(store, actors=["nobody"]).empty
