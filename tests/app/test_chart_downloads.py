"""Chart downloads in AppTest: every chart on the Overview has its PNG, SVG, CSV and Excel
buttons; the files are made on a thread without the script's context, as Streamlit's server
does on a click, and still carry the page's filters, language and numbers."""

from __future__ import annotations

import csv
import io
import re
import threading
from datetime import date, datetime
from xml.etree import ElementTree

import duckdb
import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from analytics.overview import StoreFreshness
from ui.chart import ChartExport

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OVERVIEW_CHARTS = ("overview_daily", "overview_channel_groups")


@pytest.fixture(autouse=True)
def deferred(monkeypatch):
    """Every deferred download the runs register: file id -> (callable, file name). AppTest
    makes a new media file manager per run, so the registrations are caught on the way in."""
    registered: dict[str, tuple] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name, **kwargs)
        registered[file_id] = (data_callable, file_name)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return registered


def _click(at, deferred, key: str) -> tuple[str, bytes]:
    """The file name and the bytes a click on the download button ``key`` gives: the
    button's callable run on a thread of its own, as Streamlit's server runs it."""
    button = at.download_button(key=key)
    assert button.proto.deferred_file_id, f"{key} makes its file up front instead of on click"
    make, file_name = deferred[button.proto.deferred_file_id]
    made: dict[str, object] = {}
    worker = threading.Thread(target=lambda: made.setdefault("data", make()))
    worker.start()
    worker.join(timeout=120)
    return file_name, made["data"]


def _contacts_per_day(store, reason: str | None = None) -> dict[str, int]:
    """Contacts per day in the default period (the last 28 days), counted in the store."""
    conn = duckdb.connect(str(store))
    try:
        rows = conn.execute(
            "select strftime(cast(started_at as date), '%Y-%m-%d'), count(*) from contacts"
            " where started_at >= (select cast(max(started_at) as date) from contacts) - interval 27 day"
            " and ($reason is null or reason_l1 = $reason) group by 1", {"reason": reason}).fetchall()
    finally:
        conn.close()
    return dict(rows)


def test_every_overview_chart_has_its_four_downloads(app_on, demo_store, deferred):
    at = app_on(demo_store)
    assert not at.exception
    assert len(at.get("plotly_chart")) == len(OVERVIEW_CHARTS)
    today = f"{date.today():%Y%m%d}"
    for key in OVERVIEW_CHARTS:
        labels = [at.download_button(key=f"{key}_{ext}").label for ext in ("png", "svg", "csv", "xlsx")]
        assert labels == ["PNG image", "SVG image", "CSV data", "Excel data"]
        name, _ = _click(at, deferred, f"{key}_csv")
        assert name == f"{key.replace('_', '-')}-{today}.csv"
    assert len(at.download_button) == 4 * len(OVERVIEW_CHARTS)


def test_csv_holds_the_charted_numbers(app_on, demo_store, deferred):
    at = app_on(demo_store, query={"filter_reason": "Delivery"})
    _, data = _click(at, deferred, "overview_daily_csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["Day"]: int(r["Contacts"]) for r in rows} == _contacts_per_day(demo_store, "Delivery")


def test_excel_and_images_speak_the_page_language_and_name_the_filters(app_on, demo_store, deferred):
    at = app_on(demo_store, query={"filter_reason": "Delivery", "lang": "nl"})
    assert not at.exception
    assert at.download_button(key="overview_daily_xlsx").label == "Excel-gegevens"

    name, data = _click(at, deferred, "overview_daily_xlsx")
    assert name.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    about_sheet = book.sheetnames[1]
    assert about_sheet == "Over deze export"
    about = [row[0] for row in book[about_sheet].iter_rows(values_only=True)]
    period, filters, freshness, generated = about[1:]
    assert re.fullmatch(r"Periode: \d\d-\d\d-\d{4} – \d\d-\d\d-\d{4}", period)  # Dutch dates, not the English default
    assert filters == "Filters: contactreden Delivery"
    assert freshness.startswith("Gegevens tot ") and generated.startswith("Gemaakt op ")
    sheet = book[book.sheetnames[0]]
    assert [cell.value for cell in sheet[1]][:2] == ["Dag", "Contacten"]  # the page's words, not the data's
    assert sheet["A2"].number_format == "yyyy-mm-dd"  # a day, without 00:00
    per_day = {row[0].strftime("%Y-%m-%d"): row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert per_day == _contacts_per_day(demo_store, "Delivery")

    _, dutch_csv = _click(at, deferred, "overview_daily_csv")  # as a Dutch Excel opens it
    rows = list(csv.DictReader(io.StringIO(dutch_csv.decode("utf-8-sig")), delimiter=";"))
    assert {r["Dag"]: int(r["Contacten"]) for r in rows} == _contacts_per_day(demo_store, "Delivery")

    _, png = _click(at, deferred, "overview_daily_png")
    assert png.startswith(PNG_SIGNATURE)
    _, svg = _click(at, deferred, "overview_channel_groups_svg")
    text = " ".join(ElementTree.fromstring(svg).itertext())
    assert "contactreden Delivery" in text and "Gemaakt op" in text


def test_a_chart_outside_the_sidebar_filters_names_no_period():
    """A pilot's chart ignores the sidebar: its stamp has freshness and time, no period."""
    freshness = StoreFreshness(contacts=10, first_contact_at=datetime(2026, 1, 1),
                               last_contact_at=datetime(2026, 3, 13, 18), last_import_at=None, data_changed_at=None)
    export = ChartExport(figure=go.Figure(), data=pd.DataFrame({"x": [1]}), name="pilots-kpis", title="KPI",
                         scope=None, freshness=freshness, language="nl", day=date(2026, 3, 14))
    assert export.file_name("png") == "pilots-kpis-20260314.png"
    assert export.stamp(datetime(2026, 3, 14, 9, 5)) == ("Gegevens tot 13-03-2026 18:00 (laatste import nooit)",
                                                         "Gemaakt op 14-03-2026 09:05")
