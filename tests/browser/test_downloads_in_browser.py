"""Chart downloads in headless Chromium: open a chart's Download menu, click PNG and Excel,
and read the files the browser saved."""

from __future__ import annotations

import io
import struct

import openpyxl
import pytest

from tests.browser.conftest import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _download(page, popover, label: str, tmp_path):
    """Click ``label`` in the Download menu ``popover``; the saved file's name and bytes."""
    popover.locator("button").first.click()
    button = page.locator('[data-testid="stDownloadButton"]').filter(has_text=label).first
    button.wait_for(state="visible")
    with page.expect_download(timeout=60_000) as caught:
        button.click()
    download = caught.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    page.keyboard.press("Escape")  # close the menu
    return download.suggested_filename, target.read_bytes()


def test_png_and_excel_downloads_of_an_overview_chart(page, demo_server, tmp_path):
    open_page(page, f"{demo_server.url}/?filter_reason=Delivery", charts=2, height=1600)
    assert_no_exception(page)
    menus = page.locator('[data-testid="stPopover"]')
    assert menus.count() == 2  # one Download menu per chart

    menus.first.locator("button").first.click()
    page.locator('[data-testid="stDownloadButton"]').filter(has_text="Excel data").first.wait_for(state="visible")
    screenshot(page, "overview-download-menu")
    page.keyboard.press("Escape")

    name, png = _download(page, menus.first, "PNG image", tmp_path)
    assert name.startswith("overview-daily-") and name.endswith(".png")
    assert png.startswith(PNG_SIGNATURE)
    assert struct.unpack(">II", png[16:24]) == (2560, 1440)
    assert_no_exception(page)

    name, xlsx = _download(page, menus.first, "Excel data", tmp_path)
    assert name.startswith("overview-daily-") and name.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    about = [row[0] for row in book["About"].iter_rows(values_only=True)]
    assert about[0] == "Contacts per day"
    assert "Filters: reason Delivery" in about
    data = book[book.sheetnames[0]]
    assert [c.value for c in data[1]] == ["Day", "Contacts"]  # the page's words
    assert data.max_row == 29  # the header and the 28 days of the default period
    assert_no_exception(page)
