"""Every page, in every section and view a link selects, on stores built from real exports
as a person would import them (``tests/test_real_exports.py``): San Francisco 311 (ten thin
years), New York 311 (one day), Boston 311 (five months), a bank's call log (six days, with
customers and handle times) and customers' tweets (years of a few, then a dense month).

Each view runs without an exception, shows no library's own words, and shows what that data
calls for: the number of contacts, the chart with its expected line where there is history
enough, or the reason there is none."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pytest

from tests.support.page_views import PAGE_VIEWS, assert_clean, open_view
from tests.test_real_exports import real_export_store

STORES = ("sf311", "nyc311", "boston311", "anonbank", "twitter")
NO_HISTORY = ("nyc311", "anonbank")        # under 8 weeks before the period: no baseline, said so
UNEVEN = ("twitter",)                       # years of a few, then dozens a day: declined, said so
WITH_CUSTOMERS = ("anonbank", "twitter")
WITH_TEXTS = ("nyc311", "boston311", "twitter")  # the import suggests a column of text
WITHOUT_REASON_CODES = ("twitter",)
NEEDS_A_DRIVER = ("ratios-over-time", "ratios-breakdown")


@dataclass(frozen=True)
class Facts:
    name: str
    period_contacts: int
    biggest_reason: str


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, tuple[object, Facts]]:
    folder = tmp_path_factory.mktemp("real-export-stores")
    built = {}
    for name in STORES:
        path = real_export_store(name, folder)
        conn = duckdb.connect(str(path), read_only=True)
        last: date = conn.execute("select max(started_at)::date from contacts").fetchall()[0][0]
        first = last - timedelta(days=27)  # the sidebar's default period: the last 28 days of data
        period = conn.execute("select count(*) from contacts where started_at::date between $f and $l",
                              {"f": first, "l": last}).fetchall()[0][0]
        biggest = conn.execute("select reason_l1 from contacts group by 1 order by count(*) desc limit 1").fetchall()[0][0]
        conn.close()
        built[name] = (path, Facts(name, int(period), biggest))
    return built


def _metric(at, label: str) -> str | None:
    return next((m.value for m in at.metric if m.label == label), None)


def _any(elements, fragment: str) -> bool:
    return any(fragment in str(e.value) for e in elements)


def _has_expected_line(at) -> bool:
    return any("Expected" in [trace.get("name") for trace in json.loads(c.proto.spec)["data"]]
               for c in at.get("plotly_chart"))


def _actual_only(at) -> bool:
    """The actual counts drawn, without an expected line: the baseline declined, the data is shown."""
    return len(at.get("plotly_chart")) == 1 and not _has_expected_line(at)


def _check(view: str, at, facts: Facts) -> None:
    name = facts.name
    if view == "overview":
        assert float(_metric(at, "Contacts").replace(",", "")) == facts.period_contacts
        assert (_metric(at, "Customers who made contact") != "–") == (name in WITH_CUSTOMERS)
        if name in UNEVEN:  # the tweets' store "starts" in 2011, but holds nothing a year before the period
            assert _metric(at, "vs same period last year") == "–"
    elif view.startswith("trends"):
        if name in NO_HISTORY:
            assert _any(at.warning, "there is none before this period") and _actual_only(at)
        elif name in UNEVEN:
            assert _any(at.warning, "too thin or too uneven for the seasonal model") and _actual_only(at)
        else:
            assert _has_expected_line(at)
    elif view == "weekly":
        if name in NO_HISTORY:
            assert _any(at.info, "There is no whole week with 8 weeks of data before it yet")
        else:
            assert (_metric(at, "Expected") is not None) == (name not in UNEVEN)
    elif view == "reasons":
        assert int(at.dataframe[0].value["contacts"].sum()) == facts.period_contacts
    elif view == "reasons-journeys":
        if name in WITH_CUSTOMERS:
            assert _metric(at, "Contact again within 7 days") is not None
        else:
            assert _any(at.info, "need a customer id on each contact")
    elif view == "reasons-from-texts":
        markdown = [m.value for m in at.markdown]
        if name in WITHOUT_REASON_CODES:  # tweets: a proposed tree, nothing to measure
            assert "#### A reason tree proposed from the texts" in markdown and not at.metric
        elif name in WITH_TEXTS:  # a text column suggested on import, reasons to learn, no "Other"
            assert _metric(at, "Right first time") is not None
            assert "No contact with a text is filed under “Other” or without a reason." in markdown
        else:
            assert _any(at.info, "This store holds no texts")
    elif view == "ratios-start-small":
        assert _any(at.warning, "No driver in the store yet")
    elif view == "data-history":
        assert len(at.dataframe[0].value) == 1


CASES = [pytest.param(name, view, id=f"{name}-{view.name}") for name in STORES for view in PAGE_VIEWS
         if view.name not in NEEDS_A_DRIVER]


@pytest.mark.parametrize("name, view", CASES)
def test_every_view_holds_up_on_a_real_export(app_on, stores, name, view):
    path, facts = stores[name]
    at = open_view(app_on, path, view, plan_reason=facts.biggest_reason)
    assert_clean(at, view)
    _check(view.name, at, facts)
