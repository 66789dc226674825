"""Charts as PNG and SVG, drawn on the server by Kaleido in a Chromium.

Kaleido's server is started once per process: a cold export costs ~3 s, a warm one ~0.3 s.
"""

from __future__ import annotations

import threading

import plotly.graph_objects as go

PNG_SIZE = (1600, 900)  # 16:9, sharp on a projector and in a deck
_started = False
_lock = threading.Lock()


def _ensure_server() -> None:
    global _started
    with _lock:
        if not _started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _started = True


def figure_image(figure: go.Figure, fmt: str, *, width: int = PNG_SIZE[0], height: int = PNG_SIZE[1],
                 scale: float = 1.0) -> bytes:
    """``figure`` drawn as ``fmt`` ("png", "svg" or "pdf")."""
    _ensure_server()
    return figure.to_image(format=fmt, width=width, height=height, scale=scale)


def figure_png(figure: go.Figure, *, width: int = PNG_SIZE[0], height: int = PNG_SIZE[1],
               scale: float = 1.0) -> bytes:
    return figure_image(figure, "png", width=width, height=height, scale=scale)


def figure_svg(figure: go.Figure, *, width: int = PNG_SIZE[0], height: int = PNG_SIZE[1]) -> bytes:
    return figure_image(figure, "svg", width=width, height=height)
