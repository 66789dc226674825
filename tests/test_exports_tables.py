"""CSV and Excel exports: formula-like text comes back as text, numbers and dates keep
their type, the Excel file says what it covers."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from analytics.exports.tables import csv_bytes, excel_bytes, neutralised, readable_columns, sheet_name
from analytics.i18n import using_language

ATTACKS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
STAMP = ("Period: 1 Mar 2026 – 31 Mar 2026", "Filters: reason =cmd|' /C calc'!A0",
         "Data up to 31 Mar 2026 18:00 (last import 1 Apr 2026 07:00)", "Generated 2 Apr 2026 09:15")


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "reason": ATTACKS,
        "plain": ["Delivery", "Réturn – café", "a=b", "x-1", "", "ok"],
        "change": [-0.25, 1.5, -3.0, 0.0, 2.0, -7.125],
        "contacts": [-4, 5, 6, 7, 8, 9],
        "day": pd.to_datetime(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]),
    })


def test_neutralised_prefixes_only_dangerous_text(frame):
    out = neutralised(frame)
    assert list(out["reason"]) == ["'" + a for a in ATTACKS]
    assert list(out["plain"]) == list(frame["plain"])  # "=" or "-" inside a text is harmless
    assert out["change"].dtype.kind == "f" and out["change"].iloc[0] == -0.25
    assert out["contacts"].dtype.kind == "i" and out["contacts"].iloc[0] == -4
    assert list(frame["reason"]) == ATTACKS  # the input is not changed


def test_neutralised_mixed_column_and_headers():
    mixed = pd.DataFrame({"=evil": [-5, "-5", None, "@x"]}, dtype=object)
    out = neutralised(mixed)
    assert list(out.columns) == ["'=evil"]
    assert out.iloc[0, 0] == -5 and isinstance(out.iloc[0, 0], int)  # a number in a text column stays a number
    assert out.iloc[1, 0] == "'-5"
    assert out.iloc[2, 0] is None
    assert out.iloc[3, 0] == "'@x"


def test_csv_reads_back_as_text_and_numbers(frame):
    data = csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["reason", "plain", "change", "contacts", "day"]
    assert [r[0] for r in rows[1:]] == ["'" + a for a in ATTACKS]
    assert rows[2][1] == "Réturn – café"
    assert [float(r[2]) for r in rows[1:]] == list(frame["change"])
    assert rows[1][3] == "-4"  # a negative number is written as a number, not neutralised
    assert [r[4] for r in rows[1:3]] == ["2026-03-01", "2026-03-02"]
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["change"].dtype.kind == "f" and back["contacts"].sum() == frame["contacts"].sum()


def test_csv_keeps_time_of_day_when_there_is_one():
    moments = pd.DataFrame({"at": pd.to_datetime(["2026-03-01 08:30", "2026-03-01 00:00"]), "n": [1, 2]})
    rows = list(csv.reader(io.StringIO(csv_bytes(moments).decode("utf-8-sig"))))
    assert rows[1][0] == "2026-03-01 08:30:00" and rows[2][0] == "2026-03-01 00:00:00"


def test_excel_has_no_formula_and_keeps_types(frame):
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes(frame, sheet="Per day", stamp_lines=STAMP, title="Chart")))
    assert book.sheetnames == ["Per day", "About"]
    sheet = book["Per day"]
    cells = [cell for row in book["Per day"].iter_rows() for cell in row] + \
            [cell for row in book["About"].iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    # xlsx stores a carriage return as "_x000D_", which Excel shows as the character and openpyxl does not decode
    texts = [sheet.cell(row=r, column=1).value.replace("_x000D_", "\r") for r in range(2, 8)]
    assert texts == ["'" + a for a in ATTACKS]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 8))
    assert [sheet.cell(row=r, column=3).value for r in range(2, 8)] == list(frame["change"])
    assert sheet.cell(row=2, column=3).data_type == "n" and sheet.cell(row=2, column=4).value == -4
    first_day = sheet.cell(row=2, column=5)
    assert first_day.is_date and first_day.value.date() == date(2026, 3, 1)
    about = [row[0] for row in book["About"].iter_rows(values_only=True)]
    assert about[0] == "Chart"
    assert about[1:] == list(STAMP)  # the stamp line with "=" inside is text as it is (it does not start with "=")
    assert sheet.freeze_panes == "A2"


def test_excel_writes_index_when_it_carries_data():
    frame = pd.DataFrame({"contacts": [3, 4]}, index=pd.Index(["voice", "chat"], name="channel_group"))
    sheet = openpyxl.load_workbook(io.BytesIO(excel_bytes(frame, sheet="x", stamp_lines=()))).active
    assert [c.value for c in sheet[1]] == ["channel_group", "contacts"]
    assert [c.value for c in sheet[3]] == ["chat", 4]


def test_time_zones_are_dropped_for_excel():
    frame = pd.DataFrame({"at": pd.to_datetime(["2026-03-01 08:30"]).tz_localize("Europe/Amsterdam")})
    sheet = openpyxl.load_workbook(io.BytesIO(excel_bytes(frame, sheet="x", stamp_lines=()))).active
    assert sheet["A2"].value.hour == 8


def test_sheet_name_is_valid():
    assert sheet_name("Reasons / channels: [heat]map?") == "Reasons   channels   heat map"[:31]
    assert len(sheet_name("x" * 50)) == 31
    assert sheet_name("  ") == "Data"


def test_a_dutch_csv_uses_semicolons_and_decimal_commas():
    frame = pd.DataFrame({"reason": ["Delivery", "=1+1"], "ratio": [12.5, -0.25]})
    text = csv_bytes(frame, language="nl").decode("utf-8-sig")
    assert text.splitlines() == ["reason;ratio", "Delivery;12,5", "'=1+1;-0,25"]


def test_readable_columns_speak_the_language_and_round_each_kind():
    """A file heads its columns as the screen does and rounds each kind as the screen shows
    it, numbers still numbers; what only draws the chart (a colour) is left out."""
    data = pd.DataFrame({"actual": [1605.0, 12.0], "expected": [1251.4567, 14.2], "gap_pct": [0.28302, -0.1549],
                         "share_of_gap": [0.4949673, None], "cost": [7877.4, 75028.0], "colour": ["#123456", "#654321"],
                         "part": ["Delivery", "Returns"]},
                        index=pd.Index(pd.to_datetime(["2026-03-02", "2026-03-09"]), name="week"))
    with using_language("nl"):
        shown = readable_columns(data)
    assert list(shown.columns) == ["Week", "Werkelijk", "Verwacht", "Verschil %", "Aandeel in het verschil",
                                   "Kosten (€)", "Deel"]
    assert shown["Verwacht"].tolist() == [1251, 14]
    assert shown["Verschil %"].tolist() == [0.283, -0.155]
    assert shown.attrs["kinds"]["Kosten (€)"] == "money"
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes(shown, sheet="Data", stamp_lines=["x"])))
    formats = {cell.value: book["Data"].cell(row=2, column=cell.column).number_format for cell in book["Data"][1]}
    assert formats["Verschil %"] == "+0.0%;-0.0%;0.0%" and formats["Werkelijk"] == "#,##0"
    assert formats["Kosten (€)"] == "€ #,##0"


def test_a_small_ratio_keeps_in_a_file_what_the_screen_shows():
    """One contact per 77,647 orders: 0.013 per 1,000 on screen, so in the CSV and the Excel
    cell too, not 0.0; a usual ratio keeps its one decimal."""
    data = pd.DataFrame({"reason": ["Other", "Delivery"], "ratio": [1000 / 77_647, 12.3456]})
    shown = readable_columns(data)
    assert shown[shown.columns[1]].tolist() == [0.013, 12.3]
    text = csv_bytes(shown).decode("utf-8-sig")
    assert "0.013" in text and "12.3" in text
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes(shown, sheet="Data", stamp_lines=["x"])))
    sheet = book["Data"]
    cell = next(c for c in sheet[2] if isinstance(c.value, float))
    assert cell.value == 0.013 and cell.number_format == "0.0#####"
