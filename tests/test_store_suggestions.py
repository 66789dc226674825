"""Suggested reasons on the store, on small stores with a known truth: the held-out split is a
stratified fifth and leaves "Other" out, the gate offers a reason exactly at its thresholds,
suggestions for "Other" texts written about a known reason find it (with the words that say
so), a viewer is refused before anything is read, and a store without reason codes is
declined with a message."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from analytics.access import AccessDenied, Actor, Role, acting_as
from analytics.queries import run_query
from analytics.text_reasons import review
from analytics.text_reasons import store_suggestions as ss

REASONS = {
    ("Payment", "Card", "Declined"): ["my card was declined at the shop", "card declined again", "payment card refused",
                                      "why is my card declined", "the shop refused my card payment"],
    ("Delivery", "Late", ""): ["my parcel is late", "delivery is late again", "where is my parcel, it is late",
                               "the courier is late with my parcel", "parcel delivery delayed"],
    ("Account", "Login", ""): ["cannot log in to my account", "login fails with my password",
                               "forgot my password, cannot log in", "account login error", "reset my login password"],
}
OTHER_TEXTS = ["my card was declined at the shop", "my parcel is late", "hello", "question", "cannot log in to my account"]


def _fill(conn, per_reason: int = 150, other: int = 40) -> None:
    """``per_reason`` contacts of each reason and ``other`` under "Other", over 60 days. One
    in ten contacts of every reason writes only "hello" or "question", as customers do."""
    rows = []
    start = datetime(2026, 1, 1, 9)
    rng = np.random.default_rng(1)
    for (l1, l2, l3), texts in REASONS.items():
        for i in range(per_reason):
            text = texts[i % len(texts)] + ("" if i % 3 else " please")
            rows.append((f"{l1}-{i}", start + timedelta(hours=int(rng.integers(0, 60 * 24))), "Phone", l1, l2, l3,
                         ("hello", "question")[i // 10 % 2] if i % 10 == 9 else text))
    for i in range(other):
        rows.append((f"other-{i}", start + timedelta(hours=int(rng.integers(0, 60 * 24))), "Phone", "Other", "", "",
                     OTHER_TEXTS[i % len(OTHER_TEXTS)]))
    frame = pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1", "reason_l2", "reason_l3",
                                        "text"])
    conn.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3, text)"
                 " select * from frame")


def test_the_held_out_fifth_is_stratified_and_leaves_other_out(store):
    _fill(store)
    rows = run_query(store, "text_training_rows", {"other_paths": ["Other"], "seed": 0, "per_reason": 50,
                                                   "held_out_fraction": 1.0})
    counts = rows.groupby(["role", "path"])["contacts"].sum().unstack(0)
    assert set(counts.index) == {"Payment > Card > Declined", "Delivery > Late", "Account > Login"}
    assert (counts["held_out"] == 30).all()  # every fifth of 150
    assert (counts["training"] == 50).all()  # the cap, from the other 120
    other_seed = run_query(store, "text_training_rows", {"other_paths": ["Other"], "seed": 1, "per_reason": 50,
                                                         "held_out_fraction": 0.5})
    assert (other_seed[other_seed["role"] == "held_out"].groupby("path")["contacts"].sum() == 15).all()


def _measured(rows: list[tuple[str, str, float, int]]) -> pd.DataFrame:
    """Held-out rows as (true path, predicted path, confidence, contacts)."""
    frame = pd.DataFrame(rows, columns=["path", "predicted", "confidence", "contacts"])
    return frame.assign(top1=frame["path"] == frame["predicted"])


@pytest.mark.parametrize(("right", "wrong", "offered"), [
    (16, 4, True),    # 80% of 20: offered
    (15, 4, False),   # 79% of 19: too few, and too inaccurate
    (19, 0, False),   # 100% of 19: too few
    (31, 8, False),   # 79.5% of 39: too inaccurate
])
def test_the_gate_offers_a_reason_exactly_at_its_thresholds(right, wrong, offered):
    measured = _measured([("A", "A", 0.9, right), ("B", "A", 0.9, wrong), ("B", "B", 0.9, 50),
                          ("B", "A", 0.3, 40)])  # below the offering confidence: not counted
    paths = pd.DataFrame({"path": ["A", "B"], "is_other": [False, False]})
    table = ss._reason_accuracy(measured, paths, ["A", "B"]).set_index("path")
    assert table.loc["A", "held_out"] == right + wrong
    assert table.loc["A", "accuracy"] == pytest.approx(right / (right + wrong))
    assert table.loc["A", "offered"] == offered
    assert table.loc["B", "recall"] == pytest.approx(50 / (wrong + 50 + 40))


def test_other_texts_about_a_known_reason_get_it_with_its_words(store):
    _fill(store)
    result = ss.suggest_reasons(store)
    assert result.labelled_contacts == 450 and result.held_out_contacts == 90
    assert 0.85 <= result.held_out_top1 < 1 and set(result.reason_accuracy["offered"]) == {True}
    shown = result.suggestions.set_index("contact_id")
    assert len(shown) == 40 and set(shown["recorded_path"]) == {"Other"}
    card = shown[shown["text"] == "my card was declined at the shop"]
    assert set(card["suggested_path"]) == {"Payment > Card > Declined"}
    assert card["offered"].all() and (card["suggested_l3"] == "Declined").all()
    assert "declined" in card["words"].iloc[0].split(", ") or "card" in card["words"].iloc[0].split(", ")
    assert "at" not in card["words"].iloc[0].split(", ")  # a stop word drives nothing
    late = shown[shown["text"] == "my parcel is late"]
    assert set(late["suggested_path"]) == {"Delivery > Late"} and (late["suggested_l3"] == "").all()
    vague = shown[shown["text"].isin(["hello", "question"])]
    assert not vague["offered"].any()  # the model does not know: nothing offered


def test_a_rejected_suggestion_is_not_offered_again_on_the_next_learning(store):
    _fill(store)
    first = ss.suggest_reasons(store)
    card = first.offered[first.offered["suggested_path"] == "Payment > Card > Declined"]
    with acting_as(Actor("editor", Role.EDITOR)):
        rejected = review.reject(store, first.suggestions, min_confidence=0.5,
                                 suggested_path="Payment > Card > Declined")
    assert rejected.changed == len(card) > 0
    again = ss.suggest_reasons(store).suggestions.set_index("contact_id")
    assert not again.loc[card["contact_id"], "offered"].any()  # the editor's no stands
    assert again.loc[card["contact_id"], "suggested_path"].eq("Payment > Card > Declined").all()
    late = again[again["text"] == "my parcel is late"]
    assert len(late) and late["offered"].all()  # the other reasons are still offered


def test_a_viewer_is_refused_before_anything_is_read(store):
    _fill(store)
    with acting_as(Actor("wall", Role.VIEWER)), pytest.raises(AccessDenied):
        ss.suggest_reasons(store)
    with acting_as(Actor("wall", Role.VIEWER)), pytest.raises(AccessDenied):
        ss.reasons_from_texts(store)


def test_a_store_without_reason_codes_is_declined(store):
    _fill(store)
    store.execute("update contacts set reason_l1 = 'Not coded', reason_l2 = '', reason_l3 = ''")
    assert not ss.has_reason_codes(store)
    with pytest.raises(ValueError, match="at least 2 reasons"):
        ss.suggest_reasons(store)


def test_two_reasons_are_enough_to_learn_from(store):
    _fill(store)
    store.execute("delete from contacts where reason_l1 = 'Account'")
    result = ss.suggest_reasons(store)
    assert set(result.reason_accuracy["path"]) == {"Payment > Card > Declined", "Delivery > Late"}
    card = result.suggestions[result.suggestions["text"] == "my card was declined at the shop"]
    assert set(card["suggested_path"]) == {"Payment > Card > Declined"} and card["offered"].all()
