"""The Reasons & channels page in headless Chromium, every section, on the demo and on
SF311: it finishes, shows no exception box, shows its key content, and leaves
screenshots under test-artifacts/screenshots."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (assert_no_exception, choose_option, metric_value, open_page, screenshot,
                                    wait_for_app)

pytestmark = pytest.mark.browser


def test_reasons_sections_on_demo(page, page_timings, demo_server):
    page_timings["reasons"] = open_page(page, f"{demo_server.url}/reasons", charts=1, height=2400)
    assert_no_exception(page)
    expect(page.get_by_role("heading", name="Reason tree")).to_have_count(1)
    expect(page.locator(".js-plotly-plot .treemap")).to_have_count(1)
    expect(page.get_by_role("heading", name="Reasons at level 1")).to_have_count(1)
    screenshot(page, "reasons-tree-demo")

    page_timings["reasons-pareto"] = open_page(page, f"{demo_server.url}/reasons?reasons_section=Pareto", charts=2, height=2400)
    assert_no_exception(page)
    expect(page.locator("text=/\\d+ of \\d+ reasons/")).to_have_count(1)
    screenshot(page, "reasons-pareto-demo")

    page_timings["reasons-channels"] = open_page(page, f"{demo_server.url}/reasons?reasons_section=Channels"
                                                   f"&reasons_hours_channel=Phone", charts=3, height=2400)
    assert_no_exception(page)
    assert page.get_by_role("heading", name="Contacts by hour and weekday").count() == 1
    assert page.get_by_text("Monday").count() >= 1
    screenshot(page, "reasons-channels-demo")

    page_timings["reasons-journeys"] = open_page(page, f"{demo_server.url}/reasons?reasons_section=Journeys&reasons_level=2",
                                                 charts=2, height=2400)
    assert_no_exception(page)
    value = metric_value(page, "Contact again within")
    assert 0 < float(value.rstrip("%")) < 100
    screenshot(page, "reasons-journeys-demo")

    page_timings["reasons-texts"] = open_page(page, f"{demo_server.url}/reasons?reasons_section=Texts"
                                                f"&reasons_text_words=QR", charts=0, height=1600)
    assert_no_exception(page)
    expect(page.get_by_role("heading", name="What customers wrote")).to_have_count(1)
    expect(page.locator("text=/[\\d,]+ of the [\\d,]+ contacts with a text in these filters contain/")).to_have_count(1)
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(1)
    screenshot(page, "reasons-texts-demo")


def test_reasons_drill_down_from_the_filter(page, demo_server):
    open_page(page, f"{demo_server.url}/reasons?filter_reason={quote('Delivery')}", charts=1, height=2400)
    assert_no_exception(page)
    expect(page.get_by_role("heading", name="Reasons at level 2")).to_have_count(1)
    table = page.locator('[data-testid="stDataFrame"]').first
    expect(table).to_be_visible()
    screenshot(page, "reasons-tree-delivery-demo")


def test_reasons_on_sf311(page, page_timings, sf311_server):
    page_timings["reasons-sf311"] = open_page(page, f"{sf311_server.url}/reasons?reasons_level=2", charts=1, height=2400)
    assert_no_exception(page)
    expect(page.get_by_text("Not recorded in this data")).to_have_count(1)
    screenshot(page, "reasons-tree-sf311")
    open_page(page, f"{sf311_server.url}/reasons?reasons_section=Channels", charts=3, height=2400)
    assert_no_exception(page)
    screenshot(page, "reasons-channels-sf311")
    open_page(page, f"{sf311_server.url}/reasons?reasons_section=Journeys", height=2400)
    assert_no_exception(page)
    expect(page.get_by_text("need a customer id")).to_have_count(1)
    screenshot(page, "reasons-journeys-sf311")


def test_changing_the_reason_filter_re_roots_the_page(page, page_timings, demo_server):
    """Level 2 picked, then a second-level reason chosen in the sidebar: the level falls
    back to 3 (the only one below the new root) without an error."""
    open_page(page, f"{demo_server.url}/reasons?reasons_level=2", charts=1, height=2400)
    expect(page.get_by_role("heading", name="Reasons at level 2")).to_have_count(1)
    reason_box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(0)
    choose_option(page, reason_box, "Delivery > Late")
    started = time.monotonic()
    page.get_by_role("heading", name="Reasons at level 3").wait_for(timeout=30_000)
    wait_for_app(page, charts=1)
    page_timings["reasons-filter-change"] = time.monotonic() - started
    assert_no_exception(page)
    treemap = page.locator(".js-plotly-plot").first.text_content()
    assert "Carrier delay" in treemap and "Parcel lost" not in treemap  # Late's children only
    screenshot(page, "reasons-tree-delivery-late-demo")
