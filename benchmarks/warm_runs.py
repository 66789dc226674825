"""What a page costs the server once its views are computed:
``.venv/bin/python -m benchmarks.warm_runs --db STORE [--runs 40] [--query filter_channel=Phone]``.

Under load most runs find their counts, fits, figures and tables in the shared caches, so
what is left is the run itself: reading the data version, keying and reading the cached
results, drawing the elements. This runs the whole app (``app.py``, as the server runs it,
through Streamlit's AppTest) on each page with the filter of ``--query``, once to fill the
caches and once more, then ``--runs`` times, and prints the median process CPU of a run per
page in milliseconds (all threads: the script's and DuckDB's). AppTest also reads the
elements back, a few milliseconds of each run that a server does not spend.

To compare two commits, run it from a checkout of each, alternating, on the same store.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("overview", "trends", "reasons")


def run_cpu_ms(page: str, query: dict[str, str], runs: int) -> list[float]:
    """Process CPU in ms of each of ``runs`` runs of ``page`` after the caches are filled."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    app.query_params.update(query)
    app.run()
    app.switch_page(f"pages/{page}.py")
    app.run()
    app.run()
    if app.exception:
        raise SystemExit(f"{page}: {app.exception[0].message}")
    spent = []
    for _ in range(runs):
        started = time.process_time()
        app.run()
        spent.append((time.process_time() - started) * 1000)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the contact store")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--query", action="append", default=[], metavar="NAME=VALUE",
                        help="a URL parameter of the view, as a shared link has it (repeatable)")
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    os.environ["CONTACTS_DB"] = str(Path(args.db).resolve())
    os.environ.setdefault("CONTACTS_AUTH", "local")
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    query = dict(item.split("=", 1) for item in args.query)
    medians = {page: round(statistics.median(run_cpu_ms(page, query, args.runs)), 1)
               for page in args.pages.split(",")}
    print(json.dumps({"median_cpu_ms_per_run": medians, "runs": args.runs, "query": query}))


if __name__ == "__main__":
    main()
