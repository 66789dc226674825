"""The Reasons & channels page in AppTest: every section on the demo store, the filter as
the tree's root, the repeat rate against an independent count, and SF311 (no customer
ids, no handle time, no satisfaction) explained instead of failing."""

from __future__ import annotations

import duckdb
import pytest

PAGE = "pages/reasons.py"
LAST_28_DAYS = ("started_at >= (select cast(max(started_at) as date) from contacts) - interval 27 day")


def _sql(store, query: str):
    conn = duckdb.connect(str(store))  # same configuration as the app's connection
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_reason_tree_on_demo(app_on, demo_store):
    at = app_on(demo_store, page=PAGE)
    assert not at.exception
    assert at.title[0].value == "Reasons & channels"
    assert len(at.get("plotly_chart")) == 1
    table = at.dataframe[0].value
    expected = dict(_sql(demo_store, f"select reason_l1, count(*) from contacts where {LAST_28_DAYS} group by 1"))
    assert dict(zip(table["path"], table["contacts"])) == expected
    assert table["share"].sum() == pytest.approx(1.0)
    assert (table["change_pct"] != "–").all()  # the demo covers the previous period
    assert (table["last_year_contacts"] != "–").all()


def test_the_filter_is_the_root(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"filter_reason": "Delivery"})
    assert not at.exception
    table = at.dataframe[0].value
    assert all(path.startswith("Delivery > ") for path in table["path"])
    assert any("level 2" in s.value for s in at.subheader)


@pytest.mark.parametrize("section, charts", [("Pareto", 2), ("Channels", 3)])
def test_other_sections_on_demo(app_on, demo_store, section, charts):
    at = app_on(demo_store, page=PAGE, query={"reasons_section": section, "reasons_level": "2"})
    assert not at.exception
    assert len(at.get("plotly_chart")) >= charts
    if section == "Pareto":
        assert any("reasons** at level 2 make 80%" in m.value for m in at.markdown)


def test_repeat_rate_matches_an_independent_count(app_on, demo_store):
    """The page's repeat rate against a plain self-join over the same definition."""
    at = app_on(demo_store, page=PAGE, query={"reasons_section": "Journeys", "reasons_window": "3"})
    assert not at.exception
    shown = next(m for m in at.metric if m.label == "Contact again within 3 days").value
    observed, repeated = _sql(demo_store, f"""
        with last as (select max(started_at) as t from contacts),
        viewed as (select * from contacts where {LAST_28_DAYS}
                   and started_at + interval 3 day <= (select t from last) and customer_id is not null)
        select count(*), count_if(exists (
            select 1 from contacts n where n.customer_id = v.customer_id
              and n.started_at > v.started_at and n.started_at <= v.started_at + interval 3 day))
        from viewed v""")[0]
    assert observed > 0
    assert shown == f"{repeated / observed * 100:.1f}%"


def test_sf311_explains_what_is_missing(app_on, sf311_store):
    at = app_on(sf311_store, page=PAGE)
    assert not at.exception
    assert any("Not recorded in this data: handle time, first-contact resolution, satisfaction" in c.value
               for c in at.caption)
    at = app_on(sf311_store, page=PAGE, query={"reasons_section": "Journeys"})
    assert not at.exception
    assert any("customer_id" in i.value for i in at.info)
    assert not at.metric
    at = app_on(sf311_store, page=PAGE, query={"reasons_section": "Channels"})
    assert not at.exception
    assert len(at.get("plotly_chart")) == 3
