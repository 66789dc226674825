"""The reason model suggests reasons from text accurately and with honest probabilities.

Real data: BANKING77's published split (``tests/data/real/banking77``), trained once per
module on all 10,003 training texts (about 40 s) and measured on the 3,080 test texts. Known truths: hand-made confidences with a known
calibration error, and a synthetic reason tree whose third level cannot be told apart from
the text (so its accuracy must sit near chance while levels 1 and 2 are near perfect).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.text_reasons import (ModelSettings, ReasonModel, accuracy_per_label,
                                    accuracy_per_level, expected_calibration_error,
                                    learning_curve, top_k_accuracy)
from analytics.text_reasons.evaluation import examples_per_label, path_prefix
from analytics.text_reasons.features import PLACEHOLDERS, normalised_text, reduced_dutch, reduced_words

BANKING77 = Path(__file__).parent / "data" / "real" / "banking77"
# The targets: top-1 >= 0.92, top-3 >= 0.98 and ECE <= 0.03. The design chosen by
# cross-validation on the training split reaches 0.929 / 0.984 / 0.018 on the test split;
# without its meaning member 0.918 top-1, below the floor.
TOP1_FLOOR = 0.92
TOP3_FLOOR = 0.98
ECE_CEILING = 0.03


@pytest.fixture(scope="module")
def banking():
    return pd.read_csv(BANKING77 / "train.csv"), pd.read_csv(BANKING77 / "test.csv")


@pytest.fixture(scope="module")
def banking_model(banking):
    train, _ = banking
    return ReasonModel().fit(train.text.tolist(), train.category.tolist())


@pytest.fixture(scope="module")
def banking_test_probabilities(banking, banking_model):
    _, test = banking
    return banking_model.predict_proba(test.text.tolist())


def test_banking77_test_split_accuracy_and_calibration(banking, banking_model, banking_test_probabilities):
    _, test = banking
    truth = test.category.to_numpy(dtype=object)
    classes = list(banking_model.classes)
    probabilities = banking_test_probabilities
    correct = banking_model.classes[probabilities.argmax(axis=1)] == truth
    assert top_k_accuracy(probabilities, classes, truth, 1) >= TOP1_FLOOR
    assert top_k_accuracy(probabilities, classes, truth, 3) >= TOP3_FLOOR
    assert expected_calibration_error(probabilities.max(axis=1), correct) <= ECE_CEILING


def test_the_meaning_member_is_fitted_and_calibrated(banking_model):
    """Three members, each with a positive temperature, and the meaning member (on sentence
    vectors) trusted on English texts: its temperature is not near zero."""
    assert len(banking_model.temperatures) == 4
    assert all(t > 0 for t in banking_model.temperatures)
    assert banking_model.temperatures[2] > 1.0


def test_without_the_meaning_member_the_word_members_decide_alone():
    texts = [f"{word} {n}" for word in ("parcel late", "refund missing", "password reset") for n in range(6)]
    labels = [label for label in ("delivery", "refund", "account") for _ in range(6)]
    words_only = ReasonModel(ModelSettings(meaning_member=False, calibration_folds=2)).fit(texts, labels)
    both = ReasonModel(ModelSettings(calibration_folds=2)).fit(texts, labels)
    assert len(words_only.temperatures) == 3 and len(both.temperatures) == 4
    for model in (words_only, both):
        assert [top[0].label for top in model.predict_top(["my parcel is late", "reset my password"])] == [
            "delivery", "account"]


def test_predict_top_gives_the_most_probable_labels_first(banking_model, banking_test_probabilities):
    suggestions = banking_model.predict_top(["my card has not arrived yet", "I was charged twice"], k=3)
    assert [len(row) for row in suggestions] == [3, 3]
    assert suggestions[0][0].label == "card_arrival"
    for row in suggestions:
        probabilities = [s.probability for s in row]
        assert probabilities == sorted(probabilities, reverse=True)
        assert 0 < sum(probabilities) <= 1 + 1e-9
    assert np.allclose(banking_test_probabilities.sum(axis=1), 1)


def test_explain_names_words_of_the_text_that_point_to_the_label(banking_model):
    text = "my card has not arrived yet"
    evidence = banking_model.explain(text, "card_arrival", n=5)
    words = [e.word for e in evidence]
    assert 0 < len(words) <= 5
    assert set(words) <= set(text.split())
    assert {"arrived", "card"} & set(words)
    assert "my" not in words  # a stop word says nothing about the reason
    weights = [e.weight for e in evidence]
    assert weights == sorted(weights, reverse=True) and weights[-1] > 0


def test_explain_refuses_an_unknown_label(banking_model):
    with pytest.raises(ValueError, match="unknown label 'parcel_late'"):
        banking_model.explain("my card has not arrived yet", "parcel_late")


def test_learning_curve_rises_with_more_labelled_examples(banking):
    """Held out: 20 intents, trained on 10, 30 and 100 of their training texts each,
    measured on their 800 test texts."""
    train, test = banking
    intents = sorted(train.category.unique())[:20]
    train = train[train.category.isin(intents)]
    test = test[test.category.isin(intents)]
    curve = learning_curve(lambda texts, labels: ReasonModel().fit(texts, labels),
                           train.text.tolist(), train.category.tolist(),
                           test.text.tolist(), test.category.tolist(), sizes=(10, 30, 100))
    assert curve.train_texts.tolist() == [200, 600, sum(min(100, n) for n in train.category.value_counts())]
    top1 = curve.top1_share.tolist()
    assert top1[0] < top1[1] < top1[2], top1


def test_examples_per_label_are_nested_and_capped():
    labels = ["a"] * 50 + ["b"] * 5
    ten = set(examples_per_label(labels, 10, seed=3))
    thirty = set(examples_per_label(labels, 30, seed=3))
    assert ten < thirty
    assert sum(labels[i] == "a" for i in ten) == 10 and sum(labels[i] == "b" for i in ten) == 5
    assert len(examples_per_label(labels, None)) == 55


def test_dutch_word_forms_meet():
    groups = [
        ("bezorging", "bezorgd", "bezorgen", "bezorgt"),
        ("pakket", "pakketten", "pakketje", "pakketjes"),
        ("bestelling", "besteld", "bestellen", "bestelde"),
        ("levering", "geleverd", "leveren", "levert"),
        ("betaling", "betaald", "betalen", "betaalt"),
        ("mogelijkheid", "mogelijkheden"),
        ("kaart", "kaarten", "kaartje"),
        ("mail", "mailtje", "mails"),
        ("gebruik", "gebruikt", "gebruiken"),
    ]
    stems = []
    for group in groups:
        reduced = {reduced_dutch(word) for word in group}
        assert len(reduced) == 1, (group, reduced)
        stems.append(reduced.pop())
    assert len(set(stems)) == len(stems)  # different words stay apart
    tokens = reduced_words(normalised_text("Mijn pakketten zijn nog steeds niet bezorgd!"))
    assert {"pakket", "bezorg", "niet"} <= set(tokens)


def test_normalised_text_folds_accents_and_replaces_numbers_amounts_dates_and_addresses():
    text = normalised_text("Café: I paid €12,50 on 3-4-2025 at 14:05, order 4471; see "
                           "https://shop.nl/x or mail klant@shop.nl. It hasn't arrived")
    words = text.split()
    assert "cafe:" in words
    for placeholder in PLACEHOLDERS:
        assert placeholder in words, placeholder
    assert not any(ch.isdigit() for ch in text)
    assert "has not arrived" in text
    assert normalised_text(None) == ""


def test_expected_calibration_error_of_a_hand_made_example():
    # Bin (13/15, 14/15] holds four 0.9s, three right: |0.75 - 0.9| * 4/6 = 0.1.
    # Bin (8/15, 9/15] holds two 0.6s, one right: |0.5 - 0.6| * 2/6 = 1/30.
    confidence = [0.9, 0.9, 0.9, 0.9, 0.6, 0.6]
    correct = [True, True, True, False, True, False]
    assert expected_calibration_error(confidence, correct) == pytest.approx(0.1 + 1 / 30)
    assert expected_calibration_error([1.0, 1.0], [True, True]) == 0.0
    # 1/15 is the upper edge of the first bin: with 0.05 it averages to 0.0583 against 0.5.
    first_bin_mean = (1 / 15 + 0.05) / 2
    assert expected_calibration_error([1 / 15, 0.05], [True, False]) == pytest.approx(0.5 - first_bin_mean)
    with pytest.raises(ValueError, match=r"confidence must lie in \[0, 1\]"):
        expected_calibration_error([1.2], [True])


def test_top_k_accuracy_of_a_hand_made_example():
    probabilities = np.array([[0.5, 0.3, 0.2], [0.1, 0.2, 0.7], [0.6, 0.3, 0.1]])
    classes = ["a", "b", "c"]
    truth = ["a", "b", "c"]
    assert top_k_accuracy(probabilities, classes, truth, 1) == pytest.approx(1 / 3)
    assert top_k_accuracy(probabilities, classes, truth, 2) == pytest.approx(2 / 3)
    assert top_k_accuracy(probabilities, classes, truth, 3) == 1.0
    with pytest.raises(ValueError, match="do not match 2 texts x 3 classes"):
        top_k_accuracy(probabilities, classes, truth[:2], 1)


def test_accuracy_per_label_names_the_worst_label_and_its_confusion():
    table = accuracy_per_label(["a", "b", "b", "b", "c"], ["a", "a", "b", "b", "c"])
    assert table.label.tolist() == ["a", "b", "c"]
    assert table.accuracy_share.tolist() == [0.5, 1.0, 1.0]
    assert table.confused_with.tolist()[0] == "b" and table.confused_with.isna().tolist()[1:] == [True, True]


def test_accuracy_per_level_of_hand_made_paths():
    truth = ["A > B > C", "A > B > D", "A > E > F", "G > H", "G"]
    predicted = ["A > B > C", "A > B > C", "A > B > F", "G > I", "G > H"]
    table = accuracy_per_level(predicted, truth)
    assert table.level.tolist() == [1, 2, 3]
    assert table.texts.tolist() == [5, 4, 3]
    assert table.accuracy_share.tolist() == pytest.approx([1.0, 2 / 4, 1 / 3])
    assert path_prefix("A > B > C", 2) == "A > B"


def synthetic_tree_texts(per_leaf: int, seed: int) -> tuple[list[str], list[str]]:
    """Texts for the eight leaves of a three-level tree: level-1 and level-2 words say where
    a text belongs; the two leaves under each level-2 node draw from the same words, so
    level 3 cannot be known from the text."""
    rng = np.random.default_rng(seed)
    level1 = {"Delivery": ["parcel", "courier", "shipment"], "Payment": ["invoice", "charge", "bill"]}
    level2 = {"Late": ["late", "delayed", "waiting"], "Damaged": ["broken", "damaged", "smashed"],
              "Failed": ["failed", "declined", "rejected"], "Refund": ["refund", "money back", "reimburse"]}
    tree = {"Delivery": ("Late", "Damaged"), "Payment": ("Failed", "Refund")}
    filler = ["please", "today", "again", "help", "order", "account", "week", "number", "thing"]
    texts, labels = [], []
    for top, middles in tree.items():
        for middle in middles:
            for leaf in ("North", "South"):
                for _ in range(per_leaf):
                    words = [*rng.choice(level1[top], 2), *rng.choice(level2[middle], 2),
                             *rng.choice(filler, 3)]
                    texts.append(" ".join(rng.permutation(words)))
                    labels.append(f"{top} > {middle} > {leaf}")
    return texts, labels


def test_accuracy_per_level_recovers_a_synthetic_tree():
    train_texts, train_labels = synthetic_tree_texts(40, seed=1)
    test_texts, test_labels = synthetic_tree_texts(60, seed=2)
    model = ReasonModel().fit(train_texts, train_labels)
    predicted = [row[0].label for row in model.predict_top(test_texts, k=1)]
    shares = accuracy_per_level(predicted, test_labels).accuracy_share.tolist()
    assert shares[0] >= 0.98 and shares[1] >= 0.95
    assert 0.35 <= shares[2] <= 0.65  # two indistinguishable leaves: chance is 0.5


def test_fit_refuses_a_label_with_one_text():
    with pytest.raises(ValueError, match="at least 2 texts; too few for: rare"):
        ReasonModel(ModelSettings(calibration_folds=2)).fit(
            ["card late", "card lost", "where is my card", "rare one"],
            ["late", "late", "late", "rare"])
