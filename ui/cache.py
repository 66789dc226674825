"""All Streamlit caching in one place.

One DuckDB connection per process (``st.cache_resource``); every query runs on its own
cursor, because Streamlit sessions are threads. Query results are cached with bounds and
keyed by the store's data version, so an import anywhere in the app shows up on the next
rerun without a restart.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import streamlit as st

from analytics import catalog
from analytics import overview as overview_logic
from analytics import trends, user_roles
from analytics.demo import DemoSettings, fill_open_store
from analytics.filters import ContactFilter
from analytics.i18n import active_language, using_language
from analytics.lockdown import open_dashboard_store
from analytics.store import data_version, resolve_db_path

RESULT_TTL_SECONDS = 3600
RESULT_MAX_ENTRIES = 256
STORE_TABLES = ("import_history", "reason_tree", "channel_table", "driver_summary", "event_list")


def connection() -> duckdb.DuckDBPyConnection:
    """The process's one read-write connection to the contact store."""
    return _connection_to(str(resolve_db_path()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection_to(path: str) -> duckdb.DuckDBPyConnection:
    return open_dashboard_store(path)


def current_data_version() -> int:
    """Read on every rerun (one tiny query): the key that retires stale cached results."""
    return data_version(connection())


def clear_results() -> None:
    """Forget cached query results (after a write in this process)."""
    st.cache_data.clear()


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def store_freshness(version: int) -> overview_logic.StoreFreshness:
    return overview_logic.store_freshness(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def filter_options(version: int):
    return overview_logic.filter_options(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def overview(version: int, contact_filter: ContactFilter) -> overview_logic.Overview:
    return overview_logic.overview(connection(), contact_filter)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def store_table(version: int, name: str):
    """One of the Data page's tables by name (import_history, reason_tree, channel_table,
    driver_summary, event_list)."""
    if name not in STORE_TABLES:
        raise ValueError(f"Unknown store table {name!r}.")
    return getattr(catalog, name)(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def given_roles(version: int) -> dict[str, str]:
    """The roles an admin gave on the Data page: lower-case user name -> role name."""
    return user_roles.given_roles_by_name(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def driver_daily(version: int, driver: str):
    return catalog.driver_daily(connection(), driver)


def load_demo() -> int:
    """Fill the (empty) store with the default demo; return the number of contacts."""
    contacts = fill_open_store(connection(), resolve_db_path(), DemoSettings(end=date.today() - timedelta(days=1)))
    clear_results()
    return contacts


def volume_trend(version: int, contact_filter: ContactFilter, grain: str, first_day: date,
                 language: str | None = None):
    """The fitted baseline for one filter and grain (a fit is the expensive part), its
    notes in ``language`` (default: the active one)."""
    return _volume_trend(version, contact_filter, grain, first_day, language or active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=64, show_spinner=False)
def _volume_trend(version: int, contact_filter: ContactFilter, grain: str, first_day: date, language: str):
    with using_language(language):
        return trends.volume_trend(connection(), contact_filter, grain, first_day=first_day)


def week_summary(version: int, contact_filter: ContactFilter, week_start: date, first_day: date,
                 language: str | None = None) -> trends.WeekSummary:
    """One week against what the history up to the week before expected (the weekly
    report's figures); the filter's period is set to the week here, so the sidebar's period
    does not split the cache."""
    week = contact_filter.with_period(week_start, week_start + timedelta(days=6))
    return _week_summary(version, week, week_start, first_day, language or active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=64, show_spinner=False)
def _week_summary(version: int, contact_filter: ContactFilter, week_start: date, first_day: date, language: str):
    with using_language(language):
        return trends.week_summary(connection(), contact_filter, week_start, first_day=first_day)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=64, show_spinner=False)
def gap_by_part(version: int, contact_filter: ContactFilter, expected_daily, part: str):
    return trends.gap_by_part(connection(), contact_filter, expected_daily, part)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=32, show_spinner=False)
def baseline_quality(version: int, contact_filter: ContactFilter, first_day: date, last_day: date) -> dict:
    return trends.baseline_quality(connection(), contact_filter, first_day=first_day, last_day=last_day)


# --- Contact ratios page --------------------------------------------------------------

from analytics import ratios as ratio_logic  # noqa: E402  (kept in this page's block)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def ratio_driver_names(version: int) -> list[str]:
    return ratio_logic.driver_names(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def ratio_driver_info(version: int, driver: str) -> ratio_logic.DriverInfo:
    return ratio_logic.driver_info(connection(), driver)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def ratio_breakdowns(version: int, contact_filter: ContactFilter) -> list[str]:
    return ratio_logic.breakdown_options(connection(), contact_filter)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def ratio_driver_scopes(version: int, driver: str) -> dict[str, tuple[str, str]]:
    return ratio_logic.driver_scopes(connection(), driver)


def ratio_trend(version: int, contact_filter: ContactFilter, driver: str, grain: str, first_day: date,
                scope: tuple[str, str] = ("", ""), language: str | None = None):
    """The ratio over time with its fitted baseline (the fit is the expensive part);
    ``scope``: (dimension, value) for one product, supplier or segment; notes in
    ``language`` (default: the active one)."""
    return _ratio_trend(version, contact_filter, driver, grain, first_day, scope, language or active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=64, show_spinner=False)
def _ratio_trend(version: int, contact_filter: ContactFilter, driver: str, grain: str, first_day: date,
                 scope: tuple[str, str], language: str):
    with using_language(language):
        return ratio_logic.ratio_trend(connection(), contact_filter, driver, grain, first_day=first_day,
                                       dimension=scope[0], dimension_value=scope[1])


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def ratio_by_part(version: int, contact_filter: ContactFilter, driver: str, part: str):
    return ratio_logic.part_ratios(connection(), contact_filter, driver, part)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def ratio_start_small(version: int, contact_filter: ContactFilter, driver: str | None, level: int,
                      min_contacts: int) -> ratio_logic.StartSmall:
    return ratio_logic.start_small(connection(), contact_filter, driver, level, min_contacts)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def ratio_value_classes(version: int, contact_filter: ContactFilter):
    return ratio_logic.value_classes(connection(), contact_filter)


# --- Reasons & channels page -------------------------------------------------------------
from analytics import breakdowns as breakdown_logic  # noqa: E402  (kept in this page's block)
from analytics import journeys as journey_logic  # noqa: E402


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def reason_tree(version: int, contact_filter: ContactFilter, compare_previous: bool, compare_last_year: bool):
    return breakdown_logic.reason_tree(connection(), contact_filter, compare_previous=compare_previous,
                                       compare_last_year=compare_last_year)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def channel_mix(version: int, contact_filter: ContactFilter, grain: str):
    return breakdown_logic.channel_mix(connection(), contact_filter, grain)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def reason_by_channel(version: int, contact_filter: ContactFilter, level: int):
    return breakdown_logic.reason_by_channel(connection(), contact_filter, level)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def hour_weekday(version: int, contact_filter: ContactFilter, channel: str | None) -> breakdown_logic.HourWeekday:
    return breakdown_logic.hour_weekday(connection(), contact_filter, channel)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def repeat_contacts(version: int, contact_filter: ContactFilter, window_days: int,
                    level: int) -> journey_logic.RepeatContacts:
    return journey_logic.repeat_contacts(connection(), contact_filter, window_days, level)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def channels_per_issue(version: int, contact_filter: ContactFilter, window_days: int) -> journey_logic.IssueChannels:
    return journey_logic.channels_per_issue(connection(), contact_filter, window_days)


# --- Weekly report page and the Data page's Health section ---------------------------------
from analytics import actions as action_logic  # noqa: E402  (kept in this page's block)
from analytics import taxonomy as taxonomy_logic  # noqa: E402
from analytics import weekly as weekly_logic  # noqa: E402


def weekly_report(version: int, contact_filter: ContactFilter, week_start: date, level: int, driver: str | None,
                  first_day: date, language: str | None = None) -> weekly_logic.WeeklyReport:
    """One week's report (the baseline fit is the expensive part), its notes and headline in
    ``language`` (default: the active one). The filter's period is set to the week by the
    caller, so the sidebar's period does not split the cache."""
    return _weekly_report(version, contact_filter, week_start, level, driver, first_day,
                          language or active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=64, show_spinner=False)
def _weekly_report(version: int, contact_filter: ContactFilter, week_start: date, level: int, driver: str | None,
                   first_day: date, language: str) -> weekly_logic.WeeklyReport:
    with using_language(language):
        return weekly_logic.weekly_report(connection(), contact_filter, week_start, level=level,
                                          first_day=first_day, driver=driver)


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=16, show_spinner=False)
def weekly_driver_names(version: int) -> list[str]:
    return weekly_logic.driver_names(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=8, show_spinner=False)
def weekly_reason_choices(version: int):
    return weekly_logic.reason_choices(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=16, show_spinner=False)
def action_list(version: int):
    return action_logic.list_actions(connection())


def taxonomy_health(version: int, language: str | None = None) -> taxonomy_logic.TaxonomyHealth:
    """The reason tree's health checks; their wording in ``language`` (default: the active one)."""
    return _taxonomy_health(version, language or active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=8, show_spinner=False)
def _taxonomy_health(version: int, language: str) -> taxonomy_logic.TaxonomyHealth:
    with using_language(language):
        return taxonomy_logic.taxonomy_health(connection())


# --- Pilots page -----------------------------------------------------------------------------
from analytics import pilots as pilot_logic  # noqa: E402  (kept in this page's block)
from analytics.pilots import registry as pilot_registry  # noqa: E402


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=16, show_spinner=False)
def pilot_list(version: int) -> list[pilot_logic.PilotSpec]:
    return pilot_logic.list_pilots(connection())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=8, show_spinner=False)
def pilot_choices(version: int) -> tuple[list[str], list[str], list[str]]:
    """What a pilot's target can name: reason paths (every level), channels, segments."""
    conn = connection()
    return (pilot_registry.known_reasons(conn), pilot_registry.known_channels(conn),
            pilot_registry.known_segments(conn))


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def pilot_overlaps(version: int, pilot: pilot_logic.PilotSpec) -> list[pilot_logic.Overlap]:
    return pilot_logic.overlaps(connection(), pilot)


def pilot_evaluation(version: int, pilot: pilot_logic.PilotSpec,
                     language: str | None = None) -> pilot_logic.PilotEvaluation:
    """One pilot judged (2-5 s on the default demo), its verdicts and caveats in ``language``
    (default: the active one); keyed by its whole spec, so an edit is a new entry even
    before the version moves."""
    return _pilot_evaluation(version, pilot, language or active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=16, show_spinner=False)
def _pilot_evaluation(version: int, pilot: pilot_logic.PilotSpec, language: str) -> pilot_logic.PilotEvaluation:
    with using_language(language):
        return pilot_logic.evaluate_pilot(connection(), pilot)


def pilot_plan(version: int, reasons: tuple[str, ...], weeks: int, channels: tuple[str, ...], segment: str | None,
               expected_effect: float | None, language: str | None = None) -> pilot_logic.PilotPlan:
    """The planner for one target and window (3-8 s on the default demo), its advice in
    ``language`` (default: the active one)."""
    return _pilot_plan(version, reasons, weeks, channels, segment, expected_effect, language or active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=32, show_spinner=False)
def _pilot_plan(version: int, reasons: tuple[str, ...], weeks: int, channels: tuple[str, ...], segment: str | None,
                expected_effect: float | None, language: str) -> pilot_logic.PilotPlan:
    with using_language(language):
        return pilot_logic.plan_pilot(connection(), reasons, weeks=weeks, channels=channels, segment=segment,
                                      expected_effect=expected_effect)


# --- Annotations on time charts (events, public holidays, pilots) ------------------------------
from analytics import timeline as timeline_logic  # noqa: E402  (kept in this block)


def timeline(version: int, first_day: date, last_day: date) -> list[timeline_logic.TimelineItem]:
    """The events, public holidays (named in the active language) and pilots between two
    days (inclusive)."""
    return _timeline(version, first_day, last_day, active_language())


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=RESULT_MAX_ENTRIES, show_spinner=False)
def _timeline(version: int, first_day: date, last_day: date, language: str) -> list[timeline_logic.TimelineItem]:
    return timeline_logic.timeline(connection(), first_day, last_day, language=language)


# --- Live data: the inbox worker and the "data updated" line ----------------------------------
from analytics import live as live_logic  # noqa: E402  (kept in this block)


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


@st.cache_data(ttl=RESULT_TTL_SECONDS, max_entries=16, show_spinner=False)
def last_update(version: int) -> live_logic.LastUpdate:
    return live_logic.last_update(connection())
