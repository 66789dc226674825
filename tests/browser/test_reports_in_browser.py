"""The report files in a real browser: the HTML report draws its charts with no network at
all, and the deck, HTML and PDF downloaded from the Weekly report page and from a pilot's
evaluation say what the page says (week, headline, contacts, filters; verdict), in the
page's language. Files land in test-artifacts/report-downloads/, PDF pages as PNG in
test-artifacts/report-pages/, and the seconds from click to file in page-load-seconds*.json."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from urllib.parse import quote

import pypdfium2 as pdfium
import pytest
from pptx import Presentation

from analytics.i18n import t
from analytics.reports.html import to_html
from tests.browser.conftest import ARTIFACTS, assert_no_exception, metric_value, open_page, screenshot
from tests.support.html_tree import Tree
from tests.support.sample_report import sample_report
from tests.support.stores import ROOT

pytestmark = pytest.mark.browser

DOWNLOADS = ROOT / "test-artifacts" / "report-downloads"
PAGES = ROOT / "test-artifacts" / "report-pages"
LABELS = {"en": {"pptx": "Deck (.pptx)", "html": "Report (.html)", "pdf": "PDF"},
          "nl": {"pptx": "Presentatie (.pptx)", "html": "Rapport (.html)", "pdf": "PDF"}}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def download(page, label: str, timings: dict, name: str) -> Path:
    """Click the download button ``label``; return the saved file (and time the click)."""
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    button = page.get_by_role("button", name=label, exact=True)
    started = time.monotonic()
    with page.expect_download(timeout=180_000) as info:
        button.click()
    path = DOWNLOADS / info.value.suggested_filename
    info.value.save_as(path)
    timings[name] = round(time.monotonic() - started, 2)
    return path


def html_report(path: Path):
    root = Tree(path.read_text(encoding="utf-8")).root
    numbers = {card.find_all("div", "label")[0].text: card.find_all("div", "value")[0].text
               for card in root.find_all("div", "number")}
    return root, numbers


def pdf_pages(path: Path, name: str) -> list[str]:
    PAGES.mkdir(parents=True, exist_ok=True)
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        texts = []
        for number in range(len(document)):
            page = document[number]
            texts.append(page.get_textpage().get_text_range())
            page.render(scale=1.5).to_pil().save(PAGES / f"{name}-page-{number + 1}.png")
        return texts
    finally:
        document.close()


def assert_one_slide_a_page(texts: list[str], root) -> None:
    """Page 1 is the cover; then each slide starts a page of its own, in order, and a page
    without a slide title continues the table of the slide before, header repeated."""
    sections = root.find_all("section", "slide")
    titles = [squeeze(s.find_all("h2")[0].text) for s in sections]
    header = [squeeze("".join(th.text for th in s.find_all("th"))) for s in sections]
    pages = [squeeze(text) for text in texts]
    starts = [number for number, page in enumerate(pages) if number and any(t_ in page for t_ in titles)]
    assert len(starts) == len(titles) and starts[0] == 1  # (the cover lists every title: not counted)
    for slide, (start, title) in enumerate(zip(starts, titles)):
        assert title in pages[start] and all(other not in pages[start] for other in titles if other != title)
        end = starts[slide + 1] if slide + 1 < len(starts) else len(pages) - 1  # the last page: the method
        for continued in pages[start + 1:end]:
            assert header[slide] and header[slide] in continued


def deck_texts(path: Path) -> list[str]:
    """Each slide's text: its text boxes and table cells."""
    slides = []
    for slide in Presentation(io.BytesIO(path.read_bytes())).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        slides.append("\n".join(parts))
    return slides


def test_html_report_draws_its_charts_offline(browser, tmp_path):
    report = sample_report("nl")
    path = tmp_path / "report.html"
    path.write_text(to_html(report), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1300, "height": 1000}, offline=True)
    asked: list[str] = []

    def only_the_file(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    charts = sum(s.chart is not None for s in report.slides)
    page.wait_for_function("(n) => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n * 2",
                           arg=charts, timeout=30_000)  # each plot draws two svg layers
    assert page.locator(".js-plotly-plot").count() == charts
    assert page.locator(".js-plotly-plot .plot-container .bars path").count() >= 4  # the bars are drawn
    assert asked == [] and errors == []
    assert page.evaluate("document.documentElement.lang") == "nl"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-html-offline.png"), full_page=True)
    page.emulate_media(media="print")  # printed from the browser: a slide per page
    breaks = page.evaluate("[...document.querySelectorAll('section.slide')].map(s => getComputedStyle(s).breakBefore)")
    assert breaks == ["page"] * len(report.slides)
    context.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_weekly_report_files_say_what_the_page_says(page, page_timings, demo_server, language):
    url = f"{demo_server.url}/weekly?weekly_level=2&filter_channel=E-mail&lang={language}"
    open_page(page, url, charts=1, height=1600)
    assert_no_exception(page)
    labels = LABELS[language]
    contacts_label = t("weekly.metric_contacts", language)
    contacts = metric_value(page, contacts_label)
    headline = page.locator("strong").filter(has_text=re.compile(r"^Week \d+: ")).first.inner_text()
    week_code = re.search(r"\d{4}-W\d{2}", page.get_by_text(re.compile(r"^\d{4}-W\d{2} \(")).first.inner_text())[0]
    screenshot(page, f"weekly-report-panel-{language}")
    channel = "channel E-mail" if language == "en" else "kanaal E-mail"

    html_file = download(page, labels["html"], page_timings, f"report-weekly-html-{language}")
    assert html_file.name == f"weekly-report-{week_code}-level-2-{language}.html"
    root, numbers = html_report(html_file)
    assert root.find_all("html")[0].attrs["lang"] == language
    year, week = week_code.split("-W")
    title = root.find_all("h1")[0].text
    assert re.search(rf"\b{int(week)}\b", title) and year in title, title
    assert numbers[contacts_label] == contacts
    first = root.find_all("section", "slide")[0]
    assert first.find_all("p", "message")[0].text == headline
    context = [li.text for li in root.find_all("ul", "context")[0].find_all("li")]
    assert any(channel in line for line in context), context

    pdf_file = download(page, labels["pdf"], page_timings, f"report-weekly-pdf-{language}")
    texts = pdf_pages(pdf_file, f"weekly-{language}")
    assert_one_slide_a_page(texts, root)
    assert squeeze(title) in squeeze(texts[0])
    assert squeeze(headline) in squeeze(texts[1]) and squeeze(contacts) in squeeze(texts[1])
    assert all(squeeze(channel) in squeeze(text) for text in texts)  # the filter on every page

    deck_file = download(page, labels["pptx"], page_timings, f"report-weekly-pptx-{language}")
    slides = deck_texts(deck_file)
    assert title in slides[0] and channel in slides[0]
    assert squeeze(headline) in squeeze(slides[1]) and contacts in slides[1]
    assert_no_exception(page)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_pilot_report_files_carry_the_verdict(page, page_timings, demo_server, language):
    url = (f"{demo_server.url}/pilots?pilots_view=Evaluation&pilots_pilot={quote('Track-and-trace e-mail')}"
           f"&lang={language}")
    open_page(page, url, charts=3, height=2400)
    assert_no_exception(page)
    labels = LABELS[language]
    alerts = [squeeze(text) for text in page.locator('[data-testid="stAlert"]').all_inner_texts()]
    effect_label = t("pilots_page.metric_effect", language)
    effect = metric_value(page, effect_label)
    page.locator(".st-key-pilots_reports").scroll_into_view_if_needed()
    screenshot(page, f"pilots-report-panel-{language}")

    html_file = download(page, labels["html"], page_timings, f"report-pilot-html-{language}")
    assert html_file.name == f"pilot-track-and-trace-e-mail-{language}.html"
    root, numbers = html_report(html_file)
    assert root.find_all("html")[0].attrs["lang"] == language
    verdict = root.find_all("section", "slide")[0].find_all("p", "message")[0].text
    assert any(squeeze(verdict) in alert for alert in alerts), alerts  # the verdict the page shows
    assert numbers[effect_label] == effect
    assert len(root.find_all("div", "plotly-graph-div")) >= 2

    pdf_file = download(page, labels["pdf"], page_timings, f"report-pilot-pdf-{language}")  # built once per run
    texts = pdf_pages(pdf_file, f"pilot-{language}")
    assert_one_slide_a_page(texts, root)
    assert squeeze(verdict) in squeeze(texts[1]) and squeeze(effect) in squeeze(texts[1])
    assert "Track-and-trace e-mail" in texts[0]

    deck_file = download(page, labels["pptx"], page_timings, f"report-pilot-pptx-{language}")
    slides = deck_texts(deck_file)
    assert squeeze(verdict) in squeeze(slides[1]) and effect in slides[1]
