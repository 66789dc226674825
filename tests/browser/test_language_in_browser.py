"""Every page in Dutch in a real browser: opened with ``?lang=nl`` and by clicking the
switch once, the navigation, the title, the sidebar filters and the page's own labels are
Dutch, their English texts are gone, and numbers are written the Dutch way."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from analytics.i18n import t
from tests.browser.conftest import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.browser

NAV_KEYS = ["nav.overview", "nav.trends", "nav.reasons", "nav.ratios", "nav.pilots", "nav.weekly", "nav.data"]
FILTER_KEYS = ["filters.period", "filters.reason", "filters.channel", "filters.department"]

# Per page: its path, its title key, the number of charts to wait for, and keys of labels it shows.
PAGES = {
    "overview": ("", "overview.title", 2,
                 ["overview.per_day", "overview.by_channel_group", "overview.top_reasons", "overview.handle_time",
                  "overview.customers"]),
    "trends": ("trends", "trends.title", 1,
               ["trends.grain", "trends.show_naive", "trends.quality", "trends.actual", "trends.expected"]),
    "reasons": ("reasons", "reasons.title", 1,
                ["reasons.section_reasons", "reasons.section_journeys", "reasons.tree", "reasons.level"]),
    "ratios": ("ratios", "ratios.title", 1,
               ["ratios.intro", "ratios.view_over_time", "ratios.view_breakdown", "ratios.metric_expected"]),
    "pilots": ("pilots", "nav.pilots", 0,
               ["pilots_page.intro", "pilots_page.registry", "pilots_page.add_title", "pilots_page.view_registry"]),
    "weekly": ("weekly", "weekly.title", 1,
               ["weekly.intro", "weekly.by_reason", "weekly.actions_help", "weekly.add_action"]),
    "data": ("data", "data.title", 0,
             ["import.kind", "import.how", "data.section_history", "data.section_events"]),
}


# Every text shown as a whole phrase, as _shows reads it: "Contactreden" is not found
# inside the navigation's "Contactredenen" while the sidebar is still being drawn.
WHOLE_PHRASES_SHOWN = r"""(texts) => {
    const body = document.body.innerText;
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return texts.every(text => new RegExp(`(?<![\p{L}\p{N}_])${escape(text)}(?![\p{L}\p{N}_])`, 'u').test(body));
}"""


@pytest.fixture
def dutch_page(browser):
    """A browser set to Dutch, as a Dutch reader's is: tables (which Streamlit formats with
    the browser's locale) then write 1.234 too."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    yield context.new_page()
    context.close()


def _open(page, url: str, charts: int, shown: list[str], **kwargs) -> None:
    """Open ``url`` and wait until it shows every text in ``shown`` (a page can finish one
    run and start the next before its widgets are drawn)."""
    open_page(page, url, charts=charts, **kwargs)
    try:
        page.wait_for_function(WHOLE_PHRASES_SHOWN, arg=shown, timeout=30_000)
    except PlaywrightTimeout:
        pass  # the assertions that follow name what is missing


def _shows(text: str, label: str) -> bool:
    """``label`` as a whole phrase ("Period" is not found inside "Periode")."""
    return re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text) is not None


def _assert_dutch(page, name: str) -> None:
    path, title_key, _, keys = PAGES[name]
    body = page.inner_text("body")
    keys = [*NAV_KEYS, *FILTER_KEYS, title_key, *keys]
    missing = [t(key, language="nl") for key in keys if not _shows(body, t(key, language="nl"))]
    if missing:
        screenshot(page, f"nl-{name}-missing").with_suffix(".txt").write_text(body)  # to read after a CI run
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()[:400] if missing else ""
    assert not missing, f"{name}: Dutch labels not shown: {missing}; the sidebar reads {sidebar!r}"
    left = [t(key, language="en") for key in keys if _shows(body, t(key, language="en"))]
    assert not left, f"{name}: English labels still shown: {left}"
    assert page.get_by_role("heading", name=t(title_key, language="nl")).count() >= 1


# A window tall enough for a whole page in one screenshot (Streamlit scrolls inside its own
# container, which a full-page screenshot would cut at the window's height).
SCREENSHOT_HEIGHT = 3600


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_speaks_dutch_from_the_link(page, dutch_page, demo_server, name):
    """Each page in English, then in Dutch, both screenshotted whole (``en-<page>.png``,
    ``nl-<page>.png``) for a reader to look at."""
    path, title_key, charts, keys = PAGES[name]
    _open(page, f"{demo_server.url}/{path}", charts, [t(key, language="en") for key in [*FILTER_KEYS, *keys]],
          height=SCREENSHOT_HEIGHT)
    assert_no_exception(page)
    english = page.inner_text("body")
    assert _shows(english, t(title_key, language="en"))
    unseen = [key for key in keys if not _shows(english, t(key, language="en"))]
    assert not unseen, f"{name}: the English page lacks {unseen}"  # the same labels, in English first
    screenshot(page, f"en-{name}")

    dutch_labels = [t(key, language="nl") for key in [*NAV_KEYS, *FILTER_KEYS, title_key, *keys]]
    _open(dutch_page, f"{demo_server.url}/{path}?lang=nl", charts, dutch_labels, height=SCREENSHOT_HEIGHT)
    assert_no_exception(dutch_page)
    _assert_dutch(dutch_page, name)
    screenshot(dutch_page, f"nl-{name}")


# Views a link opens below the pages' first screens, with the number of charts to wait for
# and the key of a text each shows (table headers are drawn on a canvas, not in the text): a
# pilot's evaluation, the Data page's sections with tables.
VIEWS = {
    "pilots-evaluation": ("pilots?pilots_view=Evaluation&pilots_pilot=Track-and-trace%20e-mail", 4,
                          "pilots_page.methods_title"),
    "data-history": ("data?data_section=History", 0, "data.section_history"),
    "data-reasons": ("data?data_section=Reasons", 0, "data.section_reasons"),
    "data-channels": ("data?data_section=Channels", 0, "data.section_channels"),
    "data-drivers": ("data?data_section=Drivers", 1, "data.driver"),
    "data-events": ("data?data_section=Events", 0, "data.commercial_sector"),
    "data-health": ("data?data_section=Health", 1, "taxonomy.trend"),
}

TALL_VIEWS = {"pilots-evaluation": 6400}  # verdict, methods, placebo, KPIs, spill-over, money, persistence


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("name", list(VIEWS))
def test_each_view_in_each_language(dutch_page, page, demo_server, name, language):
    """The views below the pages' first screens, screenshotted whole in each language
    (``en-<view>.png``, ``nl-<view>.png``)."""
    path, charts, key = VIEWS[name]
    window = dutch_page if language == "nl" else page
    url = f"{demo_server.url}/{path}" + ("&lang=nl" if language == "nl" else "")
    _open(window, url, charts, [t(key, language=language)], height=TALL_VIEWS.get(name, SCREENSHOT_HEIGHT))
    assert_no_exception(window)
    assert _shows(window.inner_text("body"), t(key, language=language))
    screenshot(window, f"{language}-{name}")


def test_the_switch_turns_the_overview_dutch_and_keeps_the_filter(page, demo_server):
    first_metric = '[data-testid="stMetricValue"]'
    _open(page, f"{demo_server.url}/?filter_channel=voice%20(group)", 2, ["channel group voice"])
    english = page.locator(first_metric).first.inner_text()
    assert re.fullmatch(r"\d{1,3}(,\d{3})+", english), english  # "2,164"

    page.locator('[data-testid="stSidebar"]').get_by_text("Nederlands", exact=True).click()
    page.wait_for_function("(title) => document.body.innerText.includes(title)", arg=t("nav.overview", language="nl"))
    assert "lang=nl" in page.url
    _open(page, page.url, 2, ["kanaalgroep telefonie"])  # the link the switch wrote, opened afresh
    assert_no_exception(page)
    _assert_dutch(page, "overview")
    expected = english.replace(",", ".")  # the same number, Dutch separators: "2.164"
    try:
        page.wait_for_function("([selector, value]) => document.querySelector(selector).innerText === value",
                               arg=[first_metric, expected], timeout=30_000)
    except PlaywrightTimeout:
        pass
    assert page.locator(first_metric).first.inner_text() == expected
    caption = page.get_by_text(re.compile(r"^\d{2}-\d{2}-\d{4} t/m \d{2}-\d{2}-\d{4}, kanaalgroep telefonie$"))
    assert caption.count() == 1  # the period as 13-03-2025, the filter in Dutch words


def test_the_switch_back_to_english_on_another_page(page, demo_server):
    open_page(page, f"{demo_server.url}/trends?lang=nl", charts=1)
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=t("nav.reasons", language="nl")).click()
    page.wait_for_function("(label) => document.body.innerText.includes(label)",
                           arg=t("reasons.section_journeys", language="nl"))
    assert "lang=nl" in page.url  # the language travels with the navigation
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.wait_for_function("(label) => document.body.innerText.includes(label)",
                           arg=t("reasons.section_journeys", language="en"))
    assert "lang=" not in page.url  # English is the default: no parameter
    body = page.inner_text("body")
    assert _shows(body, t("nav.overview", language="en")) and not _shows(body, t("nav.overview", language="nl"))


def test_a_link_in_the_other_languages_words_keeps_its_view(page, demo_server):
    """Streamlit puts an option's shown text in the URL: an English link opened in Dutch
    (and a Dutch one in English) still opens the section it names."""
    open_page(page, f"{demo_server.url}/reasons?lang=nl&reasons_section=Journeys", charts=1)
    assert_no_exception(page)
    assert _shows(page.inner_text("body"), t("reasons.repeats", language="nl"))
    open_page(page, f"{demo_server.url}/reasons?reasons_section=Klantreizen", charts=1)
    assert _shows(page.inner_text("body"), t("reasons.repeats", language="en"))
