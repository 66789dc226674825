"""Real-export quirks: delimiters, encodings, decimal commas, date styles, yes/no words,
Excel and Parquet files. Each test reads back what was stored."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analytics.importing import ImportSettings, import_contacts, read_columns

DUTCH_ROWS = (
    "Ticket ID;Datum;Kanaal;Reden;Subreden;Subsubreden;Afhandeltijd;Opgelost;CSAT;Notitie;Extra\r\n"
    'T1;13-03-2025 14:05;Telefoon;Factuur € te hoog;Café;;245,5;Ja;4;"regel een\r\nregel; twee";x\r\n'
    "T2;14-03-2025 09:30;E-mail;Levering;;;1.245,5;Nee;;;\r\n"
    "T3;01-02-2025 08:00;Chat;Levering;Te laat;Pakket;0:04:05;j;5;ok;\r\n"
)


def contact(store, contact_id: str) -> dict:
    cur = store.cursor()
    row = cur.execute("select * from contacts where contact_id = $id", {"id": contact_id}).fetchall()
    assert len(row) == 1, f"expected one stored contact {contact_id}"
    return dict(zip([d[0] for d in cur.description], row[0]))


def assert_accounted(result) -> None:
    assert result.rows_read == result.inserted + result.duplicates + result.rejected


def test_dutch_cp1252_export_is_read_with_its_quirks(store, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(DUTCH_ROWS.encode("cp1252"))

    result = import_contacts(store, path)

    assert (result.rows_read, result.inserted, result.rejected) == (3, 3, 0)
    assert result.detected.encoding == "cp1252"
    assert result.detected.delimiter == ";"
    assert result.detected.decimal == ","
    assert result.detected.date_format == "%d-%m-%Y %H:%M"
    first = contact(store, "T1")
    assert first["reason_l1"] == "Factuur € te hoog"
    assert first["reason_l2"] == "Café"
    assert first["reason_l3"] == ""  # empty reason levels are '' (the schema default), not NULL
    assert first["started_at"] == dt.datetime(2025, 3, 13, 14, 5)
    assert first["handle_seconds"] == 245.5
    assert first["resolved"] is True
    second = contact(store, "T2")
    assert second["handle_seconds"] == 1245.5  # thousands point, decimal comma
    assert second["resolved"] is False
    assert second["csat"] is None and second["csat_scale"] is None
    third = contact(store, "T3")
    assert third["started_at"] == dt.datetime(2025, 2, 1, 8, 0)  # all days <= 12: read day-first
    assert third["handle_seconds"] == 245.0  # h:mm:ss
    assert third["csat_scale"] == 5.0
    assert_accounted(result)


def test_utf8_with_bom_maps_the_first_column_by_name(store, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbf" + DUTCH_ROWS.encode("utf-8"))

    columns, detected = read_columns(path, ImportSettings())
    result = import_contacts(store, path)

    assert columns[0] == "Ticket ID"
    assert detected.encoding == "utf-8-sig"
    assert result.inserted == 3
    assert contact(store, "T1")["reason_l1"] == "Factuur € te hoog"


def test_cp1252_after_the_first_megabyte_is_still_detected(store, tmp_path):
    lines = ["id;datum;kanaal;reden"] + [f"{i};13-02-2025 10:00;Telefoon;Factuur" for i in range(40_000)]
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("ascii") + "x;13-02-2025 10:00;Winkel;Café €\n".encode("cp1252"))
    assert path.stat().st_size > 1 << 20

    result = import_contacts(store, path)

    assert result.detected.encoding == "cp1252"
    assert result.inserted == 40_001
    assert contact(store, "x")["reason_l1"] == "Café €"


@pytest.mark.parametrize("suffix, delimiter", [(".tsv", None), (".txt", None), (".csv", "\t")])
def test_tab_delimited(store, tmp_path, suffix, delimiter):
    path = tmp_path / f"export{suffix}"
    path.write_text("id\tcreated\tchannel\treason\n1\t2025-03-13 14:05:00\tPhone\tBilling, general\n"
                    "2\t2025-03-13 15:00:00\tChat\tBilling\n", encoding="utf-8")

    result = import_contacts(store, path, ImportSettings(delimiter=delimiter))

    assert result.detected.delimiter == "\t"
    assert result.inserted == 2
    assert contact(store, "1")["reason_l1"] == "Billing, general"


def test_iso_timestamps_with_offsets_are_stored_in_utc(store, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "unique_key,created_date,source,category\n"
        "a,2016-07-13 15:11:07+00:00,Web,Odor\n"
        "b,2016-07-13 17:11:07+02:00,Web,Odor\n"
        "c,2016-07-13 10:11:07-0500,Web,Odor\n", encoding="utf-8")

    result = import_contacts(store, path)

    assert result.detected.date_format == "%Y-%m-%d %H:%M:%S%z"
    for contact_id in "abc":
        assert contact(store, contact_id)["started_at"] == dt.datetime(2016, 7, 13, 15, 11, 7)


def test_month_first_dates_are_recognised_when_a_day_exceeds_12(store, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,date,channel,reason\n1,03/13/2025 02:05:00 PM,Phone,Billing\n"
                    "2,03/01/2025 09:00:00 AM,Phone,Billing\n", encoding="utf-8")

    result = import_contacts(store, path)

    assert result.detected.date_format == "%m/%d/%Y %I:%M:%S %p"
    assert contact(store, "1")["started_at"] == dt.datetime(2025, 3, 13, 14, 5)
    assert contact(store, "2")["started_at"] == dt.datetime(2025, 3, 1, 9, 0)


@pytest.mark.parametrize("word, expected", [
    ("Ja", True), ("nee", False), ("YES", True), ("no", False), ("True", True), ("false", False),
    ("1", True), ("0", False), ("J", True), ("n", False), ("y", True), ("", None),
])
def test_yes_no_words(store, tmp_path, word, expected):
    path = tmp_path / "export.csv"
    path.write_text(f"id,created,channel,reason,resolved\n1,2025-03-13 14:05:00,Phone,Billing,{word}\n",
                    encoding="utf-8")

    result = import_contacts(store, path)

    assert result.inserted == 1
    assert contact(store, "1")["resolved"] is expected


def test_custom_yes_no_words_replace_the_defaults(store, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,created,channel,reason,resolved\n1,2025-03-13 14:05:00,Phone,Billing,opgelost\n"
                    "2,2025-03-13 14:05:00,Phone,Billing,open\n3,2025-03-13 14:05:00,Phone,Billing,ja\n",
                    encoding="utf-8")

    result = import_contacts(store, path, ImportSettings(true_values=("Opgelost",), false_values=("open",)))

    assert (result.inserted, result.rejected) == (2, 1)
    assert contact(store, "1")["resolved"] is True and contact(store, "2")["resolved"] is False
    assert result.rejects.loc[0, "value"] == "ja"


def test_xlsx_sheet_with_typed_cells(store, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Readme"
    workbook.active.append(["This sheet is not the data"])
    sheet = workbook.create_sheet("Contacten")
    sheet.append(["Ticket", "Aangemaakt", "Kanaal", "Categorie", "AHT", "Opgelost", "Tevredenheid"])
    sheet.append(["X1", dt.datetime(2025, 3, 13, 14, 5), "Telefoon", "Factuur", 245.5, True, 8])
    sheet.append([])
    sheet.append([1002, dt.datetime(2025, 3, 14, 9, 0), "Chat", "Levering", dt.time(0, 4, 5), "Nee", None])
    sheet.append(["X3", dt.datetime(2025, 3, 14, 9, 0), "Chat", "Levering", "veel", "Nee", None])
    path = tmp_path / "export.xlsx"
    workbook.save(path)

    result = import_contacts(store, path, ImportSettings(sheet="Contacten"))

    assert (result.rows_read, result.inserted, result.rejected) == (3, 2, 1)
    assert result.detected.sheet == "Contacten"
    assert contact(store, "X1")["handle_seconds"] == 245.5
    assert contact(store, "X1")["csat_scale"] == 10.0
    assert contact(store, "1002")["handle_seconds"] == 245.0
    assert contact(store, "1002")["started_at"] == dt.datetime(2025, 3, 14, 9, 0)
    assert result.rejects.to_dict("records") == [
        {"line": 5, "column": "AHT", "value": "veel", "reason": "not a number of seconds (decimal mark '.') or h:mm:ss"}
    ]


def test_parquet_with_typed_columns(store, tmp_path):
    path = tmp_path / "export.parquet"
    pq.write_table(pa.table({
        "case_id": ["P1", "P2"],
        "opened": pa.array([dt.datetime(2025, 3, 13, 13, 5, 1, 500000), dt.datetime(2025, 3, 13, 14, 0)],
                           pa.timestamp("us", tz="Europe/Amsterdam")),
        "medium": ["Phone", "Web"],
        "topic": ["Billing", "Billing"],
        "csat": [80.0, None],
        "fcr": [True, False],
        "ignored": [1, 2],
    }), path)

    result = import_contacts(store, path)

    assert result.inserted == 2
    first = contact(store, "P1")
    assert first["started_at"] == dt.datetime(2025, 3, 13, 13, 5, 1, 500000)  # UTC
    assert (first["csat"], first["csat_scale"], first["resolved"]) == (80.0, 100.0, True)
    assert contact(store, "P2")["resolved"] is False


def test_blank_optional_cells_are_null_and_extra_columns_ignored(store, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,created,channel,reason,customer id,wait time,status_notes,latitude\n"
                    '1,2025-03-13 14:05:00, Phone ,Billing,,,"free text, with ""quotes""\nand a newline",0.0\n',
                    encoding="utf-8")

    result = import_contacts(store, path)

    stored = contact(store, "1")
    assert result.inserted == 1
    assert stored["channel"] == "Phone"  # surrounding spaces trimmed
    assert stored["customer_id"] is None and stored["wait_seconds"] is None
    assert "status_notes" not in stored
