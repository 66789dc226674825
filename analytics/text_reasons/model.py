"""The reason model: suggests a contact's reason from what the customer wrote, with calibrated
probabilities and the words that led to each suggestion.

Model. A text becomes a feature row ``x`` (:class:`~analytics.text_reasons.features.TextFeatures`:
word 1-2-grams, pairs of content words, letter 2-5-grams; TF-IDF each) and a sentence
vector ``v`` (:func:`~analytics.text_reasons.sentence_vectors.sentence_vectors`: the mean of
its tokens' static embeddings, 256 numbers). Three linear models score every reason ``c``::

    z1[c] = w1[c] . x + b1[c]      multinomial logistic regression (L2, C = 10)
    z2[c] = w2[c] . x + b2[c]      linear SVM, one-vs-rest (squared hinge, L2, C = 0.5)
    z3[c] = w3[c] . v + b3[c]      multinomial logistic regression on meaning (L2, C = 10)
    p[c]  = softmax(t * (t1 * z1 + t2 * z2 + t3 * z3) / 3)[c]

The logistic model ranks the second and third choice best (top-3), the SVM the first (top-1);
the third reads what the words mean rather than which words they are, so it knows wordings
the training texts never used. Averaging the three gains on both. ``t1``, ``t2`` and ``t3``
put each model's scores on the scale of log-probabilities and ``t`` calibrates their average
(temperature scaling: Guo et al., 2017).
A member that knows little (the meaning member on Dutch texts, whose embeddings learned
mostly English) gets a low temperature and so little say.
All four are fitted by minimising the log-loss on scores of texts that the members did not
see: the training texts are split in ``calibration_folds`` stratified folds, members are
fitted without a fold and score it, for ``calibration_rounds`` folds (one by default: 20 % of
the texts, plenty for four numbers); then the members are fitted again on all texts. The
vocabulary and IDF weights are learned once from all training texts (they use no labels).
Nothing of a test set is ever used.

How the settings were chosen. By 5-fold stratified cross-validation on BANKING77's training
split only (10,003 texts; its test split was not used to choose anything), comparing top-1
and top-3 accuracy of out-of-fold scores, one change at a time from a word 1-2-gram +
letter 2-5-gram baseline (cross-validated top-1 90.3 %, top-3 96.8 % with the SVM):

* taken: pairs of content words (+0.6 to +0.9 points top-1; window 20 better than 2, 3 or 6;
  weight 1.0 better than 0.35, 0.5 or 0.7; ordered pairs, triples, pairs with stop words,
  minimum document frequency 1 or 3 no better), the English word reduction (+0.2), the
  logistic member (+0.3 top-3; C = 30 and letter 1-5-grams within 0.1);
* left, because within +-0.15 of the chosen settings (the noise of one cross-validation):
  letter 1-5 or 2-6-grams or ``char`` instead of ``char_wb``, word 1-3-grams, minimum
  document frequency 1 or 3 for letter groups, binary term frequency, block weights from
  0.7 to 1.4, a start-of-text marker, a stronger English reduction (-ation, -ment), SVM C
  from 0.25 to 1, hinge loss, class-balanced weights, a third member (Crammer-Singer SVM,
  NB-SVM, ridge, nearest neighbours, a latent-semantic block), averaging weights other
  than 1:1;
* worse: dropping stop words (-0.6), word-dropout copies of the texts (-0.2 to -0.5).

Cross-validated, the two word members reach about 91.2 % top-1 and 97.3 % top-3. The meaning
member, added last, was the one change after the word pairs that moved top-1 by more than
the noise: on the same five folds (seed 42) 91.13 % -> 91.74 % top-1 (better on every fold)
and 97.47 % -> 97.73 % top-3, for a few seconds more per fit. Putting the vectors into the
word members' feature rows instead gained as much but made each fit 2.5 times slower. The equal
average of the temperature-scaled members was preferred to a log-loss-optimal weighting,
which leans on the logistic model and loses top-1 accuracy.

Calibration needs data: with 10 examples per label the probabilities are over-confident
(ECE 0.064 on BANKING77's test split), from 30 per label it is about 0.02.

Scaling. Fitting costs the features once (about 0.15 ms per short text, Python, linear)
plus ``calibration_rounds + 1`` fits of the members: the SVM (liblinear, about linear in
texts x labels, a few seconds for 10,000 texts) and the logistic model (SAGA, linear per
pass; the slowest part, about 15-20 s for 10,000 texts). 10,000 short texts take about
30-45 s of CPU time on one core. A million texts do not fit in a minute this way (the features alone
take about 2.5 minutes on one core): cap the examples per label with
``max_texts_per_label`` (the learning curve in ``benchmarks/text_reasons.py`` shows how
little accuracy the last thousands of examples per label add), so the fit stays near the
10,000-text time whatever the volume. Predicting costs about 0.1-0.2 ms per text, mostly
the features.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from analytics.text_reasons.evaluation import examples_per_label
from analytics.text_reasons.features import (FeatureSettings, TextFeatures, normalised_text,
                                             text_words, word_evidence)
from analytics.text_reasons.sentence_vectors import sentence_vectors
from analytics.text_reasons.stopwords import language_of, stop_words

MIN_TEXTS_PER_LABEL = 2


@dataclass(frozen=True)
class ModelSettings:
    """The reason model's settings; the defaults are the tuned ones (see the module)."""

    features: FeatureSettings = field(default_factory=FeatureSettings)
    logistic_c: float = 10.0
    svm_c: float = 0.5
    meaning_c: float = 10.0
    meaning_member: bool = True
    calibration_folds: int = 5
    calibration_rounds: int = 1
    max_texts_per_label: int | None = None
    seed: int = 0


@dataclass(frozen=True)
class Suggestion:
    """A suggested reason and its calibrated probability (0-1)."""

    label: str
    probability: float


@dataclass(frozen=True)
class Evidence:
    """A word of the text and how much it pushed towards a reason (in log-odds; > 0)."""

    word: str
    weight: float


class ReasonModel:
    """Suggests reasons for texts: ``fit(texts, labels)``, then ``predict_top``,
    ``predict_proba`` and ``explain``. See the module for the model and its tuning."""

    def __init__(self, settings: ModelSettings = ModelSettings()) -> None:
        self.settings = settings
        self.classes: np.ndarray | None = None
        self.temperatures: tuple[float, ...] | None = None
        self._features: TextFeatures | None = None
        self._members: tuple | None = None

    def fit(self, texts: Sequence[object], labels: Sequence[str]) -> ReasonModel:
        """Learn from ``texts`` and their ``labels`` (reasons); returns the model itself.

        Raises ``ValueError`` when the lengths differ, when there are fewer than two
        labels, or when a label has fewer than ``MIN_TEXTS_PER_LABEL`` (2) texts (or the
        settings cap them below that): the probabilities are calibrated on texts held out
        per label.
        """
        texts = np.asarray(texts, dtype=object)
        labels = np.asarray(labels, dtype=object)
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        counts = Counter(labels)
        if len(counts) < 2:
            raise ValueError("at least 2 different labels are needed to learn reasons")
        scarce = sorted(label for label, count in counts.items() if count < MIN_TEXTS_PER_LABEL)
        if scarce:
            raise ValueError(f"every label needs at least {MIN_TEXTS_PER_LABEL} texts; "
                             f"too few for: {', '.join(map(str, scarce[:5]))}")
        cap = self.settings.max_texts_per_label
        if cap is not None and cap < MIN_TEXTS_PER_LABEL:
            raise ValueError(f"max_texts_per_label must be at least {MIN_TEXTS_PER_LABEL}, not {cap}")
        if cap is not None:
            kept = examples_per_label(labels, cap, self.settings.seed)
            texts, labels = texts[kept], labels[kept]

        features = TextFeatures(self.settings.features)
        inputs = _Inputs(features.fit_transform(texts), self._vectors(texts))
        self.classes = np.array(sorted(counts), dtype=object)
        self.temperatures = self._calibrated_temperatures(inputs, labels)
        self._features = features
        self._members = self._fitted_members(inputs, labels)
        return self

    def predict_proba(self, texts: Sequence[object]) -> np.ndarray:
        """Calibrated probabilities, one row per text and one column per label of
        :attr:`classes`; rows sum to 1."""
        features = self._fitted_features()
        texts = list(texts)
        if not texts:
            return np.empty((0, len(self.classes)))
        return softmax(self._logits(_Inputs(features.transform(texts), self._vectors(texts))), axis=1)

    def predict_top(self, texts: Sequence[object], k: int = 3) -> list[list[Suggestion]]:
        """The ``k`` most probable reasons of each text, most probable first."""
        probabilities = self.predict_proba(texts)
        best = np.argsort(-probabilities, axis=1, kind="stable")[:, :k]
        return [[Suggestion(str(self.classes[column]), float(row[column])) for column in columns]
                for row, columns in zip(probabilities, best)]

    def explain(self, text: object, label: str, n: int = 5) -> list[Evidence]:
        """The (at most) ``n`` words of ``text`` that pushed it most towards ``label``,
        strongest first: each feature's value times its weight for ``label`` in the
        calibrated average, less its mean weight over all labels (a weight every label
        shares moves no probability), summed per word (letter groups and pairs are
        credited to the words they come from). Stop words are not reported. This is the
        word members' part of the score: the meaning member reads the whole text at once
        and names no word.

        Raises ``ValueError`` for a label the model does not know.
        """
        if label not in set(self._fitted_classes()):
            raise ValueError(f"unknown label {label!r}")
        column = int(np.flatnonzero(self.classes == label)[0])
        row = self._fitted_features().transform([text])
        contributions = np.asarray(row.multiply(self._label_weights(column)).todense()).ravel()
        evidence = word_evidence(text, contributions, self._fitted_features())
        words = text_words(normalised_text(text))
        quiet = stop_words(language_of(words))
        ranked = sorted(((weight, word) for word, weight in evidence.items()
                         if weight > 0 and word not in quiet), reverse=True)
        return [Evidence(word, float(weight)) for weight, word in ranked[:n]]

    def _vectors(self, texts) -> np.ndarray | None:
        return sentence_vectors(texts) if self.settings.meaning_member else None

    def _fitted_members(self, inputs: _Inputs, labels: np.ndarray) -> tuple:
        """The members, fitted: logistic regression and SVM on the TF-IDF rows, then (when
        used) logistic regression on the sentence vectors."""
        seed = self.settings.seed
        logistic = LogisticRegression(C=self.settings.logistic_c, solver="saga", tol=1e-3,
                                      max_iter=300, random_state=seed)
        svm = LinearSVC(C=self.settings.svm_c, random_state=seed)
        members = [logistic.fit(inputs.words, labels), svm.fit(inputs.words, labels)]
        if inputs.meaning is not None:
            meaning = LogisticRegression(C=self.settings.meaning_c, max_iter=2000, random_state=seed)
            members.append(meaning.fit(inputs.meaning, labels))
        for member in members:
            if not np.array_equal(member.classes_, self.classes):
                raise ValueError("every label must occur in every calibration fold's training texts")
        return tuple(members)

    def _calibrated_temperatures(self, inputs: _Inputs, labels: np.ndarray) -> tuple[float, ...]:
        """Each member's temperature and then their average's, from the members' scores of
        held-out folds."""
        folds = StratifiedKFold(n_splits=self.settings.calibration_folds, shuffle=True,
                                random_state=self.settings.seed)
        with warnings.catch_warnings():
            # A label with fewer texts than folds is held out in fewer folds; with at least
            # MIN_TEXTS_PER_LABEL it still has a text in every fold's training part.
            warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
            rounds = list(folds.split(np.zeros(len(labels)), labels))[: self.settings.calibration_rounds]
        held_out = np.concatenate([kept for _, kept in rounds])
        member_count = 3 if inputs.meaning is not None else 2
        scores = [np.empty((len(held_out), len(self.classes))) for _ in range(member_count)]
        start = 0
        for fitted_on, kept in rounds:
            members = self._fitted_members(inputs.rows(fitted_on), labels[fitted_on])
            for fold_scores, member_scores in zip(_member_scores(members, inputs.rows(kept)), scores):
                member_scores[start: start + len(kept)] = fold_scores
            start += len(kept)
        truth = np.searchsorted(self.classes, labels[held_out])
        member_ts = [_temperature(member_scores, truth) for member_scores in scores]
        average = sum(t * member_scores for t, member_scores in zip(member_ts, scores)) / member_count
        return (*member_ts, _temperature(average, truth))

    def _logits(self, inputs: _Inputs) -> np.ndarray:
        *member_ts, average_t = self.temperatures
        return average_t * sum(t * member_scores for t, member_scores
                               in zip(member_ts, _member_scores(self._members, inputs))) / len(self._members)

    def _label_weights(self, column: int) -> np.ndarray:
        """The word members' share of the calibrated average, per TF-IDF column. The meaning
        member's share comes from the whole text's vector and names no word."""
        *member_ts, average_t = self.temperatures
        words_part = sum(t * _class_weights(member) for t, member in zip(member_ts[:2], self._members[:2]))
        weights = average_t * words_part / len(self._members)
        return weights[column] - weights.mean(axis=0)

    def _fitted_features(self) -> TextFeatures:
        if self._features is None:
            raise ValueError("the model is not fitted yet: call fit(texts, labels) first")
        return self._features

    def _fitted_classes(self) -> np.ndarray:
        self._fitted_features()
        return self.classes


@dataclass(frozen=True)
class _Inputs:
    """What the members read of a set of texts: the TF-IDF rows (``words``) and, when the
    meaning member is used, the sentence vectors (``meaning``), one row per text each."""

    words: object
    meaning: np.ndarray | None

    def rows(self, index: np.ndarray) -> _Inputs:
        return _Inputs(self.words[index], None if self.meaning is None else self.meaning[index])


def _member_scores(members: tuple, inputs: _Inputs) -> list[np.ndarray]:
    """Each member's scores of ``inputs``: the two word members read the TF-IDF rows, the
    meaning member (third, when used) the sentence vectors."""
    reads = (inputs.words, inputs.words, inputs.meaning)
    return [_class_scores(member, matrix) for member, matrix in zip(members, reads)]


def _class_scores(member, matrix) -> np.ndarray:
    """A member's scores, one column per class. With two classes scikit-learn gives one
    score ``d`` for the second; ``(-d/2, d/2)`` has the same softmax (``sigmoid(d)``)."""
    scores = member.decision_function(matrix)
    return np.column_stack([-scores / 2, scores / 2]) if scores.ndim == 1 else scores


def _class_weights(member) -> np.ndarray:
    """A member's coefficients, one row per class (two rows ``-w/2, w/2`` for two classes)."""
    weights = member.coef_
    return np.vstack([-weights / 2, weights / 2]) if weights.shape[0] == 1 else weights


def _temperature(scores: np.ndarray, truth: np.ndarray) -> float:
    """The factor ``t`` minimising the log-loss of ``softmax(t * scores)`` against the
    true columns ``truth``."""
    rows = np.arange(len(truth))

    def log_loss(t: float) -> float:
        return -float(log_softmax(t * scores, axis=1)[rows, truth].mean())

    # Searched on a log scale: the right factor may be 0.2 (an SVM's margins) or 6.
    best = minimize_scalar(lambda log_t: log_loss(np.exp(log_t)), bounds=(-7.0, 7.0), method="bounded")
    return float(np.exp(best.x))
