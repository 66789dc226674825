"""Reasons & channels → Reasons from texts in headless Chromium, on a small demo store and on
the same contacts without reason codes: the section first shows the learning's progress,
then fills in by itself (no click, no reload) with the figures, the suggestions and the
rising candidates' chart; the store without codes gets a proposed tree, which an editor
renames and adopts. Screenshots under test-artifacts/screenshots."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (AppServer, assert_no_exception, edit_grid_cell, open_page, screenshot,
                                    wait_for_app)
from tests.support.stores import run_cli, uncode

pytestmark = pytest.mark.browser

SECTION = f"/reasons?reasons_section={quote('Reasons from texts')}"
LEARNING_MS = 180_000  # the background job on two busy cores, with room to spare


@pytest.fixture(scope="module")
def text_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser-from-texts") / "contacts.duckdb"
    run_cli("demo", "--db", str(path), "--days", "120", "--contacts-per-day", "150", "--seed", "7",
            "--end", "2026-06-30")
    return path


@pytest.fixture(scope="module")
def text_server(text_store):
    server = AppServer(text_store)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def uncoded_server(text_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("browser-uncoded") / "contacts.duckdb"
    shutil.copy(text_store, path)
    uncode(path)
    server = AppServer(path)
    yield server
    server.stop()


def test_the_section_shows_progress_then_fills_in_by_itself(page, text_server):
    open_page(page, text_server.url + SECTION, height=3200)
    assert_no_exception(page)
    expect(page.locator('[data-testid="stProgress"]')).to_have_count(1)
    screenshot(page, "reasons-from-texts-learning")
    expect(page.get_by_role("heading", name="How good the suggestions are")).to_be_visible(timeout=LEARNING_MS)
    wait_for_app(page, charts=1)
    assert_no_exception(page)
    expect(page.locator('[data-testid="stProgress"]')).to_have_count(0)
    expect(page.locator('[data-testid="stMetric"]').filter(has_text="Right first time")).to_have_count(1)
    expect(page.locator("text=/[\\d,]+ of the [\\d,]+ contacts with a text under “Other”/")).to_have_count(1)
    expect(page.get_by_role("heading", name="Candidate new reasons")).to_have_count(1)
    screenshot(page, "reasons-from-texts-demo")


def test_a_store_without_reason_codes_shows_a_proposed_tree(page, uncoded_server):
    open_page(page, uncoded_server.url + SECTION, height=3200)
    assert_no_exception(page)
    expect(page.get_by_role("heading", name="A reason tree proposed from the texts")).to_be_visible(
        timeout=LEARNING_MS)
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(0)
    screenshot(page, "reasons-from-texts-tree")


def test_an_editor_renames_an_option_and_adopts_the_tree(page, uncoded_server):
    """The first option renamed in the naming table (keyboard, as a user edits a cell) and the
    second, one of its options, moved under a new first-level option by typing its path; then
    "Adopt this tree": the confirmation says how many contacts moved, and the store holds
    the new names, which the reason tree of Reasons & channels then shows."""
    open_page(page, uncoded_server.url + SECTION, height=4200)
    expect(page.get_by_role("heading", name="Adjust and adopt the tree")).to_be_visible(timeout=LEARNING_MS)
    wait_for_app(page)
    grid = page.locator('[data-testid="stDataFrame"]').nth(1)  # the tree, then the naming table
    expect(grid).to_contain_text("New name")
    edit_grid_cell(page, grid, 540, 35 + 17, "Bezorging en pakketten")  # "New name" of the first row
    wait_for_app(page)  # the edit reached the server and its rerun ended
    # The second row, an option under the first, moved under a new first-level option.
    edit_grid_cell(page, grid, 540, 35 + 35 + 17, "Account > Inloggen")
    wait_for_app(page)
    page.get_by_role("button", name="Adopt this tree").click()
    expect(page.get_by_text("Adopted:")).to_be_visible(timeout=120_000)
    wait_for_app(page)
    assert_no_exception(page)
    screenshot(page, "reasons-from-texts-tree-adopted")

    # The reason tree of Reasons & channels now has the new name.
    open_page(page, f"{uncoded_server.url}/reasons", charts=1, height=2400)
    assert_no_exception(page)
    drawn = page.locator(".js-plotly-plot").first.text_content()
    assert "Bezorging en pakketten" in drawn and "Account" in drawn
    assert "Inloggen" in drawn  # the moved option, under "Account" (the proposal's names are lower case)
    screenshot(page, "reasons-after-tree-adopted")
