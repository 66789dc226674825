"""Chart images: real PNG of the asked size, SVG that parses and carries the title and the
stamp, the shown figure left alone, concurrent exports each getting their own image."""

from __future__ import annotations

import io
import os
import struct
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image

from analytics import charts
from analytics.exports.figures import figure_png, figure_svg, stamped_figure

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
STAMP = ("Period: 26 Oct 2026 – 22 Nov 2026", "Filters: reason Delivery > Late, channel phone",
         "Data up to 22 Nov 2026 23:59 (last import 23 Nov 2026 07:00)", "Generated 23 Nov 2026 13:45")


@pytest.fixture(scope="module")
def figure() -> go.Figure:
    daily = pd.DataFrame({"day": pd.date_range("2026-10-26", periods=28), "contacts": range(100, 128)})
    return charts.daily_contacts_chart(daily, contacts_label="Contacts")


def _svg_text(svg: bytes) -> str:
    return " ".join(" ".join(ElementTree.fromstring(svg).itertext()).split())


def test_png_has_the_signature_and_the_asked_size(figure):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Kaleido's "kopts ignored" note must not reach the logs
        png = figure_png(stamped_figure(figure, title="Contacts per day", stamp_lines=STAMP),
                         width=640, height=360, scale=2)
    assert png.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert (width, height) == (1280, 720)
    image = Image.open(io.BytesIO(png))
    assert image.size == (1280, 720)
    # something is drawn: the image is not one flat colour
    assert len(image.convert("L").getcolors(maxcolors=1_000_000)) > 10


def test_svg_parses_and_carries_title_and_stamp(figure):
    svg = figure_svg(stamped_figure(figure, title="Contacts per day", stamp_lines=STAMP), width=800, height=450)
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("width") == "800" and root.get("height") == "450"
    text = _svg_text(svg)
    assert "Contacts per day" in text
    for line in STAMP:
        assert line in text


def test_stamp_text_is_escaped_not_markup():
    fig = stamped_figure(go.Figure(), title="<b>R&D</b>", stamp_lines=("Filters: reason a<br>b",))
    svg = figure_svg(fig, width=600, height=300)
    assert "<b>R&D</b>" in _svg_text(svg) and "reason a<br>b" in _svg_text(svg)


def test_the_shown_figure_is_not_changed(figure):
    before = figure.to_json()
    stamped = stamped_figure(figure, title="Contacts per day", stamp_lines=STAMP)
    assert figure.to_json() == before
    assert stamped.layout.margin.t > figure.layout.margin.t  # room made for the stamp block
    assert stamped.layout.height is None  # the export chooses the size


def test_block_height_grows_with_the_lines(figure):
    one = stamped_figure(figure, title="T", stamp_lines=STAMP[:1]).layout.margin.t
    four = stamped_figure(figure, title="T", stamp_lines=STAMP).layout.margin.t
    untitled = stamped_figure(figure, title=None, stamp_lines=STAMP).layout.margin.t
    assert four - one == pytest.approx(3 * 13 * 1.3, abs=1)
    assert untitled < four


def test_concurrent_exports_each_get_their_own_image():
    figures = [stamped_figure(go.Figure(go.Bar(x=[1], y=[n])), title=f"Chart number {n}", stamp_lines=())
               for n in range(6)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        svgs = list(pool.map(lambda f: figure_svg(f, width=400, height=300), figures))
    for n, svg in enumerate(svgs):
        assert f"Chart number {n}" in _svg_text(svg)


def _descendant_processes() -> set[int]:
    """The process ids of every process below this one (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # a process that ended while we looked
    found, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def test_many_exports_share_one_chromium_and_leave_no_processes_behind(figure):
    figure_png(figure, width=400, height=300)  # the image server is started once per process
    after_first = _descendant_processes()
    for _ in range(12):
        figure_png(figure, width=400, height=300)
        figure_svg(figure, width=400, height=300)
    assert _descendant_processes() - after_first == set()  # nothing new lives on
    assert len(_descendant_processes()) <= len(after_first)
