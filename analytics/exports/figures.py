"""Charts as PNG and SVG, drawn on the server by Kaleido in a Chromium.

Kaleido's server is started once per process: a cold export costs ~2 s, a warm one ~0.3 s
(``benchmarks/export_speed.py``). Without the server every export would start a Chromium.
Drawings go through the server one at a time.

:func:`stamped_figure` makes the copy that goes into a file: the chart with its title and,
under the title, the lines that say what it covers (period, filters, data freshness,
generated at), so a PNG pasted into a deck still tells where it came from.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from html import escape

import plotly.graph_objects as go

PNG_SIZE = (1600, 900)  # 16:9, sharp on a projector and in a deck
TITLE_SIZE = 20
TITLE_COLOUR = "#24292f"
STAMP_SIZE = 13
STAMP_COLOUR = "#57606a"
_LINE_SPACING = 1.3  # plotly's distance between lines of text, in font sizes
_SUBTITLE_GAP = 12
_PAD_TOP = 18
_GAP_BELOW = 12
_started = False
_lock = threading.Lock()
_drawing = threading.Lock()


def _ensure_server() -> None:
    global _started
    with _lock:
        if not _started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _started = True


def figure_image(figure: go.Figure, fmt: str, *, width: int = PNG_SIZE[0], height: int = PNG_SIZE[1],
                 scale: float = 1.0) -> bytes:
    """``figure`` drawn as ``fmt`` ("png", "svg" or "pdf"), ``width`` × ``height`` layout
    pixels (a PNG has ``scale`` times as many)."""
    _ensure_server()
    # One drawing at a time: Kaleido's server hands results back through one shared queue,
    # so two sessions exporting at once could each receive the other's image.
    with _drawing, warnings.catch_warnings():
        # plotly passes options Kaleido's server already has; it says so on every call
        warnings.filterwarnings("ignore", message=".*kopts.*", category=UserWarning)
        return figure.to_image(format=fmt, width=width, height=height, scale=scale)


def figure_png(figure: go.Figure, *, width: int = PNG_SIZE[0], height: int = PNG_SIZE[1],
               scale: float = 1.0) -> bytes:
    return figure_image(figure, "png", width=width, height=height, scale=scale)


def figure_svg(figure: go.Figure, *, width: int = PNG_SIZE[0], height: int = PNG_SIZE[1]) -> bytes:
    return figure_image(figure, "svg", width=width, height=height)


def stamped_figure(figure: go.Figure, *, title: str | None, stamp_lines: Sequence[str]) -> go.Figure:
    """A copy of ``figure`` with ``title`` and, under it in small grey type, the
    ``stamp_lines``, in a block above the chart; ``figure`` itself is not changed (the page
    keeps showing it).

    The block is placed in pixels from the top of the image and the top margin grows by
    its height, so the chart, its legend and the annotations above it keep the room they
    had: nothing overlaps, whatever the chart's own margins are.
    """
    copy = go.Figure(figure)
    lines = [escape(line) for line in stamp_lines]
    heading = f"<b>{escape(title)}</b>" if title else ""
    margin = copy.layout.margin
    top = margin.t if margin.t is not None else 80
    left = max(margin.l if margin.l is not None else 20, 12)
    stamp = "<br>".join(lines)
    if heading:
        block = _PAD_TOP + TITLE_SIZE * _LINE_SPACING + _SUBTITLE_GAP + STAMP_SIZE * _LINE_SPACING * len(lines)
        title_layout = dict(text=heading, font=dict(size=TITLE_SIZE, color=TITLE_COLOUR),
                            subtitle=dict(text=stamp, font=dict(size=STAMP_SIZE, color=STAMP_COLOUR)))
    else:
        block = _PAD_TOP + STAMP_SIZE * _LINE_SPACING * len(lines)
        title_layout = dict(text=stamp, font=dict(size=STAMP_SIZE, color=STAMP_COLOUR))
    copy.update_layout(
        title=dict(**title_layout, x=0, xref="container", xanchor="left", y=1, yref="container", yanchor="top",
                   pad=dict(t=_PAD_TOP, l=left), automargin=False),
        margin=dict(t=top + round(block + _GAP_BELOW)),
        height=None, width=None,
    )
    return copy
