"""A runaway query is stopped after the time limit with a message for that user; other
work on the same connection goes on and gets its right answers."""

from __future__ import annotations

import threading
import time

import duckdb
import pytest

from analytics import queries
from analytics.i18n import using_language
from analytics.queries import QueryTimeout, fetch_within_limit, run_query

RUNAWAY = "select count(*) as n from range(1000000000000) a"


def test_a_runaway_query_is_stopped_at_the_limit():
    conn = duckdb.connect()
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="longer than 0.5 seconds"):
        fetch_within_limit(conn.cursor(), RUNAWAY, {}, 0.5)
    assert 0.5 <= time.monotonic() - started < 5
    assert fetch_within_limit(conn.cursor(), "select 41 + 1 as x", {}, 0.5)["x"].tolist() == [42]


def test_the_message_is_in_the_users_language():
    with using_language("nl"), pytest.raises(QueryTimeout, match="duurde langer dan 0.2 seconden"):
        fetch_within_limit(duckdb.connect().cursor(), RUNAWAY, {}, 0.2)


def test_other_sessions_go_on_while_one_query_runs_away():
    conn = duckdb.connect()
    conn.execute("create table contacts as select range as id from range(100000)")
    outcome: dict[str, object] = {}

    def runaway():
        try:
            fetch_within_limit(conn.cursor(), RUNAWAY, {}, 1.5)
        except QueryTimeout as exc:
            outcome["stopped"] = exc

    worker = threading.Thread(target=runaway)
    worker.start()
    answers = []
    while worker.is_alive():  # the other "sessions": their own cursors, same connection
        answers.append(fetch_within_limit(conn.cursor(), "select count(*) as n from contacts where id % 2 = 0",
                                          {}, 5)["n"].iloc[0])
    worker.join()
    assert isinstance(outcome.get("stopped"), QueryTimeout)
    assert len(answers) > 3 and set(answers) == {50000}


def test_run_query_takes_the_limit_from_the_environment(monkeypatch):
    conn = duckdb.connect()
    monkeypatch.setattr(queries, "sql_text", lambda name: RUNAWAY)
    monkeypatch.setenv(queries.TIMEOUT_VARIABLE, "0.3")
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        run_query(conn, "contact_kpis")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("value, expected", [(None, 30.0), ("2.5", 2.5), ("0", 0.0), ("soon", 30.0)])
def test_the_limit_setting(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(queries.TIMEOUT_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(queries.TIMEOUT_VARIABLE, value)
    assert queries.query_time_limit() == expected


def test_no_timer_outlives_its_query():
    """The time limit's timer has ended when the answer returns: one still waking up would
    hold the cursor, which a command exiting right away then leaves to DuckDB's bindings to
    report as leaked on its error output."""
    cur = duckdb.connect().cursor()
    left = []
    for _ in range(200):
        fetch_within_limit(cur, "select 1 as x", {}, 30)
        left += [thread for thread in threading.enumerate() if isinstance(thread, threading.Timer)]
    assert left == []
