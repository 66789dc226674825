"""Simulation study of the pilot estimators: many simulated pilots with a known effect.

Each simulated *series* is a target reason and a control group over about 2.5 years:

    target[t]  ~ NegBin(mu_T[t] * exp(c[t]) * (1 + effect in the window), alpha)
    control[t] ~ NegBin(mu_C[t] * exp(c[t]), alpha)

``mu_T`` and ``mu_C`` come from :func:`analytics.baseline.synthetic.synthetic_daily_mean`
(weekday pattern, yearly season with its own amplitude and peak, Dutch public holidays at
0.3x, a trend of -15% to +15% a year, an AR(1) level drift of their own); ``c`` is a
slow AR(1) drift both share (what a control group can cancel and a baseline cannot
foresee); ``alpha`` (over-dispersion) is 0.005 to 0.05; the target has 30 to 400
contacts a day, the control 3 to 10 times as many.

Each series carries ``PILOTS_PER_SERIES`` pilots that start on the same Monday in its
third year and share the history before it; each draws its own window (2 to 6 weeks)
with its own true effect (0 to -30%), so the fits before the start are reused
(``fit_cache``) while the windows are independent. The headline estimate (and the
baseline and control estimates behind it) are scored on coverage of the true effect by
the 95% interval, significant verdicts at a true effect of 0, and the mean error.

Run ``python -m tests.simulation.pilot_study`` to print the table.
"""

from __future__ import annotations

import argparse
import json
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import product
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.baseline.synthetic import synthetic_daily_mean
from analytics.pilots.estimators import baseline_estimate, control_estimate, headline_estimate

EFFECTS = (0.0, 0.0, -0.05, -0.10, -0.20, -0.30)
WEEKS = (2, 3, 4, 5, 6)
PILOTS_PER_SERIES = 5
N_SERIES = 42
WORKERS = 2
SEED = 20251123
FIRST_DAY = "2023-01-02"


@dataclass(frozen=True)
class SimulatedSeries:
    """The pre-pilot history of a target and its control, and the true means after it."""

    target_history: pd.Series
    control_history: pd.Series
    target_mean_after: pd.Series
    control_mean_after: pd.Series
    alpha: float


def _ar1(rng: np.random.Generator, days: int, sd: float, rho: float) -> np.ndarray:
    shocks = rng.standard_normal(days) * sd * np.sqrt(1 - rho**2)
    level = np.empty(days)
    level[0] = rng.standard_normal() * sd
    for t in range(1, days):
        level[t] = rho * level[t - 1] + shocks[t]
    return level


def _counts(rng: np.random.Generator, mean: np.ndarray, alpha: float) -> np.ndarray:
    return rng.poisson(rng.gamma(1 / alpha, mean * alpha)).astype(float)


def simulated_series(rng: np.random.Generator, history_days: int) -> SimulatedSeries:
    """One target/control pair: history up to the pilot start, true means for 6 weeks after."""
    days = history_days + 7 * max(WEEKS)
    base = float(np.exp(rng.uniform(np.log(30), np.log(400))))
    amplitude, peak = rng.uniform(0.05, 0.3), int(rng.integers(1, 365))
    common = _ar1(rng, days, sd=rng.uniform(0.02, 0.08), rho=0.98)
    target = synthetic_daily_mean(
        FIRST_DAY, days, base=base, yearly_amplitude=amplitude, peak_day_of_year=peak,
        trend_per_year=rng.uniform(-0.15, 0.15), level_sd=rng.uniform(0.0, 0.04), holiday=0.3,
        seed=int(rng.integers(1 << 30))) * np.exp(common)
    control = synthetic_daily_mean(
        FIRST_DAY, days, base=base * rng.uniform(3, 10), yearly_amplitude=amplitude + rng.uniform(-0.05, 0.05),
        peak_day_of_year=peak + int(rng.integers(-20, 21)), trend_per_year=rng.uniform(-0.15, 0.15),
        level_sd=rng.uniform(0.0, 0.02), holiday=0.3, seed=int(rng.integers(1 << 30))) * np.exp(common)
    alpha = float(rng.uniform(0.005, 0.05))
    history = slice(0, history_days)
    return SimulatedSeries(
        pd.Series(_counts(rng, target.to_numpy()[history], alpha), index=target.index[history]),
        pd.Series(_counts(rng, control.to_numpy()[history], alpha), index=control.index[history]),
        target.iloc[history_days:], control.iloc[history_days:], alpha)


def _with_window(history: pd.Series, mean_after: pd.Series, multiplier: float, days: int, alpha: float,
                 rng: np.random.Generator) -> pd.Series:
    window = mean_after.iloc[:days] * multiplier
    drawn = pd.Series(_counts(rng, window.to_numpy(), alpha), index=window.index)
    return pd.concat([history, drawn]).asfreq("D")


def _series_rows(i: int, seed: int, design: list[tuple[float, int]]) -> list[dict]:
    """The pilots of series ``i`` (its own random stream, so workers can share the study)."""
    rng = np.random.default_rng([seed, i])
    history_days = 7 * int(rng.integers(106, 116))  # a Monday in the third year
    series = simulated_series(rng, history_days)
    cache: dict = {}
    rows = []
    for j in range(PILOTS_PER_SERIES):
        effect, weeks = design[(i * PILOTS_PER_SERIES + j) % len(design)]
        days = 7 * weeks
        target = _with_window(series.target_history, series.target_mean_after, 1 + effect, days, series.alpha, rng)
        control = _with_window(series.control_history, series.control_mean_after, 1.0, days, series.alpha, rng)
        start, end = target.index[history_days], target.index[-1]
        tic = time.perf_counter()
        baseline, _ = baseline_estimate(target, start, end, fit_cache=cache)
        control_fit = control_estimate(target, control, start, end)
        headline, why = headline_estimate(baseline, control_fit)
        row = {"series": i, "true_effect": effect, "weeks": weeks, "chosen": why,
               "contacts_per_day": float(series.target_history.iloc[-56:].mean()),
               "seconds": time.perf_counter() - tic}
        for name, estimate in (("headline", headline), ("baseline", baseline), ("control", control_fit)):
            row |= {f"{name}_effect": estimate.relative_effect, f"{name}_low": estimate.ci_low,
                    f"{name}_high": estimate.ci_high, f"{name}_p": estimate.p_value,
                    f"{name}_rms": estimate.placebo.rms if estimate.placebo else float("nan"),
                    f"{name}_sd": estimate.sd_log, f"{name}_quantile": estimate.quantile,
                    f"{name}_log": float(np.log((estimate.actual + 0.5) / (estimate.expected + 0.5)))}
        rows.append(row)
    return rows


def run_study(n_series: int = N_SERIES, seed: int = SEED, workers: int = WORKERS) -> pd.DataFrame:
    """One row per simulated pilot: true effect, window, and each estimator's result.

    The series are spread over ``workers`` processes (started fresh, not forked: the test
    process may hold threads of other tests); each series has its own random stream, so
    the result does not depend on how many workers ran it.
    """
    design = list(product(EFFECTS, WEEKS))
    np.random.default_rng(seed).shuffle(design)
    if workers <= 1:
        parts = [_series_rows(i, seed, design) for i in range(n_series)]
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            parts = list(pool.map(_series_rows, range(n_series), [seed] * n_series, [design] * n_series))
    return pd.DataFrame([row for part in parts for row in part])


def _score(frame: pd.DataFrame, method: str) -> dict:
    truth = frame["true_effect"]
    covered = (frame[f"{method}_low"] <= truth) & (truth <= frame[f"{method}_high"])
    null = truth == 0
    return {
        "pilots": int(len(frame)),
        "coverage_95": float(covered.mean()),
        "false_positive_rate": float((frame.loc[null, f"{method}_p"] < 0.05).mean()) if null.any() else None,
        "mean_error_pp": float(100 * (frame[f"{method}_effect"] - truth).mean()),
        "mean_abs_error_pp": float(100 * (frame[f"{method}_effect"] - truth).abs().mean()),
        "mean_ci_width_pp": float(100 * (frame[f"{method}_high"] - frame[f"{method}_low"]).mean()),
    }


def summary(frame: pd.DataFrame) -> dict:
    """Overall scores per method and the headline's scores per true effect and window."""
    out = {"overall": {m: _score(frame, m) for m in ("headline", "baseline", "control")},
           "headline_choice": frame["chosen"].value_counts().to_dict(),
           "by_choice": {c: _score(g, "headline") for c, g in frame.groupby("chosen")},
           "by_effect": {f"{e:+.0%}": _score(g, "headline") for e, g in frame.groupby("true_effect")},
           "by_weeks": {f"{w} weeks": _score(g, "headline") for w, g in frame.groupby("weeks")},
           "seconds_per_pilot_median": float(frame["seconds"].median())}
    return out


def markdown_table(result: dict) -> str:
    """The README table: the headline estimate per true effect, per window and overall."""
    lines = ["| pilots | n | 95% interval covers truth | significant at true effect 0 | mean error | mean |error| "
             "| mean interval width |", "|---|---|---|---|---|---|---|"]

    def line(label: str, s: dict) -> str:
        fp = "–" if s["false_positive_rate"] is None else f"{s['false_positive_rate']:.1%}"
        return (f"| {label} | {s['pilots']} | {s['coverage_95']:.1%} | {fp} | {s['mean_error_pp']:+.1f} pp "
                f"| {s['mean_abs_error_pp']:.1f} pp | {s['mean_ci_width_pp']:.0f} pp |")

    lines.append(line("**all (headline)**", result["overall"]["headline"]))
    lines.append(line("baseline method only", result["overall"]["baseline"]))
    lines.append(line("control method only", result["overall"]["control"]))
    lines += [line(f"true effect {k}", v) for k, v in result["by_effect"].items()]
    lines += [line(f"window {k}", v) for k, v in result["by_weeks"].items()]
    return "\n".join(lines)


def main() -> None:
    """Run the study and print its table; ``--json PATH`` also writes the summary, with
    the design the test checks (runs in a process of its own, so its workers start from
    this module and not from whatever the calling process ran last)."""
    parser = argparse.ArgumentParser(description="The pilot simulation study.")
    parser.add_argument("--json", help="write the summary to this file")
    args = parser.parse_args()
    clock = time.perf_counter()
    study = run_study()
    result = summary(study)
    result["design"] = {"zero_effect_pilots": int((study["true_effect"] == 0).sum()),
                        "weeks": sorted(int(w) for w in study["weeks"].unique()),
                        "strongest_true_effect": float(study["true_effect"].min())}
    result["seconds"] = round(time.perf_counter() - clock, 1)
    result["table_markdown"] = markdown_table(result)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(result["table_markdown"])
    print(f"{result['seconds']:.0f} s")


if __name__ == "__main__":
    main()
