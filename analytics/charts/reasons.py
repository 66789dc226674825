"""Figures of the Reasons & channels page: the reason treemap, the Pareto of reasons, the
top movers, the channel mix over time, the reason x channel and hour x weekday heatmaps,
channels per issue and first-contact resolution by reason and channel.

Pure functions from the frames of ``analytics.breakdowns`` and ``analytics.journeys`` to
plotly figures; every text shown comes in through ``labels`` (the page translates)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import formatting
from analytics.charts import CHANNEL_GROUP_COLOURS, NEUTRAL, _layout
from analytics.charts.annotations import annotate_over
from analytics.charts.colours import channel_colour, channel_colours  # noqa: F401  (channel_colours re-exported)

UP = "#cf222e"
DOWN = "#1a7f37"
CHANGE_SCALE = [[0.0, DOWN], [0.5, "#f6f8fa"], [1.0, UP]]
HEAT_SCALE = [[0.0, "#f6f8fa"], [1.0, "#1f6feb"]]
FCR_SCALE = [[0.0, "#cf222e"], [0.5, "#f6f8fa"], [1.0, "#1a7f37"]]
CHANGE_CLIP = 0.3
HEATMAP_MAX_REASONS = 20
MIN_FCR_CONTACTS = 10


def reason_treemap(tree: pd.DataFrame, *, labels: dict[str, str]) -> go.Figure:
    """Treemap of the recorded reason nodes (``analytics.breakdowns.reason_tree``), sized by
    contacts and coloured by the change against the previous period (red up, green down,
    clipped at ±30%); grey throughout when there is no comparison. Click a box to drill in."""
    nodes = tree[tree["is_recorded"] & (tree["contacts"] > 0)]
    change = nodes["change_pct"].astype("float64")
    compared = change.notna().any()
    colour = change.clip(-CHANGE_CLIP, CHANGE_CLIP).fillna(0.0) if compared else None
    change_text = [formatting.percent(c, signed=True) for c in change]  # "–" where there is no comparison
    fig = go.Figure(go.Treemap(
        ids=nodes["path"], labels=nodes["name"], parents=nodes["parent"], values=nodes["contacts"],
        branchvalues="total", maxdepth=3, sort=True,
        customdata=list(zip(nodes["share"], change_text)),
        marker=dict(colors=colour, colorscale=CHANGE_SCALE, cmid=0, cmin=-CHANGE_CLIP, cmax=CHANGE_CLIP,
                    showscale=bool(compared),
                    colorbar=dict(title=labels["change"], tickformat="+.0%", thickness=12))
        if compared else dict(colors=[NEUTRAL] * len(nodes)),
        texttemplate="%{label}<br>%{value:,}",
        hovertemplate=("<b>%{id}</b><br>" + labels["contacts"] + ": %{value:,}<br>" + labels["share"]
                       + ": %{customdata[0]:.1%}<br>" + labels["change"] + ": %{customdata[1]}<extra></extra>"),
    ))
    fig = _layout(fig, height=520)
    fig.update_layout(margin=dict(l=5, r=5, t=10, b=5))
    return fig


def pareto_chart(pareto_table: pd.DataFrame, *, labels: dict[str, str], share: float = 0.8) -> go.Figure:
    """Bars of contacts per reason, biggest first, with the cumulative share on the right
    axis and a dashed line at ``share``."""
    fig = go.Figure()
    fig.add_trace(go.Bar(x=pareto_table["path"], y=pareto_table["contacts"], name=labels["contacts"],
                         marker=dict(color=NEUTRAL), hovertemplate="%{x}: %{y:,}<extra></extra>"))
    fig.add_trace(go.Scatter(x=pareto_table["path"], y=pareto_table["cumulative_share"], name=labels["cumulative"],
                             yaxis="y2", mode="lines+markers", line=dict(color="#1f6feb", width=2), marker=dict(size=5),
                             hovertemplate="%{x}: %{y:.1%}<extra>" + labels["cumulative"] + "</extra>"))
    fig.add_hline(y=share, yref="y2", line=dict(color=UP, width=1.5, dash="dash"),
                  annotation_text=formatting.percent(share), annotation_position="top right",
                  annotation_font=dict(color=UP))
    fig.update_layout(yaxis=dict(title=labels["contacts"], rangemode="tozero"),
                      yaxis2=dict(overlaying="y", side="right", range=[0, 1.05], tickformat=".0%", dtick=0.2, showgrid=False),
                      xaxis=dict(tickangle=-40, automargin=True))
    return _layout(fig, height=480)


def movers_chart(up: pd.DataFrame, down: pd.DataFrame, *, labels: dict[str, str]) -> go.Figure:
    """Horizontal bars of the change in contacts: rises in red above, falls in green below,
    labelled with the change and its percentage."""
    movers = pd.concat([down.iloc[::-1], up.iloc[::-1]], ignore_index=True) if len(up) or len(down) else up
    text = [f"{formatting.count(c, signed=True)} ({formatting.percent(p, signed=True)})" if pd.notna(p)
            else formatting.count(c, signed=True) for c, p in zip(movers["change"], movers["change_pct"])]
    fig = go.Figure(go.Bar(
        y=movers["path"], x=movers["change"], orientation="h", text=text, textposition="auto",
        marker=dict(color=[UP if c > 0 else DOWN for c in movers["change"]]),
        customdata=list(zip(movers["contacts"], movers["previous_contacts"])),
        hovertemplate=("%{y}<br>" + labels["contacts"] + ": %{customdata[0]:,}<br>" + labels["previous"]
                       + ": %{customdata[1]:,}<extra></extra>"),
    ))
    fig.update_xaxes(title=labels["change"], zeroline=True, zerolinecolor=NEUTRAL)
    fig.update_yaxes(automargin=True)
    return _layout(fig, height=max(240, 34 * len(movers) + 80))


def channel_mix_chart(mix: pd.DataFrame, *, by: str, labels: dict[str, str], group_names: dict[str, str],
                      annotations=None) -> go.Figure:
    """Stacked bars of each channel's (``by='channel'``) or channel group's (``by='group'``)
    share of the contacts per period, coloured by group (channels in their group's hue),
    with the timeline ``annotations``."""
    if by == "group":
        parts = mix.groupby(["period", "channel_group"], as_index=False)["contacts"].sum()
        parts["name"] = parts["channel_group"].map(lambda g: group_names.get(g, g))
        colours = {group_names.get(g, g): c for g, c in CHANNEL_GROUP_COLOURS.items()}
        order = [group_names.get(g, g) for g in CHANNEL_GROUP_COLOURS if g in set(parts["channel_group"])]
    else:
        parts = mix.assign(name=mix["channel"])
        colours = channel_colours(mix)
        ranked = mix[["channel", "channel_group"]].drop_duplicates()
        ranked["rank"] = ranked["channel_group"].map({g: i for i, g in enumerate(CHANNEL_GROUP_COLOURS)}).fillna(99)
        order = list(ranked.sort_values(["rank", "channel"])["channel"])
    parts = parts.assign(share=parts["contacts"] / parts.groupby("period")["contacts"].transform("sum"))
    fig = go.Figure()
    for name in order:
        rows = parts[parts["name"] == name]
        fig.add_trace(go.Bar(x=rows["period"], y=rows["share"], name=name, marker=dict(color=colours.get(name, NEUTRAL)),
                             customdata=rows["contacts"],
                             hovertemplate=("%{x|%d-%m-%Y}: %{y:.1%} (%{customdata:,} " + labels["contacts"].lower()
                                            + ")<extra>" + name + "</extra>")))
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_yaxes(tickformat=".0%", range=[0, 1], title=labels["share"])
    return _layout(annotate_over(fig, annotations, mix["period"], layer="above"), height=380)


def reason_channel_heatmap(cells: pd.DataFrame, *, value: str, labels: dict[str, str],
                           max_reasons: int = HEATMAP_MAX_REASONS, channel_groups: dict[str, str] | None = None,
                           ) -> go.Figure:
    """Reasons (rows, the ``max_reasons`` biggest) x channels (columns): contacts
    (``value='contacts'``) or each reason's split over the channels (``'share_of_reason'``).
    With ``channel_groups`` ({channel: group}) each column's name carries a square in
    the channel's own colour, as on every other chart."""
    top = cells.groupby("reason")["contacts"].sum().sort_values(ascending=False).head(max_reasons).index
    shown = cells[cells["reason"].isin(top)]
    channels = shown.groupby("channel")["contacts"].sum().sort_values(ascending=False).index
    grid = shown.pivot(index="reason", columns="channel", values=value).reindex(index=list(top)[::-1], columns=channels)
    counts = shown.pivot(index="reason", columns="channel", values="contacts").reindex_like(grid)
    is_share = value == "share_of_reason"
    text = grid.map(lambda v: "" if pd.isna(v) else (formatting.percent(v) if is_share else formatting.count(v)))
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=list(grid.columns), y=list(grid.index), text=text.values, texttemplate="%{text}",
        customdata=counts.fillna(0).values, colorscale=HEAT_SCALE, xgap=1, ygap=1,
        colorbar=dict(tickformat=".0%" if is_share else ",", thickness=12),
        hovertemplate="%{y} · %{x}<br>" + labels["contacts"] + ": %{customdata:,}<extra></extra>",
    ))
    fig.update_xaxes(side="top")
    if channel_groups:
        fig.update_xaxes(tickmode="array", tickvals=list(grid.columns),
                         ticktext=[f"<span style='color:{channel_colour(c, channel_groups.get(c))}'>■</span> {c}"
                                   for c in grid.columns])
    fig.update_yaxes(automargin=True)
    return _layout(fig, height=max(320, 26 * len(grid) + 120))


def hour_weekday_heatmap(cells: pd.DataFrame, *, weekday_names: list[str], labels: dict[str, str]) -> go.Figure:
    """Average contacts per hour (columns 0–23) on each weekday (rows, Monday on top)."""
    grid = (cells.pivot_table(index="weekday", columns="hour", values="contacts_per_day", aggfunc="sum")
            .reindex(index=range(1, 8), columns=range(24)).fillna(0.0))
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=[f"{h:02d}" for h in grid.columns], y=weekday_names, colorscale=HEAT_SCALE,
        xgap=1, ygap=1, colorbar=dict(thickness=12, title=labels["per_day"]),
        hovertemplate="%{y} %{x}:00–%{x}:59<br>" + labels["per_day"] + ": %{z:,.1f}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=labels["hour"])
    return _layout(fig, height=320)


def issue_channels_chart(distribution: pd.DataFrame, *, labels: dict[str, str]) -> go.Figure:
    """Bars: share of the issues handled in 1, 2, 3 … distinct channels."""
    fig = go.Figure(go.Bar(
        x=distribution["channels"].astype(str), y=distribution["share"], marker=dict(color=NEUTRAL),
        text=[formatting.percent(s, digits=1) for s in distribution["share"]], textposition="outside",
        customdata=distribution["issues"],
        hovertemplate="%{x}: %{y:.1%} (%{customdata:,} " + labels["issues"] + ")<extra></extra>",
    ))
    fig.update_xaxes(title=labels["channels"], type="category")
    fig.update_yaxes(tickformat=".0%", title=labels["share"], rangemode="tozero")
    return _layout(fig, height=300)


def fcr_heatmap(cells: pd.DataFrame, *, labels: dict[str, str], max_reasons: int = HEATMAP_MAX_REASONS,
                min_contacts: int = MIN_FCR_CONTACTS) -> go.Figure:
    """First-contact resolution per reason (rows, the biggest ``max_reasons``) and channel;
    cells with fewer than ``min_contacts`` contacts that recorded it are left blank."""
    top = cells.groupby("reason")["contacts"].sum().sort_values(ascending=False).head(max_reasons).index
    shown = cells[cells["reason"].isin(top)].copy()
    shown["fcr_shown"] = shown["fcr_rate"].where(shown["resolved_recorded"] >= min_contacts)
    channels = shown.groupby("channel")["contacts"].sum().sort_values(ascending=False).index
    grid = shown.pivot(index="reason", columns="channel", values="fcr_shown").reindex(
        index=list(top)[::-1], columns=channels)
    recorded = shown.pivot(index="reason", columns="channel", values="resolved_recorded").reindex_like(grid).fillna(0)
    text = grid.map(lambda v: "" if pd.isna(v) else formatting.percent(v))
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=list(grid.columns), y=list(grid.index), text=text.values, texttemplate="%{text}",
        customdata=recorded.values, colorscale=FCR_SCALE, zmin=0, zmax=1, xgap=1, ygap=1,
        colorbar=dict(tickformat=".0%", thickness=12),
        hovertemplate="%{y} · %{x}<br>" + labels["fcr"] + ": %{z:.1%}<br>" + labels["contacts"]
                      + ": %{customdata:,}<extra></extra>",
    ))
    fig.update_xaxes(side="top")
    fig.update_yaxes(automargin=True)
    return _layout(fig, height=max(320, 26 * len(grid) + 120))
