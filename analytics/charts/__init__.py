"""Plotly figure builders: pure functions from tidy frames to figures, used by the pages
and (later) the exports. Colours are fixed per channel group so every view agrees."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.annotations import annotate_over
from analytics.i18n import active_language
from analytics.charts.colours import (  # noqa: F401  (re-exported: one place for colours)
    CHANNEL_GROUP_COLOURS, NEUTRAL, channel_colour, group_colour, group_order,
)


def _has_dates_on_x(fig: go.Figure) -> bool:
    """Whether a trace puts dates along the x axis (its tick labels are then dates)."""
    for trace in fig.data:
        x = getattr(trace, "x", None)
        if x is not None and len(x) and (getattr(x, "dtype", None) is not None and x.dtype.kind == "M"
                                         or isinstance(x[0], (date, datetime, pd.Timestamp))):
            return True
    return False


def _layout(fig: go.Figure, height: int = 320) -> go.Figure:
    dates_on_x = _has_dates_on_x(fig)
    if active_language() == "nl" and dates_on_x:
        # Plotly spells months in English ("Oct 27"); Dutch readers get 27-10-2026.
        fig.update_xaxes(tickformat="%d-%m-%Y", hoverformat="%d-%m-%Y")
    # Numbers on an axis get thousands separators (2.500, not 2500 or 2.5k), unless the
    # chart chose a format (percentages); category axes ignore it.
    fig.for_each_yaxis(lambda axis: axis.update(tickformat=",") if axis.tickformat is None else None)
    if not dates_on_x:
        fig.for_each_xaxis(lambda axis: axis.update(tickformat=",") if axis.tickformat is None else None)
    fig.update_layout(
        height=height, margin=dict(l=10, r=10, t=30, b=10), template="plotly_white",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        separators=",." if active_language() == "nl" else ".,",  # decimal mark, then thousands
    )
    return fig


FEW_DAYS = 3
MAX_PERIOD_TICKS = 12  # weeks or months up to which each gets its own tick
# Days of room beside a few points, and plotly's tick step: a day, a week (in ms) or a month.
_FEW_POINT_AXES = {"day": (1, 86_400_000), "week": (7, 7 * 86_400_000), "month": (31, "M1")}


def daily_contacts_chart(daily: pd.DataFrame, *, contacts_label: str = "Contacts", annotations=None,
                         grain: str = "day") -> go.Figure:
    """A line of contacts per day (columns ``day``, ``contacts``), or per week or month
    (``grain``; ``day`` then holds each period's first day); ``annotations``: the timeline
    items (events, holidays, pilots) to mark (:mod:`analytics.charts.annotations`)."""
    few = len(daily) <= FEW_DAYS  # a line needs two points: one or a few are drawn as dots
    daily_grain = grain == "day"
    fig = go.Figure(go.Scatter(
        x=daily["day"], y=daily["contacts"], mode="lines+markers" if few or not daily_grain else "lines",
        name=contacts_label, line=dict(color=NEUTRAL, width=2), marker=dict(size=9, color=NEUTRAL),
        # Plotly names weekdays in English only: a Dutch hover shows the date alone.
        hovertemplate=("%{x|%d-%m-%Y}" if active_language() == "nl" or not daily_grain else "%{x|%a %d-%m-%Y}")
        + ": %{y:,}<extra></extra>",
    ))
    fig.update_yaxes(title=contacts_label, rangemode="tozero")
    date_format = "%d-%m-%Y" if active_language() == "nl" else "%d %b %Y"
    days = pd.to_datetime(daily["day"])
    if few and len(daily):  # one tick per point, a period's width of room on either side
        pad, tick = _FEW_POINT_AXES.get(grain, _FEW_POINT_AXES["day"])
        fig.update_xaxes(range=[days.min() - pd.Timedelta(days=pad), days.max() + pd.Timedelta(days=pad)],
                         dtick=tick, tickformat=date_format)
    elif not daily_grain and len(daily) <= MAX_PERIOD_TICKS:
        # A tick on each week's or month's first day: plotly's own step (every 3 days, say)
        # would put ticks between the points.
        fig.update_xaxes(tickvals=list(days), tickformat=date_format)
    return _layout(annotate_over(fig, annotations, daily["day"]))


def channel_group_chart(by_channel: pd.DataFrame, *, contacts_label: str = "Contacts",
                        group_names: dict[str, str] | None = None) -> go.Figure:
    """Horizontal stacked bars: contacts per channel group, split by channel; ``group_names``
    shows each group (a stored code such as "voice") in the reader's language."""
    groups = (by_channel.groupby("channel_group")["contacts"].sum().sort_values())
    fig = go.Figure()
    for channel, rows in by_channel.groupby("channel", sort=True):  # by name: the same stacking every time
        group = rows["channel_group"].iloc[0]
        fig.add_trace(go.Bar(
            y=rows["channel_group"], x=rows["contacts"], name=channel, orientation="h",
            marker=dict(color=channel_colour(channel, group), line=dict(color="white", width=1)),
            hovertemplate=f"{channel}: %{{x:,}}<extra></extra>", showlegend=False,
            text=[channel], textposition="inside", insidetextanchor="middle",
        ))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=list(groups.index))
    if group_names:
        fig.update_yaxes(tickvals=list(groups.index), ticktext=[group_names.get(g, g) for g in groups.index])
    fig.update_xaxes(title=contacts_label)
    return _layout(fig, height=260)


def top_reasons_chart(top: pd.DataFrame, *, contacts_label: str = "Contacts") -> go.Figure:
    """Horizontal bars of the biggest reasons, biggest on top."""
    ordered = top.iloc[::-1]
    fig = go.Figure(go.Bar(
        y=ordered["reason"], x=ordered["contacts"], orientation="h",
        marker=dict(color=NEUTRAL), hovertemplate="%{y}: %{x:,}<extra></extra>",
    ))
    fig.update_xaxes(title=contacts_label)
    return _layout(fig, height=max(260, 28 * len(top) + 60))


BAND_95 = "rgba(31, 111, 235, 0.12)"
BAND_80 = "rgba(31, 111, 235, 0.22)"
EXPECTED = "#1f6feb"
ACTUAL = "#24292f"
ANOMALY_ABOVE = "#cf222e"
ANOMALY_BELOW = "#1a7f37"


def baseline_chart(
    periods: pd.DataFrame, anomalies: pd.DataFrame, *, annotations=None, show_naive: bool = False,
    labels: dict[str, str] | None = None,
) -> go.Figure:
    """Actual against expected with the 80% and 95% bands, anomalies marked, and the
    timeline ``annotations`` (events and pilots shaded, holidays and rollouts as lines).
    ``periods`` is indexed by period start with ``actual``, ``expected``, ``lo80``,
    ``hi80``, ``lo95``, ``hi95`` (and ``naive_8w`` when ``show_naive``)."""
    text = {"actual": "Actual", "expected": "Expected", "band95": "95% band", "band80": "80% band",
            "naive": "Seasonal naive (8 weeks)", "anomaly": "Outside the 95% band", **(labels or {})}
    x = periods.index
    fig = go.Figure()
    for lo, hi, colour, name in (("lo95", "hi95", BAND_95, text["band95"]), ("lo80", "hi80", BAND_80, text["band80"])):
        fig.add_trace(go.Scatter(x=x, y=periods[hi], mode="lines", line=dict(width=0), showlegend=False,
                                 hoverinfo="skip", legendgroup=name))
        fig.add_trace(go.Scatter(x=x, y=periods[lo], mode="lines", line=dict(width=0), fill="tonexty",
                                 fillcolor=colour, name=name, legendgroup=name, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=x, y=periods["expected"], mode="lines", name=text["expected"],
                             line=dict(color=EXPECTED, width=2, dash="dash"),
                             hovertemplate="%{x|%d-%m-%Y}: %{y:,.0f}<extra>" + text["expected"] + "</extra>"))
    if show_naive and "naive_8w" in periods:
        fig.add_trace(go.Scatter(x=x, y=periods["naive_8w"], mode="lines", name=text["naive"],
                                 line=dict(color="#bf8700", width=1.5, dash="dot")))
    fig.add_trace(go.Scatter(x=x, y=periods["actual"], mode="lines+markers", name=text["actual"],
                             line=dict(color=ACTUAL, width=2), marker=dict(size=4),
                             hovertemplate="%{x|%d-%m-%Y}: %{y:,.0f}<extra>" + text["actual"] + "</extra>"))
    if len(anomalies):
        period_column = anomalies.columns[0]
        colours = [ANOMALY_ABOVE if d == "above" else ANOMALY_BELOW for d in anomalies["direction"]]
        fig.add_trace(go.Scatter(x=anomalies[period_column], y=anomalies["actual"], mode="markers",
                                 name=text["anomaly"], marker=dict(size=11, color=colours, symbol="circle-open",
                                                                   line=dict(width=2.5))))
    annotate_over(fig, annotations, x)
    fig.update_yaxes(rangemode="tozero")
    return _layout(fig, height=420)
