"""The PDF report, opened with pdfium: A4 landscape, the cover and then each slide on a page
of its own (so no slide is cut across pages), the context and page number on every page,
charts drawn as images, a long table continued with its header repeated. Every page is
rendered to test-artifacts/report-pages/ to be looked at."""

from __future__ import annotations

import re
import stat
from dataclasses import replace

import numpy as np
import pypdfium2 as pdfium
import pytest

from analytics.i18n import t
from analytics.reports import pdf
from analytics.reports.model import Slide, Table
from tests.support.sample_report import HOSTILE_REASON, sample_report
from tests.support.stores import ROOT

PAGES = ROOT / "test-artifacts" / "report-pages"
A4_LANDSCAPE_PT = (842, 595)


def squeeze(text: str) -> str:
    """Text without whitespace: pdfium may drop or add a space where a line was set."""
    return re.sub(r"\s+", "", text)


def pages_of(document: bytes, name: str) -> list[dict]:
    """Each page's size, text and a PNG of it (saved for a look), plus its share of coloured pixels."""
    PAGES.mkdir(parents=True, exist_ok=True)
    pdf_file = pdfium.PdfDocument(document)
    try:
        found = []
        for number in range(len(pdf_file)):
            page = pdf_file[number]
            text = page.get_textpage().get_text_range()
            image = page.render(scale=1.5).to_pil().convert("RGB")
            image.save(PAGES / f"{name}-page-{number + 1}.png")
            rgb = np.asarray(image.resize((image.width // 4, image.height // 4)), dtype=int)
            r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
            blue = (b > 140) & (r < 60) & (g > 60) & (g < 130)  # the sample's bars, #0b5cad
            found.append({"size": tuple(round(v) for v in page.get_size()), "text": text,
                          "blue": float(blue.mean())})
        return found
    finally:
        pdf_file.close()


@pytest.fixture(scope="module", params=["en", "nl"])
def printed(request):
    report = sample_report(request.param)
    return report, pages_of(pdf.to_pdf(report), f"sample-{request.param}")


def test_cover_then_one_page_per_slide_then_the_method(printed):
    report, pages = printed
    assert len(pages) == 1 + len(report.slides) + 1
    assert {page["size"] for page in pages} == {A4_LANDSCAPE_PT}
    titles = [squeeze(s.title) for s in report.slides]
    cover = squeeze(pages[0]["text"])
    assert squeeze(report.title) in cover and squeeze(report.subtitle) in cover
    for number, slide in enumerate(report.slides):
        text = squeeze(pages[number + 1]["text"])
        assert text.count(titles[number]) >= 1
        # its own page: no other slide's title and message leak onto it
        assert [other for i, other in enumerate(titles) if i != number and other in text] == []
        assert squeeze(slide.message) in text
        for big in slide.numbers:
            assert squeeze(big.value) in text and squeeze(big.label.upper()) in text.upper()
        for bullet in slide.bullets:
            assert squeeze(bullet) in text
        if slide.notes:
            assert squeeze(slide.notes) in text
    assert squeeze(t("report_ui.method", report.language)) in squeeze(pages[-1]["text"])
    assert squeeze(report.method.split("\n\n")[1]) in squeeze(pages[-1]["text"])


def test_every_page_says_what_it_covers_and_its_number(printed):
    report, pages = printed
    for number, page in enumerate(pages, start=1):
        text = squeeze(page["text"])
        for line in report.context:
            assert squeeze(line) in text
        assert squeeze(t("report_ui.page_of", report.language, page=number, pages=len(pages))) in text


def test_table_numbers_and_escaped_names(printed):
    report, pages = printed
    table_page = squeeze(pages[2]["text"])
    assert squeeze("1,111" if report.language == "en" else "1.111") in table_page
    assert squeeze(HOSTILE_REASON) in table_page
    assert all(squeeze(c) in table_page for c in report.slides[1].table.columns)


def test_charts_are_drawn_as_images(printed):
    _, pages = printed
    # the sample's bars are blue on the two chart slides (pages 2 and 5), nowhere else
    assert [page["blue"] > 0.02 for page in pages] == [False, True, False, False, True, False]


def test_a_long_table_continues_with_its_header_repeated():
    rows = tuple((f"Reason {i:03d}", f"{i * 11}") for i in range(1, 71))
    report = replace(sample_report("en"), slides=(
        Slide(title="Every reason", message="Seventy rows do not fit on one page.",
              table=Table(columns=("Reason name", "Contacts this week"), rows=rows)),
    ), method="")
    pages = pages_of(pdf.to_pdf(report), "long-table")
    body = [squeeze(p["text"]) for p in pages[1:]]
    assert len(body) >= 2
    assert all("ReasonnameContactsthisweek" in text for text in body)
    assert body[0].count("Everyreason") == 1 and all("Everyreason" not in text for text in body[1:])
    joined = "".join(body)
    assert all(joined.count(squeeze(f"Reason {i:03d}")) == 1 for i in range(1, 71))  # no row lost or cut in two
    assert "Reason070" in body[-1]


def test_a_slide_with_everything_stays_on_one_page():
    sample = sample_report("en")
    full = replace(sample.slides[0], table=Table(columns=("Reason", "Contacts"),
                                                  rows=tuple((f"Reason {i}", str(i * 10)) for i in range(1, 7))),
                   bullets=("First point", "Second point"))
    pages = pages_of(pdf.to_pdf(replace(sample, slides=(full,), method="")), "everything")
    assert len(pages) == 2
    text = squeeze(pages[1]["text"]).lower()
    parts = ("Reason 6", "60", "Second point", full.notes, full.numbers[-1].label)
    assert all(squeeze(part).lower() in text for part in parts)
    assert pages[1]["blue"] > 0.01  # the chart is drawn next to the table


def test_context_with_css_and_markup_in_it_prints_as_text():
    hostile = 'Filters: reason "Returns"; } body { display: none } </style><h1>x</h1> \\ 100%'
    report = replace(sample_report("en"), context=(hostile, "Generated 1 Jul 2026 09:00"), slides=(
        Slide(title="One slide", message="Nothing else."),), method="")
    pages = pages_of(pdf.to_pdf(report), "hostile-context")
    assert len(pages) == 2
    assert all(squeeze(hostile) in squeeze(page["text"]) for page in pages)
    assert all(hostile in " ".join(page["text"].split()) for page in pages)  # every space kept
    assert "Nothingelse." in squeeze(pages[1]["text"])


def test_no_chromium_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("REPORT_CHROMIUM", "/nonexistent/chromium")
    assert pdf.chromium_path() is None
    with pytest.raises(pdf.ChromiumMissing, match="No Chromium found to print the PDF"):
        pdf.html_to_pdf("<p>x</p>")


def test_a_hanging_chromium_is_stopped(tmp_path):
    hanging = tmp_path / "chromium"
    hanging.write_text("#!/bin/sh\nsleep 30\n")
    hanging.chmod(hanging.stat().st_mode | stat.S_IXUSR)
    with pytest.raises(RuntimeError, match="longer than 1 s"):
        pdf.html_to_pdf("<p>x</p>", chromium=str(hanging), timeout=1)


def test_a_failing_chromium_says_so(tmp_path):
    failing = tmp_path / "chromium"
    failing.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n")
    failing.chmod(failing.stat().st_mode | stat.S_IXUSR)
    with pytest.raises(RuntimeError, match="exit code 3.*cannot open display"):
        pdf.html_to_pdf("<p>x</p>", chromium=str(failing))

