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

# What only a library (or a bug) says: a solver's message, an exception's name, a number
# that is not one, an unfilled value.
RAW_TEXT = re.compile(r"f\(a\) and f\(b\)|Traceback|[A-Z]\w*(Error|Exception|Warning)\b|\b(nan|NaN|inf)\b|\bNone\b"
                      r"|solver|brentq|scipy|numpy|statsmodels|\{\w+\}")
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


def _texts(at) -> list[str]:
    """Every text the page shows a user (alerts, markdown, captions, headings, metrics)."""
    shown = [str(e.value) for kind in ("error", "warning", "info", "success", "markdown", "caption", "subheader",
                                       "title", "toast") for e in getattr(at, kind)]
    shown += [f"{m.label} {m.value}" for m in at.metric]
    return shown


def _traces(at) -> list[list[str]]:
    return [[trace.get("name") for trace in json.loads(c.proto.spec)["data"]] for c in at.get("plotly_chart")]


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
        assert _any(at.warning, "there is none before this period") and not _traces(at)
    elif shape == "sparse":
        # Ten years of a few a month, then dozens a day: that history says nothing about now.
        assert _any(at.warning, "No baseline for this view: The last 28 days of the history had")
        assert _any(at.warning, "a change of more than 5 times") and not _traces(at)
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


@dataclass(frozen=True)
class View:
    name: str
    page: str
    query: dict
    check: Callable[[object, Facts], None]
    shapes: tuple[str, ...] = ODD_STORES
    plan: bool = False


VIEWS = [
    View("overview", "pages/overview.py", {}, _overview),
    View("trends-day", "pages/trends.py", {"trends_grain": "Day"}, _trends),
    View("trends-week", "pages/trends.py", {"trends_grain": "Week"}, _trends),
    View("trends-month-naive-quality", "pages/trends.py",
         {"trends_grain": "Month", "trends_naive": "true", "trends_quality": "true"}, _trends_with_quality),
    View("reasons", "pages/reasons.py", {"reasons_section": "Reasons"}, _reasons),
    View("reasons-pareto", "pages/reasons.py", {"reasons_section": "Pareto"}, _pareto),
    View("reasons-channels", "pages/reasons.py", {"reasons_section": "Channels"}, _channels),
    View("reasons-journeys", "pages/reasons.py", {"reasons_section": "Journeys"}, _journeys),
    View("ratios-over-time", "pages/ratios.py", {"ratios_view": "Over time"}, _ratio_over_time, WITH_DRIVER),
    View("ratios-breakdown", "pages/ratios.py", {"ratios_view": "Breakdown", "ratios_breakdown": "Reason level 1"},
         _ratio_breakdown, WITH_DRIVER),
    View("ratios-start-small", "pages/ratios.py", {"ratios_view": "Start small"}, _start_small),
    View("ratios-value", "pages/ratios.py", {"ratios_view": "Value"}, _value),
    View("pilots-registry", "pages/pilots.py", {"pilots_view": "Registry"}, _registry),
    View("pilots-evaluation", "pages/pilots.py", {"pilots_view": "Evaluation"}, _evaluation),
    View("pilots-planner", "pages/pilots.py", {"pilots_view": "Planner"}, _planner, plan=True),
    View("weekly", "pages/weekly.py", {}, _weekly),
    View("data-import", "pages/data.py", {"data_section": "Import"}, _import),
    View("data-history", "pages/data.py", {"data_section": "History"}, _history),
    View("data-reasons", "pages/data.py", {"data_section": "Reasons"}, _reason_tree),
    View("data-channels", "pages/data.py", {"data_section": "Channels"}, _rendered),
    View("data-drivers", "pages/data.py", {"data_section": "Drivers"}, _drivers),
    View("data-events", "pages/data.py", {"data_section": "Events"}, _rendered),
    View("data-health", "pages/data.py", {"data_section": "Health"}, _rendered),
    View("data-users", "pages/data.py", {"data_section": "Users"}, _rendered),
    View("data-audit-log", "pages/data.py", {"data_section": "Audit log"}, _rendered),
    View("data-backup", "pages/data.py", {"data_section": "Backup"}, _rendered),
]
CASES = [pytest.param(shape, view, id=f"{shape}-{view.name}") for shape in ODD_STORES for view in VIEWS
         if shape in view.shapes]


@pytest.mark.parametrize("shape, view", CASES)
def test_every_view_holds_up_on_odd_data(app_on, odd, shape, view):
    facts = odd[shape]
    at = app_on(facts.store.path, page=view.page, query=view.query)
    if view.plan:  # the planner computes only when its form is sent; its target is the store's pilot's
        target = at.multiselect(key="pilots_plan_target")
        if not target.value:
            target.select(facts.store.reason)
        next(b for b in at.button if b.label == "Plan").click().run()

    assert not at.exception  # neither the red error box nor an st.exception element
    raw = [text for text in _texts(at) if RAW_TEXT.search(text)]
    assert raw == []
    for key, value in view.query.items():  # the link opened that section or view, not a fallback
        if key.endswith(("_section", "_view")):
            assert at.segmented_control(key=key).value == value
    view.check(at, facts)
