"""Repeat contacts and channels per issue on hand-made contacts with a known answer: the
window's edges (exactly N x 24 hours counts, a microsecond more does not, the same moment
does not), windows cut off by the end of the data, repeats after the period, same reason
against any reason, and issue chains."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from analytics.aggregates import refresh_contact_days
from analytics.filters import ContactFilter
from analytics.journeys import MAX_PERIOD_DAYS, channels_per_issue, check_window, journey_filter, repeat_contacts
from analytics.store import open_store

T0 = datetime(2025, 3, 3, 10, 0, 0)  # a Monday
WEEK = timedelta(days=7)
US = timedelta(microseconds=1)
PERIOD = ContactFilter(date(2025, 3, 1), date(2025, 3, 10))
# The store ends on 1 May (the "end" contact), so every window of a March contact is complete.
END = datetime(2025, 5, 1, 12, 0)


def make_store(tmp_path, rows):
    """rows: (contact_id, started_at, channel, reason_l1, reason_l2, customer_id)."""
    store = open_store(tmp_path / "j.duckdb")
    frame = pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1", "reason_l2", "customer_id"])
    cur = store.cursor()
    cur.register("rows", frame)
    cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, customer_id) "
                "select * from rows")
    refresh_contact_days(cur)  # the daily aggregates, as an import keeps them
    cur.execute("insert into channels values ('Phone', 'voice', 6), ('Chat', 'chat', 3), ('Mail', 'written', 4)")
    return store


def _with_end(rows):
    return rows + [("end", END, "Phone", "Z", "", "nobody")]


@pytest.mark.parametrize("gap, counts", [
    (WEEK, True),            # exactly 7 x 24 hours later: inside the window
    (WEEK - US, True),
    (WEEK + US, False),      # a microsecond past the edge: outside
    (timedelta(0), False),   # the same moment is not a later contact
    (US, True),
])
def test_the_window_edge(tmp_path, gap, counts):
    store = make_store(tmp_path, _with_end([
        ("a1", T0, "Phone", "Delivery", "Late", "c1"),
        ("a2", T0 + gap, "Chat", "Delivery", "Late", "c1"),
    ]))
    only_first = ContactFilter(date(2025, 3, 3), date(2025, 3, 3), channel="Phone")
    total = repeat_contacts(store, only_first, 7).total
    assert total["observed_contacts"] == 1
    assert total["repeats_any"] == int(counts)
    assert total["repeats_same"] == int(counts)


def test_same_moment_does_not_hide_a_later_repeat(tmp_path):
    """Two contacts at the same second and a third a day later: both are followed."""
    store = make_store(tmp_path, _with_end([
        ("a", T0, "Phone", "A", "x", "c1"),
        ("b", T0, "Chat", "A", "x", "c1"),
        ("c", T0 + timedelta(days=1), "Phone", "A", "x", "c1"),
    ]))
    total = repeat_contacts(store, ContactFilter(date(2025, 3, 3), date(2025, 3, 3)), 7).total
    assert total["repeats_any"] == 2  # a and b; c is on 4 March, outside the period


def test_window_length_is_configurable(tmp_path):
    store = make_store(tmp_path, _with_end([
        ("a", T0, "Phone", "A", "x", "c1"),
        ("b", T0 + timedelta(days=3), "Phone", "A", "x", "c1"),
    ]))
    view = ContactFilter(date(2025, 3, 3), date(2025, 3, 3))
    assert repeat_contacts(store, view, 3).total["repeats_any"] == 1
    assert repeat_contacts(store, view, 2).total["repeats_any"] == 0


def test_same_reason_against_any_reason(tmp_path):
    store = make_store(tmp_path, _with_end([
        ("a", T0, "Phone", "Delivery", "Late", "c1"),
        ("b", T0 + timedelta(days=1), "Phone", "Delivery", "Damaged", "c1"),  # other second level
        ("c", T0, "Phone", "Delivery", "Late", "c2"),
        ("d", T0 + timedelta(days=2), "Mail", "Delivery", "Late", "c2"),
        ("e", T0, "Phone", "Payment", "", "c3"),  # never comes back
        ("f", T0, "Phone", "Payment", "", None),  # no customer id: not observed
    ]))
    result = repeat_contacts(store, ContactFilter(date(2025, 3, 3), date(2025, 3, 3)), 7)
    total = result.total
    # in the period (3 March): a, c, e, f; b and d are later and only serve as repeats
    assert (total["contacts"], total["with_customer"], total["observed_contacts"]) == (4, 3, 3)
    assert (total["repeats_any"], total["repeats_same"]) == (2, 1)
    assert total["repeat_rate_any"] == pytest.approx(2 / 3)
    assert total["repeat_rate_same"] == pytest.approx(1 / 3)
    assert result.without_customer == 1
    by_reason = result.by_reason.set_index("name")
    assert by_reason.loc["Delivery", "repeats_any"] == 2
    assert by_reason.loc["Payment", "observed_contacts"] == 1
    assert by_reason.loc["Payment", "contacts"] == 2


def test_repeats_after_the_period_count_and_other_customers_do_not(tmp_path):
    store = make_store(tmp_path, _with_end([
        ("a", datetime(2025, 3, 10, 20, 0), "Phone", "A", "x", "c1"),  # last day of the period
        ("b", datetime(2025, 3, 14, 9, 0), "Chat", "A", "x", "c1"),    # after the period
        ("c", datetime(2025, 3, 10, 20, 0), "Phone", "A", "x", "c2"),
        ("d", datetime(2025, 3, 11, 9, 0), "Phone", "A", "x", "c3"),   # someone else
    ]))
    total = repeat_contacts(store, PERIOD, 7).total
    assert (total["contacts"], total["repeats_any"]) == (2, 1)


def test_windows_past_the_end_of_the_data_leave_the_denominator(tmp_path):
    """The data ends on 20 March 12:00: a contact from 13 March 12:00 has just a full
    window; one a second later has not and must not count as 'not repeated'."""
    end = datetime(2025, 3, 20, 12, 0)
    store = make_store(tmp_path, [
        ("edge", end - WEEK, "Phone", "A", "x", "c1"),
        ("late", end - WEEK + timedelta(seconds=1), "Phone", "A", "x", "c2"),
        ("later", end - timedelta(days=1), "Phone", "A", "x", "c3"),
        ("end", end, "Phone", "Z", "", "c9"),
    ])
    result = repeat_contacts(store, ContactFilter(date(2025, 3, 13), date(2025, 3, 20)), 7)
    assert result.total["with_customer"] == 4
    assert result.total["observed_contacts"] == 1
    assert result.too_recent == 3
    assert result.total["repeats_any"] == 0
    assert result.total["repeat_rate_any"] == 0.0


def test_a_known_repeat_rate_is_recovered(tmp_path):
    """200 customers contact on 3 March; the first 30 come back 2 days later about the
    same reason, the next 20 about another reason, the rest never: 25% and 15%."""
    rows = []
    for k in range(200):
        rows.append((f"f{k}", T0 + timedelta(minutes=k), "Phone", "A", "x", f"c{k}"))
        if k < 30:
            rows.append((f"s{k}", T0 + timedelta(days=2, minutes=k), "Chat", "A", "x", f"c{k}"))
        elif k < 50:
            rows.append((f"s{k}", T0 + timedelta(days=2, minutes=k), "Chat", "B", "y", f"c{k}"))
    store = make_store(tmp_path, _with_end(rows))
    total = repeat_contacts(store, ContactFilter(date(2025, 3, 3), date(2025, 3, 3)), 7).total
    assert total["repeat_rate_any"] == pytest.approx(50 / 200)
    assert total["repeat_rate_same"] == pytest.approx(30 / 200)


def test_no_customer_ids_is_reported(tmp_path):
    store = make_store(tmp_path, _with_end([("a", T0, "Phone", "A", "x", None)]))
    result = repeat_contacts(store, ContactFilter(date(2025, 3, 3), date(2025, 3, 3)), 7)
    assert not result.has_customers
    assert pd.isna(result.total["repeat_rate_any"])


def test_channels_per_issue(tmp_path):
    """c1: Phone, Chat 3 days later, Mail 6 days after that (one issue, 3 channels), then
    Phone 20 days later (a new issue, outside the period). c2: Phone twice (1 channel).
    c3: Phone about A and Chat about B (two issues of 1 channel each)."""
    store = make_store(tmp_path, _with_end([
        ("1a", T0, "Phone", "A", "x", "c1"),
        ("1b", T0 + timedelta(days=3), "Chat", "A", "x", "c1"),
        ("1c", T0 + timedelta(days=9), "Mail", "A", "x", "c1"),
        ("1d", T0 + timedelta(days=29), "Phone", "A", "x", "c1"),
        ("2a", T0, "Phone", "A", "x", "c2"),
        ("2b", T0 + timedelta(days=1), "Phone", "A", "x", "c2"),
        ("3a", T0, "Phone", "A", "x", "c3"),
        ("3b", T0 + timedelta(days=1), "Chat", "B", "y", "c3"),
    ]))
    result = channels_per_issue(store, PERIOD, 7)
    distribution = result.distribution.set_index("channels")
    assert distribution["issues"].to_dict() == {1: 3, 3: 1}
    assert distribution.loc[3, "contacts"] == 3
    assert result.multi_channel_share == pytest.approx(0.25)
    assert result.open_issues == 0


def test_an_issue_that_started_before_the_period_is_not_in_it(tmp_path):
    store = make_store(tmp_path, _with_end([
        ("a", datetime(2025, 2, 27, 9, 0), "Phone", "A", "x", "c1"),
        ("b", datetime(2025, 3, 2, 9, 0), "Chat", "A", "x", "c1"),  # continues the issue of 27 February
        ("c", datetime(2025, 3, 20, 9, 0), "Chat", "A", "x", "c2"),  # after the period
    ]))
    assert channels_per_issue(store, PERIOD, 7).issues == 0


def test_issues_still_open_at_the_end_of_the_data_are_left_out(tmp_path):
    store = make_store(tmp_path, [
        ("a", T0, "Phone", "A", "x", "c1"),
        ("b", T0 + timedelta(days=2), "Phone", "A", "x", "c2"),
        ("end", T0 + timedelta(days=8), "Phone", "Z", "", "c9"),
    ])
    result = channels_per_issue(store, PERIOD, 7)
    assert result.issues == 1  # c1's issue closed on 10 March; c2's may go on
    assert result.open_issues == 1


def test_the_window_is_checked():
    assert check_window(7) == 7
    for bad in (0, 91, 2.5):
        with pytest.raises(ValueError, match="whole number of days"):
            check_window(bad)


def test_journeys_follow_at_most_the_last_weeks_of_a_long_period():
    three_years = ContactFilter(date(2023, 11, 24), date(2026, 11, 22), reason_l1="Delivery")
    followed = journey_filter(three_years)
    assert (followed.end - followed.start).days + 1 == MAX_PERIOD_DAYS
    assert followed.end == three_years.end
    assert followed.reason_l1 == "Delivery"  # only the period is cut, the other filters stay
    assert journey_filter(PERIOD) is PERIOD  # a short period is followed whole
