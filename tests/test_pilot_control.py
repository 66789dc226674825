"""Choosing the control group: the candidate that moves like the target is chosen, the
target's own reasons, their neighbours and other pilots' reasons never are; and shifts are
only called detected after correcting for how many places were tested."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.pilots.control import automatic_control, chosen_control, parent_of
from analytics.pilots.evaluation import holm_passed

DAYS = pd.date_range("2024-01-01", periods=500, freq="D", name="date")
START = DAYS[430].date()


def _leaves() -> tuple[pd.DataFrame, pd.Series]:
    """Daily contacts of five leaves: the target and its neighbour share a slow swing with
    'Order > Change'; 'Payment > Refund' and 'Other' move on their own."""
    rng = np.random.default_rng(4)
    t = np.arange(len(DAYS))
    swing = np.exp(0.4 * np.sin(2 * np.pi * t / 120))
    own = np.exp(0.4 * np.sin(2 * np.pi * t / 47 + 1.0))
    means = {
        ("Delivery", "Late", "Carrier delay"): 80 * swing,
        ("Delivery", "Late", "Wrong date"): 30 * swing,
        ("Order", "Change", "Address"): 200 * swing,
        ("Payment", "Refund", ""): 150 * own,
        ("Other", "", ""): 100 * own[::-1],
    }
    rows = [(day, *leaf, count) for leaf, mean in means.items() for day, count in zip(DAYS, rng.poisson(mean))]
    leaves = pd.DataFrame(rows, columns=["day", "reason_l1", "reason_l2", "reason_l3", "contacts"])
    target = pd.Series(rng.poisson(80 * swing).astype(float), index=DAYS)
    return leaves, target


def test_the_candidate_that_moves_like_the_target_is_chosen_first():
    leaves, target = _leaves()
    exclude = ("Delivery > Late > Carrier delay", parent_of("Delivery > Late > Carrier delay"))
    group = automatic_control(leaves, target, START, exclude)
    assert group is not None and group.automatic
    assert group.members[0] == "Order > Change"
    assert not any(m.startswith("Delivery") for m in group.members)  # own reason and its neighbour left out
    assert group.correlation > 0.8
    scored = group.candidates.set_index("reason")["correlation"]
    assert scored["Order > Change"] > 0.8 > scored["Payment > Refund"]


def test_other_pilots_reasons_are_never_controls():
    leaves, target = _leaves()
    group = automatic_control(leaves, target, START, ("Delivery > Late", "Order"))
    assert group is None or "Order > Change" not in group.members


def test_a_chosen_control_is_the_sum_of_its_reasons():
    leaves, target = _leaves()
    group = chosen_control(leaves, ("Order", "Other"), DAYS, target, START)
    expected = leaves[leaves["reason_l1"].isin(["Order", "Other"])]["contacts"].sum()
    assert not group.automatic and group.series.sum() == expected


def test_holm_keeps_only_what_survives_the_number_of_tests():
    # 0.01 alone would pass; among six tests it needs 0.05 / 6.
    assert holm_passed([0.01, 0.5, 0.6, 0.7, 0.8, 0.9]) == [False] * 6
    assert holm_passed([0.005, 0.011, 0.5, 0.6, 0.7, 0.8]) == [True, False, False, False, False, False]
    assert holm_passed([0.001, 0.012, 0.02]) == [True, True, True]
    assert holm_passed([float("nan"), 0.001]) == [False, True]
