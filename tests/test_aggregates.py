"""The daily aggregates (contact_days, contact_days_detail) give the same answers as the
contacts: every query moved onto them is run next to its former text on the contacts
(kept in tests/data/contacts_sql/) for many filters; imports keep them equal to a full
rebuild; a rolled-back import leaves them alone; an old store gets them on upgrade."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics import importing
from analytics.aggregates import refresh_contact_days
from analytics.filters import ContactFilter
from analytics.importing import ImportRefused, import_contacts
from analytics.queries import parameters_of, run_query, sql_text
from analytics.store import available_migrations, open_store
from tests.support.stores import build_demo_store, build_sf311_store

CONTACTS_SQL = Path(__file__).parent / "data" / "contacts_sql"
MOVED_QUERIES = sorted(path.stem for path in CONTACTS_SQL.glob("*.sql"))
RTOL = 1e-9


def contacts_query(conn: duckdb.DuckDBPyConnection, name: str, params: dict) -> pd.DataFrame:
    """The query as it was before the aggregates: its former text, run on ``contacts``."""
    text = (CONTACTS_SQL / f"{name}.sql").read_text(encoding="utf-8")
    text = re.sub(r"\{\{\s*([a-z_]+)\s*\}\}", lambda m: sql_text("_" + m.group(1)), text)
    assert "contact_days" not in text
    cur = conn.cursor()
    try:
        return cur.execute(text, {k: params[k] for k in parameters_of(text)}).fetch_df()
    finally:
        cur.close()


def assert_same(new: pd.DataFrame, old: pd.DataFrame, what: str) -> None:
    """Equal frames up to float rounding (1e-9 relative); rows compared in a fixed order,
    since ties in a query's own order may come out either way."""
    assert list(new.columns) == list(old.columns), what
    assert len(new) == len(old), what
    columns = list(new.columns)
    key = [c for c in columns if new[c].dtype != "float64"] or columns
    new_sorted = new.sort_values(key, na_position="first", kind="stable").reset_index(drop=True)
    old_sorted = old.sort_values(key, na_position="first", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(new_sorted, old_sorted, check_exact=False, rtol=RTOL, atol=0, obj=what)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = build_demo_store(tmp_path_factory.mktemp("aggregates-demo") / "contacts.duckdb")
    conn = open_store(path)
    yield conn
    conn.close()


def demo_filters(conn) -> dict[str, ContactFilter]:
    """No filter, a reason at each level, a channel, a channel group, a department and
    periods at the data's edges, all on values the demo holds."""
    cur = conn.cursor()
    first, last = cur.execute("select min(started_at)::date, max(started_at)::date from contacts").fetchall()[0]
    l1, l2, l3 = cur.execute(
        "select reason_l1, reason_l2, reason_l3 from contacts where reason_l3 <> ''"
        " group by all order by count(*) desc limit 1").fetchall()[0]
    channel, group = cur.execute(
        "select c.channel, ch.channel_group from contacts as c join channels as ch using (channel)"
        " group by all order by count(*) desc limit 1").fetchall()[0]
    other_group = cur.execute(
        "select channel_group from channels where channel_group <> $g order by channel_group limit 1",
        {"g": group}).fetchall()[0][0]
    department = cur.execute(
        "select department from contacts where department is not null group by 1 order by count(*) limit 1"
    ).fetchall()[0][0]
    cur.close()
    return {
        "none": ContactFilter(first, last),
        "reason_l1": ContactFilter(last - timedelta(days=400), last, reason_l1=l1),
        "reason_l2": ContactFilter(last - timedelta(days=400), last, reason_l1=l1, reason_l2=l2),
        "reason_l3": ContactFilter(last - timedelta(days=400), last, reason_l1=l1, reason_l2=l2, reason_l3=l3),
        "channel": ContactFilter(last - timedelta(days=120), last, channel=channel),
        "channel_group": ContactFilter(last - timedelta(days=120), last, channel_group=other_group),
        "department": ContactFilter(last - timedelta(days=90), last, department=department),
        "start_edge": ContactFilter(first - timedelta(days=10), first + timedelta(days=30)),
        "end_edge": ContactFilter(last - timedelta(days=6), last + timedelta(days=20), reason_l1=l1),
        "one_day": ContactFilter(last - timedelta(days=3), last - timedelta(days=3)),
    }


def variants(conn, name: str) -> list[dict]:
    """The extra parameters each moved query is run with."""
    cur = conn.cursor()
    segments = cur.execute("select segment from contacts where segment is not null group by 1 order by 1 limit 1"
                           ).fetchall()
    segment = segments[0][0] if segments else "Business"  # a store without segments: none match
    l1, l2 = cur.execute("select reason_l1, reason_l2 from contacts where reason_l2 <> ''"
                         " group by all order by count(*) desc limit 1").fetchall()[0]
    channels = [row[0] for row in cur.execute("select distinct channel from contacts order by 1 limit 2").fetchall()]
    cur.close()
    levels = [{"level": level} for level in (1, 2, 3)]
    reasons = [l1, f"{l1} > {l2}"]
    return {
        "contacts_by_reason": levels,
        "breakdown_reason_channel": levels,
        "weekly_daily_by_reason": levels,
        "daily_contacts_by_part": [{"part": "reason"}, {"part": "channel"}],
        "breakdown_channel_mix": [{"grain": grain} for grain in ("day", "week", "month")],
        "ratio_contacts_by_day": [{"part": part, "dimension": dimension} for part, dimension in (
            ("all", ""), ("reason_l1", ""), ("reason_l2", ""), ("reason_l3", ""), ("department", ""),
            ("channel_group", ""), ("product", ""), ("supplier", ""), ("segment", ""),
            ("all", "product"), ("reason_l2", "supplier"), ("segment", "segment"), ("product", "supplier"))],
        "pilot_daily_by_channel": [{"reasons": reasons, "segment": None}, {"reasons": [l1], "segment": segment}],
        "pilot_daily_by_reason": [{"channels": None, "segment": None}, {"channels": channels, "segment": None},
                                  {"channels": channels, "segment": segment}],
        "taxonomy_monthly": [{"other_l1": ["Other"], "other_l2": ["Other", "General"], "other_l3": ["Other"]},
                             {"other_l1": [l1], "other_l2": [l2], "other_l3": []}],
    }.get(name, [{}])


def test_every_moved_query_reads_the_aggregates():
    assert len(MOVED_QUERIES) >= 15
    for name in MOVED_QUERIES:
        assert "contact_days" in sql_text(name), name
        assert "contact_days" not in (CONTACTS_SQL / f"{name}.sql").read_text(encoding="utf-8"), name


@pytest.mark.parametrize("name", MOVED_QUERIES)
def test_query_on_aggregates_equals_query_on_contacts(demo, name):
    filters = demo_filters(demo)
    checked_rows = 0
    for filter_name, contact_filter in filters.items():
        for extra in variants(demo, name):
            params = {**contact_filter.params(), **extra}
            new = run_query(demo, name, params)
            old = contacts_query(demo, name, params)
            assert_same(new, old, f"{name} [{filter_name}] {extra}")
            checked_rows += len(old)
    assert checked_rows > 0, f"{name} returned nothing for every filter: the comparison proves nothing"


@pytest.fixture(scope="module")
def sf311(tmp_path_factory):
    path = build_sf311_store(tmp_path_factory.mktemp("aggregates-sf311") / "contacts.duckdb")
    conn = open_store(path)
    yield conn
    conn.close()


@pytest.mark.parametrize("name", MOVED_QUERIES)
def test_query_equal_on_an_imported_export_without_optional_fields(sf311, name):
    """The SF311 sample has no handle time, resolution, satisfaction, product or segment:
    the sums and rates over nothing must come out as the contacts give them (null or 0)."""
    cur = sf311.cursor()
    first, last = cur.execute("select min(started_at)::date, max(started_at)::date from contacts").fetchall()[0]
    l1, channel = cur.execute("select reason_l1, channel from contacts group by all order by count(*) desc limit 1"
                              ).fetchall()[0]
    cur.close()
    for contact_filter in (ContactFilter(first, last), ContactFilter(first, last, reason_l1=l1),
                           ContactFilter(first + timedelta(days=1), last, channel=channel)):
        for extra in variants(sf311, name):
            params = {**contact_filter.params(), **extra}
            assert_same(run_query(sf311, name, params), contacts_query(sf311, name, params), f"{name} {extra}")


def test_demo_aggregates_add_up_to_the_contacts(demo):
    cur = demo.cursor()
    per_day = cur.execute(
        "select count(*) from (select cast(started_at as date) as day, count(*) as n from contacts group by 1) as c"
        " full join (select day, sum(contacts) as n from contact_days group by 1) as d using (day)"
        " full join (select day, sum(contacts) as n from contact_days_detail group by 1) as e using (day)"
        " where c.n is distinct from d.n or c.n is distinct from e.n").fetchall()[0][0]
    rows, contacts = cur.execute("select (select count(*) from contact_days), (select count(*) from contacts)"
                                 ).fetchall()[0]
    assert per_day == 0
    assert 0 < rows < contacts


# --- maintenance at import -------------------------------------------------------------

HEADER = "contact_id,started_at,channel,reason_l1,reason_l2,department,product,segment,handle_seconds,resolved,csat\n"


def contact_lines(prefix: str, days: list[date], per_day: int) -> str:
    channels, reasons = ("Phone", "Chat", "Email"), (("Billing", "Invoice"), ("Billing", ""), ("Delivery", "Late"))
    lines = []
    for d_index, day in enumerate(days):
        for i in range(per_day):
            channel = channels[(i + d_index) % 3]
            l1, l2 = reasons[(i * 7 + d_index) % 3]
            handle = "" if i % 5 == 0 else str(60 + 13 * i + d_index)
            resolved = ("yes", "no", "")[i % 3]
            csat = "" if i % 4 == 0 else str(1 + (i + d_index) % 5)
            product = "" if i % 6 == 0 else ("Shoes", "Bags")[i % 2]
            lines.append(f"{prefix}{d_index}-{i},{day.isoformat()} {8 + i % 10:02d}:{i % 60:02d}:00,{channel},{l1},{l2},"
                         f"Finance,{product},{('B2B', 'B2C')[i % 2]},{handle},{resolved},{csat}\n")
    return "".join(lines)


def aggregate_rows(conn, table: str) -> pd.DataFrame:
    frame = conn.cursor().execute(f"select * from {table}").fetch_df()
    keys = [c for c in frame.columns if frame[c].dtype == "object" or c == "day"]
    return frame.sort_values(keys, na_position="first").reset_index(drop=True)


def rebuilt_rows(conn, table: str) -> pd.DataFrame:
    """The table as a full rebuild from the contacts makes it (rolled back afterwards)."""
    cur = conn.cursor()
    cur.execute("begin transaction")
    try:
        refresh_contact_days(cur)
        return aggregate_rows(cur, table)
    finally:
        cur.execute("rollback")
        cur.close()


def direct_day_totals(conn) -> pd.DataFrame:
    return conn.cursor().execute(
        "select cast(started_at as date) as day, channel, reason_l1, reason_l2, count(*) as contacts,"
        " sum(handle_seconds) as handle_seconds_sum, count(*) filter (where resolved) as resolved_contacts,"
        " avg(csat / nullif(csat_scale, 0)) as csat_pct"
        " from contacts group by all order by all").fetch_df()


def test_import_on_days_already_present_updates_those_days(store, tmp_path):
    days = [date(2025, 3, 10) + timedelta(days=i) for i in range(5)]
    first = tmp_path / "first.csv"
    first.write_text(HEADER + contact_lines("a", days[:3], 20), encoding="utf-8")
    second = tmp_path / "second.csv"  # overlaps days 2 and 3, adds days 4 and 5
    second.write_text(HEADER + contact_lines("b", days[1:], 11), encoding="utf-8")

    import_contacts(store, first)
    before = aggregate_rows(store, "contact_days")
    import_contacts(store, second)

    for table in ("contact_days", "contact_days_detail"):
        pd.testing.assert_frame_equal(aggregate_rows(store, table), rebuilt_rows(store, table),
                                      check_exact=False, rtol=RTOL)
    after = aggregate_rows(store, "contact_days")
    assert after.loc[after["day"] == pd.Timestamp(days[0]), "contacts"].sum() == 20  # untouched day
    assert after.loc[after["day"] == pd.Timestamp(days[1]), "contacts"].sum() == 20 + 11
    assert after["contacts"].sum() == 3 * 20 + 4 * 11 == before["contacts"].sum() + 44
    direct = direct_day_totals(store)
    days_view = store.cursor().execute(
        "select day, channel, reason_l1, reason_l2, sum(contacts)::bigint as contacts,"
        " sum(handle_seconds_sum) as handle_seconds_sum, sum(resolved_contacts)::bigint as resolved_contacts,"
        " sum(csat_pct_sum) / nullif(sum(csat_rated), 0) as csat_pct"
        " from contact_days group by all order by all").fetch_df()
    days_view["day"] = days_view["day"].astype(direct["day"].dtype)
    pd.testing.assert_frame_equal(days_view, direct, check_exact=False, rtol=RTOL, check_dtype=False)


def test_refused_and_rolled_back_imports_leave_the_aggregates_unchanged(store, tmp_path, monkeypatch):
    days = [date(2025, 3, 10) + timedelta(days=i) for i in range(3)]
    good = tmp_path / "good.csv"
    good.write_text(HEADER + contact_lines("a", days, 15), encoding="utf-8")
    import_contacts(store, good)
    before = {table: aggregate_rows(store, table) for table in ("contact_days", "contact_days_detail")}

    header_only = tmp_path / "empty.csv"
    header_only.write_text(HEADER, encoding="utf-8")
    with pytest.raises(ImportRefused):
        import_contacts(store, header_only)

    # A failure after the contacts and their aggregates were written rolls both back.
    more = tmp_path / "more.csv"
    more.write_text(HEADER + contact_lines("b", days[1:] + [days[-1] + timedelta(days=1)], 9), encoding="utf-8")

    def broken(cur):
        assert cur.execute("select sum(contacts) from contact_days").fetchall()[0][0] == 45 + 27
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing.contacts, "register_new_channels", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        import_contacts(store, more)

    assert store.cursor().execute("select count(*) from contacts").fetchall()[0][0] == 45
    for table, frame in before.items():
        pd.testing.assert_frame_equal(aggregate_rows(store, table), frame)


def test_migration_from_schema_3_fills_the_aggregates(tmp_path):
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("create table schema_version (version integer primary key, name varchar not null,"
                 " applied_at timestamp not null)")
    for migration in available_migrations():
        if migration.version <= 3:
            conn.execute(migration.sql)
            conn.execute("insert into schema_version values ($v, $n, $t)",
                         {"v": migration.version, "n": migration.name, "t": datetime.now()})
    conn.execute(
        "insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, department, segment,"
        " handle_seconds, resolved, csat, csat_scale)"
        " select 'c' || i, timestamp '2025-01-01 09:00' + to_minutes(i * 37), ['Phone', 'Chat'][1 + i % 2],"
        " ['Billing', 'Delivery', 'Returns'][1 + i % 3], ['', 'Late'][1 + i % 2], 'Ops', ['B2B', null][1 + i % 2],"
        " 100 + i, i % 4 = 0, 1 + i % 5, 5 from range(3000) as t(i)")
    assert conn.execute("select count(*) from information_schema.tables where table_name = 'contact_days'"
                        ).fetchall()[0][0] == 0
    conn.close()

    upgraded = open_store(path)
    try:
        assert upgraded.execute("select max(version) from schema_version").fetchall()[0][0] >= 4
        for table in ("contact_days", "contact_days_detail"):
            pd.testing.assert_frame_equal(aggregate_rows(upgraded, table), rebuilt_rows(upgraded, table),
                                          check_exact=False, rtol=RTOL)
        whole = ContactFilter(date(2025, 1, 1), date(2025, 3, 31))
        assert run_query(upgraded, "daily_contacts", whole.params())["contacts"].sum() == 3000
        tree = run_query(upgraded, "breakdown_reason_tree", whole.params())
        assert_same(tree, contacts_query(upgraded, "breakdown_reason_tree", whole.params()), "tree after upgrade")
    finally:
        upgraded.close()
