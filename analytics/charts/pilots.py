"""Figures of the Pilots page: the target against what would have happened without the
pilot, the fake pilots of the placebo check, effects with their intervals (KPIs, methods,
spill-over), the effect week by week after rollout, and the planner's detectable effects.

Pure functions from small frames to plotly figures; every label comes in as an argument
so the page can translate it.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics import formatting
from analytics.charts import NEUTRAL, _layout
from analytics.charts.annotations import annotate_over
from analytics.i18n import active_language

ACTUAL = "#1f2328"
EXPECTED = "#1f6feb"
BAND = "rgba(31, 111, 235, 0.18)"
WINDOW = "rgba(191, 135, 0, 0.12)"
FEWER = "#2da44e"
MORE = "#cf222e"
FAKE = "#8c959f"
PRE_WEEKS = 26


def _add_band(fig: go.Figure, x: pd.Series, low: pd.Series, high: pd.Series, name: str) -> None:
    """A shaded band between ``low`` and ``high`` (an invisible upper edge, then the lower
    edge filled up to it), named once in the legend."""
    fig.add_trace(go.Scatter(x=x, y=high, mode="lines", line=dict(width=0), hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(x=x, y=low, mode="lines", fill="tonexty", fillcolor=BAND, line=dict(width=0),
                             name=name, hoverinfo="skip"))


def counterfactual_frame(daily: pd.DataFrame, persistence: pd.DataFrame, pilot_start: date, *,
                         control_share: float | None = None, pre_weeks: int = PRE_WEEKS) -> pd.DataFrame:
    """One row per week (weeks start on the pilot's weekday): ``week_start``, ``actual``,
    ``expected`` and its 95% band ``expected_low``/``expected_high``, and ``phase``
    (``"before"``, ``"pilot"``, ``"after"``).

    Before the pilot ``actual`` is the target's weekly sum from ``daily["target"]``;
    ``expected`` there is the control group scaled by the target's share of it
    (``control_share``, the control method's ``k``) or NaN for the baseline method, with
    no band. From the pilot's start the rows come from the evaluation's weekly effects
    (``persistence``): the band is the counterfactual consistent with the effect's
    interval, ``actual / (1 + ci)``. Only full weeks are kept.
    """
    start = pd.Timestamp(pilot_start)
    target = daily["target"].astype(float)
    first = max(start - pd.Timedelta(weeks=pre_weeks), target.index[0])
    offset = (start - first).days % 7
    first = first + pd.Timedelta(days=offset)  # the first full week aligned with the pilot
    before = target.loc[first: start - pd.Timedelta(days=1)]
    weeks = (before.index - start).days // 7
    rows = pd.DataFrame({"week_start": start + pd.to_timedelta(7 * np.unique(weeks), unit="D"),
                         "actual": before.groupby(weeks).sum().to_numpy()})
    if control_share is not None and "control" in daily and daily["control"].notna().any():
        control = daily["control"].astype(float).loc[first: start - pd.Timedelta(days=1)]
        rows["expected"] = control.groupby(weeks).sum().to_numpy() * control_share
    else:
        rows["expected"] = np.nan
    rows["expected_low"] = np.nan
    rows["expected_high"] = np.nan
    rows["phase"] = "before"
    if len(persistence):
        after = persistence[["week_start", "actual", "expected"]].copy()
        after["week_start"] = pd.to_datetime(after["week_start"])
        with np.errstate(divide="ignore", invalid="ignore"):
            after["expected_low"] = persistence["actual"] / (1 + persistence["ci_high"])
            after["expected_high"] = persistence["actual"] / (1 + persistence["ci_low"])
        after["phase"] = np.where(persistence["after_rollout"].astype(bool), "after", "pilot")
        rows = pd.concat([rows, after], ignore_index=True)
    return rows.reset_index(drop=True)


def _marker_line(fig: go.Figure, x, text: str, colour: str = NEUTRAL) -> None:
    """A dotted vertical line with a label on top (shapes, so datetime axes work)."""
    fig.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="paper",
                  line=dict(color=colour, width=1.5, dash="dot"))
    fig.add_annotation(x=x, y=1, xref="x", yref="paper", text=text, showarrow=False, yanchor="top",
                       xanchor="left", xshift=4, font=dict(color=colour, size=12), bgcolor="rgba(255,255,255,0.8)")


def counterfactual_chart(frame: pd.DataFrame, *, pilot_start: date, pilot_end: date, rollout_on: date | None,
                         labels: dict[str, str], annotations=None) -> go.Figure:
    """Weekly contacts of the target (black) against what the method expected without the
    pilot (blue, dashed) with its 95% band; the pilot window shaded, rollout marked; the
    timeline ``annotations`` (other pilots, events, holidays) on top.

    ``labels``: ``actual``, ``expected``, ``band``, ``pilot``, ``rollout``, ``y``, ``week_of``.
    """
    # Each week is drawn at its middle, so the shaded pilot days hold exactly the pilot's weeks.
    frame = frame.assign(mid=pd.to_datetime(frame["week_start"]) + pd.Timedelta(hours=84))
    week = pd.to_datetime(frame["week_start"]).dt.strftime("%d-%m-%Y")
    hover = labels["week_of"] + " %{customdata}: %{y:,.0f}<extra>%{fullData.name}</extra>"
    fig = go.Figure()
    banded = frame[frame["expected_low"].notna()]
    if len(banded):
        _add_band(fig, banded["mid"], banded["expected_low"], banded["expected_high"], labels["band"])
    fig.add_trace(go.Scatter(x=frame["mid"], y=frame["expected"], mode="lines", name=labels["expected"],
                             line=dict(color=EXPECTED, width=2, dash="dash"), connectgaps=False,
                             customdata=week, hovertemplate=hover))
    fig.add_trace(go.Scatter(x=frame["mid"], y=frame["actual"], mode="lines+markers", name=labels["actual"],
                             line=dict(color=ACTUAL, width=2.5), marker=dict(size=5),
                             customdata=week, hovertemplate=hover))
    annotate_over(fig, annotations, frame["mid"])  # first, so the pilot's own labels are drawn over them
    fig.add_vrect(x0=pd.Timestamp(pilot_start), x1=pd.Timestamp(pilot_end) + pd.Timedelta(days=1),
                  fillcolor=WINDOW, line_width=0, layer="below")
    fig.add_annotation(x=pd.Timestamp(pilot_start), y=1, xref="x", yref="paper", text=labels["pilot"],
                       showarrow=False, xanchor="left", yanchor="bottom", font=dict(color="#7d4e00", size=12))
    if rollout_on is not None:
        _marker_line(fig, pd.Timestamp(rollout_on), labels["rollout"])
    fig.update_yaxes(title=labels["y"], rangemode="tozero", tickformat=",")
    fig.update_xaxes(tickformat="%d %b %Y")
    fig = _layout(fig, height=400)
    fig.update_layout(margin=dict(t=60))
    return fig


def placebo_chart(fake_effects: list[float] | np.ndarray, real_effect: float, *, labels: dict[str, str]) -> go.Figure:
    """The effects the method "found" at fake start dates where nothing happened (grey
    bars) and the real pilot's effect (a red or green line): a real effect should stand
    clear of the grey.

    ``labels``: ``fake``, ``real``, ``x``, ``y``.
    """
    fake = np.asarray(fake_effects, dtype=float)
    colour = FEWER if real_effect < 0 else MORE
    fig = go.Figure(go.Histogram(x=fake, nbinsx=max(8, min(25, len(fake) // 2)), name=labels["fake"],
                                 marker=dict(color=FAKE, line=dict(color="white", width=1)),
                                 hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.add_shape(type="line", x0=real_effect, x1=real_effect, y0=0, y1=1, yref="paper",
                  line=dict(color=colour, width=3))
    fig.add_annotation(x=real_effect, y=1, yref="paper", text=labels["real"], showarrow=False, yanchor="bottom",
                       font=dict(color=colour, size=12))
    fig.add_shape(type="line", x0=0, x1=0, y0=0, y1=1, yref="paper", line=dict(color=NEUTRAL, width=1))
    fig.update_xaxes(title=labels["x"], tickformat="+.0%")
    fig.update_yaxes(title=labels["y"])
    fig = _layout(fig, height=260)
    fig.update_layout(margin=dict(t=40), showlegend=False, bargap=0.05)
    return fig


def forest_chart(rows: pd.DataFrame, *, x_title: str, percent: bool = True, height: int | None = None) -> go.Figure:
    """Effects with their 95% intervals, one row each (``label``, ``effect``, ``low``,
    ``high``, ``significant``, optionally ``colour``: a channel's colour shown as a square
    before its label), first row on top; a line at no change. Significant rows are
    coloured (green fewer, red more), the rest grey."""
    rows = rows.iloc[::-1].reset_index(drop=True)
    if "colour" in rows:  # a channel's or group's own colour as a square before its name
        rows = rows.assign(label=[f"<span style='color:{c}'>■</span> {label}" if isinstance(c, str) and c else label
                                  for label, c in zip(rows["label"], rows["colour"])])
    colours = [FAKE if not sig else (FEWER if eff < 0 else MORE)
               for eff, sig in zip(rows["effect"], rows["significant"])]
    fmt = "+.0%" if percent else "+,.0f"
    text = [_signed(e, fmt) for e in rows["effect"]]
    fig = go.Figure(go.Scatter(
        x=rows["effect"], y=rows["label"], mode="markers+text", text=text, textposition="top center",
        marker=dict(color=colours, size=11, symbol="diamond"),
        error_x=dict(type="data", symmetric=False, array=(rows["high"] - rows["effect"]).clip(lower=0),
                     arrayminus=(rows["effect"] - rows["low"]).clip(lower=0), color=NEUTRAL, thickness=1.5, width=6),
        hovertemplate="%{y}: %{x:" + fmt + "}<extra></extra>", showlegend=False,
    ))
    fig.add_shape(type="line", x0=0, x1=0, y0=0, y1=1, yref="paper", line=dict(color=NEUTRAL, width=1, dash="dot"))
    fig.update_xaxes(title=x_title, tickformat=fmt, zeroline=False)
    fig.update_yaxes(automargin=True)
    fig = _layout(fig, height=height or max(200, 90 + 48 * len(rows)))
    fig.update_layout(margin=dict(t=30))
    fig.update_yaxes(range=[-0.6, len(rows) - 0.4])  # room for the top row's label
    return fig


def _signed(value: float, fmt: str) -> str:
    """``-0.3`` -> ``"−30%"``; a value that rounds to zero is plain ``"0"`` (no "−0")."""
    if not np.isfinite(value):
        return ""
    text = f"{value:{fmt}}"
    if active_language() == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if not any(ch in "123456789" for ch in text):
        return text.lstrip("+-")
    return text.replace("-", "\u2212")


def persistence_chart(weekly: pd.DataFrame, *, pilot_effect: float, rollout_on: date | None,
                      fades_from: date | None, labels: dict[str, str], annotations=None) -> go.Figure:
    """The effect week by week from the pilot's start (dots) and over each four weeks from
    that week (line with its 95% band); the pilot's effect as a reference line, rollout
    and the fade marked.

    ``labels``: ``week``, ``rolling``, ``band``, ``pilot``, ``rollout``, ``fades``, ``y``.
    """
    frame = weekly.assign(week_start=pd.to_datetime(weekly["week_start"]))
    fig = go.Figure()
    rolling = frame[frame["rolling_effect"].notna()]
    if len(rolling):
        _add_band(fig, rolling["week_start"], rolling["rolling_ci_low"], rolling["rolling_ci_high"], labels["band"])
        fig.add_trace(go.Scatter(x=rolling["week_start"], y=rolling["rolling_effect"], mode="lines",
                                 name=labels["rolling"], line=dict(color=EXPECTED, width=2.5),
                                 hovertemplate="%{x|%d-%m-%Y}: %{y:+.0%}<extra></extra>"))
    fig.add_trace(go.Scatter(x=frame["week_start"], y=frame["relative_effect"], mode="markers", name=labels["week"],
                             marker=dict(color=ACTUAL, size=6),
                             hovertemplate="%{x|%d-%m-%Y}: %{y:+.0%}<extra></extra>"))
    annotate_over(fig, annotations, frame["week_start"])  # first, so the pilot's own labels are drawn over them
    fig.add_hline(y=0, line=dict(color=NEUTRAL, width=1))
    if np.isfinite(pilot_effect):
        fig.add_hline(y=pilot_effect, line=dict(color=FEWER if pilot_effect < 0 else MORE, width=1, dash="dash"),
                      annotation_text=labels["pilot"], annotation_position="bottom left")
    if rollout_on is not None:
        _marker_line(fig, pd.Timestamp(rollout_on), labels["rollout"])
    if fades_from is not None:
        _marker_line(fig, pd.Timestamp(fades_from), labels["fades"], MORE)
    values = pd.concat([frame["relative_effect"], frame["rolling_ci_low"], frame["rolling_ci_high"],
                        pd.Series([0.0, pilot_effect])]).astype(float)
    values = values[np.isfinite(values)]
    fig.update_yaxes(title=labels["y"], tickformat="+.0%", range=[values.min() - 0.05, values.max() + 0.08])
    fig.update_xaxes(tickformat="%d %b %Y")
    fig = _layout(fig, height=340)
    fig.update_layout(margin=dict(t=60))
    return fig


def detectable_effect_chart(table: pd.DataFrame, *, weeks: int, expected_effect: float | None,
                            labels: dict[str, str]) -> go.Figure:
    """The minimum detectable effect (80% power) for each pilot length, the chosen length
    marked and the expected effect as a line: lengths below the line can show it.

    ``labels``: ``mde``, ``expected``, ``chosen``, ``x``, ``y``.
    """
    frame = table[np.isfinite(table["mde"].astype(float))]
    fig = go.Figure(go.Scatter(x=frame["weeks"], y=frame["mde"], mode="lines+markers", name=labels["mde"],
                               line=dict(color=EXPECTED, width=2.5), marker=dict(size=7),
                               hovertemplate="%{x}: %{y:.0%}<extra></extra>"))
    chosen = frame[frame["weeks"] == weeks]
    if len(chosen):
        fig.add_trace(go.Scatter(x=chosen["weeks"], y=chosen["mde"], mode="markers+text", name=labels["chosen"],
                                 marker=dict(color=ACTUAL, size=14, symbol="circle-open", line=dict(width=3)),
                                 text=[formatting.percent(v) for v in chosen["mde"]], textposition="top right",
                                 hoverinfo="skip"))
    if expected_effect is not None:
        fig.add_hline(y=abs(expected_effect), line=dict(color=FEWER, width=2, dash="dash"),
                      annotation_text=labels["expected"], annotation_position="top right")
    fig.update_xaxes(title=labels["x"], tickmode="array", tickvals=list(table["weeks"]))
    fig.update_yaxes(title=labels["y"], tickformat=".0%", rangemode="tozero")
    return _layout(fig, height=320)
