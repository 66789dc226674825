"""All Streamlit caching in one place.

One DuckDB connection per process (``st.cache_resource``); every query runs on its own
cursor, because Streamlit sessions are threads. Query results are cached by one mechanism,
:func:`cached_query`: bounded, and keyed by the store's data version, which every write
bumps, so an import or an edit anywhere shows up on the next rerun without a restart or a
manual clear. The page-facing names below keep the pages' argument order where it differs
from the analytics function's.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import wraps
from typing import Any, TypeVar

import duckdb
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure
import streamlit as st
import streamlit.elements.arrow as _arrow_element
from streamlit.runtime.scriptrunner import get_script_run_ctx

from analytics import actions as action_logic
from analytics import breakdowns as breakdown_logic
from analytics import catalog
from analytics import journeys as journey_logic
from analytics import live as live_logic
from analytics import overview as overview_logic
from analytics import pilots as pilot_logic
from analytics import ratios as ratio_logic
from analytics import taxonomy as taxonomy_logic
from analytics import timeline as timeline_logic
from analytics import text_search as text_search_logic
from analytics import trends, user_roles
from analytics import weekly as weekly_logic
from analytics.text_reasons import review as review_logic
from analytics.access import READ_TEXTS, require_permission
from analytics.baseline import BaselineConfig, Expectation, expected_for_days
from analytics.demo import DemoSettings, fill_open_store
from analytics.filters import ContactFilter
from analytics.i18n import active_language, using_language
from analytics.lockdown import open_dashboard_store
from analytics.pilots import registry as pilot_registry
from analytics.store import SCOPES, data_version, resolve_db_path, scope_versions, writes_committed
from analytics.text_reasons import store_suggestions
from ui.background import BackgroundJob

RESULT_TTL_SECONDS = 3600
RESULT_MAX_ENTRIES = 256
FIT_MAX_ENTRIES = 64  # a baseline fit or a pilot's evaluation: larger results, fewer kept
FIGURE_MAX_ENTRIES = 128
STORE_TABLES = ("import_history", "reason_tree", "channel_table", "driver_summary", "event_list")
# What a view reads (analytics.store.SCOPES): most read the contacts and what they are counted by.
CONTACTS = ("contacts",)

T = TypeVar("T")


def frame_key(frame: pd.DataFrame | pd.Series) -> bytes:
    """The cache key of a frame or series argument: a digest of its shape, names, types and
    every value, exact and cheap. Streamlit's own key (``hash_pandas_object``) took about
    1.4 ms per chart frame, several times this, and covers only a sample of a frame from
    50,000 rows. (Not its pickle: equal text columns pickle differently, as Arrow chunks
    them.) Equal data may get another key (a rebuild); different data never the same one."""
    digest = hashlib.blake2b(digest_size=16)
    is_frame = isinstance(frame, pd.DataFrame)
    columns = frame.items() if is_frame else [(frame.name, frame)]
    names = (frame.index.names, frame.columns.names if is_frame else None)
    _add(digest, repr((type(frame).__name__, frame.shape, names)).encode())
    for label, values in (("index", frame.index), *columns):
        _add(digest, repr((label, values.dtype)).encode())  # a categorical's repr names its categories
        _add(digest, _value_bytes(values))
    return digest.digest()


def _add(digest, part: bytes) -> None:
    digest.update(_framed(part))


def _framed(part: bytes) -> bytes:
    """``part`` with its length first: no two sequences of parts run together alike."""
    return len(part).to_bytes(8, "little") + part


def _value_bytes(values: pd.Index | pd.Series) -> bytes:
    array = values.to_numpy()
    if array.dtype != object:
        return np.ascontiguousarray(array).tobytes()
    # Text and mixed columns: each value's repr (None, nan, <NA> and NaT differ), length first.
    parts = [value.tobytes() + repr(value.dtype).encode() if isinstance(value, np.ndarray) else repr(value).encode()
             for value in array.tolist()]
    return b"".join(map(_framed, parts))


FRAME_KEYS = {pd.DataFrame: frame_key, pd.Series: frame_key}


def connection() -> duckdb.DuckDBPyConnection:
    """The process's one read-write connection to the contact store."""
    return _connection_to(str(resolve_db_path()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection_to(path: str) -> duckdb.DuckDBPyConnection:
    return open_dashboard_store(path)


def current_data_version() -> int:
    """The key that retires stale cached results: the store's data version, read once per
    script run and again after a write in this process (so a page shows what it has just
    saved), not once per chart: under load a query per chart was a tenth of a cached page."""
    run = get_script_run_ctx(suppress_warning=True)  # None outside a run: commands, tests
    if run is None:
        return data_version(connection())
    read = getattr(run, _VERSION_OF_RUN, None)
    # A run's context is reused by the next run, which gives it a new ``cursors`` dict.
    if read is not None and read[0] is run.cursors and read[1] == writes_committed():
        return read[2]
    writes = writes_committed()
    version = data_version(connection())
    setattr(run, _VERSION_OF_RUN, (run.cursors, writes, version))
    return version


_VERSION_OF_RUN = "_contacts_data_version"


def read_version(version: int, scopes: Sequence[str]) -> int:
    """The key of a view that reads ``scopes`` while the store is at ``version``: the data
    version of their last change. An edited pilot or action then leaves every count,
    baseline and ratio cached: fifty open dashboards do not recompute them all at once."""
    if set(scopes) >= set(SCOPES):
        return version
    changed = _scope_versions(version=version)
    return max(changed[scope] for scope in scopes)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=16, show_spinner=False)
def _scope_versions(version: int) -> dict[str, int]:
    return scope_versions(connection())


def expectation(history: pd.Series, start: date, end: date, *, events: pd.DataFrame | None = None,
                config: BaselineConfig = BaselineConfig(), exposure: pd.Series | None = None) -> Expectation:
    """What ``history`` expected for ``start .. end`` (:func:`analytics.baseline.expected_for_days`),
    fitted once per history, events, settings and language. Every cached view asks this one
    (``trends.expecting_with``): after an import that added only the viewed period's days, or
    an edit of an event elsewhere, the fit of the history before the period is reused."""
    return _expectation(history=history, start=start, end=end, events=events, config=config, exposure=exposure,
                        language=active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=FIT_MAX_ENTRIES, show_spinner=False, hash_funcs=FRAME_KEYS)
def _expectation(history: pd.Series, start: date, end: date, events: pd.DataFrame | None, config: BaselineConfig,
                 exposure: pd.Series | None, language: str) -> Expectation:
    with using_language(language):
        return expected_for_days(history, start, end, events=events, config=config, exposure=exposure)


def cached_query(query: Callable[..., T], *, max_entries: int = RESULT_MAX_ENTRIES,
                 speaks: bool = False, reads: Sequence[str] = SCOPES) -> Callable[..., T]:
    """``query(conn, *args, **kwargs)`` as ``f(version, *args, **kwargs)`` on this
    process's connection, its result cached per arguments and the version of the data it
    ``reads`` (scopes of :data:`analytics.store.SCOPES`, all by default; see
    :func:`read_version`), at most ``max_entries``, for an hour.

    ``speaks``: the result holds words (notes, verdicts, headlines), so it is computed in
    the active language (or ``language=``) and the language is part of the key.
    """

    # The cached functions here are called by keyword: Streamlit looks up a positional
    # argument's name with inspect.signature on every call, a sixth of a cached read's key.
    def run(version: int, language: str | None, args: tuple, kwargs: dict) -> T:
        with trends.expecting_with(expectation), using_language(language or active_language()):
            return query(connection(), *args, **kwargs)

    # Streamlit keys a cache by the function's module and qualified name: one per query.
    run.__module__ = __name__
    run.__qualname__ = f"cached_query.{query.__module__}.{query.__qualname__}"
    cached_run = st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=max_entries, show_spinner=False,
                               hash_funcs=FRAME_KEYS)(run)

    @wraps(query)
    def ask(version: int, *args: Any, **kwargs: Any) -> T:
        language = (kwargs.pop("language", None) or active_language()) if speaks else None
        return cached_run(version=read_version(version, reads), language=language, args=args, kwargs=kwargs)

    ask.cached = cached_run  # type: ignore[attr-defined]  # for the bounds test
    return ask


def figure(builder: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> go.Figure:
    """``builder(*args, **kwargs)`` in the active language, built once per arguments and
    shared by every session (at most ``FIGURE_MAX_ENTRIES``, for an hour).

    Under load, plotly's validation while a figure is built was most of a cached page's
    work: fifty managers on the same filters built the same figure fifty times. The
    figure is shared, not copied, so nothing may change it after it is built: drawing,
    presenting and the exports work on copies (``chart.show``).
    """
    name = f"{builder.__module__}.{builder.__qualname__}"
    return _shared_figure(name=name, language=active_language(), _builder=builder, args=args, kwargs=kwargs)


@st.cache_resource(ttl=RESULT_TTL_SECONDS, max_entries=FIGURE_MAX_ENTRIES, show_spinner=False,
                   hash_funcs=FRAME_KEYS)
def _shared_figure(name: str, language: str, _builder: Callable[..., go.Figure], args: tuple,
                   kwargs: dict) -> go.Figure:
    with using_language(language):
        built = _builder(*args, **kwargs)
    built._drawing_spec = built.to_dict()  # plotly keeps attributes named with "_" as they are
    return built


def drawing(figure: go.Figure) -> go.Figure:
    """What ``st.plotly_chart`` is handed for ``figure``: for a shared figure, one whose
    ``to_dict()`` (all Streamlit asks of a figure, a tenth of a cached page's work under
    load) was made once when the figure was built; any other figure as it is."""
    spec = getattr(figure, "_drawing_spec", None)
    return figure if spec is None else _Drawing(spec)


class _Drawing(BaseFigure):
    """A shared figure's dict, as the figure ``st.plotly_chart`` asks it of. Streamlit reads
    the dict and writes it out as JSON; nothing else ever sees this object."""

    def __init__(self, spec: dict) -> None:  # not BaseFigure's: nothing to validate again
        object.__setattr__(self, "_spec", spec)

    def to_dict(self) -> dict:
        return self._spec


# --- Tables: what st.dataframe makes of a styled table --------------------------------------------
def share_display_values(styler: Any, data: pd.DataFrame, *parts: Any) -> None:
    """Mark ``styler`` (a pandas Styler of ``data``) so that what ``st.dataframe`` makes of
    it, its display values as Arrow and its styles, is made once per ``data`` and ``parts``
    (the columns' kinds, the language, the highlight: whatever else decides the text) and
    shared by every session, at most ``TABLE_MAX_ENTRIES``.

    Why: the Styler writes every cell through Python on every run (about 8 ms for a table
    of 20 rows and 10 columns, most of a cached page's table work under load), and its
    random uuid made every run's message new, so a browser's message cache never matched a
    table it already had. A shared result carries one uuid: the same table is the same
    message. Mark a Styler when it is finished: a later ``.apply`` or ``.hide`` would not
    reach a table already shared."""
    setattr(styler, _DISPLAY_KEY, (frame_key(data), *parts))


TABLE_MAX_ENTRIES = 512
_DISPLAY_KEY = "_shared_display_key"
_display_values: OrderedDict[tuple, bytes] = OrderedDict()
_display_values_lock = threading.Lock()


def _marshall_shared_styler(proto: Any, styler: Any, default_uuid: str) -> None:
    """Streamlit's ``marshall_styler`` for ``st.dataframe``, served from the shared results
    for a styler marked by :func:`share_display_values` (else as Streamlit does it)."""
    key = getattr(styler, _DISPLAY_KEY, None)
    if key is None:
        _streamlit_marshall_styler(proto, styler, default_uuid)
        return
    with _display_values_lock:
        made = _display_values.get(key)
        if made is not None:
            _display_values.move_to_end(key)
    if made is not None:
        proto.styler.ParseFromString(made)
        return
    _streamlit_marshall_styler(proto, styler, default_uuid)
    with _display_values_lock:
        _display_values[key] = proto.styler.SerializeToString()
        while len(_display_values) > TABLE_MAX_ENTRIES:
            _display_values.popitem(last=False)


# st.dataframe looks the function up in its own module on every call: replaced there, once.
_streamlit_marshall_styler = getattr(_arrow_element.marshall_styler, "streamlit_own", _arrow_element.marshall_styler)
_marshall_shared_styler.streamlit_own = _streamlit_marshall_styler  # type: ignore[attr-defined]
_arrow_element.marshall_styler = _marshall_shared_styler


# --- The whole store: freshness, filters, the Data page's tables, roles --------------------------
store_freshness = cached_query(overview_logic.store_freshness, reads=CONTACTS)
filter_options = cached_query(overview_logic.filter_options, reads=CONTACTS)
overview = cached_query(overview_logic.overview, reads=CONTACTS)
driver_daily = cached_query(catalog.driver_daily, reads=CONTACTS)
given_roles = cached_query(user_roles.given_roles_by_name, reads=("roles",))
last_update = cached_query(live_logic.last_update, max_entries=16)
_store_tables = {name: cached_query(getattr(catalog, name), reads=CONTACTS) for name in STORE_TABLES}


def store_table(version: int, name: str, **options):
    """One of the Data page's tables by name (import_history, reason_tree, channel_table,
    driver_summary, event_list); ``options`` are the table's own (``reasons_as_recorded``
    for reason_tree)."""
    if name not in _store_tables:
        raise ValueError(f"Unknown store table {name!r}.")
    return _store_tables[name](version, **options)


def load_demo() -> int:
    """Fill the (empty) store with the default demo; return the number of contacts."""
    return fill_open_store(connection(), resolve_db_path(), DemoSettings(end=date.today() - timedelta(days=1)))


# --- Volume trends --------------------------------------------------------------------------------
_volume_trend = cached_query(trends.volume_trend, max_entries=FIT_MAX_ENTRIES, speaks=True, reads=CONTACTS)
_week_summary = cached_query(trends.week_summary, max_entries=FIT_MAX_ENTRIES, speaks=True, reads=CONTACTS)
gap_by_part = cached_query(trends.gap_by_part, max_entries=FIT_MAX_ENTRIES, reads=CONTACTS)
_baseline_quality = cached_query(trends.baseline_quality, max_entries=32, reads=CONTACTS)


def volume_trend(version: int, contact_filter: ContactFilter, grain: str, first_day: date,
                 language: str | None = None) -> trends.VolumeTrend:
    """The fitted baseline for one filter and grain (a fit is the expensive part)."""
    return _volume_trend(version, contact_filter, grain, first_day=first_day, language=language)


def week_summary(version: int, contact_filter: ContactFilter, week_start: date, first_day: date,
                 language: str | None = None) -> trends.WeekSummary:
    """One week against what the history up to the week before expected (the weekly
    report's figures); the filter's period is set to the week here, so the sidebar's period
    does not split the cache."""
    week = contact_filter.with_period(week_start, week_start + timedelta(days=6))
    return _week_summary(version, week, week_start, first_day=first_day, language=language)


def baseline_quality(version: int, contact_filter: ContactFilter, first_day: date, last_day: date) -> dict:
    return _baseline_quality(version, contact_filter, first_day=first_day, last_day=last_day)


# --- Contact ratios -------------------------------------------------------------------------------
ratio_driver_names = cached_query(ratio_logic.driver_names, reads=CONTACTS)
ratio_driver_info = cached_query(ratio_logic.driver_info, reads=CONTACTS)
ratio_breakdowns = cached_query(ratio_logic.breakdown_options, reads=CONTACTS)
ratio_driver_scopes = cached_query(ratio_logic.driver_scopes, reads=CONTACTS)
ratio_by_part = cached_query(ratio_logic.part_ratios, reads=CONTACTS)
ratio_start_small = cached_query(ratio_logic.start_small, reads=CONTACTS)
ratio_value_classes = cached_query(ratio_logic.value_classes, reads=CONTACTS)
_ratio_trend = cached_query(ratio_logic.ratio_trend, max_entries=FIT_MAX_ENTRIES, speaks=True, reads=CONTACTS)


def ratio_trend(version: int, contact_filter: ContactFilter, driver: str, grain: str, first_day: date,
                scope: tuple[str, str] = ("", ""), language: str | None = None) -> ratio_logic.RatioTrend:
    """The ratio over time with its fitted baseline; ``scope``: (dimension, value) for one
    product, supplier or segment."""
    return _ratio_trend(version, contact_filter, driver, grain, first_day=first_day, dimension=scope[0],
                        dimension_value=scope[1], language=language)


# --- Reasons & channels ---------------------------------------------------------------------------
_reason_tree = cached_query(breakdown_logic.reason_tree, reads=CONTACTS)
channel_mix = cached_query(breakdown_logic.channel_mix, reads=CONTACTS)
reason_by_channel = cached_query(breakdown_logic.reason_by_channel, reads=CONTACTS)
hour_weekday = cached_query(breakdown_logic.hour_weekday, reads=CONTACTS)
repeat_contacts = cached_query(journey_logic.repeat_contacts, reads=CONTACTS)
channels_per_issue = cached_query(journey_logic.channels_per_issue, reads=CONTACTS)


def reason_tree(version: int, contact_filter: ContactFilter, compare_previous: bool, compare_last_year: bool):
    return _reason_tree(version, contact_filter, compare_previous=compare_previous,
                        compare_last_year=compare_last_year)


store_has_texts = cached_query(text_search_logic.store_has_texts, max_entries=8, reads=CONTACTS)
_text_search = cached_query(text_search_logic.text_search, max_entries=64, reads=CONTACTS)


def text_search(version: int, contact_filter: ContactFilter, words: str) -> text_search_logic.TextSearch:
    """What customers wrote that contains ``words``. The reader's permission is checked on
    every call, not only when the cache is cold: a cached answer never reaches a viewer."""
    require_permission(READ_TEXTS)
    return _text_search(version, contact_filter, words)


@st.cache_resource(show_spinner=False, max_entries=4)
def _reasons_from_texts_job(path: str, texts_at: int) -> BackgroundJob:
    return BackgroundJob(lambda progress: store_suggestions.reasons_from_texts(_connection_to(path), progress=progress),
                         name=f"reasons-from-texts-{texts_at}").start()


def texts_version(version: int) -> int:
    """The data version at which the contacts, their texts and reasons last changed, while the
    store is at ``version``: the key of what is learned from the texts. An edited pilot,
    action or role leaves it, so an editor's open section does not learn everything again."""
    return read_version(version, CONTACTS)


def reasons_from_texts(texts_at: int) -> BackgroundJob:
    """Suggested reasons, their accuracy, candidate new reasons (and a proposed tree for a
    store without reason codes), learned in a background thread started on the first call
    per store and :func:`texts_version`: seconds to a minute, never on the page's thread.
    The job, and with it the finished result, is kept per texts version; the reader's
    permission is checked on every call."""
    require_permission(READ_TEXTS)
    return _reasons_from_texts_job(str(resolve_db_path()), texts_at)


def retry_reasons_from_texts(texts_at: int) -> None:
    """Forget a failed job, so the next call starts a new one."""
    _reasons_from_texts_job.clear(str(resolve_db_path()), texts_at)


# --- Weekly report and the Data page's Health section ----------------------------------------------
_weekly_report = cached_query(weekly_logic.weekly_report, max_entries=FIT_MAX_ENTRIES, speaks=True,
                              reads=("contacts", "actions"))
weekly_driver_names = cached_query(weekly_logic.driver_names, max_entries=16, reads=CONTACTS)
weekly_reason_choices = cached_query(weekly_logic.reason_choices, max_entries=8, reads=CONTACTS)
action_list = cached_query(action_logic.list_actions, max_entries=16, reads=("actions",))
taxonomy_health = cached_query(taxonomy_logic.taxonomy_health, max_entries=8, speaks=True, reads=CONTACTS)


def weekly_report(version: int, contact_filter: ContactFilter, week_start: date, level: int, driver: str | None,
                  first_day: date, language: str | None = None) -> weekly_logic.WeeklyReport:
    """One week's report (the baseline fit is the expensive part). The filter's period is
    set to the week by the caller, so the sidebar's period does not split the cache."""
    return _weekly_report(version, contact_filter, week_start, level=level, first_day=first_day, driver=driver,
                          language=language)


# --- Pilots ---------------------------------------------------------------------------------------
pilot_list = cached_query(pilot_logic.list_pilots, max_entries=16, reads=("pilots",))
pilot_overlaps = cached_query(pilot_logic.overlaps, reads=("pilots",))
# Keyed by the pilot's whole spec, so an edit is a new entry even before the version moves.
pilot_evaluation = cached_query(pilot_logic.evaluate_pilot, max_entries=16, speaks=True,
                                reads=("contacts", "pilots"))
_pilot_plan = cached_query(pilot_logic.plan_pilot, max_entries=32, speaks=True, reads=("contacts", "pilots"))


def _target_choices(conn: duckdb.DuckDBPyConnection) -> tuple[list[str], list[str], list[str]]:
    """What a pilot's target can name: reason paths (every level), channels, segments."""
    return (pilot_registry.known_reasons(conn), pilot_registry.known_channels(conn),
            pilot_registry.known_segments(conn))


pilot_choices = cached_query(_target_choices, max_entries=8, reads=CONTACTS)


def pilot_plan(version: int, reasons: tuple[str, ...], weeks: int, channels: tuple[str, ...], segment: str | None,
               expected_effect: float | None, language: str | None = None, *,
               reasons_as_recorded: bool = False) -> pilot_logic.PilotPlan:
    """The planner for one target and window (3-8 s on the default demo)."""
    return _pilot_plan(version, reasons, weeks=weeks, channels=channels, segment=segment,
                       expected_effect=expected_effect, language=language, reasons_as_recorded=reasons_as_recorded)


# --- Annotations on time charts (events, public holidays, pilots) ------------------------------
_timeline = cached_query(timeline_logic.timeline, reads=("contacts", "pilots"))


def timeline(version: int, first_day: date, last_day: date) -> list[timeline_logic.TimelineItem]:
    """The events, public holidays (named in the active language) and pilots between two
    days (inclusive)."""
    return _timeline(version, first_day, last_day, language=active_language())


# --- Suggested reasons and their review (Data page, sidebar switch) ---------------------------
relabelled_contacts = cached_query(review_logic.relabelled_contacts, max_entries=8, reads=CONTACTS)
accepted_reason_changes = cached_query(review_logic.accepted_changes, max_entries=8, reads=CONTACTS)
open_reason_suggestions = cached_query(review_logic.open_suggestions, max_entries=8, reads=CONTACTS)
_review_texts = cached_query(review_logic.text_sample, max_entries=32, reads=CONTACTS)


def review_texts(version: int, contact_ids: tuple[str, ...]) -> pd.DataFrame:
    """What the customers of a review's sample wrote. The reader's permission is checked on
    every call, not only when the cache is cold: a cached answer never reaches a viewer."""
    require_permission(READ_TEXTS)
    return _review_texts(version, contact_ids)


# --- Live data: the inbox worker ------------------------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=4, on_release=lambda worker: worker.stop(timeout=0))
def _inbox_worker(path: str) -> live_logic.InboxWorker:
    worker = live_logic.InboxWorker(_connection_to(path), live_logic.inbox_for(path),
                                    live_logic.poll_seconds_from_env())
    worker.start()
    return worker


def start_inbox_worker() -> live_logic.InboxWorker:
    """The process's one thread that imports what others leave in the store's inbox
    (started on first call; it writes through this process's connection)."""
    return _inbox_worker(str(resolve_db_path()))
