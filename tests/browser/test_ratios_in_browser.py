"""The Contact ratios page in headless Chromium, each view on the demo and the no-driver
explanation on SF311: no exception box, the key content drawn, a screenshot each."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import quote

import pandas as pd
import pytest
from playwright.sync_api import expect

from analytics.aggregates import refresh_contact_days
from analytics.store import open_store
from tests.browser.conftest import AppServer, assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.browser


def test_ratio_over_time_in_browser(page, page_timings, demo_server):
    page_timings["ratios"] = open_page(page, f"{demo_server.url}/ratios", charts=1, height=2400)
    assert_no_exception(page)
    metric = page.locator('[data-testid="stMetric"]').first.inner_text()
    assert "Contacts per 1,000 orders" in metric
    assert page.get_by_text("95% band").count() >= 1
    screenshot(page, "ratios-demo")
    page_timings["ratios-week"] = open_page(page, f"{demo_server.url}/ratios?ratios_grain=Week", charts=1, height=2400)
    assert_no_exception(page)
    expect(page.get_by_text("summed per week")).to_have_count(1)
    screenshot(page, "ratios-demo-week")
    page_timings["ratios-product"] = open_page(
        page, f"{demo_server.url}/ratios?ratios_scope={quote('product: Fashion')}&ratios_grain=Week", charts=1,
        height=2400)
    assert_no_exception(page)
    expect(page.get_by_text("Only contacts about product Fashion")).to_have_count(1)
    screenshot(page, "ratios-demo-fashion")


def test_ratio_breakdown_in_browser(page, page_timings, demo_server):
    page_timings["ratios-breakdown"] = open_page(
        page, f"{demo_server.url}/ratios?ratios_view=Breakdown&ratios_breakdown=Product", charts=1, height=2400)
    assert_no_exception(page)
    expect(page.get_by_text("divided by its own orders")).to_have_count(1)
    screenshot(page, "ratios-demo-breakdown")


def test_start_small_in_browser(page, page_timings, demo_server):
    page_timings["ratios-start-small"] = open_page(page, f"{demo_server.url}/ratios?ratios_view={quote('Start small')}",
                                                   charts=1, height=2400)
    assert_no_exception(page)
    expect(page.get_by_text("Start-small candidates")).to_have_count(1)
    assert page.get_by_text("Start small: low volume, high ratio").count() >= 1
    screenshot(page, "ratios-demo-start-small")


def test_value_of_contacts_in_browser(page, page_timings, demo_server):
    page_timings["ratios-value"] = open_page(page, f"{demo_server.url}/ratios?ratios_view=Value", charts=1, height=2400)
    assert_no_exception(page)
    expect(page.get_by_text("Classify reasons on the Data page")).to_have_count(1)
    screenshot(page, "ratios-demo-value")


def test_ratios_on_sf311_in_browser(page, page_timings, sf311_server):
    page_timings["ratios-sf311"] = open_page(page, f"{sf311_server.url}/ratios", height=2400)
    assert_no_exception(page)
    expect(page.get_by_text("No driver in the store yet")).to_have_count(1)
    assert "import drivers" in page.locator('[data-testid="stCode"]').first.inner_text()
    screenshot(page, "ratios-sf311")
    open_page(page, f"{sf311_server.url}/ratios?ratios_view=Value", charts=1, height=2400)
    assert_no_exception(page)
    screenshot(page, "ratios-sf311-value")


def _store_with_driver_gaps(path):
    """120 days of contacts (30 on weekdays, 12 at weekends) and daily orders (1,000),
    with the orders of two days in the last four weeks missing and one zero."""
    conn = open_store(path)
    first = date(2025, 1, 6)
    rows = []
    for i in range(120):
        day = first + timedelta(days=i)
        for k in range(12 if day.weekday() >= 5 else 30):
            rows.append((f"c{i}-{k}", datetime.combine(day, datetime.min.time()) + timedelta(hours=8 + k % 10),
                         "Phone", "Delivery" if k % 3 else "Returns"))
    cur = conn.cursor()
    cur.register("rows", pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1"]))
    cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1) select * from rows")
    refresh_contact_days(cur)  # the daily aggregates, as an import keeps them
    values = {first + timedelta(days=i): 1000.0 for i in range(120)}
    del values[first + timedelta(days=100)], values[first + timedelta(days=101)]
    values[first + timedelta(days=110)] = 0.0
    cur.executemany("insert into drivers (day, driver, value) values (?, 'orders', ?)", list(values.items()))
    cur.close()
    conn.close()
    return path


def test_missing_driver_days_are_breaks_in_the_line(page, tmp_path):
    server = AppServer(_store_with_driver_gaps(tmp_path / "gaps.duckdb"))
    try:
        open_page(page, f"{server.url}/ratios", charts=1, height=2400)
        assert_no_exception(page)
        expect(page.get_by_text("3 of 28 periods have no orders value")).to_have_count(1)
        screenshot(page, "ratios-driver-gaps")
    finally:
        server.stop()
