"""Every page in headless Chromium: it finishes, shows no exception box, shows its key
number, and leaves a screenshot under test-artifacts/screenshots."""

from __future__ import annotations

import json
import time
from urllib.parse import quote

import pytest

from tests.browser.conftest import ARTIFACTS, screenshot, wait_for_app

pytestmark = pytest.mark.browser
TIMINGS = {}


def _open(page, url: str) -> float:
    started = time.monotonic()
    page.goto(url)
    wait_for_app(page)
    return time.monotonic() - started


def _no_exception(page):
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator('[data-testid="stException"]').first.inner_text()


def test_sidebar_lists_each_page_once(page, demo_server):
    _open(page, demo_server.url)
    links = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
    labels = [label.strip() for label in links]
    assert labels.count("Overview") == 1
    assert labels.count("Data") == 1
    assert len(labels) == len(set(labels))


def test_overview_in_browser(page, demo_server):
    TIMINGS["overview"] = _open(page, f"{demo_server.url}/overview")
    _no_exception(page)
    metric = page.locator('[data-testid="stMetric"]').first
    assert "Contacts" in metric.inner_text()
    value = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert int(value.replace(",", "")) > 0
    assert page.locator(".js-plotly-plot").count() >= 2
    screenshot(page, "overview-demo")


def test_data_page_in_browser(page, demo_server):
    for section in ["Import", "History", "Reasons", "Channels", "Drivers", "Events"]:
        elapsed = _open(page, f"{demo_server.url}/data?data_section={section}")
        TIMINGS[f"data-{section}"] = elapsed
        _no_exception(page)
        assert page.get_by_role("heading", name="Data").count() == 1
        screenshot(page, f"data-{section}-demo")


def test_shared_link_reproduces_the_filter(page, demo_server):
    _open(page, f"{demo_server.url}/overview")
    total = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    _open(page, f"{demo_server.url}/overview?filter_channel={quote("voice (group)")}")
    _no_exception(page)
    voice = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert int(voice.replace(",", "")) < int(total.replace(",", ""))
    assert "voice" in page.locator('[data-testid="stSidebar"]').inner_text()


def test_overview_on_sf311_in_browser(page, sf311_server):
    TIMINGS["overview-sf311"] = _open(page, f"{sf311_server.url}/overview")
    _no_exception(page)
    assert "Contacts" in page.locator('[data-testid="stMetric"]').first.inner_text()
    screenshot(page, "overview-sf311")


def test_zz_write_timings():
    """Page-load seconds (navigation to last chart drawn), for the record."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "page-load-seconds.json").write_text(json.dumps(TIMINGS, indent=2))
    assert TIMINGS, "no page was timed"
