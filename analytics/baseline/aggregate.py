"""Daily baselines summed to weeks or months, with intervals of the sums."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

Grain = Literal["day", "week", "month"]
BOUNDS = {"lo80": 0.10, "hi80": 0.90, "lo95": 0.025, "hi95": 0.975}


def period_starts(dates: pd.DatetimeIndex, grain: Grain) -> pd.DatetimeIndex:
    """The first day of each date's period: itself, its ISO week's Monday, or the 1st."""
    if grain == "day":
        return dates
    if grain == "week":
        return dates - pd.to_timedelta(dates.day_of_week, unit="D")
    if grain == "month":
        return dates.to_period("M").to_timestamp()
    raise ValueError(f"Unknown grain {grain!r}; use 'day', 'week' or 'month'.")


def expected_by_grain(frame: pd.DataFrame, grain: Grain, draws: np.ndarray | None = None) -> pd.DataFrame:
    """Sum a daily baseline frame to ``grain``, with intervals of each period's total.

    ``actual``, ``expected`` and any ``naive_*`` column are summed (NaN if a day is
    missing). The bounds ``lo80, hi80, lo95, hi95`` of a week or month are quantiles of
    the per-path sums of ``draws`` (:meth:`FittedBaseline.simulate` over the same days),
    because summing daily bounds would give far too wide an interval. Weeks are ISO weeks
    labelled by their Monday, months by their first day; ``days`` counts the days of each
    period present (a partial period has fewer than 7 or its month's length).

    Parameters
    ----------
    frame
        Daily rows on a DatetimeIndex with ``expected`` and optionally ``actual``,
        ``naive_*`` and the bounds.
    grain
        ``"day"`` (returned unchanged), ``"week"`` or ``"month"``.
    draws
        Array ``(n, len(frame))`` of simulated daily counts, needed for weekly or monthly
        bounds.

    Raises
    ------
    ValueError
        For an unknown grain, a frame without ``expected`` or a DatetimeIndex, bounds
        asked for without draws, or draws whose shape does not match the frame.
    """
    if not isinstance(frame.index, pd.DatetimeIndex):
        raise ValueError("The daily frame needs a DatetimeIndex of dates.")
    if "expected" not in frame.columns:
        raise ValueError("The daily frame needs an 'expected' column.")
    starts = period_starts(frame.index, grain)
    if grain == "day":
        return frame.copy()
    wants_bounds = any(c in frame.columns for c in BOUNDS)
    if draws is None and wants_bounds:
        raise ValueError("Weekly or monthly intervals need the simulated draws of the same days "
                         "(FittedBaseline.simulate); daily bounds cannot be summed.")
    sums = [c for c in frame.columns if c in ("actual", "expected") or c.startswith("naive_")]
    grouped = frame[sums].groupby(starts)
    out = grouped.sum(min_count=1)
    complete = grouped.count()
    sizes = grouped.size()
    for column in sums:
        out.loc[complete[column] < sizes, column] = np.nan
    if draws is not None:
        draws = np.asarray(draws, dtype=float)
        if draws.ndim != 2 or draws.shape[1] != len(frame):
            raise ValueError(f"The draws must have one column per day of the frame ({len(frame)}); "
                             f"got shape {draws.shape}.")
        codes, labels = pd.factorize(starts, sort=True)
        membership = np.zeros((len(frame), len(labels)))
        membership[np.arange(len(frame)), codes] = 1.0
        totals = draws @ membership
        for column, q in BOUNDS.items():
            out[column] = np.quantile(totals, q, axis=0, method="inverted_cdf")
    out["days"] = sizes.to_numpy()
    out.index = pd.DatetimeIndex(out.index, name=grain)
    return out
