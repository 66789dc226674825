"""What a report says, independent of the file it is drawn in.

Builders (``weekly.py``, ``pilot.py``) fill these with text already in the report's
language and numbers already formatted for it; renderers (``deck.py``, ``html.py``,
``pdf.py``) only lay them out, so a number is the same in every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go


@dataclass(frozen=True)
class BigNumber:
    """A headline figure: "12.689" with label "Contacts" and detail "−4% vs expected"."""
    label: str
    value: str
    detail: str = ""
    tone: str = "neutral"  # "good", "bad" or "neutral": colours the detail


@dataclass(frozen=True)
class Table:
    """Already formatted text cells; ``highlight`` marks rows to draw in the alert colour."""
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    highlight: tuple[int, ...] = ()
    data: pd.DataFrame | None = None  # the unformatted numbers, for a CSV/Excel appendix


@dataclass(frozen=True)
class Slide:
    """One message: a real title, one sentence that says it, and what backs it up."""
    title: str
    message: str
    numbers: tuple[BigNumber, ...] = ()
    chart: go.Figure | None = None
    table: Table | None = None
    bullets: tuple[str, ...] = ()
    notes: str = ""  # speaker notes: the definitions used on this slide


@dataclass(frozen=True)
class Report:
    kind: str            # "weekly" or "pilot"
    language: str        # "en" or "nl"
    title: str
    subtitle: str
    context: tuple[str, ...]  # period, filters, data freshness, generated at: on the title and in every footer
    slides: tuple[Slide, ...] = field(default_factory=tuple)
    method: str = ""     # the method note, as plain paragraphs separated by blank lines

    @property
    def footer(self) -> str:
        return " · ".join(self.context)
