"""Reason tree, Pareto, top movers, channel mix and hour x weekday on hand-made contacts
with known counts: shares add up per level, comparisons only against covered periods
(never a fake 0 or an infinite change), the 80% count, the noise rule for movers, and
dates without times."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from analytics.aggregates import refresh_contact_days
from analytics.breakdowns import (channel_mix, comparable_periods, hour_weekday, pareto, reason_by_channel,
                                  reason_levels_to_show, reason_tree, reasons_at_level, reasons_for_share,
                                  top_movers, unrecorded_measures)
from analytics.filters import ContactFilter
from analytics.overview import store_freshness
from analytics.store import open_store

FIRST = date(2025, 1, 1)
MARCH = ContactFilter(date(2025, 3, 1), date(2025, 3, 28))  # previous period: 1–28 February


def _insert(store, rows: list[tuple]) -> None:
    frame = pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1", "reason_l2", "reason_l3",
                                        "handle_seconds", "resolved"])
    cur = store.cursor()
    cur.register("rows", frame)
    cur.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3, "
                "handle_seconds, resolved) select * from rows")
    refresh_contact_days(cur)  # the daily aggregates, as an import keeps them
    cur.execute("insert or ignore into channels values ('Phone', 'voice', 6), ('Chat', 'chat', 3), ('Mail', 'written', 4)")


@pytest.fixture
def conn(tmp_path):
    """From 1 January to 30 April 2025, every day at 9:00+k hours: 5 x Delivery > Late >
    Carrier (Phone), 3 x Delivery > (no sub-reason) (Chat), 2 x Payment > Refund > ''
    (Mail). In March one extra Payment > Refund a day (the mover)."""
    store = open_store(tmp_path / "b.duckdb")
    rows = []
    for i in range(120):
        day = datetime.combine(FIRST + timedelta(days=i), datetime.min.time()) + timedelta(hours=9)
        kinds = ([("Phone", "Delivery", "Late", "Carrier", 300.0, True)] * 5
                 + [("Chat", "Delivery", "", "", 200.0, False)] * 3
                 + [("Mail", "Payment", "Refund", "", None, None)] * 2)
        if day.month == 3:
            kinds.append(("Mail", "Payment", "Refund", "", None, None))
        for k, kind in enumerate(kinds):
            rows.append((f"{i}-{k}", day + timedelta(hours=k % 10, minutes=k), *kind))
    _insert(store, rows)
    yield store
    store.close()


def test_the_tree_counts_shares_and_changes(conn):
    tree = reason_tree(conn, MARCH, compare_previous=True, compare_last_year=False)
    nodes = tree.set_index(["level", "path"])
    assert nodes.loc[(1, "Delivery"), "contacts"] == 8 * 28
    assert nodes.loc[(1, "Payment"), "contacts"] == 3 * 28
    assert nodes.loc[(2, "Delivery > –"), "contacts"] == 3 * 28  # no second level recorded
    assert not nodes.loc[(2, "Delivery > –"), "is_recorded"]
    assert nodes.loc[(3, "Payment > Refund > –"), "contacts"] == 3 * 28
    assert nodes.loc[(3, "Delivery > Late > Carrier"), "parent"] == "Delivery > Late"
    for level in (1, 2, 3):
        assert tree.loc[tree["level"] == level, "share"].sum() == pytest.approx(1.0)
    # February has 28 days too: Payment went from 2 to 3 a day, Delivery stayed
    assert nodes.loc[(1, "Payment"), "previous_contacts"] == 2 * 28
    assert nodes.loc[(1, "Payment"), "change_pct"] == pytest.approx(0.5)
    assert nodes.loc[(1, "Delivery"), "change_pct"] == 0
    assert tree["last_year_contacts"].isna().all() and tree["change_last_year_pct"].isna().all()
    assert nodes.loc[(1, "Delivery"), "handle_seconds_avg"] == pytest.approx((5 * 300 + 3 * 200) / 8)
    assert nodes.loc[(1, "Delivery"), "fcr_rate"] == pytest.approx(5 / 8)
    assert pd.isna(nodes.loc[(1, "Payment"), "fcr_rate"])  # recorded by no Payment contact
    assert unrecorded_measures(tree) == ["csat_pct"]


def test_comparisons_only_against_periods_the_store_covers(conn):
    early = ContactFilter(date(2025, 1, 10), date(2025, 1, 20))
    assert comparable_periods(store_freshness(conn), early) == (False, False)
    assert comparable_periods(store_freshness(conn), MARCH) == (True, False)


def test_a_reason_new_in_the_period_has_no_relative_change(conn):
    _insert(conn, [("new", datetime(2025, 3, 5, 10), "Phone", "Returns", "Label", "", 100.0, True)])
    tree = reason_tree(conn, MARCH, compare_previous=True, compare_last_year=False).set_index(["level", "path"])
    assert tree.loc[(1, "Returns"), "previous_contacts"] == 0
    assert pd.isna(tree.loc[(1, "Returns"), "change_pct"])  # not +inf, not 0


def test_a_reason_that_disappeared_is_kept_with_zero_contacts(conn):
    _insert(conn, [(f"gone{i}", datetime(2025, 2, 10, 10, i), "Phone", "Returns", "Label", "", 100.0, True)
                   for i in range(40)])
    tree = reason_tree(conn, MARCH, compare_previous=True, compare_last_year=False)
    nodes = tree.set_index(["level", "path"])
    assert nodes.loc[(1, "Returns"), "contacts"] == 0
    assert nodes.loc[(1, "Returns"), "previous_contacts"] == 40
    assert nodes.loc[(1, "Returns"), "change_pct"] == -1.0
    assert tree.loc[tree["level"] == 1, "share"].sum() == pytest.approx(1.0)
    up, down = top_movers(reasons_at_level(tree, 1))
    assert down["path"].tolist() == ["Returns"]


def test_the_filter_sets_the_root(conn):
    delivery = ContactFilter(MARCH.start, MARCH.end, reason_l1="Delivery")
    tree = reason_tree(conn, delivery, compare_previous=False, compare_last_year=False)
    assert set(tree.loc[tree["level"] == 1, "path"]) == {"Delivery"}
    assert reason_levels_to_show(delivery) == [2, 3]
    level2 = reasons_at_level(tree, 2)
    assert level2["path"].tolist() == ["Delivery > Late", "Delivery > –"]
    assert level2["share"].tolist() == pytest.approx([5 / 8, 3 / 8])
    assert level2["previous_contacts"].isna().all()


def test_pareto_counts_the_reasons_that_make_80_percent():
    reasons = pd.DataFrame({"path": list("ABCDE"), "contacts": [50, 20, 15, 10, 5]})
    reasons["share"] = reasons["contacts"] / 100
    table = pareto(reasons.iloc[::-1])
    assert table["path"].tolist() == list("ABCDE")
    assert table["cumulative_share"].tolist() == pytest.approx([0.5, 0.7, 0.85, 0.95, 1.0])
    assert reasons_for_share(table) == 3
    assert reasons_for_share(table, 0.5) == 1  # exactly at the mark counts
    assert reasons_for_share(table.head(2)) is None


def test_top_movers_ignore_small_and_noisy_changes():
    reasons = pd.DataFrame({
        "path": ["big rise", "noise", "small", "fall", "new"],
        "contacts": [1300, 1040, 15, 700, 60],
        "previous_contacts": [1000, 1000, 2, 900, 0],
    })
    reasons["change_pct"] = (reasons["contacts"] - reasons["previous_contacts"]) / reasons["previous_contacts"]
    up, down = top_movers(reasons)
    # noise: |40| <= 2 * sqrt(2040) = 90; small: under 20 contacts in both periods
    assert up["path"].tolist() == ["big rise", "new"]
    assert up["change"].tolist() == [300, 60]
    assert down["path"].tolist() == ["fall"]
    no_comparison = reasons.assign(previous_contacts=pd.array([pd.NA] * 5, dtype="Int64"))
    assert all(frame.empty for frame in top_movers(no_comparison))


def test_channel_mix_shares_add_up_per_period(conn):
    mix = channel_mix(conn, MARCH, "week")
    assert mix.groupby("period")["share"].sum().tolist() == pytest.approx([1.0] * mix["period"].nunique())
    assert pd.Timestamp(mix["period"].min()) == pd.Timestamp("2025-02-24")  # the Monday of 1 March's week
    assert mix["contacts"].sum() == 11 * 28
    assert set(mix["channel_group"]) == {"voice", "chat", "written"}
    with pytest.raises(ValueError, match="grain"):
        channel_mix(conn, MARCH, "year")


def test_reason_by_channel(conn):
    cells = reason_by_channel(conn, MARCH, 2).set_index(["reason", "channel"])
    assert cells.loc[("Delivery > Late", "Phone"), "contacts"] == 5 * 28
    assert cells.loc[("Delivery > –", "Chat"), "fcr_rate"] == 0
    assert cells.groupby("reason")["share_of_reason"].sum().tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_hour_weekday_averages_per_day(conn):
    hours = hour_weekday(conn, MARCH, "Phone")
    assert hours.has_times and hours.contacts == 5 * 28
    cells = hours.cells.set_index(["weekday", "hour"])
    # Phone contacts at 9:00–13:59 every day; March 1–28 holds four of each weekday
    assert cells.loc[(1, 9), "days"] == 4
    assert cells.loc[(1, 9), "contacts_per_day"] == 1.0
    assert set(hours.cells["hour"]) == {9, 10, 11, 12, 13}


def test_dates_without_times_are_recognised(tmp_path):
    store = open_store(tmp_path / "d.duckdb")
    _insert(store, [(f"{i}", datetime(2025, 3, 1) + timedelta(days=i), "Phone", "A", "", "", None, None)
                    for i in range(10)])
    hours = hour_weekday(store, MARCH, None)
    assert hours.contacts == 10
    assert not hours.has_times


def test_channels_are_coloured_within_their_group_hue():
    from analytics.charts.colours import channel_colour
    from analytics.charts.reasons import channel_colours

    colours = channel_colours(pd.DataFrame({"channel": ["Phone", "Callback", "Chat"],
                                            "channel_group": ["voice", "voice", "chat"]}))
    assert colours["Chat"] == channel_colour("Chat", "chat")  # by its name, not by the other rows
    assert colours["Phone"] != colours["Callback"]
    blue = [int(colours[c][5:7], 16) - int(colours[c][1:3], 16) for c in ("Phone", "Callback")]
    assert all(b > 0 for b in blue)  # both still in voice's blue hue


def test_the_treemap_shows_recorded_nodes_and_colours_only_with_a_comparison(conn):
    from analytics.charts.reasons import reason_treemap

    labels = {"contacts": "Contacts", "share": "Share", "change": "Change"}
    compared = reason_treemap(reason_tree(conn, MARCH, compare_previous=True, compare_last_year=False), labels=labels)
    ids = list(compared.data[0].ids)
    assert "Delivery > Late > Carrier" in ids and not any(i.endswith("–") for i in ids)
    assert compared.data[0].marker.showscale
    plain = reason_treemap(reason_tree(conn, MARCH, compare_previous=False, compare_last_year=False), labels=labels)
    assert not plain.data[0].marker.showscale
