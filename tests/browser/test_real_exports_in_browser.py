"""The Overview and Volume trends of each real export's store in Chromium, as a manager would
open them after importing it: no error box, the contacts of the default period, a chart, and
a screenshot per export (``test-artifacts/screenshots/real-<export>-*.png``)."""

from __future__ import annotations

from datetime import timedelta

import duckdb
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AppServer, assert_no_exception, metric_value, open_page, screenshot
from tests.test_real_exports import real_export_store

pytestmark = pytest.mark.browser
STORES = ("sf311", "nyc311", "boston311", "anonbank", "twitter")


@pytest.mark.parametrize("name", STORES)
def test_a_real_exports_overview_and_trends(page, tmp_path, name):
    store = real_export_store(name, tmp_path)
    conn = duckdb.connect(str(store), read_only=True)
    last = conn.execute("select max(started_at)::date from contacts").fetchall()[0][0]
    period = conn.execute("select count(*) from contacts where started_at::date between $f and $l",
                          {"f": last - timedelta(days=27), "l": last}).fetchall()[0][0]
    conn.close()
    server = AppServer(store)
    try:
        open_page(page, server.url, charts=1, height=1600)
        assert_no_exception(page)
        assert metric_value(page, "Contacts").replace(",", "") == str(period)
        screenshot(page, f"real-{name}-overview")
        open_page(page, f"{server.url}/trends?trends_grain=Week", height=1600)
        assert_no_exception(page)
        expect(page.locator('[data-testid="stPlotlyChart"], [data-testid="stAlert"]').first).to_be_visible()
        screenshot(page, f"real-{name}-trends")
    finally:
        server.stop()
