"""The decks opened with python-pptx: slide count, a real title and speaker notes on every
slide, the footer with the context lines, the page's numbers and verdict, Dutch titles and
number formats, pictures on the chart slides, and tables cut at a readable length."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from analytics import formatting, weekly
from analytics.filters import ContactFilter
from analytics.i18n import t, using_language
from analytics.overview import store_freshness
from analytics.pilots.evaluation import evaluate_pilot
from analytics.pilots.registry import get_pilot
from analytics.reports.deck import ALERT_FILL, MAX_TABLE_ROWS, to_pptx
from analytics.reports.model import BigNumber, Report, Slide, Table
from analytics.reports.pilot import build_pilot_report
from analytics.reports.weekly import build_weekly_report
from analytics.store import open_store
from tests.support.stores import build_demo_store

GENERATED = datetime(2026, 7, 1, 9, 30)
TODAY = date(2026, 7, 1)
PILOT = "Track-and-trace e-mail"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = build_demo_store(tmp_path_factory.mktemp("report-deck") / "contacts.duckdb")
    conn = open_store(path, read_only=True)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def weekly_decks(demo):
    out = {}
    for language in ("en", "nl"):
        report = build_weekly_report(demo, level=2, language=language, generated_at=GENERATED, today=TODAY)
        out[language] = (report, Presentation(io.BytesIO(to_pptx(report))))
    return out


@pytest.fixture(scope="module")
def pilot_deck(demo):
    report = build_pilot_report(demo, PILOT, language="en", generated_at=GENERATED)
    return report, Presentation(io.BytesIO(to_pptx(report)))


def _shape(slide, name):
    found = [s for s in slide.shapes if s.name == name]
    assert found, f"no {name!r} on the slide"
    return found[0]


def _text(slide, name) -> str:
    return _shape(slide, name).text_frame.text


def _pictures(slide) -> int:
    return sum(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes)


def _check_structure(report: Report, deck) -> None:
    slides = list(deck.slides)
    assert len(slides) == 1 + len(report.slides) + 1  # title, one per message, method
    assert deck.slide_width * 9 == deck.slide_height * 16
    assert _text(slides[0], "Title") == report.title
    for line in report.context:
        assert line in "\n".join(p.text for s in slides[0].shapes if s.has_text_frame for p in s.text_frame.paragraphs)
    for number, (slide, content) in enumerate(zip(slides[1:], [*report.slides, None]), start=2):
        title = _text(slide, "Title")
        assert title.strip()
        if content is not None:
            assert title == content.title
            assert _pictures(slide) == (1 if content.chart is not None else 0)
        assert _text(slide, "Footer") == report.footer
        assert _text(slide, "Slide number") == str(number)
    for slide in slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()


def test_weekly_deck_structure(weekly_decks):
    for report, deck in weekly_decks.values():
        _check_structure(report, deck)


def test_weekly_headline_slide_shows_the_pages_total_large(demo, weekly_decks):
    freshness = store_freshness(demo)
    first = freshness.first_contact_at.date()
    monday = weekly.complete_weeks(first, freshness.last_contact_at.date())[0]
    page = weekly.weekly_report(demo, ContactFilter(monday, monday + timedelta(days=6)), monday, level=2,
                                first_day=first, driver=weekly.driver_names(demo)[0])
    for language, (_, deck) in weekly_decks.items():
        headline = list(deck.slides)[1]
        numbers = [s for s in headline.shapes if s.name == "Big number"]
        total = formatting.count(page.total["contacts"], language=language)
        assert numbers[0].text_frame.text == total
        assert all(run.font.size >= Pt(40) for s in numbers[:1] for p in s.text_frame.paragraphs for run in p.runs)
        with using_language(language):
            assert _text(headline, "Message") == weekly.headline(page)


def test_dutch_weekly_deck_speaks_dutch(weekly_decks):
    report, deck = weekly_decks["nl"]
    slides = list(deck.slides)
    assert _text(slides[0], "Title").startswith("Wekelijkse terugkoppeling klantcontact")
    assert _text(slides[-1], "Title") == t("reports.method_title", language="nl")
    labels = [s.text_frame.text for s in slides[1].shapes if s.has_text_frame]
    assert t("weekly.metric_contacts", language="nl") in labels
    value = [s for s in slides[1].shapes if s.name == "Big number"][0].text_frame.text
    assert "." in value and "," not in value  # 12.689, not 12,689
    assert "Gemaakt op 01-07-2026 09:30" in _text(slides[2], "Footer")


def test_weekly_reasons_table_is_a_real_table(weekly_decks):
    report, deck = weekly_decks["en"]
    index = next(i for i, s in enumerate(report.slides) if s.table is not None and "Owner" in s.table.columns
                 and "Last week" in s.table.columns and s.table.data is not None and "lo95" in s.table.data)
    slide = list(deck.slides)[index + 1]
    table = next(s for s in slide.shapes if s.has_table).table
    assert [c.text for c in table.rows[0].cells] == list(report.slides[index].table.columns)
    assert [c.text for c in table.rows[1].cells] == list(report.slides[index].table.rows[0])
    sizes = {run.font.size for row in table.rows for c in row.cells for p in c.text_frame.paragraphs for run in p.runs}
    assert min(sizes) >= Pt(12)


def test_pilot_deck_structure_and_verdict(demo, pilot_deck):
    report, deck = pilot_deck
    _check_structure(report, deck)
    with using_language("en"):
        verdict = evaluate_pilot(demo, get_pilot(demo, PILOT)).pilot_window.verdict
    slides = list(deck.slides)
    assert _text(slides[1], "Message") == verdict
    assert _text(slides[1], "Title").startswith(f"{PILOT}: contacts fell ")
    assert _text(slides[2], "Title") == t("pilots_page.chart_title", language="en")
    assert _pictures(slides[2]) == 1  # the effect chart with its band
    kpi_table = next(s for s in slides[3].shapes if s.has_table).table
    assert kpi_table.rows[1].cells[0].text == "Contacts"


def _hand_made(rows: int) -> Report:
    figure = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    table = Table(("Reason", "Contacts"), tuple((f"Reason {i}", f"{i:,}") for i in range(rows)), highlight=(1,),
                  data=pd.DataFrame({"n": range(rows)}))
    return Report(kind="weekly", language="en", title="A report", subtitle="for a test",
                  context=("Period: 1 Jun 2026 – 7 Jun 2026", "Generated 1 Jul 2026 09:30"),
                  slides=(Slide("Numbers", "Big ones", numbers=(BigNumber("Contacts", "1,234", "+3%", "bad"),),
                                notes="n"),
                          Slide("A chart", "With numbers beside it", numbers=(BigNumber("A", "1"),), chart=figure,
                                bullets=("one point",), notes="n"),
                          Slide("A long table", "Cut to fit", table=table, notes="n")),
                  method="First paragraph.\n\nSecond paragraph.")


def test_long_tables_are_cut_with_a_count_of_the_rest():
    deck = Presentation(io.BytesIO(to_pptx(_hand_made(25))))
    slides = list(deck.slides)
    assert len(slides) == 5
    table = next(s for s in slides[3].shapes if s.has_table).table
    assert len(table.rows) == 1 + MAX_TABLE_ROWS + 1
    assert table.rows[len(table.rows) - 1].cells[0].text == "+15 more"
    assert table.rows[2].cells[0].fill.fore_color.rgb == ALERT_FILL  # highlight (1,) is the second body row
    assert table.rows[1].cells[0].fill.fore_color.rgb != ALERT_FILL
    assert _pictures(slides[2]) == 1
    method = "\n".join(p.text for s in slides[4].shapes if s.has_text_frame for p in s.text_frame.paragraphs)
    assert "First paragraph." in method and "Second paragraph." in method
