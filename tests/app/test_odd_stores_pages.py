"""Every page, in every section and view a link selects, on the stores an import can produce
that the demo never does (``tests/support/odd_stores.py``): one day; one reason and one
channel; ten thin years before six dense weeks (a regulator's export); 3,000 reasons;
dates without times; only the required fields.

Each view runs without an exception (no red box, no ``st.exception``), shows no library's
own words (a root finder's "f(a) and f(b) must have different signs", a traceback, "nan"),
and shows the one thing that data calls for: the number of contacts, the chart with its
expected line, or the reason there is none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pytest

from tests.support.odd_stores import LAST_DAY, ODD_STORES, OddStore, build_odd_store
from tests.support.page_views import PAGE_VIEWS, assert_clean, open_view

PERIOD_START = LAST_DAY - timedelta(days=27)  # the default period: the last 28 days
WEEK_START = date(2026, 6, 22)                 # the last whole ISO week before LAST_DAY (2026-W26)
WITH_DRIVER = ("one_day", "one_reason")
WITHOUT_CUSTOMERS = ("sparse", "many_reasons", "bare")
SHORT_HISTORY = ("one_reason", "many_reasons", "midnight", "bare")  # under a year: the planner cannot tell


@dataclass(frozen=True)
class Facts:
    """What the store holds, counted straight from it: the numbers a page must show."""

    store: OddStore
    period_contacts: int
    period_orders: float | None
    week_contacts: int
    period_reasons_l1: int
    reasons_l1: int


def _facts(store: OddStore) -> Facts:
    conn = duckdb.connect(str(store.path), read_only=True)
    try:
        def one(sql: str, params: dict) -> float:
            return conn.execute(sql, params).fetchall()[0][0]

        period = {"first": PERIOD_START, "last": LAST_DAY}
        return Facts(
            store=store,
            period_contacts=int(one("select count(*) from contacts where cast(started_at as date) between $first "
                                    "and $last", period)),
            period_orders=one("select sum(value) from drivers where driver = 'orders' and day between $first "
                              "and $last", period),
            week_contacts=int(one("select count(*) from contacts where cast(started_at as date) between $first "
                                  "and $last", {"first": WEEK_START, "last": WEEK_START + timedelta(days=6)})),
            period_reasons_l1=int(one("select count(distinct reason_l1) from contacts where cast(started_at as date) "
                                      "between $first and $last", period)),
            reasons_l1=int(one("select count(distinct reason_l1) from contacts", {})),
        )
    finally:
        conn.close()


@pytest.fixture(scope="module")
def odd(tmp_path_factory) -> dict[str, Facts]:
    folder = tmp_path_factory.mktemp("odd-stores-pages")
    return {shape: _facts(build_odd_store(shape, folder)) for shape in ODD_STORES}


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _has_metric(at, label: str) -> bool:
    return any(m.label == label for m in at.metric)


def _traces(at) -> list[list[str]]:
    return [[trace.get("name") for trace in json.loads(c.proto.spec)["data"]] for c in at.get("plotly_chart")]


def _actual_only(at) -> bool:
    """One chart, of what happened, with no expected line: the baseline declined."""
    traces = _traces(at)
    return len(traces) == 1 and "Expected" not in traces[0] and len(traces[0]) >= 1


def _any(elements, fragment: str) -> bool:
    return any(fragment in str(e.value) for e in elements)


# --- what each view must show on each shape --------------------------------------------

def _overview(at, facts: Facts) -> None:
    assert _number(_metric(at, "Contacts")) == facts.period_contacts
    if facts.store.name in WITHOUT_CUSTOMERS:
        assert _metric(at, "Customers who made contact") == "–"


def _trends(at, facts: Facts) -> None:
    shape = facts.store.name
    if shape == "one_day":
        assert _any(at.warning, "there is none before this period") and _actual_only(at)
    elif shape == "sparse":
        # Ten years of a few a month, then dozens a day: that history says nothing about now.
        assert _any(at.warning, "No baseline for this view: The last 28 days of the history had")
        assert _any(at.warning, "a change of more than 5 times") and _actual_only(at)
    else:
        assert any("Expected" in names and "95% band" in names for names in _traces(at))
        assert _any(at.markdown, f"**Week 26: {facts.week_contacts:,} contacts")


def _trends_with_quality(at, facts: Facts) -> None:
    _trends(at, facts)
    if facts.store.name not in ("one_day", "sparse"):
        assert re.fullmatch(r"\d+\.\d%", _metric(at, "Error of the baseline (MAPE)"))


def _reasons(at, facts: Facts) -> None:
    table = at.dataframe[0].value  # also the reasons that had contacts only in the previous period
    assert (table["contacts"] > 0).sum() == facts.period_reasons_l1
    assert table["contacts"].sum() == facts.period_contacts
    assert _any(at.caption, f"Share of the {facts.period_contacts:,} filtered contacts")


def _pareto(at, facts: Facts) -> None:
    assert re.search(rf"\*\*\d+ of {facts.period_reasons_l1} reasons\*\* at level 1", at.markdown[0].value)


def _channels(at, facts: Facts) -> None:
    no_times = _any(at.info, "dates but no times of day")
    assert no_times == (facts.store.name == "midnight")


def _journeys(at, facts: Facts) -> None:
    if facts.store.name in WITHOUT_CUSTOMERS:
        assert _any(at.info, "need a customer id on each contact")
    else:
        assert _has_metric(at, "Contact again within 7 days")


def _texts(at, facts: Facts) -> None:
    assert _any(at.info, "This store holds no texts")  # one line, no empty search
    assert not at.text_input


def _ratio_over_time(at, facts: Facts) -> None:
    ratio = 1000 * facts.period_contacts / facts.period_orders
    assert _metric(at, "Contacts per 1,000 orders") == f"{ratio:.1f}"


def _ratio_breakdown(at, facts: Facts) -> None:
    assert int(at.dataframe[0].value["contacts"].sum()) == facts.period_contacts


def _start_small(at, facts: Facts) -> None:
    if facts.store.name not in WITH_DRIVER:
        assert _any(at.warning, "No driver in the store yet")
    assert int(at.dataframe[0].value["contacts"].sum()) == facts.period_contacts


def _value(at, facts: Facts) -> None:
    assert _number(_metric(at, "not classified")) == facts.period_contacts


def _registry(at, facts: Facts) -> None:
    pilot = facts.store.pilot
    if pilot is None:
        assert _any(at.info, "No pilots registered yet")
    else:
        assert pilot.name in at.dataframe[0].value.iloc[:, 0].tolist()


def _evaluation(at, facts: Facts) -> None:
    shape = facts.store.name
    if shape == "one_day":
        assert _any(at.info, "No pilots registered yet")
    elif shape == "sparse":
        assert _any(at.info, "This pilot cannot be evaluated yet: neither the seasonal baseline nor a control group")
        assert _any(at.info, "a change of more than 5 times")
    else:
        assert re.fullmatch(r"[+−]\d+%", _metric(at, "Effect on contacts"))


def _planner(at, facts: Facts) -> None:
    mde = _metric(at, "Smallest effect a 4-week pilot shows")
    if facts.store.name in ("one_day", *SHORT_HISTORY):
        assert mde == "–" and _metric(at, "Weeks needed for it") == "–"
        assert _any(at.info, "There is too little history to say how large an effect a 4-week pilot could show")
    else:
        assert re.fullmatch(r"\d+%", mde)


def _weekly(at, facts: Facts) -> None:
    shape = facts.store.name
    if shape == "one_day":
        assert _any(at.info, "There is no whole week with 8 weeks of data before it yet")
        return
    assert _number(_metric(at, "Contacts")) == facts.week_contacts
    if shape == "sparse":
        assert not _has_metric(at, "Expected")
        assert _any(at.caption, "No baseline for these contacts: The last 28 days of the history had")
    else:
        assert _has_metric(at, "Expected")


def _import(at, facts: Facts) -> None:
    assert at.get("file_uploader")


def _history(at, facts: Facts) -> None:
    assert f"{facts.store.name}.csv" in at.dataframe[0].value.to_string()


def _reason_tree(at, facts: Facts) -> None:
    tree = at.dataframe[0].value  # the editable reason tree: every path ever imported
    assert tree["reason_l1"].nunique() == facts.reasons_l1


def _drivers(at, facts: Facts) -> None:
    if facts.store.name in WITH_DRIVER:
        assert any("orders" in names for names in _traces(at))
    else:
        assert _any(at.info, "No drivers yet")


def _rendered(at, facts: Facts) -> None:
    """Sections whose content does not depend on the contacts' shape: that they run on it
    (the section itself, not a fallback) is the point."""
    assert at.title[0].value == "Data"


CHECKS: dict[str, Callable[[object, Facts], None]] = {
    "overview": _overview, "trends-day": _trends, "trends-week": _trends,
    "trends-month-naive-quality": _trends_with_quality, "reasons": _reasons, "reasons-pareto": _pareto,
    "reasons-channels": _channels, "reasons-journeys": _journeys, "reasons-texts": _texts, "reasons-from-texts": _texts,
    "ratios-over-time": _ratio_over_time,
    "ratios-breakdown": _ratio_breakdown, "ratios-start-small": _start_small, "ratios-value": _value,
    "pilots-registry": _registry, "pilots-evaluation": _evaluation, "pilots-planner": _planner, "weekly": _weekly,
    "data-import": _import, "data-history": _history, "data-reasons": _reason_tree, "data-drivers": _drivers,
}
NEEDS_A_DRIVER = ("ratios-over-time", "ratios-breakdown")
CASES = [pytest.param(shape, view, id=f"{shape}-{view.name}") for shape in ODD_STORES for view in PAGE_VIEWS
         if view.name not in NEEDS_A_DRIVER or shape in WITH_DRIVER]


@pytest.mark.parametrize("shape, view", CASES)
def test_every_view_holds_up_on_odd_data(app_on, odd, shape, view):
    facts = odd[shape]
    at = open_view(app_on, facts.store.path, view, plan_reason=facts.store.reason)
    assert_clean(at, view)
    CHECKS.get(view.name, _rendered)(at, facts)
