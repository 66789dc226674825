"""Parquet mode: the store's contacts read from a Parquet dataset (one folder per month)
give the same numbers as the store's own table; new files appear after a refresh; imports
are refused; locations are validated and quoted; a remote URL without httpfs says so."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date, timedelta

import duckdb
import pandas as pd
import pytest

from analytics import breakdowns, overview, ratios, trends, weekly
from analytics.filters import ContactFilter
from analytics.i18n import using_language
from analytics.importing import import_contacts
from analytics.importing.settings import ImportRefused
from analytics.parquet_mode import (
    ParquetSourceError, checked_location, contact_source, export_parquet, refresh_source, sql_string_literal,
    use_parquet, use_table,
)
from analytics.store import data_version, open_store
from tests.support.stores import build_demo_store, run_cli

LAST_DAY = date(2026, 6, 30)  # the test demo's last day (tests/support/stores.py)


@pytest.fixture(scope="module")
def table_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("parquet_demo") / "contacts.duckdb")


@pytest.fixture(scope="module")
def dataset(table_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("parquet_export") / "contacts"
    summary = run_cli("store", "export-parquet", "--db", str(table_store), "--out", str(out))
    assert summary["files"] == summary["months"] == len(list(out.glob("month=*/data_0.parquet")))
    return out


def _copy(path, tmp_path, name="store.duckdb"):
    target = tmp_path / name
    shutil.copy(path, target)
    return target


@pytest.fixture(scope="module")
def parquet_store(table_store, dataset, tmp_path_factory):
    path = _copy(table_store, tmp_path_factory.mktemp("parquet_mode"))
    result = run_cli("store", "use-parquet", str(dataset), "--db", str(path))
    assert result["status"] == "parquet"
    return path


def _assert_same(left, right, where="result"):
    """Equal results: dataclasses field by field, frames and series with float tolerance
    (sums over another scan order may differ in the last bits)."""
    if dataclasses.is_dataclass(left):
        assert type(left) is type(right), where
        for field in dataclasses.fields(left):
            _assert_same(getattr(left, field.name), getattr(right, field.name), f"{where}.{field.name}")
    elif isinstance(left, pd.DataFrame):
        pd.testing.assert_frame_equal(left, right, check_exact=False, rtol=1e-9, obj=where)
    elif isinstance(left, pd.Series):
        pd.testing.assert_series_equal(left, right, check_exact=False, rtol=1e-9, obj=where)
    elif isinstance(left, float):
        assert left == pytest.approx(right, rel=1e-9), where
    elif isinstance(left, (list, tuple)):
        assert len(left) == len(right), where
        for i, (a, b) in enumerate(zip(left, right)):
            _assert_same(a, b, f"{where}[{i}]")
    elif isinstance(left, dict):
        assert left.keys() == right.keys(), where
        for key in left:
            _assert_same(left[key], right[key], f"{where}[{key!r}]")
    else:
        assert left == right, where


@pytest.fixture(scope="module")
def both(table_store, parquet_store):
    table, parquet = open_store(table_store, read_only=True), open_store(parquet_store, read_only=True)
    yield table, parquet
    table.close()
    parquet.close()


LAST_4_WEEKS = ContactFilter(LAST_DAY - timedelta(days=27), LAST_DAY)
FILTERS = [LAST_4_WEEKS, dataclasses.replace(LAST_4_WEEKS, reason_l1="Delivery", channel_group="voice")]


def test_the_store_is_in_parquet_mode(both, dataset):
    _, parquet = both
    source = contact_source(parquet)
    assert source.mode == "parquet" and source.location == str(dataset)
    assert source.files == len(list(dataset.glob("*/*.parquet")))
    kind = parquet.execute("select table_type from information_schema.tables where table_name = 'contacts'").fetchall()
    assert kind[0][0] == "VIEW"


def test_the_view_has_the_table_columns_in_order_and_type(both):
    table, parquet = both
    assert parquet.execute("describe contacts").fetchall() == [
        (name, data_type, "YES", None, None, None) for name, data_type, *_ in table.execute("describe contacts").fetchall()
    ]


def test_every_contact_is_the_same(both):
    table, parquet = both
    digest = ("select count(*), count(distinct contact_id), sum(hash(contact_id, started_at, channel, reason_l1,"
              " reason_l2, reason_l3, customer_id, handle_seconds, resolved, csat)) from contacts")
    assert table.execute(digest).fetchall() == parquet.execute(digest).fetchall()
    assert table.execute(digest).fetchall()[0][0] > 150_000


@pytest.mark.parametrize("contact_filter", FILTERS, ids=["all", "delivery-voice"])
def test_overview_is_the_same(both, contact_filter):
    table, parquet = both
    left, right = overview.overview(table, contact_filter), overview.overview(parquet, contact_filter)
    assert left.current.contacts > 0
    _assert_same(left, right, "overview")


@pytest.mark.parametrize("contact_filter", FILTERS, ids=["all", "delivery-voice"])
def test_daily_volume_series_is_the_same(both, contact_filter):
    table, parquet = both
    whole = contact_filter.with_period(date(2024, 5, 1), LAST_DAY)
    left, right = trends.daily_series(table, whole), trends.daily_series(parquet, whole)
    assert left.sum() > 0
    _assert_same(left, right, "daily_series")


def test_volume_trend_is_the_same(both):
    table, parquet = both
    left = trends.volume_trend(table, LAST_4_WEEKS, "week", first_day=date(2024, 5, 1))
    right = trends.volume_trend(parquet, LAST_4_WEEKS, "week", first_day=date(2024, 5, 1))
    _assert_same(left.periods, right.periods, "trend.periods")


@pytest.mark.parametrize("contact_filter", FILTERS, ids=["all", "delivery-voice"])
def test_reason_tree_is_the_same(both, contact_filter):
    table, parquet = both
    left = breakdowns.reason_tree(table, contact_filter, compare_previous=True, compare_last_year=True)
    right = breakdowns.reason_tree(parquet, contact_filter, compare_previous=True, compare_last_year=True)
    assert len(left) > 3
    _assert_same(left, right, "reason_tree")


def test_weekly_report_is_the_same(both):
    table, parquet = both
    monday = date(2026, 6, 22)
    left = weekly.weekly_report(table, LAST_4_WEEKS, monday, level=2, first_day=date(2024, 5, 1), driver="orders")
    right = weekly.weekly_report(parquet, LAST_4_WEEKS, monday, level=2, first_day=date(2024, 5, 1), driver="orders")
    assert left.total["contacts"] > 0 and left.driver == "orders"
    _assert_same(left, right, "weekly_report")


def test_ratios_are_the_same(both):
    table, parquet = both
    left = ratios.ratio_trend(table, LAST_4_WEEKS, "orders", "week", first_day=date(2024, 5, 1))
    right = ratios.ratio_trend(parquet, LAST_4_WEEKS, "orders", "week", first_day=date(2024, 5, 1))
    _assert_same(left, right, "ratio_trend")
    _assert_same(ratios.unit_ratios(table, LAST_4_WEEKS, "orders", "reason_l1"),
                 ratios.unit_ratios(parquet, LAST_4_WEEKS, "orders", "reason_l1"), "unit_ratios")


def test_daily_aggregate_is_rebuilt_from_the_dataset(both):
    table, parquet = both
    query = "select day, sum(contacts) from contact_days group by day order by day"
    assert parquet.execute(query).fetchall() == table.execute(query).fetchall()
    direct = parquet.execute("select cast(started_at as date), count(*) from contacts group by 1 order by 1").fetchall()
    assert parquet.execute(query).fetchall() == direct


# --- refresh ---------------------------------------------------------------------------

def _new_month(dataset, tmp_path):
    """A copy of the dataset plus July 2026: 30 contacts a day, in its own month folder,
    written by another tool (columns in another order, optional ones missing)."""
    copy = tmp_path / "dataset"
    shutil.copytree(dataset, copy)
    folder = copy / "month=2026-07"
    folder.mkdir()
    duckdb.execute(
        "copy (select 'Chat' as channel, 'NEW-' || i as contact_id, 'Delivery' as reason_l1,"
        " timestamp '2026-07-01 08:00' + to_minutes(i * 48) as started_at, 'Where is my parcel' as reason_l2"
        " from range(900) as r(i))"
        f" to {sql_string_literal(str(folder / 'export.parquet'))} (format parquet)"
    )
    return copy


def test_a_new_month_shows_up_after_refresh(parquet_store, dataset, tmp_path):
    store = _copy(parquet_store, tmp_path)
    grown = _new_month(dataset, tmp_path)
    conn = open_store(store)
    try:
        use_parquet(conn, str(grown))
        before = int(conn.execute("select count(*) from contacts").fetchall()[0][0])
        version = data_version(conn)
        assert refresh_source(conn).status == "up_to_date"
        assert data_version(conn) == version  # nothing written

        extra = grown / "month=2026-08"
        extra.mkdir()
        duckdb.execute("copy (select 'NEW-AUG-' || i as contact_id, timestamp '2026-08-03 09:00' + to_minutes(i) as"
                       " started_at, 'Chat' as channel, 'Delivery' as reason_l1 from range(25) as r(i))"
                       f" to {sql_string_literal(str(extra / 'data_0.parquet'))} (format parquet)")
        result = refresh_source(conn)
        assert result.status == "refreshed" and result.contacts == before + 25
        assert data_version(conn) > version
        august = ContactFilter(date(2026, 8, 1), date(2026, 8, 31))
        assert overview.overview(conn, august).current.contacts == 25
        assert conn.execute("select sum(contacts) from contact_days where day = '2026-08-03'").fetchall() == [(25,)]
        july = overview.overview(conn, ContactFilter(date(2026, 7, 1), date(2026, 7, 31)))
        assert july.current.contacts == 900
        # reason levels a file leaves out read as '' (as in the table), never NULL
        assert conn.execute("select count(*) from contacts where reason_l3 is null").fetchall() == [(0,)]
    finally:
        conn.close()


def test_a_file_without_a_required_column_is_refused_and_nothing_changes(parquet_store, dataset, tmp_path):
    store = _copy(parquet_store, tmp_path)
    broken = tmp_path / "dataset"
    shutil.copytree(dataset, broken)
    (broken / "month=2026-07").mkdir()
    duckdb.execute("copy (select 'X1' as contact_id, timestamp '2026-07-01' as started_at, 'Chat' as channel)"
                   f" to {sql_string_literal(str(broken / 'month=2026-07' / 'data_0.parquet'))} (format parquet)")
    conn = open_store(store)
    try:
        with pytest.raises(ParquetSourceError, match="reason_l1"):
            use_parquet(conn, str(broken))
        assert contact_source(conn).location == str(dataset)
    finally:
        conn.close()


# --- imports, use-table ----------------------------------------------------------------

def test_an_import_is_refused_and_nothing_is_written(parquet_store, tmp_path):
    store = _copy(parquet_store, tmp_path)
    export = tmp_path / "new.csv"
    export.write_text("contact_id,started_at,channel,reason_l1\nN1,2026-07-01 09:00,Chat,Delivery\n")
    conn = open_store(store)
    try:
        version = data_version(conn)
        imports = conn.execute("select count(*) from import_log").fetchall()
        with pytest.raises(ImportRefused, match="store refresh"):
            import_contacts(conn, export)
        assert data_version(conn) == version
        assert conn.execute("select count(*) from import_log").fetchall() == imports
        assert conn.execute("select count(*) from contacts where contact_id = 'N1'").fetchall() == [(0,)]
    finally:
        conn.close()
    with using_language("nl"), pytest.raises(ImportRefused, match="store refresh"):
        conn = open_store(store)
        try:
            import_contacts(conn, export)
        finally:
            conn.close()


def test_the_command_line_refuses_an_import_with_the_message(parquet_store, tmp_path):
    import subprocess
    import sys

    from tests.support.stores import ROOT

    store = _copy(parquet_store, tmp_path)
    export = tmp_path / "new.csv"
    export.write_text("contact_id,started_at,channel,reason_l1\nN1,2026-07-01 09:00,Chat,Delivery\n")
    done = subprocess.run([sys.executable, "-m", "analytics", "import", "contacts", str(export), "--db", str(store)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Parquet dataset" in done.stderr and "store refresh" in done.stderr


def test_use_table_brings_the_rows_back_and_imports_work_again(parquet_store, table_store, tmp_path):
    store = _copy(parquet_store, tmp_path)
    conn = open_store(store)
    try:
        result = use_table(conn)
        assert result.mode == "table" and contact_source(conn).mode == "table"
        kind = conn.execute("select table_type from information_schema.tables where table_name = 'contacts'").fetchall()
        assert kind[0][0] == "BASE TABLE"
        original = duckdb.connect(str(table_store), read_only=True)
        try:
            digest = "select count(*), sum(hash(contact_id, started_at, reason_l2, csat)) from contacts"
            assert conn.execute(digest).fetchall() == original.execute(digest).fetchall()
            ddl = "select sql from duckdb_tables() where table_name = 'contacts'"
            assert conn.execute(ddl).fetchall() == original.execute(ddl).fetchall()
        finally:
            original.close()
        export = tmp_path / "new.csv"
        export.write_text("contact_id,started_at,channel,reason_l1\nN1,2026-07-01 09:00,Chat,Delivery\n")
        assert import_contacts(conn, export).inserted == 1
    finally:
        conn.close()


def test_switching_a_table_with_contacts_the_dataset_lacks_is_refused(table_store, tmp_path):
    store = _copy(table_store, tmp_path)
    partial = tmp_path / "partial"
    conn = open_store(store)
    try:
        export_parquet(conn, partial)
        shutil.rmtree(sorted(partial.iterdir())[0])  # the first month is lost
        with pytest.raises(ParquetSourceError, match="not in the dataset"):
            use_parquet(conn, str(partial))
        assert contact_source(conn).mode == "table"
        use_parquet(conn, str(partial), discard_table=True)
        assert contact_source(conn).mode == "parquet"
    finally:
        conn.close()


def test_export_refuses_a_folder_that_is_not_empty(table_store, tmp_path):
    (tmp_path / "old.txt").write_text("keep me")
    conn = open_store(table_store, read_only=True)
    try:
        with pytest.raises(ParquetSourceError, match="not an empty folder"):
            export_parquet(conn, tmp_path)
    finally:
        conn.close()
    assert (tmp_path / "old.txt").read_text() == "keep me"


def test_export_writes_each_month_sorted_by_time(dataset):
    rows = duckdb.execute(
        "select filename, bool_and(started_at >= previous), min(strftime(started_at, '%Y-%m')),"
        " max(strftime(started_at, '%Y-%m')), count(distinct filename) over () from ("
        "  select filename, started_at, lag(started_at) over (partition by filename order by file_row_number)"
        "  as previous from read_parquet($files, filename = true, file_row_number = true))"
        " where previous is not null group by filename",
        {"files": str(dataset / "*" / "*.parquet")},
    ).fetchall()
    assert len(rows) > 20
    for filename, ordered, first_month, last_month, _ in rows:
        assert ordered and first_month == last_month and f"month={first_month}" in filename


# --- locations -------------------------------------------------------------------------

def test_a_folder_with_quotes_in_its_name_works(parquet_store, dataset, tmp_path):
    odd = tmp_path / "it's \"here\"; drop table reasons; --"
    shutil.copytree(dataset, odd)
    store = _copy(parquet_store, tmp_path)
    conn = open_store(store)
    try:
        reasons = conn.execute("select count(*) from reasons").fetchall()
        result = use_parquet(conn, str(odd))
        assert result.location == str(odd)
    finally:
        conn.close()
    conn = open_store(store)  # the view's SQL is stored and parsed again on opening
    try:
        assert contact_source(conn).location == str(odd)
        assert conn.execute("select count(*) from reasons").fetchall() == reasons
        assert conn.execute("select count(*) from contacts").fetchall()[0][0] == result.contacts > 0
    finally:
        conn.close()


def test_sql_string_literal_doubles_quotes():
    assert sql_string_literal("a'b") == "'a''b'"
    assert duckdb.execute("select " + sql_string_literal("it's '' \"x\"")).fetchall() == [("it's '' \"x\"",)]
    with pytest.raises(ParquetSourceError):
        sql_string_literal("a\nb")


@pytest.mark.parametrize("location, message", [
    ("", "folder or URL"),
    ("/data/contacts/*", "wildcards"),
    ("/data/contacts\n", None),
    ("ftp://example.com/contacts", "cannot read ftp://"),
    ("/no/such/folder/anywhere", "no folder"),
])
def test_bad_locations_are_refused(location, message):
    with pytest.raises(ParquetSourceError, match=message):
        checked_location(location)


def test_urls_are_kept_as_given():
    assert checked_location("s3://bucket/contacts/") == "s3://bucket/contacts"
    assert checked_location("https://example.com/data") == "https://example.com/data"


def test_a_remote_url_without_httpfs_gives_the_clear_message(parquet_store, tmp_path):
    """No extension can be loaded or installed here (an empty extension folder and a
    repository that does not exist), as on a machine without internet access."""
    store = _copy(parquet_store, tmp_path)
    conn = open_store(store)
    try:
        (tmp_path / "extensions").mkdir()
        conn.execute(f"set extension_directory = {sql_string_literal(str(tmp_path / 'extensions'))}")
        conn.execute(f"set custom_extension_repository = {sql_string_literal(str(tmp_path / 'no-repository'))}")
        conn.execute("set autoinstall_known_extensions = false")
        version = data_version(conn)
        with pytest.raises(ParquetSourceError, match="needs DuckDB's httpfs extension") as refused:
            use_parquet(conn, "s3://contact-centre/contacts")
        assert "INSTALL httpfs" in str(refused.value)
        assert data_version(conn) == version
        assert contact_source(conn).mode == "parquet"  # still on its local dataset
    finally:
        conn.close()


def test_status_and_refresh_from_the_command_line(table_store, dataset, tmp_path):
    store = _copy(table_store, tmp_path)
    assert run_cli("store", "status", "--db", str(store))["mode"] == "table"
    rebuilt = run_cli("store", "refresh", "--db", str(store))  # table mode: the aggregates are rebuilt
    assert rebuilt["mode"] == "table" and rebuilt["contacts"] > 150_000
    run_cli("store", "use-parquet", str(dataset), "--db", str(store))
    status = run_cli("store", "status", "--db", str(store))
    assert status["mode"] == "parquet" and status["location"] == str(dataset)
    assert status["files"] == len(list(dataset.glob("*/*.parquet"))) and len(status["fingerprint"]) == 64
    assert run_cli("store", "refresh", "--db", str(store))["status"] == "up_to_date"
    assert run_cli("store", "refresh", "--force", "--db", str(store))["status"] == "refreshed"
    assert run_cli("store", "use-table", "--db", str(store))["contacts"] == rebuilt["contacts"]
