"""The season's peaks on a demo store: every week from mid-November to the end of December
(ISO weeks 47 to 1), expected from the history up to the week before (as the weekly report
and Volume trends' week sentence state it), against the actual count and the generator's
own mean (the demo's truth, recomputed from ``<store>.truth.json``'s settings).

    .venv/bin/python -m analytics demo --db /tmp/demo.duckdb --end 2026-12-05
    .venv/bin/python -m benchmarks.peak_weeks --db /tmp/demo.duckdb [--json]

The summary counts the weeks whose history holds the whole season a year earlier (from 1
November): before that, without an earlier Black Friday and Christmas, nothing carries the
peaks forward (the default demo starts on 7 December 2023, so its 2024 season is such).
"""

from __future__ import annotations

import argparse
import json
from datetime import date

import pandas as pd

from analytics.baseline import InsufficientHistory, expected_for_days
from analytics.demo.truth import truth_path_for
from analytics.demo.volumes import demo_volumes
from analytics.filters import ContactFilter
from analytics.store import open_store
from analytics.trends import baseline_config, daily_series, events_for


def peak_weeks(db: str) -> pd.DataFrame:
    """One row per complete ISO week 47 to 1 of the store: ``actual``, ``truth``,
    ``expected``, ``lo95``, ``hi95``, ``vs_actual`` and ``vs_truth`` (expected / x - 1),
    ``inside95``, ``history_days`` and ``season_seen`` (the history holds the season a
    year earlier, from 1 November)."""
    truth_file = json.loads(truth_path_for(db).read_text(encoding="utf-8"))
    settings = truth_file["parameters"]
    first, last = date.fromisoformat(settings["first_day"]), date.fromisoformat(settings["last_day"])
    conn = open_store(db, read_only=True)
    try:
        everything = ContactFilter(first, last)
        history, events, config = daily_series(conn, everything), events_for(conn, everything), baseline_config(conn)
    finally:
        conn.close()
    truth = demo_volumes(first, settings["days"], settings["contacts_per_day"], truth_file["seed"]).expected
    truth = pd.Series(truth.sum(axis=(1, 2)), index=history.index)
    rows = []
    for monday in pd.date_range(first, last, freq="W-MON"):
        sunday = monday + pd.Timedelta(days=6)
        week = monday.isocalendar()[1]
        if sunday > pd.Timestamp(last) or not (week >= 47 or (week == 1 and monday.month == 12)):
            continue
        try:
            period = expected_for_days(history, monday, sunday, events=events, config=config).period()
        except InsufficientHistory:  # the store's first weeks
            continue
        actual, true_mean = float(history[monday:sunday].sum()), float(truth[monday:sunday].sum())
        rows.append({"week": f"{monday.isocalendar()[0]}-W{week:02d}", "monday": monday.date().isoformat(),
                     "actual": int(actual), "truth": round(true_mean), "expected": round(period.expected),
                     "lo95": period.lo95, "hi95": period.hi95, "vs_actual": period.expected / actual - 1,
                     "vs_truth": period.expected / true_mean - 1, "inside95": period.lo95 <= actual <= period.hi95,
                     "history_days": int((history.index < monday).sum()),
                     "season_seen": pd.Timestamp(f"{monday.year - 1}-11-01") >= pd.Timestamp(first)})
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a demo store (its <store>.truth.json next to it)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per week")
    args = parser.parse_args()
    table = peak_weeks(args.db)
    if args.json:
        print(table.to_json(orient="records"))
        return
    shown = table.assign(vs_actual=(100 * table["vs_actual"]).round(1), vs_truth=(100 * table["vs_truth"]).round(1))
    print(shown.drop(columns=["lo95", "hi95"]).to_string(index=False))
    year_on = table[table["season_seen"]]
    print(f"\nweeks whose history holds last year's season: {len(year_on)}; mean |expected/actual - 1| "
          f"{year_on['vs_actual'].abs().mean():.1%}, within 8% of actual {(year_on['vs_actual'].abs() <= 0.08).sum()}; "
          f"mean |expected/truth - 1| {year_on['vs_truth'].abs().mean():.1%}, worst {year_on['vs_truth'].abs().max():.1%}")


if __name__ == "__main__":
    main()
