"""The scale benchmark's page work (benchmarks/page_work.py) on the small demo store: the
app's way, plain pandas and bare SQL give the same key numbers for every page, on the
default view and a filter change, so the harness cannot rot as the queries change."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.i18n import using_language
from analytics.store import open_store
from benchmarks import page_work as pw
from benchmarks.scale import check_agreement, markdown, parse_size, size_name
from tests.support.stores import build_demo_store


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    conn = open_store(build_demo_store(tmp_path_factory.mktemp("bench") / "contacts.duckdb"), read_only=True)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def keys(demo):
    """Key numbers per way, page and view (the default view and a filter change)."""
    views = pw.views(demo, 2)
    frames = pw.Frames.load(demo)
    found = {way: {} for way in pw.WAYS}
    with using_language("en"):
        for page in pw.PAGES:
            for view in views:
                assert pw.applies(page, view), f"the demo store has no {page} view"
                for way in pw.WAYS:
                    target = frames if way == "pandas" else demo
                    found[way].setdefault(page, {})[view.variant] = pw.page_work(way, page)(target, view)
    return found


def test_views_are_the_default_and_filter_changes(demo):
    views = pw.views(demo, 4)
    assert views[0].contact_filter.days == 28 and views[0].contact_filter.filter_parts() == []
    assert all(v.contact_filter.filter_parts() for v in views[1:])  # a reason, group or channel each
    assert len({v.contact_filter for v in views}) == 4
    assert views == pw.views(demo, 4)  # the same in every process


@pytest.mark.parametrize("page", pw.PAGES)
def test_three_ways_agree(keys, page):
    for variant, numbers in keys["app"][page].items():
        assert numbers, f"{page} returned no key numbers"
        for other in ("pandas", "sql"):
            pw.compare_keys(numbers, keys[other][page][variant], f"{page} view {variant}: app vs {other}")


def test_key_numbers_match_a_direct_count(demo, keys):
    f = pw.views(demo, 1)[0].contact_filter
    contacts = demo.execute("select count(*) from contacts where started_at >= $s and started_at < $e",
                            {"s": f.params()["start"], "e": f.params()["end_exclusive"]}).fetchall()[0][0]
    assert keys["app"]["overview"][0]["contacts"] == contacts > 0
    assert keys["app"]["overview"][0]["daily"].sum() == contacts
    assert keys["app"]["reasons"][0]["l1_contacts"].sum() == contacts


def test_a_difference_is_caught(keys):
    numbers = keys["app"]["overview"][0]
    changed = {**numbers, "daily": numbers["daily"].add(pd.Series(1, index=numbers["daily"].index[:1]), fill_value=0)}
    with pytest.raises(pw.Disagreement, match="overview daily"):
        pw.compare_keys(numbers, changed, "overview")
    nudged = {**numbers, "handle_seconds_avg": numbers["handle_seconds_avg"] * (1 + 1e-6)}
    with pytest.raises(pw.Disagreement, match="handle_seconds_avg"):
        pw.compare_keys(numbers, nudged, "overview")
    broken = {way: {"overview": {0: changed if way == "sql" else numbers}} for way in pw.WAYS}
    with pytest.raises(pw.Disagreement, match="app vs sql"):
        check_agreement(broken)


def test_sizes_and_table():
    assert parse_size("20M") == 20_000_000 and parse_size("500k") == 500_000 and size_name(5_000_000) == "5M"
    row = {"default_s": 0.2, "change_s": 0.25, "peak_mb": 400}
    results = {"machine": {"cpu": "x", "cores": 2, "ram_gb": 24, "os": "Debian", "kernel": "6", "python": "3.11",
                           "duckdb": "2.0", "pandas": "3.1", "load_average": [0.1, 0.1, 0.1]},
               "finished_at": "now", "repeat": 5,
               "sizes": {"1M": {"analytics": {"pandas_load_s": 1.0, "pandas_load_peak_mb": 500,
                                              "agreement": {"overview": {"key_numbers": ["contacts"]}},
                                              "pages": {"overview": {
                                                  "app_warm": row, "pandas_warm": {**row, "change_s": 1.0},
                                                  "sql_warm": {**row, "change_s": 0.2},
                                                  "app_cold": {"run_s": 1, "in_process_s": 2,
                                                               "with_interpreter_s": 3, "peak_mb": 300}}}}}}}
    table = markdown(results)
    assert "| 1M | Overview | 0.20 | 0.25 | 1.00 | 2.00 | 3.00 | 1.00 | 0.20 | 4.0 | 1.2 | 300 / 400 / 400 |" in table
