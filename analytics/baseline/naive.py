"""Seasonal-naive references shown beside the model.

``naive_8w[t] = mean(Y[t-7], Y[t-14], ..., Y[t-56])``: the same weekday over the last
8 weeks, using only days before ``t``. ``naive_last_year[t] = Y[t-364]``: the same ISO
week and weekday one year back.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from analytics.baseline.series import checked_daily

NAIVE_WEEKS = 8
LAST_YEAR_DAYS = 364


def seasonal_naive(daily: pd.Series) -> pd.DataFrame:
    """Both naive references for each day of ``daily`` (NaN until enough history).

    Returns
    -------
    DataFrame
        Indexed by ``date``; columns ``naive_8w`` and ``naive_last_year``.

    Raises
    ------
    ValueError
        If ``daily`` is not a consecutive daily series of counts.
    """
    series = checked_daily(daily)
    lagged = pd.concat([series.shift(7 * k) for k in range(1, NAIVE_WEEKS + 1)], axis=1)
    frame = pd.DataFrame({"naive_8w": lagged.mean(axis=1, skipna=False),
                          "naive_last_year": series.shift(LAST_YEAR_DAYS)})
    frame.index.name = "date"
    return frame


def seasonal_naive_forecast(history: pd.Series, start: date | str | pd.Timestamp,
                            end: date | str | pd.Timestamp) -> pd.DataFrame:
    """Both naive references for the days ``start..end`` using ``history`` only.

    For a day after the history, ``naive_8w`` is the mean of the last 8 same weekdays in
    the history; ``naive_last_year`` is the day 364 days back (NaN if that is not in
    the history).

    Raises
    ------
    ValueError
        If ``history`` is not a consecutive daily series or ``end`` is before ``start``.
    """
    series = checked_daily(history)
    first, last = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if last < first:
        raise ValueError("The forecast period ends before it starts.")
    dates = pd.date_range(first, last, freq="D", name="date")
    hist_end = series.index[-1]
    ahead = np.maximum(0, np.asarray((dates - hist_end).days))
    latest = dates - pd.to_timedelta(7 * np.maximum(1, -(-ahead // 7)), unit="D")
    lags = [series.reindex(latest - pd.Timedelta(days=7 * k)).to_numpy() for k in range(NAIVE_WEEKS)]
    naive_8w = np.mean(np.vstack(lags), axis=0)
    back = dates - pd.Timedelta(days=LAST_YEAR_DAYS)
    last_year = series.reindex(back).to_numpy().copy()
    last_year[np.asarray(back > hist_end)] = np.nan
    return pd.DataFrame({"naive_8w": naive_8w, "naive_last_year": last_year}, index=dates)
