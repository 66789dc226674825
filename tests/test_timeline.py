"""The timeline the time charts are annotated with: events from the store, the public
holidays of the Netherlands, and pilot windows and rollouts, only inside the asked days."""

from __future__ import annotations

from datetime import date, datetime

import holidays
import pytest

from analytics.editing import add_event
from analytics.timeline import TimelineItem, items_between, timeline, without_pilot


def _add_pilot(conn, name, starts_on, ends_on, rollout_on=None, status="running"):
    now = datetime(2026, 1, 1)
    conn.execute(
        "insert into pilots (name, status, target_reasons, starts_on, ends_on, rollout_on, created_at, updated_at)"
        " values ($name, $status, ['Delivery'], $starts_on, $ends_on, $rollout_on, $now, $now)",
        {"name": name, "status": status, "starts_on": starts_on, "ends_on": ends_on, "rollout_on": rollout_on,
         "now": now})


@pytest.fixture
def annotated(store):
    add_event(store, name="Spring sale", kind="campaign", starts_on=date(2026, 4, 13), ends_on=date(2026, 4, 26),
              foreseen=True, reason="Order")
    add_event(store, name="Payment outage", kind="outage", starts_on=date(2026, 5, 2), ends_on=date(2026, 5, 2),
              foreseen=False, channel="Phone")
    add_event(store, name="Winter sale", kind="campaign", starts_on=date(2026, 1, 5), ends_on=date(2026, 1, 18),
              foreseen=True)
    add_event(store, name="Company day off", kind="holiday", starts_on=date(2026, 5, 15), ends_on=date(2026, 5, 15),
              foreseen=True)
    _add_pilot(store, "Track-and-trace e-mail", date(2026, 3, 30), date(2026, 4, 26), rollout_on=date(2026, 5, 4),
               status="rolled_out")
    _add_pilot(store, "Later pilot", date(2026, 9, 1), date(2026, 9, 28))
    return store


def test_events_holidays_and_pilots_inside_the_days(annotated):
    items = timeline(annotated, date(2026, 4, 1), date(2026, 5, 31))
    by_kind = {kind: [i for i in items if i.kind == kind] for kind in ("event", "holiday", "pilot", "rollout")}

    assert [(e.name, e.starts_on, e.ends_on, e.foreseen) for e in by_kind["event"]] == [
        ("Spring sale", date(2026, 4, 13), date(2026, 4, 26), True),
        ("Payment outage", date(2026, 5, 2), date(2026, 5, 2), False),
    ]
    assert by_kind["event"][0].detail == "Order" and by_kind["event"][1].detail == "Phone"  # the scope, for the hover

    expected_holidays = {d for d in holidays.country_holidays("NL", years=2026) if date(2026, 4, 1) <= d <= date(2026, 5, 31)}
    expected_holidays.add(date(2026, 5, 15))  # the company's own day off, an event of kind holiday
    assert {h.starts_on for h in by_kind["holiday"]} == expected_holidays
    assert len(by_kind["holiday"]) == len(expected_holidays)  # no date twice
    assert date(2026, 4, 27) in expected_holidays  # King's Day 2026 is a Monday (the 27th): a real holiday is in

    assert [(p.name, p.starts_on, p.ends_on, p.detail) for p in by_kind["pilot"]] == [
        ("Track-and-trace e-mail", date(2026, 3, 30), date(2026, 4, 26), "rolled_out")]  # starts before: kept
    assert [(r.name, r.starts_on) for r in by_kind["rollout"]] == [("Track-and-trace e-mail", date(2026, 5, 4))]

    assert items == sorted(items, key=lambda i: i.starts_on)
    assert all(i.ends_on >= date(2026, 4, 1) and i.starts_on <= date(2026, 5, 31) for i in items)


def test_items_outside_the_days_are_left_out(annotated):
    items = timeline(annotated, date(2026, 6, 1), date(2026, 8, 31))
    names = {i.name for i in items}
    assert "Spring sale" not in names and "Winter sale" not in names and "Later pilot" not in names
    assert not [i for i in items if i.kind in ("event", "pilot", "rollout")]
    # only a rollout in the window: the rollout is in, the pilot window is not
    only_rollout = timeline(annotated, date(2026, 5, 3), date(2026, 5, 10))
    assert [(i.kind, i.name) for i in only_rollout if i.kind in ("pilot", "rollout")] == [
        ("rollout", "Track-and-trace e-mail")]


def test_an_empty_store_still_has_the_public_holidays(store):
    items = timeline(store, date(2025, 12, 20), date(2026, 1, 2))
    assert [(i.kind, i.starts_on) for i in items] == [
        ("holiday", date(2025, 12, 25)), ("holiday", date(2025, 12, 26)), ("holiday", date(2026, 1, 1))]


def test_a_timeline_that_ends_before_it_starts_is_refused(store):
    with pytest.raises(ValueError, match="ends before it starts"):
        timeline(store, date(2026, 5, 1), date(2026, 4, 1))


def test_helpers_select_by_days_and_leave_out_one_pilot():
    items = [TimelineItem("pilot", "A", date(2026, 1, 1), date(2026, 1, 28)),
             TimelineItem("rollout", "A", date(2026, 2, 2), date(2026, 2, 2)),
             TimelineItem("pilot", "B", date(2026, 1, 10), date(2026, 2, 10)),
             TimelineItem("event", "A", date(2026, 1, 5), date(2026, 1, 6))]  # an event named like the pilot stays
    assert [(i.kind, i.name) for i in without_pilot(items, "A")] == [("pilot", "B"), ("event", "A")]
    assert [(i.kind, i.name) for i in items_between(items, date(2026, 1, 29), date(2026, 2, 1))] == [("pilot", "B")]
    assert items[0].is_span and not items[1].is_span


def test_holidays_are_named_in_the_language_asked(store):
    def names(language):
        return {i.starts_on: i.name for i in timeline(store, date(2026, 4, 20), date(2026, 4, 30), language=language)}

    assert names("nl") == {date(2026, 4, 27): "Koningsdag"}
    assert names("en") == {date(2026, 4, 27): "King's Day"}
