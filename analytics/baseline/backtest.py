"""Rolling-origin backtest of the baseline against the seasonal-naive references.

At each origin ``o`` (a Monday; ``n_origins`` of them ``spacing_days`` apart, the last
one such that its window ends on the last day) the model is refitted on the days before
``o`` and predicts ``o .. o + horizon_days - 1``. Errors are pooled over all origins and
periods (days, or ISO weeks for ``grain="week"``)::

    MAPE = mean(|actual - forecast| / actual)   over periods with actual > 0
    WAPE = sum |actual - forecast| / sum actual
    coverage_p = share of periods with lo_p <= actual <= hi_p

Days of unforeseen events inside a window are not scored (nothing could foresee them).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from analytics.baseline.aggregate import expected_by_grain
from analytics.baseline.calendar import checked_events, event_days
from analytics.baseline.config import BaselineConfig, InsufficientHistory, UnfittableHistory
from analytics.baseline.model import fit_baseline
from analytics.baseline.naive import seasonal_naive_forecast
from analytics.baseline.series import checked_daily
from analytics.i18n import t

ERROR_BASIS = ("MAPE over periods with actual > 0; WAPE = sum |error| / sum actual over all periods; "
               "pooled over all origins.")


@dataclass(frozen=True)
class BacktestResult:
    """Pooled out-of-sample accuracy and interval coverage.

    ``mape_seasonal_naive``/``wape_seasonal_naive`` score ``naive_8w`` (same weekday,
    mean of the last 8 weeks before the origin); ``mape_naive_last_year`` scores the day
    364 days back. ``periods`` holds every scored period (not in :meth:`to_dict`).
    """

    mape_model: float
    mape_seasonal_naive: float
    mape_naive_last_year: float
    wape_model: float
    wape_seasonal_naive: float
    coverage_80: float
    coverage_95: float
    horizon_days: int
    n_origins: int
    fit_seconds_median: float
    grain: str
    error_basis: str = ERROR_BASIS
    periods: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False, compare=False)

    def to_dict(self) -> dict[str, float | int | str]:
        """The scalar fields (everything but ``periods``)."""
        out = asdict(self)
        out.pop("periods")
        return out


def backtest_origins(dates: pd.DatetimeIndex, horizon_days: int, n_origins: int,
                     spacing_days: int | None) -> list[pd.Timestamp]:
    """Mondays from which the backtest forecasts, oldest first (see the module docstring).

    Default spacing spreads the origins over the last year, rounded to whole weeks.
    """
    if spacing_days is None:
        spacing_days = max(7, 7 * round((365 - horizon_days) / max(n_origins - 1, 1) / 7))
    latest = dates[-1] - pd.Timedelta(days=horizon_days - 1)
    latest = latest - pd.Timedelta(days=int(latest.day_of_week))
    return [latest - pd.Timedelta(days=spacing_days * k) for k in range(n_origins - 1, -1, -1)]


def _mape(actual: np.ndarray, forecast: np.ndarray) -> float:
    ok = (actual > 0) & np.isfinite(forecast)
    return float(np.mean(np.abs(actual[ok] - forecast[ok]) / actual[ok])) if ok.any() else float("nan")


def _wape(actual: np.ndarray, forecast: np.ndarray) -> float:
    ok = np.isfinite(forecast)
    total = actual[ok].sum()
    return float(np.abs(actual[ok] - forecast[ok]).sum() / total) if total > 0 else float("nan")


def backtest(daily: pd.Series, *, events: pd.DataFrame | None = None, config: BaselineConfig = BaselineConfig(),
             horizon_days: int = 28, n_origins: int = 12, spacing_days: int | None = None,
             grain: Literal["day", "week"] = "day") -> BacktestResult:
    """Rolling-origin backtest: refit before each origin, predict the next ``horizon_days``.

    Returns
    -------
    BacktestResult
        ``n_origins`` counts the origins that had enough history to fit.

    Raises
    ------
    InsufficientHistory
        If no origin has ``config.min_days_any`` days of history before it; as
        :class:`UnfittableHistory` (saying why) when origins had the days but the model
        could not be fitted at any of them.
    ValueError
        For a bad series, ``horizon_days < 1``, or ``grain="week"`` with a horizon that is
        not a whole number of weeks.
    """
    series = checked_daily(daily)
    if horizon_days < 1 or n_origins < 1:
        raise ValueError("horizon_days and n_origins must be at least 1.")
    if grain == "week" and horizon_days % 7:
        raise ValueError("A weekly backtest needs a horizon of whole weeks (e.g. 28 days).")
    if grain not in ("day", "week"):
        raise ValueError(f"Unknown backtest grain {grain!r}; use 'day' or 'week'.")
    events_frame = checked_events(events)
    outage = event_days(series.index, events_frame, foreseen=False).sum(axis=1) > 0 \
        if len(events_frame) else pd.Series(False, index=series.index)
    rows, seconds, unfittable = [], [], None
    for origin in backtest_origins(series.index, horizon_days, n_origins, spacing_days):
        history = series[series.index < origin]
        if len(history) < config.min_days_any:
            continue
        window_end = origin + pd.Timedelta(days=horizon_days - 1)
        try:
            tic = time.perf_counter()
            fitted = fit_baseline(history, events=events_frame, config=config)
            seconds.append(time.perf_counter() - tic)
        except UnfittableHistory as exc:  # this origin's history cannot carry the model: not scored
            unfittable = exc
            continue
        except InsufficientHistory:
            continue
        frame = fitted.predict(origin, window_end)
        frame.insert(0, "actual", series.reindex(frame.index).to_numpy())
        frame = frame.join(seasonal_naive_forecast(history, origin, window_end))
        scored = ~outage.reindex(frame.index, fill_value=False).to_numpy()
        if grain == "week":
            draws = fitted.simulate(origin, window_end)
            frame, draws = frame[scored], draws[:, scored]
            frame = expected_by_grain(frame, "week", draws=draws)
            frame = frame[frame["days"] == 7].drop(columns="days")
        else:
            frame = frame[scored]
        frame.insert(0, "origin", origin)
        rows.append(frame)
    if not rows:
        if unfittable is not None:
            raise unfittable
        raise InsufficientHistory(t("baseline.backtest_history", need=config.min_days_any, have=len(series)))
    periods = pd.concat(rows)
    actual = periods["actual"].to_numpy()
    inside = {p: float(np.mean(periods["actual"].between(periods[f"lo{p}"], periods[f"hi{p}"]))) for p in (80, 95)}
    return BacktestResult(
        mape_model=_mape(actual, periods["expected"].to_numpy()),
        mape_seasonal_naive=_mape(actual, periods["naive_8w"].to_numpy()),
        mape_naive_last_year=_mape(actual, periods["naive_last_year"].to_numpy()),
        wape_model=_wape(actual, periods["expected"].to_numpy()),
        wape_seasonal_naive=_wape(actual, periods["naive_8w"].to_numpy()),
        coverage_80=inside[80], coverage_95=inside[95], horizon_days=horizon_days, n_origins=len(rows),
        fit_seconds_median=float(np.median(seconds)), grain=grain, periods=periods)


def backtest_table(daily: pd.Series, configs: Mapping[str, BaselineConfig], *,
                   events: pd.DataFrame | None = None, horizon_days: int = 28, n_origins: int = 12,
                   grain: Literal["day", "week"] = "day") -> pd.DataFrame:
    """One :func:`backtest` row per named design, to choose a design on a real series."""
    rows = {name: backtest(daily, events=events, config=config, horizon_days=horizon_days,
                           n_origins=n_origins, grain=grain).to_dict() for name, config in configs.items()}
    return pd.DataFrame.from_dict(rows, orient="index").drop(columns=["error_basis"])
