"""The demo's three injected pilots, judged from the store alone, against the truth file:
the track-and-trace e-mail works, the FAQ page does nothing, and the password chatbot
cuts phone calls while some of them reappear in chat.

The recovery runs on the test suite's demo store (800 days, ~250 contacts a day). At that
volume the chatbot pilot's target has about 3 phone calls a day, too few to show where
the avoided calls went; the spill-over is checked on a store of the default size
(three years, ~1,500 contacts a day), as a user would build it.
"""

from __future__ import annotations

import json

import pytest

from analytics.pilots.evaluation import evaluate_pilot
from analytics.pilots.registry import list_pilots
from analytics.store import open_store
from tests.support.stores import build_demo_store, run_cli

DEFAULT_SIZE = ["--days", "1095", "--contacts-per-day", "1500", "--seed", "7", "--end", "2026-06-30"]


def _evaluations(path):
    truth = {p["name"]: p for p in json.loads(path.with_suffix(".truth.json").read_text())["pilots"]}
    conn = open_store(path, read_only=True)
    try:
        pilots = {p.name: p for p in list_pilots(conn)}
        assert set(pilots) == set(truth)
        return truth, {name: evaluate_pilot(conn, pilot) for name, pilot in pilots.items()}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return _evaluations(build_demo_store(tmp_path_factory.mktemp("pilot_demo") / "demo.duckdb"))


@pytest.fixture(scope="module")
def chatbot_at_default_size(tmp_path_factory):
    path = tmp_path_factory.mktemp("pilot_demo_full") / "demo.duckdb"
    run_cli("demo", "--db", str(path), *DEFAULT_SIZE)
    truth = next(p for p in json.loads(path.with_suffix(".truth.json").read_text())["pilots"]
                 if p["name"] == "Chatbot for password reset")
    conn = open_store(path, read_only=True)
    try:
        pilot = next(p for p in list_pilots(conn) if p.name == truth["name"])
        return truth, evaluate_pilot(conn, pilot)
    finally:
        conn.close()


def test_every_injected_effect_lies_inside_its_95_percent_interval(demo):
    truth, evaluations = demo
    for name, evaluation in evaluations.items():
        headline = evaluation.pilot_window.headline
        injected = truth[name]["true_relative_effect"]
        assert headline.ci_low < injected < headline.ci_high, (name, headline.relative_effect)


def test_the_working_pilot_is_found_and_the_useless_one_is_not(demo):
    truth, evaluations = demo
    mail = evaluations["Track-and-trace e-mail"].pilot_window
    assert mail.headline.significant and mail.headline.relative_effect < -0.15
    assert mail.verdict.startswith("Contacts about Delivery > Status unknown fell")
    assert mail.money is not None and mail.money.amount > 0
    faq = evaluations["New FAQ page on returns"].pilot_window
    assert not faq.headline.significant
    assert "no effect shown" in faq.verdict


def test_the_rolled_out_pilot_keeps_its_effect_week_by_week(demo):
    truth, evaluations = demo
    mail = evaluations["Track-and-trace e-mail"]
    assert truth["Track-and-trace e-mail"]["effect_persists_after_end"]
    assert mail.rollout is not None and mail.rollout.headline.significant
    assert mail.rollout.headline.ci_low < -0.25 < mail.rollout.headline.ci_high
    assert mail.fades_from is None and "holds" in mail.persistence_note
    after = mail.persistence[mail.persistence["after_rollout"]]
    assert len(after) >= 10 and (after["relative_effect"] < 0).mean() > 0.8


def test_every_kpi_has_an_effect_and_an_interval(demo):
    _, evaluations = demo
    kpis = {k.kpi: k for k in evaluations["Track-and-trace e-mail"].pilot_window.kpis}
    assert list(kpis) == ["volume", "contact_ratio", "handle_time", "first_contact_resolution", "repeat_rate_7d",
                          "satisfaction"]
    for kpi in kpis.values():
        assert kpi.available and kpi.ci_low < kpi.ci_high, kpi.kpi
    # The e-mail avoids contacts, so contacts per 1,000 orders fall.
    assert kpis["contact_ratio"].ci_high < 0


def test_the_chatbot_cuts_phone_calls_and_the_avoided_calls_show_up_in_chat(chatbot_at_default_size):
    truth, evaluation = chatbot_at_default_size
    assert truth["spill_over"]["to_channels"] == {"Live chat": 0.5, "Chatbot": 0.5}
    window = evaluation.pilot_window
    assert window.headline.ci_low < truth["true_relative_effect"] < window.headline.ci_high
    assert window.headline.significant
    spill = window.spillover
    # Across all channels the drop is much smaller: part of it moved.
    assert spill.all_channels is not None
    assert spill.all_channels.relative_effect > window.headline.relative_effect + 0.1
    moved = {s.name for s in spill.moved}
    assert moved == {"chat"}
    assert spill.shifts[0].name == "chat" and spill.shifts[0].estimate.absolute_effect > 0
    assert "moved to chat channels" in window.verdict and "net of the contacts that moved" in window.verdict
    # Rolled out and still working at the end of the data.
    assert evaluation.rollout is not None and evaluation.rollout.headline.ci_high < 0
    assert evaluation.fades_from is None
