"""Refusals a user sees (a pilot without a name, an action without text, an empty file)
are worded in the active language; English stays the default and stays as it was."""

from __future__ import annotations

from datetime import date

import pytest

from analytics import actions
from analytics.actions import ReasonPath
from analytics.i18n import using_language
from analytics.importing import ImportRefused, import_contacts
from analytics.pilots.registry import PilotSpec, add_pilot, list_pilots
from analytics.weekly import week_monday


@pytest.fixture
def reasons(store):
    store.execute("insert into reasons values ('Delivery', 'Late', 'Carrier', 'Logistics', null)")
    return store


def _nameless_pilot() -> PilotSpec:
    return PilotSpec("   ", ("Delivery > Late",), date(2025, 3, 3), date(2025, 3, 30))


@pytest.mark.parametrize("language, message", [
    ("en", "A pilot needs a name."),
    ("nl", "Een proef heeft een naam nodig."),
])
def test_a_pilot_without_a_name_is_refused_in_the_active_language(store, language, message):
    with using_language(language), pytest.raises(ValueError) as refused:
        add_pilot(store, _nameless_pilot())
    assert str(refused.value) == message
    assert list_pilots(store) == []


def test_english_is_the_default_language(store):
    with pytest.raises(ValueError) as refused:
        add_pilot(store, _nameless_pilot())
    assert str(refused.value) == "A pilot needs a name."


def test_an_action_without_text_is_refused_in_dutch(reasons):
    with using_language("nl"), pytest.raises(ValueError) as refused:
        actions.add_action(reasons, ReasonPath("Delivery", "Late"), action="   ")
    assert str(refused.value) == "Een actie heeft een beschrijving nodig van wat er gedaan wordt."
    assert actions.list_actions(reasons).empty


def test_an_action_for_an_unknown_reason_names_it_in_dutch(reasons):
    with using_language("nl"), pytest.raises(ValueError) as refused:
        actions.add_action(reasons, ReasonPath("Payment"), action="Clearer invoice")
    assert str(refused.value) == "De contactreden 'Payment' staat niet in de redenboom."


@pytest.mark.parametrize("language, message", [
    ("en", "The file leeg.csv is empty."),
    ("nl", "Het bestand leeg.csv is leeg."),
])
def test_an_empty_file_is_refused_in_the_active_language(store, tmp_path, language, message):
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    with using_language(language), pytest.raises(ImportRefused) as refused:
        import_contacts(store, path)
    assert str(refused.value) == message


def test_a_broken_line_is_named_in_dutch(store, tmp_path):
    path = tmp_path / "kapot.csv"
    path.write_text("id,created,channel,reason\n1,2025-03-13 14:05:00,Phone,Billing\n"
                    "2,2025-03-13 14:06:00,Phone,Billing,extra\n", encoding="utf-8")
    with using_language("nl"):
        result = import_contacts(store, path)
    assert result.rejects["reason"].tolist() == [
        "deze regel heeft 5 velden waar de kopregel er 4 heeft (gescheiden door komma's)"]
    path.write_text(path.read_text(encoding="utf-8") + "3,2025-03-13 14:07:00,Phone,Billing,extra\n",
                    encoding="utf-8")
    with using_language("nl"), pytest.raises(ImportRefused) as refused:
        import_contacts(store, path)
    assert str(refused.value).startswith("2 van de 3 rijen van kapot.csv zijn niet te lezen (Regel 3: deze regel "
                                         "heeft 5 velden")


def test_a_wrong_week_code_is_refused_in_dutch():
    with using_language("nl"), pytest.raises(ValueError) as refused:
        week_monday("week 23")
    assert str(refused.value) == "Een week schrijf je als 2026-W23, niet 'week 23'."
