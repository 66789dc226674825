"""A report as one self-contained HTML file: interactive charts that work offline.

plotly.js is written into the page once; each chart is a ``<div>`` drawn by it, so the
file needs no network at all (no CDN, no web fonts). Every text from the report is
escaped: reason names and pilot names come from customer data. The same layout, with the
charts as images, is what :mod:`analytics.reports.pdf` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

import plotly.graph_objects as go

from analytics.i18n import t, using_language
from analytics.reports.model import BigNumber, Report, Slide, Table

CHART_HEIGHT_PX = 460
# A cell that holds only a number (with sign, %, € or a dash) is set right-aligned.
NUMERIC_CELL = re.compile(r"^[\s+\-\u2212\u2013€%.,\d]*\d[\s+\-\u2212\u2013€%.,\d]*$|^[\u2013\-]$")

STYLE = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #1f6feb; --good: #1a7f37;
        --bad: #cf222e; --highlight: #ffebe9; --paper: #ffffff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: var(--paper); line-height: 1.45;
       font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.report { max-width: 1180px; margin: 0 auto; padding: 24px 32px 8px; }
.cover h1 { font-size: 30px; margin: 8px 0 4px; }
.cover .subtitle { font-size: 18px; color: var(--muted); margin: 0 0 14px; }
.context { list-style: none; margin: 0 0 16px; padding: 10px 14px; background: var(--panel);
           border-left: 4px solid var(--accent); font-size: 13px; color: var(--muted); }
.context li { margin: 2px 0; }
.contents { font-size: 14px; margin: 0 0 8px; }
.contents h2 { font-size: 15px; margin: 0 0 4px; color: var(--muted); font-weight: 600; }
.contents ol { margin: 0; padding-left: 22px; columns: 2; column-gap: 32px; }
.contents a { color: var(--accent); text-decoration: none; }
.slide, .method { border-top: 1px solid var(--line); padding: 18px 0 14px; }
.slide h2, .method h2 { font-size: 22px; margin: 0 0 4px; }
.slide .message { font-size: 17px; margin: 0 0 12px; font-weight: 500; }
.numbers { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 12px; }
.number { flex: 1 1 160px; max-width: 280px; padding: 8px 12px; background: var(--panel); border-radius: 6px; }
.number .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.number .value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.number .detail { font-size: 13px; color: var(--muted); }
.number.tone-good .detail { color: var(--good); }
.number.tone-bad .detail { color: var(--bad); }
.chart { margin: 0 0 12px; }
.chart img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 0 0 12px;
        font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td:not(:first-child):not(:last-child) { white-space: nowrap; } /* short labels such as "onder de band" stay on one line */
tr.highlight td { background: var(--highlight); }
tr.highlight td:first-child { box-shadow: inset 3px 0 0 var(--bad); }
.bullets { margin: 0 0 12px; padding-left: 22px; }
.bullets li { margin: 2px 0; }
.definitions { font-size: 12.5px; color: var(--muted); background: var(--panel); padding: 6px 12px;
               border-radius: 6px; margin: 0 0 6px; }
.definitions h3 { font-size: 12px; margin: 0 0 2px; text-transform: uppercase; letter-spacing: .03em; }
.definitions p { margin: 0 0 4px; white-space: pre-line; }
.method p { max-width: 72em; }
.report-footer { border-top: 1px solid var(--line); margin-top: 8px; padding: 8px 0 24px; font-size: 12px;
                 color: var(--muted); }
@media print {
  body { font-size: 12px; }
  .report { max-width: none; padding: 0; }
  .slide, .method { break-before: page; break-inside: avoid; border-top: none; padding-top: 0; }
  thead { display: table-header-group; }
  tr, .number, .definitions, .bullets li { break-inside: avoid; }
  h2, .message { break-after: avoid; }
  .contents a { color: var(--ink); }
}
"""

ChartHtml = Callable[[go.Figure, str, str, Slide], str]
SlideClass = Callable[[Slide], str]


def interactive_chart(figure: go.Figure, chart_id: str, label: str, slide: Slide) -> str:
    """A chart drawn in the browser by the plotly.js that the page carries."""
    height = None if figure.layout.height else f"{CHART_HEIGHT_PX}px"
    drawn = figure.to_html(full_html=False, include_plotlyjs=False, div_id=chart_id, default_width="100%",
                           default_height=height or "100%",
                           config={"displaylogo": False, "responsive": True})
    return f'<figure class="chart" role="img" aria-label="{escape(label)}">{drawn}</figure>'


def _numbers(numbers: tuple[BigNumber, ...]) -> str:
    cards = "".join(
        f'<div class="number tone-{escape(n.tone)}"><div class="label">{escape(n.label)}</div>'
        f'<div class="value">{escape(n.value)}</div>'
        + (f'<div class="detail">{escape(n.detail)}</div>' if n.detail else "")
        + "</div>"
        for n in numbers
    )
    return f'<div class="numbers">{cards}</div>'


def _numeric_columns(table: Table) -> list[bool]:
    """Per column: every cell a number (or a dash), so the column is set right-aligned."""
    return [all(NUMERIC_CELL.match(str(row[i]) or "-") for row in table.rows) and bool(table.rows)
            for i in range(len(table.columns))]


def _cell(tag: str, text: str, numeric: bool) -> str:
    kind = ' class="num"' if numeric else ""
    return f"<{tag}{kind}>{escape(text)}</{tag}>"


def table_html(table: Table) -> str:
    numeric = _numeric_columns(table)
    head = "".join(_cell("th", str(c), n) for c, n in zip(table.columns, numeric))
    rows = []
    for index, row in enumerate(table.rows):
        marked = ' class="highlight"' if index in table.highlight else ""
        cells = "".join(_cell("td", str(cell), n) for cell, n in zip(row, numeric))
        rows.append(f"<tr{marked}>{cells}</tr>")
    body = "".join(rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def slide_html(slide: Slide, number: int, chart_html: ChartHtml, extra_class: str = "") -> str:
    kinds = (" with-chart" if slide.chart is not None else "") + (" with-table" if slide.table is not None else "")
    kinds += f" {extra_class}" if extra_class else ""
    parts = [f'<section class="slide{kinds}" id="slide-{number}">', f"<h2>{escape(slide.title)}</h2>"]
    if slide.message:
        parts.append(f'<p class="message">{escape(slide.message)}</p>')
    if slide.numbers:
        parts.append(_numbers(slide.numbers))
    if slide.chart is not None:
        parts.append(chart_html(slide.chart, f"chart-{number}", t("report_ui.chart_label", title=slide.title), slide))
    if slide.table is not None and slide.table.columns:
        parts.append(table_html(slide.table))
    if slide.bullets:
        parts.append('<ul class="bullets">' + "".join(f"<li>{escape(b)}</li>" for b in slide.bullets) + "</ul>")
    if slide.notes:
        parts.append(f'<aside class="definitions"><h3>{escape(t("report_ui.definitions"))}</h3>'
                     f"<p>{escape(slide.notes)}</p></aside>")
    parts.append("</section>")
    return "".join(parts)


def method_html(method: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", method) if p.strip()]
    if not paragraphs:
        return ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f'<section class="method" id="method"><h2>{escape(t("report_ui.method"))}</h2>{body}</section>'


def document(report: Report, *, chart_html: ChartHtml, head: str = "", extra_css: str = "",
             slide_class: SlideClass | None = None) -> str:
    """The whole page; ``chart_html`` draws each chart (interactive here, an image for the
    PDF); ``slide_class`` may add a class to a slide's section (the PDF's page layout)."""
    with using_language(report.language):
        context = "".join(f"<li>{escape(line)}</li>" for line in report.context)
        contents = "".join(f'<li><a href="#slide-{i}">{escape(s.title)}</a></li>'
                           for i, s in enumerate(report.slides, start=1))
        if report.method.strip():
            contents += f'<li><a href="#method">{escape(t("report_ui.method"))}</a></li>'
        slides = "".join(slide_html(s, i, chart_html, slide_class(s) if slide_class else "")
                         for i, s in enumerate(report.slides, start=1))
        return (
            f'<!DOCTYPE html><html lang="{escape(report.language)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="contact-reduction dashboard ({escape(report.kind)} report)">'
            f"<title>{escape(report.title)}</title><style>{STYLE}{extra_css}</style>{head}</head>"
            f'<body><div class="report"><header class="cover"><h1>{escape(report.title)}</h1>'
            + (f'<p class="subtitle">{escape(report.subtitle)}</p>' if report.subtitle else "")
            + f'<ul class="context">{context}</ul>'
            f'<nav class="contents"><h2>{escape(t("report_ui.contents"))}</h2><ol>{contents}</ol></nav></header>'
            f"<main>{slides}{method_html(report.method)}</main>"
            f'<footer class="report-footer">{escape(report.footer)}</footer></div></body></html>'
        )


def to_html(report: Report) -> str:
    """``report`` as one HTML file that opens in any browser, offline included."""
    charts = any(slide.chart is not None for slide in report.slides)
    head = ""
    if charts:
        from plotly.offline import get_plotlyjs

        # "</script" cannot occur inside the inlined library, or the page would end early.
        library = get_plotlyjs().replace("</script", "<\\/script")
        head = f'<script type="text/javascript">{library}</script>'
    return document(report, chart_html=interactive_chart, head=head)
