"""The Pilots page in AppTest: the demo's three pilots in the registry, one evaluated from a
link, a pilot added, refused and deleted through the forms, the planner, and SF311 (no
pilots) explained."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from analytics.pilots import list_pilots
from analytics.store import open_store

PAGE = "pages/pilots.py"
DEMO_PILOTS = {"Track-and-trace e-mail", "Chatbot for password reset", "New FAQ page on returns"}
HEADLINE = re.compile(r"^[+\u2212]\d+%$")
INTERVAL = re.compile(r"95% interval [+\u2212]\d+% to [+\u2212]\d+%")


@pytest.fixture
def demo_copy(demo_store, tmp_path):
    """A private copy of the demo store for tests that write (the session store is shared)."""
    path = tmp_path / "contacts.duckdb"
    shutil.copy(demo_store, path)
    return path


def _pilot_names(store) -> set[str]:
    """The names in the store's pilots table (through the same kind of connection the app
    holds open in this process)."""
    return {p.name for p in list_pilots(open_store(store))}


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_registry_lists_the_demo_pilots(app_on, demo_store):
    at = app_on(demo_store, page=PAGE)
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["name"]) == DEMO_PILOTS
    assert "Delivery > Status unknown" in set(table["target"])
    assert any("do not apply here" in i.value for i in at.info)


def test_a_link_opens_one_pilots_evaluation(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"pilots_view": "Evaluation", "pilots_pilot": "Track-and-trace e-mail"})
    assert not at.exception
    assert at.selectbox(key="pilots_pilot").value == "Track-and-trace e-mail"
    effect = next(m for m in at.metric if m.label == "Effect on contacts")
    assert HEADLINE.match(effect.value), effect.value
    assert any(INTERVAL.search(c.value) for c in at.caption)
    assert any("Delivery > Status unknown" in s.value and "95% interval" in s.value for s in at.success)
    kpis = at.dataframe[1].value
    assert "Contacts" in set(kpis["kpi"]) and "Satisfaction" in set(kpis["kpi"])
    methods = at.dataframe[0].value
    assert {"before/after", "seasonal baseline"} <= {m.rstrip(" ★") for m in methods["method"]}


def test_adding_a_pilot_through_the_form_writes_it(app_on, demo_copy):
    at = app_on(demo_copy, page=PAGE)
    at.text_input(key="pilots_add_form_name").input("Returns label e-mail")
    at.multiselect(key="pilots_add_form_target").select("Returns > Label")
    at.multiselect(key="pilots_add_form_channels").select("Phone")
    at.date_input(key="pilots_add_form_start").set_value(date(2026, 5, 4))
    at.date_input(key="pilots_add_form_end").set_value(date(2026, 5, 31))
    at.number_input(key="pilots_add_form_expected").set_value(-15.0)
    _button(at, "Add pilot").click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert any('"Returns label e-mail" added' in s.value for s in at.success)
    # The demo's FAQ pilot targets the same reason at the same time: the warning is shown.
    assert any("New FAQ page on returns" in w.value for w in at.warning)
    stored = next(p for p in list_pilots(open_store(demo_copy)) if p.name == "Returns label e-mail")
    assert stored.target_reasons == ("Returns > Label",) and stored.channels == ("Phone",)
    assert stored.expected_effect == pytest.approx(-0.15)
    assert "Returns label e-mail" in set(at.dataframe[0].value["name"])


def test_end_before_start_is_refused_and_nothing_written(app_on, demo_copy):
    at = app_on(demo_copy, page=PAGE)
    at.text_input(key="pilots_add_form_name").input("Backwards pilot")
    at.multiselect(key="pilots_add_form_target").select("Delivery")
    at.date_input(key="pilots_add_form_start").set_value(date(2026, 5, 31))
    at.date_input(key="pilots_add_form_end").set_value(date(2026, 5, 4))
    _button(at, "Add pilot").click().run()
    assert not at.exception
    assert any("ends before it starts" in e.value for e in at.error)
    assert _pilot_names(demo_copy) == DEMO_PILOTS


def test_a_pilot_without_a_target_is_refused(app_on, demo_copy):
    at = app_on(demo_copy, page=PAGE)
    at.text_input(key="pilots_add_form_name").input("No target")
    _button(at, "Add pilot").click().run()
    assert any("at least one target reason" in e.value for e in at.error)
    assert _pilot_names(demo_copy) == DEMO_PILOTS


def test_deleting_asks_for_confirmation(app_on, demo_copy):
    at = app_on(demo_copy, page=PAGE)
    at.selectbox(key="pilots_edit_pick").set_value("New FAQ page on returns").run()
    pilot_id = next(p.pilot_id for p in list_pilots(open_store(demo_copy)) if p.name == "New FAQ page on returns")
    at.button(key=f"pilots_delete_{pilot_id}").click().run()
    assert not at.exception
    assert any('Delete pilot "New FAQ page on returns"?' in w.value for w in at.warning)
    assert _pilot_names(demo_copy) == DEMO_PILOTS  # asked, not yet deleted
    at.button(key=f"pilots_delete_no_{pilot_id}").click().run()
    assert _pilot_names(demo_copy) == DEMO_PILOTS
    at.button(key=f"pilots_delete_{pilot_id}").click().run()
    at.button(key=f"pilots_delete_yes_{pilot_id}").click().run()
    assert not at.exception
    assert _pilot_names(demo_copy) == DEMO_PILOTS - {"New FAQ page on returns"}
    assert set(at.dataframe[0].value["name"]) == DEMO_PILOTS - {"New FAQ page on returns"}


def test_editing_a_pilot_saves_the_change(app_on, demo_copy):
    at = app_on(demo_copy, page=PAGE)
    at.selectbox(key="pilots_edit_pick").set_value("Track-and-trace e-mail").run()
    pilot = next(p for p in list_pilots(open_store(demo_copy)) if p.name == "Track-and-trace e-mail")
    stamp = f"{pilot.pilot_id}_{pilot.updated_at:%Y%m%d%H%M%S}"
    at.text_input(key=f"pilots_edit_form_{stamp}_owner").input("Customer care")
    _button(at, "Save changes").click().run()
    assert not at.exception and not at.error
    assert next(p for p in list_pilots(open_store(demo_copy)) if p.name == "Track-and-trace e-mail").owner \
        == "Customer care"


def test_planner_gives_the_detectable_effect(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"pilots_view": "Planner"})
    assert not at.exception
    at.multiselect(key="pilots_plan_target").select("Delivery")
    _button(at, "Plan").click().run()
    assert not at.exception
    mde = next(m for m in at.metric if m.label.startswith("Smallest effect a"))
    assert re.match(r"^\d+%$", mde.value)
    assert 0 < int(mde.value.rstrip("%")) < 100


def test_sf311_has_no_pilots_and_explains(app_on, sf311_store):
    at = app_on(sf311_store, page=PAGE)
    assert not at.exception
    assert any("No pilots registered yet" in i.value for i in at.info)
    assert "pilot add" in at.code[0].value
    assert at.text_input(key="pilots_add_form_name") is not None  # the form is there to add one
    at = app_on(sf311_store, page=PAGE, query={"pilots_view": "Evaluation"})
    assert not at.exception
    assert any("No pilots registered yet" in i.value for i in at.info)


def test_sf311_planner_works_without_pilots(app_on, sf311_store):
    """SF311 is too thin for a 20% effect to show: the planner says so instead of failing."""
    at = app_on(sf311_store, page=PAGE, query={"pilots_view": "Planner"})
    at.multiselect(key="pilots_plan_target").select("Sewer Issues")
    _button(at, "Plan").click().run()
    assert not at.exception
    mde = next(m for m in at.metric if m.label.startswith("Smallest effect a"))
    assert int(mde.value.rstrip("%")) > 20
    assert any("would likely go unseen" in w.value for w in at.warning)


def test_a_planned_pilot_after_the_data_says_it_cannot_be_judged_yet(app_on, demo_copy):
    from analytics.pilots import PilotSpec, add_pilot

    add_pilot(open_store(demo_copy), PilotSpec("Next month's FAQ", ("Returns > Label",), date(2026, 8, 3),
                                               date(2026, 8, 30), expected_effect=-0.1))
    at = app_on(demo_copy, page=PAGE, query={"pilots_view": "Evaluation", "pilots_pilot": "Next month's FAQ"})
    assert not at.exception
    assert at.selectbox(key="pilots_pilot").value == "Next month's FAQ"
    assert any("cannot be evaluated yet" in i.value and "after the last day of data" in i.value for i in at.info)
    assert not at.metric


def test_a_link_to_an_unknown_pilot_falls_back_to_a_registered_one(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"pilots_view": "Evaluation", "pilots_pilot": "No such pilot"})
    assert not at.exception
    assert at.selectbox(key="pilots_pilot").value in DEMO_PILOTS
    assert any(m.label == "Effect on contacts" for m in at.metric)
