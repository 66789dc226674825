"""A manager's first visit: an empty store shows the welcome; a Dutch export uploaded on
the Data page imports with the right counts and the Overview then shows it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from analytics.store import open_store
from tests.browser.conftest import AppServer, screenshot, wait_for_app
from tests.support.stores import ROOT

pytestmark = pytest.mark.browser
EXPORT = ROOT / "tests" / "data" / "dutch_crm_export.csv"


@pytest.fixture
def empty_server(tmp_path):
    store = tmp_path / "empty.duckdb"
    open_store(store).close()
    server = AppServer(store)
    yield server
    server.stop()


def test_welcome_then_upload_then_overview(page, empty_server):
    page.goto(empty_server.url)
    wait_for_app(page)
    expect(page.get_by_text("Welcome to the contact-reduction dashboard")).to_have_count(1)
    expect(page.get_by_role("button", name="Load the demo data (a web shop, three years)")).to_have_count(1)
    screenshot(page, "welcome-empty-store")

    page.goto(f"{empty_server.url}/data")
    wait_for_app(page)
    page.locator('input[type="file"]').set_input_files(str(EXPORT))
    page.get_by_text("First rows as they will be stored").wait_for(timeout=60_000)
    wait_for_app(page)
    expect(page.get_by_text("Read as text separated by semicolons, Windows-1252, decimal comma.")).to_have_count(1)
    expect(page.get_by_text("Dates read as: 02-02-2025 09:01 → 2 February 2025 09:01")).to_have_count(1)
    page.set_viewport_size({"width": 1400, "height": 3200})  # the whole panel in one screenshot
    screenshot(page, "import-mapping-preview")
    page.set_viewport_size({"width": 1400, "height": 1000})

    page.get_by_role("button", name="Import", exact=True).click()
    done = page.get_by_text("243 rows read, 240 added, 1 already there, 2 rejected", exact=False)
    done.wait_for(timeout=60_000)
    wait_for_app(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    screenshot(page, "import-done")

    page.goto(empty_server.url)
    wait_for_app(page, charts=2)
    expect(page.get_by_text("Welcome to the contact-reduction dashboard")).to_have_count(0)
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text().strip() != ""
    screenshot(page, "overview-after-import")
