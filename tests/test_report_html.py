"""The HTML report: one file holding every slide's title, message, numbers, table, bullets
and definitions, the context at the top and in the footer, in the report's language, with
plotly.js inlined once and nothing fetched from the network. Text from customer data is
escaped, never markup. (That the charts draw offline is checked in a real browser:
tests/browser/test_reports_in_browser.py.)"""

from __future__ import annotations

import pytest

from analytics.i18n import t
from analytics.reports.html import to_html
from analytics.reports.model import Report, Slide, Table
from tests.support.html_tree import Tree
from tests.support.sample_report import HOSTILE_REASON, sample_report


@pytest.fixture(scope="module", params=["en", "nl"])
def rendered(request):
    report = sample_report(request.param)
    page = to_html(report)
    return report, page, Tree(page).root


def test_language_title_and_context_at_top_and_bottom(rendered):
    report, _, root = rendered
    (html,) = root.find_all("html")
    assert html.attrs["lang"] == report.language
    assert root.find_all("title")[0].text == report.title
    assert root.find_all("h1")[0].text == report.title
    assert root.find_all("p", "subtitle")[0].text == report.subtitle
    assert [li.text for li in root.find_all("ul", "context")[0].find_all("li")] == list(report.context)
    footer = root.find_all("footer", "report-footer")[0].text
    for line in report.context:
        assert line in footer


def test_every_slide_is_a_section_with_its_content(rendered):
    report, _, root = rendered
    sections = root.find_all("section", "slide")
    assert [s.find_all("h2")[0].text for s in sections] == [s.title for s in report.slides]
    contents = [a.text for a in root.find_all("nav", "contents")[0].find_all("a")]
    assert contents == [s.title for s in report.slides] + [t("report_ui.method", report.language)]
    for section, slide in zip(sections, report.slides):
        assert section.find_all("p", "message")[0].text == slide.message
        cards = section.find_all("div", "number")
        assert [(c.find_all("div", "label")[0].text, c.find_all("div", "value")[0].text) for c in cards] == \
            [(n.label, n.value) for n in slide.numbers]
        assert [f"tone-{n.tone}" in c.classes for c, n in zip(cards, slide.numbers)] == [True] * len(cards)
        assert [li.text for li in section.find_all("ul", "bullets")[0].find_all("li")] == list(slide.bullets) \
            if slide.bullets else not section.find_all("ul", "bullets")
        asides = section.find_all("aside", "definitions")
        if slide.notes:
            assert asides[0].find_all("h3")[0].text == t("report_ui.definitions", report.language)
            assert asides[0].find_all("p")[0].text == slide.notes
        else:
            assert not asides
        assert len(section.find_all("div", "plotly-graph-div")) == (slide.chart is not None)
    method = root.find_all("section", "method")[0]
    assert [p.text for p in method.find_all("p")] == report.method.split("\n\n")


def test_table_numbers_and_highlighted_rows(rendered):
    report, _, root = rendered
    table = report.slides[1].table
    (shown,) = root.find_all("section", "slide")[1].find_all("table")
    assert [th.text for th in shown.find_all("th")] == list(table.columns)
    rows = shown.find_all("tbody")[0].find_all("tr")
    assert [[td.text for td in tr.find_all("td")] for tr in rows] == [list(r) for r in table.rows]
    assert rows[2].find_all("td")[1].text == ("1,111" if report.language == "en" else "1.111")
    assert [i for i, tr in enumerate(rows) if "highlight" in tr.classes] == list(table.highlight)
    # numbers are right-aligned per column, text columns are not
    assert ["num" in th.classes for th in shown.find_all("th")] == [False, True, True, False]


def test_plotly_inlined_once_and_no_network_resource(rendered):
    report, page, root = rendered
    scripts = root.find_all("script")
    library = [s for s in scripts if len(s.text) > 1_000_000]
    assert len(library) == 1 and "Plotly" in library[0].text[:5000]
    assert page.count("Plotly.newPlot(") == sum(s.chart is not None for s in report.slides)
    everything = root.find_all()
    assert not [e for e in everything if e.tag == "script" and "src" in e.attrs]
    assert not [e for e in everything if e.tag == "link"]
    linked = [e.attrs.get(name) or "" for e in everything for name in ("src", "href", "srcset", "data", "poster")]
    assert all(not value.lower().startswith(("http:", "https:", "//", "ftp:")) for value in linked), linked
    assert all(value.startswith("#") for value in linked if value), linked
    assert "@import" not in " ".join(s.text for s in root.find_all("style"))
    assert "url(" not in " ".join(s.text for s in root.find_all("style"))


def test_customer_text_is_escaped(rendered):
    report, page, root = rendered
    assert HOSTILE_REASON in [td.text for td in root.find_all("td")]
    assert HOSTILE_REASON in [li.text for li in root.find_all("li")]
    # the only scripts are plotly.js and one drawing call per chart: none came from the data
    scripts = root.find_all("script")
    assert len(scripts) == 1 + sum(s.chart is not None for s in report.slides)
    assert all(not s.text.strip().startswith("alert") for s in scripts)
    assert '<script>alert("x")</script>' not in page


def test_a_report_without_charts_carries_no_plotly():
    report = Report(kind="pilot", language="nl", title="Proef <b>A</b>", subtitle="",
                    context=("Gemaakt op 01-07-2026",),
                    slides=(Slide(title="Geen grafiek", message="Alleen een tabel.",
                                  table=Table(columns=("a",), rows=(("1",),))),))
    page = to_html(report)
    root = Tree(page).root
    assert not root.find_all("script")
    assert root.find_all("h1")[0].text == "Proef <b>A</b>"
    assert not root.find_all("b")
    assert not root.find_all("section", "method")
    assert len(page) < 50_000
