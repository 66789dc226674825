"""``python -m analytics reasons suggest|discover|tree`` on a small demo store (120 days,
300 contacts a day) whose truth is known: half of "Other" was written about a reason the
tree has, and a new problem (QR-code return labels) hides under "Other" from about six weeks
before the end.

``suggest`` prints JSON lines for contacts that exist and are filed under Other, ending in
one line with the held-out figures; the offered suggestions for Other texts written from a
known reason's wordings point to that reason; the gate holds in the figures; the plain
output speaks Dutch with ``--lang nl``. ``discover`` finds the hidden problem as a rising
candidate. A store without texts, or without reason codes, is refused with a message; the
latter gets a proposed tree from ``tree``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from analytics.access import Actor, Role, acting_as
from analytics.cli import main
from analytics.commands import reasons_cmd
from analytics.demo.subject_templates import SUBJECTS
from analytics.store import open_store
from tests.support.stores import ROOT, run_cli

DEMO = ["--days", "120", "--contacts-per-day", "300", "--seed", "7", "--end", "2026-06-30"]
# Wordings of real reasons that a customer under "Other" wrote (the agent did not find the
# reason), and the reason they belong to.
KNOWN_WORDINGS = {
    "pakket niet ontvangen": "Delivery > Not delivered > Parcel lost",
    "adres wijzigen": "Order > Change > Address",
    "bestelling annuleren": "Order > Cancel > Changed mind",
    "wachtwoord vergeten": "Account > Login > Password",
    "track en trace werkt niet": "Delivery > Status unknown > Track and trace",
    "factuur klopt niet": "Payment > Invoice > Incorrect",
}


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("reasons_cli") / "demo.duckdb"
    run_cli("demo", "--db", str(path), *DEMO)
    return path


def _run(*args: str) -> tuple[int, str]:
    """``python -m analytics ARGS`` in this process, as the local operator: exit code, stdout."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), acting_as(Actor("cli:test", Role.ADMIN)):
        code = main(list(args))
    return code, out.getvalue()


def _fails(*args: str) -> subprocess.CompletedProcess:
    completed = subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
                               env=dict(os.environ), timeout=300)
    assert completed.returncode == 2, completed.stdout
    assert completed.stdout == ""
    return completed


@pytest.fixture(scope="module")
def suggested(small_store):
    """``reasons suggest --json --all`` once (training takes seconds); later runs of the
    command in this module reuse its result instead of training again."""
    made = []
    real = reasons_cmd.suggest_reasons

    def keep(conn):
        made.append(real(conn))
        return made[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reasons_cmd, "suggest_reasons", keep)
        code, output = _run("reasons", "suggest", "--db", str(small_store), "--json", "--all")
    assert code == 0
    return [json.loads(line) for line in output.splitlines()], made[0]


@pytest.fixture
def reuse(monkeypatch, suggested):
    monkeypatch.setattr(reasons_cmd, "suggest_reasons", lambda conn: suggested[1])


def _store_rows(store, ids: list[str]) -> pd.DataFrame:
    conn = duckdb.connect(str(store), read_only=True)
    try:
        return conn.execute("select contact_id, reason_l1, reason_l2, reason_l3, text from contacts"
                            " where list_contains($ids, contact_id)", {"ids": ids}).df().set_index("contact_id")
    finally:
        conn.close()


def test_suggest_prints_json_lines_for_other_contacts_that_exist(suggested, small_store):
    lines, result = suggested
    *suggestions, accuracy = lines
    assert accuracy["kind"] == "accuracy" and {line["kind"] for line in suggestions} == {"suggestion"}
    assert len(suggestions) == len(result.suggestions) > 500
    ids = [line["contact_id"] for line in suggestions]
    assert len(set(ids)) == len(ids)
    rows = _store_rows(small_store, ids)
    assert len(rows) == len(ids)  # every contact exists
    assert set(rows["reason_l1"]) == {"Other"} and rows["text"].notna().all()
    assert all(0 <= line["confidence"] <= 1 for line in suggestions)
    assert {line["offered"] for line in suggestions} == {True, False}  # --all: the held-back ones too
    assert all(line["suggested_path"] and line["suggested_path"] != "Other" for line in suggestions)


def test_without_all_only_offered_suggestions_are_printed(reuse, small_store, suggested):
    code, output = _run("reasons", "suggest", "--db", str(small_store), "--json")
    lines = [json.loads(line) for line in output.splitlines()]
    assert code == 0 and lines[-1]["kind"] == "accuracy"
    assert len(lines) - 1 == len(suggested[1].offered) == lines[-1]["offered"]
    assert all(line["offered"] and line["confidence"] >= 0.5 for line in lines[:-1])


def test_the_accuracy_line_holds_the_figures_and_the_gate(suggested):
    accuracy = suggested[0][-1]
    assert accuracy["top1"] > 0.9 and accuracy["top3"] >= accuracy["top1"]
    assert accuracy["calibration_error"] < 0.05
    assert [level["level"] for level in accuracy["per_level"]] == [1, 2, 3]
    assert accuracy["held_out_contacts"] > 0.15 * accuracy["labelled_contacts"]  # a fifth is held out
    gate = accuracy["gate"]
    for reason in accuracy["per_reason"]:
        passes = (reason["learned"] and reason["held_out"] >= gate["min_held_out"]
                  and (reason["accuracy"] or 0) >= gate["min_accuracy"])
        assert reason["offered"] == passes, reason
    offered_reasons = {r["path"] for r in accuracy["per_reason"] if r["offered"]}
    assert {line["suggested_path"] for line in suggested[0][:-1] if line["offered"]} <= offered_reasons


def test_other_texts_written_about_a_known_reason_get_that_reason(suggested, small_store):
    lines, _ = suggested
    offered = {line["contact_id"]: line["suggested_path"] for line in lines[:-1] if line["offered"]}
    texts = _store_rows(small_store, list(offered))["text"]
    # Every exact wording of one known reason (no placeholder, not shared with another reason).
    owners: dict[str, set[str]] = {}
    for path, wordings in SUBJECTS.items():
        for wording in wordings:
            owners.setdefault(wording.lower(), set()).add(path)
    known = {wording: paths.pop() for wording, paths in owners.items()
             if len(paths) == 1 and "{" not in wording and "Other" not in paths}
    written = texts.str.lower().str.strip()
    about_known = written[written.isin(known)]
    assert len(about_known) >= 50
    agree = sum(offered[contact] == known[text] for contact, text in about_known.items())
    assert agree / len(about_known) >= 0.95
    checked = 0
    for wording, path in KNOWN_WORDINGS.items():
        contacts = about_known[about_known == wording].index
        checked += len(contacts) > 0
        assert all(offered[contact] == path for contact in contacts), wording
    assert checked >= 2


def test_plain_output_speaks_dutch(reuse, small_store, suggested):
    code, output = _run("--lang", "nl", "reasons", "suggest", "--db", str(small_store))
    assert code == 0
    assert "Juistheid per reden" in output and "Meteen goed" in output
    top1 = f"{suggested[1].held_out_top1 * 100:.1f}".replace(".", ",") + "%"
    assert top1 in output


def test_discover_finds_the_hidden_problem_rising(small_store):
    truth = json.loads(small_store.with_suffix(".truth.json").read_text())["hidden_problem"]
    completed = subprocess.run([sys.executable, "-m", "analytics", "reasons", "discover", "--db", str(small_store),
                                "--json"], cwd=ROOT, capture_output=True, text=True, env=dict(os.environ),
                               timeout=300)
    assert completed.returncode == 0, completed.stderr
    candidates = [json.loads(line) for line in completed.stdout.splitlines()]
    assert candidates and all(c["kind"] == "candidate" for c in candidates)
    problem = [c for c in candidates if c["rising"] and ("qr" in c["name"] or "retourlabel" in c["name"])]
    assert problem, [c["name"] for c in candidates if c["rising"]]
    found = problem[0]
    rows = _store_rows(small_store, found["example_ids"])
    assert set(rows["reason_l1"]) == {"Other"}
    assert rows["text"].str.lower().str.contains("qr").all()
    start_week = pd.Timestamp(truth["starts_on"]).isocalendar()
    before = [n for week, n in found["weekly_counts"].items()
              if (int(week[:4]), int(week[6:])) < (start_week.year, start_week.week)]
    assert sum(before) == 0  # nothing of it before the problem began
    assert found["closest_reason"] and found["closest_reason"] != "Other"


def test_a_store_without_texts_is_refused(tmp_path):
    empty = tmp_path / "empty.duckdb"
    open_store(empty).close()
    completed = _fails("reasons", "suggest", "--db", str(empty))
    assert "text" in completed.stderr


def test_a_store_without_reason_codes_is_refused_and_gets_a_tree(small_store, tmp_path):
    uncoded = tmp_path / "uncoded.duckdb"
    shutil.copy(small_store, uncoded)
    conn = duckdb.connect(str(uncoded))
    conn.execute("update contacts set reason_l1 = 'Not coded', reason_l2 = '', reason_l3 = ''")
    conn.close()
    assert "at least 2 reasons" in _fails("reasons", "suggest", "--db", str(uncoded)).stderr
    code, output = _run("reasons", "tree", "--db", str(uncoded), "--json")
    nodes = [json.loads(line) for line in output.splitlines()]
    assert code == 0 and nodes
    top = [node for node in nodes if node["depth"] == 1]
    assert 2 <= len(top) <= 7
    for parent in top:
        children = [node for node in nodes if node["depth"] == 2 and node["path"].startswith(parent["path"] + " > ")]
        assert len(children) <= 7
