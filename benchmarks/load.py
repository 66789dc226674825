"""Many viewers at once: ``python benchmarks/load.py [--db STORE] [--sessions 30]``.

Starts the app server on a store, opens ``--sessions`` browser sessions at once (one
headless Chromium, one context per session, driven by async Playwright) and has each open
the pages of ``--pages`` in turn, the first by its address and the next ones through the
sidebar, as a viewer would. While they run, a contact export is imported into the same
store (``python -m analytics import contacts FILE --db STORE``; when the command refuses a
store the app holds, the file is uploaded on the app's Data page in one extra session).

Per page view it records the seconds from navigation to ready (the script has finished,
the page has its title and every chart is drawn, and it stays so for 300 ms), the page's
headline numbers, and any error box. The numbers are checked against a direct count on
the store: before the server starts (read-only) and after it has stopped, so a number
must be either the count before the import or the count after it, nothing else:

- Overview: the "Contacts" metric = contacts in the default period (the 28 days up to the
  last contact's day);
- Volume trends: "Week W: N contacts" = contacts in the last full week of that period;
- Reasons: "Share of the N filtered contacts" = contacts in that period.

Without ``--import FILE`` the import is made from the store itself: ``--import-rows``
contacts of the default period under new ids (so the period does not move), and the
count after the run must equal the count before plus that file's contacts.

Sessions keep going round the pages until they have done ``--rounds`` rounds and the
import has finished, then do ``--rounds-after`` more, so some views run during the import
and some after it. The server's memory (VmRSS summed over its process tree) is sampled
every 0.5 s.

Writes ``OUT.json`` and ``OUT.md`` (``--out``, default ``benchmarks/results/load``), with
screenshots of the first failed views in ``OUT-failures/`` and the server's log as
``OUT-server.log`` when it holds a traceback, and exits with 1 when any view failed,
showed an error, a wrong number or never got ready, or the import failed.

The store is copied to a scratch folder first and the copy is used (``--in-place`` uses
the store itself): the import writes, and a second run must see the same "before". The
copy is opened once before the server starts, so pending migrations are not timed.
Timings taken while other work runs on the machine are noisy: the report gives the load
average at the start.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, AppServer  # noqa: E402
from benchmarks.load_pilot_edit import PilotEdit, check_edit, has_pilots, run_pilot_edit  # noqa: E402

PERIOD_DAYS = 28
# Per page: its address, how many charts it draws by default, and its title (English).
PAGES = {
    "overview": {"path": "", "charts": 2, "title": "Overview"},
    "trends": {"path": "trends", "charts": 1, "title": "Volume trends"},
    "reasons": {"path": "reasons", "charts": 1, "title": "Reasons & channels"},
}
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHARTS_DRAWN = """(minimum) => {
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    return plots.length >= minimum && plots.every(p => p.querySelector('.main-svg'));
}"""
FAILURE_SHOTS = {"dir": ROOT / "benchmarks" / "results" / "load-failures", "left": 10}
WEEK_SENTENCE = re.compile(r"Week (\d+): ([\d,]+) contacts")
REASONS_TOTAL = re.compile(r"Share of the ([\d,]+) filtered contacts")


# ---------------------------------------------------------------- the truth, counted directly

def _read_only(store: Path) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(str(store), read_only=True)
    conn.execute("set enable_progress_bar = false")
    return conn


def expected_numbers(store: Path) -> dict:
    """The headline numbers of the default view, counted on the store (read-only)."""
    with _read_only(store) as conn:
        first, last = conn.execute("select min(started_at)::date, max(started_at)::date from contacts").fetchone()
        start = max(last - timedelta(days=PERIOD_DAYS - 1), first)
        week_start = last - timedelta(days=6)
        week_start -= timedelta(days=week_start.weekday())  # the Monday of the last full week
        count = "select count(*) from contacts where started_at >= $a and started_at < $b"
        contacts = conn.execute(count, {"a": start, "b": last + timedelta(days=1)}).fetchone()[0]
        week = conn.execute(count, {"a": week_start, "b": week_start + timedelta(days=7)}).fetchone()[0]
    return {"period": [start.isoformat(), last.isoformat()], "contacts": contacts,
            "week": week_start.isocalendar().week, "week_start": week_start.isoformat(), "week_contacts": week}


def make_import_file(store: Path, path: Path, rows: int, seed: int = 7) -> dict:
    """``rows`` contacts of the default period copied under new ids into a CSV; returns
    how many fall in the period and in its last full week (all of them are new)."""
    truth = expected_numbers(store)
    start, end = (date.fromisoformat(d) for d in truth["period"])
    week_start = date.fromisoformat(truth["week_start"])
    columns = ", ".join(["'load-' || contact_id as contact_id", "started_at", "channel", "reason_l1", "reason_l2",
                         "reason_l3", "customer_id", "order_id", "department", "product", "supplier", "segment",
                         "handle_seconds", "wait_seconds", "resolved", "csat", "csat_scale"])
    with _read_only(store) as conn:
        conn.execute(f"""
            copy (select * from (select {columns} from contacts where started_at >= $a and started_at < $b)
                  using sample reservoir({int(rows)} rows) repeatable ({int(seed)}))
            to '{path}' (header, delimiter ',')""", {"a": start, "b": end + timedelta(days=1)})
        in_week = conn.execute(
            "select count(*) from read_csv($p) where started_at >= $a and started_at < $b",
            {"p": str(path), "a": week_start, "b": week_start + timedelta(days=7)}).fetchone()[0]
        total = conn.execute("select count(*) from read_csv($p)", {"p": str(path)}).fetchone()[0]
    return {"rows": total, "in_period": total, "in_week": in_week}


# ---------------------------------------------------------------- the server's memory

class MemorySampler(threading.Thread):
    """VmRSS summed over a process and its descendants, every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_mb = 0.0
        self.samples: list[tuple[float, float]] = []
        self._halt = threading.Event()

    def run(self):
        started = time.monotonic()
        while not self._halt.is_set():
            mb = sum(_rss_kb(p) for p in _tree(self.pid)) / 1024
            self.samples.append((round(time.monotonic() - started, 1), round(mb, 1)))
            self.peak_mb = max(self.peak_mb, mb)
            self._halt.wait(self.interval)

    def stop(self):
        self._halt.set()
        self.join(timeout=5)


def _tree(pid: int) -> list[int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, todo = [pid], [pid]
    while todo:
        current = todo.pop()
        children = [p for p, parent in parents.items() if parent == current]
        found += children
        todo += children
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# ---------------------------------------------------------------- one page view

@dataclass
class View:
    session: int
    round: int
    page: str
    seconds: float | None = None
    script_seconds: float | None = None
    numbers: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    during_import: bool = False


async def _ready(page, spec: dict, started: float, timeout_ms: int) -> tuple[float, float]:
    """Seconds from ``started`` until the page is ready: its title is shown, the script is
    idle and every chart is drawn; checked again 300 ms later (a rerun can follow). Also
    the seconds until the script had finished (the rest is the browser drawing)."""
    title = page.locator("h1").filter(has_text=spec["title"])
    while True:
        await title.first.wait_for(timeout=timeout_ms)
        await page.wait_for_selector(IDLE, timeout=timeout_ms)
        script_done = time.monotonic() - started
        await page.wait_for_function(CHARTS_DRAWN, arg=spec["charts"], timeout=timeout_ms)
        ready = time.monotonic() - started
        await page.wait_for_timeout(300)
        settled = (await page.locator(IDLE).count() and await title.count()
                   and await page.evaluate(CHARTS_DRAWN, spec["charts"]))
        if settled:
            return ready, script_done
        if time.monotonic() - started > timeout_ms / 1000:
            raise TimeoutError(f"the page never settled in {timeout_ms / 1000:.0f} s")


async def _headline(page, name: str) -> dict:
    """The page's headline numbers as shown."""
    if name == "overview":
        metric = page.locator('[data-testid="stMetric"]').filter(has_text="Contacts").first
        text = await metric.locator('[data-testid="stMetricValue"]').inner_text(timeout=5000)
        return {"contacts": _count(text)}
    if name == "trends":
        found = WEEK_SENTENCE.search(await page.locator('[data-testid="stMain"]').inner_text(timeout=5000))
        return {"week": int(found[1]), "week_contacts": _count(found[2])} if found else {}
    if name == "reasons":
        found = REASONS_TOTAL.search(await page.locator('[data-testid="stMain"]').inner_text(timeout=5000))
        return {"contacts": _count(found[1])} if found else {}
    return {}


def _count(text: str) -> int:
    return int(text.strip().replace(",", ""))


async def _errors_shown(page) -> list[str]:
    errors = []
    for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
        boxes = page.locator(selector)
        for i in range(await boxes.count()):
            errors.append((await boxes.nth(i).inner_text()).strip().splitlines()[0][:200])
    if await page.get_by_text("Page not found").count():
        errors.append("Page not found")
    return errors


async def open_view(page, url: str, name: str, view: View, *, first: bool, timeout_ms: int) -> None:
    """Go to a page (by its address when ``first``, else by its sidebar link) and record it."""
    spec = PAGES[name]
    started = time.monotonic()
    try:
        if first:
            await page.goto(f"{url}/{spec['path']}", timeout=timeout_ms)
        else:
            link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{spec["path"]}"]').first
            await link.click(timeout=timeout_ms)
            await page.wait_for_url(re.compile(rf"/{spec['path']}(\?|$)"), timeout=timeout_ms)
        ready, script_done = await _ready(page, spec, started, timeout_ms)
        view.seconds, view.script_seconds = round(ready, 3), round(script_done, 3)
        view.numbers = await _headline(page, name)
        if not view.numbers:
            view.errors.append("headline number not found")
    except Exception as exc:  # a timeout or a closed page: recorded, the session goes on
        view.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    try:
        view.errors += await _errors_shown(page)
        if view.errors and FAILURE_SHOTS["left"] > 0:  # what the viewer saw, for the first few
            FAILURE_SHOTS["left"] -= 1
            FAILURE_SHOTS["dir"].mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(FAILURE_SHOTS["dir"] / f"s{view.session}-r{view.round}-{name}.png"))
    except Exception as exc:
        view.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    progress(f"session {view.session} round {view.round} {name}: {view.seconds} s {view.numbers} {view.errors}")


def progress(message: str) -> None:
    print(f"{datetime.now():%H:%M:%S} {message}", file=sys.stderr, flush=True)


def check_numbers(view: View, before: dict, after: dict | None) -> None:
    """A number must be the count before the import or after it (``after`` known at the
    end); anything else is wrong."""
    allowed = [before] + ([after] if after else [])
    for key, shown in view.numbers.items():
        if key == "week":
            if shown not in {truth["week"] for truth in allowed}:
                view.wrong.append(f"week {shown}, expected {before['week']}")
            continue
        if shown not in {truth[key] for truth in allowed}:
            view.wrong.append(f"{key} {shown}, expected {' or '.join(str(t[key]) for t in allowed)}")


# ---------------------------------------------------------------- the run

@dataclass
class ImportRun:
    via: str = ""
    started_s: float | None = None
    seconds: float | None = None
    ok: bool = False
    result: str = ""
    attempts: list[str] = field(default_factory=list)


async def run_import(browser, url: str, store: Path, file: Path, via: str, delay: float, t0: float,
                     timeout_s: float, shown: asyncio.Event, done: asyncio.Event, record: ImportRun) -> None:
    """``delay`` seconds after the first page is shown (the app then holds the store),
    import ``file`` by the command line, else by upload."""
    try:
        await shown.wait()
        await asyncio.sleep(delay)
        record.started_s = round(time.monotonic() - t0, 2)
        progress(f"import of {file.name} starts ({via})")
        started = time.monotonic()
        if via in ("cli", "auto"):
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "analytics", "import", "contacts", str(file), "--db", str(store),
                cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            try:
                out, err = await asyncio.wait_for(process.communicate(), timeout=timeout_s)
            except asyncio.TimeoutError:
                out, err = b"", b"timed out"
            finally:
                if process.returncode is None:  # timed out, or the run was interrupted
                    process.kill()
                    await process.wait()
            record.attempts.append(f"cli: exit {process.returncode}: {(err or out).decode()[-300:].strip()}")
            if process.returncode == 0:
                record.via, record.ok, record.result = "cli", True, _import_counts(out.decode())
            elif via == "cli":
                record.via = "cli"
        if not record.ok and via in ("browser", "auto"):
            started = time.monotonic()
            record.via = "browser"
            record.ok, record.result = await _upload(browser, url, file, timeout_s)
            record.attempts.append(f"browser: {record.result}")
        record.seconds = round(time.monotonic() - started, 2)
        progress(f"import done in {record.seconds} s: {' | '.join(record.attempts)}")
    finally:
        done.set()


def _import_counts(output: str) -> str:
    """The counts of the import command's JSON answer (the whole text if it is not JSON)."""
    try:
        answer = json.loads(output)
    except ValueError:
        return output.strip()[-500:]
    return json.dumps({k: v for k, v in answer.items() if isinstance(v, (int, float, str)) and k != "file"})


async def _upload(browser, url: str, file: Path, timeout_s: float) -> tuple[bool, str]:
    """The Data page's upload, in a session of its own."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    timeout_ms = int(timeout_s * 1000)
    try:
        await page.goto(f"{url}/data", timeout=timeout_ms)
        await page.wait_for_selector(IDLE, timeout=timeout_ms)
        await page.locator('input[type="file"]').set_input_files(str(file))
        await page.get_by_text("First rows as they will be stored").wait_for(timeout=timeout_ms)
        await page.wait_for_timeout(300)
        await page.wait_for_selector(IDLE, timeout=timeout_ms)
        await page.get_by_role("button", name="Import", exact=True).click(timeout=timeout_ms)
        done = page.get_by_text(re.compile(r"rows read, [\d,]+ added"))
        await done.first.wait_for(timeout=timeout_ms)
        return True, (await done.first.inner_text()).strip()[:300]
    except Exception as exc:
        return False, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    finally:
        await context.close()


async def run_session(browser, url: str, number: int, pages: list[str], rounds: int, rounds_after: int,
                      shown: asyncio.Event, import_done: asyncio.Event, record: ImportRun,
                      views: list[View], deadline: float, timeout_ms: int) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    try:
        done_round, after_import, by_address = 0, 0, True
        while done_round < rounds or not import_done.is_set() or after_import < rounds_after:
            if time.monotonic() > deadline:
                break
            counts_as_after = import_done.is_set() and done_round >= rounds
            for name in pages:
                view = View(session=number, round=done_round, page=name,
                            during_import=record.started_s is not None and not import_done.is_set())
                await open_view(page, url, name, view, first=by_address, timeout_ms=timeout_ms)
                views.append(view)
                by_address = bool(view.errors)  # after a failed view, start again from an address
                if view.seconds is not None:
                    shown.set()
            done_round += 1
            after_import += counts_as_after
    finally:
        await context.close()


async def drive(url: str, args, store: Path, import_file: Path | None, t0: float,
                warm_up: list[dict], edit: PilotEdit | None = None) -> tuple[list[View], ImportRun]:
    from playwright.async_api import async_playwright

    views: list[View] = []
    record = ImportRun()
    import_done, shown = asyncio.Event(), asyncio.Event()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            if args.warm_up:  # a server that has run since last night: modules loaded, one visit per page
                warm = await browser.new_context(viewport={"width": 1400, "height": 1000})
                warm_page = await warm.new_page()
                for name in args.pages:
                    view = View(session=-1, round=0, page=name)
                    await open_view(warm_page, url, name, view, first=True, timeout_ms=int(args.page_timeout * 1000))
                    warm_up.append(asdict(view))
                await warm.close()
            deadline = time.monotonic() + args.max_seconds
            sessions = [run_session(browser, url, n, args.pages, args.rounds, args.rounds_after if import_file else 0,
                                 shown, import_done, record, views, deadline, int(args.page_timeout * 1000))
                     for n in range(args.sessions)]
            importing = None
            if import_file:
                importing = asyncio.create_task(run_import(
                    browser, url, store, import_file, args.import_via, args.import_delay, t0,
                    args.import_timeout, shown, import_done, record))
            else:
                import_done.set()
            editing = None
            if edit is not None:
                editing = asyncio.create_task(run_pilot_edit(
                    browser, url, args.import_delay + 1, t0, args.page_timeout, shown, edit))
            await asyncio.gather(*sessions)
            if editing is not None:
                if not shown.is_set():
                    editing.cancel()
                    edit.result = "not started: no page was ever ready"
                await asyncio.gather(editing, return_exceptions=True)
            if importing is not None:
                if not shown.is_set():  # no page ever got ready: the import never started
                    importing.cancel()
                    record.attempts.append("not started: no page was ever ready")
                await asyncio.gather(importing, return_exceptions=True)
        finally:
            await browser.close()
    return views, record


def quarter_medians(values: list[float]) -> list[float]:
    """The median of each quarter of ``values`` (memory levelling off: the last ones close)."""
    if len(values) < 4:
        return [round(statistics.median(values), 1)] if values else []
    size = len(values) // 4
    return [round(statistics.median(values[i * size:(i + 1) * size if i < 3 else None]), 1) for i in range(4)]


def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile (nearest rank) of ``values``."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(len(ordered) * q / 100))) - 1]


def summary(views: list[View], pages: list[str]) -> dict:
    per_page = {}
    for name in pages:
        per_page[name] = _spread([v for v in views if v.page == name])
    per_page["all"] = _spread(views)
    return per_page


def _spread(views: list[View]) -> dict:
    seconds = [v.seconds for v in views if v.seconds is not None]
    script = [v.script_seconds for v in views if v.script_seconds is not None]
    return {"views": len(views), "ready": len(seconds),
            "p50_s": round(statistics.median(seconds), 2) if seconds else None,
            "p95_s": round(percentile(seconds, 95), 2) if seconds else None,
            "max_s": round(max(seconds), 2) if seconds else None,
            "script_p50_s": round(statistics.median(script), 2) if script else None,
            "script_p95_s": round(percentile(script, 95), 2) if script else None}


def server_errors(log: Path) -> list[str]:
    """Tracebacks the server wrote to its log."""
    if not log.exists():
        return []
    lines = log.read_text(errors="replace").splitlines()
    return [lines[min(i + 12, len(lines) - 1)][:200] for i, line in enumerate(lines) if "Traceback" in line]


def markdown(report: dict) -> str:
    r = report
    lines = [
        f"# Load test: {r['sessions']} sessions, {', '.join(r['pages'])}",
        "",
        f"Store: {r['store_contacts']:,} contacts; run {r['started_at']} on {r['machine']['cpus']} cores, "
        f"{r['machine']['memory_gb']} GB, load average {r['machine']['load_average_at_start']} at the start.",
        "",
        f"- Page views: {r['page_views']} ({r['views_during_import']} while the import ran); "
        f"errors: {r['errors']}; wrong numbers: {r['wrong_numbers']}; never ready: {r['not_ready']}",
        f"- Import: {r['import']['via'] or 'none'}, {r['import']['seconds']} s, "
        f"{'ok' if r['import']['ok'] else 'FAILED'}; store after the run as predicted: {r['after_as_predicted']}",
        f"- Numbers seen: {r['views_showing_before']} views showed the count before the import, "
        f"{r['views_showing_after']} the count after it",
        f"- Pilot edit during the reads: " + (
            "none" if not r.get("pilot_edit") else
            f"{r['pilot_edit']['pilot']!r}, {r['pilot_edit']['seconds']} s, "
            f"{'saved and in the store' if r['pilot_edit']['ok'] and not r['pilot_edit_problems'] else 'FAILED'}"),
        f"- Server memory (VmRSS, process tree): peak {r['server_rss_peak_mb']} MB; median of each quarter "
        f"of the run: {' → '.join(str(q) for q in r['server_rss_quarters_mb'])} MB",
        "- Warm-up before the sessions (one visit per page, not counted): "
        + (", ".join(f"{w['page']} {w['seconds']} s" for w in r["warm_up"]) or "none, a fresh server"),
        f"- Target p95 page-ready ≤ {r['target_p95_s']} s: {'met' if r['target_met'] else 'NOT met'}",
        "",
        "Page ready: from navigation to the last chart drawn; script: to the app's run finished.",
        "",
        "| page | views | ready | p50 s | p95 s | max s | script p50 s | script p95 s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in r["page_ready"].items():
        lines.append(f"| {name} | {s['views']} | {s['ready']} | {s['p50_s']} | {s['p95_s']} | {s['max_s']} "
                     f"| {s['script_p50_s']} | {s['script_p95_s']} |")
    if r["problems"]:
        lines += ["", "## Problems", ""] + [f"- {p}" for p in r["problems"][:50]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the store (default: $CONTACTS_DB or data/contacts.duckdb)")
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--pages", default="overview,trends,reasons",
                        type=lambda s: [p.strip() for p in s.split(",") if p.strip()])
    parser.add_argument("--import", dest="import_file", type=Path,
                        help="the export to import during the run (default: made from the store)")
    parser.add_argument("--import-rows", type=int, default=15_000,
                        help="contacts in the import made from the store (0: no import)")
    parser.add_argument("--import-via", choices=["auto", "cli", "browser"], default="auto",
                        help="auto: the command line, else the Data page's upload")
    parser.add_argument("--import-delay", type=float, default=2.0,
                        help="seconds after the first page is shown")
    parser.add_argument("--import-timeout", type=float, default=600.0)
    parser.add_argument("--rounds", type=int, default=1, help="rounds over the pages every session makes at least")
    parser.add_argument("--rounds-after", type=int, default=1, help="rounds after the import has finished")
    parser.add_argument("--page-timeout", type=float, default=120.0, help="seconds a page may take to get ready")
    parser.add_argument("--max-seconds", type=float, default=1800.0, help="no new round starts after this")
    parser.add_argument("--target-p95", type=float, default=5.0)
    parser.add_argument("--warm-up", action=argparse.BooleanOptionalAction, default=True,
                        help="before the sessions, one visit of every page (not counted), as on a server that "
                             "has run since last night; --no-warm-up times a fresh server")
    parser.add_argument("--pilot-edit", action=argparse.BooleanOptionalAction, default=True,
                        help="while the sessions read, an editor changes a pilot's owner on the Pilots page "
                             "(checked in the store and its audit log afterwards)")
    parser.add_argument("--in-place", action="store_true", help="use the store itself, not a copy")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "load",
                        help="writes OUT.json and OUT.md")
    args = parser.parse_args(argv)
    unknown = [p for p in args.pages if p not in PAGES]
    if unknown:
        parser.error(f"unknown page(s) {', '.join(unknown)}; choose from {', '.join(PAGES)}")

    from analytics.store import open_store, resolve_db_path

    source = (args.db or resolve_db_path()).resolve()
    if not source.exists():
        parser.error(f"no store at {source}")
    # Ctrl-C and a terminate both end the run through the finally blocks below.
    signal.signal(signal.SIGTERM, _interrupt)
    scratch = Path(tempfile.mkdtemp(prefix="load-"))
    FAILURE_SHOTS["dir"] = Path(f"{args.out}-failures")
    server = sampler = None
    try:
        if args.in_place:
            store = source
        else:
            store = scratch / source.name
            print(f"copying {source} to {store} ...", file=sys.stderr)
            shutil.copy2(source, store)
            if Path(f"{source}.wal").exists():
                shutil.copy2(f"{source}.wal", f"{store}.wal")
        migrating = time.monotonic()
        open_store(store).close()  # pending migrations run now, not in the first page view
        print(f"store opened (migrated) in {time.monotonic() - migrating:.1f} s", file=sys.stderr)
        before = expected_numbers(store)
        import_file, made = args.import_file, None
        if import_file is None and args.import_rows > 0:
            import_file = scratch / "nightly-export.csv"
            made = make_import_file(store, import_file, args.import_rows)
        with _read_only(store) as conn:
            store_contacts = conn.execute("select count(*) from contacts").fetchone()[0]
        print(f"before: {json.dumps(before)}", file=sys.stderr)

        server = AppServer(store)
        sampler = MemorySampler(server.process.pid)
        sampler.start()
        started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        load_average = os.getloadavg()[0]
        t0 = time.monotonic()
        warm_up: list[dict] = []
        edit = PilotEdit() if args.pilot_edit and has_pilots(store) else None
        views, record = asyncio.run(drive(server.url, args, store, import_file, t0, warm_up, edit))
        wall = time.monotonic() - t0
        sampler.stop()
        server.stop()
        log = Path(server.log.name)
        server = None

        after = expected_numbers(store) if import_file else None
        predicted = None
        if made:
            predicted = {**before, "contacts": before["contacts"] + made["in_period"],
                         "week_contacts": before["week_contacts"] + made["in_week"]}
        for view in views:
            check_numbers(view, before, after)
        logged = server_errors(log)
        if logged:
            shutil.copy2(log, f"{args.out}-server.log")
        problems = [f"session {v.session} round {v.round} {v.page}: {'; '.join(v.errors + v.wrong)}"
                    for v in views if v.errors or v.wrong]
        problems += [f"server log: {line}" for line in logged]
        edit_problems = check_edit(store, edit) if edit is not None else []
        problems += edit_problems
        if import_file and not record.ok:
            problems.append(f"import failed: {' | '.join(record.attempts)}")
        if predicted is not None and after != predicted:
            problems.append(f"store after the run {after}, predicted {predicted}")
        page_ready = summary(views, args.pages)
        overall_p95 = page_ready["all"]["p95_s"]
        report = {
            "sessions": args.sessions, "pages": args.pages, "started_at": started_at, "wall_seconds": round(wall, 1),
            "store_contacts": store_contacts, "source_store": str(source), "copied": not args.in_place,
            "machine": {"cpus": os.cpu_count(), "memory_gb": round(os.sysconf("SC_PAGE_SIZE") *
                                                                  os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                        "platform": platform.platform(), "load_average_at_start": round(load_average, 2)},
            "page_views": len(views), "views_during_import": sum(v.during_import for v in views),
            "errors": sum(len(v.errors) for v in views) + len(logged),
            "wrong_numbers": sum(len(v.wrong) for v in views),
            "not_ready": sum(v.seconds is None for v in views),
            "views_showing_before": sum(bool(v.numbers) and not v.wrong and _shows(v, before) for v in views),
            "views_showing_after": sum(bool(v.numbers) and not v.wrong and after is not None and after != before
                                       and _shows(v, after) for v in views),
            "warm_up": warm_up, "page_ready": page_ready, "target_p95_s": args.target_p95,
            "target_met": overall_p95 is not None and overall_p95 <= args.target_p95,
            "expected_before": before, "expected_after": after, "predicted_after": predicted,
            "after_as_predicted": None if predicted is None else after == predicted,
            "import": {**asdict(record), "file": str(import_file) if import_file else None, "made": made},
            "pilot_edit": asdict(edit) if edit is not None else None,
            "server_rss_peak_mb": round(sampler.peak_mb, 1),
            "server_rss_quarters_mb": quarter_medians([mb for _, mb in sampler.samples]),
            "pilot_edit_problems": edit_problems,
            "server_rss_samples": sampler.samples[::max(1, len(sampler.samples) // 400)],
            "problems": problems,
            "views": [asdict(v) for v in views],
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        Path(f"{args.out}.json").write_text(json.dumps(report, indent=2, default=str))
        Path(f"{args.out}.md").write_text(markdown(report))
        print(markdown(report))
        ok = not problems and report["not_ready"] == 0 and (record.ok or not import_file)
        return 0 if ok else 1
    finally:
        if sampler is not None:
            sampler.stop()
        if server is not None:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def _interrupt(*_) -> None:
    raise KeyboardInterrupt


def _shows(view: View, truth: dict) -> bool:
    return all(truth.get(key) == value for key, value in view.numbers.items())


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("interrupted: the server and the browser were stopped", file=sys.stderr)
        sys.exit(130)
