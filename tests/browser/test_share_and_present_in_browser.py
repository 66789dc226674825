"""In the room, in headless Chromium: a copied link opened in a fresh browser shows the same
view, and presentation mode hides the controls, enlarges the type, goes chart by chart on
the keyboard and is left with Esc. Screenshots: test-artifacts/screenshots/present-*.png."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_exception, open_page, screenshot, wait_for_app

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 1000}
PERIOD = ("2026-05-01", "2026-05-31")  # the demo store ends on 2026-06-30; the default is its last 28 days
SIDEBAR = '[data-testid="stSidebar"]'


def _period(page) -> tuple[str, str]:
    inputs = page.locator(f'{SIDEBAR} [data-testid="stDateInput"] input[type=date]')
    return inputs.nth(0).input_value(), inputs.nth(1).input_value()


def _metric(page, label_pattern: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=re.compile(label_pattern)).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def _copy_link(page) -> str:
    page.locator(f"{SIDEBAR} [data-room-copy]").click()
    page.locator(f"{SIDEBAR} .room-copy-status").filter(has_text="Link copied").wait_for(timeout=10_000)
    return page.evaluate("navigator.clipboard.readText()")


def test_a_copied_link_opens_the_same_view_in_a_fresh_browser(browser, demo_server):
    sharer = browser.new_context(viewport=VIEWPORT, permissions=["clipboard-read", "clipboard-write"])
    page = sharer.new_page()
    try:
        open_page(page, f"{demo_server.url}/reasons", charts=1)
        assert_no_exception(page)
        assert _period(page) != PERIOD

        # a non-default period, typed into the sidebar's date fields
        page.get_by_role("spinbutton", name="year, Period start date").click()
        page.keyboard.type(PERIOD[0].replace("-", ""))
        page.get_by_role("spinbutton", name="year, Period end date").click()
        page.keyboard.type(PERIOD[1].replace("-", ""))
        page.keyboard.press("Escape")
        page.wait_for_url(re.compile(f"filter_period={PERIOD[0]}"))
        wait_for_app(page)
        # a reason filter
        assert page.get_by_role("combobox", name="Contact reason").input_value() == ""
        page.get_by_role("combobox", name="Contact reason").click()
        page.keyboard.type("Delivery")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile("filter_reason=Delivery"))
        wait_for_app(page)
        # a page setting: the Journeys section with a 14-day window
        page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').first.get_by_text("Journeys").click()
        page.wait_for_url(re.compile("reasons_section=Journeys"))
        wait_for_app(page)
        window = page.locator('[data-testid="stMain"] [data-testid="stNumberInput"] input')
        window.fill("14")
        window.press("Enter")
        page.wait_for_url(re.compile("reasons_window=14"))
        page.get_by_text("within 14 days").first.wait_for()
        wait_for_app(page)
        assert_no_exception(page)
        shared = {"repeat": _metric(page, "again within 14 days"), "observed": _metric(page, "complete window")}

        link = _copy_link(page)
        assert "filter_reason=Delivery" in link and "reasons_window=14" in link and "reasons_section=Journeys" in link
        screenshot(page, "share-sender")
    finally:
        sharer.close()

    receiver = browser.new_context(viewport=VIEWPORT)  # a fresh browser: no storage, no session
    other = receiver.new_page()
    try:
        open_page(other, link)
        other.get_by_text("within 14 days").first.wait_for()
        assert_no_exception(other)
        assert _period(other) == PERIOD
        assert other.get_by_role("combobox", name="Contact reason").input_value() == "Delivery"
        expect(other.locator('[data-testid="stMain"] [data-testid="stNumberInput"] input')).to_have_value("14")
        assert other.get_by_role("heading", name="Repeat contacts").count() == 1  # the Journeys section
        assert _metric(other, "again within 14 days") == shared["repeat"]
        assert _metric(other, "complete window") == shared["observed"]
        screenshot(other, "share-receiver")
    finally:
        receiver.close()


def test_the_link_carries_the_default_period_too(browser, demo_server):
    """Streamlit leaves a default out of the address; the period's default moves with the
    data, so the copied link states it."""
    context = browser.new_context(viewport=VIEWPORT, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        open_page(page, f"{demo_server.url}/", charts=1)
        start, end = _period(page)
        assert "filter_period" not in page.url
        link = _copy_link(page)
        assert f"filter_period={start}&filter_period={end}" in link
    finally:
        context.close()


PAGES = {
    "overview": "/",
    "trends": "/trends",
    "reasons": "/reasons?reasons_section=Channels",
    "ratios": "/ratios",
    "pilots": f"/pilots?pilots_view=Evaluation&pilots_pilot={quote('Track-and-trace e-mail')}",
    "weekly": "/weekly",
    "data": "/data?data_section=Drivers",
}


def _title_size(page) -> float:
    return page.locator('[data-testid="stMain"] h1').first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


SHOWN_WHOLE = """(index) => {
    const chart = document.querySelectorAll('[data-testid="stMain"] .stPlotlyChart')[index];
    const box = chart.getBoundingClientRect();
    return box.top >= 0 && box.top < 0.25 * window.innerHeight && box.bottom <= window.innerHeight + 1;
}"""


def _shown_whole(page, index: int) -> bool:
    """The chart is wholly in the window, near its top (room for its heading only)."""
    return page.evaluate(SHOWN_WHOLE, index)


@pytest.mark.parametrize("name", list(PAGES))
def test_presentation_mode_looks_like_a_slide(page, demo_server, name):
    url = f"{demo_server.url}{PAGES[name]}"
    open_page(page, url, charts=1)
    expect(page.locator(SIDEBAR)).to_be_visible()
    normal_title = _title_size(page)

    joiner = "&" if "?" in url else "?"
    open_page(page, f"{url}{joiner}present=1", charts=1)
    assert_no_exception(page)
    assert not page.locator(SIDEBAR).is_visible()
    assert not page.locator('[data-testid="stHeader"]').is_visible()
    assert _title_size(page) > normal_title * 1.15
    controls = page.locator('[data-testid="stMain"] :is([data-testid="stButtonGroup"], [data-testid="stSelectbox"],'
                            ' [data-testid="stPopover"])')
    assert all(not controls.nth(i).is_visible() for i in range(controls.count()))
    exit_button = page.get_by_role("button", name=re.compile("Exit presentation"))
    expect(exit_button).to_be_visible()
    chart = page.locator('[data-testid="stMain"] .stPlotlyChart').first
    assert chart.evaluate("e => e.getBoundingClientRect().height") >= 0.75 * VIEWPORT["height"]  # a chart a screen
    screenshot_path = screenshot_viewport(page, f"present-{name}")
    assert screenshot_path.stat().st_size > 10_000

    # Page Down brings the first chart (with its heading) into the window, the right arrow
    # the next one, Page Up goes back
    assert not _shown_whole(page, 0)
    page.keyboard.press("PageDown")
    page.wait_for_function(SHOWN_WHOLE, arg=0, timeout=5_000)
    if page.locator('[data-testid="stMain"] .stPlotlyChart').count() > 1:
        page.keyboard.press("ArrowRight")
        page.wait_for_function(SHOWN_WHOLE, arg=1, timeout=5_000)
        assert not _shown_whole(page, 0)
        screenshot_viewport(page, f"present-{name}-2")
        page.keyboard.press("PageUp")
        page.wait_for_function(SHOWN_WHOLE, arg=0, timeout=5_000)

    # Esc leaves: the sidebar is back, the URL says so
    page.keyboard.press("Escape")
    page.locator(SIDEBAR).wait_for(state="visible")
    wait_for_app(page)
    assert "present=" not in page.url
    assert abs(_title_size(page) - normal_title) < 0.5


def test_the_present_button_and_the_p_key_enter_presentation_mode(page, demo_server):
    open_page(page, f"{demo_server.url}/trends", charts=1)
    # typing a "p" in a filter is typing, not the shortcut
    page.get_by_role("combobox", name="Contact reason").click()
    page.keyboard.type("Pay")
    page.keyboard.press("Escape")
    wait_for_app(page)
    assert "present=" not in page.url and page.locator(SIDEBAR).is_visible()
    page.locator('[data-testid="stMain"] h1').first.click()  # focus back on the page
    page.keyboard.press("p")
    page.wait_for_url(re.compile("present=1"))
    page.locator(SIDEBAR).wait_for(state="hidden")
    page.get_by_role("button", name=re.compile("Exit presentation")).click()
    page.locator(SIDEBAR).wait_for(state="visible")
    wait_for_app(page, charts=1)

    page.locator(SIDEBAR).get_by_role("button", name=re.compile("Present")).click()
    page.wait_for_url(re.compile("present=1"))
    page.locator(SIDEBAR).wait_for(state="hidden")
    wait_for_app(page, charts=1)
    expect(page.get_by_role("button", name=re.compile("Exit presentation"))).to_be_visible()
    page.get_by_role("button", name=re.compile("Exit presentation")).click()
    page.locator(SIDEBAR).wait_for(state="visible")
    assert "present=" not in page.url


def screenshot_viewport(page, name: str):
    """What the room sees: the window, not the whole scrolled page."""
    path = screenshot(page, name)  # full page first (the shared helper), then overwrite with the window
    page.screenshot(path=str(path))
    return path
