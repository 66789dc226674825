"""A page whose query runs away shows the time-limit message as an error, not a crash."""

from __future__ import annotations

from analytics import queries

SLOW = "select count(*) as n from range(1000000000000) a"


def test_a_runaway_query_on_a_page_shows_a_message(app_on, demo_store, monkeypatch):
    real_sql = queries.sql_text
    # The overview's KPI query runs away; the frame's own queries stay quick.
    monkeypatch.setattr(queries, "sql_text", lambda name: SLOW if name == "contact_kpis" else real_sql(name))
    monkeypatch.setenv(queries.TIMEOUT_VARIABLE, "0.5")
    monkeypatch.setenv("CONTACTS_AUTH", "local")
    at = app_on(demo_store)
    assert not at.exception
    assert any("took longer than 0.5 seconds" in e.value for e in at.error)
