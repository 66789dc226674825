"""Candidate reasons found in what customers wrote under "Other" (or in every text, when an
export has no reason codes).

Method
------
1. The texts to cluster are those whose recorded path is missing, empty or has an
   "Other"-like level (:func:`analytics.taxonomy.is_other_name`); all texts when no paths
   are given. The other texts are the known reasons.
2. TF-IDF and LSA (:mod:`analytics.text_reasons.discovery_space`); k-means with the
   number of clusters (a grid up to ``max_clusters``) of the best silhouette on a
   sample, the texts of the last ``RECENT_DAYS`` weighing as much as all before them
   (:func:`recent_weights`); clusters of low coherence split in two until coherent, and
   clusters whose halves differ in how many of their texts are recent split in two
   (:func:`analytics.text_reasons.discovery_merge.split_by_time`).
3. A cluster is kept when it has at least ``MIN_CANDIDATE_TEXTS`` texts and a coherence
   of at least ``MIN_COHERENCE``: the length of the mean of its unit vectors, the mean
   cosine of its texts to their common direction (1: all alike, near 0: a heap of
   leftovers that k-means had to put somewhere).
4. Kept clusters that share a key word and came at their own time, the same time, are
   one problem and one candidate, of their texts that hold one of its key words
   (:mod:`analytics.text_reasons.discovery_merge`): k-means finds the wordings of a
   problem, a manager wants the problem.
5. Each candidate is named from its most distinctive terms (mean TF-IDF weight inside
   minus outside), shows the texts nearest its centroid, counts per ISO week, the rising
   test of :mod:`analytics.text_reasons.discovery_trend`, and the known reasons most like
   it (:mod:`analytics.text_reasons.discovery_closest`).

On the demo store (three years, 1,500 contacts a day) the hidden problem came out as
eleven rising candidates of 137 to 216 texts, one per wording, the largest holding 9% of
its 1,889 texts, and a twelfth, not rising, holding 7%; now it is one rising candidate of
1,882 texts holding 99% of them, next to "Returns > Label > Does not work", and nothing
else rises.

Candidates come rising first (smallest p-value first), then by size.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from analytics.filters import REASON_SEPARATOR
from analytics.taxonomy import is_other_name
from analytics.text_reasons.discovery_closest import closest_reasons
from analytics.text_reasons.discovery_space import (cluster_count_grid, clusters_by_silhouette, coherence,
                                                    split_incoherent, text_space)
from analytics.text_reasons.discovery_merge import holding_core_words, same_problem_groups, split_by_time
from analytics.text_reasons.discovery_trend import RECENT_DAYS, Rise, all_iso_weeks, rise, weekly_counts
from analytics.text_reasons.discovery_words import distinctive_terms, name_from_terms

MIN_TEXTS = 30
MIN_CANDIDATE_TEXTS = 10
MIN_COHERENCE = 0.35
EXAMPLES = 5
TERMS = 8


@dataclass(frozen=True, eq=False)
class CandidateReason:
    """A group of similar texts that may deserve a reason of its own.

    ``top_terms`` are its most distinctive words and phrases, best first, and ``name`` the
    first two; ``example_texts`` the distinct texts nearest its centre, with their ids in
    ``example_ids``; ``weekly_counts`` its texts per ISO week (``2025-W07``) over the whole
    period; ``rise`` the rising test; ``coherence`` 0..1 how alike its texts are;
    ``closest_reason`` the known path most like it, with the ``closest_similarity`` (-1..1,
    :mod:`analytics.text_reasons.discovery_closest`; None and nan without labelled texts),
    and ``next_closest`` the known paths that come after it (at most two); ``member_ids``
    the ids of all its texts."""

    name: str
    size: int
    top_terms: tuple[str, ...]
    example_texts: tuple[str, ...]
    example_ids: tuple
    weekly_counts: pd.Series
    rise: Rise
    coherence: float
    closest_reason: str | None
    closest_similarity: float
    member_ids: tuple = ()
    next_closest: tuple[str, ...] = ()

    @property
    def is_rising(self) -> bool:
        return self.rise.is_rising


def is_other_path(path: object) -> bool:
    """True for a missing or empty path and for one with an "Other"-like level."""
    if not isinstance(path, str) or not path.strip():
        return True
    return any(is_other_name(level) for level in path.split(REASON_SEPARATOR))


def other_like(paths: pd.Series) -> pd.Series:
    """:func:`is_other_path` of each path, worked out once per distinct path."""
    others = [path for path in paths.dropna().unique() if is_other_path(path)]
    return paths.isna() | paths.isin(others)


def discover_reasons(texts: pd.Series, days: pd.Series, recorded_paths: pd.Series | None = None, *,
                     max_clusters: int = 30, seed: int = 0) -> list[CandidateReason]:
    """Candidate reasons (module docstring) among ``texts`` written on ``days``, filed
    under ``recorded_paths`` (``"Level 1 > Level 2"``; None when the export has no reasons).
    The three series share one index, the contacts' ids, which ``example_ids`` quote.

    Raises
    ------
    ValueError
        When the series' indexes differ, or fewer than ``MIN_TEXTS`` texts to cluster
        have a word to cluster on.
    """
    for other in (days, recorded_paths):
        if other is not None and not other.index.equals(texts.index):
            raise ValueError("texts, days and recorded paths must share one index")
    days = pd.to_datetime(days)
    last_day = days.max()
    present = texts.notna() & days.notna()
    to_cluster = present & (other_like(recorded_paths) if recorded_paths is not None else True)
    if to_cluster.sum() < MIN_TEXTS:
        raise ValueError(f"at least {MIN_TEXTS} texts to cluster (under an Other-like reason, or any when there are "
                         f"no reasons) are needed, got {to_cluster.sum()}")
    # One thread: on two shared cores, waiting OpenMP and BLAS threads made k-means 25 times
    # slower (20.7 s against 0.8 s on 10,000 texts), and the app runs this beside its pages.
    with threadpool_limits(1):
        space = text_space(texts[to_cluster], seed=seed)
        worded = space.has_words
        if worded.sum() < MIN_TEXTS:
            raise ValueError(f"at least {MIN_TEXTS} texts with a word to cluster on are needed, got {worded.sum()}")
        points, tfidf = space.points[worded], space.tfidf[worded]
        clustered = pd.DataFrame({"text": texts[to_cluster][worded], "day": days[to_cluster][worded]})
        weights = recent_weights(clustered["day"], last_day)
        labels, _ = clusters_by_silhouette(points, cluster_count_grid(max_clusters), weights=weights, seed=seed)
        labels = split_incoherent(points, labels, min_coherence=MIN_COHERENCE, min_size=MIN_CANDIDATE_TEXTS,
                                  max_clusters=2 * max_clusters, weights=weights, seed=seed)
        labels = split_by_time(points, labels, is_recent(clustered["day"], last_day), min_size=MIN_CANDIDATE_TEXTS,
                               max_clusters=2 * max_clusters, weights=weights, seed=seed)
    coherent = [label for label in np.unique(labels)
                if np.count_nonzero(labels == label) >= MIN_CANDIDATE_TEXTS
                and coherence(points[labels == label]) >= MIN_COHERENCE]
    groups = same_problem_groups(tfidf, space.terms, labels, clustered["day"], coherent)
    kept = [np.isin(labels, group) for group in groups]
    kept = [holding_core_words(tfidf, space.terms, members) if len(group) > 1 else members
            for members, group in zip(kept, groups)]
    known = present & ~to_cluster
    closest = closest_reasons([clustered.loc[members, "text"] for members in kept], texts[known],
                              recorded_paths[known] if recorded_paths is not None else pd.Series(dtype=object),
                              seed=seed)
    weeks = all_iso_weeks(clustered["day"].min(), last_day)
    candidates = [
        CandidateReason(
            name="", size=int(members.sum()),
            top_terms=tuple(distinctive_terms(tfidf, members, space.terms, count=TERMS)),
            **_examples(clustered[members], points[members]),
            weekly_counts=weekly_counts(clustered.loc[members, "day"], weeks),
            rise=rise(clustered.loc[members, "day"], clustered["day"], last_day),
            coherence=coherence(points[members]),
            closest_reason=ranked[0][0] if ranked else None,
            closest_similarity=ranked[0][1] if ranked else float("nan"),
            member_ids=tuple(clustered.index[members]), next_closest=tuple(path for path, _ in ranked[1:]))
        for members, ranked in zip(kept, closest)]
    return sorted(_named(candidates), key=lambda c: (not c.is_rising, c.rise.p_value if c.is_rising else 0, -c.size))


def recent_weights(text_days: pd.Series, last_day: pd.Timestamp) -> np.ndarray:
    """Weights that make the texts of the rising test's recent window weigh as much in
    k-means as all texts before it together (equal weights when either part is empty).
    A problem of the last fortnight is a tenth of those days' texts but a hundredth of
    twenty weeks'; without the weights k-means folds it into a larger group."""
    recent = is_recent(text_days, last_day)
    if recent.all() or not recent.any():
        return np.ones(len(recent))
    return np.where(recent, 0.5 / recent.mean(), 0.5 / (1 - recent.mean()))


def is_recent(text_days: pd.Series, last_day: pd.Timestamp) -> np.ndarray:
    """True for the days of the rising test's recent window, the last ``RECENT_DAYS``."""
    return (text_days >= last_day.normalize() - pd.Timedelta(days=RECENT_DAYS - 1)).to_numpy()


def _examples(rows: pd.DataFrame, points: np.ndarray) -> dict[str, tuple]:
    """The distinct texts nearest the members' common direction, and their ids."""
    nearest = rows.iloc[np.argsort(-(points @ points.mean(axis=0)), kind="stable")]
    examples = nearest.drop_duplicates("text").head(EXAMPLES)
    return {"example_texts": tuple(examples["text"]), "example_ids": tuple(examples.index)}


def _named(candidates: list[CandidateReason]) -> list[CandidateReason]:
    """Candidates named from their terms; a name already taken by a larger candidate gets
    one term more."""
    taken: set[str] = set()
    named = []
    for candidate in sorted(candidates, key=lambda c: -c.size):
        name = name_from_terms(list(candidate.top_terms), taken=taken)
        taken.add(name)
        named.append(replace(candidate, name=name))
    return named
