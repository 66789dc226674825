"""Live data in an open page: while the dashboard runs, a scheduled job imports a file by
the command line; the Overview that is already open shows the new count and the new
"data updated" line by itself, without a reload."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from analytics.overview import default_period, store_freshness
from analytics.store import open_store
from tests.browser.conftest import ARTIFACTS, AppServer, assert_no_exception, metric_value, screenshot, wait_for_app
from tests.support.stores import ROOT, run_cli

pytestmark = pytest.mark.browser
LAST_DAY = date(2026, 6, 30)
NEW_CONTACTS = 37
NEXT_DAY_CONTACTS = 11


def write_export(path, rows):
    lines = ["contact_id,started_at,channel,reason_l1"] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def live_server(tmp_path, monkeypatch):
    """A small store (60 days, 20 contacts a day) served with a 2-second refresh and a
    1-second inbox poll; returns (server, store, contacts in the default period, rows)."""
    days = [LAST_DAY - timedelta(days=n) for n in range(60)]
    rows = [(f"B{d:%Y%m%d}-{i}", f"{d} {8 + i % 10:02d}:{i * 2:02d}:00", ("phone", "chat", "email")[i % 3],
             ("Delivery", "Returns", "Payment")[i % 3 if i % 4 else 0]) for d in days for i in range(20)]
    store = tmp_path / "live.duckdb"
    run_cli("import", "contacts", str(write_export(tmp_path / "contacts_base.csv", rows)), "--db", str(store))
    conn = open_store(store, read_only=True)
    try:
        start, end = default_period(store_freshness(conn))
    finally:
        conn.close()
    in_period = sum(start <= date.fromisoformat(r[1][:10]) <= end for r in rows)
    monkeypatch.setenv("CONTACTS_REFRESH_SECONDS", "2")
    monkeypatch.setenv("CONTACTS_INBOX_POLL_SECONDS", "1")
    server = AppServer(store)
    yield server, store, in_period, rows
    server.stop()


def test_an_import_by_the_command_line_shows_up_in_the_open_overview(page, live_server, tmp_path):
    server, store, in_period, base_rows = live_server
    page.goto(server.url)
    wait_for_app(page, charts=2)
    assert_no_exception(page)
    assert metric_value(page, "Contacts").strip() == str(in_period)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("import of contacts_base.csv")).to_have_count(1)
    updated_before = sidebar.get_by_text("Data updated").inner_text()

    # The refresh fragment runs every 2 s; an open Download menu stays open through its runs.
    page.locator('[data-testid="stPopover"]').first.locator("button").first.click()
    excel = page.locator('[data-testid="stDownloadButton"]').filter(has_text="Excel data").first
    excel.wait_for(state="visible")
    page.wait_for_timeout(5_000)
    expect(excel).to_be_visible()
    page.keyboard.press("Escape")

    # Tonight's file: new contacts on the last day (earlier than its last contact, so the
    # default period stays the same and the count must grow by exactly this many).
    new_rows = [(f"N{i}", f"{LAST_DAY} 09:{i:02d}:30", "phone", "Delivery") for i in range(NEW_CONTACTS)]
    export = write_export(tmp_path / f"contacts_{LAST_DAY}.csv", new_rows)
    job = subprocess.run([sys.executable, "-m", "analytics", "import", "contacts", str(export), "--db", str(store),
                          "--wait", "60"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert job.returncode == 0, job.stderr
    assert "queued" in job.stderr  # the server held the store: it went through the inbox
    assert json.loads(job.stdout)["inserted"] == NEW_CONTACTS
    imported_at = time.monotonic()

    # No reload: the open page redraws itself.
    contacts = page.locator('[data-testid="stMetric"]').filter(has_text="Contacts").first
    expect(contacts.locator('[data-testid="stMetricValue"]')).to_have_text(str(in_period + NEW_CONTACTS),
                                                                          timeout=60_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "live-refresh-seconds.json").write_text(json.dumps(
        {"refresh_every_seconds": 2, "import_to_new_number_seconds": round(time.monotonic() - imported_at, 2)}))
    expect(sidebar.get_by_text(f"import of contacts_{LAST_DAY}.csv")).to_have_count(1, timeout=30_000)
    assert sidebar.get_by_text("Data updated").inner_text() != updated_before
    wait_for_app(page, charts=2)
    assert_no_exception(page)
    screenshot(page, "live-overview-after-cli-import")

    # The next night brings a new day: a period the user left at its default moves along
    # (the last 28 days now end on the new day), so the new day is in the numbers.
    next_day = LAST_DAY + timedelta(days=1)
    next_rows = [(f"D{i}", f"{next_day} 10:{i:02d}:00", "chat", "Returns") for i in range(NEXT_DAY_CONTACTS)]
    job = subprocess.run([sys.executable, "-m", "analytics", "import", "contacts",
                          str(write_export(tmp_path / f"contacts_{next_day}.csv", next_rows)), "--db", str(store),
                          "--wait", "60"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert job.returncode == 0, job.stderr
    start = next_day - timedelta(days=27)
    expected = (sum(start <= date.fromisoformat(r[1][:10]) for r in base_rows) + NEW_CONTACTS
                + NEXT_DAY_CONTACTS)
    expect(contacts.locator('[data-testid="stMetricValue"]')).to_have_text(str(expected), timeout=60_000)
    expect(page.get_by_text(f"{start.day} {start:%b %Y} to {next_day.day} {next_day:%b %Y}")).to_have_count(1)
    wait_for_app(page, charts=2)
    assert_no_exception(page)
    screenshot(page, "live-overview-after-a-new-day")
