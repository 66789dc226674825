"""The Weekly report and the Data page's Health section in headless Chromium: they finish
without an exception box, an action can be added, edited in the table and deleted (with
confirmation) through the page, and screenshots land in test-artifacts/screenshots."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (assert_no_exception, edit_grid_cell, metric_value, open_page, screenshot,
                                    wait_for_app)

pytestmark = pytest.mark.browser


def test_weekly_in_browser(page, page_timings, demo_server):
    page_timings["weekly"] = open_page(page, f"{demo_server.url}/weekly", charts=1)
    assert_no_exception(page)
    expect(page.get_by_role("heading", name="Weekly report")).to_have_count(1)
    expect(page.locator("text=/Week \\d+: [\\d,]+ contacts/")).to_have_count(1)
    assert int(metric_value(page, "Contacts").replace(",", "")) > 0
    screenshot(page, "weekly-demo")
    page.get_by_role("heading", name="Per reason", exact=True).scroll_into_view_if_needed()
    screenshot(page, "weekly-demo-table")
    page_timings["weekly-level-3"] = open_page(page, f"{demo_server.url}/weekly?weekly_level=3", charts=1)
    assert_no_exception(page)
    screenshot(page, "weekly-demo-level-3")


def test_add_and_delete_an_action_in_browser(page, demo_server):
    open_page(page, f"{demo_server.url}/weekly", charts=1)
    before = int(metric_value(page, "Open actions"))
    page.get_by_label("What will be done").fill("Ask the carrier for a delivery window e-mail")
    page.get_by_label("Note").fill("agreed in the weekly meeting")
    page.get_by_role("button", name="Add action").click()
    page.get_by_text("Action added.").wait_for(timeout=60_000)
    wait_for_app(page, charts=1)
    assert_no_exception(page)
    assert int(metric_value(page, "Open actions")) == before + 1
    chosen = page.locator('[data-testid="stForm"]').filter(has_text="Delete an action").locator('[data-testid="stSelectbox"]')
    assert "Defect: Ask the carrier" in chosen.locator("input").input_value()
    page.get_by_role("heading", name="Actions", exact=True).scroll_into_view_if_needed()
    screenshot(page, "weekly-demo-with-action")

    # change the action's text in the table (the grid is a canvas: select the cell, open its editor, replace, Enter)
    edit_grid_cell(page, page.locator('[data-testid="stDataFrame"]').last, 260, 52,  # the action's cell
                   "Carrier to send a delivery window e-mail")
    page.get_by_text("Saved.").wait_for(timeout=60_000)  # saved on leaving the cell
    wait_for_app(page, charts=1)
    chosen = page.locator('[data-testid="stForm"]').filter(has_text="Delete an action").locator('[data-testid="stSelectbox"]')
    assert "Defect: Carrier to send a delivery window e-mail" in chosen.locator("input").input_value()

    delete_box = page.locator('[data-testid="stForm"]').filter(has_text="Delete an action")
    delete_box.get_by_role("button", name="Delete").click()  # not confirmed: nothing happens
    page.get_by_text("Tick the box to confirm the deletion.").wait_for(timeout=60_000)
    assert int(metric_value(page, "Open actions")) == before + 1
    delete_box = page.locator('[data-testid="stForm"]').filter(has_text="Delete an action")
    delete_box.get_by_text("Yes, delete this action").click()
    delete_box.get_by_role("button", name="Delete").click()
    page.get_by_text("Action deleted.").wait_for(timeout=60_000)
    wait_for_app(page, charts=1)
    assert_no_exception(page)
    assert int(metric_value(page, "Open actions")) == before


def test_weekly_on_sf311_in_browser(page, page_timings, sf311_server):
    page_timings["weekly-sf311"] = open_page(page, f"{sf311_server.url}/weekly", charts=1)
    assert_no_exception(page)
    assert page.get_by_text(re.compile("no drivers")).count() >= 1
    screenshot(page, "weekly-sf311")


def test_health_on_sf311_in_browser(page, page_timings, sf311_server):
    page_timings["data-Health-sf311"] = open_page(page, f"{sf311_server.url}/data?data_section=Health", charts=1)
    assert_no_exception(page)
    expect(page.locator("text=/\\d+ findings: \\d+ high/")).to_have_count(1)
    screenshot(page, "data-Health-sf311")
    page.get_by_text("Share of “Other” and first-level-only contacts per month").scroll_into_view_if_needed()
    screenshot(page, "data-Health-sf311-trend")
