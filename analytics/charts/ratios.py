"""Figures of the Contact ratios page: the ratio over time against its seasonal band, the
ratio per breakdown value, the "start small" scatter and the value of contacts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.charts import ACTUAL, BAND_80, BAND_95, EXPECTED, NEUTRAL, _layout
from analytics.charts.annotations import annotate_over
from analytics.formatting import rate

CANDIDATE = "#cf222e"
QUADRANT = "rgba(207, 34, 46, 0.07)"
VALUE_CLASS_COLOURS = {
    "valuable": "#2da44e",
    "avoidable": "#cf222e",
    "automatable": "#1f6feb",
    "no_value": "#8c959f",
    "not_classified": "#d0d7de",
}


def ratio_chart(periods: pd.DataFrame, *, labels: dict[str, str] | None = None, annotations=None) -> go.Figure:
    """The ratio per period (a break in the line where the driver is missing), the
    expected ratio and its 80%/95% bands when ``periods`` has them (``expected_ratio``,
    ``lo80`` … ``hi95``), and the timeline ``annotations``. ``periods`` is indexed by
    period start."""
    text = {"actual": "Contacts per 1,000", "expected": "Expected", "band95": "95% band",
            "band80": "80% band", "axis": "Contacts per 1,000", **(labels or {})}
    x = periods.index
    fig = go.Figure()
    if "expected_ratio" in periods:
        for lo, hi, colour, name in (("lo95", "hi95", BAND_95, text["band95"]),
                                     ("lo80", "hi80", BAND_80, text["band80"])):
            # one closed polygon per run of periods with a band: a fill must not bridge a gap
            for i, run in enumerate(_runs(periods[lo].notna() & periods[hi].notna())):
                part = periods.iloc[run]
                fig.add_trace(go.Scatter(
                    x=[*part.index, *part.index[::-1]], y=[*part[hi], *part[lo][::-1]], mode="lines",
                    line=dict(width=0), fill="toself", fillcolor=colour, name=name, legendgroup=name,
                    showlegend=i == 0, hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=x, y=periods["expected_ratio"], mode="lines", name=text["expected"],
                                 line=dict(color=EXPECTED, width=2, dash="dash"), connectgaps=False,
                                 customdata=rate_texts(periods["expected_ratio"]),
                                 hovertemplate="%{x|%d-%m-%Y}: %{customdata}<extra>" + text["expected"] + "</extra>"))
    fig.add_trace(go.Scatter(x=x, y=periods["ratio"], mode="lines+markers", name=text["actual"],
                             line=dict(color=ACTUAL, width=2), marker=dict(size=5), connectgaps=False,
                             customdata=rate_texts(periods["ratio"]),
                             hovertemplate="%{x|%d-%m-%Y}: %{customdata}<extra>" + text["actual"] + "</extra>"))
    fig.update_yaxes(title=text["axis"], rangemode="tozero")
    return _layout(annotate_over(fig, annotations, x), height=400)


def rate_texts(values: pd.Series) -> list[str]:
    """Each ratio as the tables write it, for a hover: "12.3", and "0.013" where one decimal
    would read 0.0 (:func:`analytics.formatting.rate`, in the active language)."""
    return [rate(value) for value in values]


def _runs(present: pd.Series) -> list[slice]:
    """Positions of each run of consecutive True values, as slices."""
    flags = np.asarray(present, dtype=bool)
    runs, start = [], None
    for i, flag in enumerate(flags):
        if flag and start is None:
            start = i
        if not flag and start is not None:
            runs.append(slice(start, i))
            start = None
    if start is not None:
        runs.append(slice(start, len(flags)))
    return runs


def part_ratio_chart(table: pd.DataFrame, *, labels: dict[str, str] | None = None) -> go.Figure:
    """Horizontal bars: the ratio per breakdown value (``part``, ``ratio``), the previous
    period's ratio as a marker; values without a ratio are left out."""
    text = {"ratio": "Contacts per 1,000", "previous": "Previous period", **(labels or {})}
    shown = table[table["ratio"].notna()].sort_values("ratio").tail(25)
    fig = go.Figure(go.Bar(y=shown["part"], x=shown["ratio"], orientation="h", name=text["ratio"],
                           marker=dict(color=NEUTRAL),
                           customdata=rate_texts(shown["ratio"]), hovertemplate="%{y}: %{customdata}<extra></extra>"))
    if "previous_ratio" in shown:
        fig.add_trace(go.Scatter(y=shown["part"], x=shown["previous_ratio"], mode="markers", name=text["previous"],
                                 marker=dict(symbol="line-ns-open", size=18, color=EXPECTED, line=dict(width=3)),
                                 customdata=rate_texts(shown["previous_ratio"]),
                                 hovertemplate="%{y}: %{customdata}<extra>" + text["previous"] + "</extra>"))
    fig.update_xaxes(title=text["ratio"], rangemode="tozero")
    fig.update_yaxes(automargin=True)
    return _layout(fig, height=max(260, 26 * len(shown) + 80))


def start_small_chart(table: pd.DataFrame, *, volume_threshold: float | None, ratio_threshold: float | None,
                      labels: dict[str, str] | None = None) -> go.Figure:
    """Every row by volume (``contacts``, log axis) against ``ratio``, coloured by the
    ratio's ``change`` against the previous period (red up, blue down, capped at ±50%),
    with the low-volume, high-ratio quadrant shaded and its ``candidate`` rows ringed."""
    text = {"volume": "Contacts", "ratio": "Contacts per 1,000", "change": "Ratio vs previous period",
            "quadrant": "Start small: low volume, high ratio", "candidate": "Candidate", **(labels or {})}
    shown = table[table["ratio"].notna() & (table["contacts"] > 0)]
    change = shown["change"].clip(-0.5, 0.5)
    fig = go.Figure(go.Scatter(
        x=shown["contacts"], y=shown["ratio"], mode="markers", name=text["ratio"], showlegend=False,
        text=shown["unit"],
        customdata=np.column_stack([shown["change"].fillna(0) * 100, np.array(rate_texts(shown["ratio"]), dtype=object)]),
        marker=dict(size=9, color=change.fillna(0), colorscale="RdBu_r", cmin=-0.5, cmax=0.5, opacity=0.85,
                    line=dict(width=0.5, color="white"),
                    colorbar=dict(title=dict(text=text["change"], side="right"), tickformat="+.0%", len=0.8)),
        hovertemplate="%{text}<br>%{x:,} · %{customdata[1]}<br>%{customdata[0]:+.0f}%<extra></extra>",
    ))
    candidates = shown[shown["candidate"]]
    if len(candidates):
        fig.add_trace(go.Scatter(x=candidates["contacts"], y=candidates["ratio"], mode="markers",
                                 name=text["candidate"], hoverinfo="skip",
                                 marker=dict(size=15, color="rgba(0,0,0,0)", line=dict(color=CANDIDATE, width=2))))
    if volume_threshold and ratio_threshold and len(shown):
        top = float(shown["ratio"].max()) * 1.08
        low = max(float(shown["contacts"].min()) * 0.8, 0.5)
        fig.add_shape(type="rect", x0=low, x1=volume_threshold, y0=ratio_threshold, y1=top, fillcolor=QUADRANT,
                      line=dict(color=CANDIDATE, width=1, dash="dot"), layer="below")
        fig.add_annotation(x=np.log10(low), y=top, text=text["quadrant"], showarrow=False, xanchor="left",
                           yanchor="bottom", font=dict(size=11, color=CANDIDATE))
        fig.add_vline(x=volume_threshold, line=dict(color=NEUTRAL, width=1, dash="dot"))
        fig.add_hline(y=ratio_threshold, line=dict(color=NEUTRAL, width=1, dash="dot"))
    ticks = [v * 10**e for e in range(0, 8) for v in (1, 2, 5)]
    fig.update_xaxes(title=text["volume"], type="log", tickvals=ticks, tickformat=",")
    fig.update_yaxes(title=text["ratio"], rangemode="tozero")
    return _layout(fig, height=460)


def value_class_chart(classes: pd.DataFrame, *, labels: dict[str, str] | None = None) -> go.Figure:
    """Two horizontal bars, contacts and cost, each split by value class (``value_class``,
    ``contacts``, ``cost``), so the share of avoidable and automatable work is visible."""
    text = {"contacts": "Contacts", "cost": "Cost", **(labels or {})}
    fig = go.Figure()
    with_cost = bool(classes["cost"].notna().any())  # no bar for a cost nobody knows
    total_contacts = classes["contacts"].sum() or 1
    total_cost = classes["cost"].sum() or 1
    for row in classes.itertuples():
        name = text.get(row.value_class, row.value_class)
        cost = 0.0 if row.cost != row.cost else row.cost
        fig.add_trace(go.Bar(
            y=[text["contacts"], *([text["cost"]] if with_cost else [])],
            x=[row.contacts / total_contacts, *([cost / total_cost] if with_cost else [])],
            orientation="h", name=name, marker=dict(color=VALUE_CLASS_COLOURS.get(row.value_class, NEUTRAL)),
            customdata=[[f"{row.contacts:,.0f}"], [f"{cost:,.0f}"]][: 2 if with_cost else 1],
            hovertemplate=name + ": %{x:.0%} (%{customdata[0]})<extra></extra>",
        ))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    return _layout(fig, height=220 if with_cost else 160)
