"""How long a chart download takes: ``python benchmarks/export_speed.py [--db PATH] [--repeats N]``.

Builds four typical charts from a demo store (built with small demo settings when ``--db``
is not given) exactly as the pages do: contacts per day and by channel group (Overview),
the reason treemap (Reasons & channels) and the baseline chart (Volume trends), each
stamped with its period, filters and freshness. Then, in one process and in this order:

1. without a server: PNG exports where Kaleido starts a Chromium for every export (what a
   plain ``figure.to_image`` does);
2. cold: the first PNG through our server (``analytics.exports.figures``), which starts it;
3. warm: PNG and SVG of every chart through the running server, CSV and Excel of every
   chart's data.

Prints the medians in seconds as JSON, with the ratio of an export without the server to a
warm one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics import breakdowns, charts, trends  # noqa: E402
from analytics import overview as overview_logic  # noqa: E402
from analytics.charts import reasons as reason_charts  # noqa: E402
from analytics.exports import figures  # noqa: E402
from analytics.exports.stamp import export_context  # noqa: E402
from analytics.exports.tables import csv_bytes, excel_bytes  # noqa: E402
from analytics.filters import ContactFilter  # noqa: E402
from analytics.store import open_store  # noqa: E402

SIZE = dict(width=1280, height=720)


def typical_charts(db: Path) -> list[tuple[str, object, object]]:
    """(name, stamped figure, data) for the four charts, on the default period."""
    conn = open_store(db)
    try:
        freshness = overview_logic.store_freshness(conn)
        start, end = overview_logic.default_period(freshness)
        scope = ContactFilter(start, end)
        stamp = export_context(scope, freshness, generated_at=datetime.now(), language="en")
        data = overview_logic.overview(conn, scope)
        tree = breakdowns.reason_tree(conn, scope, compare_previous=True, compare_last_year=False)
        trend = trends.volume_trend(conn, scope, "day", first_day=freshness.first_contact_at.date())
    finally:
        conn.close()
    labels = {"contacts": "Contacts", "share": "Share", "change": "Change", "previous": "Previous"}
    built = [
        ("overview-daily", charts.daily_contacts_chart(data.daily), data.daily),
        ("overview-channel-groups", charts.channel_group_chart(data.by_channel_group), data.by_channel_group),
        ("reasons-tree", reason_charts.reason_treemap(tree, labels=labels), tree),
        ("trends-baseline", charts.baseline_chart(trend.periods, trend.anomalies), trend.periods),
    ]
    return [(name, figures.stamped_figure(fig, title=name, stamp_lines=stamp), frame) for name, fig, frame in built]


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def median_of(work, repeats: int) -> float:
    return statistics.median(timed(work) for _ in range(repeats))


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a contact store (default: a small demo built for the run)")
    parser.add_argument("--repeats", type=int, default=5, help="exports per chart and format (warm)")
    parser.add_argument("--no-server-repeats", type=int, default=3, help="exports without the server")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "contacts.duckdb"
            subprocess.run([sys.executable, "-m", "analytics", "demo", "--db", str(db), "--days", "800",
                            "--contacts-per-day", "250", "--seed", "7"], cwd=ROOT, check=True,
                           capture_output=True)
        built = typical_charts(db)

    first_figure = built[0][1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        no_server = [timed(lambda: first_figure.to_image(format="png", scale=2, **SIZE))
                     for _ in range(args.no_server_repeats)]
    cold = timed(lambda: figures.figure_png(first_figure, scale=2, **SIZE))

    result: dict = {"no_server_png_median": statistics.median(no_server), "cold_first_png": cold, "charts": {}}
    for name, fig, frame in built:
        result["charts"][name] = {
            "rows": len(frame),
            "png": median_of(lambda: figures.figure_png(fig, scale=2, **SIZE), args.repeats),
            "svg": median_of(lambda: figures.figure_svg(fig, **SIZE), args.repeats),
            "csv": median_of(lambda: csv_bytes(frame), args.repeats),
            "excel": median_of(lambda: excel_bytes(frame, sheet=name, stamp_lines=("a", "b")), args.repeats),
        }
    per_format = {fmt: statistics.median(c[fmt] for c in result["charts"].values())
                  for fmt in ("png", "svg", "csv", "excel")}
    result["warm_median"] = per_format
    result["no_server_over_warm_png"] = result["no_server_png_median"] / per_format["png"]
    result = json.loads(json.dumps(result), parse_float=lambda v: round(float(v), 4))
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
