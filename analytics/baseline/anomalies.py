"""Periods outside the 95% band, and where a gap comes from."""

from __future__ import annotations

import numpy as np
import pandas as pd

FLAG_COLUMNS = ("actual", "expected", "lo95", "hi95")


def flag_anomalies(frame: pd.DataFrame) -> pd.DataFrame:
    """The periods whose actual count lies outside the 95% prediction interval.

    Parameters
    ----------
    frame
        One row per period (day, week or month) indexed by its date, with ``actual``,
        ``expected``, ``lo95`` and ``hi95`` (e.g. ``FittedBaseline.in_sample()`` or
        :func:`expected_by_grain`). Rows without an actual are skipped.

    Returns
    -------
    DataFrame
        One row per flagged period, oldest first: the period (column named after the
        index, ``date`` by default), ``actual``, ``expected``, ``lo95``, ``hi95``,
        ``gap = actual - expected``, ``gap_pct = gap / expected`` (NaN when expected is 0)
        and ``direction`` (``"above"`` or ``"below"``).

    Raises
    ------
    ValueError
        If a needed column is missing.
    """
    missing = [c for c in FLAG_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"Flagging anomalies needs columns {list(FLAG_COLUMNS)}; missing {missing}.")
    period = frame.index.name or "date"
    rows = frame.loc[frame["actual"].notna(), list(FLAG_COLUMNS)]
    rows = rows[(rows["actual"] < rows["lo95"]) | (rows["actual"] > rows["hi95"])].copy()
    rows["gap"] = rows["actual"] - rows["expected"]
    rows["gap_pct"] = rows["gap"] / rows["expected"].where(rows["expected"] != 0)
    rows["direction"] = np.where(rows["actual"] > rows["hi95"], "above", "below")
    return rows.rename_axis(period).reset_index()


def decompose_gap(by_part: pd.DataFrame) -> pd.DataFrame:
    """Split one period's gap (actual - expected) over its parts.

    ``gap = actual - expected`` per part; ``share_of_gap = gap / sum(gap)`` (NaN when the
    total gap is 0), so shares add up to 1 when the parts' expected values add up to the
    parent's (see :func:`expected_by_share`). Rows are sorted by ``|gap|``, largest first
    (ties by part).

    Raises
    ------
    ValueError
        If ``part``, ``actual`` or ``expected`` is missing or a part appears twice.
    """
    missing = [c for c in ("part", "actual", "expected") if c not in by_part.columns]
    if missing:
        raise ValueError(f"Decomposing a gap needs columns part, actual, expected; missing {missing}.")
    if by_part["part"].duplicated().any():
        raise ValueError("Each part may appear only once when decomposing a gap.")
    out = by_part[["part", "actual", "expected"]].copy()
    out["gap"] = out["actual"] - out["expected"]
    out["gap_pct"] = out["gap"] / out["expected"].where(out["expected"] != 0)
    total = out["gap"].sum()
    out["share_of_gap"] = out["gap"] / total if total != 0 else np.nan
    out["_size"] = out["gap"].abs()
    out = out.sort_values(["_size", "part"], ascending=[False, True], kind="stable")
    return out.drop(columns="_size").reset_index(drop=True)


def expected_by_share(history_by_part: pd.DataFrame, parent_expected: pd.Series,
                      lookback_days: int = 56) -> pd.DataFrame:
    """Split a parent's expected counts over its parts by each part's recent share.

    ``expected[d, p] = parent_expected[d] * share[p]`` with
    ``share[p] = count[p] / count[all]`` over the ``lookback_days`` days before the first
    date of ``parent_expected``. The parts' expected values add up to the parent's, so
    the parts' gaps add up to the parent's gap.

    Parameters
    ----------
    history_by_part
        Long frame with ``date``, ``part`` and ``count``.
    parent_expected
        Expected counts of the parent, indexed by date.
    lookback_days
        Length of the window that sets the shares.

    Returns
    -------
    DataFrame
        Columns ``date``, ``part``, ``share`` and ``expected``; every part of the history
        on every date (a part absent from the window has share 0).

    Raises
    ------
    ValueError
        If a column is missing, ``lookback_days < 1``, or there are no contacts in the
        lookback window.
    """
    missing = [c for c in ("date", "part", "count") if c not in history_by_part.columns]
    if missing:
        raise ValueError(f"The history by part needs columns date, part, count; missing {missing}.")
    if lookback_days < 1:
        raise ValueError("lookback_days must be at least 1.")
    first = pd.Timestamp(parent_expected.index.min()).normalize()
    dates = pd.to_datetime(history_by_part["date"])
    window = history_by_part[(dates >= first - pd.Timedelta(days=lookback_days)) & (dates < first)]
    counts = window.groupby("part")["count"].sum().reindex(history_by_part["part"].unique(), fill_value=0)
    if counts.sum() <= 0:
        raise ValueError(f"No contacts in the {lookback_days} days before {first:%Y-%m-%d}; "
                         "shares of the parts cannot be set.")
    shares = counts / counts.sum()
    grid = pd.MultiIndex.from_product([pd.DatetimeIndex(parent_expected.index, name="date"), shares.index],
                                      names=["date", "part"]).to_frame(index=False)
    grid["share"] = grid["part"].map(shares).astype(float)
    grid["expected"] = grid["date"].map(parent_expected).astype(float) * grid["share"]
    return grid
