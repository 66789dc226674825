"""The scale benchmark: every page's analytics three ways (the app, plain pandas, bare SQL),
cold and warm, with peak memory, page readiness in a real browser and the import.

    python benchmarks/scale.py [--sizes 1M,5M,20M] [--repeat 5] [--work DIR]
                               [--out benchmarks/results/scale] [--browser/--no-browser]
                               [--store-20m PATH] [--pages overview,trends,...]

Per size it builds (or reuses, in ``--work``) a three-year demo store of that many
contacts; ``--store-20m`` uses an existing 20M store instead (opened read-only; copied into
``--work`` for the app server, which opens its store for writing). Then, each in its own
process so memory is measured per way:

* **app, cold**: a fresh Python process imports the app's analytics, opens the store and
  runs one page's work once (``--cold-repeat`` times per page). Reported: the run alone,
  import + open + run (from the process's first line), and the wall time including the
  interpreter's start.
* **warm**, per way: one process (the pandas way loads the tables once first, timed
  apart), one unmeasured run per page, then ``--repeat`` runs of the default view and
  ``--repeat`` filter changes never seen before (no result caching anywhere: the analytics
  functions are pure and Streamlit is not involved).
* the three ways' key numbers are compared view by view; any difference stops the run.
* **browser** (Playwright + Chromium on the real server): per page, a new session from
  navigation to the last chart drawn (first visit, then repeats that Streamlit's cache
  serves) and a filter change (a link with another period and filter) to redraw; then the
  server's memory after every page.

Results are merged into ``<out>.json`` (other sizes already there are kept, so a run can be
resumed size by size) and written as tables to ``<out>.md``. Timings are medians.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pickle
import platform
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
from datetime import datetime, timezone
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DAYS = 1095
DEFAULT_WORK = Path(os.environ.get("BENCH_WORK", "/tmp/contact-bench"))
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "scale"
TARGETS = {"warm_s": 0.5, "cold_s": 3.0, "pandas_over_app": 3.0, "app_over_sql": 1.5, "browser_new_s": 2.0,
           "browser_change_s": 1.0, "server_mb": 1536}
# Charts each page's default view draws: readiness waits for all of them (the first chart of
# a fresh browser also loads plotly's code, so a page is not drawn when its script ends).
BROWSER_CHARTS = {"overview": 2, "trends": 1, "reasons": 1, "ratios": 1, "weekly": 1, "pilots": 5, "data": 1}
BROWSER_URLS = {"overview": "", "trends": "trends", "reasons": "reasons", "ratios": "ratios",
                "weekly": "weekly", "pilots": "pilots?pilots_view=Evaluation", "data": "data?data_section=Health"}


# --- Sizes and stores ------------------------------------------------------------------------

def parse_size(text: str) -> int:
    text = text.strip().upper()
    factor = {"K": 1_000, "M": 1_000_000}.get(text[-1], 1)
    return int(float(text[:-1] if factor > 1 else text) * factor)


def size_name(contacts: int) -> str:
    return f"{contacts / 1e6:g}M" if contacts >= 1_000_000 else f"{contacts / 1e3:g}K"


def contact_count(path: Path) -> int:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as conn:
        return int(conn.execute("select count(*) from contacts").fetchall()[0][0])


def store_for(size: int, work: Path, store_20m: Path | None) -> tuple[Path, bool]:
    """(the store of about ``size`` contacts, whether it belongs to someone else)."""
    if store_20m and size == 20_000_000:
        return store_20m, True
    path = work / f"contacts_{size_name(size)}.duckdb"
    if path.exists():
        found = contact_count(path)
        if abs(found - size) <= 0.05 * size:
            return path, False
        print(f"{path} holds {found:,} contacts, not about {size:,}: rebuilding it", flush=True)
    per_day = max(1, round(size / DAYS))
    print(f"Building a demo store of {size_name(size)} contacts ({per_day}/day) at {path}...", flush=True)
    subprocess.run([sys.executable, "-m", "analytics", "demo", "--db", str(path), "--contacts-per-day", str(per_day),
                    "--force"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return path, False


def current_store(path: Path, external: bool, work: Path) -> Path:
    """A store with every migration applied: ``path`` itself, migrated when it is ours; a
    migrated copy in ``work`` when it belongs to someone else and is behind."""
    from analytics.store import available_migrations, open_store, schema_version

    latest = max(m.version for m in available_migrations())
    conn = open_store(path, read_only=True)
    behind = schema_version(conn) < latest
    conn.close()
    if not behind:
        return path
    if external:
        path = copy_of(path, work)
    print(f"Migrating {path} to schema {latest}...", flush=True)
    open_store(path).close()
    return path


def copy_of(path: Path, work: Path) -> Path:
    """A copy of someone else's store in ``work`` (reused while it is newer than the original)."""
    copy = work / f"copy_of_{path.name}"
    if not copy.exists() or copy.stat().st_mtime < path.stat().st_mtime:
        print(f"Copying {path} to {copy}...", flush=True)
        shutil.copyfile(path, copy)
    return copy


# --- Worker processes --------------------------------------------------------------------------

def worker(args: argparse.Namespace) -> None:
    """Run inside a fresh process; print one JSON line with the timings."""
    from analytics.i18n import set_language
    from analytics.store import open_store
    from benchmarks import page_work as pw

    set_language("en")
    pages = args.pages.split(",")
    conn = open_store(args.db, read_only=True)
    import_open_s = time.perf_counter() - STARTED
    views = pw.views(conn, 1 if args.mode == "cold" else args.repeat + 1)
    out: dict = {"pages": {}}
    if args.mode == "cold":
        page = pages[0]
        target = conn
        if args.way == "pandas":
            target = pw.Frames.load(conn)
        opened = time.perf_counter()
        pw.page_work(args.way, page)(target, views[0])
        done = time.perf_counter()
        # in_process_s: importing, opening the store and the run (not working out the view,
        # whose queries the run repeats: the frame's freshness and filter options).
        out.update(run_s=done - opened, in_process_s=import_open_s + done - opened, peak_mb=pw.peak_rss_mb())
        print(json.dumps(out))
        return
    target = conn
    if args.way == "pandas":
        loaded = time.perf_counter()
        target = pw.Frames.load(conn)
        out["load_s"] = time.perf_counter() - loaded
        out["load_peak_mb"] = pw.peak_rss_mb()
    keys: dict = {}
    for page in pages:
        work = pw.page_work(args.way, page)
        if not pw.applies(page, views[0]):
            continue
        work(target, views[0])  # unmeasured: the process's first run of this page's code
        default, change = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            keys.setdefault(page, {})[0] = work(target, views[0])
            default.append(time.perf_counter() - started)
        for view in views[1:]:
            started = time.perf_counter()
            keys[page][view.variant] = work(target, view)
            change.append(time.perf_counter() - started)
        out["pages"][page] = {"default_s": default, "change_s": change, "peak_mb": pw.peak_rss_mb()}
    out["peak_mb"] = pw.peak_rss_mb()
    with open(args.keys_out, "wb") as fh:
        pickle.dump(keys, fh)
    print(json.dumps(out))


def run_worker(db: Path, way: str, mode: str, pages: list[str], repeat: int, keys_out: Path | None = None) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--db", str(db), "--way", way, "--mode", mode,
               "--pages", ",".join(pages), "--repeat", str(repeat)]
    if keys_out:
        command += ["--keys-out", str(keys_out)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"The {way} {mode} worker failed on {', '.join(pages)}:\n{done.stderr[-4000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = wall
    return result


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def bench_analytics(db: Path, pages: list[str], repeat: int, cold_repeat: int, work: Path) -> dict:
    from benchmarks import page_work as pw

    result: dict = {"pages": {p: {} for p in pages}, "load_average_before": list(os.getloadavg())}
    for page in pages:
        for way in ("app", "sql"):
            runs = [run_worker(db, way, "cold", [page], repeat) for _ in range(cold_repeat)]
            result["pages"][page][f"{way}_cold"] = {
                "run_s": median(r["run_s"] for r in runs), "in_process_s": median(r["in_process_s"] for r in runs),
                "with_interpreter_s": median(r["wall_s"] for r in runs), "peak_mb": max(r["peak_mb"] for r in runs),
                "runs": runs}
            print(f"  {page:9s} {way:6s} cold {result['pages'][page][f'{way}_cold']['run_s']:.3f}s", flush=True)
    keys = {}
    for way in pw.WAYS:
        keys_path = work / f"keys_{way}.pickle"
        warm = run_worker(db, way, "warm", pages, repeat, keys_path)
        keys[way] = pickle.loads(keys_path.read_bytes())
        if way == "pandas":
            result["pandas_load_s"], result["pandas_load_peak_mb"] = warm["load_s"], warm["load_peak_mb"]
        result[f"{way}_peak_mb"] = warm["peak_mb"]
        for page, timings in warm["pages"].items():
            result["pages"][page][f"{way}_warm"] = {
                "default_s": median(timings["default_s"]), "change_s": median(timings["change_s"]),
                "peak_mb": timings["peak_mb"], "runs_default_s": timings["default_s"],
                "runs_change_s": timings["change_s"]}
            print(f"  {page:9s} {way:6s} warm {median(timings['default_s']):.3f}s default, "
                  f"{median(timings['change_s']):.3f}s change", flush=True)
    result["agreement"] = check_agreement(keys)
    result["load_average_after"] = list(os.getloadavg())
    return result


def check_agreement(keys: dict) -> dict:
    """Compare every view's key numbers across the ways; raise on the first difference."""
    from benchmarks import page_work as pw

    checked = {}
    for page, by_view in keys["app"].items():
        for other in ("pandas", "sql"):
            for variant, numbers in by_view.items():
                pw.compare_keys(numbers, keys[other][page][variant], f"{page} view {variant}: app vs {other}")
        checked[page] = {"views": len(by_view), "key_numbers": sorted(by_view[0])}
    return checked


# --- Browser -------------------------------------------------------------------------------------

def process_tree_rss_mb(pid: int) -> float:
    """VmRSS of ``pid`` and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def change_query(view) -> str:
    f = view.contact_filter
    params = [("filter_period", f.start.isoformat()), ("filter_period", f.end.isoformat())]
    if f.reason_l1:
        params.append(("filter_reason", f.reason_l1))
    if f.channel_group:
        params.append(("filter_channel", f"{f.channel_group} (group)"))
    if f.channel:
        params.append(("filter_channel", f.channel))
    return urllib.parse.urlencode(params)


def page_url(base: str, page: str, view, change: bool) -> str:
    url = f"{base}/{BROWSER_URLS[page]}"  # the Overview is the default page, at the root
    extra = []
    if page == "pilots" and view.pilot is not None:
        extra.append(urllib.parse.urlencode({"pilots_pilot": view.pilot.name}))
    if change and page not in ("pilots", "data"):
        extra.append(change_query(view))
    if extra:
        url += ("&" if "?" in url else "?") + "&".join(extra)
    return url


def checked(tab, check, shot: Path) -> None:
    """Run ``check`` on the tab; keep a screenshot of what it saw when it fails."""
    try:
        check(tab)
    except AssertionError:
        tab.screenshot(path=str(shot), full_page=True)
        raise AssertionError(f"{tab.url}: the page shows an error (see {shot})")


def bench_browser(store: Path, pages: list[str], repeat: int, shots: Path, label: str) -> dict:
    from playwright.sync_api import sync_playwright

    from analytics.store import open_store
    from benchmarks import page_work as pw
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, AppServer, assert_no_exception, wait_for_app

    conn = open_store(store, read_only=True)
    views = pw.views(conn, repeat + 1)
    conn.close()
    shots.mkdir(parents=True, exist_ok=True)
    server = AppServer(store)
    result: dict = {"pages": {}, "load_average_before": list(os.getloadavg())}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for page_name in pages:
                if not pw.applies(page_name, views[0]):
                    continue
                new_session, change = [], []
                for i in range(repeat + 1):
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    tab = context.new_page()
                    started = time.monotonic()
                    tab.goto(page_url(server.url, page_name, views[0], False))
                    wait_for_app(tab, charts=BROWSER_CHARTS[page_name], timeout_ms=300_000)
                    new_session.append(time.monotonic() - started)
                    checked(tab, assert_no_exception, shots / f"{label}-{page_name}-failed.png")
                    if i == 0:
                        charts = tab.locator(".js-plotly-plot").count()
                        tab.screenshot(path=str(shots / f"{label}-{page_name}.png"), full_page=True)
                    elif page_name != "data":
                        # A filter never seen before (on Pilots: another pilot), which the
                        # server's cache cannot serve the first time.
                        started = time.monotonic()
                        tab.goto(page_url(server.url, page_name, views[i], True))
                        wait_for_app(tab, charts=BROWSER_CHARTS[page_name], timeout_ms=300_000)
                        change.append(time.monotonic() - started)
                        checked(tab, assert_no_exception, shots / f"{label}-{page_name}-change-failed.png")
                    context.close()
                result["pages"][page_name] = {
                    "first_visit_s": new_session[0], "new_session_s": median(new_session[1:]),
                    "change_s": median(change), "charts": charts, "runs_new_session_s": new_session,
                    "runs_change_s": change}
                print(f"  {page_name:9s} browser first {new_session[0]:.2f}s, new session "
                      f"{median(new_session[1:]):.2f}s, change {median(change) or 0:.2f}s, {charts} charts", flush=True)
            browser.close()
        result["server_rss_mb"] = process_tree_rss_mb(server.process.pid)
        result["load_average_after"] = list(os.getloadavg())
    finally:
        server.stop()
    return result


# --- Import, machine, output ----------------------------------------------------------------------

def bench_import(size: int, work: Path, source: Path, repeat: int) -> dict:
    try:
        module = importlib.import_module("benchmarks.import_scale")
    except ImportError as exc:
        return {"skipped": f"benchmarks/import_scale.py is not importable ({exc})"}
    if not hasattr(module, "run"):
        return {"skipped": "benchmarks/import_scale.py has no run()"}
    result = module.run(size, work / "import", source, repeat)
    if hasattr(module, "markdown_line"):
        result["markdown"] = module.markdown_line(result)
    return result


def machine() -> dict:
    import duckdb
    import pandas

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    try:
        os_name = next(line.split("=", 1)[1].strip().strip('"') for line in
                       Path("/etc/os-release").read_text().splitlines() if line.startswith("PRETTY_NAME"))
    except (OSError, StopIteration):
        os_name = platform.platform()
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem_kb / 2**20, 1), "os": os_name,
            "kernel": platform.release(), "python": platform.python_version(), "duckdb": duckdb.__version__,
            "pandas": pandas.__version__, "load_average": list(os.getloadavg())}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def fmt(value, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def ratio(a, b) -> float | None:
    return a / b if a is not None and b else None


def markdown(results: dict) -> str:
    from benchmarks.page_work import PAGE_TITLES

    m = results["machine"]
    lines = ["# Scale benchmark", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']} (kernel {m['kernel']}), "
             f"Python {m['python']}, DuckDB {m['duckdb']}, pandas {m['pandas']}; load average at the start "
             f"{', '.join(f'{x:.1f}' for x in m['load_average'])}. Run {results['finished_at']}, "
             f"{results['repeat']} repeats (medians).", "",
             "Seconds. *warm*: the same process, default view / a filter never seen before; *cold*: a fresh "
             "process running the page once (the run alone; with import and opening the store; with the "
             "interpreter's start). pandas and SQL compute the page's key numbers (below) from the same data; the "
             "app does the page's whole analytics work. Ratios are on filter changes. Peak MB: the cold app "
             "process; the warm pandas process (with its loaded tables); the warm SQL process.", "",
             "| size | page | app warm default | app warm change | app cold run | app cold +open | app cold +interp. "
             "| pandas warm | SQL warm | pandas/app | app/SQL | peak MB app / pandas / SQL |",
             "|---" * 12 + "|"]
    for size, by_size in results["sizes"].items():
        analytics = by_size.get("analytics")
        if not analytics:
            continue
        for page, row in analytics["pages"].items():
            app_w, pandas_w, sql_w = row.get("app_warm", {}), row.get("pandas_warm", {}), row.get("sql_warm", {})
            cold = row.get("app_cold", {})
            lines.append(" | ".join([
                f"| {size}", PAGE_TITLES[page], fmt(app_w.get("default_s")), fmt(app_w.get("change_s")),
                fmt(cold.get("run_s")), fmt(cold.get("in_process_s")), fmt(cold.get("with_interpreter_s")),
                fmt(pandas_w.get("change_s")), fmt(sql_w.get("change_s")),
                fmt(ratio(pandas_w.get("change_s"), app_w.get("change_s")), 1),
                fmt(ratio(app_w.get("change_s"), sql_w.get("change_s")), 1),
                f"{fmt(cold.get('peak_mb'), 0)} / {fmt(pandas_w.get('peak_mb'), 0)} / {fmt(sql_w.get('peak_mb'), 0)} |"]))
        lines.append("")
    lines += ["Pandas load (not counted above): " + "; ".join(
        f"{size}: {fmt(b['analytics'].get('pandas_load_s'), 1)} s, {fmt(b['analytics'].get('pandas_load_peak_mb'), 0)} MB"
        for size, b in results["sizes"].items() if b.get("analytics")), "",
        "Load average (1, 5, 15 min) before and after the analytics runs: " + "; ".join(
        f"{size}: {', '.join(f'{x:.1f}' for x in b['analytics'].get('load_average_before', []))} → "
        f"{', '.join(f'{x:.1f}' for x in b['analytics'].get('load_average_after', []))}"
        for size, b in results["sizes"].items() if b.get("analytics")), "",
        "Key numbers compared (counts equal, floats within 1e-9 relative, on every view): " + "; ".join(
            f"{page}: {', '.join(info['key_numbers'])}" for page, info in
            next((b["analytics"]["agreement"] for b in results["sizes"].values() if b.get("analytics")), {}).items()),
        "", "The Volume trends page fits its baseline in all three ways: pandas and SQL compute the daily series "
        "their own way and call the same fit (one daily fit; the app also fits weekly and splits the last week's gap).",
        ""]
    browsers = {size: b["browser"] for size, b in results["sizes"].items() if b.get("browser")}
    if browsers:
        lines += ["## In the browser", "",
                  "Seconds from navigation to the last chart drawn (Playwright + Chromium, a new context each time): "
                  "the first visit after the server starts (nothing cached), later new sessions (Streamlit's cache "
                  "serves the default view), and a filter change (a link with another period and a reason or "
                  "channel, never seen before; on Pilots another pilot). The load average before and after "
                  "each run is in the JSON: on a shared machine these figures are noise.", "",
                  "| size | page | first visit | new session | filter change | charts |", "|---|---|---|---|---|---|"]
        for size, browser in browsers.items():
            for page, row in browser["pages"].items():
                lines.append(f"| {size} | {PAGE_TITLES[page]} | {fmt(row['first_visit_s'])} | "
                             f"{fmt(row['new_session_s'])} | {fmt(row['change_s'])} | {row['charts']} |")
        lines += ["", "Server memory (VmRSS of the server and its children) after every page: " + "; ".join(
            f"{size}: {fmt(b.get('server_rss_mb'), 0)} MB" for size, b in browsers.items()), ""]
    imported = results.get("import")
    if imported:
        line = imported.get("markdown") or imported.get("skipped") or json.dumps(imported)
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else [line]
        lines += ["## Import", "", " · ".join(cells), ""]
    return "\n".join(lines)


def merged(out: Path, new: dict) -> dict:
    path = out.with_suffix(".json")
    old = json.loads(path.read_text()) if path.exists() else {}
    sizes = {**old.get("sizes", {})}
    for size, sections in new["sizes"].items():
        sizes[size] = {**sizes.get(size, {}), **sections}
    return {**old, **new, "sizes": sizes, "import": new.get("import") or old.get("import")}


def write(out: Path, results: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str))
    out.with_suffix(".md").write_text(markdown(results))


# --- Command line -----------------------------------------------------------------------------------

def parse_args(argv=None) -> argparse.Namespace:
    from benchmarks.page_work import PAGES, WAYS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1M,5M,20M", help="store sizes, e.g. 1M,5M,20M")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per view and page (medians)")
    parser.add_argument("--cold-repeat", type=int, default=3, help="fresh processes per page for the cold time")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="folder for the stores (reused)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results without suffix (.json and .md)")
    parser.add_argument("--browser", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--browser-repeat", type=int, help="new sessions and filter changes per page "
                        "(default: --repeat)")
    parser.add_argument("--analytics", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--import-rows", default="", help="rows of the import line (default: the largest size, "
                        "exported from its store; '0': skip it)")
    parser.add_argument("--store-20m", type=Path, help="an existing 20M store, used read-only")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"some of {','.join(PAGES)}")
    # Internal: the worker processes.
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--way", choices=WAYS, help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=("cold", "warm"), help=argparse.SUPPRESS)
    parser.add_argument("--keys-out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = set(args.pages.split(",")) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.worker:
        worker(args)
        return
    pages = args.pages.split(",")
    args.work.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "repeat": args.repeat, "sizes": {}, "targets": TARGETS}
    for size in [parse_size(s) for s in args.sizes.split(",") if s]:
        name = size_name(size)
        original, external = store_for(size, args.work, args.store_20m)
        db = current_store(original, external, args.work)
        sections = {"store": original.name, "contacts": contact_count(db)}  # no machine paths in the results
        print(f"{name}: {sections['contacts']:,} contacts in {db}", flush=True)
        if args.analytics:
            sections["analytics"] = bench_analytics(db, pages, args.repeat, args.cold_repeat, args.work)
            results["sizes"][name] = sections
            write(args.out, merged(args.out, {**results, "finished_at": now()}))  # kept if the browser fails
        if args.browser:
            served = copy_of(db, args.work) if external and db == original else db
            sections["browser"] = bench_browser(served, pages, args.browser_repeat or args.repeat,
                                                args.out.parent / "screens", name)
        results["sizes"][name] = sections
        results["finished_at"] = now()
        results = merged(args.out, results)
        write(args.out, results)  # after every size: a later failure keeps what was measured
    sizes = [parse_size(s) for s in args.sizes.split(",") if s]
    rows = parse_size(args.import_rows) if args.import_rows not in ("", "0") else (
        max(sizes) if args.import_rows == "" and sizes else 0)
    if rows:
        source = store_for(rows, args.work, args.store_20m)[0] if rows in sizes else None
        print(f"Import of {rows:,} rows...", flush=True)
        results["import"] = bench_import(rows, args.work, source, max(1, min(args.repeat, 3)))
    results["finished_at"] = now()
    write(args.out, merged(args.out, results))
    print(f"Wrote {args.out.with_suffix('.md')} and {args.out.with_suffix('.json')}", flush=True)


if __name__ == "__main__":
    main()
