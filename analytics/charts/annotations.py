"""Annotations on time charts: events and pilot windows as light shaded bands, public
holidays and rollouts as thin dashed lines, each labelled at the top of the plot (labels
staggered over a few rows so they do not overlap, long names shortened, the full name and
dates in the hover), and a legend entry per kind shown.

``annotate(figure, items, first_day=..., last_day=...)`` works on any figure with a date
x-axis; ``first_day``/``last_day`` are the days the chart shows: items outside them are
left out and bands are cut to them (so the axis never widens to hold an annotation).
"""

from __future__ import annotations

import html

from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from analytics import formatting
from analytics.i18n import t
from analytics.timeline import TimelineItem, items_between

EVENT_PLANNED = "#8250df"
EVENT_UNPLANNED = "#cf222e"
PILOT = "#bf8700"
HOLIDAY = "#8c959f"
ROLLOUT = "#1a7f37"
BAND_OPACITY = 0.10
LABEL_CHARS = 18          # longer names are shortened with "…" (the hover has the whole name)
LABEL_ROWS = 3            # staggered label rows; labels that fit in none keep only a marker
ROW_PIXELS = 15
CHAR_PIXELS = 6.2         # average width of a label character at the label font size
PLOT_PIXELS = 900         # the plot width the stagger plans for (charts are about this wide)
LONG_SPAN_DAYS = 200      # over longer spans holidays get a marker with a hover, not a written label
TIMELINE_GROUP = "timeline"


def _colour(item: TimelineItem) -> str:
    if item.kind == "event":
        return EVENT_PLANNED if item.foreseen else EVENT_UNPLANNED
    return {"pilot": PILOT, "holiday": HOLIDAY, "rollout": ROLLOUT}[item.kind]


def _legend_key(item: TimelineItem) -> str:
    if item.kind == "event":
        return "room.legend_event_planned" if item.foreseen else "room.legend_event_unplanned"
    return f"room.legend_{item.kind}"


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, escaped: names are typed by
    users, and plotly reads tags such as <a> and <br> in chart text."""
    text = " ".join(str(text).split())
    return html.escape(text if len(text) <= limit else text[: limit - 1].rstrip() + "…", quote=False)


def _label_text(item: TimelineItem) -> str:
    if item.kind == "rollout":
        return short_label(t("room.rollout_label", name=item.name))
    return short_label(item.name)


def _hover(item: TimelineItem) -> str:
    kind = t(_legend_key(item))
    when = (formatting.day(item.starts_on) if item.starts_on == item.ends_on
            else f"{formatting.day(item.starts_on)} – {formatting.day(item.ends_on)}")
    detail = item.detail
    if item.kind in ("pilot", "rollout") and detail:
        try:
            detail = t(f"pilots.status.{detail}")
        except KeyError:
            pass
    return "<br>".join(p for p in (f"<b>{html.escape(item.name, quote=False)}</b>", f"{kind} · {when}",
                                   html.escape(detail, quote=False) if detail else None) if p)


def label_rows(starts: list[float], widths: list[float], rows: int = LABEL_ROWS) -> list[int | None]:
    """Greedy stagger: each label (start and width in the same unit, in drawing order)
    goes in the first row where it does not overlap the previous label of that row;
    ``None`` when no row has room."""
    row_ends = [float("-inf")] * rows
    placed: list[int | None] = []
    for start, width in zip(starts, widths):
        for row in range(rows):
            if start >= row_ends[row]:
                row_ends[row] = start + width
                placed.append(row)
                break
        else:
            placed.append(None)
    return placed


def annotate(figure: go.Figure, items, *, first_day: date, last_day: date, font_size: int = 11,
             layer: str = "below") -> go.Figure:
    """Draw the timeline ``items`` (:class:`analytics.timeline.TimelineItem`) that touch
    ``first_day`` … ``last_day`` on ``figure`` (changed in place and returned).

    Bands (events, pilot windows) run from the first day's midnight to the midnight after
    the last day, cut to the shown days; lines (holidays, rollouts) sit on the day's
    midnight, where a daily chart draws that day's point. ``layer="above"`` draws the light
    bands over the data (for bar charts, whose bars would hide them).
    """
    first, last = pd.Timestamp(first_day).normalize(), pd.Timestamp(last_day).normalize()
    shown = items_between(list(items or []), first.date(), last.date())
    if not shown:
        return figure
    span_days = max((last - first).days, 1)
    written = [not (item.kind == "holiday" and span_days > LONG_SPAN_DAYS) for item in shown]
    label_x, label_width = [], []
    for item, is_written in zip(shown, written):
        if is_written:
            start = max(pd.Timestamp(item.starts_on), first)
            label_x.append((start - first).days)
            label_width.append((len(_label_text(item)) * CHAR_PIXELS + 8) / PLOT_PIXELS * span_days)
    placed = iter(label_rows(label_x, label_width))
    rows = [next(placed) if is_written else None for is_written in written]
    kinds_shown: dict[str, TimelineItem] = {}
    shapes, notes = [], []  # added in one layout update: add_vrect/add_annotation one by one is slow
    for item, row in zip(shown, rows):
        colour = _colour(item)
        name = f"{TIMELINE_GROUP}:{item.kind}"
        kinds_shown.setdefault(_legend_key(item), item)
        if item.is_span:
            x0 = max(pd.Timestamp(item.starts_on), first)
            x1 = min(pd.Timestamp(item.ends_on) + timedelta(days=1), last)
            if x1 <= x0:
                x1 = x0 + timedelta(hours=12)  # a one-day event on the last shown day: still visible
            shapes.append(dict(type="rect", x0=x0, x1=x1, xref="x", y0=0, y1=1, yref="paper", fillcolor=colour,
                               opacity=BAND_OPACITY, layer=layer, name=name,
                               line=dict(color=colour, width=1, dash="dot") if item.kind == "pilot" else dict(width=0)))
            x = x0
        else:
            x = pd.Timestamp(item.starts_on)
            if not (item.kind == "holiday" and span_days > LONG_SPAN_DAYS):  # over years: a marker, no line
                shapes.append(dict(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="paper", layer="below",
                                   name=name, line=dict(color=colour, width=1.5 if item.kind == "rollout" else 1,
                                                        dash="dash" if item.kind == "rollout" else "dot")))
        if row is None:  # no room for a label (or a holiday over a long span): a small marker at the foot
            notes.append(dict(x=x, y=0, xref="x", yref="paper", yanchor="bottom", xanchor="center", showarrow=False,
                              text="▴", font=dict(size=font_size, color=colour), hovertext=_hover(item), name=name))
            continue
        notes.append(dict(x=x, y=1, xref="x", yref="paper", yanchor="top", xanchor="left", showarrow=False,
                          yshift=-row * ROW_PIXELS, xshift=2, text=_label_text(item),
                          font=dict(size=font_size, color=colour if item.kind != "holiday" else "#57606a"),
                          bgcolor="rgba(255,255,255,0.75)", hovertext=_hover(item), name=name))
    figure.update_layout(shapes=[*figure.layout.shapes, *shapes], annotations=[*figure.layout.annotations, *notes])
    for key, item in kinds_shown.items():
        colour = _colour(item)
        if item.is_span or (item.kind == "holiday" and span_days > LONG_SPAN_DAYS):
            marker = (dict(symbol="square", size=12, color=colour, opacity=0.35) if item.is_span
                      else dict(symbol="triangle-up", size=8, color=colour))
            figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=t(key), meta=TIMELINE_GROUP,
                                        marker=marker, hoverinfo="skip", showlegend=True))
        else:
            figure.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=t(key), meta=TIMELINE_GROUP,
                                        line=dict(color=colour, width=1.5, dash="dash" if item.kind == "rollout" else "dot"),
                                        hoverinfo="skip", showlegend=True))
    return figure


def timeline_shapes(figure: go.Figure) -> list:
    """The shapes :func:`annotate` drew (for tests and exports)."""
    return [s for s in figure.layout.shapes if (s.name or "").startswith(TIMELINE_GROUP + ":")]


def timeline_labels(figure: go.Figure) -> list:
    """The labels :func:`annotate` drew."""
    return [a for a in figure.layout.annotations if (a.name or "").startswith(TIMELINE_GROUP + ":")]


def annotate_over(figure: go.Figure, items, x, **options) -> go.Figure:
    """:func:`annotate` over the days the chart's x values span (first to last value)."""
    if not items:
        return figure
    days = pd.to_datetime(pd.Series(list(x)), errors="coerce").dropna()
    if days.empty:
        return figure
    return annotate(figure, items, first_day=days.min().date(), last_day=days.max().date(), **options)
