"""How good the reason suggestions are: accuracy, calibration, per label, per level, per amount
of labelled data.

Pure functions on labels and probabilities; only :func:`learning_curve` trains models
(through the ``fit_model`` it is given, so it stays testable with any classifier).

* top-k accuracy: the share of texts whose true label is among the ``k`` most probable;
* expected calibration error (ECE): the top-1 confidences are put in ``bins`` equal-width
  bins ``(0, 1/bins], ..., ((bins-1)/bins, 1]``; with ``n_b`` texts, accuracy ``acc_b`` and
  mean confidence ``conf_b`` in bin ``b`` and ``N`` texts in all,
  ``ECE = sum_b n_b / N * |acc_b - conf_b|`` (Guo et al., 2017; 15 bins by default);
* per level: for labels written as paths ("A > B > C"), the top-1 accuracy after cutting
  both the suggested and the true path to their first 1, 2, 3... parts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

PATH_SEPARATOR = " > "
LEARNING_CURVE_SIZES = (10, 30, 100, None)


def top_k_accuracy(probabilities: np.ndarray, classes: Sequence[str], truth: Sequence[str],
                   k: int = 1) -> float:
    """The share of rows of ``probabilities`` (texts x ``classes``) whose label in ``truth``
    is among the ``k`` highest. Ties are broken by column order.

    Raises ``ValueError`` when the shapes disagree or ``k`` is below 1.
    """
    scores = np.asarray(probabilities)
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    if scores.ndim != 2 or scores.shape != (len(truth), len(classes)):
        raise ValueError(f"probabilities of shape {scores.shape} do not match "
                         f"{len(truth)} texts x {len(classes)} classes")
    column = {label: index for index, label in enumerate(classes)}
    true_columns = np.array([column.get(label, -1) for label in truth])
    best = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return float((best == true_columns[:, None]).any(axis=1).mean()) if len(truth) else float("nan")


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool],
                               bins: int = 15) -> float:
    """ECE of top-1 ``confidence`` (each in [0, 1]) against whether that suggestion was
    ``correct``, over ``bins`` equal-width bins (see the module's docstring).

    Raises ``ValueError`` for a confidence outside [0, 1] or lengths that differ.
    """
    confidence = np.asarray(confidence, dtype=float)
    correct = np.asarray(correct, dtype=float)
    if confidence.shape != correct.shape:
        raise ValueError("confidence and correct must have the same length")
    if ((confidence < 0) | (confidence > 1)).any():
        raise ValueError("confidence must lie in [0, 1]")
    if not len(confidence):
        return float("nan")
    # Bin b holds (b/bins, (b+1)/bins]; a confidence of exactly 0 joins the first bin.
    index = np.clip(np.ceil(confidence * bins).astype(int) - 1, 0, bins - 1)
    count = np.bincount(index, minlength=bins)
    gap = np.abs(np.bincount(index, weights=correct, minlength=bins)
                 - np.bincount(index, weights=confidence, minlength=bins))
    return float(gap.sum() / count.sum())


def accuracy_per_label(predicted: Sequence[str], truth: Sequence[str]) -> pd.DataFrame:
    """One row per true label: ``texts`` (how many), ``correct`` (top-1 right),
    ``accuracy_share`` (0-1) and ``confused_with`` (the wrong suggestion made most often
    for it, ``None`` when there is none), worst first, then by label."""
    if len(predicted) != len(truth):
        raise ValueError("predicted and truth must have the same length")
    totals: Counter[str] = Counter(truth)
    right: Counter[str] = Counter(t for p, t in zip(predicted, truth) if p == t)
    mistakes: dict[str, Counter[str]] = {}
    for p, t in zip(predicted, truth):
        if p != t:
            mistakes.setdefault(t, Counter())[p] += 1
    rows = [
        {
            "label": label,
            "texts": totals[label],
            "correct": right[label],
            "accuracy_share": right[label] / totals[label],
            "confused_with": mistakes[label].most_common(1)[0][0] if label in mistakes else None,
        }
        for label in totals
    ]
    table = pd.DataFrame(rows, columns=["label", "texts", "correct", "accuracy_share", "confused_with"])
    return table.sort_values(["accuracy_share", "label"], ignore_index=True)


def path_prefix(path: str, level: int, separator: str = PATH_SEPARATOR) -> str:
    """The first ``level`` parts of a reason path ("A > B > C", 2 -> "A > B")."""
    return separator.join(part.strip() for part in path.split(separator)[:level])


def accuracy_per_level(predicted: Sequence[str], truth: Sequence[str],
                       separator: str = PATH_SEPARATOR) -> pd.DataFrame:
    """Top-1 accuracy at each level of path labels: one row per ``level`` (1, 2, ...) with
    ``texts`` (those whose true path has at least that many levels: a two-level truth
    says nothing about level 3) and ``accuracy_share`` (0-1), the share of them whose
    suggested path, cut to that level, equals the true path cut to it."""
    if len(predicted) != len(truth):
        raise ValueError("predicted and truth must have the same length")
    depths = [len(path.split(separator)) for path in truth]
    rows = []
    for level in range(1, max(depths, default=0) + 1):
        pairs = [(p, t) for p, t, depth in zip(predicted, truth, depths) if depth >= level]
        hits = sum(path_prefix(p, level, separator) == path_prefix(t, level, separator)
                   for p, t in pairs)
        rows.append({"level": level, "texts": len(pairs), "accuracy_share": hits / len(pairs)})
    return pd.DataFrame(rows, columns=["level", "texts", "accuracy_share"])


def examples_per_label(labels: Sequence[str], count: int | None, seed: int = 0) -> np.ndarray:
    """Row numbers of at most ``count`` examples of each label (all of them when ``None``),
    drawn with ``seed``. The draws are nested: with one seed, the 10 per label are among
    the 30, so a learning curve measures more data, not other data."""
    labels = np.asarray(labels)
    order = np.random.default_rng(seed).permutation(len(labels))
    taken: Counter[str] = Counter()
    chosen = []
    for row in order:
        if count is None or taken[labels[row]] < count:
            taken[labels[row]] += 1
            chosen.append(row)
    return np.sort(np.array(chosen, dtype=int))


def learning_curve(fit_model: Callable[[Sequence[str], Sequence[str]], object],
                   train_texts: Sequence[str], train_labels: Sequence[str],
                   test_texts: Sequence[str], test_labels: Sequence[str],
                   sizes: Sequence[int | None] = LEARNING_CURVE_SIZES, seed: int = 0) -> pd.DataFrame:
    """Accuracy on the test texts of a model trained on ``n`` labelled examples per label,
    for each ``n`` of ``sizes`` (``None``: all of them), drawn by
    :func:`examples_per_label` with ``seed`` from the training texts.

    ``fit_model(texts, labels)`` returns a fitted model with ``predict_proba(texts)`` and
    ``classes``. One row per size: ``per_label`` (the asked size, ``None`` for all),
    ``train_texts``, ``top1_share``, ``top3_share`` and ``ece``.
    """
    train_texts = np.asarray(train_texts, dtype=object)
    train_labels = np.asarray(train_labels, dtype=object)
    rows = []
    for size in sizes:
        rows_taken = examples_per_label(train_labels, size, seed)
        model = fit_model(list(train_texts[rows_taken]), list(train_labels[rows_taken]))
        probabilities = model.predict_proba(list(test_texts))
        classes = list(model.classes)
        correct = np.asarray(classes, dtype=object)[probabilities.argmax(axis=1)] == np.asarray(
            test_labels, dtype=object)
        rows.append({
            "per_label": size,
            "train_texts": len(rows_taken),
            "top1_share": top_k_accuracy(probabilities, classes, test_labels, 1),
            "top3_share": top_k_accuracy(probabilities, classes, test_labels, 3),
            "ece": expected_calibration_error(probabilities.max(axis=1), correct),
        })
    return pd.DataFrame(rows, columns=["per_label", "train_texts", "top1_share", "top3_share", "ece"])
