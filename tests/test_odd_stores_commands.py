"""The commands a scheduled job runs, on the stores an import can produce that the demo never
does (``tests/support/odd_stores.py``): ``baseline --backtest``, ``report weekly --out
FILE.html`` and ``pilot plan``. Each ends with exit code 0, or refuses with the documented
code 2 and one plain line when refusing is the honest answer ("not enough history"); never a
traceback, a solver's message or a number that is not one.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from tests.support.odd_stores import ODD_STORES, OddStore, build_odd_store
from tests.support.stores import ROOT

RAW_TEXT = re.compile(r"f\(a\) and f\(b\)|Traceback|[A-Z]\w*(Error|Exception|Warning)\b|\b(nan|NaN|inf)\b"
                      r"|solver|brentq|scipy|numpy|statsmodels")


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def _commands(store: OddStore, folder) -> dict[str, list[str]]:
    db = ["--db", str(store.path)]
    return {
        "baseline": ["baseline", "--backtest", "--json", *db],
        "report": ["report", "weekly", "--out", str(folder / f"{store.name}-weekly.html"), *db],
        "plan": ["pilot", "plan", "--reason", store.reason, "--weeks", "4", "--expected-effect=-20%", *db],
    }


def _run(args: list[str]) -> Ran:
    done = subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ), timeout=300)
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def ran(tmp_path_factory) -> dict[tuple[str, str], tuple[OddStore, Ran]]:
    """Every command on every store, run once: two stores at a time, each store's commands
    one after the other (a command that may write holds its store alone)."""
    folder = tmp_path_factory.mktemp("odd-stores-commands")
    stores = [build_odd_store(shape, folder) for shape in ODD_STORES]

    def run_all(store: OddStore) -> dict[tuple[str, str], tuple[OddStore, Ran]]:
        return {(store.name, name): (store, _run(args)) for name, args in _commands(store, folder).items()}

    with ThreadPoolExecutor(max_workers=2) as pool:
        return {key: value for found in pool.map(run_all, stores) for key, value in found.items()}


def _clean(run: Ran) -> None:
    """No traceback, no library's words, on either stream."""
    assert not RAW_TEXT.search(run.stdout), run.stdout
    assert not RAW_TEXT.search(run.stderr), run.stderr


def _refused_in_one_line(run: Ran, message: str) -> None:
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [f"error: {message}"]


@pytest.mark.parametrize("shape", ODD_STORES)
def test_baseline_backtest(ran, shape):
    store, run = ran[(shape, "baseline")]
    _clean(run)
    if shape == "one_day":
        _refused_in_one_line(run, "A backtest needs at least 56 days of history before its first origin; this "
                                  "series has 1 days.")
        return
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    assert result["n_origins"] >= 1
    for key in ("mape_model", "mape_seasonal_naive", "coverage_80", "coverage_95"):
        assert 0 <= result[key] < 10, key  # a number, not NaN (NaN fails every comparison)


@pytest.mark.parametrize("shape", ODD_STORES)
def test_weekly_report(ran, shape):
    store, run = ran[(shape, "report")]
    _clean(run)
    if shape == "one_day":
        _refused_in_one_line(run, "The store has no complete week with 8 weeks of data before it.")
        return
    assert run.returncode == 0, run.stderr
    page = (store.path.parent / f"{shape}-weekly.html").read_text(encoding="utf-8")
    assert "Week 26" in page
    assert not RAW_TEXT.search(re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.S))
    if shape == "sparse":  # the dense weeks broke away from ten thin years: no expected values, and why
        assert "No baseline for these contacts: The last 28 days of the history had" in page
    else:
        assert "expected" in page


@pytest.mark.parametrize("shape", ODD_STORES)
def test_pilot_plan(ran, shape):
    store, run = ran[(shape, "plan")]
    _clean(run)
    assert run.returncode == 0, run.stderr
    plan = json.loads(run.stdout)
    assert plan["target"] == [store.reason]
    if shape == "sparse":  # ten years of fake pilots: a number, however large
        assert 0 < plan["minimum_detectable_effect"] < 1 and plan["detectable"] is False
    else:  # under a year of history: the planner says it cannot tell, not "?"
        assert plan["minimum_detectable_effect"] is None and plan["detectable"] is None
        assert plan["advice"].startswith("There is too little history to say how large an effect a 4-week pilot")
        assert "?" not in plan["advice"]
