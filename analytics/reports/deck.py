"""A report drawn as a 16:9 PowerPoint deck (python-pptx, no template file).

One message per slide: a sentence-like title, the message under it, then what backs it
up: big numbers (value at 40 pt or more), a chart (a PNG drawn by Kaleido at the size of
its box), or a real table (12 pt or more, at most ``MAX_TABLE_ROWS`` rows and no more
than fit, then "+N more"). Every slide has speaker notes with the definitions used, the
report's context lines as a footer and a slide number. The title slide carries the context lines in full; the
report's method note is the last slide.
"""

from __future__ import annotations

import io
import math

import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from analytics.exports.figures import figure_png
from analytics.i18n import active_language, t, using_language
from analytics.reports.model import BigNumber, Report, Slide, Table

WIDTH, HEIGHT = 40 / 3, 7.5          # inches, 16:9 (12,192,000 × 6,858,000 EMU)
MARGIN = 0.5
CONTENT_WIDTH = WIDTH - 2 * MARGIN
BODY_TOP, BODY_BOTTOM = 2.2, 6.75
MAX_TABLE_ROWS = 10
MAX_CELL_CHARS = 90
CHART_PX_PER_INCH = 100               # with a 19 px font, chart text prints at about 14 pt
CHART_FONT_PX = 19

INK = RGBColor(0x1F, 0x23, 0x28)
MUTED = RGBColor(0x57, 0x60, 0x6A)
ACCENT = RGBColor(0x1F, 0x6F, 0xEB)
GOOD = RGBColor(0x1A, 0x7F, 0x37)
BAD = RGBColor(0xCF, 0x22, 0x2E)
HEADER_FILL = RGBColor(0x24, 0x29, 0x2F)
BAND_FILL = RGBColor(0xF6, 0xF8, 0xFA)
ALERT_FILL = RGBColor(0xFF, 0xEB, 0xE9)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
CARD_FILL = RGBColor(0xF6, 0xF8, 0xFA)
TONES = {"good": GOOD, "bad": BAD, "neutral": MUTED}


def to_pptx(report: Report) -> bytes:
    """The report as the bytes of a .pptx file."""
    with using_language(report.language):
        deck = Presentation()
        deck.slide_width, deck.slide_height = Emu(12_192_000), Emu(6_858_000)
        blank = deck.slide_layouts[6]
        _title_slide(deck.slides.add_slide(blank), report)
        for slide in report.slides:
            _content_slide(deck.slides.add_slide(blank), slide, report, len(deck.slides))
        if report.method:
            method = Slide(title=t("reports.method_title"), message=t("reports.method_message"),
                           notes=report.method.replace("\n\n", "\n"))
            _content_slide(deck.slides.add_slide(blank), method, report, len(deck.slides),
                           paragraphs=tuple(p for p in report.method.split("\n\n") if p.strip()))
        out = io.BytesIO()
        deck.save(out)
        return out.getvalue()


# --- slides ------------------------------------------------------------------------------

def _title_slide(page, report: Report) -> None:
    _accent_bar(page)
    _text(page, MARGIN, 1.7, CONTENT_WIDTH, 1.4, report.title, size=40, bold=True, min_size=28).name = "Title"
    _text(page, MARGIN, 3.15, CONTENT_WIDTH, 0.9, report.subtitle, size=22, color=MUTED, min_size=16).name = "Subtitle"
    _paragraphs(page, MARGIN, 4.5, CONTENT_WIDTH, 2.3, report.context, size=16, color=MUTED, min_size=12)
    _notes(page, t("reports.title_notes", context="; ".join(report.context)))


def _content_slide(page, slide: Slide, report: Report, number: int, paragraphs: tuple[str, ...] = ()) -> None:
    _accent_bar(page)
    _text(page, MARGIN, 0.35, CONTENT_WIDTH, 0.95, slide.title, size=30, bold=True, min_size=20,
          anchor=MSO_ANCHOR.BOTTOM).name = "Title"
    _text(page, MARGIN, 1.35, CONTENT_WIDTH, 0.8, slide.message, size=16, color=MUTED, min_size=11).name = "Message"
    _body(page, slide, paragraphs)
    _footer(page, report.footer, number)
    _notes(page, slide.notes)


def _body(page, slide: Slide, paragraphs: tuple[str, ...]) -> None:
    top, height = BODY_TOP, BODY_BOTTOM - BODY_TOP
    if paragraphs:
        _paragraphs(page, MARGIN, top, CONTENT_WIDTH, height, paragraphs, size=15, min_size=11, space=8)
        return
    numbers, bullets = slide.numbers, slide.bullets
    if slide.chart is not None:
        left, width = MARGIN, CONTENT_WIDTH
        if numbers:  # numbers stacked on the left, the chart beside them
            _number_column(page, numbers, MARGIN, top, 3.6, height - (1.0 if bullets else 0))
            left, width = MARGIN + 3.9, CONTENT_WIDTH - 3.9
        chart_height = height - (1.0 if bullets else 0)
        _chart(page, slide.chart, left, top, width, chart_height)
        if bullets:
            _paragraphs(page, MARGIN, top + chart_height + 0.05, CONTENT_WIDTH, 0.95, bullets, size=13, min_size=10,
                        bullet=True)
        return
    if slide.table is not None:
        used = _table(page, slide.table, MARGIN, top, CONTENT_WIDTH, height - (0.8 if bullets else 0))
        if bullets:
            _paragraphs(page, MARGIN, top + used + 0.15, CONTENT_WIDTH, height - used - 0.15, bullets, size=13,
                        min_size=10, bullet=True)
        return
    if numbers:
        _number_row(page, numbers, MARGIN, top + 0.1, CONTENT_WIDTH, 2.5)
        top, height = top + 2.85, height - 2.85
    if bullets:
        _paragraphs(page, MARGIN, top, CONTENT_WIDTH, height, bullets, size=16, min_size=11, bullet=True, space=6)


# --- pieces ------------------------------------------------------------------------------

def _accent_bar(page) -> None:
    bar = page.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(WIDTH), Inches(0.12))
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()


def _fitted_size(texts, width: float, height: float, size: float, min_size: float, *, bold: bool = False,
                 paragraph_space: float = 0) -> float:
    """The largest font size from ``size`` down to ``min_size`` at which ``texts`` (one
    paragraph each, ``paragraph_space`` points after each) fit the box, estimating an
    average glyph at 0.5 (bold 0.6) of the size."""
    glyph = 0.65 if bold else 0.5
    longest_word = max((len(word) for text in texts for word in text.split()), default=1)
    while size > min_size:
        per_line = max(1, int((width - 0.1) * 72 / (size * glyph)))
        lines = sum(max(1, math.ceil(len(text) / per_line)) for text in texts)
        fits = (lines * size * 1.2 + paragraph_space * (len(texts) - 1)) / 72 <= height - 0.1
        if fits and longest_word <= per_line:  # a word is never broken in two
            break
        size -= 1
    return size


def _text(page, left, top, width, height, text: str, *, size: float, bold: bool = False, color=INK,
          min_size: float | None = None, align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP):
    size = _fitted_size([text], width, height, size, min_size or size, bold=bold)
    box = page.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, color
    return box


def _paragraphs(page, left, top, width, height, texts, *, size: float, min_size: float, color=INK,
                bullet: bool = False, space: float = 4) -> None:
    texts = [("•  " if bullet else "") + text for text in texts]
    size = _fitted_size(texts, width, height, size, min_size, paragraph_space=space)
    box = page.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for i, text in enumerate(texts):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(space)
        run = paragraph.add_run()
        run.text = text
        run.font.size, run.font.color.rgb = Pt(size), color


def _card(page, number: BigNumber, left, top, width, height, value_size: float) -> None:
    card = page.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(left), Inches(top), Inches(width), Inches(height))
    card.fill.solid()
    card.fill.fore_color.rgb = CARD_FILL
    card.line.fill.background()
    roomy = height >= 2
    label_height = 0.65 if roomy else 0.42
    _text(page, left + 0.15, top + 0.08, width - 0.3, label_height, number.label, size=16 if roomy else 14,
          color=MUTED, min_size=11)
    value_top = top + 0.08 + label_height
    value_height = value_size / 72 * 1.35
    _text(page, left + 0.15, value_top, width - 0.3, value_height, number.value, size=value_size, bold=True,
          min_size=18, anchor=MSO_ANCHOR.MIDDLE).name = "Big number"  # a word (a method) may shrink
    if number.detail:
        _text(page, left + 0.15, value_top + value_height, width - 0.3, top + height - value_top - value_height,
              number.detail, size=14, color=TONES.get(number.tone, MUTED), min_size=10)


def _number_row(page, numbers: tuple[BigNumber, ...], left, top, width, height) -> None:
    gap = 0.25
    each = (width - gap * (len(numbers) - 1)) / len(numbers)
    value_size = 48 if len(numbers) <= 3 else 44
    for i, number in enumerate(numbers):
        _card(page, number, left + i * (each + gap), top, each, height, value_size)


def _number_column(page, numbers: tuple[BigNumber, ...], left, top, width, height) -> None:
    gap = 0.15
    each = (height - gap * (len(numbers) - 1)) / len(numbers)
    for i, number in enumerate(numbers):
        _card(page, number, left, top + i * (each + gap), width, each, 40)


def _chart(page, figure: go.Figure, left, top, width, height) -> None:
    """The figure drawn for its box: the box's aspect ratio, fonts readable on a projector,
    the report language's decimal and thousands separators; the page's figure untouched."""
    drawn = go.Figure(figure)
    nl = active_language() == "nl"
    drawn.update_layout(font=dict(size=CHART_FONT_PX), separators=",." if nl else ".,", height=None, width=None)
    drawn.update_layout(legend=dict(font=dict(size=CHART_FONT_PX)), margin=dict(l=20, r=30, t=60, b=20))
    for axis in [*drawn.select_xaxes(), *drawn.select_yaxes()]:
        title = axis.title.text or ""
        if len(title) > 55 and "<br>" not in title:  # a long axis title wraps instead of running off
            middle = title.rfind(" ", 0, len(title) // 2 + 8)
            axis.title.text = title[:middle] + "<br>" + title[middle + 1:] if middle > 0 else title
    if nl:  # plotly names months in English: Dutch dates are written out as numbers
        for axis in drawn.select_xaxes():
            if "%b" in (axis.tickformat or ""):
                axis.tickformat = "%d-%m-%Y"
    png = figure_png(drawn, width=int(width * CHART_PX_PER_INCH), height=int(height * CHART_PX_PER_INCH), scale=2)
    page.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top), Inches(width), Inches(height))


def _looks_numeric(text: str) -> bool:
    return bool(text) and (text[0].isdigit() or text[0] in "+-\u2212€<–") and len(text) < 24


def _wrapped_lines(text: str, chars: float) -> int:
    """How many lines ``text`` takes when wrapped between words at ``chars`` a line."""
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need <= chars or used == 0:
            used = need
        else:
            lines, used = lines + 1, len(word)
        lines += max(0, math.ceil(len(word) / max(chars, 1)) - 1)  # a word longer than the cell
    return lines


def _column_widths(header: list[str], cells: list[list[str]], width: float, font: float) -> list[float]:
    """Each column at least as wide as its longest header word (bold) and, for short values
    (numbers, dates), its longest value, so that only words and long texts wrap; the rest of
    the width goes to the long-text columns."""
    em = font / 12
    floors, weights = [], []
    for j, name in enumerate(header):
        word = max((len(w) for w in name.split()), default=1)
        longest = max([len(row[j]) for row in cells] + [1])
        floors.append(max(word * 0.115 * em + 0.2, longest * 0.105 * em + 0.2 if longest <= 16 else 1.0))
        weights.append(min(max(longest, len(name) * 0.6, 4), 45))
    spare = width - sum(floors)
    long_text = [w if w > 16 else 0 for w in weights]
    if not any(long_text):
        long_text = weights
    if spare >= 0:
        return [f + spare * w / sum(long_text) for f, w in zip(floors, long_text)]
    return [f * width / sum(floors) for f in floors]


def _row_heights(rows: list[list[str]], widths: list[float], font: float) -> list[float]:
    per_inch = 72 / (font * 0.55)
    return [max(0.36, max(_wrapped_lines(text, (w - 0.15) * per_inch) for text, w in zip(row, widths))
                * font * 1.22 / 72 + 0.1) for row in rows]


def _table(page, table: Table, left, top, width, max_height) -> float:
    """Draw ``table``: at most ``MAX_TABLE_ROWS`` rows, fewer when wrapped rows would run
    past ``max_height``, then a "+N more" row. Returns the height used, in inches."""
    header = list(table.columns)
    shown = min(len(table.rows), MAX_TABLE_ROWS)
    while True:
        hidden = len(table.rows) - shown
        rows = [list(r) for r in table.rows[:shown]]
        if hidden > 0:
            rows.append([t("reports.more_rows", count=hidden)] + [""] * (len(header) - 1))
        cells = [[_short(text) for text in row] for row in rows]
        font = 13 if len(rows) <= 6 else 12
        widths = _column_widths(header, cells, width, font)
        row_heights = _row_heights([header, *cells], widths, font)
        if sum(row_heights) <= max_height or shown <= 3:
            break
        shown -= 1
    height = sum(row_heights)
    shape = page.shapes.add_table(len(rows) + 1, len(header), Inches(left), Inches(top), Inches(width),
                                  Inches(height))
    grid = shape.table
    grid.first_row = True
    grid.horz_banding = False
    for j, w in enumerate(widths):
        grid.columns[j].width = Emu(int(Inches(w)))
    for i, h in enumerate(row_heights):
        grid.rows[i].height = Emu(int(Inches(h)))
    numeric = [all(_looks_numeric(row[j]) or not row[j] for row in cells[:shown])
               and any(row[j] for row in cells[:shown]) for j in range(len(header))]
    for j, name in enumerate(header):
        _cell(grid.cell(0, j), name, font, bold=True, color=WHITE, fill=HEADER_FILL,
              align=PP_ALIGN.RIGHT if numeric[j] else PP_ALIGN.LEFT)
    for i, row in enumerate(cells):
        more = hidden > 0 and i == len(cells) - 1
        fill = ALERT_FILL if i in table.highlight and not more else (BAND_FILL if i % 2 else WHITE)
        for j, text in enumerate(row):
            _cell(grid.cell(i + 1, j), text, font, bold=False, color=MUTED if more else INK, fill=fill,
                  align=PP_ALIGN.RIGHT if numeric[j] and not more else PP_ALIGN.LEFT)
    return height


def _short(text: str) -> str:
    text = str(text)
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS - 1].rstrip() + "…"


def _cell(cell, text: str, size: float, *, bold: bool, color, fill, align) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = fill
    cell.margin_left = cell.margin_right = Inches(0.07)
    cell.margin_top = cell.margin_bottom = Inches(0.04)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame = cell.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, color


def _footer(page, footer: str, number: int) -> None:
    _text(page, MARGIN, 6.95, CONTENT_WIDTH - 0.8, 0.45, footer, size=10, color=MUTED, min_size=8).name = "Footer"
    _text(page, WIDTH - MARGIN - 0.7, 6.95, 0.7, 0.45, str(number), size=12, color=MUTED,
          align=PP_ALIGN.RIGHT).name = "Slide number"


def _notes(page, notes: str) -> None:
    page.notes_slide.notes_text_frame.text = notes or ""
