"""The demo generator: deterministic, realistic in shape, and carrying the effects its truth
file claims (injected effects are recovered from the raw counts, the null pilot shows none)."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta

import duckdb
import numpy as np
import pytest

from analytics.commands import demo_cmd
from analytics.demo import DemoSettings, build_demo_store, truth_path_for
from analytics.demo.channels import CHANNELS, channel_index, channel_shares
from analytics.demo.reason_tree import REASON_TREE, demo_reasons, lag_kernels
from analytics.demo.volumes import demo_volumes, expected_contacts

END = date(2025, 6, 30)
MEDIUM = DemoSettings(end=END, days=400, contacts_per_day=400, seed=11)
SMALL = DemoSettings(end=END, days=90, contacts_per_day=80, seed=3)


@pytest.fixture(scope="module")
def medium(tmp_path_factory):
    """A 400-day store of about 160,000 contacts, its connection and its truth."""
    path = tmp_path_factory.mktemp("demo") / "contacts.duckdb"
    build_demo_store(path, MEDIUM)
    conn = duckdb.connect(str(path), read_only=True)
    yield conn, json.loads(truth_path_for(path).read_text(encoding="utf-8")), path
    conn.close()


def one(conn: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None):
    return conn.cursor().execute(sql, params or {}).fetchall()[0]


def daily(conn: duckdb.DuckDBPyConnection, where: str = "true", params: dict | None = None) -> dict[date, int]:
    """Contacts per day (days without any contact count 0)."""
    rows = conn.cursor().execute(
        "select d.day, count(c.contact_id) from (select distinct day from drivers) as d"
        f" left join contacts as c on c.started_at::date = d.day and ({where}) group by 1", params or {},
    ).fetchall()
    return dict(rows)


def checksum(path) -> tuple:
    with duckdb.connect(str(path), read_only=True) as conn:
        return one(conn, "select count(*), sum(hash(contact_id, started_at, channel, reason_l1, reason_l2,"
                         " reason_l3, customer_id, order_id, handle_seconds)) from contacts")


def test_same_settings_build_the_same_store_and_another_seed_does_not(tmp_path):
    first, second, other = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "c.duckdb"
    build_demo_store(first, SMALL)
    build_demo_store(second, SMALL)
    build_demo_store(other, DemoSettings(SMALL.end, SMALL.days, SMALL.contacts_per_day, seed=4))
    assert checksum(first) == checksum(second)
    assert checksum(first) != checksum(other)
    assert truth_path_for(first).read_text() == truth_path_for(second).read_text()


def test_volume_ids_and_bookkeeping(medium):
    conn, _, _ = medium
    contacts, distinct_ids, days = one(
        conn, "select count(*), count(distinct contact_id), count(distinct started_at::date) from contacts")
    assert contacts == distinct_ids
    assert 0.85 * MEDIUM.contacts_per_day * 400 < contacts < 1.15 * MEDIUM.contacts_per_day * 400
    assert days == 400
    kind, inserted = one(conn, "select kind, inserted from import_log")
    assert (kind, inserted) == ("demo", contacts)
    assert one(conn, "select data_version from store_meta")[0] >= 1
    assert one(conn, "select count(*) from contacts where import_id is null")[0] == 0


def test_reason_tree_is_small_and_owned(medium):
    conn, _, _ = medium
    assert len(REASON_TREE) <= 7 and all(len(level2) <= 7 for level2 in REASON_TREE.values())
    assert all(len(level3) <= 7 for level2 in REASON_TREE.values() for level3 in level2.values())
    unowned = one(conn, "select count(*) from contacts where department is null")[0]
    unknown = one(conn, "select count(*) from contacts anti join reasons using (reason_l1, reason_l2, reason_l3)")[0]
    assert unowned == unknown == 0
    other_share, l2_only, l1_only = one(conn, "select avg((reason_l1 = 'Other')::int), "
                                              "avg((reason_l2 <> '' and reason_l3 = '')::int), "
                                              "avg((reason_l1 <> 'Other' and reason_l2 = '')::int) from contacts")
    assert 0.02 < other_share < 0.045
    assert 0.03 < l2_only and 0 < l1_only < 0.03


def test_all_channel_groups_with_costs(medium):
    conn, _, _ = medium
    groups = {row[0] for row in conn.cursor().execute(
        "select distinct channel_group from contacts join channels using (channel)").fetchall()}
    assert groups == {"voice", "chat", "written", "personal"}
    assert one(conn, "select count(*) from channels where cost_per_contact is null")[0] == 0


def test_channel_shares_and_lag_kernels_sum_to_one():
    reasons = demo_reasons()
    shares = channel_shares(np.array([0.0, 1.5, 3.0]), reasons)
    assert np.allclose(shares.sum(axis=2), 1.0)
    assert np.allclose(lag_kernels(reasons).sum(axis=1), 1.0)


def test_mondays_busier_than_sundays_and_december_than_september(medium):
    conn, _, _ = medium
    per_day = daily(conn)
    mean_on = lambda keep: np.mean([n for d, n in per_day.items() if keep(d)])  # noqa: E731
    assert mean_on(lambda d: d.weekday() == 0) > 1.5 * mean_on(lambda d: d.weekday() == 6)
    assert mean_on(lambda d: d.month == 12) > 1.15 * mean_on(lambda d: d.month == 9)


def test_public_holidays_are_quiet(medium):
    conn, truth, _ = medium
    holidays = {date.fromisoformat(d) for d in truth["holidays"]}
    per_day = daily(conn)
    on_holiday = [n for d, n in per_day.items() if d in holidays and d.weekday() < 5]
    working = [n for d, n in per_day.items() if d not in holidays and d.weekday() < 5]
    assert on_holiday and np.mean(on_holiday) < 0.6 * np.mean(working)


def test_daily_counts_are_over_dispersed():
    volumes = demo_volumes(MEDIUM.first_day, MEDIUM.days, MEDIUM.contacts_per_day, MEDIUM.seed)
    expected, observed = volumes.expected.sum(axis=(1, 2)), volumes.counts.sum(axis=(1, 2))
    pearson_dispersion = np.mean((observed - expected) ** 2 / expected)
    assert pearson_dispersion > 2.0  # a Poisson count would give about 1


def test_orders_driver_every_day(medium):
    conn, _, _ = medium
    days, first, last, smallest = one(conn, "select count(distinct day), min(day), max(day), min(value) from drivers"
                                            " where driver = 'orders' and dimension = ''")
    assert (days, first, last) == (400, MEDIUM.first_day, END) and smallest > 0
    assert one(conn, "select count(*) from drivers where driver = 'active_customers'")[0] == 400
    gap = one(conn, "select max(abs(p.total - o.value)) from drivers as o join (select day, sum(value) as total"
                    " from drivers where dimension = 'product' group by 1) as p using (day)"
                    " where o.driver = 'orders' and o.dimension = ''")[0]
    assert gap == 0


def test_events_foreseen_and_unforeseen_with_their_effect(medium):
    conn, _, _ = medium
    assert one(conn, "select count(*) from events where foreseen and kind = 'campaign'")[0] >= 2
    name, start, end = one(conn, "select name, starts_on, ends_on from events where not foreseen")
    assert one(conn, "select count(*) from events where not foreseen")[0] == 1
    login = daily(conn, "c.reason_l1 = 'Account' and c.reason_l2 = 'Login'")
    during = np.mean([login[start + timedelta(days=i)] for i in range((end - start).days + 1)])
    before = np.mean([login[start - timedelta(days=7 * w)] for w in range(1, 5)])
    assert "outage" in name.lower() and during > 2 * before


def test_truth_file_has_three_pilots_one_without_effect(medium):
    _, truth, path = medium
    assert truth_path_for(path).name == "contacts.truth.json"
    pilots = truth["pilots"]
    assert len(pilots) >= 3
    assert [p["true_relative_effect"] for p in pilots].count(0.0) == 1
    for pilot in pilots:
        assert pilot["target_reasons"] and pilot["channels"] and pilot["start"] <= pilot["end"]
    assert {e["kind"] for e in truth["events"]} >= {"campaign", "outage"}
    assert truth["seed"] == MEDIUM.seed and len(truth["reasons"]) == len(demo_reasons())


def _ratio_change(conn, pilot: dict, control_where: str, target_where: str, weeks_after: int = 8,
                  weeks_before: int = 8) -> tuple[float, float]:
    """Relative change of target/control contacts, ``weeks_after`` from the pilot's start vs
    ``weeks_before`` just before (whole weeks, so the same weekdays), and its standard
    error on the log scale (Poisson, inflated by half for the over-dispersion)."""
    start = date.fromisoformat(pilot["start"])
    target, control = daily(conn, target_where), daily(conn, control_where)
    after = [start + timedelta(days=i) for i in range(7 * weeks_after)]
    before = [start - timedelta(days=i + 1) for i in range(7 * weeks_before)]
    sums = [sum(series[d] for d in days) for series in (target, control) for days in (after, before)]
    target_after, target_before, control_after, control_before = sums
    change = (target_after / control_after) / (target_before / control_before) - 1
    return change, 1.5 * float(np.sqrt(sum(1 / n for n in sums)))


def test_injected_pilot_effect_is_recovered_and_the_null_pilot_shows_none(medium):
    conn, truth, _ = medium
    email, _, faq = truth["pilots"]
    assert email["target_reasons"] == ["Delivery > Status unknown"]
    other_delivery = "c.reason_l1 = 'Delivery' and c.reason_l2 not in ('Status unknown', 'Late')"
    status_unknown = "c.reason_l1 = 'Delivery' and c.reason_l2 = 'Status unknown'"
    found, error = _ratio_change(conn, email, other_delivery, status_unknown)
    assert error < 0.08 and abs(np.log1p(found) - np.log1p(email["true_relative_effect"])) < 2.5 * error
    assert faq["true_relative_effect"] == 0.0
    none_found, error = _ratio_change(conn, faq, "c.reason_l1 = 'Returns' and c.reason_l2 <> 'Label'",
                                      "c.reason_l1 = 'Returns' and c.reason_l2 = 'Label'", weeks_after=4)
    assert error < 0.12 and abs(np.log1p(none_found)) < 2.5 * error


def test_chatbot_pilot_takes_password_calls_off_the_phone(medium):
    conn, truth, _ = medium
    bot = truth["pilots"][1]
    assert bot["channels"] == ["Phone"] and bot["spill_over"]["share_of_avoided"] > 0
    other_calls = "c.channel = 'Phone' and c.reason_l1 <> 'Account'"
    password_calls = "c.channel = 'Phone' and c.reason_l3 = 'Password'"
    found, error = _ratio_change(conn, bot, other_calls, password_calls)
    assert np.log1p(found) < -2 * error


def test_spill_over_puts_the_promised_share_of_avoided_calls_in_chat():
    volumes = demo_volumes(MEDIUM.first_day, MEDIUM.days, MEDIUM.contacts_per_day, MEDIUM.seed)
    bot = volumes.pilots[1]
    without = expected_contacts(volumes.orders_history, volumes.days, volumes.reasons, volumes.holidays,
                                volumes.events, [])
    day, reason = bot.active(volumes.days), bot.targets(volumes.reasons)
    change = (volumes.expected - without)[day][:, reason].sum(axis=(0, 1))
    avoided = -change[channel_index("Phone")]
    assert avoided == pytest.approx(-bot.relative_effect * without[day][:, reason, channel_index("Phone")].sum())
    for name, weight in bot.spill_channels.items():
        assert change[channel_index(name)] == pytest.approx(bot.spill_share * weight * avoided)


def test_repeat_contacts_within_a_week(medium):
    conn, _, _ = medium
    repeat_share, unresolved_followed, resolved_followed = one(conn, """
        with ordered as (
            select resolved, started_at,
                   lag(started_at) over (partition by customer_id order by started_at) as previous_at,
                   lead(started_at) over (partition by customer_id order by started_at) as next_at
            from contacts)
        select avg(coalesce(previous_at >= started_at - interval 7 day, false)::int),
               avg(coalesce(next_at <= started_at + interval 7 day, false)::int) filter (where not resolved),
               avg(coalesce(next_at <= started_at + interval 7 day, false)::int) filter (where resolved)
        from ordered""")
    assert 0.10 <= repeat_share <= 0.30
    assert unresolved_followed > 1.3 * resolved_followed


def test_contact_details_are_filled_where_they_belong(medium):
    conn, _, _ = medium
    fcr, rated, scale, phone_handle, email_wait = one(conn, """
        select avg(resolved::int), avg((csat is not null)::int), max(csat_scale),
               median(handle_seconds) filter (where channel = 'Phone'),
               count(wait_seconds) filter (where channel = 'E-mail') from contacts""")
    assert 0.6 < fcr < 0.8 and 0.2 < rated < 0.4 and scale == 5
    assert 250 < phone_handle < 450 and email_wait == 0
    orders_on_account = one(conn, "select count(order_id) from contacts where reason_l1 = 'Account'")[0]
    orders_on_delivery = one(conn, "select avg((order_id is not null)::int) from contacts"
                                   " where reason_l1 = 'Delivery'")[0]
    assert orders_on_account == 0 and orders_on_delivery > 0.8
    distinct = "select count(distinct segment), count(distinct product), count(distinct supplier) from contacts"
    assert one(conn, distinct) == (2, 6, 5)


def _demo_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    demo_cmd.register(parser.add_subparsers(dest="command"))
    return parser


def test_cli_refuses_to_overwrite_without_force(medium, tmp_path, capsys):
    _, _, path = medium
    args = _demo_parser().parse_args(["demo", "--db", str(path), "--days", "90", "--end", "2025-06-30"])
    with pytest.raises(ValueError, match="pass --force"):
        args.func(args)

    small = tmp_path / "small.duckdb"
    common = ["demo", "--db", str(small), "--days", "90", "--contacts-per-day", "60", "--end", "2025-06-30"]
    args = _demo_parser().parse_args(common)
    assert args.func(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["truth"] == str(tmp_path / "small.truth.json") and summary["contacts"] > 0
    before = checksum(small)
    args = _demo_parser().parse_args(common + ["--seed", "99", "--force"])
    assert args.func(args) == 0
    assert checksum(small) != before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_too_short_a_period_is_refused(tmp_path):
    with pytest.raises(ValueError, match="at least 60 days"):
        build_demo_store(tmp_path / "x.duckdb", DemoSettings(end=END, days=20))
    assert len(CHANNELS) == 11
