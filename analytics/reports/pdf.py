"""A report as a PDF: A4 landscape, the cover on page 1 and each slide on a page of its own.

The page is the HTML report (:mod:`analytics.reports.html`) with each chart drawn as a PNG
by Kaleido, printed by a headless Chromium (Debian's ``chromium``). Pages are not cut:
every slide starts a new page and is kept in one piece when it fits; a table longer than
a page continues on the next with its header repeated. Each page carries the report's
context (period, filters, data freshness, generated at) and its page number in the
bottom margin.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import subprocess
import tempfile
from html import escape
from pathlib import Path

import plotly.graph_objects as go

from analytics.exports.figures import figure_png
from analytics.i18n import t, using_language
from analytics.reports.html import document
from analytics.reports.model import Report, Slide

PRINT_TIMEOUT_SECONDS = 120
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# A4 landscape: 297 × 210 mm, margins 10 mm (14 mm at the bottom, for the footer line).
CONTENT_WIDTH_MM = 277.0
CONTENT_HEIGHT_MM = 186.0
FILL_HEIGHT_MM = 183.0  # a little under the page, so rounding never pushes a slide onto two pages
CHART_PIXELS_WIDE = 1000  # at scale 2 on a 277 mm wide page: plotly's 12 px text prints at about 9 pt
MIN_CHART_MM, MAX_CHART_MM = 60.0, 125.0  # a chart above a table that runs on: between these
FILL_MIN_CHART_MM = 45.0  # a slide whose rest leaves its chart this much is laid out as one page


class ChromiumMissing(RuntimeError):
    """No Chromium to print with."""


def chromium_path() -> str | None:
    """The Chromium that prints the PDF: ``$REPORT_CHROMIUM`` when set, else the first on PATH."""
    chosen = os.environ.get("REPORT_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _required_chromium() -> str:
    chromium = chromium_path()
    if not chromium:
        raise ChromiumMissing("No Chromium found to print the PDF: install it (Debian: sudo apt-get install "
                              "chromium) or point REPORT_CHROMIUM at one.")
    return chromium


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string: every character outside a plain set is a six-digit
    hex escape, so nothing in it (quotes, backslashes, ``</style>``) can end the string or
    the sheet. Spaces are escaped too: CSS eats one space after an escape."""
    plain = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.:;()+%-")
    return '"' + "".join(c if c in plain else f"\\{ord(c):06x}" for c in text) + '"'


def page_css(report: Report) -> str:
    """A4 landscape pages with the context bottom left and "page 2 of 5" bottom right."""
    marker = "\0"
    before, middle, after = (t("report_ui.page_of", page=marker, pages=marker).split(marker) + ["", "", ""])[:3]
    page_number = f'{_css_string(before)} counter(page) {_css_string(middle)} counter(pages) {_css_string(after)}'
    box = "font: 8pt system-ui, Arial, sans-serif; color: #57606a;"
    return (
        "@page { size: A4 landscape; margin: 10mm 10mm 14mm 10mm;"
        f" @bottom-left {{ content: {_css_string(report.footer)}; {box} vertical-align: top; width: 85%; }}"
        f" @bottom-right {{ content: {page_number}; {box} vertical-align: top; }} }}"
        "@media print { .report-footer { display: none; } .contents a { color: inherit; }"
        # A slide with a chart whose rest fits on the page fills it: the chart takes the room left.
        f" .slide.fill-page {{ height: {FILL_HEIGHT_MM:.0f}mm; display: flex; flex-direction: column; }}"
        " .slide.fill-page > * { flex: none; }"
        " .slide.fill-page > .chart { flex: 1 1 0; min-height: 0; margin-bottom: 8px; }"
        " .slide.fill-page > .chart img { width: 100%; height: 100%; object-fit: contain; } }"
    )


def _lines(text: str, per_line: int) -> int:
    return -(-len(text) // per_line) if text else 0


def _rest_mm(slide: Slide) -> float:
    """Height of everything on the slide but its chart, in mm, estimated on the generous side
    from the print style (12 px text, a table row about 7 mm)."""
    used = 14 + 8 * _lines(slide.message, 120) + (30 if slide.numbers else 0)
    used += (8 + 5 * _lines(slide.notes, 170)) if slide.notes else 0
    used += sum(5.5 * _lines(b, 175) for b in slide.bullets) + (4 if slide.bullets else 0)
    if slide.table is not None:
        used += 7.5 * (len(slide.table.rows) + 1) + 4
    return used


def fills_page(slide: Slide) -> bool:
    """A chart slide whose other content leaves the chart at least ``FILL_MIN_CHART_MM``: laid
    out to fill exactly one page, the chart taking what the rest leaves (the estimate errs on
    the generous side, so the chart gets a little more). Other chart slides (a long table)
    get a fixed chart and let the table run on."""
    return slide.chart is not None and _rest_mm(slide) + FILL_MIN_CHART_MM <= CONTENT_HEIGHT_MM


def _chart_height_mm(slide: Slide) -> float:
    """Room left for the chart on the slide's page once the rest is placed (roughly, in mm)."""
    return max(MIN_CHART_MM, min(MAX_CHART_MM, CONTENT_HEIGHT_MM - _rest_mm(slide)))


def image_chart(figure: go.Figure, chart_id: str, label: str, slide: Slide) -> str:
    """The chart as a PNG drawn to the size it gets on the page, embedded in the page."""
    height_mm = _chart_height_mm(slide)
    width_mm = min(CONTENT_WIDTH_MM, height_mm * 2.6)
    height_px = round(CHART_PIXELS_WIDE * height_mm / width_mm)
    png = figure_png(figure, width=CHART_PIXELS_WIDE, height=height_px, scale=2)
    data = base64.b64encode(png).decode("ascii")
    # It fills what its page leaves (see page_css), or has a fixed size above a long table.
    size = "" if fills_page(slide) else f' style="width: {width_mm:.0f}mm; height: {height_mm:.0f}mm"'
    return (f'<figure class="chart" id="{chart_id}"><img alt="{escape(label)}"{size} '
            f'src="data:image/png;base64,{data}"></figure>')


def print_html(report: Report) -> str:
    """The page the PDF is printed from: the HTML report with images for charts."""
    with using_language(report.language):
        return document(report, chart_html=image_chart, extra_css=page_css(report),
                        slide_class=lambda slide: "fill-page" if fills_page(slide) else "")


def html_to_pdf(page: str, *, chromium: str | None = None, timeout: float = PRINT_TIMEOUT_SECONDS) -> bytes:
    """Print ``page`` (a whole HTML document) with headless Chromium.

    Raises
    ------
    ChromiumMissing
        When no Chromium is installed.
    RuntimeError
        When Chromium fails or takes longer than ``timeout`` seconds.
    """
    chromium = chromium or _required_chromium()
    with tempfile.TemporaryDirectory(prefix="report-pdf-") as folder:
        source, target = Path(folder) / "report.html", Path(folder) / "report.pdf"
        source.write_text(page, encoding="utf-8")
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                   f"--print-to-pdf={target}", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--no-first-run", "--disable-extensions", "--mute-audio",
                   f"--user-data-dir={Path(folder) / 'profile'}", source.as_uri()]
        # A session of its own, so a timeout stops Chromium's helper processes too.
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise RuntimeError(f"Chromium took longer than {timeout:.0f} s to print the PDF.") from exc
        if not target.exists() or target.stat().st_size == 0:
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RuntimeError(f"Chromium did not print the PDF (exit code {process.returncode}): {' '.join(detail)}")
        return target.read_bytes()


def to_pdf(report: Report) -> bytes:
    """``report`` as PDF bytes: a cover page, then one page per slide (more for a long table)."""
    chromium = _required_chromium()  # before the chart images are drawn
    return html_to_pdf(print_html(report), chromium=chromium)
