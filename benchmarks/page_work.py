"""Each page's analytics work, three ways, for the scale benchmark (``benchmarks/scale.py``).

For every page the app's way (``app_<page>``) calls the same ``analytics`` functions the
page calls through ``ui/cache.py`` (and the frame's: data version, freshness, filter
options), for one view. The plain-pandas way (``pandas_<page>``) computes the page's key
numbers from DataFrames loaded once (:class:`Frames`), as an analyst would; the bare-SQL
way (``sql_<page>``) asks DuckDB for them with minimal hand-written SQL. Each returns the
page's key numbers as a dict of scalars and Series, which :func:`compare_keys` checks
across the ways.

Pages that fit a model (Volume trends) fit it the same way in all three: pandas and SQL
compute the daily series their own way and then call the same ``fit_baseline``.

A view (:class:`View`) is the page's default (variant 0: the app's default period, no
reason or channel) or a filter change (variant ``i`` > 0: a 28-day period ``7 * i`` days
earlier with a first-level reason, a channel group or a channel). Views are derived from
the store alone, so separate processes build the same ones.
"""

from __future__ import annotations

import resource
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Callable

import duckdb
import numpy as np
import pandas as pd

from analytics import breakdowns, journeys  # noqa: F401  (journeys: imported by the page too)
from analytics import overview as overview_logic
from analytics import ratios as ratio_logic
from analytics import taxonomy as taxonomy_logic
from analytics import timeline as timeline_logic
from analytics import trends, weekly
from analytics.baseline import BaselineConfig, fit_baseline
from analytics.filters import ContactFilter
from analytics.pilots import evaluate_pilot, list_pilots, overlaps
from analytics.pilots import registry as pilot_registry
from analytics.store import data_version

PAGES = ("overview", "trends", "reasons", "ratios", "weekly", "pilots", "data")
PAGE_TITLES = {"overview": "Overview", "trends": "Volume trends", "reasons": "Reasons & channels (Reasons)",
               "ratios": "Contact ratios (Over time)", "weekly": "Weekly report",
               "pilots": "Pilots (one pilot's evaluation)", "data": "Data (Health)"}
WAYS = ("app", "pandas", "sql")
PERIOD_DAYS = 28
WEEKLY_LEVEL = 2
RELATIVE_TOLERANCE = 1e-9


# --- Views ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class View:
    """One view of every page: the shared filter, the week the weekly report shows, the
    pilot the Pilots page evaluates and the ratio driver."""

    variant: int
    contact_filter: ContactFilter
    first_day: date
    last_day: date
    week_start: date
    pilot: object | None
    driver: str | None
    freshness: overview_logic.StoreFreshness


def views(conn: duckdb.DuckDBPyConnection, count: int) -> list[View]:
    """The default view and ``count - 1`` filter changes, the same in every process."""
    freshness = overview_logic.store_freshness(conn)
    first_day, last_day = freshness.first_contact_at.date(), freshness.last_contact_at.date()
    options = overview_logic.filter_options(conn)
    reasons = options[(options["kind"] == "reason") & options["l2"].isna()]["l1"].tolist()
    groups = options[options["kind"] == "channel_group"]["label"].tolist()
    channels = options[options["kind"] == "channel"]["label"].tolist()
    weeks = weekly.complete_weeks(first_day, last_day)
    pilots = list_pilots(conn)
    drivers = ratio_logic.driver_names(conn)
    start, end = overview_logic.default_period(freshness)
    made = [View(0, ContactFilter(start, end), first_day, last_day, weeks[0] if weeks else None,
                 pilots[0] if pilots else None, drivers[0] if drivers else None, freshness)]
    for i in range(1, count):
        end_i = last_day - timedelta(days=7 * i)
        change = ContactFilter(end_i - timedelta(days=PERIOD_DAYS - 1), end_i)
        pick = i % 3
        if pick == 1 and reasons:
            change = replace(change, reason_l1=reasons[(i // 3) % len(reasons)])
        elif pick == 2 and groups:
            change = replace(change, channel_group=groups[(i // 3) % len(groups)])
        elif channels:
            change = replace(change, channel=channels[(i // 3) % len(channels)])
        made.append(View(i, change, first_day, last_day, weeks[i % len(weeks)] if weeks else None,
                         pilots[i % len(pilots)] if pilots else None, made[0].driver, freshness))
    return made


# --- The app's way: the same analytics functions the pages call ----------------------------

def _frame(conn) -> overview_logic.StoreFreshness:
    """What the frame (``app.py``) and ``ui/page.py`` do on every page."""
    data_version(conn)
    freshness = overview_logic.store_freshness(conn)
    overview_logic.filter_options(conn)
    return freshness


def _timeline(conn, view: View) -> None:
    timeline_logic.timeline(conn, view.contact_filter.start, view.contact_filter.end, language="en")


def app_overview(conn, view: View) -> dict:
    _frame(conn)
    data = overview_logic.overview(conn, view.contact_filter)
    _timeline(conn, view)
    by_channel = data.by_channel_group.groupby("channel")["contacts"].sum()
    now = data.current
    return {"contacts": now.contacts, "customers": now.customers, "handle_seconds_avg": now.handle_seconds_avg,
            "fcr_rate": now.fcr_rate, "csat_pct": now.csat_pct,
            "previous_contacts": data.previous.contacts if data.previous else None,
            "previous_customers": data.previous.customers if data.previous else None,
            "last_year_contacts": data.last_year.contacts if data.last_year else None,
            "daily": _series(pd.to_datetime(data.daily["day"]), data.daily["contacts"]),
            "by_channel": by_channel}


def app_trends(conn, view: View) -> dict:
    freshness = _frame(conn)
    first_day = freshness.first_contact_at.date()
    f = view.contact_filter
    trend = trends.volume_trend(conn, f, "day", first_day=first_day)
    monday = trends.last_full_week(f.start, f.end)
    if monday is not None:  # the week sentence: the last whole week against the history up to the week before
        trends.week_sentence(trends.week_summary(conn, f, monday, first_day=first_day))
    _timeline(conn, view)
    return {"actual": trend.periods["actual"].astype("int64"), "expected": trend.periods["expected"]}


def app_reasons(conn, view: View) -> dict:
    freshness = _frame(conn)
    f = view.contact_filter
    compare_previous, compare_last_year = breakdowns.comparable_periods(freshness, f)
    tree = breakdowns.reason_tree(conn, f, compare_previous=compare_previous, compare_last_year=compare_last_year)
    level = breakdowns.reason_levels_to_show(f)[0]
    breakdowns.reasons_at_level(tree, level)
    one = tree[tree["level"] == 1].set_index("reason_l1")
    two = tree[tree["level"] == 2]
    keys = {"l1_contacts": one["contacts"].astype("int64"), "l1_handle_seconds_avg": one["handle_seconds_avg"],
            "l2_contacts": _series(two["reason_l1"] + "|" + two["reason_l2"], two["contacts"])}
    if compare_previous:
        keys["l1_previous"] = one["previous_contacts"].astype("int64")
    if compare_last_year:
        keys["l1_last_year"] = one["last_year_contacts"].astype("int64")
    return keys


def app_ratios(conn, view: View) -> dict:
    freshness = _frame(conn)
    driver = ratio_logic.driver_names(conn)[0]
    info = ratio_logic.driver_info(conn, driver)
    ratio_logic.driver_scopes(conn, driver)
    trend = ratio_logic.ratio_trend(conn, view.contact_filter, driver, info.grains[0],
                                    first_day=freshness.first_contact_at.date())
    _timeline(conn, view)
    return {"grain": info.grains[0], "contacts": trend.periods["contacts"].astype("int64"),
            "ratio": trend.periods["ratio"]}


def app_weekly(conn, view: View) -> dict:
    freshness = _frame(conn)
    first_day = freshness.first_contact_at.date()
    drivers = weekly.driver_names(conn)
    monday = view.week_start
    f = view.contact_filter.with_period(monday, monday + timedelta(days=6))
    report = weekly.weekly_report(conn, f, monday, level=WEEKLY_LEVEL, first_day=first_day,
                                  driver=drivers[0] if drivers else None)
    from analytics import actions
    actions.list_actions(conn)
    weekly.reason_choices(conn)
    rows = report.rows
    key = rows["reason_l1"] + "|" + rows["reason_l2"]
    return {"contacts": _series(key, rows["contacts"]), "last_week": _series(key, rows["last_week"])}


def app_pilots(conn, view: View) -> dict:
    _frame(conn)
    pilots = list_pilots(conn)
    pilot_registry.known_reasons(conn), pilot_registry.known_channels(conn), pilot_registry.known_segments(conn)
    pilot = next(p for p in pilots if p.name == view.pilot.name)
    overlaps(conn, pilot)
    evaluation = evaluate_pilot(conn, pilot)
    timeline_logic.timeline(conn, evaluation.daily.index[0].date(), evaluation.daily.index[-1].date(), language="en")
    window = evaluation.daily.loc[pd.Timestamp(pilot.starts_on): pd.Timestamp(_window_end(view)), "target"]
    return {"target_daily": window.astype("int64").rename_axis("day")}


def app_data(conn, view: View) -> dict:
    data_version(conn)
    health = taxonomy_logic.taxonomy_health(conn)
    monthly = health.monthly
    return {"monthly_contacts": _series(pd.to_datetime(monthly["month"]), monthly["contacts"]),
            "contacts_90d": int(health.contacts_90d)}


# --- Plain pandas: DataFrames loaded once -----------------------------------------------------

CONTACT_COLUMNS = ("started_at", "channel", "reason_l1", "reason_l2", "reason_l3", "customer_id", "department",
                   "segment", "handle_seconds", "resolved", "csat", "csat_scale")


@dataclass
class Frames:
    contacts: pd.DataFrame
    channels: pd.DataFrame
    reasons: pd.DataFrame
    drivers: pd.DataFrame
    events: pd.DataFrame

    @classmethod
    def load(cls, conn: duckdb.DuckDBPyConnection) -> "Frames":
        """Every table the pages read, as DataFrames (through Arrow, the fast way out of
        DuckDB); the day of each contact is worked out once here."""
        contacts = conn.sql(f"select {', '.join(CONTACT_COLUMNS)} from contacts").to_arrow_table().to_pandas()
        contacts["day"] = contacts["started_at"].dt.normalize()
        return cls(contacts, conn.execute("select * from channels").df(), conn.execute("select * from reasons").df(),
                   conn.execute("select * from drivers").df(), conn.execute("select * from events").df())


def _in_filter(frames: Frames, f: ContactFilter) -> pd.DataFrame:
    c = frames.contacts
    start, end = pd.Timestamp(f.start), pd.Timestamp(f.end + timedelta(days=1))
    mask = (c["started_at"] >= start) & (c["started_at"] < end)
    for column in ("reason_l1", "reason_l2", "reason_l3", "channel", "department"):
        if getattr(f, column) is not None:
            mask &= c[column] == getattr(f, column)
    if f.channel_group is not None:
        mask &= c["channel"].isin(frames.channels.loc[frames.channels["channel_group"] == f.channel_group, "channel"])
    return c[mask]


def _daily_counts(rows: pd.DataFrame, start: date, end: date) -> pd.Series:
    days = pd.date_range(start, end, freq="D")
    return rows.groupby("day").size().reindex(days, fill_value=0).astype("int64")


def _events_pandas(frames: Frames, f: ContactFilter) -> pd.DataFrame:
    e = frames.events
    mask = e["kind"] != "holiday"
    for level in ("reason_l1", "reason_l2", "reason_l3"):
        value = getattr(f, level)
        if value is not None:
            blank = e[level].isna() | ((e[level] == "") if level != "reason_l1" else False)
            mask &= blank | (e[level] == value)
    if f.channel is not None:
        mask &= e["channel"].isna() | (e["channel"] == f.channel)
    if f.channel_group is not None:
        members = frames.channels.loc[frames.channels["channel_group"] == f.channel_group, "channel"]
        mask &= e["channel"].isna() | e["channel"].isin(members)
    columns = ["event_id", "name", "kind", "starts_on", "ends_on", "foreseen", "reason_l1", "reason_l2", "reason_l3",
               "channel"]
    return e.loc[mask, columns].sort_values("starts_on", kind="stable").reset_index(drop=True)


def pandas_overview(frames: Frames, view: View) -> dict:
    f = view.contact_filter
    rows = _in_filter(frames, f)
    previous = _in_filter(frames, f.previous_period()) if _covers(view, f.previous_period()) else None
    last_year = _in_filter(frames, f.same_period_last_year()) if _covers(view, f.same_period_last_year()) else None
    resolved = rows["resolved"].dropna().astype(float)
    return {"contacts": len(rows), "customers": rows["customer_id"].nunique(),
            "handle_seconds_avg": _optional(rows["handle_seconds"].mean()),
            "fcr_rate": _optional(resolved.mean()),
            "csat_pct": _optional((rows["csat"] / rows["csat_scale"].where(rows["csat_scale"] != 0)).mean()),
            "previous_contacts": None if previous is None else len(previous),
            "previous_customers": None if previous is None else previous["customer_id"].nunique(),
            "last_year_contacts": None if last_year is None else len(last_year),
            "daily": _daily_counts(rows, f.start, f.end),
            "by_channel": rows.groupby("channel").size()}


def _fitted(history: pd.Series, actual: pd.Series, events: pd.DataFrame, f: ContactFilter) -> dict:
    """The same fit the app makes, on series computed another way."""
    model = fit_baseline(history.rename("contacts").rename_axis("date"), events=events,
                         config=BaselineConfig(country="NL"))
    daily = model.predict(f.start, f.end)
    return {"actual": actual.reindex(daily.index).astype("int64"), "expected": daily["expected"]}


def pandas_trends(frames: Frames, view: View) -> dict:
    f = view.contact_filter
    fit_end = f.start - timedelta(days=1)
    rows = _in_filter(frames, f.with_period(view.first_day, f.end))
    history = _daily_counts(rows[rows["day"] <= pd.Timestamp(fit_end)], view.first_day, fit_end)
    actual = _daily_counts(rows[rows["day"] >= pd.Timestamp(f.start)], f.start, f.end)
    return _fitted(history, actual, _events_pandas(frames, f), f)


def pandas_reasons(frames: Frames, view: View) -> dict:
    f = view.contact_filter
    rows = _in_filter(frames, f)
    two = rows.groupby(["reason_l1", "reason_l2"]).size()
    keys = {"l1_contacts": rows.groupby("reason_l1").size(),
            "l1_handle_seconds_avg": rows.groupby("reason_l1")["handle_seconds"].mean(),
            "l2_contacts": _series(two.index.get_level_values(0) + "|" + two.index.get_level_values(1), two)}
    if _covers(view, f.previous_period()):
        previous = _in_filter(frames, f.previous_period()).groupby("reason_l1").size()
        keys["l1_previous"] = previous.reindex(keys["l1_contacts"].index.union(previous.index), fill_value=0)
    if _covers(view, f.same_period_last_year()):
        last_year = _in_filter(frames, f.same_period_last_year()).groupby("reason_l1").size()
        keys["l1_last_year"] = last_year.reindex(keys["l1_contacts"].index, fill_value=0)
    return keys


def pandas_ratios(frames: Frames, view: View) -> dict:
    f = view.contact_filter
    contacts = _daily_counts(_in_filter(frames, f), f.start, f.end)
    d = frames.drivers
    values = d[(d["driver"] == view.driver) & (d["dimension"] == "")].groupby("day")["value"].sum()
    values.index = pd.to_datetime(values.index)
    driver = values.reindex(contacts.index)
    return {"grain": "day", "contacts": contacts,
            "ratio": (1000 * contacts / driver.where(driver > 0))}


def pandas_weekly(frames: Frames, view: View) -> dict:
    monday = pd.Timestamp(view.week_start)
    f = view.contact_filter.with_period(view.week_start - timedelta(days=7), view.week_start + timedelta(days=6))
    rows = _in_filter(frames, f)
    this = rows[rows["day"] >= monday].groupby(["reason_l1", "reason_l2"]).size()
    last = rows[rows["day"] < monday].groupby(["reason_l1", "reason_l2"]).size()
    both = this.index.union(last.index)
    key = both.get_level_values(0) + "|" + both.get_level_values(1)
    return {"contacts": _series(key, this.reindex(both, fill_value=0).astype(float)),
            "last_week": _series(key, last.reindex(both, fill_value=0).astype(float))}


def pandas_pilots(frames: Frames, view: View) -> dict:
    pilot = view.pilot
    start, end = pilot.starts_on, _window_end(view)
    rows = _in_filter(frames, ContactFilter(start, end))
    l2 = rows["reason_l1"] + " > " + rows["reason_l2"]
    mask = (rows["reason_l1"].isin(pilot.target_reasons) | l2.isin(pilot.target_reasons)
            | (l2 + " > " + rows["reason_l3"]).isin(pilot.target_reasons))
    if pilot.channels:
        mask &= rows["channel"].isin(pilot.channels)
    if pilot.segment:
        mask &= rows["segment"] == pilot.segment
    return {"target_daily": _daily_counts(rows[mask], start, end).rename_axis("day")}


def pandas_data(frames: Frames, view: View) -> dict:
    c = frames.contacts
    monthly = c.groupby(c["started_at"].dt.to_period("M").dt.start_time).size()
    recent = c["started_at"] > c["started_at"].max() - pd.Timedelta(days=90)
    return {"monthly_contacts": monthly, "contacts_90d": int(recent.sum())}


# --- Bare SQL: minimal hand-written queries -----------------------------------------------------

def _where(f: ContactFilter) -> tuple[str, dict]:
    """The filter as a where clause with bound values (only the filters that are set)."""
    clauses = ["started_at >= $start", "started_at < $end_exclusive"]
    params = {"start": datetime.combine(f.start, time.min),
              "end_exclusive": datetime.combine(f.end + timedelta(days=1), time.min)}
    for column in ("reason_l1", "reason_l2", "reason_l3", "channel", "department"):
        if getattr(f, column) is not None:
            clauses.append(f"{column} = ${column}")
            params[column] = getattr(f, column)
    if f.channel_group is not None:
        clauses.append("channel in (select channel from channels where channel_group = $channel_group)")
        params["channel_group"] = f.channel_group
    return " and ".join(clauses), params


def _sql(conn, query: str, params: dict | None = None) -> pd.DataFrame:
    return conn.cursor().execute(query, params or {}).df()


def _sql_daily(conn, f: ContactFilter) -> pd.Series:
    where, params = _where(f)
    frame = _sql(conn, f"select cast(started_at as date) as day, count(*) as n from contacts where {where} group by 1",
                 params)
    counts = pd.Series(frame["n"].to_numpy(), index=pd.to_datetime(frame["day"]))
    return counts.reindex(pd.date_range(f.start, f.end, freq="D"), fill_value=0).astype("int64")


def sql_overview(conn, view: View) -> dict:
    f = view.contact_filter
    where, params = _where(f)
    kpis = _sql(conn, "select count(*) as contacts, count(distinct customer_id) as customers, "
                      "avg(handle_seconds) as handle, avg(resolved::double) as fcr, "
                      f"avg(csat / nullif(csat_scale, 0)) as csat from contacts where {where}", params).iloc[0]
    by_channel = _sql(conn, f"select channel, count(*) as n from contacts where {where} group by 1", params)
    references = {}
    for name, reference in (("previous", f.previous_period()), ("last_year", f.same_period_last_year())):
        if _covers(view, reference):
            where_r, params_r = _where(reference)
            references[name] = _sql(conn, "select count(*) as contacts, count(distinct customer_id) as customers "
                                          f"from contacts where {where_r}", params_r).iloc[0]
    previous, last_year = references.get("previous"), references.get("last_year")
    return {"contacts": int(kpis["contacts"]), "customers": int(kpis["customers"]),
            "handle_seconds_avg": _optional(kpis["handle"]), "fcr_rate": _optional(kpis["fcr"]),
            "csat_pct": _optional(kpis["csat"]),
            "previous_contacts": None if previous is None else int(previous["contacts"]),
            "previous_customers": None if previous is None else int(previous["customers"]),
            "last_year_contacts": None if last_year is None else int(last_year["contacts"]),
            "daily": _sql_daily(conn, f), "by_channel": by_channel.set_index("channel")["n"]}


def sql_trends(conn, view: View) -> dict:
    f = view.contact_filter
    fit_end = f.start - timedelta(days=1)
    daily = _sql_daily(conn, f.with_period(view.first_day, f.end))
    where = ["kind <> 'holiday'"]
    params = {}
    for level in ("reason_l1", "reason_l2", "reason_l3"):
        if getattr(f, level) is not None:
            blank = f"{level} is null" + ("" if level == "reason_l1" else f" or {level} = ''")
            where.append(f"({blank} or {level} = ${level})")
            params[level] = getattr(f, level)
    if f.channel is not None:
        where.append("(channel is null or channel = $channel)")
        params["channel"] = f.channel
    if f.channel_group is not None:
        where.append("(channel is null or channel in (select channel from channels where channel_group = $group))")
        params["group"] = f.channel_group
    events = _sql(conn, "select event_id, name, kind, starts_on, ends_on, foreseen, reason_l1, reason_l2, reason_l3, "
                        f"channel from events where {' and '.join(where)} order by starts_on", params)
    return _fitted(daily[: pd.Timestamp(fit_end)], daily[pd.Timestamp(f.start):], events, f)


def sql_reasons(conn, view: View) -> dict:
    f = view.contact_filter
    where, params = _where(f)
    two = _sql(conn, f"select reason_l1, reason_l2, count(*) as n from contacts where {where} group by 1, 2", params)
    one = _sql(conn, f"select reason_l1, avg(handle_seconds) as handle from contacts where {where} group by 1", params)
    keys = {"l1_contacts": two.groupby("reason_l1")["n"].sum(),
            "l1_handle_seconds_avg": one.set_index("reason_l1")["handle"],
            "l2_contacts": _series(two["reason_l1"] + "|" + two["reason_l2"], two["n"])}
    if _covers(view, f.previous_period()):
        where_p, params_p = _where(f.previous_period())
        previous = _sql(conn, f"select reason_l1, count(*) as n from contacts where {where_p} group by 1", params_p)
        previous = previous.set_index("reason_l1")["n"]
        keys["l1_previous"] = previous.reindex(keys["l1_contacts"].index.union(previous.index), fill_value=0)
    if _covers(view, f.same_period_last_year()):
        where_y, params_y = _where(f.same_period_last_year())
        last_year = _sql(conn, f"select reason_l1, count(*) as n from contacts where {where_y} group by 1", params_y)
        keys["l1_last_year"] = last_year.set_index("reason_l1")["n"].reindex(keys["l1_contacts"].index, fill_value=0)
    return keys


def sql_ratios(conn, view: View) -> dict:
    f = view.contact_filter
    contacts = _sql_daily(conn, f)
    driver = _sql(conn, "select day, sum(value) as value from drivers where driver = $driver and dimension = '' "
                        "and day between $start and $end group by 1",
                  {"driver": view.driver, "start": f.start, "end": f.end})
    values = pd.Series(driver["value"].to_numpy(), index=pd.to_datetime(driver["day"])).reindex(contacts.index)
    return {"grain": "day", "contacts": contacts, "ratio": 1000 * contacts / values.where(values > 0)}


def sql_weekly(conn, view: View) -> dict:
    f = view.contact_filter.with_period(view.week_start - timedelta(days=7), view.week_start + timedelta(days=6))
    where, params = _where(f)
    params["monday"] = datetime.combine(view.week_start, time.min)
    frame = _sql(conn, "select reason_l1 || '|' || reason_l2 as reason, "
                       "count(*) filter (where started_at >= $monday)::double as contacts, "
                       "count(*) filter (where started_at < $monday)::double as last_week "
                       f"from contacts where {where} group by 1", params).set_index("reason")
    return {"contacts": frame["contacts"], "last_week": frame["last_week"]}


def sql_pilots(conn, view: View) -> dict:
    pilot = view.pilot
    start, end = pilot.starts_on, _window_end(view)
    where, params = _where(ContactFilter(start, end))
    params["reasons"] = list(pilot.target_reasons)
    query = (f"select cast(started_at as date) as day, count(*) as n from contacts where {where} "
             "and list_has_any($reasons, [reason_l1, reason_l1 || ' > ' || reason_l2, "
             "reason_l1 || ' > ' || reason_l2 || ' > ' || reason_l3])")
    if pilot.channels:
        query += " and list_contains($channels, channel)"
        params["channels"] = list(pilot.channels)
    if pilot.segment:
        query += " and segment = $segment"
        params["segment"] = pilot.segment
    frame = _sql(conn, query + " group by 1", params)
    counts = pd.Series(frame["n"].to_numpy(), index=pd.to_datetime(frame["day"]))
    return {"target_daily": counts.reindex(pd.date_range(start, end, freq="D"), fill_value=0).astype("int64")
            .rename_axis("day")}


def sql_data(conn, view: View) -> dict:
    monthly = _sql(conn, "select date_trunc('month', started_at) as month, count(*) as n from contacts group by 1")
    recent = _sql(conn, "select count(*) as n from contacts "
                        "where started_at > (select max(started_at) from contacts) - interval 90 day")
    return {"monthly_contacts": _series(pd.to_datetime(monthly["month"]), monthly["n"]),
            "contacts_90d": int(recent["n"].iloc[0])}


# --- Shared helpers --------------------------------------------------------------------------

def _series(index, values) -> pd.Series:
    return pd.Series(np.asarray(values), index=pd.Index(np.asarray(index)))


def _optional(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _covers(view: View, reference: ContactFilter) -> bool:
    """The app's own rule (``analytics.overview.covers``): the data starts before the period
    and has a contact in it."""
    return overview_logic.covers(view.freshness, reference.start, reference.end)


def _window_end(view: View) -> date:
    return min(view.pilot.ends_on, view.last_day)


def page_work(way: str, page: str) -> Callable:
    """The function that does ``page``'s work ``way``: ``(conn or Frames, view) -> key numbers``."""
    if way not in WAYS or page not in PAGES:
        raise ValueError(f"Unknown way {way!r} or page {page!r}.")
    return globals()[f"{way}_{page}"]


def applies(page: str, view: View) -> bool:
    """Whether the view can be shown on the page (a store without pilots, drivers or
    complete weeks has no such view)."""
    return {"pilots": view.pilot is not None, "ratios": view.driver is not None,
            "weekly": view.week_start is not None}.get(page, True)


def peak_rss_mb() -> float:
    """This process's peak resident memory (DuckDB's included) in MB: VmHWM, which starts
    afresh at exec (``ru_maxrss`` keeps the parent's high-water mark from the fork)."""
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- Agreement -----------------------------------------------------------------------------

class Disagreement(AssertionError):
    pass


def compare_keys(expected: dict, actual: dict, label: str) -> None:
    """Raise :class:`Disagreement` unless both ways give the same key numbers: counts
    equal, floats within ``RELATIVE_TOLERANCE`` (relative), missing values in the same places."""
    if set(expected) != set(actual):
        raise Disagreement(f"{label}: different key numbers {sorted(expected)} vs {sorted(actual)}")
    for name in expected:
        a, b = expected[name], actual[name]
        where = f"{label} {name}"
        if isinstance(a, pd.Series) or isinstance(b, pd.Series):
            a, b = _normalised(a), _normalised(b)
            missing = a.index.symmetric_difference(b.index)
            # A key with 0 on one side may be absent on the other (a reason without contacts).
            extra = pd.concat([a.reindex(missing).fillna(0), b.reindex(missing).fillna(0)])
            if len(missing) and (extra != 0).any():
                raise Disagreement(f"{where}: keys only on one side: {list(missing[:5])}")
            both = a.index.intersection(b.index)
            _check_values(a.reindex(both).to_numpy(), b.reindex(both).to_numpy(), where, both)
        else:
            _check_values(np.array([a], dtype=object), np.array([b], dtype=object), where, [name])


def _normalised(series: pd.Series) -> pd.Series:
    index = series.index
    if isinstance(index, pd.DatetimeIndex) or pd.api.types.is_datetime64_any_dtype(index):
        index = pd.DatetimeIndex(index).as_unit("us")
    else:
        index = pd.Index([str(v) for v in index])
    return pd.Series(series.to_numpy(), index=index).sort_index()


def _check_values(a: np.ndarray, b: np.ndarray, where: str, keys) -> None:
    for key, x, y in zip(keys, a, b):
        if isinstance(x, str) or isinstance(y, str):
            if x != y:
                raise Disagreement(f"{where}[{key}]: {x!r} != {y!r}")
            continue
        x_missing, y_missing = x is None or pd.isna(x), y is None or pd.isna(y)
        if x_missing or y_missing:
            if x_missing != y_missing:
                raise Disagreement(f"{where}[{key}]: {x!r} != {y!r}")
            continue
        x, y = float(x), float(y)
        if x != y and abs(x - y) > RELATIVE_TOLERANCE * max(abs(x), abs(y)):
            raise Disagreement(f"{where}[{key}]: {x!r} != {y!r}")
