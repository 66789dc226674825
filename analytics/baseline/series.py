"""Checks shared by every function that takes a daily count series."""

from __future__ import annotations

import numpy as np
import pandas as pd


def checked_daily(daily: pd.Series) -> pd.Series:
    """``daily`` as float counts on a normalized daily index, or a ValueError."""
    if not isinstance(daily, pd.Series) or not isinstance(daily.index, pd.DatetimeIndex):
        raise ValueError("The daily series needs a DatetimeIndex of dates.")
    if daily.isna().any():
        raise ValueError("The daily series has missing counts; zero-fill days without contacts.")
    values = pd.to_numeric(daily, errors="raise").astype(float)
    if (values < 0).any():
        raise ValueError("Daily counts cannot be negative.")
    if not np.allclose(values, np.round(values)):
        raise ValueError("Daily counts must be whole numbers.")
    index = daily.index.normalize()
    if len(index) == 0:
        raise ValueError("The daily series is empty.")
    if len(index) > 1:
        expected = pd.date_range(index[0], index[-1], freq="D")
        if len(expected) != len(index) or not (index == expected).all():
            raise ValueError("The daily series must have one row per consecutive day, oldest first "
                             f"({len(expected)} days from {index[0]:%Y-%m-%d} to {index[-1]:%Y-%m-%d}, "
                             f"{len(index)} rows given).")
    return pd.Series(values.to_numpy(), index=pd.DatetimeIndex(index, freq="D" if len(index) > 1 else None),
                     name=daily.name)
