"""The Contact ratios page in AppTest: the ratio and its band on the demo, each view, a
weekly driver offered only at its own grain, and SF311 (no driver) explaining what is
missing while still showing volume, cost and the value of contacts."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from analytics.aggregates import refresh_contact_days
from analytics.store import open_store
from tests.support.readable import shown_frame

PAGE = "pages/ratios.py"


def trace_names(at, index: int = 0) -> list[str]:
    return [trace.get("name") for trace in json.loads(at.get("plotly_chart")[index].proto.spec)["data"]]


def test_ratio_over_time_on_demo(app_on, demo_store):
    at = app_on(demo_store, page=PAGE)
    assert not at.exception
    assert at.title[0].value == "Contact ratios"
    assert at.selectbox(key="ratios_driver").value == "orders"  # the most useful driver first
    ratio = at.metric[0]
    assert ratio.label == "Contacts per 1,000 orders"
    assert 10 < float(ratio.value.replace(",", "")) < 1000
    names = trace_names(at)
    assert "95% band" in names and "Expected (season)" in names and "Contacts per 1,000 orders" in names
    assert any("stored per day" in info.value for info in at.info)


def test_week_grain_and_another_driver(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"ratios_driver": "active_customers", "ratios_grain": "Week"})
    assert not at.exception
    assert at.segmented_control(key="ratios_grain").value == "Week"
    assert at.metric[0].label == "Contacts per 1,000 active_customers"
    assert any("summed per week" in info.value for info in at.info)


def test_breakdown_by_product_uses_product_orders(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"ratios_view": "Breakdown", "ratios_breakdown": "Product"})
    assert not at.exception
    assert any("divided by its own orders" in c.value for c in at.caption)
    assert at.dataframe[0].value["ratio"].notna().sum() >= 3  # numbers, so the column sorts as numbers
    shown = shown_frame(at)
    assert (shown["ratio"] != "–").sum() >= 3 and shown["ratio"].str.fullmatch(r"–|\d+\.\d").all()  # one decimal


def test_breakdown_by_reason_says_per_total(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"ratios_view": "Breakdown", "ratios_breakdown": "Reason level 1"})
    assert not at.exception
    assert any("in total" in c.value for c in at.caption)


def test_start_small_lists_candidates(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"ratios_view": "Start small"})
    assert not at.exception
    assert "Start small: low volume, high ratio" in json.dumps(json.loads(at.get("plotly_chart")[0].proto.spec))
    candidates = [m.value for m in at.markdown if m.value.startswith("- **")]
    assert candidates, "the demo should have start-small candidates"
    table = at.dataframe[0].value
    assert table["candidate"].sum() == len(candidates)
    assert (table.loc[table["candidate"], "contacts"] >= 20).all()


def test_value_of_contacts(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"ratios_view": "Value"})
    assert not at.exception
    assert [m.label for m in at.metric] == ["valuable", "avoidable", "automatable", "no value", "not classified"]
    assert sum(int(m.value.replace(",", "")) for m in at.metric) > 0


def test_sf311_explains_the_missing_driver(app_on, sf311_store):
    at = app_on(sf311_store, page=PAGE)
    assert not at.exception
    assert "No driver in the store yet" in at.warning[0].value
    assert "import drivers" in at.code[0].value
    assert at.segmented_control(key="ratios_view").options == ["Start small", "Value"]
    table = at.dataframe[0].value
    assert table["contacts"].sum() > 0 and "ratio" not in table.columns


def test_sf311_value_view(app_on, sf311_store):
    at = app_on(sf311_store, page=PAGE, query={"ratios_view": "Value"})
    assert not at.exception
    assert at.metric[-1].label == "not classified"
    table = shown_frame(at)
    assert set(table["cost"]) == {"–"}  # no channel has a cost: a dash, not "None" or € 0
    assert table["share"].iloc[-1] == "100.0%"


@pytest.fixture(scope="module")
def weekly_store(tmp_path_factory):
    """120 days of 20 contacts a day and a weekly orders driver stored on Mondays, with
    one week missing."""
    path = tmp_path_factory.mktemp("weekly") / "contacts.duckdb"
    conn = open_store(path)
    first = date(2025, 1, 6)
    rows = [(f"c{i}-{k}", datetime.combine(first + timedelta(days=i), datetime.min.time()) + timedelta(hours=9 + k % 8),
             "Phone", "Delivery" if k % 3 else "Returns") for i in range(120) for k in range(20)]
    cur = conn.cursor()
    cur.register("rows", pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1"]))
    cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1) select * from rows")
    refresh_contact_days(cur)  # the daily aggregates, as an import keeps them
    weeks = [first + timedelta(days=7 * w) for w in range(17) if w != 15]
    cur.executemany("insert into drivers (day, driver, value) values (?, 'orders', 2000)", [(d,) for d in weeks])
    cur.close()
    conn.close()
    return path


def test_weekly_driver_only_at_its_own_grain(app_on, weekly_store):
    at = app_on(weekly_store, page=PAGE)
    assert not at.exception
    assert at.segmented_control(key="ratios_grain").options == ["Week"]
    notes = " ".join(info.value for info in at.info)
    assert "stored per week" in notes and "Weeks start on Monday" in notes
    assert "no orders value" in notes  # the missing week is a gap, said in words
    assert at.metric[0].value == "70.0"  # 140 contacts a week per 2,000 orders


def test_thin_filter_and_no_history_explain_instead_of_failing(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"filter_reason": "Other", "filter_channel": "Video"})
    assert not at.exception and not at.warning
    assert len(at.get("plotly_chart")) == 1  # one contact in four weeks: still a ratio and its chart
    assert any(c.value.startswith("Low volume (about") for c in at.caption)  # and a word on how little
    at = app_on(demo_store, page=PAGE, query={"filter_period": ["2024-04-22", "2024-05-10"]})
    assert not at.exception
    assert any(c.value.startswith("No seasonal band:") for c in at.caption)
    assert float(at.metric[0].value) > 0  # the ratio itself needs no history


def test_ratio_over_time_for_one_product(app_on, demo_store):
    whole = app_on(demo_store, page=PAGE)
    at = app_on(demo_store, page=PAGE, query={"ratios_scope": "product: Fashion"})
    assert not at.exception
    assert at.selectbox(key="ratios_scope").value == "product: Fashion"
    assert any("Only contacts about product Fashion" in info.value for info in at.info)
    fashion_contacts = int(at.metric[2].value.replace(",", ""))
    assert 0 < fashion_contacts < int(whole.metric[2].value.replace(",", ""))
