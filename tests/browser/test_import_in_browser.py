"""A manager's first visit: an empty store shows the welcome; a Dutch export uploaded on
the Data page imports with the right counts and the Overview then shows it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from analytics.store import open_store
from tests.browser.conftest import AppServer, screenshot, wait_for_app
from tests.support.exports import comcast_like
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


def test_a_complaint_export_needs_only_its_reason_chosen_on_the_page(page, empty_server, tmp_path):
    """Free text beside the ids is not taken for a customer; the date is joined with its time
    column and read with its two-digit year; the one thing missing, the reason, is given one
    value for the whole file on the page, and the message before that names the page's controls."""
    export = comcast_like(tmp_path)
    page.goto(f"{empty_server.url}/data")
    wait_for_app(page)
    page.locator('input[type="file"]').set_input_files(str(export))
    page.get_by_text("Which column holds what", exact=True).wait_for(timeout=60_000)
    wait_for_app(page)
    # the refusal speaks of this panel, not of command-line flags
    expect(page.get_by_text('Choose the column that holds Contact reason under "Which column holds what"')).to_be_visible()
    expect(page.get_by_text("--map")).to_have_count(0)
    field = page.get_by_label("Contact reason (required)")
    field.click()
    page.get_by_role("option", name="One value for the whole file…").click()
    wait_for_app(page)
    page.get_by_placeholder("Value for every row of Contact reason").fill("Not coded")
    page.keyboard.press("Enter")
    page.get_by_text("First rows as they will be stored").wait_for(timeout=60_000)
    wait_for_app(page)
    expect(page.get_by_text("Dates read as: 01-04-15 1:00:50 PM → 1 April 2015 13:00:50")).to_have_count(1)
    page.set_viewport_size({"width": 1400, "height": 3200})
    screenshot(page, "import-complaints-reason-set")
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_text("60 rows read, 60 added, 0 already there, 0 rejected", exact=False).wait_for(timeout=60_000)
    empty_server.stop()  # the server holds the store; it is read once it has let go
    conn = open_store(tmp_path / "empty.duckdb", read_only=True)
    try:
        assert conn.execute("select count(*), min(year(started_at)), count(distinct customer_id), "
                            "min(reason_l1) from contacts").fetchall() == [(60, 2015, 0, "Not coded")]
    finally:
        conn.close()
