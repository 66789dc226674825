"""Words that must not say the opposite of the numbers: a list of "largest increases" holds
only places that rose, and money is only claimed for an effect whose interval excludes zero."""

from __future__ import annotations

from types import SimpleNamespace

from analytics.i18n import using_language
from analytics.pilots.evaluation import Money, Shift, Spillover
from analytics.pilots.verdict import money_claim, p_value_text, spill_sentence


def shift(name: str, contacts: float, detected: bool = False) -> Shift:
    return Shift(kind="channel", name=name, estimate=SimpleNamespace(absolute_effect=contacts), detected=detected)


def money(amount: float, low: float, high: float) -> Money:
    return Money(cost_per_contact=6.0, amount=amount, amount_low=low, amount_high=high, spill_cost=0.0,
                 missing_costs=())


def headline(effect: float, low: float, high: float) -> SimpleNamespace:
    return SimpleNamespace(relative_effect=effect, ci_low=low, ci_high=high, significant=low > 0 or high < 0)


def test_largest_increases_are_only_places_that_rose():
    spill = Spillover(all_channels=None, shifts=(shift("Chat", 17), shift("Mail", 0.4), shift("Shop", -4),
                                                 shift("Phone", -67)))
    assert [s.name for s in spill.largest] == ["Chat"]
    sentence = spill_sentence(spill)
    assert "Chat (+17)" in sentence and "−4" not in sentence and "−67" not in sentence


def test_when_nothing_rose_the_sentence_says_so():
    spill = Spillover(all_channels=None, shifts=(shift("Shop", -4), shift("Web", -12), shift("Phone", -67)))
    assert spill.largest == ()
    assert spill_sentence(spill) == ("No shift beyond chance: no other channel or reason had more contacts than "
                                     "expected during the pilot.")


def test_an_interval_that_includes_zero_claims_no_money():
    """An effect of +0% (−9% to +10%) saved €14 on paper: nothing that can be claimed."""
    label, value, note = money_claim(headline(0.001, -0.09, 0.10), money(14, -76, 230))
    assert (label, value) == ("Money saved", "Nothing to claim")
    assert note == "The effect's 95% interval (−9% to +10%) includes zero"
    with using_language("nl"):
        assert money_claim(headline(0.001, -0.09, 0.10), money(14, -76, 230))[1] == "Niets te claimen"


def test_a_real_fall_saves_money_and_a_real_rise_costs_it():
    assert money_claim(headline(-0.30, -0.40, -0.18), money(5400, 3300, 7100)) == (
        "Money saved", "€5,400", "95% interval €3,300 to €7,100")
    assert money_claim(headline(0.25, 0.10, 0.40), money(-1200, -1900, -480)) == (
        "Extra cost", "€1,200", "95% interval €480 to €1,900")


def test_p_values_have_two_decimals_like_every_other_number():
    assert p_value_text(0.1423) == "0.14"
    assert p_value_text(0.004) == "< 0.01"
    with using_language("nl"):
        assert p_value_text(0.441) == "0,44"
