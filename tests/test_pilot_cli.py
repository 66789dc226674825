"""``python -m analytics pilot ...`` on the test demo store: list the demo's pilots,
evaluate one into the promised JSON, add, edit and delete, and refuse bad input with a
message, exit code 2 and nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from analytics.pilots.registry import list_pilots
from analytics.store import open_store
from tests.support.stores import ROOT, build_demo_store, run_cli


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pilot_cli") / "demo.duckdb"
    build_demo_store(path)
    return path


def _fails(*args: str) -> subprocess.CompletedProcess:
    completed = subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
                               env=dict(os.environ), timeout=300)
    assert completed.returncode == 2, completed.stdout
    assert completed.stdout == ""
    return completed


def _names(db) -> list[str]:
    """The pilots in the store, read directly (the CLI process has closed it)."""
    conn = open_store(db, read_only=True)
    try:
        return sorted(p.name for p in list_pilots(conn))
    finally:
        conn.close()


def test_the_demo_registers_its_three_pilots(demo_db):
    pilots = {p["name"]: p for p in run_cli("pilot", "list", "--db", str(demo_db))}
    assert set(pilots) == {"Track-and-trace e-mail", "Chatbot for password reset", "New FAQ page on returns"}
    bot = pilots["Chatbot for password reset"]
    assert bot["channels"] == ["Phone"] and bot["status"] == "rolled_out" and bot["control"] == "auto"
    assert pilots["New FAQ page on returns"]["rollout_on"] is None


def test_evaluate_prints_the_promised_json(demo_db):
    truth = json.loads(demo_db.with_suffix(".truth.json").read_text())
    result = run_cli("pilot", "evaluate", "Track-and-trace e-mail", "--db", str(demo_db), "--json")
    for key in ("relative_effect", "ci_low", "ci_high", "absolute_effect", "p_value", "method", "verdict",
                "placebo_false_positive_rate", "kpis", "spillover"):
        assert key in result, key
    assert result["ci_low"] <= result["relative_effect"] <= result["ci_high"]
    injected = next(p for p in truth["pilots"] if p["name"] == "Track-and-trace e-mail")["true_relative_effect"]
    assert result["ci_low"] < injected < result["ci_high"]
    assert result["absolute_effect"] < 0 and result["p_value"] < 0.05
    assert result["method"] in ("baseline", "control")
    assert result["verdict"].startswith("Contacts about Delivery > Status unknown fell")
    assert 0 <= result["placebo_false_positive_rate"] <= 1
    assert set(result["kpis"]) == {"volume", "contact_ratio", "handle_time", "first_contact_resolution",
                                   "repeat_rate_7d", "satisfaction"}
    for kpi in result["kpis"].values():
        assert kpi["available"] and kpi["ci_low"] <= kpi["effect"] <= kpi["ci_high"]
    assert "all_channels" in result["spillover"] and "largest_shifts" in result["spillover"]
    assert result["after_rollout"]["window"] == "rollout"


def test_add_edit_and_delete_a_pilot(demo_db):
    added = run_cli("pilot", "add", "--db", str(demo_db), "--name", "Better FAQ on refunds",
                    "--reason", "Payment > Refund", "--channel", "Phone", "--channel", "E-mail",
                    "--start", "2026-05-04", "--end", "2026-05-31", "--control", "Order > Change",
                    "--expected-effect=-15%")
    assert added["pilot"]["target_reasons"] == ["Payment > Refund"]
    assert added["pilot"]["channels"] == ["Phone", "E-mail"] and added["pilot"]["expected_effect"] == -0.15
    assert added["warnings"] == []
    edited = run_cli("pilot", "edit", "Better FAQ on refunds", "--db", str(demo_db), "--status", "running",
                     "--control", "auto")
    assert edited["pilot"]["status"] == "running" and edited["pilot"]["control"] == "auto"
    assert "Better FAQ on refunds" in _names(demo_db)
    assert run_cli("pilot", "delete", "Better FAQ on refunds", "--db", str(demo_db)) == {
        "deleted": "Better FAQ on refunds"}
    assert "Better FAQ on refunds" not in _names(demo_db)


def test_an_overlapping_pilot_is_added_with_a_warning(demo_db):
    added = run_cli("pilot", "add", "--db", str(demo_db), "--name", "Parcel tracking page",
                    "--reason", "Delivery", "--start", "2026-06-01", "--end", "2026-06-28")
    assert [w["name"] for w in added["warnings"]] == ["Track-and-trace e-mail"]
    run_cli("pilot", "delete", "Parcel tracking page", "--db", str(demo_db))


@pytest.mark.parametrize("args, message", [
    (["--reason", "Delivery > Lost parcels"], "Unknown reason 'Delivery > Lost parcels'"),
    (["--reason", "Returns", "--channel", "Fax"], "Unknown channel 'Fax'"),
    (["--reason", "Returns", "--control", "auto", "--control", "Order"], "either auto or"),
    (["--reason", "Returns", "--rollout", "2026-05-01"], "rollout date must come after"),
])
def test_bad_input_is_refused_and_nothing_is_written(demo_db, args, message):
    before = _names(demo_db)
    failed = _fails("pilot", "add", "--db", str(demo_db), "--name", "Bad", "--start", "2026-05-04",
                    "--end", "2026-05-31", *args)
    assert message in failed.stderr
    assert _names(demo_db) == before


def test_unreadable_arguments_and_unknown_pilots_are_refused(demo_db):
    assert "not a date" in _fails("pilot", "add", "--db", str(demo_db), "--name", "X", "--reason", "Returns",
                                  "--start", "4 May", "--end", "2026-05-31").stderr
    assert "already exists" in _fails("pilot", "add", "--db", str(demo_db), "--name", "Track-and-trace e-mail",
                                      "--reason", "Returns", "--start", "2026-05-04", "--end", "2026-05-31").stderr
    assert "no pilot called" in _fails("pilot", "evaluate", "Nope", "--db", str(demo_db), "--json").stderr
    assert "no pilot called" in _fails("pilot", "delete", "Nope", "--db", str(demo_db)).stderr


def test_plan_says_what_a_pilot_can_show(demo_db):
    plan = run_cli("pilot", "plan", "--db", str(demo_db), "--reason", "Account > Login > Password",
                   "--channel", "Phone", "--weeks", "4", "--expected-effect=-0.1")
    mdes = {row["weeks"]: row["mde"] for row in plan["by_weeks"]}
    # About 3 password calls a day: a 10% drop cannot show in 4 weeks, and longer pilots show smaller effects.
    assert plan["detectable"] is False and plan["minimum_detectable_effect"] > 0.1
    assert mdes[12] < mdes[4] < mdes[1]
    assert "would likely go unseen" in plan["advice"]
