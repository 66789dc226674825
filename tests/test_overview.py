"""Overview numbers on hand-made data: comparisons only against covered periods, the
top reasons one level below the filter, shares that add up."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from analytics import table_views
from analytics.aggregates import refresh_contact_days
from analytics.filters import ContactFilter
from analytics.formatting import MISSING
from analytics.i18n import t
from analytics.overview import overview
from analytics.store import open_store

FIRST = date(2025, 1, 1)


@pytest.fixture
def conn(tmp_path):
    store = open_store(tmp_path / "o.duckdb")
    rows = []
    for i in range(120):  # 120 days, 10 contacts a day: 6 of A > x, 4 of B
        day = datetime.combine(FIRST + timedelta(days=i), datetime.min.time())
        for k in range(10):
            reason = ("A", "x") if k < 6 else ("B", "")
            rows.append((f"{i}-{k}", day + timedelta(hours=k), "Phone", *reason))
    frame = pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1", "reason_l2"])
    cur = store.cursor()
    cur.register("rows", frame)
    cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2) select * from rows")
    refresh_contact_days(cur)  # the daily aggregates, as an import keeps them
    cur.execute("insert into channels values ('Phone', 'voice', 6)")
    yield store
    store.close()


def test_counts_and_comparison_with_a_covered_previous_period(conn):
    view = overview(conn, ContactFilter(date(2025, 3, 1), date(2025, 3, 28)))
    assert view.current.contacts == 280
    assert view.previous.contacts == 280  # 1–28 February, fully in the store
    assert view.last_year is None  # the store starts in 2025
    assert view.top_reasons["share"].sum() == pytest.approx(1.0)
    assert view.top_reasons.set_index("reason").loc["A", "change_pct"] == 0


def test_no_comparison_with_a_partly_covered_previous_period(conn):
    view = overview(conn, ContactFilter(date(2025, 1, 10), date(2025, 1, 29)))
    assert view.previous is None  # it would start 21 December 2024, before the first contact
    assert view.top_reasons["change_pct"].isna().all()
    # Unknown, not zero: the table shows "–", never "0 contacts in the previous period".
    assert view.top_reasons["previous_contacts"].isna().all()
    cells = table_views.top_reasons_table(view.top_reasons).texts()
    assert set(cells[t("column.previous")]) == {MISSING}


def test_top_reasons_go_one_level_below_the_filter(conn):
    view = overview(conn, ContactFilter(date(2025, 3, 1), date(2025, 3, 28), reason_l1="A"))
    assert view.top_reasons["reason"].tolist() == ["A > x"]
    assert view.current.contacts == 168


def test_a_driver_with_only_a_dimension_still_has_a_daily_total(conn):
    from analytics.catalog import driver_daily

    conn.cursor().execute(
        "insert into drivers (day, driver, value, dimension, dimension_value) values"
        " ('2025-01-01', 'shipments', 3, 'supplier', 'X'), ('2025-01-01', 'shipments', 4, 'supplier', 'Y'),"
        " ('2025-01-01', 'orders', 10, '', ''), ('2025-01-01', 'orders', 6, 'product', 'P')")
    assert driver_daily(conn, "shipments")["value"].tolist() == [7]
    assert driver_daily(conn, "orders")["value"].tolist() == [10]


def test_no_comparison_with_a_period_in_a_gap_of_the_export(conn):
    """One stray contact a year before the data: the store "starts" in January 2024, but has
    nothing in March 2024. Last year's March is a gap, not a quiet month: no "0" and no "−100%"."""
    from analytics.breakdowns import comparable_periods
    from analytics.overview import store_freshness

    cur = conn.cursor()
    cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1) "
                "values ('stray', timestamp '2024-01-05 10:00', 'Phone', 'A')")
    refresh_contact_days(cur)
    march = ContactFilter(date(2025, 3, 1), date(2025, 3, 28))
    view = overview(conn, march)
    assert view.last_year is None
    assert view.previous.contacts == 280  # February 2025 is in the data
    assert comparable_periods(store_freshness(conn), march) == (True, False)
    january = ContactFilter(date(2025, 1, 5), date(2025, 2, 1))  # last year: from the stray contact's day
    assert overview(conn, january).last_year.contacts == 1


def test_a_store_that_does_not_know_its_days_compares_from_its_first_contact():
    """Contacts but no daily aggregates (a store filled without an import): the days are not
    known, so the period is covered from the first contact on, as before."""
    from analytics.overview import StoreFreshness, covers

    unknown = StoreFreshness(contacts=5, first_contact_at=datetime(2024, 1, 5), last_contact_at=datetime(2025, 4, 1),
                             last_import_at=None, data_changed_at=None, days_with_contacts=None)
    assert covers(unknown, date(2024, 3, 1), date(2024, 3, 28))
    assert not covers(unknown, date(2024, 1, 1), date(2024, 1, 28))
    known = replace(unknown, days_with_contacts=frozenset({date(2024, 1, 5), date(2025, 4, 1)}))
    assert not covers(known, date(2024, 3, 1), date(2024, 3, 28))
