"""How fast each page answers a filter change: ``python benchmarks/view_speed.py [--db PATH]``.

Runs the real app with Streamlit's AppTest: the frame sets the filter from a shared link
and runs the default page (timed for the Overview), then the page is run alone (timed for
the others) on a demo store (built with
the default demo settings when ``--db`` is not given). ``--query KEY=VALUE`` adds a page's
own URL parameter to every run (``reasons_section=Journeys`` times that section) and
``--period-days`` sets the length of the filter's period. Per page it first warms the
process (one run), then times runs with filters it has never seen (new periods, reasons
and channels, so no cached result helps) and runs it has seen (cached). Prints the median
seconds per page as JSON, with the ratio of a new filter to a cached one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_PAGE = "pages/overview.py"
PAGES = ["pages/overview.py", "pages/trends.py", "pages/reasons.py", "pages/ratios.py", "pages/weekly.py"]


def filter_changes(last_day: date, n: int, period_days: int = 28, extra: dict | None = None,
                   first_day: date | None = None) -> list[dict]:
    """``n`` different shared-link filters: ``period_days`` periods stepping back a week,
    with a reason or a channel group on every other one; ``extra`` URL parameters (a page's
    own controls, such as ``reasons_section=Journeys``) go into every one. A period never
    starts before ``first_day`` (the app would refuse it)."""
    choices = [{}, {"filter_channel": "voice (group)"}, {"filter_reason": "Delivery"}, {"filter_channel": "chat (group)"}]
    changes = []
    for i in range(n):
        end = last_day - timedelta(days=7 * i)
        start = end - timedelta(days=period_days - 1)
        start = max(start, first_day) if first_day else start
        # A bound date range travels as the parameter repeated: ?filter_period=a&filter_period=b
        changes.append({"filter_period": [start.isoformat(), end.isoformat()], **choices[i % len(choices)],
                        **(extra or {})})
    return changes


def time_run(store: Path, page: str, query: dict) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(query)
    started = time.perf_counter()
    at.run()  # the frame, which reads the filter from the URL, then the default page
    elapsed = time.perf_counter() - started
    _check(at, page, query)
    if page != DEFAULT_PAGE:  # time the page alone
        at.switch_page(page)
        started = time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - started
        _check(at, page, None)
    return elapsed


def _check(at, page: str, query: dict | None) -> None:
    if at.exception:
        raise RuntimeError(f"{page} failed: {at.exception[0].value}")
    if query is not None:  # a filter the app ignored would time the cache
        shown = tuple(d.isoformat() for d in at.sidebar.date_input[0].value)
        if shown != tuple(query["filter_period"]):
            raise RuntimeError(f"the app shows the period {shown}, not {query['filter_period']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a demo store (default: build one with the default demo settings)")
    parser.add_argument("--changes", type=int, default=5, help="new filters timed per page")
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--period-days", type=int, default=28, help="length of each filter's period")
    parser.add_argument("--query", action="append", default=[], metavar="KEY=VALUE",
                        help="a URL parameter added to every run, e.g. reasons_section=Journeys (repeatable)")
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.query)

    if args.db:
        store = Path(args.db)
    else:
        store = Path(tempfile.mkdtemp()) / "demo.duckdb"
        subprocess.run([sys.executable, "-m", "analytics", "demo", "--db", str(store)], cwd=ROOT, check=True,
                       capture_output=True)
    os.environ["CONTACTS_DB"] = str(store)
    os.environ.setdefault("CONTACTS_AUTH", "local")
    os.chdir(ROOT)

    import duckdb

    with duckdb.connect(str(store), read_only=True) as conn:
        first_day, last_day = conn.execute("select min(started_at)::date, max(started_at)::date from contacts").fetchall()[0]

    results = {}
    for page in args.pages:
        changes = filter_changes(last_day, args.changes + 1, args.period_days, extra, first_day)
        time_run(store, page, changes[0])  # warm the process: connection, imports, first fit
        new = [time_run(store, page, query) for query in changes[1:]]
        cached = [time_run(store, page, query) for query in changes[1:]]
        results[Path(page).stem] = {
            "new_filter_median_s": round(statistics.median(new), 3),
            "new_filter_max_s": round(max(new), 3),
            "cached_median_s": round(statistics.median(cached), 3),
            "new_vs_cached": round(statistics.median(new) / statistics.median(cached), 1),
            "runs": len(new),
        }
        print(json.dumps({Path(page).stem: results[Path(page).stem]}), file=sys.stderr, flush=True)
    print(json.dumps({"store": store.name, "last_day": str(last_day), "period_days": args.period_days,
                      "query": extra, "pages": results}, indent=2))


if __name__ == "__main__":
    main()
