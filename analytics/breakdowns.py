"""The Reasons & channels page's breakdowns: the reason tree under the filter with its
comparisons, the Pareto of reasons, the top movers, the channel mix over time, reason x
channel, and contacts by hour and weekday.

The filter sets the root of the tree: with "Delivery" the tree shows Delivery, its
second-level and its third-level reasons. Shares are of the filtered total. Comparisons
(previous period, same dates last year) are made only when the store covers that period;
otherwise their columns are empty (shown as "–"), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from analytics.filters import REASON_SEPARATOR, ContactFilter
from analytics.overview import StoreFreshness, covers
from analytics.queries import run_query

GRAINS = ("day", "week", "month")
MEASURES = ("handle_seconds_avg", "fcr_rate", "csat_pct")
MIN_MOVER_CONTACTS = 20
MOVER_NOISE_SIGMAS = 2.0
PARETO_SHARE = 0.8
UNRECORDED = "–"
NODE_KEYS = ["level", "path", "parent", "name", "is_recorded", "reason_l1", "reason_l2", "reason_l3"]
TREE_COLUMNS = ["path", "parent", "level", "name", "is_recorded", "reason_l1", "reason_l2", "reason_l3", "contacts", "share",
                "previous_contacts", "change_pct", "last_year_contacts", "change_last_year_pct", *MEASURES]


@dataclass(frozen=True)
class HourWeekday:
    """Contacts per weekday x hour. ``has_times`` is False when every contact in the view
    starts exactly at midnight: the data holds dates without times, and a heatmap of
    hours would only show a false peak at 00:00."""

    cells: pd.DataFrame  # weekday (1 = Monday), hour, contacts, days, contacts_per_day
    has_times: bool
    contacts: int


def filter_depth(contact_filter: ContactFilter) -> int:
    """How many reason levels the filter fixes (0 to 3): the depth of the tree's root."""
    return sum(level is not None for level in
               (contact_filter.reason_l1, contact_filter.reason_l2, contact_filter.reason_l3))


def reason_levels_to_show(contact_filter: ContactFilter) -> list[int]:
    """The levels worth a table under this filter: those below its root (the root itself
    when the filter is at the third level)."""
    depth = filter_depth(contact_filter)
    return list(range(depth + 1, 4)) or [3]


def comparable_periods(freshness: StoreFreshness, contact_filter: ContactFilter) -> tuple[bool, bool]:
    """Whether the store covers the whole previous period and the same dates last year
    (half a period would show a fall that never happened, and so would one in a gap of the
    export)."""
    previous, last_year = contact_filter.previous_period(), contact_filter.same_period_last_year()
    return covers(freshness, previous.start, previous.end), covers(freshness, last_year.start, last_year.end)


def reason_tree(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, *,
                compare_previous: bool, compare_last_year: bool) -> pd.DataFrame:
    """Every node of the reason tree under the filter (see ``TREE_COLUMNS``), with its
    share of the filtered total and its change against the previous period and the same
    dates last year.

    ``path`` is "Delivery > Late" and ``parent`` the path one level up ('' at level 1);
    ``is_recorded`` is False for the contacts without a reason at the node's level
    ("Delivery > –"), so the nodes of each level add up to the filtered total.
    A comparison that is not made (``compare_*`` False, because the store does not cover
    that period) leaves its columns empty; a reason without contacts in the reference
    period has no relative change (it would be infinite). Reasons seen only in the
    previous period are kept with 0 contacts, so a reason that disappeared is a mover."""
    current = _tree_counts(conn, contact_filter)
    total = int(current.loc[current["level"] == 1, "contacts"].sum())
    comparisons = (("previous_contacts", "change_pct", contact_filter.previous_period(), compare_previous, "outer"),
                   ("last_year_contacts", "change_last_year_pct", contact_filter.same_period_last_year(),
                    compare_last_year, "left"))
    for contacts_column, change_column, reference, wanted, how in comparisons:
        if wanted:
            counts = _tree_counts(conn, reference)[[*NODE_KEYS, "contacts"]]
            current = current.merge(counts.rename(columns={"contacts": contacts_column}), on=NODE_KEYS, how=how)
            current[contacts_column] = current[contacts_column].fillna(0).astype("int64")
            current["contacts"] = current["contacts"].fillna(0).astype("int64")
            current[change_column] = _relative_change(current["contacts"], current[contacts_column])
        else:
            current[contacts_column] = pd.Series(pd.NA, index=current.index, dtype="Int64")
            current[change_column] = np.nan
    current["share"] = current["contacts"] / total if total else np.nan
    return current[TREE_COLUMNS].reset_index(drop=True)


def _tree_counts(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> pd.DataFrame:
    nodes = run_query(conn, "breakdown_reason_tree", contact_filter.params())
    labels = [_node_labels(row[: level]) for row, level in zip(
        nodes[["reason_l1", "reason_l2", "reason_l3"]].itertuples(index=False), nodes["level"])]
    nodes["path"] = [path for path, _, _, _ in labels]
    nodes["parent"] = [parent for _, parent, _, _ in labels]
    nodes["name"] = [name for _, _, name, _ in labels]
    nodes["is_recorded"] = [recorded for _, _, _, recorded in labels]
    nodes["contacts"] = nodes["contacts"].astype("int64")
    return nodes


def _node_labels(levels: tuple) -> tuple[str, str, str, bool]:
    """(path, parent path, name, recorded) of one node from its levels down to its own.
    A node whose own level (or one above it) is empty is named "–" and its path ends in
    "–" after the recorded levels: "Delivery > –" holds Delivery's contacts without a
    sub-reason, at level 2 and again at level 3."""
    parts = [str(part) for part in levels]
    recorded = [part for part in parts if part]
    is_recorded = len(recorded) == len(parts) and all(parts)
    shown = recorded if is_recorded else recorded[: parts.index("")] + [UNRECORDED]
    return REASON_SEPARATOR.join(shown), REASON_SEPARATOR.join(parts[:-1]), shown[-1], is_recorded


def _relative_change(current: pd.Series, reference: pd.Series) -> pd.Series:
    """(current − reference) / reference, NaN where the reference is 0."""
    reference = reference.astype("float64")
    return (current.astype("float64") - reference) / reference.where(reference > 0)


def reasons_at_level(tree: pd.DataFrame, level: int) -> pd.DataFrame:
    """The tree's nodes at ``level``, most contacts first."""
    if level not in (1, 2, 3):
        raise ValueError("The reason level must be 1, 2 or 3.")
    return tree[tree["level"] == level].sort_values(["contacts", "path"], ascending=[False, True]).reset_index(drop=True)


def unrecorded_measures(tree: pd.DataFrame) -> list[str]:
    """The measures (handle time, first-contact resolution, satisfaction) that no contact
    in the view recorded: the page says "not recorded" instead of showing a 0."""
    return [m for m in MEASURES if tree.empty or tree[m].isna().all()]


def pareto(reasons: pd.DataFrame) -> pd.DataFrame:
    """Reasons by volume, biggest first, with ``cumulative_share`` of the filtered
    contacts (the nodes of one level add up to all of them, so it ends at 1)."""
    present = reasons[reasons["contacts"] > 0]  # not the reasons only seen in the previous period
    ordered = present.sort_values(["contacts", "path"], ascending=[False, True]).reset_index(drop=True)
    ordered["cumulative_share"] = ordered["share"].cumsum()
    return ordered


def reasons_for_share(pareto_table: pd.DataFrame, share: float = PARETO_SHARE) -> int | None:
    """How many of the biggest reasons together make ``share`` of the contacts; None when
    all of them together stay below it."""
    reached = pareto_table.index[pareto_table["cumulative_share"] >= share - 1e-12]
    return int(reached[0]) + 1 if len(reached) else None


def top_movers(reasons: pd.DataFrame, n: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reasons that rose and fell most in contacts against the previous period.

    Rule for tiny reasons: a reason is a mover only with at least ``MIN_MOVER_CONTACTS``
    contacts in one of the two periods and a change larger than ``MOVER_NOISE_SIGMAS``
    times its Poisson noise, |Δ| > 2·√(current + previous). Both frames are empty when
    the previous period was not compared.
    """
    if reasons.empty or reasons["previous_contacts"].isna().all():
        empty = reasons.iloc[0:0].assign(change=pd.Series(dtype="int64"))
        return empty, empty
    moved = reasons.assign(change=reasons["contacts"] - reasons["previous_contacts"].astype("int64"))
    volume = moved["contacts"] + moved["previous_contacts"].astype("int64")
    big_enough = np.maximum(moved["contacts"], moved["previous_contacts"].astype("int64")) >= MIN_MOVER_CONTACTS
    beyond_noise = moved["change"].abs() > MOVER_NOISE_SIGMAS * np.sqrt(volume)
    moved = moved[big_enough & beyond_noise]
    up = moved[moved["change"] > 0].sort_values("change", ascending=False).head(n).reset_index(drop=True)
    down = moved[moved["change"] < 0].sort_values("change").head(n).reset_index(drop=True)
    return up, down


def channel_mix(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, grain: str) -> pd.DataFrame:
    """Contacts per period x channel (with its group) and the channel's ``share`` of the
    period; weeks start on Monday, the first and last period may be partial."""
    if grain not in GRAINS:
        raise ValueError(f"The grain must be one of {', '.join(GRAINS)}.")
    mix = run_query(conn, "breakdown_channel_mix", {**contact_filter.params(), "grain": grain})
    mix["share"] = mix["contacts"] / mix.groupby("period")["contacts"].transform("sum")
    return mix


def reason_by_channel(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, level: int) -> pd.DataFrame:
    """Contacts per reason (at ``level``) x channel with ``share_of_reason`` (the reason's
    contacts split over channels; sums to 1 per reason) and first-contact resolution."""
    if level not in (1, 2, 3):
        raise ValueError("The reason level must be 1, 2 or 3.")
    cells = run_query(conn, "breakdown_reason_channel", {**contact_filter.params(), "level": level})
    cells["share_of_reason"] = cells["contacts"] / cells.groupby("reason")["contacts"].transform("sum")
    return cells


def hour_weekday(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, channel: str | None) -> HourWeekday:
    """Contacts per weekday x hour of one channel (every channel when None), as the
    average per such weekday in the period. Hours are as stored: the export's own clock
    time, or UTC when the export carried UTC offsets."""
    cells = run_query(conn, "breakdown_hour_weekday", {**contact_filter.params(), "channel": channel})
    return HourWeekday(cells=cells, has_times=bool(cells["timed_contacts"].sum() > 0),
                       contacts=int(cells["contacts"].sum()))
