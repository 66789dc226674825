"""The pilot edit that ``benchmarks/load.py`` makes while its sessions read: in a session of
its own, an editor opens Pilots → "Edit or delete a pilot", changes the owner of the pilot
the form shows first and saves. Afterwards the store must hold the new owner and an audit-log entry for it."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

SAVED = re.compile(r'Pilot "(.+)" saved\.')
# The import's new data can rerun the page between filling the form and saving it (seen once
# in a full test run: no confirmation in 90 s); an editor would then save again.
ATTEMPTS = 2
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


@dataclass
class PilotEdit:
    ok: bool = False
    pilot: str | None = None
    owner: str | None = None
    started_s: float | None = None
    seconds: float | None = None
    result: str = ""


def has_pilots(store: Path) -> bool:
    with duckdb.connect(str(store), read_only=True) as conn:
        return conn.execute("select count(*) from pilots").fetchone()[0] > 0


def check_edit(store: Path, edit: PilotEdit) -> list[str]:
    """Problems with the edit as the store holds it after the run (none when it landed)."""
    if not edit.ok:
        return [f"pilot edit failed: {edit.result}"]
    with duckdb.connect(str(store), read_only=True) as conn:
        owner = conn.execute("select owner from pilots where name = $name", {"name": edit.pilot}).fetchone()
        logged = conn.execute("select count(*) from audit_log where after_json like $owner",
                              {"owner": f"%{edit.owner}%"}).fetchone()[0]
    problems = []
    if not owner or owner[0] != edit.owner:
        problems.append(f"pilot {edit.pilot!r} has owner {owner and owner[0]!r}, the edit set {edit.owner!r}")
    if logged < 1:
        problems.append(f"no audit-log entry for the pilot edit of {edit.pilot!r}")
    return problems


async def run_pilot_edit(browser, url: str, delay: float, t0: float, timeout_s: float,
                         shown: asyncio.Event, edit: PilotEdit) -> None:
    """``delay`` seconds after the first page is shown, change a pilot's owner on the page;
    ``edit.pilot`` is the one the page says it saved."""
    await shown.wait()
    await asyncio.sleep(delay)
    edit.owner = f"load test {int(time.time())}"
    edit.started_s = round(time.monotonic() - t0, 2)
    started = time.monotonic()
    timeout_ms = int(timeout_s * 1000)
    context = await browser.new_context(viewport={"width": 1400, "height": 1400})
    page = await context.new_page()
    failed: list[str] = []
    try:
        for _ in range(ATTEMPTS):
            try:
                edit.pilot = await _change_owner(page, url, edit.owner, timeout_ms)
            except Exception as exc:  # noqa: BLE001  (said in the report, then tried once more)
                failed.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                continue
            edit.ok = True
            edit.result = "saved" if not failed else f"saved on attempt {len(failed) + 1} (before: {failed[0]})"
            break
        else:
            edit.result = " | ".join(failed)
    finally:
        edit.seconds = round(time.monotonic() - started, 2)
        await context.close()


async def _change_owner(page, url: str, owner_name: str, timeout_ms: int) -> str:
    """Open Pilots, change the first pilot's owner, save; the name of the pilot saved."""
    await page.goto(f"{url}/pilots", timeout=timeout_ms)
    await page.wait_for_selector(IDLE, timeout=timeout_ms)
    await page.get_by_text("Edit or delete a pilot", exact=True).click(timeout=timeout_ms)
    owner = page.get_by_role("textbox", name="Owner").last
    await owner.fill(owner_name, timeout=timeout_ms)
    await page.get_by_role("button", name="Save changes").click(timeout=timeout_ms)
    saved = page.get_by_text(SAVED)
    await saved.first.wait_for(timeout=timeout_ms)
    return SAVED.search(await saved.first.inner_text()).group(1)
