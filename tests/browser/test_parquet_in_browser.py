"""The real app on a store in Parquet mode: the Overview draws from the dataset with the
table's numbers, and an upload on the Data page is refused with the Parquet message."""

from __future__ import annotations

import shutil

import duckdb
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AppServer, assert_no_exception, metric_value, open_page, screenshot, wait_for_app
from tests.support.stores import ROOT, build_demo_store, run_cli

pytestmark = pytest.mark.browser
EXPORT = ROOT / "tests" / "data" / "dutch_crm_export.csv"


@pytest.fixture(scope="module")
def parquet_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-parquet")
    table_store = build_demo_store(folder / "table.duckdb")
    store = folder / "parquet.duckdb"
    shutil.copy(table_store, store)
    run_cli("store", "export-parquet", "--db", str(table_store), "--out", str(folder / "dataset"))
    run_cli("store", "use-parquet", str(folder / "dataset"), "--db", str(store))
    conn = duckdb.connect(str(table_store), read_only=True)
    expected = conn.execute(
        "select count(*) from contacts where started_at >= "
        "(select cast(max(started_at) as date) from contacts) - interval 27 day"
    ).fetchall()[0][0]
    conn.close()
    server = AppServer(store)
    yield server, expected
    server.stop()


def test_overview_and_a_refused_upload_on_a_parquet_store(page, parquet_server):
    server, expected = parquet_server
    open_page(page, f"{server.url}/", charts=2)
    assert_no_exception(page)
    assert int(metric_value(page, "Contacts").replace(",", "")) == expected
    screenshot(page, "overview-parquet-mode")

    page.goto(f"{server.url}/data")
    wait_for_app(page)
    page.locator('input[type="file"]').set_input_files(str(EXPORT))
    page.get_by_text("First rows as they will be stored").wait_for(timeout=60_000)
    wait_for_app(page)
    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_text("reads its contacts from the Parquet dataset", exact=False).wait_for(timeout=60_000)
    wait_for_app(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    screenshot(page, "import-refused-parquet-mode")
