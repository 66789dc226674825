"""Browser fixtures: the real server on a free loopback port, driven by Debian's Chromium
through Playwright. Missing Chromium fails the run (never skips): `make test` installs it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect, sync_playwright

from tests.support.stores import ROOT, build_demo_store, build_sf311_store

# Assertions on the page retry until they hold: a table or caption can be drawn a moment
# after the charts the tests wait for.
expect.set_options(timeout=30_000)

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """``streamlit run app.py`` on a store, until stopped."""

    def __init__(self, store: Path, *, port: int | None = None, args: tuple[str, ...] = (),
                 env: dict[str, str] | None = None):
        """``args`` are more server options; ``env`` replaces the default sign-in (local)."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(store.with_suffix(".server.log"), "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ui.server",
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false", *args],
            cwd=ROOT, env={**(env if env is not None else {"CONTACTS_AUTH": "local", **os.environ}),
                           "CONTACTS_DB": str(store)},
            stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2).status == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"The app did not start; see {self.log.name}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `sudo apt-get install -y chromium` (make test does this as root).")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def page_timings():
    """Seconds from navigation to the last chart drawn, per page; written for the record."""
    timings: dict[str, float] = {}
    yield timings
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # One file per test process (make test runs two), so neither overwrites the other's.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    name = f"page-load-seconds-{worker}.json" if worker else "page-load-seconds.json"
    (ARTIFACTS / name).write_text(json.dumps(timings, indent=2))


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    server = AppServer(build_demo_store(tmp_path_factory.mktemp("browser-demo") / "contacts.duckdb"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def sf311_server(tmp_path_factory):
    server = AppServer(build_sf311_store(tmp_path_factory.mktemp("browser-sf311") / "contacts.duckdb"))
    yield server
    server.stop()


def wait_for_app(page, *, charts: int = 0, timeout_ms: int = 60_000) -> float:
    """Wait until the script has finished and at least ``charts`` charts are drawn (all
    of them, when there are more); return seconds taken."""
    started = time.monotonic()
    idle = '[data-testid="stApp"][data-test-script-state="notRunning"]'
    page.wait_for_selector(idle, timeout=timeout_ms)
    page.wait_for_load_state("networkidle", timeout=timeout_ms)
    # A run can end and the next (a rerun the first asked for) start a moment later:
    # idle twice, 300 ms apart, means the page has settled.
    page.wait_for_timeout(300)
    page.wait_for_selector(idle, timeout=timeout_ms)
    page.wait_for_function(
        """(minimum) => {
            const plots = [...document.querySelectorAll('.js-plotly-plot')];
            return plots.length >= minimum && plots.every(p => p.querySelector('.main-svg'));
        }""",
        arg=charts, timeout=timeout_ms,
    )
    return time.monotonic() - started


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def open_page(page, url: str, *, charts: int = 0, height: int | None = None) -> float:
    """Go to ``url`` and wait for the app (see :func:`wait_for_app`); return seconds taken.
    ``height`` makes the window that tall first, so a screenshot holds the whole page
    (Streamlit scrolls inside its own container, which a full-page screenshot misses)."""
    if height:
        page.set_viewport_size({"width": 1400, "height": height})
    started = time.monotonic()
    page.goto(url)
    wait_for_app(page, charts=charts)
    return time.monotonic() - started


def assert_no_exception(page) -> None:
    """The page exists and shows no exception box (the first one's text on failure)."""
    assert page.get_by_text("Page not found").count() == 0
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()


def metric_value(page, label: str) -> str:
    """The value shown by the first metric whose text contains ``label``."""
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def edit_grid_cell(page, grid, x: float, y: float, text: str, *, attempts: int = 4) -> None:
    """Replace the text of the cell at (``x``, ``y``) pixels inside ``grid`` (an
    ``st.data_editor``; it draws on a canvas): select the cell, open its editor with Enter,
    fill it, Enter. A grid that is still settling after a rerun may swallow the click or
    close the editor it opened: then Escape and try again."""
    field = page.locator("#portal textarea, #portal input").first
    for _ in range(attempts):
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.click(box["x"] + x, box["y"] + y)
        page.keyboard.press("Enter")
        try:
            field.wait_for(timeout=5_000)
            field.fill(text, timeout=5_000)
            break
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    else:
        raise AssertionError(f"the cell's editor did not open after {attempts} clicks")
    page.keyboard.press("Enter")


def choose_option(page, box, text: str, *, attempts: int = 4) -> None:
    """Pick ``text`` in a selectbox or multiselect ``box`` as a user does: open it, type,
    click the option. A box that a rerun redraws while it opens may close again before the
    options show: then Escape and try again."""
    option = page.get_by_role("option", name=text, exact=True).first
    for _ in range(attempts):
        box.click()
        page.keyboard.press("Control+a")  # replaces what an earlier try typed
        page.keyboard.type(text)
        try:
            option.wait_for(timeout=10_000)
            option.click()
            return
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    raise AssertionError(f"the option {text!r} did not show after {attempts} tries")
