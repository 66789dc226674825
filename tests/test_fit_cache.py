"""The dashboard fits a baseline once per history (``ui.cache.expectation``): a view
recomputed after an import that added only days of the viewed period reuses the fit of the
history before it, and shows the new counts; a change to that history fits again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import streamlit as st

from analytics.access import Actor, Role, acting_as
from analytics.aggregates import refresh_contact_days
from analytics.filters import ContactFilter
from analytics.store import open_store, write_transaction
from ui import cache

EDITOR = Actor("erin@example.org", Role.EDITOR)
FIRST, LAST = date(2026, 5, 1), date(2026, 8, 31)
PERIOD = ContactFilter(LAST - timedelta(days=27), LAST)


def add_contacts(conn, day: date, count: int, prefix: str) -> None:
    """``count`` contacts on ``day``, as an import adds them (aggregates of that day included)."""
    with acting_as(EDITOR), write_transaction(conn) as cur:
        cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3) "
                    "select $prefix || i, $day::timestamp + to_minutes(i), 'phone', 'Delivery', '', '' "
                    "from range($count) as t(i)", {"prefix": prefix, "day": day, "count": count})
        refresh_contact_days(cur, days=[day])


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "contacts.duckdb"
    conn = open_store(path)
    with acting_as(EDITOR), write_transaction(conn) as cur:  # four months, 20 to 40 a day
        cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3) "
                    "select 'c' || d || '-' || i, $first::timestamp + to_days(d) + to_minutes(i), 'phone', "
                    "'Delivery', '', '' from range($days) as a(d), range(20 + (d * 7) % 21) as b(i)",
                    {"first": FIRST, "days": (LAST - FIRST).days + 1})
        refresh_contact_days(cur)
    conn.close()
    monkeypatch.setenv("CONTACTS_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield cache.connection()
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def fits(monkeypatch) -> list[date]:
    """The first expected day of every baseline the dashboard fits."""
    made: list[date] = []
    real = cache.expected_for_days

    def counted(history, start, end, **kwargs):
        made.append(start)
        return real(history, start, end, **kwargs)

    monkeypatch.setattr(cache, "expected_for_days", counted)
    return made


def test_an_import_into_the_viewed_period_reuses_the_fit_and_shows_the_new_counts(store, fits):
    trend = cache.volume_trend(cache.current_data_version(), PERIOD, "day", FIRST)
    assert fits == [PERIOD.start]
    add_contacts(store, LAST - timedelta(days=3), 500, "new")  # a late import of a day in the period
    again = cache.volume_trend(cache.current_data_version(), PERIOD, "day", FIRST)
    assert fits == [PERIOD.start]  # the history before the period did not change: no new fit
    day = again.daily.index == str(LAST - timedelta(days=3))
    assert (again.daily.loc[day, "actual"] == trend.daily.loc[day, "actual"] + 500).all()
    assert (again.daily["expected"] == trend.daily["expected"]).all()


def test_a_change_to_the_history_fits_again(store, fits):
    trend = cache.volume_trend(cache.current_data_version(), PERIOD, "day", FIRST)
    add_contacts(store, PERIOD.start - timedelta(days=1), 3000, "late")  # the day before the period
    again = cache.volume_trend(cache.current_data_version(), PERIOD, "day", FIRST)
    assert fits == [PERIOD.start, PERIOD.start]
    assert again.daily["expected"].sum() != trend.daily["expected"].sum()
