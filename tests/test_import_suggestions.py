"""Mapping suggestions read the values as well as the names; units in a header are applied;
a field the export lacks can take one value; a key or a moment that spans two columns is
joined; ids shared by different contacts are refused with the column that tells them apart;
an implausible handle time is warned about."""

from __future__ import annotations

import pytest

from analytics.importing import ImportRefused, ImportSettings, import_contacts, preview_contacts
from analytics.importing.profiling import column_profiles, suggested_mapping
from analytics.importing.units import unit_in_name
from tests.support.exports import comcast_like, regulator_like


def _write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_free_text_is_never_suggested_as_an_id_and_the_time_column_joins_the_date(tmp_path):
    suggestion = suggested_mapping(column_profiles(comcast_like(tmp_path)))
    assert suggestion["contact_id"] == "Ticket #"
    assert suggestion["started_at"] == ["Date", "Time"]
    assert suggestion["channel"] == "Received Via"
    assert "customer_id" not in suggestion  # "Customer Complaint" holds sentences: the customer's text
    assert [field for field, column in suggestion.items() if "Customer Complaint" in column] == ["text"]


def test_a_regulators_ordinary_names_are_recognised(tmp_path):
    suggestion = suggested_mapping(column_profiles(regulator_like(tmp_path)))
    assert suggestion["contact_id"] == "Complaint ID"
    assert suggestion["started_at"] == "Date received"
    assert suggestion["channel"] == "Submitted via"
    assert suggestion["reason_l1"] == "Issue" and suggestion["reason_l2"] == "Sub-issue"
    assert suggestion["product"] == "Product"
    assert [field for field, column in suggestion.items() if column == "Consumer complaint narrative"] == ["text"]


def test_the_regulators_export_imports_without_a_single_choice(store, tmp_path):
    result = import_contacts(store, regulator_like(tmp_path))
    assert (result.rows_read, result.inserted, result.rejected) == (60, 60, 0)
    assert store.execute("select count(distinct channel), count(distinct reason_l1), min(product) from contacts"
                         ).fetchall() == [(3, 2, "Credit reporting")]


def test_the_comcast_like_export_imports_with_its_reason_set_for_the_file(store, tmp_path):
    path = comcast_like(tmp_path)
    with pytest.raises(ImportRefused, match="required field 'reason_l1'.*--set reason_l1=VALUE"):
        import_contacts(store, path)
    result = import_contacts(store, path, ImportSettings(constants={"reason_l1": "Not coded"}))
    assert (result.inserted, result.rejected) == (60, 0)
    assert result.detected.date_format == "%d-%m-%y %I:%M:%S %p"
    first, last, reasons = store.execute(
        "select min(started_at), max(started_at), list(distinct reason_l1) from contacts").fetchall()[0]
    assert first.year == last.year == 2015 and (first.month, last.month) == (4, 6)
    assert reasons == ["Not coded"]


@pytest.mark.parametrize("name, unit", [("Afhandeltijd (min)", "minutes"), ("Handle time in minutes", "minutes"),
                                        ("Wachttijd uur", "hours"), ("AHT sec", "seconds"), ("handle_seconds", "seconds"),
                                        ("Duur (h:mm:ss)", None), ("Gesprekstijd", None)])
def test_a_unit_in_the_header_is_read(name, unit):
    assert unit_in_name(name) == unit


DUTCH = ("Ticketnummer;Aangemaakt op;Kanaal;Contactreden;Afhandeltijd (min)\n"
         + "".join(f"T{i};{1 + i % 28:02d}-03-2025 {8 + i % 9:02d}:15;Telefoon;Bezorging;{3 + i % 5},{i % 10}\n"
                   for i in range(40)))


def test_minutes_in_the_header_are_stored_as_seconds(store, tmp_path):
    path = _write(tmp_path, "dutch.csv", DUTCH)
    result = import_contacts(store, path)
    assert result.detected.units == {"handle_seconds": "minutes"}
    assert result.extra["warnings"] == []
    seconds = store.execute("select handle_seconds from contacts where contact_id = 'T1'").fetchall()[0][0]
    assert seconds == pytest.approx(4.1 * 60)
    median = store.execute("select median(handle_seconds) from contacts").fetchall()[0][0]
    assert 180 <= median <= 480  # minutes, not seconds


def test_a_handle_time_read_in_the_wrong_unit_is_warned_about(store, tmp_path):
    path = _write(tmp_path, "dutch.csv", DUTCH)
    rows, _ = preview_contacts(path, ImportSettings(units={"handle_seconds": "seconds"}))
    assert any("median handle time" in w and "seconds" in w for w in rows.attrs["warnings"])
    result = import_contacts(store, path, ImportSettings(units={"handle_seconds": "seconds"}))
    assert len(result.extra["warnings"]) == 1


def test_a_key_in_two_columns_is_joined_and_a_shared_one_refused_naming_its_partner(store, tmp_path):
    rows = ["line\tcall\tdate\ttime\ttype"] + [
        f"AA{line:02d}\t{call}\t9902{1 + call % 20:02d}\t{6 + line}:{call % 60:02d}:00\tPS"
        for line in (1, 2, 3) for call in range(30)]
    path = _write(tmp_path, "calls.tsv", "\n".join(rows) + "\n")
    mapping = {"started_at": ["date", "time"], "reason_l1": "type"}
    with pytest.raises(ImportRefused, match="repeats in 60 of 90 rows.*Together with 'line' it is unique"):
        import_contacts(store, path, ImportSettings(constants={"channel": "Phone"},
                                                    mapping={**mapping, "contact_id": "call"}))
    assert store.execute("select count(*) from contacts").fetchall() == [(0,)]
    result = import_contacts(store, path, ImportSettings(constants={"channel": "Phone"},
                                                         mapping={**mapping, "contact_id": ["line", "call"]}))
    assert (result.inserted, result.duplicates) == (90, 0)
    stored = store.execute("select contact_id, started_at, channel, reason_l1 from contacts order by 1 limit 1").fetchall()
    assert stored[0][0] == "AA01-0" and stored[0][1].year == 1999 and stored[0][2:] == ("Phone", "PS")


def test_zero_as_a_customer_id_means_unknown(store, tmp_path):
    path = _write(tmp_path, "customers.csv", "id,created,channel,reason,customer_id\n"
                  "1,2025-03-13 10:00:00,Phone,Billing,0\n2,2025-03-13 10:05:00,Phone,Billing,C7\n"
                  "3,2025-03-13 10:09:00,Phone,Billing,n/a\n")
    import_contacts(store, path)
    assert store.execute("select contact_id, customer_id from contacts order by 1").fetchall() == [
        ("1", None), ("2", "C7"), ("3", None)]


def test_a_constant_for_a_field_that_differs_per_contact_is_refused(store, tmp_path):
    path = _write(tmp_path, "x.csv", "id,created,channel,reason\n1,2025-03-13 10:00:00,Phone,Billing\n")
    with pytest.raises(ImportRefused, match="'contact_id' differs from contact to contact"):
        import_contacts(store, path, ImportSettings(constants={"contact_id": "1"}))
