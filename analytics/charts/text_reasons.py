"""Charts of reasons learned from what customers wrote (Reasons & channels, "Reasons from
texts")."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analytics.charts import _layout
from analytics.i18n import active_language


def rising_candidates_chart(weeks: pd.DataFrame, *, labels: dict[str, str]) -> go.Figure:
    """One line per rising candidate reason: its texts per week (columns ``week_start``,
    the Monday, ``name`` and ``contacts``). ``labels``: ``texts`` (the y axis)."""
    fig = go.Figure()
    colours = px.colors.qualitative.Safe
    week = "%d-%m-%Y" if active_language() == "nl" else "%d %b %Y"
    for number, (name, rows) in enumerate(weeks.groupby("name", sort=False)):
        fig.add_trace(go.Scatter(
            x=rows["week_start"], y=rows["contacts"], mode="lines+markers", name=name,
            line=dict(color=colours[number % len(colours)], width=2), marker=dict(size=4),
            hovertemplate=f"{name}<br>%{{x|{week}}}: %{{y:,}}<extra></extra>",
        ))
    fig.update_yaxes(title=labels["texts"], rangemode="tozero")
    fig.update_layout(showlegend=True)  # named even when only one rises
    return _layout(fig, height=320)
