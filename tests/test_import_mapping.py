"""Column-mapping suggestions, settings round trips and saved mapping profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.importing import (
    CONTACT_FIELDS, DRIVER_FIELDS, REQUIRED_CONTACT_FIELDS, ImportRefused, ImportSettings, complete_mapping,
    delete_profile, list_profiles, load_profile, read_columns, save_profile, suggest_mapping,
)

SF311 = Path(__file__).resolve().parent / "data" / "sf311_service_requests_sample.csv"


def test_field_lists_match_the_tables(store):
    cur = store.cursor()
    contact_columns = [r[0] for r in cur.execute("describe contacts").fetchall()]
    driver_columns = [r[0] for r in cur.execute("describe drivers").fetchall()]
    # The recorded reason of a relabelled contact is kept by the review, never imported.
    not_imported = {"import_id", "recorded_l1", "recorded_l2", "recorded_l3"}
    assert CONTACT_FIELDS == [c for c in contact_columns if c not in not_imported]
    assert set(DRIVER_FIELDS) == set(driver_columns) - {"driver", "import_id"}
    assert REQUIRED_CONTACT_FIELDS == ["contact_id", "started_at", "channel", "reason_l1"]


def test_sf311_columns_get_the_right_suggestions():
    columns, detected = read_columns(SF311, ImportSettings())

    assert detected.delimiter == "," and detected.encoding == "utf-8"
    assert suggest_mapping(columns) == {
        "contact_id": "unique_key", "started_at": "created_date", "channel": "source", "reason_l1": "category",
        "reason_l2": "complaint_type", "reason_l3": "descriptor", "department": "agency_name",
    }


def test_dutch_and_english_synonyms_ignore_case_spaces_and_underscores():
    columns = ["Ticket ID", "DATUM", "Kanaal", "Contactreden", "Sub_reden", "Afhandeltijd", "Wacht tijd",
               "Opgelost", "Tevredenheid", "Afdeling", "Klantnummer", "Order-ID", "Opmerking"]

    assert suggest_mapping(columns) == {
        "contact_id": "Ticket ID", "started_at": "DATUM", "channel": "Kanaal", "reason_l1": "Contactreden",
        "reason_l2": "Sub_reden", "customer_id": "Klantnummer", "order_id": "Order-ID", "department": "Afdeling",
        "handle_seconds": "Afhandeltijd", "wait_seconds": "Wacht tijd", "resolved": "Opgelost",
        "csat": "Tevredenheid",
    }


def test_driver_suggestions():
    assert suggest_mapping(["Datum", "Aantal orders", "Orders"], "drivers") == {"day": "Datum", "value": "Orders"}


def test_complete_mapping_keeps_choices_and_explicitly_unmapped_fields():
    columns = ["id", "created", "channel", "reason", "agency"]
    mapping = complete_mapping({"channel": "agency", "department": ""}, columns, "contacts")

    assert mapping == {"channel": "agency", "department": "", "contact_id": "id", "started_at": "created",
                       "reason_l1": "reason"}


def test_settings_round_trip_through_json():
    settings = ImportSettings(mapping={"contact_id": "Ticket"}, delimiter="\t", decimal=",", encoding="cp1252",
                              date_format="%d-%m-%Y %H:%M", true_values=("Ja",), false_values=("Nee",), sheet="Data")

    assert ImportSettings.from_json(settings.to_json()) == settings
    assert settings.true_values == ("ja",)


def test_flags_override_a_profile_field_by_field():
    profile = ImportSettings(mapping={"contact_id": "Ticket", "channel": "Kanaal"}, delimiter=";", decimal=",")
    flags = ImportSettings(mapping={"channel": "Bron"}, decimal=".")

    merged = flags.merged_over(profile)

    assert merged.mapping == {"contact_id": "Ticket", "channel": "Bron"}
    assert (merged.delimiter, merged.decimal, merged.encoding) == (";", ".", None)


@pytest.mark.parametrize("text, message", [
    ('{"colour": "red"}', "Unknown import settings: colour"),
    ("[1, 2]", "must be a JSON object"),
])
def test_bad_settings_json_is_refused(text, message):
    with pytest.raises(ValueError, match=message):
        ImportSettings.from_json(text)


def test_bad_decimal_mark_is_refused():
    with pytest.raises(ValueError, match="decimal mark must be"):
        ImportSettings(decimal=";")


def test_profiles_are_saved_loaded_listed_and_deleted(store):
    weekly = ImportSettings(mapping={"contact_id": "Ticket"}, delimiter=";")
    save_profile(store, "weekly", "contacts", weekly)
    save_profile(store, "orders", "drivers", ImportSettings(mapping={"day": "Datum", "value": "Aantal"}))
    save_profile(store, "weekly", "contacts", weekly.with_changes(decimal=","))

    assert load_profile(store, "weekly") == ("contacts", weekly.with_changes(decimal=","))
    assert list_profiles(store)[["name", "kind"]].values.tolist() == [["orders", "drivers"], ["weekly", "contacts"]]
    delete_profile(store, "orders")
    assert list_profiles(store)["name"].tolist() == ["weekly"]
    with pytest.raises(ImportRefused, match="no mapping profile named 'orders' .saved profiles: weekly"):
        load_profile(store, "orders")
    with pytest.raises(ValueError, match="Unknown import kind"):
        save_profile(store, "x", "events", weekly)
