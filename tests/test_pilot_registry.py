"""The pilots table: add, edit, delete with checks that refuse bad input and write
nothing, and overlap warnings between pilots and with events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import duckdb
import pandas as pd
import pytest

from analytics.aggregates import refresh_contact_days
from analytics.pilots.registry import (
    PilotSpec,
    add_pilot,
    delete_pilot,
    get_pilot,
    list_pilots,
    overlaps,
    pilots_table,
    reasons_overlap,
    update_pilot,
)
from analytics.store import data_version


@pytest.fixture
def shop(store):
    """A store with three reasons in two channels and one outage event."""
    rows = [(f"c{i}", datetime(2025, 1, 1 + i % 28, 10), channel, l1, l2, l3)
            for i, (channel, l1, l2, l3) in enumerate([
                ("Phone", "Delivery", "Status unknown", "Track and trace"),
                ("E-mail", "Delivery", "Late", ""),
                ("Phone", "Returns", "Label", "Not received"),
            ] * 10)]
    frame = pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1", "reason_l2", "reason_l3"])
    cur = store.cursor()
    cur.register("rows", frame)
    cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3)"
                " select * from rows")
    refresh_contact_days(cur)  # the daily aggregates, as an import keeps them
    cur.execute("insert into channels values ('Phone', 'voice', 6), ('E-mail', 'written', 4)")
    cur.execute("insert into events (name, kind, starts_on, ends_on, foreseen, reason_l1) values"
                " ('Carrier strike', 'outage', '2025-03-10', '2025-03-12', false, 'Delivery'),"
                " ('Spring sale', 'campaign', '2025-03-01', '2025-03-14', true, 'Order'),"
                " ('King''s Day', 'holiday', '2025-03-05', '2025-03-05', true, null)")
    return store


def _pilot(**changes) -> PilotSpec:
    base = PilotSpec("Track-and-trace e-mail", ("Delivery > Status unknown",), date(2025, 3, 3), date(2025, 3, 30),
                     hypothesis="Customers ask where the parcel is", owner="Logistics", expected_effect=-0.2)
    return replace(base, **changes)


def test_a_pilot_round_trips_through_the_table(shop):
    version = data_version(shop)
    saved = add_pilot(shop, _pilot(channels=("Phone",), control_reasons=("Returns",), segment=" business "))
    assert data_version(shop) == version + 1
    assert saved.pilot_id is not None and saved.status == "planned" and saved.segment == "business"
    again = get_pilot(shop, "Track-and-trace e-mail")
    assert again == saved
    assert again.target_reasons == ("Delivery > Status unknown",) and again.control_reasons == ("Returns",)
    table = pilots_table(list_pilots(shop))
    assert table.loc[0, "target"] == "Delivery > Status unknown" and table.loc[0, "channels"] == "Phone"


def test_reason_paths_are_normalised_and_levels_checked(shop):
    saved = add_pilot(shop, _pilot(target_reasons=("Delivery>Status unknown  >Track and trace", "Returns")))
    assert saved.target_reasons == ("Delivery > Status unknown > Track and trace", "Returns")


@pytest.mark.parametrize("changes, message", [
    ({"name": "  "}, "needs a name"),
    ({"target_reasons": ()}, "at least one target reason"),
    ({"target_reasons": ("Delivery > Lost",)}, "Unknown reason 'Delivery > Lost'"),
    ({"channels": ("Fax",)}, "Unknown channel 'Fax'"),
    ({"ends_on": date(2025, 3, 1)}, "ends before it starts"),
    ({"rollout_on": date(2025, 3, 30)}, "rollout date must come after"),
    ({"status": "done"}, "Status must be one of"),
    ({"expected_effect": -1.5}, "expected effect is relative"),
    ({"control_reasons": ("Delivery",)}, "cannot overlap"),
])
def test_bad_pilots_are_refused_and_nothing_is_written(shop, changes, message):
    version = data_version(shop)
    with pytest.raises(ValueError, match=message):
        add_pilot(shop, _pilot(**changes))
    assert list_pilots(shop) == [] and data_version(shop) == version


def test_names_are_unique(shop):
    add_pilot(shop, _pilot())
    with pytest.raises(ValueError, match="already exists"):
        add_pilot(shop, _pilot(target_reasons=("Returns",)))
    assert len(list_pilots(shop)) == 1


def test_edit_and_delete(shop):
    add_pilot(shop, _pilot())
    add_pilot(shop, _pilot(name="FAQ", target_reasons=("Returns > Label",)))
    edited = update_pilot(shop, "Track-and-trace e-mail", _pilot(name="T&T mail", status="rolled_out",
                                                                 rollout_on=date(2025, 4, 1)))
    assert edited.name == "T&T mail" and edited.rollout_on == date(2025, 4, 1)
    assert get_pilot(shop, "Track-and-trace e-mail") is None
    with pytest.raises(ValueError, match="already exists"):
        update_pilot(shop, "T&T mail", _pilot(name="FAQ"))
    delete_pilot(shop, "T&T mail")
    assert [p.name for p in list_pilots(shop)] == ["FAQ"]
    with pytest.raises(ValueError, match="no pilot called"):
        delete_pilot(shop, "T&T mail")


def test_overlaps_with_pilots_on_the_same_reasons_and_with_events(shop):
    add_pilot(shop, _pilot(name="Whole delivery", target_reasons=("Delivery",), starts_on=date(2025, 3, 17),
                           ends_on=date(2025, 4, 13)))
    add_pilot(shop, _pilot(name="Later", starts_on=date(2025, 6, 2), ends_on=date(2025, 6, 29)))
    add_pilot(shop, _pilot(name="Other reason", target_reasons=("Returns",)))
    found = overlaps(shop, _pilot())
    assert {(o.kind, o.name) for o in found} == {("pilot", "Whole delivery"), ("event", "Carrier strike")}
    # Once rolled out, a pilot goes on for ever: the later pilot now overlaps it.
    rolled = overlaps(shop, _pilot(rollout_on=date(2025, 4, 1)))
    assert ("pilot", "Later") in {(o.kind, o.name) for o in rolled}


def test_reasons_overlap_on_prefixes_only():
    assert reasons_overlap(["Delivery"], ["Delivery > Late"])
    assert reasons_overlap(["Delivery > Late > Carrier delay"], ["Delivery > Late"])
    assert not reasons_overlap(["Delivery > Late"], ["Delivery > Lateness"])
    assert not reasons_overlap(["Returns"], ["Delivery"])


def test_the_table_refuses_bad_rows_even_past_the_checks(shop):
    with pytest.raises(duckdb.ConstraintException):
        shop.cursor().execute(
            "insert into pilots (name, target_reasons, starts_on, ends_on, status, created_at, updated_at)"
            " values ('x', ['Returns'], '2025-01-01', '2025-01-31', 'done', now(), now())")
