"""Reviewing suggested reasons in headless Chromium, on a demo store of its own (the review
changes the data): an editor waits for the suggestions learned from the texts, picks the
suggested reason of the demo's hidden problem (QR-code return labels filed under "Other"),
reads a sample of the texts, accepts those from 80% confidence, sees the Reasons & channels
counts with the accepted suggestions, flips the sidebar switch to "as recorded" (the link
carries it) and sees the original counts. The numbers are checked against the store once the
server has stopped."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import pytest
from playwright.sync_api import expect

from analytics.overview import default_period, store_freshness
from analytics.store import open_store
from analytics.text_reasons import review
from tests.browser.conftest import AppServer, assert_no_exception, open_page, screenshot, wait_for_app
from tests.support.stores import build_demo_store

pytestmark = pytest.mark.browser

REASON = "Returns > Label > Does not work"
LEARNING_MS = 300_000  # learning from the demo's texts: about a minute on two busy cores


def _other_in_default_period(path) -> tuple[int, datetime, datetime]:
    """"Other" contacts in the sidebar's default period (the last 28 days), and that period."""
    conn = open_store(path)
    try:
        first, last = default_period(store_freshness(conn))
        start, end = datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)
        other = conn.execute("select count(*) from contacts where reason_l1 = 'Other'"
                             " and started_at >= $start and started_at < $end", {"start": start, "end": end}
                             ).fetchall()[0][0]
        return int(other), start, end
    finally:
        conn.close()


def _filtered_total(page) -> int:
    """The number in "Share of the 1,234 filtered contacts" under the reasons table."""
    caption = page.locator("text=/Share of the [\\d,]+ filtered contacts/").first
    expect(caption).to_be_visible()
    return int(re.search(r"Share of the ([\d,]+) filtered", caption.inner_text()).group(1).replace(",", ""))


def test_an_editor_accepts_suggestions_and_every_page_can_show_the_reasons_as_recorded(page, tmp_path):
    store = build_demo_store(tmp_path / "contacts.duckdb")
    other_before, start, end = _other_in_default_period(store)
    server = AppServer(store)
    try:
        # The review: suggestions learned in the background, one reason picked, a sample read.
        open_page(page, f"{server.url}/data?data_section=Suggested+reasons", height=2200)
        reason_box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Suggested reason")
        expect(reason_box).to_be_visible(timeout=LEARNING_MS)
        wait_for_app(page)
        assert_no_exception(page)
        expect(page.get_by_role("heading", name="Waiting for review")).to_have_count(1)
        reason_box.click()
        page.get_by_role("option", name=REASON, exact=True).click()
        wait_for_app(page)
        chosen_line = page.locator(f"text=/of the [\\d,]+ contacts suggested for “{re.escape(REASON)}” have a "
                                   f"confidence of 80% or more/").first
        expect(chosen_line).to_be_visible()
        chosen = int(re.match(r"([\d,]+) of", chosen_line.inner_text()).group(1).replace(",", ""))
        assert chosen > 0
        expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(2)  # the summary and the texts
        screenshot(page, "reason-review-sample")

        page.get_by_role("button", name=f"Accept {chosen:,}").click()
        expect(page.get_by_role("button", name="Undo")).to_be_visible()  # the last thing the new run draws
        wait_for_app(page)
        assert_no_exception(page)
        expect(page.get_by_text(f"Accepted: {chosen:,} contacts moved to “{REASON}”")).to_have_count(1)
        expect(page.get_by_text("No suggestion has been accepted.")).to_have_count(0)
        expect(page.get_by_text(f"Showing reasons with {chosen:,} accepted suggestions")).to_have_count(1)
        page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
                                         .every(table => table.getBoundingClientRect().width > 300)""")
        screenshot(page, "reason-review-accepted")

        # Reasons & channels, "Other" only: with the accepted suggestions, then as recorded.
        open_page(page, f"{server.url}/reasons?filter_reason=Other", charts=1, height=1800)
        assert_no_exception(page)
        with_accepted = _filtered_total(page)
        assert with_accepted < other_before
        page.get_by_text("with accepted suggestions").first.wait_for()
        screenshot(page, "reason-review-reasons-with-accepted")

        page.locator('[data-testid="stSidebar"]').get_by_text("Reasons as recorded").click()
        wait_for_app(page, charts=1)
        assert_no_exception(page)
        expect(page.get_by_text("Showing reasons as recorded")).to_have_count(1)
        assert _filtered_total(page) == other_before
        assert "filter_reasons_recorded=true" in page.url  # a copied link keeps the switch
        screenshot(page, "reason-review-reasons-as-recorded")

        open_page(page, page.url, charts=1, height=1800)  # the link, opened anew
        assert _filtered_total(page) == other_before
    finally:
        server.stop()

    conn = open_store(store)
    try:
        assert review.relabelled_contacts(conn) == chosen
        moved_in_period = conn.execute(
            "select count(*) from contacts where recorded_l1 = 'Other' and started_at >= $start and started_at < $end",
            {"start": start, "end": end}).fetchall()[0][0]
        assert with_accepted == other_before - moved_in_period
        assert conn.execute("select count(distinct reason_l1 || reason_l2 || reason_l3) from contacts"
                            " where recorded_l1 is not null").fetchall()[0][0] == 1
    finally:
        conn.close()
