"""A write marks the parts of the store it changes (``analytics.store.SCOPES``), and a cached
view is recomputed only when a part it reads changed (``ui.cache.cached_query(reads=...)``):
an edited action or pilot leaves the counts and baselines of every open dashboard cached."""

from __future__ import annotations

import pandas as pd
import pytest
import streamlit as st

from analytics import actions
from analytics.actions import ReasonPath
from analytics.access import Actor, Role, acting_as
from analytics.store import SCOPES, data_version, open_store, scope_versions, write_transaction
from analytics.user_roles import save_given_roles
from ui import cache

EDITOR = Actor("erin@example.org", Role.EDITOR)


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "contacts.duckdb"
    open_store(path).close()
    monkeypatch.setenv("CONTACTS_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    conn = cache.connection()
    add_contact(conn, "c0")  # an import: every scope changes, and "Delivery" is a reason an action can name
    yield conn
    st.cache_data.clear()
    st.cache_resource.clear()  # the connection is let go with the cache


def add_contact(conn, contact_id: str) -> None:
    with acting_as(EDITOR), write_transaction(conn) as cur:  # every scope, as an import does
        cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3) "
                    "values ($id, timestamp '2026-11-02 09:00', 'phone', 'Delivery', '', '')", {"id": contact_id})
        cur.execute("insert or ignore into reasons (reason_l1, reason_l2, reason_l3) values ('Delivery', '', '')")


def test_a_write_marks_the_scopes_it_changes(store):
    imported = data_version(store)
    assert scope_versions(store) == {scope: imported for scope in SCOPES}
    with acting_as(EDITOR):
        actions.add_action(store, ReasonPath("Delivery"), action="Call the carrier")
    after_action = data_version(store)
    assert after_action == imported + 1
    assert scope_versions(store) == {**{scope: imported for scope in SCOPES}, "actions": after_action}
    with acting_as(EDITOR), write_transaction(store):  # an import, an event: every scope by default
        pass
    assert scope_versions(store) == {scope: after_action + 1 for scope in SCOPES}


def test_giving_roles_marks_the_roles_only(store):
    before = data_version(store)
    with acting_as(Actor("ada@example.org", Role.ADMIN)):
        save_given_roles(store, pd.DataFrame({"user_name": ["bo@example.org"], "role": ["editor"]}))
    assert scope_versions(store) == {**{scope: before for scope in SCOPES}, "roles": before + 1}


def test_a_write_naming_no_known_scope_is_refused_and_writes_nothing(store):
    before = data_version(store)
    with acting_as(EDITOR), pytest.raises(ValueError, match="contacts, pilots"):
        with write_transaction(store, changes=("weather",)) as cur:
            cur.execute("insert into actions (reason_l1, reason_l2, reason_l3, action) values ('a', '', '', 'b')")
    assert data_version(store) == before
    assert store.cursor().execute("select count(*) from actions").fetchone()[0] == 0


computed: list[str] = []


def counted_contacts(conn) -> int:
    computed.append("contacts")
    return conn.cursor().execute("select count(*) from contacts").fetchone()[0]


def counted_report(conn) -> int:
    computed.append("report")
    return conn.cursor().execute("select count(*) from actions").fetchone()[0]


def test_a_cached_view_is_recomputed_only_when_data_it_reads_changed(store):
    contacts = cache.cached_query(counted_contacts, reads=("contacts",))
    report = cache.cached_query(counted_report, reads=("contacts", "actions"))
    computed.clear()

    def show() -> tuple[int, int]:  # what a page's rerun does: read the version, ask the views
        version = cache.current_data_version()
        return contacts(version), report(version)

    assert show() == (1, 0) and computed == ["contacts", "report"]
    assert show() == (1, 0) and computed == ["contacts", "report"]  # nothing changed
    with acting_as(EDITOR):
        actions.add_action(store, ReasonPath("Delivery"), action="Call the carrier")
    assert show() == (1, 1)
    assert computed == ["contacts", "report", "report"]  # the action changed the report only
    add_contact(store, "c1")
    assert show() == (2, 1)
    assert computed == ["contacts", "report", "report", "contacts", "report"]


def test_what_is_learned_from_texts_is_keyed_by_the_contacts_only(store):
    """The reasons learned from texts (20-60 s of work) are kept while only an action, a role
    or a pilot changes; a change of the contacts asks for new ones."""
    imported = cache.texts_version(cache.current_data_version())
    with acting_as(EDITOR):
        actions.add_action(store, ReasonPath("Delivery"), action="Call the carrier")
    with acting_as(Actor("ada@example.org", Role.ADMIN)):
        save_given_roles(store, pd.DataFrame({"user_name": ["bo@example.org"], "role": ["editor"]}))
    assert cache.current_data_version() == imported + 2
    assert cache.texts_version(cache.current_data_version()) == imported
    add_contact(store, "c1")
    assert cache.texts_version(cache.current_data_version()) == imported + 3


def _reads_the_version_around_a_write():
    import streamlit as st

    from analytics import actions
    from analytics.access import Actor, Role, acting_as
    from analytics.actions import ReasonPath
    from ui import cache

    seen = [cache.current_data_version(), cache.current_data_version()]  # a page and its charts
    with acting_as(Actor("erin@example.org", Role.EDITOR)):
        actions.add_action(cache.connection(), ReasonPath("Delivery"), action="Call the carrier")
    seen.append(cache.current_data_version())  # what the page saved shows in the same run
    st.write(" ".join(map(str, seen)))


def test_a_script_run_reads_the_version_once_and_again_after_its_own_write(store, monkeypatch):
    from streamlit.testing.v1 import AppTest

    reads = []

    def counted_version(conn) -> int:
        reads.append(1)
        return data_version(conn)

    monkeypatch.setattr(cache, "data_version", counted_version)
    version = data_version(store)
    run = AppTest.from_function(_reads_the_version_around_a_write, default_timeout=30)
    run.run()
    assert [m.value for m in run.markdown] == [f"{version} {version} {version + 1}"]
    assert len(reads) == 2
    run.run()  # the next run reads it anew
    assert [m.value for m in run.markdown] == [f"{version + 1} {version + 1} {version + 2}"]
    assert len(reads) == 4
