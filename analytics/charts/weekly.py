"""Charts of the Weekly report page and of the Data page's taxonomy health."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts import NEUTRAL, _layout
from analytics.charts.annotations import annotate_over
from analytics.i18n import active_language, t

ABOVE = "#cf222e"
BELOW = "#1a7f37"
OTHER_LINE = "#bf8700"
SHALLOW_LINE = "#8250df"


def weekly_gap_chart(rows: pd.DataFrame, *, labels: dict[str, str], top: int = 15) -> go.Figure:
    """Horizontal bars of contacts minus expected for the ``top`` reasons with the largest
    gaps (rows need ``reason``, ``contacts``, ``expected``, ``gap``, ``gap_pct``, ``band``);
    red above the 95% band, green below it, grey inside. ``labels`` holds the legend and
    axis texts: ``gap``, ``inside``, ``above``, ``below``."""
    shown = rows.dropna(subset=["gap"]).assign(size=lambda f: f["gap"].abs())
    shown = shown.sort_values("size", ascending=False).head(top).iloc[::-1]
    fig = go.Figure()
    for band, colour, name in (("", NEUTRAL, labels["inside"]), ("above", ABOVE, labels["above"]),
                               ("below", BELOW, labels["below"])):
        part = shown[shown["band"] == band]
        fig.add_trace(go.Bar(
            y=part["reason"], x=part["gap"], orientation="h", name=name, marker=dict(color=colour),
            customdata=part[["contacts", "expected", "gap_pct"]].to_numpy(),
            hovertemplate="%{y}: %{customdata[0]:,.0f} " + t("weekly.chart_versus")
                          + " %{customdata[1]:,.0f} (%{customdata[2]:+.0%})<extra></extra>",
            showlegend=len(part) > 0,
        ))
    fig.update_layout(barmode="overlay")
    fig.update_yaxes(categoryorder="array", categoryarray=list(shown["reason"]), automargin=True)
    fig.update_xaxes(title=labels["gap"], zeroline=True, zerolinecolor=NEUTRAL)
    return _layout(fig, height=max(280, 26 * len(shown) + 90))


def taxonomy_trend_chart(monthly: pd.DataFrame, *, labels: dict[str, str], annotations=None) -> go.Figure:
    """Lines of the monthly share of "Other"-like and first-level-only contacts (columns
    ``month``, ``other_share``, ``first_level_only_share``) with the timeline
    ``annotations``; ``labels``: ``other``, ``shallow``, ``share``."""
    fig = go.Figure()
    for column, colour, name in (("other_share", OTHER_LINE, labels["other"]),
                                 ("first_level_only_share", SHALLOW_LINE, labels["shallow"])):
        fig.add_trace(go.Scatter(
            x=monthly["month"], y=monthly[column], mode="lines+markers", name=name,
            line=dict(color=colour, width=2), marker=dict(size=4),
            hovertemplate=("%{x|%m-%Y}" if active_language() == "nl" else "%{x|%b %Y}") + ": %{y:.1%}<extra></extra>",
        ))
    fig.update_yaxes(title=labels["share"], tickformat=".0%", rangemode="tozero")
    return _layout(annotate_over(fig, annotations, monthly["month"]), height=300)
