"""What happened when: the dated items every time chart is annotated with.

Three sources, one list of :class:`TimelineItem` sorted by date:

- **events** from the ``events`` table (campaigns, outages, other; an event of kind
  ``holiday`` is a company holiday and is shown like a public one);
- **public holidays** of the store's country from the ``holidays`` package, through the
  same calendar the seasonal baseline uses (:func:`analytics.baseline.holiday_calendar`);
- **pilots** from the ``pilots`` table: the pilot window (start to end) and its rollout.

Only items that touch the asked days are returned. Pure: no Streamlit, no chart code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import holidays
import pandas as pd

from analytics.store import holiday_country
from analytics.baseline import holiday_calendar
from analytics.queries import run_query

KINDS = ("event", "pilot", "holiday", "rollout")
HOLIDAY_LANGUAGES = {"en": "en_US", "nl": "nl"}  # our language -> the ``holidays`` package's
SPANS = ("event", "pilot")  # drawn as shaded bands; the other kinds are single days (lines)


@dataclass(frozen=True)
class TimelineItem:
    """One annotation: ``kind`` is one of :data:`KINDS`; ``starts_on`` and ``ends_on`` are
    inclusive (equal for a holiday or a rollout); ``detail`` says more in a hover (an
    event's scope, a pilot's status); ``foreseen`` is set for events only."""

    kind: str
    name: str
    starts_on: date
    ends_on: date
    detail: str = ""
    foreseen: bool | None = None

    @property
    def is_span(self) -> bool:
        return self.kind in SPANS


def _as_date(value) -> date:
    return pd.Timestamp(value).date()


def holiday_names(first_day: date, last_day: date, *, country: str = "NL",
                  language: str | None = None) -> dict[date, str]:
    """The public holidays between two days (inclusive) with their names in ``language``
    (``"en"``/``"nl"``; the package's own language when None or not offered): the dates
    from the baseline's calendar, so the chart marks the days the model treats as holidays."""
    days = holiday_calendar(first_day, last_day, country=country)
    names = dict(zip(days["date"].dt.date, days["name"]))
    wanted = HOLIDAY_LANGUAGES.get(language or "")
    if wanted and names:
        try:
            named = holidays.country_holidays(country, years=range(first_day.year, last_day.year + 1),
                                              language=wanted)
        except NotImplementedError:
            return names
        if wanted in getattr(named, "supported_languages", ()):
            names = {day: named.get(day, name) for day, name in names.items()}
    return names


def timeline(conn: duckdb.DuckDBPyConnection, first_day: date, last_day: date, *,
             country: str | None = None, language: str | None = None) -> list[TimelineItem]:
    """The events, public holidays (named in ``language``, see :func:`holiday_names`) and
    pilots between ``first_day`` and ``last_day`` (inclusive), sorted by start date, then
    kind and name.

    Raises
    ------
    ValueError
        If ``last_day`` is before ``first_day`` or ``country`` is unknown to the
        ``holidays`` package.
    """
    first, last = _as_date(first_day), _as_date(last_day)
    if last < first:
        raise ValueError("The timeline ends before it starts.")
    params = {"first_day": first, "last_day": last}
    items: list[TimelineItem] = []
    events = run_query(conn, "timeline_events", params)
    company_holidays = set()
    for row in events.itertuples():
        scope = " · ".join(str(s) for s in (row.reason_path, row.channel) if isinstance(s, str) and s)
        if row.kind == "holiday":
            for day in pd.date_range(row.starts_on, row.ends_on, freq="D"):
                if first <= day.date() <= last:
                    company_holidays.add(day.date())
                    items.append(TimelineItem("holiday", str(row.name), day.date(), day.date(), scope))
            continue
        items.append(TimelineItem("event", str(row.name), _as_date(row.starts_on), _as_date(row.ends_on),
                                  scope, bool(row.foreseen)))
    for day, name in holiday_names(first, last, country=country or holiday_country(conn), language=language).items():
        if day not in company_holidays:
            items.append(TimelineItem("holiday", str(name), day, day))
    pilots = run_query(conn, "timeline_pilots", params)
    for row in pilots.itertuples():
        starts_on, ends_on = _as_date(row.starts_on), _as_date(row.ends_on)
        if ends_on >= first and starts_on <= last:
            items.append(TimelineItem("pilot", str(row.name), starts_on, ends_on, str(row.status)))
        if row.rollout_on is not None and not pd.isna(row.rollout_on) and first <= _as_date(row.rollout_on) <= last:
            items.append(TimelineItem("rollout", str(row.name), _as_date(row.rollout_on), _as_date(row.rollout_on),
                                      str(row.status)))
    return sorted(items, key=lambda i: (i.starts_on, KINDS.index(i.kind), i.name))


def items_between(items: list[TimelineItem] | tuple[TimelineItem, ...], first_day: date,
                  last_day: date) -> list[TimelineItem]:
    """The items that touch ``first_day`` … ``last_day`` (inclusive)."""
    first, last = _as_date(first_day), _as_date(last_day)
    return [i for i in items if i.ends_on >= first and i.starts_on <= last]


def without_pilot(items, name: str) -> list[TimelineItem]:
    """The items except one pilot's own window and rollout (a chart about that pilot
    draws them itself)."""
    return [i for i in items if not (i.kind in ("pilot", "rollout") and i.name == name)]
