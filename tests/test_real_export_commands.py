"""The commands a scheduled job runs (``baseline --backtest``, ``report weekly``, ``pilot
plan``) on stores built from real exports as a person would import them. Each ends with exit
code 0, or refuses with code 2 and one plain line when refusing is the honest answer (too
little history); never a traceback or a library's words."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import duckdb
import pytest

from tests.support.page_views import RAW_TEXT
from tests.support.stores import ROOT
from tests.test_real_exports import real_export_store

STORES = ("sf311", "nyc311", "boston311", "anonbank", "twitter")
SHORT = ("nyc311", "anonbank")  # days of data: a backtest and a weekly report need weeks


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real-export-commands")

    def run_all(name: str):
        store = real_export_store(name, folder)
        conn = duckdb.connect(str(store), read_only=True)
        reason = conn.execute("select reason_l1 from contacts group by 1 order by count(*) desc limit 1").fetchall()[0][0]
        conn.close()
        db = ["--db", str(store)]
        return {(name, "baseline"): _run(["baseline", "--backtest", "--json", *db]),
                (name, "report"): (_run(["report", "weekly", "--out", str(folder / f"{name}.html"), *db]),
                                   folder / f"{name}.html"),
                (name, "plan"): _run(["pilot", "plan", "--reason", reason, "--weeks", "4", "--expected-effect=-20%",
                                      *db])}

    with ThreadPoolExecutor(max_workers=2) as pool:
        return {key: value for found in pool.map(run_all, STORES) for key, value in found.items()}


def _clean(done: subprocess.CompletedProcess) -> None:
    assert not RAW_TEXT.search(done.stdout.replace("null", "")), done.stdout[:500]
    assert not RAW_TEXT.search(done.stderr), done.stderr[:500]
    if done.returncode:
        assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
        assert done.stderr.startswith("error: ")


@pytest.mark.parametrize("name", STORES)
def test_baseline_backtest(ran, name):
    done = ran[(name, "baseline")]
    _clean(done)
    if name in SHORT:
        assert done.returncode == 2 and "at least 56 days of history" in done.stderr
    else:
        assert done.returncode == 0, done.stderr
        json.loads(done.stdout)


@pytest.mark.parametrize("name", STORES)
def test_report_weekly(ran, name):
    done, out = ran[(name, "report")]
    _clean(done)
    if name in SHORT:
        assert done.returncode == 2 and "no complete week with 8 weeks of data before it" in done.stderr
        assert not out.exists()
    else:
        assert done.returncode == 0, done.stderr
        html = out.read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html))  # what a reader sees
        assert "Week" in text and not RAW_TEXT.search(text), RAW_TEXT.search(text)


@pytest.mark.parametrize("name", STORES)
def test_pilot_plan(ran, name):
    done = ran[(name, "plan")]
    _clean(done)
    assert done.returncode == 0, done.stderr
