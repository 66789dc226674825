"""Every page in headless Chromium: it finishes, shows no exception box, shows its key
number, and leaves a screenshot under test-artifacts/screenshots."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AppServer, assert_no_exception, open_page, screenshot
from tests.support.stores import build_sf311_store

pytestmark = pytest.mark.browser


def test_sidebar_lists_each_page_once(page, demo_server):
    open_page(page, demo_server.url)
    links = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
    labels = [label.strip().split("\n")[-1] for label in links]  # drop the icon ligature
    assert labels.count("Overview") == 1
    assert labels.count("Data") == 1
    assert labels.count("Volume trends") == 1
    assert len(labels) == len(set(labels))


def test_overview_in_browser(page, page_timings, demo_server):
    page_timings["overview"] = open_page(page, f"{demo_server.url}/", charts=2)
    assert_no_exception(page)
    metric = page.locator('[data-testid="stMetric"]').first
    assert "Contacts" in metric.inner_text()
    value = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert int(value.replace(",", "")) > 0
    assert page.locator(".js-plotly-plot").count() >= 2
    screenshot(page, "overview-demo")


def test_data_page_in_browser(page, page_timings, demo_server):
    for section in ["Import", "History", "Reasons", "Channels", "Drivers", "Events", "Health"]:
        elapsed = open_page(page, f"{demo_server.url}/data?data_section={section}", charts=int(section in ("Drivers", "Health")))
        page_timings[f"data-{section}"] = elapsed
        assert_no_exception(page)
        expect(page.get_by_role("heading", name="Data")).to_have_count(1)
        screenshot(page, f"data-{section}-demo")


def test_shared_link_reproduces_the_filter(page, demo_server):
    open_page(page, f"{demo_server.url}/", charts=2)
    total = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    open_page(page, f"{demo_server.url}/?filter_channel={quote('voice (group)')}", charts=2)
    assert_no_exception(page)
    voice = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert int(voice.replace(",", "")) < int(total.replace(",", ""))
    channel_box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1)
    shown = channel_box.locator("input").input_value() or channel_box.inner_text()
    assert "voice (group)" in shown


def test_overview_on_sf311_in_browser(page, page_timings, sf311_server):
    page_timings["overview-sf311"] = open_page(page, f"{sf311_server.url}/", charts=2)
    assert_no_exception(page)
    assert "Contacts" in page.locator('[data-testid="stMetric"]').first.inner_text()
    screenshot(page, "overview-sf311")


def test_trends_in_browser(page, page_timings, demo_server):
    page_timings["trends"] = open_page(page, f"{demo_server.url}/trends", charts=1)
    assert_no_exception(page)
    assert page.get_by_text("95% band").count() >= 1
    expect(page.locator("text=/Week \\d+: [\\d,]+ contacts/")).to_have_count(1)
    screenshot(page, "trends-demo")
    page_timings["trends-week"] = open_page(page, f"{demo_server.url}/trends?trends_grain=Week", charts=1)
    assert_no_exception(page)
    screenshot(page, "trends-demo-week")


def test_trends_on_sf311_in_browser(page, page_timings, sf311_server):
    page_timings["trends-sf311"] = open_page(page, f"{sf311_server.url}/trends?trends_grain=Week", charts=1)
    assert_no_exception(page)
    screenshot(page, "trends-sf311")


def test_deep_link_on_a_fresh_server_runs_the_frame(page, tmp_path):
    """The first visit of a new server goes straight to /trends: the sidebar filters and
    the page's chart must be there (a pages/ folder must not switch on the old mode)."""
    server = AppServer(build_sf311_store(tmp_path / "deep-link.duckdb"))
    try:
        open_page(page, f"{server.url}/trends", charts=1)
        assert_no_exception(page)
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        assert "Filters" in sidebar and "Volume trends" in sidebar
    finally:
        server.stop()
