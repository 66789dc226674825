"""Plotly figure builders: pure functions from tidy frames to figures, used by the pages
and (later) the exports. Colours are fixed per channel group so every view agrees."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

CHANNEL_GROUP_COLOURS = {
    "voice": "#1f6feb",
    "chat": "#2da44e",
    "written": "#bf8700",
    "personal": "#8250df",
    "other": "#8c959f",
}
NEUTRAL = "#57606a"


def _layout(fig: go.Figure, height: int = 320) -> go.Figure:
    fig.update_layout(
        height=height, margin=dict(l=10, r=10, t=30, b=10), template="plotly_white",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        separators=".,",
    )
    return fig


def daily_contacts_chart(daily: pd.DataFrame, *, contacts_label: str = "Contacts") -> go.Figure:
    """A line of contacts per day (columns ``day``, ``contacts``)."""
    fig = go.Figure(go.Scatter(
        x=daily["day"], y=daily["contacts"], mode="lines", name=contacts_label,
        line=dict(color=NEUTRAL, width=2),
        hovertemplate="%{x|%a %d-%m-%Y}: %{y:,}<extra></extra>",
    ))
    fig.update_yaxes(title=contacts_label, rangemode="tozero")
    return _layout(fig)


def channel_group_chart(by_channel: pd.DataFrame, *, contacts_label: str = "Contacts") -> go.Figure:
    """Horizontal stacked bars: contacts per channel group, split by channel."""
    groups = (by_channel.groupby("channel_group")["contacts"].sum().sort_values())
    fig = go.Figure()
    for channel, rows in by_channel.groupby("channel", sort=False):
        group = rows["channel_group"].iloc[0]
        fig.add_trace(go.Bar(
            y=rows["channel_group"], x=rows["contacts"], name=channel, orientation="h",
            marker=dict(color=CHANNEL_GROUP_COLOURS.get(group, NEUTRAL), line=dict(color="white", width=1)),
            hovertemplate=f"{channel}: %{{x:,}}<extra></extra>", showlegend=False,
            text=[channel], textposition="inside", insidetextanchor="middle",
        ))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=list(groups.index))
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
