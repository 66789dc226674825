"""Texts as points to cluster: TF-IDF, latent semantic analysis, k-means with k chosen by
the silhouette.

Each text becomes a TF-IDF vector of its words and word pairs (sublinear term frequency,
a term kept when it occurs in at least ``MIN_TERM_TEXTS`` texts and in at most
``MAX_TERM_SHARE`` of them), reduced to at most ``LSA_DIMENSIONS`` dimensions by a
truncated SVD (fitted on at most ``LSA_SAMPLE_TEXTS`` texts) and scaled to length 1 (latent
semantic analysis): texts that share no word but words that keep the same company end up
close, and k-means on unit vectors groups by cosine similarity.

The number of clusters is the ``k`` of a range whose k-means on a sample of at most
``SAMPLE_TEXTS`` texts has the highest mean silhouette (cosine distance): how much closer
a text lies to its own cluster than to the next one, -1..1. The final k-means runs on all
texts with that ``k``; the sample keeps choosing ``k`` quick on a large export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from analytics.text_reasons.discovery_words import STOP_WORDS, TOKEN_PATTERN, cleaned_text

LSA_DIMENSIONS = 100
MIN_TERM_TEXTS = 2
MAX_TERM_SHARE = 0.5
SAMPLE_TEXTS = 3000
LSA_SAMPLE_TEXTS = 20_000
KMEANS_STARTS = 3


@dataclass(frozen=True)
class TextSpace:
    """Texts as TF-IDF rows (``tfidf``, columns named by ``terms``) and as unit LSA vectors
    (``points``), one row per text in the order given; ``has_words`` is False for texts
    without a single kept term (only emoji, a link, a stop word), whose point is zero."""

    tfidf: sparse.csr_matrix
    terms: np.ndarray
    points: np.ndarray
    has_words: np.ndarray


def text_vectoriser(text_count: int) -> TfidfVectorizer:
    """The TF-IDF vectoriser for ``text_count`` texts (a term must occur twice, except in
    tiny sets where that would leave nothing)."""
    return TfidfVectorizer(preprocessor=cleaned_text, token_pattern=TOKEN_PATTERN, stop_words=sorted(STOP_WORDS),
                           ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32,
                           min_df=MIN_TERM_TEXTS if text_count >= 50 else 1,
                           max_df=MAX_TERM_SHARE if text_count >= 50 else 1.0)


def text_space(texts: pd.Series, *, seed: int = 0) -> TextSpace:
    """``texts`` as a :class:`TextSpace`.

    Raises
    ------
    ValueError
        When no text has a word that the vectoriser keeps.
    """
    vectoriser = text_vectoriser(len(texts))
    try:
        tfidf = vectoriser.fit_transform(texts).tocsr()
    except ValueError as error:  # scikit-learn's "empty vocabulary"
        raise ValueError("no text has a word to cluster on") from error
    has_words = tfidf.getnnz(axis=1) > 0
    dimensions = min(LSA_DIMENSIONS, tfidf.shape[1] - 1, int(has_words.sum()) - 1)
    if dimensions < 2:  # two words or two texts: nothing to reduce
        points = tfidf[:, :LSA_DIMENSIONS].toarray()
    else:
        lsa = TruncatedSVD(dimensions, algorithm="randomized", n_iter=4, random_state=seed)
        with np.errstate(invalid="ignore"):  # its explained-variance share is 0/0 when all texts are alike
            points = lsa.fit(_sample_rows(tfidf[has_words], LSA_SAMPLE_TEXTS, seed)).transform(tfidf)
    return TextSpace(tfidf, vectoriser.get_feature_names_out(),
                     normalize(points.astype(np.float32)), has_words)


def _sample_rows(rows: sparse.csr_matrix, count: int, seed: int) -> sparse.csr_matrix:
    if rows.shape[0] <= count:
        return rows
    return rows[np.sort(np.random.default_rng(seed).choice(rows.shape[0], count, replace=False))]


def cluster_count_grid(max_clusters: int) -> list[int]:
    """Numbers of clusters tried: every one up to 10, then steps of about a fifth, and
    ``max_clusters`` itself."""
    grid, k = [], 2
    while k < max_clusters:
        grid.append(k)
        k = k + 1 if k < 10 else int(round(k * 1.2))
    return [*grid, max_clusters] if max_clusters >= 2 else []


def clusters_by_silhouette(points: np.ndarray, cluster_counts: Sequence[int], *, weights: np.ndarray | None = None,
                           seed: int = 0) -> tuple[np.ndarray, float]:
    """k-means labels of ``points`` (unit rows) with the ``k`` of ``cluster_counts`` whose
    clustering of a sample scores the best mean silhouette, and that silhouette (nan when
    no ``k`` fits: fewer distinct points than 2 clusters need). With ``weights``, a text
    weighs that much in k-means and is that much likelier to be in the sample."""
    counts = [k for k in cluster_counts if 2 <= k < len(points)]
    if not counts:
        return np.zeros(len(points), dtype=int), float("nan")
    sampled = len(points) > SAMPLE_TEXTS
    if sampled:
        chance = None if weights is None else weights / weights.sum()
        sample = points[np.random.default_rng(seed).choice(len(points), SAMPLE_TEXTS, replace=False, p=chance)]
    else:
        sample = points
    fits = {k: _kmeans(sample, k, None if sampled else weights, seed) for k in counts}
    scores = {k: _silhouette(sample, fit.labels_) for k, fit in fits.items()}
    best = max(scores, key=lambda k: (scores[k], -k))
    if np.isnan(scores[best]):
        return np.zeros(len(points), dtype=int), float("nan")
    if not sampled:
        return fits[best].labels_, scores[best]
    return _kmeans(points, best, weights, seed).labels_, scores[best]


def coherence(points: np.ndarray) -> float:
    """Length of the mean of unit vectors: their mean cosine to their common direction
    (1 when all point the same way, near 0 for a heap of unrelated texts)."""
    return float(np.linalg.norm(points.mean(axis=0))) if len(points) else 0.0


def split_incoherent(points: np.ndarray, labels: np.ndarray, *, min_coherence: float, min_size: int,
                     max_clusters: int, weights: np.ndarray | None = None, seed: int = 0) -> np.ndarray:
    """``labels`` with each cluster of coherence below ``min_coherence`` split in two by
    k-means, again and again, while it has at least ``2 * min_size`` texts and there are
    fewer than ``max_clusters`` clusters; the least coherent is split first. k-means with a
    fixed ``k`` puts a small distinct group (a new problem) in with a larger one rather
    than leave it alone; a split of the mixed cluster sets it free."""
    labels = labels.copy()
    scores = {label: coherence(points[labels == label]) for label in np.unique(labels)}
    while len(scores) < max_clusters:
        splittable = [(score, label) for label, score in scores.items()
                      if score < min_coherence and np.count_nonzero(labels == label) >= 2 * min_size]
        if not splittable:
            return labels
        label = min(splittable)[1]
        members = np.flatnonzero(labels == label)
        halves = _kmeans(points[members], 2, None if weights is None else weights[members], seed).labels_
        if halves.min() == halves.max():  # all texts alike: nothing to split
            scores[label] = 1.0
            continue
        new_label = max(scores) + 1
        labels[members[halves == 1]] = new_label
        scores[label] = coherence(points[members[halves == 0]])
        scores[new_label] = coherence(points[members[halves == 1]])
    return labels


def kmeans_labels(points: np.ndarray, k: int, weights: np.ndarray | None = None, seed: int = 0) -> np.ndarray:
    """Cluster numbers of ``points`` by k-means of ``k`` clusters, each point weighing its
    ``weights``."""
    return _kmeans(points, k, weights, seed).labels_


def _kmeans(points: np.ndarray, k: int, weights: np.ndarray | None, seed: int) -> KMeans:
    """k-means of ``k`` clusters (``KMEANS_STARTS`` starts), each point weighing its ``weights``."""
    return KMeans(k, n_init=KMEANS_STARTS, random_state=seed).fit(points, sample_weight=weights)


def _silhouette(sample: np.ndarray, labels: np.ndarray) -> float:
    if len(np.unique(labels)) < 2:
        return float("nan")
    return float(silhouette_score(sample, labels, metric="cosine"))
