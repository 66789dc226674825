"""The control group: untreated reasons whose history moves most like the target's.

Candidates are the reasons grouped at the second level (``"Order > Change"``; a reason
without a second level stands alone), in the pilot's channels and segment, leaving out
every leaf under the pilot's own reasons, under their parent (neighbours may receive
contacts the pilot moves) and under other pilots' reasons. Each candidate is scored by
the correlation of its weekly log counts with the target's over the 52 weeks before the
pilot; the ``members`` best (correlation above ``MIN_CORRELATION``, at least one contact
a day) are summed into the control series.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from analytics.pilots.registry import reason_within

MEMBERS = 5
MIN_CORRELATION = 0.3
HISTORY_WEEKS = 52
MIN_WEEKS = 8


@dataclass(frozen=True)
class ControlGroup:
    """The control series and how it was made.

    ``members`` are reason paths; ``correlation`` is that of the summed control with the
    target (weekly log counts before the pilot); ``automatic`` False when the user chose
    the members; ``candidates`` lists every candidate scored (automatic choice only).
    """

    members: tuple[str, ...]
    series: pd.Series
    correlation: float
    automatic: bool
    candidates: pd.DataFrame

    def to_dict(self) -> dict:
        return {"members": list(self.members), "automatic": self.automatic,
                "correlation": None if not np.isfinite(self.correlation) else round(self.correlation, 4)}


def _joined(*levels: pd.Series) -> pd.Series:
    """Levels joined with `` > ``, empty levels left out (vectorised :func:`reason_path`)."""
    out = levels[0].astype(str)
    for level in levels[1:]:
        level = level.fillna("").astype(str)
        out = out + np.where(level != "", " > " + level, "")
    return out


def leaf_paths(leaves: pd.DataFrame) -> pd.Series:
    """``"L1 > L2 > L3"`` of each row of a frame with ``reason_l1..3``."""
    return _joined(leaves["reason_l1"], leaves["reason_l2"], leaves["reason_l3"])


def group_of(leaves: pd.DataFrame) -> pd.Series:
    """The second-level group of each leaf: ``"L1 > L2"``, or ``"L1"`` without a second level."""
    return _joined(leaves["reason_l1"], leaves["reason_l2"])


def within_any(paths: pd.Series, prefixes: tuple[str, ...] | list[str] | set[str]) -> pd.Series:
    """Which ``paths`` lie under (or equal) one of ``prefixes``; decided once per distinct path."""
    inside = {p for p in paths.unique() if any(reason_within(p, x) for x in prefixes)}
    return paths.isin(inside)


def parent_of(path: str) -> str | None:
    """``"A > B > C"`` -> ``"A > B"``; a first-level reason has no parent."""
    parts = path.split(" > ")
    return " > ".join(parts[:-1]) if len(parts) > 1 else None


def daily_by(leaves: pd.DataFrame, keys: pd.Series, days: pd.DatetimeIndex) -> pd.DataFrame:
    """Daily contacts per key (columns), zero-filled on ``days``."""
    if leaves.empty:
        return pd.DataFrame(index=days)
    frame = pd.DataFrame({"day": pd.to_datetime(leaves["day"]), "key": keys, "contacts": leaves["contacts"]})
    table = frame.pivot_table(index="day", columns="key", values="contacts", aggfunc="sum", fill_value=0)
    return table.reindex(days, fill_value=0).astype(float)


def weekly_log(series: pd.Series | pd.DataFrame, start: date) -> pd.Series | pd.DataFrame:
    """Log weekly totals (+1) of the ``HISTORY_WEEKS`` full weeks before ``start``."""
    first = pd.Timestamp(start) - pd.Timedelta(weeks=HISTORY_WEEKS)
    part = series.loc[first: pd.Timestamp(start) - pd.Timedelta(days=1)]
    weeks = (np.arange(len(part)) // 7)
    summed = part.groupby(weeks).sum()
    summed = summed.iloc[: len(part) // 7]
    return np.log(summed + 1.0)


def chosen_control(leaves: pd.DataFrame, members: tuple[str, ...], days: pd.DatetimeIndex, target: pd.Series,
                   start: date) -> ControlGroup:
    """The control the user named: the sum of the contacts under ``members``."""
    inside = within_any(leaf_paths(leaves), members)
    series = daily_by(leaves[inside], pd.Series("control", index=leaves.index)[inside], days)
    series = series["control"] if "control" in series else pd.Series(0.0, index=days)
    return ControlGroup(members, series.rename("control"), _correlation(series, target, start), False, pd.DataFrame())


def _correlation(control: pd.Series, target: pd.Series, start: date) -> float:
    a, b = weekly_log(control, start), weekly_log(target, start)
    if len(a) < MIN_WEEKS or a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def automatic_control(leaves: pd.DataFrame, target: pd.Series, start: date, exclude: tuple[str, ...],
                      members: int = MEMBERS) -> ControlGroup | None:
    """The ``members`` candidate groups whose weekly history before ``start`` correlates
    best with the target's, summed; None when no candidate qualifies.

    ``leaves`` has ``day``, ``reason_l1..3`` and ``contacts`` (the pilot's channels);
    ``exclude`` lists reason paths that cannot be controls (the pilot's own reasons and
    their parents, other pilots' reasons).
    """
    if leaves.empty:
        return None
    pool = leaves[~within_any(leaf_paths(leaves), exclude)]
    days = target.index
    by_group = daily_by(pool, group_of(pool), days)
    before = by_group.loc[: pd.Timestamp(start) - pd.Timedelta(days=1)]
    if before.empty:
        return None
    target_weeks = weekly_log(target, start)
    if len(target_weeks) < MIN_WEEKS or target_weeks.std() == 0:
        return None
    rows = []
    weekly = weekly_log(by_group, start)
    for name in by_group.columns:
        per_day = float(before[name].iloc[-HISTORY_WEEKS * 7:].mean())
        series = weekly[name]
        correlation = float(np.corrcoef(series, target_weeks)[0, 1]) if series.std() > 0 else float("nan")
        rows.append({"reason": name, "correlation": correlation, "contacts_per_day": per_day})
    candidates = pd.DataFrame(rows).sort_values("correlation", ascending=False, na_position="last")
    good = candidates[(candidates["correlation"] > MIN_CORRELATION) & (candidates["contacts_per_day"] >= 1.0)]
    if good.empty:
        return None
    chosen = tuple(good["reason"].head(members))
    series = by_group[list(chosen)].sum(axis=1).rename("control")
    return ControlGroup(chosen, series, _correlation(series, target, start), True, candidates.reset_index(drop=True))
