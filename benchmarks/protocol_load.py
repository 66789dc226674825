"""Many viewers at once, over Streamlit's own protocol:
``python benchmarks/protocol_load.py --db STORE --sessions 50 [--browsers 2] [--sweep 1,10,50,200]``.

A protocol session is what a viewer's browser tab sends and receives, without drawing
anything: it fetches the page and ``/_stcore/health`` (which sets the XSRF cookie), opens
the websocket ``/_stcore/stream`` with the subprotocols ``streamlit, <XSRF token>``, an
``Origin`` and the cookie, as the browser does, and then speaks protobuf: ``BackMsg
rerun_script`` (a ``ClientState`` with the query string, the page, widget states, the
hashes of the messages it has cached, the time zone and locale) and back ``ForwardMsg``
(``new_session``, ``navigation``, deltas with the elements, ``page_info_changed`` with
the query string of bound widgets, ``auto_rerun`` for the live fragment, ``ref_hash``
for a message it has cached, ``script_finished``). Like the browser it keeps the
message cache and answers ``auto_rerun`` with a fragment rerun every interval (the
sidebar's "data updated" fragment, every 30 s), so an idle session costs the server what
an open tab costs it. It does not fetch the JavaScript bundle (a returning viewer's
browser has it cached) nor draw. Two differences from a browser, both so that every
number read belongs to the request it answers: a tab has one request in flight at a time
(a fragment rerun waits for the page's run to finish, and the other way round), and a run
counts as the answer only when it started after the request (``new_session``, with its
run id), on the page asked for, and its caption names the filter asked for; a run that
never does is an error after ``--page-timeout`` seconds, with the tab's last messages.

Each protocol session, round after round (with ``--think`` seconds between views, a
viewer reading the page):

1. opens the first page of ``--pages`` by its address with a filter in the query string,
   as a shared link does (``?filter_channel=Phone``; session *n* takes filter set *n* of
   a fixed list: none, channels, departments, a channel group): a new websocket session;
2. goes to each further page through the navigation (``page_script_hash``, keeping the
   sidebar's bound parameters in the query string, as the sidebar link does);
3. changes a filter: picks another channel in the sidebar's Channel box (the widget's
   state, by the id its delta carried, and the query string the bound widget writes);
4. goes back to the first page under the new filter.

Every step waits for the script run to finish (``script_finished``) and reads the
numbers from the elements it was sent: Overview's "Contacts" metric, Volume trends'
"Week W: N contacts", Reasons' "Share of the N filtered contacts". Each is compared with
a direct count on the store for that view's filter, taking the import's moment into
account: a run that finished before the import started must show the count before it, a
run that started after the import had finished the count after it, one that overlapped
either. Error boxes, exceptions, "page not found" and runs that never finish count as
errors.

``--browsers K`` real Chromium sessions (``benchmarks/load.py``'s) go round the same pages
in the default view meanwhile and are checked the same way, so what is drawn is checked
too; an editor changes a pilot's owner in one more browser session, and a contact export
is imported through the store's inbox by the command line, all as ``benchmarks/load.py``
does (the store is a copy; see its docstring for the import file made from the store).

Reported per page and per way of getting there (link, navigation, filter change): p50
and p95 seconds to a finished script run (a link: from the page request to the run's
end), errors, wrong numbers, the server's memory (VmRSS of its process tree) and CPU
(cores used on average), the load generator's own CPU. ``--sweep 1,10,50,200`` runs the
whole measurement once per number of sessions (fresh copy of the store, fresh server)
and prints how the p95 grows. ``--profile`` records the server with py-spy while the
sessions run (on-CPU stacks of every thread, then who holds the GIL) and writes a
summary of where its time goes.

Writes ``OUT.json`` and ``OUT.md`` (``--out``, default ``benchmarks/results/protocol-load``;
with ``--sweep`` one pair per step, ``OUT-N<n>``, and ``OUT-sweep.md``/``.json``) and exits
with 1 when any view failed, showed an error or a wrong number, or the import or the
pilot edit failed.

Why not Locust: Locust drives custom clients well, but it runs them on gevent, which
monkey-patches the standard library; the browsers here are Playwright's asyncio driver
in the same process and timeline, and gevent and asyncio do not share a loop. Its
statistics (percentiles per request name) are reproduced here in a few lines; what it
would add (a web UI, distributed workers) a 2-core box does not need.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.typing import Origin, Subprotocol

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.load import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    FAILURE_SHOTS,
    PERIOD_DAYS,
    ImportRun,
    MemorySampler,
    View as BrowserView,
    _read_only,
    _tree,
    make_import_file,
    open_view,
    percentile,
    progress,
    quarter_medians,
    run_import,
    server_errors,
)
from benchmarks.load_pilot_edit import PilotEdit, check_edit, has_pilots, run_pilot_edit  # noqa: E402
from tests.browser.conftest import AppServer  # noqa: E402

# Per page: its address (the navigation's url_pathname) and how its headline number reads.
PAGES = {"overview": "", "trends": "trends", "reasons": "reasons"}
OTHER_PAGES = ("ratios", "weekly", "pilots", "data")  # timed and checked for errors only
WEEK_SENTENCE = re.compile(r"Week (\d+): ([\d,]+) contacts")
REASONS_TOTAL = re.compile(r"Share of the ([\d,]+) filtered contacts")
STORE_TOTAL = re.compile(r"^Data: ([\d,]+) contacts from")
CHANNEL_KEY, DEPARTMENT_KEY = "filter_channel", "filter_department"
GROUP_SUFFIX = " (group)"
FINISHED, COMPILE_ERROR, EARLY_FOR_RERUN, FRAGMENT_FINISHED = 0, 1, 2, 3


# ---------------------------------------------------------------- one protocol session

@dataclass
class Run:
    """What one script run sent: its elements by delta path, and the problems seen."""
    seconds: float
    elements: dict[tuple[int, ...], object]
    errors: list[str]


class ProtocolError(Exception):
    pass


class ProtocolSession:
    """A browser tab without the drawing: one websocket session of the app."""

    def __init__(self, url: str, *, timeout_s: float = 120.0, locale: str = "en-US",
                 time_zone: str = "Europe/Amsterdam"):
        self.url, self.timeout_s = url.rstrip("/"), timeout_s
        self.locale, self.time_zone = locale, time_zone
        self.ws = None
        self.query_string = ""
        self.path = ""
        self.pages: dict[str, str] = {}           # url_pathname -> page_script_hash
        self.current_page_hash = ""
        self.widget_states: dict[str, object] = {}  # widget id -> WidgetState the tab reports
        self.elements: dict[tuple[int, ...], object] = {}
        self.last_run: dict[tuple[int, ...], object] = {}
        self.cache: dict[str, list] = {}          # hash -> [ForwardMsg, run count last seen]
        self.runs_seen = 0
        self.max_cached_age = 2
        self.problems: list[str] = []
        self.bytes_received = 0
        self.cache_refs = 0
        self.log: list[str] = []                  # the last messages, for a run that never finishes
        self._run_id = ""                         # the run whose new_session came last
        self._run_page = ""
        self._waiter: asyncio.Future | None = None
        self._fragment_waiter: asyncio.Future | None = None
        self._expect: dict = {}
        self._new_session_since_request = False
        self._busy = asyncio.Lock()               # one request of this tab in flight at a time
        self._reader: asyncio.Task | None = None
        self._auto_reruns: dict[str, tuple[float, asyncio.Task]] = {}

    # -- connecting

    async def open(self, path: str, query: dict[str, str]) -> Run:
        """Open ``/path?query`` as a new tab does and wait for the first run to finish."""
        await self.close()
        self.widget_states, self.cache, self.pages, self.elements, self.last_run = {}, {}, {}, {}, {}
        self.runs_seen, self.current_page_hash = 0, ""
        started = time.monotonic()
        self.path, self.query_string = path, _query_string(query)
        page_url = f"{self.url}/{path}" + (f"?{self.query_string}" if self.query_string else "")
        async with httpx.AsyncClient(timeout=self.timeout_s) as http:
            for address in (page_url, f"{self.url}/_stcore/health", f"{self.url}/_stcore/host-config"):
                (await http.get(address)).raise_for_status()
            cookies = {name: value for name, value in http.cookies.items()}
        xsrf = cookies.get("_streamlit_xsrf")
        if not xsrf:
            raise ProtocolError("the server set no XSRF cookie")
        self.ws = await asyncio.wait_for(websockets.connect(
            self.url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=[Subprotocol("streamlit"), Subprotocol(xsrf)], origin=Origin(self.url),
            additional_headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())},
            max_size=None, ping_interval=None, open_timeout=self.timeout_s), self.timeout_s)
        if self.ws.subprotocol != "streamlit":
            raise ProtocolError(f"the server chose subprotocol {self.ws.subprotocol!r}")
        self._reader = asyncio.create_task(self._read())
        return await self._request(started, {"path": path, "filter": query}, page_name=path)

    async def close(self) -> None:
        for _, task in self._auto_reruns.values():
            task.cancel()
        self._auto_reruns.clear()
        if self.ws is not None:
            await self.ws.close()
            self.ws = None
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
            self._reader = None

    # -- what the tab sends

    async def goto(self, path: str, query: dict[str, str] | None = None) -> Run:
        """Click the page's link in the sidebar: its script hash; the query string keeps the
        parameters of the bound widgets outside the page (the sidebar's filters)."""
        if path not in self.pages:
            raise ProtocolError(f"no page {path!r} in the navigation ({', '.join(self.pages)})")
        kept = self._sidebar_query_keys()
        params = [(k, v) for k, v in urllib.parse.parse_qsl(self.query_string, keep_blank_values=True) if k in kept]
        self.query_string = urllib.parse.urlencode(params)
        self.path = path
        return await self._request(time.monotonic(), {"path": path, "filter": query},
                                   page_script_hash=self.pages[path])

    async def choose(self, key: str, option: str, query: dict[str, str] | None = None) -> Run:
        """Pick ``option`` in the selectbox whose key is ``key`` (a bound sidebar filter)."""
        widget = self._widget(key)
        if widget is None:
            raise ProtocolError(f"no widget {key!r} in the last run")
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        state = WidgetState(id=widget.id, string_value=option)
        self.widget_states[widget.id] = state
        if widget.query_param_key:
            params = dict(urllib.parse.parse_qsl(self.query_string, keep_blank_values=True))
            params[widget.query_param_key] = option
            self.query_string = _query_string(params)
        return await self._request(time.monotonic(), {"path": self.path, "filter": query},
                                   page_script_hash=self.current_page_hash)

    async def _request(self, started: float, expect: dict, *, page_script_hash: str = "",
                       page_name: str = "") -> Run:
        """Send a rerun and wait for the run that answers it: a full run that started after
        the request, on the page asked for, showing the filter asked for (``expect``; a
        ``filter`` of None is not checked). Runs of this tab's own live fragment are not
        in flight meanwhile (see ``_auto_rerun``), so another run can only be one the
        server started before it read the request."""
        async with self._busy:
            loop = asyncio.get_running_loop()
            self._waiter = loop.create_future()
            self._expect = expect
            self._new_session_since_request = False
            self.problems = []
            await self._send_rerun(page_script_hash=page_script_hash, page_name=page_name)
            try:
                errors = await asyncio.wait_for(asyncio.shield(self._waiter), self.timeout_s)
            except asyncio.TimeoutError:
                raise ProtocolError(f"the script run did not finish in {self.timeout_s:.0f} s; last messages: "
                                    f"{' | '.join(self.log[-12:])}") from None
            finally:
                self._waiter = None
            return Run(round(time.monotonic() - started, 3), dict(self.last_run), errors)

    async def _send_rerun(self, *, page_script_hash: str = "", page_name: str = "", fragment_id: str = "",
                          is_auto_rerun: bool = False) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = page_script_hash
        state.page_name = page_name
        state.fragment_id = fragment_id
        state.is_auto_rerun = is_auto_rerun
        state.widget_states.widgets.extend(self.widget_states.values())
        state.cached_message_hashes.extend(self.cache)
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = self.time_zone, -60, self.locale
        info.url = f"{self.url}/{self.path}" + (f"?{self.query_string}" if self.query_string else "")
        info.is_embedded, info.color_scheme = False, "light"
        await self.ws.send(msg.SerializeToString())

    async def _auto_rerun(self, fragment_id: str, interval: float) -> None:
        """The browser's ``setInterval``: rerun the fragment every ``interval`` seconds."""
        try:
            while True:
                await asyncio.sleep(interval)
                async with self._busy:  # the browser does not wait; see the docstring
                    self._fragment_waiter = asyncio.get_running_loop().create_future()
                    await self._send_rerun(page_script_hash=self.current_page_hash, fragment_id=fragment_id,
                                           is_auto_rerun=True)
                    try:  # its own run, or the app rerun it asks for when the data changed
                        await asyncio.wait_for(self._fragment_waiter, self.timeout_s)
                    except asyncio.TimeoutError:
                        pass  # a fragment the server no longer has gets no answer
                    finally:
                        self._fragment_waiter = None
        except (asyncio.CancelledError, websockets.ConnectionClosed):
            pass

    # -- what the tab receives

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                self.bytes_received += len(data)
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        except websockets.ConnectionClosed as exc:
            self._fail(f"the websocket closed: {exc}")
        except Exception as exc:  # a message we cannot read: the run fails, loudly
            self._fail(f"{type(exc).__name__}: {exc}")
        else:
            self._fail("the websocket closed")

    def _fail(self, problem: str) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(ProtocolError(problem))

    def _handle(self, msg: ForwardMsg) -> None:
        if msg.metadata.cacheable:
            self.cache[msg.hash] = [msg, self.runs_seen]
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":  # the browser looks it up in its message cache
            cached = self.cache.get(msg.ref_hash)
            if cached is None:
                self.problems.append(f"cached message missing: {msg.ref_hash}")
                return
            self.cache_refs += 1
            cached[1] = self.runs_seen
            resolved = ForwardMsg()
            resolved.CopyFrom(cached[0])
            resolved.metadata.CopyFrom(msg.metadata)
            msg, kind = resolved, resolved.WhichOneof("type")
        if kind in ("new_session", "script_finished"):
            status = f" {msg.script_finished}" if kind == "script_finished" else ""
            self.log = self.log[-30:] + [f"{time.monotonic():.1f} {kind}{status} run {msg.metadata.run.script_run_id[-6:]}"]
        if kind == "new_session":
            self.elements = {}
            self._new_session_since_request = True
            self._run_id = msg.metadata.run.script_run_id
            self._run_page = self.current_page_hash = msg.new_session.page_script_hash
            self.max_cached_age = msg.new_session.config.max_cached_message_age or self.max_cached_age
        elif kind == "navigation":
            self.pages = {page.url_pathname: page.page_script_hash for page in msg.navigation.app_pages}
            if msg.navigation.page_script_hash:  # the page this run shows (new_session names app.py)
                self._run_page = self.current_page_hash = msg.navigation.page_script_hash
        elif kind == "delta":
            if msg.delta.WhichOneof("type") == "new_element":
                self.elements[tuple(msg.metadata.delta_path)] = msg.delta.new_element
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "auto_rerun":
            fragment, interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
            known = self._auto_reruns.get(fragment)
            if fragment and interval > 0 and (known is None or known[0] != interval):
                if known:
                    known[1].cancel()
                self._auto_reruns[fragment] = (interval, asyncio.create_task(self._auto_rerun(fragment, interval)))
        elif kind == "stop_auto_rerun":
            for fragment in msg.stop_auto_rerun.fragment_ids:
                known = self._auto_reruns.pop(fragment, None)
                if known:
                    known[1].cancel()
        elif kind == "page_not_found":
            self.problems.append(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
            self.problems.append(f"script error: {msg.session_event.script_compilation_exception.message[:200]}")
        elif kind == "script_finished":
            self._finished(msg.script_finished)

    def _finished(self, status: int) -> None:
        if status == EARLY_FOR_RERUN:
            return  # a run that gives way to the next one
        if self._fragment_waiter is not None and not self._fragment_waiter.done():
            self._fragment_waiter.set_result(status)
        if status == FRAGMENT_FINISHED:
            return  # the live fragment's own run
        self.runs_seen += 1  # the browser ages its message cache by full runs
        for key in [k for k, (_, seen) in self.cache.items() if self.runs_seen - seen > self.max_cached_age]:
            del self.cache[key]
        self.last_run = self.elements
        if self._waiter is None or self._waiter.done() or not self._new_session_since_request:
            return  # a run this tab's request did not start
        path, query = self._expect.get("path"), self._expect.get("filter")
        if path in self.pages and self.pages[path] != self._run_page:
            self.log.append(f"a run of another page ({self._run_page[:8]}) finished")
            return
        shown = shown_filter(self.last_run)
        if query is not None and shown is not None and shown != filter_words(query):
            self.log.append(f"a run showing {shown} finished")
            return
        errors = list(self.problems)
        if status == COMPILE_ERROR:
            errors.append("the script did not compile")
        errors += shown_errors(self.last_run)
        self._waiter.set_result(errors)

    def _widget(self, key: str):
        for element in self.last_run.values():
            widget = getattr(element, element.WhichOneof("type"))
            if getattr(widget, "id", "").endswith(f"-{key}"):
                return widget
        return None

    def _sidebar_query_keys(self) -> set[str]:
        keys = set()
        for path, element in self.last_run.items():
            widget = getattr(element, element.WhichOneof("type"))
            if path and path[0] != 0 and getattr(widget, "query_param_key", ""):
                keys.add(widget.query_param_key)
        return keys


def _query_string(params: dict[str, str]) -> str:
    """As the browser writes it (spaces as ``+``)."""
    return urllib.parse.urlencode(params)


# ---------------------------------------------------------------- reading what was sent

def shown_errors(elements: dict) -> list[str]:
    """Exception boxes and error alerts among the elements."""
    errors = []
    for element in elements.values():
        kind = element.WhichOneof("type")
        if kind == "exception":
            errors.append(f"exception: {element.exception.type} {element.exception.message[:200]}")
        elif kind == "alert" and element.alert.format == Alert.ERROR:
            errors.append(f"error box: {element.alert.body[:200]}")
    return errors


PERIOD_CAPTION = re.compile(r"^\d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4}(?:, (.*))?$")


def shown_filter(elements: dict) -> list[str] | None:
    """The filters the page's caption names ("channel Phone", ...), or None when the run
    sent no such caption (a page that stopped early)."""
    for path in sorted(elements):
        element = elements[path]
        if path[0] == 0 and element.WhichOneof("type") == "markdown":
            found = PERIOD_CAPTION.match(element.markdown.body)
            if found:
                return found[1].split(", ") if found[1] else []
    return None


def filter_words(query: dict[str, str]) -> list[str]:
    """What the caption says for these query parameters (English, the filter's order)."""
    channel = query.get(CHANNEL_KEY)
    words = []
    if channel and not channel.endswith(GROUP_SUFFIX):
        words.append(f"channel {channel}")
    if channel and channel.endswith(GROUP_SUFFIX):
        words.append(f"channel group {channel[: -len(GROUP_SUFFIX)]}")
    if query.get(DEPARTMENT_KEY):
        words.append(f"department {query[DEPARTMENT_KEY]}")
    return words


def page_numbers(page: str, elements: dict) -> dict:
    """The page's headline numbers as sent (empty when the page did not send them)."""
    numbers = {}
    for path in sorted(elements):
        element = elements[path]
        kind = element.WhichOneof("type")
        if page == "overview" and kind == "metric" and element.metric.label == "Contacts" and path[0] == 0:
            numbers.setdefault("contacts", _count(element.metric.body))
        elif kind == "markdown":
            body = element.markdown.body
            if page == "overview" and (found := STORE_TOTAL.search(body)):
                numbers["store_contacts"] = _count(found[1])
            elif page == "trends" and (found := WEEK_SENTENCE.search(body)):
                numbers["week"], numbers["week_contacts"] = int(found[1]), _count(found[2])
            elif page == "reasons" and (found := REASONS_TOTAL.search(body)):
                numbers["contacts"] = _count(found[1])
    return numbers


def _count(text: str) -> int:
    return int(text.strip().replace(",", ""))


# ---------------------------------------------------------------- the truth, counted directly

COUNT_SQL = """
    select count(*) filter (where started_at >= $start and started_at < $end_exclusive),
           count(*) filter (where started_at >= $week_start and started_at < $week_end)
    from {source}
    where ($channel is null or channel = $channel)
      and ($channel_group is null or channel in (select channel from channels where channel_group = $channel_group))
      and ($department is null or department = $department)
"""


def filter_sets(store: Path, size: int = 12) -> list[dict[str, str]]:
    """The filters sessions open with, as query parameters: none, the busiest channels and
    departments in turn, and a channel group."""
    with _read_only(store) as conn:
        channels = [r[0] for r in conn.execute(
            "select channel from contacts group by channel order by count(*) desc, channel limit 6").fetchall()]
        departments = [r[0] for r in conn.execute(
            "select department from contacts where department is not null and department <> '' "
            "group by department order by count(*) desc, department limit 4").fetchall()]
        groups = [r[0] for r in conn.execute(
            "select channel_group from channels group by channel_group order by channel_group limit 1").fetchall()]
    sets: list[dict[str, str]] = [{}]
    for i in range(max(len(channels), len(departments))):
        if i < len(channels):
            sets.append({CHANNEL_KEY: channels[i]})
        if i < len(departments):
            sets.append({DEPARTMENT_KEY: departments[i]})
    sets += [{CHANNEL_KEY: f"{g}{GROUP_SUFFIX}"} for g in groups]
    return sets[:size] if size else sets


def filter_name(query: dict[str, str]) -> str:
    return "&".join(f"{k.removeprefix('filter_')}={v}" for k, v in sorted(query.items())) or "none"


def _bind(query: dict[str, str], bounds: dict) -> dict:
    channel = query.get(CHANNEL_KEY)
    group = channel[: -len(GROUP_SUFFIX)] if channel and channel.endswith(GROUP_SUFFIX) else None
    return {**bounds, "channel": None if group else channel, "channel_group": group,
            "department": query.get(DEPARTMENT_KEY)}


def period_bounds(store: Path) -> dict:
    """The default period (the 28 days up to the last contact's day) and its last full week."""
    with _read_only(store) as conn:
        first, last = conn.execute("select min(started_at)::date, max(started_at)::date from contacts").fetchone()
    start = max(last - timedelta(days=PERIOD_DAYS - 1), first)
    week_start = last - timedelta(days=6)
    week_start -= timedelta(days=week_start.weekday())
    return {"start": start, "end_exclusive": last + timedelta(days=1), "week_start": week_start,
            "week_end": week_start + timedelta(days=7)}


def count_views(store: Path, queries: list[dict[str, str]], bounds: dict, csv: Path | None = None) -> dict:
    """Per filter: contacts in the period and in its last full week, counted on the store
    (or on the export ``csv``, for what the import adds)."""
    source = "read_csv($csv)" if csv else "contacts"
    counts = {}
    with _read_only(store) as conn:
        for query in queries:
            params = _bind(query, bounds) | ({"csv": str(csv)} if csv else {})
            period, week = conn.execute(COUNT_SQL.format(source=source), params).fetchone()
            counts[filter_name(query)] = {"contacts": period, "week_contacts": week,
                                          "week": bounds["week_start"].isocalendar().week}
    return counts


# ---------------------------------------------------------------- the views and their checks

@dataclass
class View:
    who: str              # "protocol" or "browser"
    session: int
    round: int
    page: str
    how: str              # "link", "nav" or "filter" (the browser: "link" or "nav")
    filter: str
    started_s: float
    finished_s: float | None = None
    seconds: float | None = None
    numbers: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    side: str = ""        # the count it showed: "before" or "after" the import, "unchanged" (the same)


def check_view(view: View, before: dict, after: dict | None, import_window: tuple[float, float] | None) -> None:
    """Each number must be the count before the import or after it; before when the run
    ended before the import started, after when the run started after it had finished."""
    if not view.numbers or view.errors:
        if not view.errors and view.page in PAGES:
            view.errors.append("headline number not found")
        return
    truth_before = before[view.filter]
    truth_after = after[view.filter] if after else None
    allowed = {"before": truth_before} | ({"after": truth_after} if truth_after else {})
    if import_window and truth_after:
        if view.finished_s is not None and view.finished_s < import_window[0]:
            allowed = {"before": truth_before}
        elif view.started_s > import_window[1]:
            allowed = {"after": truth_after}
    keys = [k for k in ("contacts", "week", "week_contacts") if k in view.numbers]
    sides = [side for side, truth in allowed.items() if all(view.numbers[k] == truth[k] for k in keys)]
    if sides:
        view.side = "unchanged" if truth_after in (None, truth_before) else sides[-1]
        return
    shown = ", ".join(f"{k} {view.numbers[k]}" for k in keys)
    expected = " or ".join(f"{side}: " + ", ".join(f"{k} {truth[k]}" for k in keys) for side, truth in allowed.items())
    view.wrong.append(f"{shown}; expected {expected}")


# ---------------------------------------------------------------- the viewers

@dataclass
class Shared:
    t0: float
    shown: asyncio.Event
    import_done: asyncio.Event
    record: ImportRun
    views: list[View]
    deadline: float


async def protocol_viewer(url: str, number: int, args, shared: Shared, queries: list[dict[str, str]],
                          channels: list[str]) -> None:
    """One viewer's tab: a link with a filter, the other pages, another channel, back."""
    rng = random.Random(number)
    await asyncio.sleep(args.ramp * number / max(1, args.sessions))
    session = ProtocolSession(url, timeout_s=args.page_timeout)
    query = queries[number % len(queries)]
    done_round, after_import = 0, 0
    try:
        while done_round < args.rounds or not shared.import_done.is_set() or after_import < args.rounds_after:
            if time.monotonic() > shared.deadline:
                break
            counts_as_after = shared.import_done.is_set() and done_round >= args.rounds
            current = dict(query)
            steps = [(args.pages[0], "link")] + [(p, "nav") for p in args.pages[1:]]
            steps += [(args.pages[-1], "filter"), (args.pages[0], "nav")] if len(args.pages) > 1 else [
                (args.pages[0], "filter")]
            for page, how in steps:
                if how == "filter":
                    now = current.get(CHANNEL_KEY)
                    current = {**current, CHANNEL_KEY: next(c for c in rng.sample(channels, len(channels)) if c != now)}
                view = View("protocol", number, done_round, page, how, filter_name(current),
                            round(time.monotonic() - shared.t0, 3))
                try:
                    if how == "link":
                        run = await session.open(PAGES.get(page, page), current)
                    elif how == "nav":
                        run = await session.goto(PAGES.get(page, page), current)
                    else:
                        run = await session.choose(CHANNEL_KEY, current[CHANNEL_KEY], current)
                    view.seconds, view.errors = run.seconds, run.errors
                    view.numbers = page_numbers(page, run.elements)
                except Exception as exc:  # recorded; the next step starts again from a link
                    view.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")
                view.finished_s = round(time.monotonic() - shared.t0, 3)
                shared.views.append(view)
                if view.seconds is not None and not view.errors:
                    shared.shown.set()
                progress(f"protocol {number} round {done_round} {page} ({how}, {view.filter}): "
                         f"{view.seconds} s {view.numbers} {view.errors}")
                if view.errors:
                    break
                await asyncio.sleep(rng.uniform(*args.think))
            done_round += 1
            after_import += counts_as_after
    finally:
        await session.close()


async def browser_viewer(browser, url: str, number: int, args, shared: Shared) -> None:
    """A real Chromium session going round the pages in the default view (load.py's)."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    pages = [p for p in args.pages if p in PAGES]
    try:
        done_round, after_import, by_address = 0, 0, True
        while done_round < args.rounds or not shared.import_done.is_set() or after_import < args.rounds_after:
            if time.monotonic() > shared.deadline:
                break
            counts_as_after = shared.import_done.is_set() and done_round >= args.rounds
            for name in pages:
                seen = BrowserView(session=number, round=done_round, page=name)
                view = View("browser", number, done_round, name, "link" if by_address else "nav", "none",
                            round(time.monotonic() - shared.t0, 3))
                await open_view(page, url, name, seen, first=by_address, timeout_ms=int(args.page_timeout * 1000))
                view.finished_s = round(time.monotonic() - shared.t0, 3)
                view.seconds, view.errors = seen.script_seconds, seen.errors
                view.numbers = {k: v for k, v in seen.numbers.items()}
                shared.views.append(view)
                by_address = bool(view.errors)
                if view.seconds is not None and not view.errors:
                    shared.shown.set()
            done_round += 1
            after_import += counts_as_after
    finally:
        await context.close()


async def drive(url: str, args, store: Path, import_file: Path | None, queries, channels,
                edit: PilotEdit | None) -> tuple[list[View], ImportRun, float]:
    from playwright.async_api import async_playwright

    t0 = time.monotonic()
    shared = Shared(t0, asyncio.Event(), asyncio.Event(), ImportRun(), [], t0 + args.max_seconds)
    if args.warm_up:  # a server that has run since last night: one visit per page, not counted
        warm = ProtocolSession(url, timeout_s=args.page_timeout)
        try:
            await warm.open(PAGES.get(args.pages[0], args.pages[0]), {})
            for page in args.pages[1:]:
                await warm.goto(PAGES.get(page, page))
        finally:
            await warm.close()
        shared.t0 = t0 = time.monotonic()
        shared.deadline = t0 + args.max_seconds
    need_browser = args.browsers > 0 or edit is not None
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True) \
            if need_browser else None
        try:
            viewers = [protocol_viewer(url, n, args, shared, queries, channels) for n in range(args.sessions)]
            viewers += [browser_viewer(browser, url, n, args, shared) for n in range(args.browsers)]
            importing = editing = None
            if import_file:
                importing = asyncio.create_task(run_import(
                    browser, url, store, import_file, "cli", args.import_delay, t0, args.import_timeout,
                    shared.shown, shared.import_done, shared.record))
            else:
                shared.import_done.set()
            if edit is not None:
                editing = asyncio.create_task(run_pilot_edit(
                    browser, url, args.import_delay + 1, t0, args.page_timeout, shared.shown, edit))
            profiling = asyncio.create_task(profile_server(args, shared.shown)) if args.profile else None
            await asyncio.gather(*viewers)
            if profiling is not None and "gil" not in PROFILE:
                profiling.cancel()  # the run was shorter than the profile: none, rather than wait
            for task, what in ((editing, "pilot edit"), (importing, "import"), (profiling, "profile")):
                if task is None:
                    continue
                if not shared.shown.is_set():  # no page was ever ready: they never started
                    task.cancel()
                    shared.record.attempts.append(f"{what} not started: no page was ever ready")
                await asyncio.gather(task, return_exceptions=True)
        finally:
            if browser is not None:
                await browser.close()
    return shared.views, shared.record, t0


# ---------------------------------------------------------------- the server's CPU and profile

def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU seconds of these processes so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / ticks


def thread_cpu(pid: int) -> dict[int, float]:
    """CPU seconds per thread (native thread id) of a process."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            fields = Path(f"/proc/{pid}/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
            found[int(tid)] = (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError, ValueError):
            continue
    return found


PROFILE: dict = {}


async def profile_server(args, shown: asyncio.Event) -> None:
    """``--profile-start`` seconds after the first page was shown, record the server with
    py-spy: first the on-CPU stacks of every thread, then only the thread that holds the
    GIL (``--gil``); measure the process's CPU and each native thread's meanwhile."""
    await shown.wait()
    await asyncio.sleep(args.profile_start)
    pid, out = PROFILE["pid"], PROFILE["out"]
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    half = max(5, int(args.profile_seconds / 2))
    threads_before, process_before = thread_cpu(pid), cpu_seconds([pid])
    started = time.monotonic()
    for mode, extra in (("cpu", []), ("gil", ["--gil"])):
        target = Path(f"{out}-{mode}.speedscope.json")
        process = await asyncio.create_subprocess_exec(
            spy, "record", "--pid", str(pid), "--rate", str(args.profile_rate), "--duration", str(half),
            "--format", "speedscope", "--output", str(target), "--threads", "--nonblocking", *extra,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        try:
            output, _ = await process.communicate()
        except asyncio.CancelledError:  # the sessions are done: a partial profile is no profile
            process.kill()
            await process.wait()
            raise
        PROFILE[mode] = {"file": str(target), "seconds": half, "exit": process.returncode,
                         "output": output.decode(errors="replace")[-400:]}
    dump = await asyncio.create_subprocess_exec(spy, "dump", "--pid", str(pid), "--nonblocking",
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    text, _ = await dump.communicate()
    Path(f"{out}-dump.txt").write_text(text.decode(errors="replace"))
    threads_after = thread_cpu(pid)
    PROFILE.update({
        "dump": f"{out}-dump.txt", "wall_s": round(time.monotonic() - started, 1),
        "process_cpu_s": round(cpu_seconds([pid]) - process_before, 1),
        # threads alive from start to end: the long-lived ones (DuckDB's pool, the event loop)
        "lasting_thread_cpu_s": {tid: round(threads_after[tid] - threads_before[tid], 2)
                                 for tid in threads_after if tid in threads_before},
        "python_tids": sorted({int(t) for t in re.findall(r"^Thread (\d+)", text.decode(errors="replace"), re.M)}),
    })


def _gc_line() -> int | None:
    """The line of ``gc.collect`` in Streamlit's ScriptRunner._on_script_finished."""
    import inspect

    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    lines, first = inspect.getsourcelines(ScriptRunner._on_script_finished)
    return next((first + i for i, line in enumerate(lines) if "gc.collect" in line), None)


def summarize_profile(profile: dict, cores: int) -> dict:
    """Where the server's time went, from the two py-spy recordings and /proc: how many
    threads were on a CPU on average and doing what; how much of the time one of them
    held the GIL and doing what; the cores the process used, and how much of that its
    long-lived native threads (DuckDB's worker pool) used. py-spy samples without pausing
    the server (``--nonblocking``), and then tells a waiting thread from a running one by
    heuristics: read the on-CPU figures as rough (they can exceed the cores); the GIL
    figures and the process's CPU are the firm ones."""
    if "cpu" not in profile or not Path(profile["cpu"]["file"]).exists():
        return {"error": profile.get("cpu", {}).get("output") or "no profile: the run ended before the on-CPU recording did"}
    gc_line = _gc_line()
    summary: dict = {}
    if "gil" not in profile:  # a short run: the on-CPU half is still worth reading
        summary["note"] = "the run ended before the GIL recording: on-CPU stacks only"
    python_tids = set(profile.get("python_tids", []))
    for mode in ("cpu", "gil"):
        info = profile.get(mode)
        if not info or not Path(info["file"]).exists():
            continue
        data = json.loads(Path(info["file"]).read_text())
        frames = data["shared"]["frames"]
        by_thread, leaf, inclusive = Counter(), Counter(), Counter()
        total = 0.0
        for prof in data["profiles"]:  # one per thread; weights in seconds
            name = prof.get("name", "")
            tid = re.search(r"Thread (\d+)", name)
            if tid:
                python_tids.add(int(tid[1]))
            kind = _thread_kind(name)
            for sample, weight in zip(prof["samples"], prof.get("weights", [])):
                total += weight
                by_thread[kind] += weight
                if sample:
                    leaf[_frame(frames[sample[-1]], gc_line)] += weight
                for label in {_bucket(frames[i], gc_line) for i in sample} - {None}:
                    inclusive[label] += weight
        seconds = info["seconds"]
        summary[mode] = {
            "threads_busy_avg": round(total / seconds, 2),
            "by_thread": {k: round(v / seconds, 2) for k, v in by_thread.most_common()},
            "inclusive_share": {k: round(v / total, 3) for k, v in inclusive.most_common(14)} if total else {},
            "top_leaves": [[k, round(v / total, 3)] for k, v in leaf.most_common(12)] if total else [],
        }
    if "gil" in summary:
        summary["gil_held_share"] = summary["gil"]["threads_busy_avg"]
    if not profile.get("wall_s"):  # measured at the end of the whole recording
        return summary
    wall = profile["wall_s"]
    lasting = profile.get("lasting_thread_cpu_s", {})
    native = sum(v for tid, v in lasting.items() if tid not in python_tids)
    summary["cores_used"] = {"process": round(profile.get("process_cpu_s", 0) / wall, 2),
                             "native threads (DuckDB's worker pool)": round(native / wall, 2),
                             "machine has": cores}
    return summary


def _thread_kind(name: str) -> str:
    for key, kind in (("ScriptRunner", "script runs"), ("MainThread", "event loop (main)"),
                      ("inbox-worker", "inbox worker"), ("ThreadPoolExecutor", "thread pool")):
        if key in name:
            return kind
    return "other"


def _frame(frame: dict, gc_line: int | None = None) -> str:
    if frame.get("name", "").endswith("_on_script_finished") and frame.get("line") == gc_line:
        return "gc.collect(2) after the run (ScriptRunner._on_script_finished, runner.postScriptGC)"
    file = frame.get("file", "")
    short = re.sub(r".*(site-packages|/lib/python3\.\d+)/", "", file).replace(str(ROOT) + "/", "")
    return f"{frame.get('name', '?')} ({short}:{frame.get('line', '')})"


BUCKETS = (
    ("DuckDB query (execute/fetch)", re.compile(r"fetch_within_limit|execute|fetch"), re.compile(r"analytics/")),
    ("st.cache_data: waiting for another session computing the same key", re.compile(r"_hold_compute_lock"),
     re.compile(r"streamlit/runtime/caching")),
    ("plotly figure to JSON", re.compile(r"to_json|to_plotly_json"), re.compile(r"plotly")),
    ("plotly figure building", re.compile(r"."), re.compile(r"plotly/(graph_objs|basedatatypes|express)")),
    ("baseline fit (statsmodels/scipy/numpy)", re.compile(r"."), re.compile(r"statsmodels|scipy|analytics/baseline")),
    ("pandas", re.compile(r"."), re.compile(r"site-packages/pandas")),
    ("Arrow serialisation (st.dataframe)", re.compile(r"."), re.compile(r"pyarrow|dataframe_util")),
    ("forward messages (protobuf, hashing)", re.compile(r"."),
     re.compile(r"forward_msg|runtime_util|google/protobuf")),
    # Only the caches' own work: a computation they cache falls in the buckets of what it does.
    ("st.cache_data / cache_resource: hashing the arguments", re.compile(r"."),
     re.compile(r"streamlit/runtime/caching/hashing")),
    ("st.cache_data: storing and copying results (pickle)", re.compile(r"read_result|write_result|pickle|loads|dumps"),
     re.compile(r"streamlit/runtime/caching")),
    ("widgets and session state", re.compile(r"."), re.compile(r"streamlit/runtime/state")),
    ("websocket / uvicorn / asyncio", re.compile(r"."), re.compile(r"uvicorn|starlette|websockets|asyncio")),
)


def _bucket(frame: dict, gc_line: int | None = None) -> str | None:
    name, file = frame.get("name", ""), frame.get("file", "")
    if name.endswith("_on_script_finished") and frame.get("line") == gc_line:
        return "gc.collect(2) after every run (runner.postScriptGC)"
    for label, name_re, file_re in BUCKETS:
        if file_re.search(file) and name_re.search(name):
            return label
    return None


# ---------------------------------------------------------------- one measurement

def spread(views: list[View]) -> dict:
    seconds = [v.seconds for v in views if v.seconds is not None and not v.errors]
    return {"views": len(views), "finished": len(seconds),
            "p50_s": round(statistics.median(seconds), 2) if seconds else None,
            "p95_s": round(percentile(seconds, 95), 2) if seconds else None,
            "max_s": round(max(seconds), 2) if seconds else None,
            "errors": sum(len(v.errors) for v in views), "wrong": sum(len(v.wrong) for v in views)}


def measure(args, source: Path, sessions: int, out: Path) -> dict:
    """One run: copy the store, start the server, drive it, check, report."""
    args.sessions = sessions
    scratch = Path(tempfile.mkdtemp(prefix="protocol-load-"))
    FAILURE_SHOTS["dir"], FAILURE_SHOTS["left"] = Path(f"{out}-failures"), 10
    server = sampler = None
    try:
        store = scratch / source.name
        progress(f"copying {source} to {store}")
        shutil.copy2(source, store)
        if Path(f"{source}.wal").exists():
            shutil.copy2(f"{source}.wal", f"{store}.wal")
        from analytics.store import open_store
        open_store(store).close()  # pending migrations now, not in the first view
        bounds = period_bounds(store)
        queries = filter_sets(store)
        with _read_only(store) as conn:
            channels = [r[0] for r in conn.execute(
                "select channel from contacts group by channel order by count(*) desc, channel limit 6").fetchall()]
            store_contacts = conn.execute("select count(*) from contacts").fetchone()[0]
        every = {filter_name(q): q for q in queries}
        for query in queries:  # every filter a session can reach by changing the channel
            for channel in channels:
                every.setdefault(filter_name({**query, CHANNEL_KEY: channel}), {**query, CHANNEL_KEY: channel})
        before = count_views(store, list(every.values()), bounds)
        import_file = made = None
        if args.import_rows > 0:
            import_file = scratch / "nightly-export.csv"
            made = make_import_file(store, import_file, args.import_rows)
            added = count_views(store, list(every.values()), bounds, csv=import_file)
            predicted = {name: {**truth, "contacts": truth["contacts"] + added[name]["contacts"],
                                "week_contacts": truth["week_contacts"] + added[name]["week_contacts"]}
                         for name, truth in before.items()}
        edit = PilotEdit() if args.pilot_edit and has_pilots(store) else None

        options = tuple(part for option in args.server_option
                        for part in (f"--{option.partition('=')[0]}", option.partition("=")[2]))
        server = AppServer(store, args=options)
        PROFILE.clear()
        args.profile_out.mkdir(parents=True, exist_ok=True)
        PROFILE.update({"pid": server.process.pid, "out": str(args.profile_out / out.name)})
        sampler = MemorySampler(server.process.pid)
        sampler.start()
        load_average = os.getloadavg()[0]
        started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        server_cpu_start = cpu_seconds(_tree(server.process.pid))
        own_start = os.times()
        wall_start = time.monotonic()
        views, record, t0 = asyncio.run(drive(server.url, args, store, import_file, queries, channels, edit))
        wall = time.monotonic() - wall_start
        server_cpu = cpu_seconds(_tree(server.process.pid)) - server_cpu_start
        own = os.times()
        own_cpu = (own.user - own_start.user) + (own.system - own_start.system)
        children_cpu = (own.children_user - own_start.children_user) + (own.children_system - own_start.children_system)
        sampler.stop()
        server.stop()
        log = Path(server.log.name)
        server = None

        after = count_views(store, list(every.values()), bounds) if import_file else None
        window = None
        if record.started_s is not None and record.seconds is not None:
            window = (record.started_s, record.started_s + record.seconds)
        for view in views:
            check_view(view, before, after, window)
        logged = server_errors(log)
        if logged:
            shutil.copy2(log, f"{out}-server.log")
        problems = [f"{v.who} {v.session} round {v.round} {v.page} ({v.how}, {v.filter}): "
                    f"{'; '.join(v.errors + v.wrong)}" for v in views if v.errors or v.wrong]
        problems += [f"server log: {line}" for line in logged]
        edit_problems = check_edit(store, edit) if edit is not None else []
        problems += edit_problems
        if import_file and not record.ok:
            problems.append(f"import failed: {' | '.join(record.attempts)}")
        if import_file and after != predicted:
            wrong = [name for name in predicted if after.get(name) != predicted[name]]
            problems.append(f"store after the run differs from the prediction for {', '.join(wrong[:5])}")
        protocol = [v for v in views if v.who == "protocol"]
        browser = [v for v in views if v.who == "browser"]
        per_page = {page: spread([v for v in protocol if v.page == page]) for page in args.pages}
        per_page["all"] = spread(protocol)
        per_how = {f"{page} ({how})": spread([v for v in protocol if v.page == page and v.how == how])
                   for page in args.pages for how in ("link", "nav", "filter")
                   if any(v.page == page and v.how == how for v in protocol)}
        cores = os.cpu_count() or 1
        report = {
            "sessions": sessions, "browsers": args.browsers, "pages": args.pages, "started_at": started_at,
            "wall_seconds": round(wall, 1), "store_contacts": store_contacts, "source_store": str(source),
            "think_s": args.think, "ramp_s": args.ramp, "server_options": args.server_option,
            "rounds": args.rounds, "rounds_after": args.rounds_after,
            "machine": {"cpus": cores, "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
                                                          / 2**30, 1),
                        "platform": platform.platform(), "load_average_at_start": round(load_average, 2)},
            "views": len(views), "protocol_views": len(protocol), "browser_views": len(browser),
            "errors": sum(len(v.errors) for v in views) + len(logged),
            "wrong_numbers": sum(len(v.wrong) for v in views),
            "not_finished": sum(v.seconds is None for v in views),
            "views_during_import": sum(window is not None and v.started_s < window[1] and
                                       (v.finished_s or 0) > window[0] for v in views),
            "views_showing_before": sum(v.side == "before" for v in views),
            "views_showing_after": sum(v.side == "after" for v in views),
            "page_finished": per_page, "page_finished_by_way": per_how, "browser_finished": {
                page: spread([v for v in browser if v.page == page]) for page in args.pages if browser},
            "target_p95_s": args.target_p95,
            "target_met": all(s["p95_s"] is not None and s["p95_s"] <= args.target_p95
                              for name, s in per_page.items() if name != "all"),
            "server_cpu_s": round(server_cpu, 1), "server_cores_used": round(server_cpu / wall, 2),
            "generator_cpu_s": round(own_cpu, 1), "browsers_and_importer_cpu_s": round(children_cpu, 1),
            "server_rss_peak_mb": round(sampler.peak_mb, 1),
            "server_rss_quarters_mb": quarter_medians([mb for _, mb in sampler.samples]),
            "import": {**asdict(record), "file": str(import_file) if import_file else None, "made": made,
                       "window_s": window},
            "pilot_edit": asdict(edit) if edit is not None else None, "pilot_edit_problems": edit_problems,
            "truth_before": before, "truth_after": after,
            "profile": summarize_profile(PROFILE, cores) if args.profile else None,
            "problems": problems,
            "all_views": [asdict(v) for v in views],
        }
        out.parent.mkdir(parents=True, exist_ok=True)
        Path(f"{out}.json").write_text(json.dumps(report, indent=2, default=str))
        Path(f"{out}.md").write_text(markdown(report))
        return report
    finally:
        if sampler is not None:
            sampler.stop()
        if server is not None:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def markdown(r: dict) -> str:
    think = "–".join(f"{t:g}" for t in r["think_s"])
    lines = [
        f"# Protocol load test: {r['sessions']} protocol sessions + {r['browsers']} browsers, "
        f"{', '.join(r['pages'])}",
        "",
        f"Store: {r['store_contacts']:,} contacts; run {r['started_at']} on {r['machine']['cpus']} cores, "
        f"{r['machine']['memory_gb']} GB, load average {r['machine']['load_average_at_start']} at the start; "
        f"{r['wall_seconds']} s. Think time between views {think} s; starts spread over {r['ramp_s']:g} s."
        + (f" Server options: {', '.join(r['server_options'])}." if r.get("server_options") else ""),
        "",
        f"- Views: {r['views']} ({r['protocol_views']} protocol, {r['browser_views']} browser; "
        f"{r['views_during_import']} overlapped the import); errors: {r['errors']}; "
        f"wrong numbers: {r['wrong_numbers']}; never finished: {r['not_finished']}",
        f"- Numbers seen: {r['views_showing_before']} views showed the count before the import, "
        f"{r['views_showing_after']} the count after it",
        f"- Import: {r['import']['via'] or 'none'}, {r['import']['seconds']} s "
        f"(from {r['import']['started_s']} s), {'ok' if r['import']['ok'] else 'FAILED'}",
        "- Pilot edit: " + ("none" if not r["pilot_edit"] else
                            f"{r['pilot_edit']['seconds']} s, " + ("saved and in the store" if r["pilot_edit"]["ok"]
                                                                   and not r["pilot_edit_problems"] else "FAILED")),
        f"- Server: {r['server_cores_used']} cores used on average ({r['server_cpu_s']} CPU s); memory peak "
        f"{r['server_rss_peak_mb']} MB, median per quarter {' → '.join(str(q) for q in r['server_rss_quarters_mb'])} MB",
        f"- Load generator: {r['generator_cpu_s']} CPU s (protocol sessions and Playwright's driver); "
        f"browsers and importer: {r['browsers_and_importer_cpu_s']} CPU s",
        f"- Target p95 ≤ {r['target_p95_s']} s per page: {'met' if r['target_met'] else 'NOT met'}",
        "",
        "Seconds to a finished script run (a link: from the page request); protocol sessions.",
        "",
        "| page | views | finished | p50 s | p95 s | max s | errors | wrong |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for table in (r["page_finished"], r["page_finished_by_way"]):
        for name, s in table.items():
            lines.append(f"| {name} | {s['views']} | {s['finished']} | {s['p50_s']} | {s['p95_s']} | {s['max_s']} "
                         f"| {s['errors']} | {s['wrong']} |")
    if r["browser_finished"]:
        lines += ["", "Browsers (script finished as the page shows it; load.py's measure):", "",
                  "| page | views | finished | p50 s | p95 s | max s | errors | wrong |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, s in r["browser_finished"].items():
            lines.append(f"| {name} | {s['views']} | {s['finished']} | {s['p50_s']} | {s['p95_s']} | {s['max_s']} "
                         f"| {s['errors']} | {s['wrong']} |")
    if r.get("profile"):
        lines += ["", "## Server profile (py-spy)", "", "```", json.dumps(r["profile"], indent=1)[:6000], "```"]
    if r["problems"]:
        lines += ["", "## Problems", ""] + [f"- {p}" for p in r["problems"][:50]]
    return "\n".join(lines) + "\n"


def sweep_markdown(reports: list[dict]) -> str:
    pages = reports[0]["pages"]
    head = "| sessions | " + " | ".join(f"{p} p50 / p95 s" for p in pages) + \
        " | views | errors | wrong | server cores | server MB | wall s |"
    lines = [f"# Protocol load sweep: {reports[0]['store_contacts']:,} contacts, "
             f"{reports[0]['browsers']} browsers, import and pilot edit in every step", "",
             head, "|---:|" + "---:|" * (len(pages) + 6)]
    for r in reports:
        cells = [f"{r['page_finished'][p]['p50_s']} / {r['page_finished'][p]['p95_s']}" for p in pages]
        lines.append(f"| {r['sessions']} | " + " | ".join(cells) + f" | {r['views']} | {r['errors']} | "
                     f"{r['wrong_numbers']} | {r['server_cores_used']} | {r['server_rss_peak_mb']} | {r['wall_seconds']} |")
    base = reports[0]
    lines += ["", "p95 growth against the first step (all pages):", ""]
    for r in reports:
        first, now = base["page_finished"]["all"]["p95_s"], r["page_finished"]["all"]["p95_s"]
        growth = f"{now / first:.1f}×" if first and now else "–"
        lines.append(f"- {r['sessions']} sessions: p95 {now} s ({growth})")
    return "\n".join(lines) + "\n"


def _think(text: str) -> tuple[float, float]:
    low, _, high = text.partition(",")
    return float(low), float(high or low)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the store (default: $CONTACTS_DB or data/contacts.duckdb); "
                                                  "a copy is used")
    parser.add_argument("--sessions", type=int, default=50, help="protocol sessions")
    parser.add_argument("--sweep", type=lambda s: [int(n) for n in s.split(",") if n.strip()],
                        help="one run per number of sessions, e.g. 1,10,50,200; prints the p95 growth")
    parser.add_argument("--browsers", type=int, default=2, help="real Chromium sessions alongside")
    parser.add_argument("--pages", default="overview,trends,reasons",
                        type=lambda s: [p.strip() for p in s.split(",") if p.strip()])
    parser.add_argument("--import-rows", type=int, default=15_000,
                        help="contacts of the default period imported under new ids during the run (0: none)")
    parser.add_argument("--import-delay", type=float, default=5.0, help="seconds after the first view finished")
    parser.add_argument("--import-timeout", type=float, default=900.0)
    parser.add_argument("--pilot-edit", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--rounds", type=int, default=1, help="rounds every session makes at least")
    parser.add_argument("--rounds-after", type=int, default=1, help="rounds after the import has finished")
    parser.add_argument("--think", type=_think, default=(1.0, 4.0),
                        help="MIN,MAX seconds a viewer looks at a page before the next step (uniform)")
    parser.add_argument("--ramp", type=float, default=5.0, help="sessions start spread over this many seconds")
    parser.add_argument("--page-timeout", type=float, default=180.0)
    parser.add_argument("--max-seconds", type=float, default=1200.0, help="no new round starts after this")
    parser.add_argument("--target-p95", type=float, default=3.0)
    parser.add_argument("--warm-up", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--profile", action="store_true", help="record the server with py-spy during the run")
    parser.add_argument("--profile-start", type=float, default=20.0,
                        help="seconds after the first page was shown (all sessions running)")
    parser.add_argument("--profile-seconds", type=float, default=40.0, help="half on-CPU, half GIL")
    parser.add_argument("--profile-rate", type=int, default=50)
    parser.add_argument("--profile-out", type=Path, default=Path(tempfile.gettempdir()) / "protocol-load-profile",
                        help="the py-spy recordings (speedscope JSON, large) and a dump go here")
    parser.add_argument("--server-option", action="append", default=[], metavar="NAME=VALUE",
                        help="a Streamlit option for the server, e.g. runner.postScriptGC=false (repeatable)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "protocol-load")
    args = parser.parse_args(argv)
    unknown = [p for p in args.pages if p not in PAGES and p not in OTHER_PAGES]
    if unknown:
        parser.error(f"unknown page(s) {', '.join(unknown)}")
    if args.pages[0] not in PAGES:
        parser.error(f"the first page must be one of {', '.join(PAGES)} (it carries the filter's number)")
    from analytics.store import resolve_db_path

    source = (args.db or resolve_db_path()).resolve()
    if not source.exists():
        parser.error(f"no store at {source}")
    signal.signal(signal.SIGTERM, _interrupt)
    steps = args.sweep or [args.sessions]
    reports = []
    for sessions in steps:
        out = args.out if not args.sweep else Path(f"{args.out}-N{sessions}")
        progress(f"--- {sessions} protocol sessions, {args.browsers} browsers")
        report = measure(args, source, sessions, out)
        reports.append(report)
        print(markdown(report))
    if args.sweep:
        text = sweep_markdown(reports)
        Path(f"{args.out}-sweep.md").write_text(text)
        Path(f"{args.out}-sweep.json").write_text(json.dumps(
            [{k: r[k] for k in ("sessions", "browsers", "views", "errors", "wrong_numbers", "page_finished",
                                "page_finished_by_way", "server_cores_used", "server_rss_peak_mb", "wall_seconds",
                                "generator_cpu_s", "think_s", "import")} for r in reports], indent=2, default=str))
        print(text)
    failed = any(r["problems"] or r["not_finished"] for r in reports)
    return 1 if failed else 0


def _interrupt(*_) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("interrupted: the server and the browsers were stopped", file=sys.stderr)
        sys.exit(130)
