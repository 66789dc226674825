"""Contact ratios on hand-made data with a known truth: drivers read at their own grain,
missing or zero driver periods as gaps, contacts aligned to whole driver periods."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from analytics import ratios
from analytics.aggregates import refresh_contact_days
from analytics.filters import ContactFilter

FIRST = date(2025, 1, 6)  # a Monday


def add_contacts(conn, rows: list[dict]) -> None:
    """Insert contacts given as dicts (contact_id and the required columns are filled in)."""
    frame = pd.DataFrame(rows)
    frame.insert(0, "contact_id", [f"c{i}" for i in range(len(frame))])
    for column, default in (("channel", "Phone"), ("reason_l1", "A"), ("reason_l2", ""), ("reason_l3", "")):
        if column not in frame:
            frame[column] = default
    cur = conn.cursor()
    cur.register("rows", frame)
    columns = ", ".join(frame.columns)
    cur.execute(f"insert into contacts ({columns}) select {columns} from rows")
    refresh_contact_days(cur)  # the daily aggregates, as an import keeps them
    cur.close()


def add_driver(conn, driver: str, values: dict[date, float], dimension: str = "", dimension_value: str = "") -> None:
    cur = conn.cursor()
    cur.executemany("insert into drivers (day, driver, value, dimension, dimension_value) values (?, ?, ?, ?, ?)",
                    [(day, driver, value, dimension, dimension_value) for day, value in values.items()])
    cur.close()


def days(first: date, n: int, step: int = 1) -> list[date]:
    return [first + timedelta(days=step * i) for i in range(n)]


# --- driver_names, driver_grain, driver_total -----------------------------------------


def test_driver_names_most_recent_and_longest_first(store):
    add_driver(store, "shipments", {d: 10 for d in days(FIRST, 5)})
    add_driver(store, "orders", {d: 100 for d in days(FIRST, 20)})
    add_driver(store, "active_customers", {d: 1000 for d in days(FIRST, 20)})
    add_driver(store, "orders", {d: 50 for d in days(FIRST, 20)}, "product", "Shoes")
    assert ratios.driver_names(store) == ["orders", "active_customers", "shipments"]


def test_driver_names_empty_store(store):
    assert ratios.driver_names(store) == []


@pytest.mark.parametrize("stored, grain", [
    (days(FIRST, 10), "day"),
    ([d for d in days(FIRST, 10) if d != FIRST + timedelta(days=3)], "day"),  # a missing day stays daily
    (days(FIRST, 6, step=7), "week"),
    ([FIRST, FIRST + timedelta(days=14)], "week"),  # a missing week stays weekly
    ([date(2025, m, 1) for m in range(1, 7)], "month"),
    ([FIRST], "day"),
    ([FIRST, FIRST + timedelta(days=3)], "day"),  # irregular: never spread a value over days
])
def test_driver_grain_from_the_spacing_of_stored_days(stored, grain):
    assert ratios.driver_grain(pd.DatetimeIndex(stored)) == grain


def test_driver_total_of_a_daily_driver(store):
    add_driver(store, "orders", {d: 100 + i for i, d in enumerate(days(FIRST, 14))})
    assert ratios.driver_total(store, "orders", FIRST, FIRST + timedelta(days=6)) == sum(100 + i for i in range(7))
    # one day beyond the stored days: not covered
    assert ratios.driver_total(store, "orders", FIRST, FIRST + timedelta(days=14)) is None


def test_driver_total_with_a_missing_day_is_none(store):
    values = {d: 100 for d in days(FIRST, 14)}
    del values[FIRST + timedelta(days=3)]
    add_driver(store, "orders", values)
    assert ratios.driver_total(store, "orders", FIRST, FIRST + timedelta(days=6)) is None
    assert ratios.driver_total(store, "orders", FIRST + timedelta(days=7), FIRST + timedelta(days=13)) == 700


def test_driver_total_of_a_weekly_driver_only_for_whole_weeks(store):
    add_driver(store, "orders", {d: 700 for d in days(FIRST, 4, step=7)})
    assert ratios.driver_total(store, "orders", FIRST, FIRST + timedelta(days=13)) == 1400
    # a week cut in half is never pro-rated
    assert ratios.driver_total(store, "orders", FIRST, FIRST + timedelta(days=9)) is None
    assert ratios.driver_total(store, "orders", FIRST + timedelta(days=1), FIRST + timedelta(days=7)) is None


def test_driver_total_of_a_monthly_driver(store):
    add_driver(store, "orders", {date(2025, m, 1): 3000 for m in range(1, 4)})
    assert ratios.driver_total(store, "orders", date(2025, 2, 1), date(2025, 3, 31)) == 6000
    assert ratios.driver_total(store, "orders", date(2025, 2, 1), date(2025, 2, 7)) is None


def test_driver_total_from_a_dimension_only_driver_sums_its_values(store):
    add_driver(store, "orders", {d: 30 for d in days(FIRST, 7)}, "product", "Shoes")
    add_driver(store, "orders", {d: 70 for d in days(FIRST, 7)}, "product", "Bags")
    assert ratios.driver_total(store, "orders", FIRST, FIRST + timedelta(days=6)) == 700


def test_driver_total_prefers_whole_business_rows(store):
    add_driver(store, "orders", {d: 100 for d in days(FIRST, 7)})
    add_driver(store, "orders", {d: 30 for d in days(FIRST, 7)}, "product", "Shoes")  # a part, not more orders
    assert ratios.driver_total(store, "orders", FIRST, FIRST + timedelta(days=6)) == 700


def test_driver_total_of_an_unknown_driver_is_none(store):
    assert ratios.driver_total(store, "nothing", FIRST, FIRST) is None


def test_driver_total_refuses_a_reversed_period(store):
    with pytest.raises(ValueError, match="ends before it starts"):
        ratios.driver_total(store, "orders", FIRST, FIRST - timedelta(days=1))


# --- the ratio over time ------------------------------------------------------------


def contacts_per_day(first: date, counts: list[int], **columns) -> list[dict]:
    """``counts[i]`` contacts on day ``first + i`` (at noon), all with ``columns``."""
    rows = []
    for i, n in enumerate(counts):
        moment = datetime.combine(first + timedelta(days=i), datetime.min.time()) + timedelta(hours=12)
        rows.extend({"started_at": moment, **columns} for _ in range(n))
    return rows


def test_daily_ratio_with_a_missing_driver_day_is_a_gap(store):
    add_contacts(store, contacts_per_day(FIRST, [10, 20, 30, 40, 50, 60, 70]))
    orders = {d: 1000 for d in days(FIRST, 7)}
    del orders[FIRST + timedelta(days=2)]  # the driver misses Wednesday
    orders[FIRST + timedelta(days=5)] = 0  # and Saturday's value is zero
    add_driver(store, "orders", orders)
    view = ratios.ratio_trend(store, ContactFilter(FIRST, FIRST + timedelta(days=6)), "orders", "day", first_day=FIRST)
    ratio = view.periods["ratio"]
    assert ratio.iloc[0] == pytest.approx(10.0)  # 10 contacts per 1,000 orders
    assert ratio.iloc[1] == pytest.approx(20.0)
    assert np.isnan(ratio.iloc[2])  # missing driver: a gap, not a zero or an infinity
    assert np.isnan(ratio.iloc[5])  # zero driver: a gap
    assert ratio.iloc[6] == pytest.approx(70.0)
    assert view.gaps == 2
    assert np.isfinite(ratio.dropna()).all()
    # no history before the period: the ratio is there, the band is explained as missing
    assert view.baseline_note is not None and "8 weeks" in view.baseline_note
    assert view.overall["ratio"] == pytest.approx(1000 * (10 + 20 + 40 + 50 + 70) / 5000)


def test_weekly_ratio_of_a_daily_driver_is_a_gap_when_a_day_is_missing(store):
    add_contacts(store, contacts_per_day(FIRST, [10] * 14))
    orders = {d: 100 for d in days(FIRST, 14)}
    del orders[FIRST + timedelta(days=9)]
    add_driver(store, "orders", orders)
    view = ratios.ratio_trend(store, ContactFilter(FIRST, FIRST + timedelta(days=13)), "orders", "week",
                              first_day=FIRST)
    assert view.periods["ratio"].iloc[0] == pytest.approx(1000 * 70 / 700)
    assert np.isnan(view.periods["ratio"].iloc[1])


def test_weekly_driver_aligns_contacts_to_its_own_weeks(store):
    # a weekly driver stored on Sundays: its weeks run Sunday to Saturday
    sunday = FIRST - timedelta(days=1)
    add_contacts(store, contacts_per_day(sunday, [1, 2, 3, 4, 5, 6, 7] * 3))
    add_driver(store, "orders", {d: 560 for d in days(sunday, 3, step=7)})
    view = ratios.ratio_trend(store, ContactFilter(sunday, sunday + timedelta(days=20)), "orders", "week",
                              first_day=sunday)
    assert view.driver.grain == "week" and view.driver.anchor_weekday == 6
    assert list(view.periods.index) == [pd.Timestamp(sunday + timedelta(days=7 * i)) for i in range(3)]
    assert view.periods["ratio"].tolist() == pytest.approx([1000 * 28 / 560] * 3)


def test_weekly_driver_cut_by_the_period_is_left_out(store):
    add_contacts(store, contacts_per_day(FIRST, [10] * 21))
    add_driver(store, "orders", {d: 700 for d in days(FIRST, 3, step=7)})
    view = ratios.ratio_trend(store, ContactFilter(FIRST + timedelta(days=3), FIRST + timedelta(days=20)), "orders",
                              "week", first_day=FIRST)
    assert view.cut_periods == 1
    assert np.isnan(view.periods["ratio"].iloc[0])  # the first week is cut: its orders cannot be split
    assert view.periods["ratio"].iloc[1:].tolist() == pytest.approx([100.0, 100.0])


def test_weekly_driver_offers_no_daily_ratio(store):
    add_driver(store, "orders", {d: 700 for d in days(FIRST, 3, step=7)})
    with pytest.raises(ValueError, match="stored per week"):
        ratios.ratio_trend(store, ContactFilter(FIRST, FIRST + timedelta(days=20)), "orders", "day", first_day=FIRST)
    assert ratios.grains_for("week") == ("week",)
    assert ratios.grains_for("day") == ("day", "week", "month")


def test_monthly_ratio_of_a_daily_driver_sums_both(store):
    add_contacts(store, contacts_per_day(date(2025, 1, 1), [5] * 59))  # January and February
    add_driver(store, "orders", {d: 250 for d in days(date(2025, 1, 1), 59)})
    view = ratios.ratio_trend(store, ContactFilter(date(2025, 1, 1), date(2025, 2, 28)), "orders", "month",
                              first_day=date(2025, 1, 1))
    assert view.periods["contacts"].tolist() == [155, 140]
    assert view.periods["driver_value"].tolist() == [31 * 250, 28 * 250]
    assert view.periods["ratio"].tolist() == pytest.approx([20.0, 20.0])


def test_expected_ratio_is_the_seasons_rate_at_the_actual_driver(store):
    """Known truth: contacts are 5% of the day's orders on weekdays and 2% at weekends, for
    20 weeks, while the orders grow by half. The expected ratio is that rate whatever the
    orders; in the last week the orders double and the contacts do not follow, so the
    ratio halves and falls below the band, while the week before sits inside it."""
    rng = np.random.default_rng(3)
    n_days = 140
    rate = np.array([0.02 if (FIRST + timedelta(days=i)).weekday() >= 5 else 0.05 for i in range(n_days)])
    orders = 1000.0 * (1 + 0.5 * np.arange(n_days) / n_days)
    counts = rng.poisson(rate * orders)
    orders[-7:] *= 2  # orders double in the last week, contacts stay
    add_contacts(store, contacts_per_day(FIRST, counts.tolist()))
    add_driver(store, "orders", dict(zip(days(FIRST, n_days), orders.tolist())))
    last_weeks = ContactFilter(FIRST + timedelta(days=n_days - 14), FIRST + timedelta(days=n_days - 1))
    view = ratios.ratio_trend(store, last_weeks, "orders", "week", first_day=FIRST)
    assert view.baseline_note is None and view.baseline_kind == "exposure"
    normal, doubled = view.periods.iloc[0], view.periods.iloc[1]
    week_rate = 1000 * (rate[-14:-7] * orders[-14:-7]).sum() / orders[-14:-7].sum()
    assert normal["expected_ratio"] == pytest.approx(week_rate, rel=0.1)
    assert doubled["expected_ratio"] == pytest.approx(normal["expected_ratio"], rel=0.1)  # same rate
    assert normal["lo95"] <= normal["ratio"] <= normal["hi95"]
    assert doubled["ratio"] == pytest.approx(normal["ratio"] / 2, rel=0.2)
    assert doubled["ratio"] < doubled["lo95"]


def test_a_weekly_driver_falls_back_to_the_volume_baseline(store):
    add_contacts(store, contacts_per_day(FIRST, [50, 50, 50, 50, 50, 20, 20] * 12))
    add_driver(store, "orders", {d: 7000 for d in days(FIRST, 12, step=7)})
    view = ratios.ratio_trend(store, ContactFilter(FIRST + timedelta(days=70), FIRST + timedelta(days=83)), "orders",
                              "week", first_day=FIRST)
    assert view.baseline_kind == "volume" and view.baseline_note is None
    assert view.periods["expected_ratio"].tolist() == pytest.approx([1000 * 290 / 7000] * 2, rel=0.1)


# --- breakdowns and start small -------------------------------------------------------


@pytest.fixture
def shop(store):
    """Two weeks; 1,000 orders a day: 900 of Shoes, 100 of Toys. Per day: 18 contacts
    'Returns' on Shoes (20 per 1,000 Shoes orders), 4 'Returns' on Toys (40 per 1,000),
    9 'Delivery' on Shoes (10 per 1,000), 1 'Delivery' on Toys (10 per 1,000), and 2
    'Delivery' without a product. Phone costs 5, E-mail has no cost."""
    rows = []
    for reason, product, n, channel in (("Returns", "Shoes", 18, "Phone"), ("Returns", "Toys", 4, "E-mail"),
                                        ("Delivery", "Shoes", 9, "Phone"), ("Delivery", "Toys", 1, "Phone"),
                                        ("Delivery", None, 2, "Phone")):
        rows += contacts_per_day(FIRST, [n] * 14, reason_l1=reason, product=product, channel=channel,
                                 handle_seconds=300)
    add_contacts(store, rows)
    cur = store.cursor()
    cur.execute("insert into channels values ('Phone', 'voice', 5), ('E-mail', 'written', null)")
    cur.execute("insert into reasons values ('Returns', '', '', 'Logistics', 'avoidable'), "
                "('Delivery', '', '', 'Logistics', null)")
    cur.close()
    add_driver(store, "orders", {d: 1000 for d in days(FIRST, 14)})
    add_driver(store, "orders", {d: 900 for d in days(FIRST, 14)}, "product", "Shoes")
    add_driver(store, "orders", {d: 100 for d in days(FIRST, 14)}, "product", "Toys")
    return store


SECOND_WEEK = ContactFilter(FIRST + timedelta(days=7), FIRST + timedelta(days=13))


def test_ratio_per_product_uses_each_products_orders(shop):
    table = ratios.part_ratios(shop, SECOND_WEEK, "orders", "product").set_index("part")
    assert table.loc["Shoes", "ratio"] == pytest.approx(1000 * 27 / 900)
    assert table.loc["Toys", "ratio"] == pytest.approx(1000 * 5 / 100)
    assert np.isnan(table.loc[ratios.NOT_RECORDED, "ratio"])  # no product: no own denominator
    assert (table["denominator"] == "dimension").all()
    assert table.loc["Shoes", "change"] == pytest.approx(0.0)  # same as the first week


def test_ratio_over_time_for_one_product_uses_its_own_orders(shop):
    assert ratios.driver_scopes(shop, "orders") == {"product: Shoes": ("product", "Shoes"),
                                                    "product: Toys": ("product", "Toys")}
    view = ratios.ratio_trend(shop, SECOND_WEEK, "orders", "day", first_day=FIRST, dimension="product",
                              dimension_value="Toys")
    assert view.periods["contacts"].tolist() == [5] * 7  # 4 Returns and 1 Delivery on Toys a day
    assert view.periods["ratio"].tolist() == pytest.approx([50.0] * 7)  # per 1,000 Toys orders


def test_ratio_per_reason_uses_the_total(shop):
    table = ratios.part_ratios(shop, SECOND_WEEK, "orders", "reason_l1").set_index("part")
    assert table.loc["Returns", "ratio"] == pytest.approx(1000 * 22 / 1000)
    assert table.loc["Delivery", "ratio"] == pytest.approx(1000 * 12 / 1000)
    assert (table["denominator"] == "total").all()


def test_start_small_finds_the_small_product_with_the_high_ratio(shop):
    small = ratios.start_small(shop, SECOND_WEEK, "orders", level=1, min_contacts=5)
    assert small.dimension == "product"
    table = small.table.set_index("unit")
    assert table.loc["Returns · Toys", "ratio"] == pytest.approx(40.0)
    assert table.loc["Returns · Shoes", "contacts"] == 126
    # cost: Phone contacts × 5; E-mail has no cost and is counted apart, not as zero
    assert table.loc["Returns · Shoes", "cost"] == pytest.approx(126 * 5)
    assert np.isnan(table.loc["Returns · Toys", "cost"])  # unknown, not free
    assert table.loc["Returns · Toys", "cost_unknown_contacts"] == 28
    assert table.loc["Returns · Toys", "handle_minutes"] == pytest.approx(5.0)
    # medians over the 4 rows with a ratio and >= 5 contacts: volume 45.5, ratio 15
    assert small.volume_threshold == pytest.approx((28 + 63) / 2)
    assert small.ratio_threshold == pytest.approx(15.0)
    assert small.candidates["unit"].tolist() == ["Returns · Toys"]


def test_start_small_without_a_dimension_has_no_candidates(shop):
    shop.cursor().execute("insert into drivers (day, driver, value) select day, 'customers', 5000 "
                          "from drivers where driver = 'orders' and dimension = ''")
    small = ratios.start_small(shop, SECOND_WEEK, "customers", level=1, min_contacts=5)
    assert small.dimension == ""
    assert small.candidates.empty  # every ratio is its volume over one total


def test_start_small_without_a_driver_still_has_volume_and_cost(shop):
    small = ratios.start_small(shop, SECOND_WEEK, None, level=1)
    table = small.table.set_index("unit")
    assert table.loc["Returns", "contacts"] == 154
    assert table["ratio"].isna().all() and small.candidates.empty


def test_start_small_rejects_a_bad_level(shop):
    with pytest.raises(ValueError, match="level is 1, 2 or 3"):
        ratios.start_small(shop, SECOND_WEEK, "orders", level=4)


def test_value_classes_count_contacts_and_money(shop):
    classes = ratios.value_classes(shop, SECOND_WEEK).set_index("value_class")
    assert list(classes.index) == ["valuable", "avoidable", "automatable", "no_value", "not_classified"]
    assert classes.loc["avoidable", "contacts"] == 154
    assert classes.loc["not_classified", "contacts"] == 84
    assert classes.loc["avoidable", "cost"] == pytest.approx(126 * 5)
    assert classes.loc["avoidable", "cost_unknown_contacts"] == 28
    assert classes["share"].sum() == pytest.approx(1.0)
    assert classes.loc["avoidable", "handle_hours"] == pytest.approx(154 * 300 / 3600)
    assert np.isnan(classes.loc["valuable", "handle_hours"])  # nothing recorded is not zero hours


def test_breakdown_options_only_what_the_data_has(shop):
    options = ratios.breakdown_options(shop, SECOND_WEEK)
    assert "product" in options and "reason_l1" in options and "channel_group" in options
    assert "supplier" not in options and "reason_l2" not in options
