"""One candidate per problem: clusters that mix what came at different times are split, and
clusters that share their key word and come and go together are merged.

k-means on texts finds the ways of *saying* something: customers write one problem in a
dozen wordings ("QR-code retourlabel werkt niet", "scanner bij pakketpunt leest qr code
niet", "retour qr code ongeldig volgens pakketpunt"), each tight enough to be a cluster of
its own, and the silhouette prefers them apart. On the demo store the hidden QR problem came
out as eleven rising candidates. Their centroids are not closer to each other in the LSA
space than unrelated clusters are (cosines 0.04-0.58 against up to 0.35), so distance alone
cannot join them; what they have in common is a word and a time. The other way round,
k-means sometimes puts a small new problem in with a steady one that shares a word
("qr-code van retourlabel geeft foutmelding" with "ik krijg een foutmelding bij het
inloggen"): a cluster of 68 new and 74 old texts, alike enough not to be split as
incoherent.

Split
-----
A cluster of at least ``2 * min_size`` texts is cut in two by k-means; the cut stays when
one half's share of texts from the rising test's recent window is at least twice the
other's (estimated with Laplace's rule, ``(c + 1) / (n + 2)``) and a binomial test puts it
beyond chance, ``P(X >= c) < SPLIT_P_VALUE`` for ``X ~ Binomial(n, p_other)``: the same
test that calls a candidate rising, between the halves. The halves are tried again, while
there are fewer than ``max_clusters`` clusters. A steady cluster's halves have about the
same recent share and are left together, and so are two wordings of a new problem.

Merge
-----
A word is a *core word* of a group of texts when at least ``CORE_SHARE`` (half) of its
texts hold it (single words of the TF-IDF vocabulary, so never a stop word or filler). The
*usual days* are those of the steadiest clusters that together hold ``USUAL_SHARE`` (half)
of the texts: the clusters whose days differ least from all texts' by the two-sample
Kolmogorov-Smirnov distance ``D`` (the largest gap between two cumulative shares of texts
over the days, 0..1). Half rather than all texts, so that a large new problem does not
make the steady clusters look unusual: on the demo store the hidden problem is a fifth of
the texts, and against all texts steady clusters were up to ``D = 0.27`` away. Two groups
are the same problem when

* they share a core word. A merged group's core words are those of all its texts
  together: "retourlabel", in a third of the QR problem's texts, is not one of its core
  words and does not join it to "retourlabel niet ontvangen";
* each came at its own time: its days are at least ``DEVIATE_DISTANCE`` (0.3) from the
  usual days, beyond chance (``p < DEVIATE_P_VALUE``, 0.001). "pakket kwijt" and "pakket
  beschadigd", two steady problems that share "pakket", come every week like everything
  else and stay apart, however alike their words; and
* they came at the same time: their days are at most ``SAME_DISTANCE`` (0.3) apart, or
  not apart beyond chance (``p >= SAME_P_VALUE``, 0.001: a wording of fifteen texts is
  never far from chance). A new problem starts in all its wordings in the same week; a
  new problem and an old one that share a word do not.

The pair whose days are closest is merged first, then the groups are compared again, until
no pair is left. A merged group keeps only its texts that hold one of its core words
(:func:`holding_core_words`): the few that k-means put in with a piece of the problem
while they are about something else would otherwise show the problem in weeks before it
began. Days rather than weekly counts: a correlation of weekly shares put small
pieces of the demo's hidden problem at 0.32-0.61 with the rest, and pairs of unrelated
clusters at up to 0.48. On the demo store the pieces of the hidden problem were 0.39-0.71
from all texts' days and at most 0.25 from each other; other clusters at most 0.27 from
all texts' days, and at least 0.5 from the problem's pieces.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import binom, ks_2samp

from analytics.text_reasons.discovery_space import kmeans_labels

SPLIT_P_VALUE = 1e-4
SPLIT_RATIO = 2.0
CORE_SHARE = 0.5
USUAL_SHARE = 0.5
DEVIATE_DISTANCE = 0.3
DEVIATE_P_VALUE = 1e-3
SAME_DISTANCE = 0.3
SAME_P_VALUE = 1e-3


def split_by_time(points: np.ndarray, labels: np.ndarray, recent: np.ndarray, *, min_size: int, max_clusters: int,
                  weights: np.ndarray | None = None, seed: int = 0) -> np.ndarray:
    """``labels`` with each cluster whose k-means halves differ in their share of
    ``recent`` texts (a boolean per row) cut in two (module docstring, "Split")."""
    labels = labels.copy()
    queue = list(np.unique(labels))
    count = len(queue)
    while queue and count < max_clusters:
        label = queue.pop(0)
        members = np.flatnonzero(labels == label)
        if len(members) < 2 * min_size or _all_alike(points[members]):
            continue
        halves = kmeans_labels(points[members], 2, None if weights is None else weights[members], seed)
        if halves.min() == halves.max() or not _differ_in_time(recent[members], halves):
            continue
        new_label = labels.max() + 1
        labels[members[halves == 1]] = new_label
        queue += [label, new_label]
        count += 1
    return labels


def _all_alike(points: np.ndarray) -> bool:
    """True when every row is the same text's point: nothing for k-means to cut."""
    return bool(np.allclose(points, points[0], atol=1e-6))


def _differ_in_time(recent: np.ndarray, halves: np.ndarray) -> bool:
    """True when one half's share of recent texts is beyond chance and at least
    ``SPLIT_RATIO`` times the other's."""
    counts = [(int(recent[halves == half].sum()), int(np.count_nonzero(halves == half))) for half in (0, 1)]
    (c_high, n_high), (c_low, n_low) = sorted(counts, key=lambda cn: -(cn[0] + 1) / (cn[1] + 2))
    p_low = (c_low + 1) / (n_low + 2)
    return c_high / n_high >= SPLIT_RATIO * p_low and binom.sf(c_high - 1, n_high, p_low) < SPLIT_P_VALUE


def same_problem_groups(tfidf: sparse.csr_matrix, terms: np.ndarray, labels: np.ndarray, days: pd.Series,
                        clusters: list[int]) -> list[list[int]]:
    """The ``clusters`` (labels of ``labels``, one per row of ``tfidf``) in groups of the
    same problem (module docstring, "Merge"), each group a list of labels; ``days`` holds
    each row's day. Clusters that merge with nothing come back one to a group, in the
    order given."""
    groups = [[cluster] for cluster in clusters]
    if len(groups) < 2:
        return groups
    day_numbers = pd.to_datetime(days).to_numpy(dtype="datetime64[D]").astype(np.int64)
    words = np.flatnonzero(np.char.find(terms.astype(str), " ") < 0)
    present = (tfidf[:, words] > 0).astype(np.float64)
    position = pd.Series(range(len(clusters)), index=clusters).reindex(labels).to_numpy()
    rows = np.flatnonzero(~np.isnan(position))
    members = sparse.csr_matrix((np.ones(len(rows)), (position[rows].astype(int), rows)),
                                shape=(len(clusters), len(labels)))
    counts = list((members @ present).toarray())
    group_days = [day_numbers[position == at] for at in range(len(clusters))]
    usual = usual_days(group_days)
    deviates = [_deviates(these, usual) for these in group_days]
    while len(groups) > 1:
        best = _best_pair(counts, group_days, deviates)
        if best is None:
            break
        a, b = best
        groups[a] += groups[b]
        counts[a] = counts[a] + counts[b]
        group_days[a] = np.concatenate([group_days[a], group_days[b]])
        deviates[a] = _deviates(group_days[a], usual)
        for kept in (groups, counts, group_days, deviates):
            del kept[b]
    return groups


def holding_core_words(tfidf: sparse.csr_matrix, terms: np.ndarray, members: np.ndarray) -> np.ndarray:
    """``members`` (a boolean mask of the rows of ``tfidf``) without the texts that hold none
    of the members' core words: what k-means put in with a piece of a problem while it is
    about something else ("retourlabel geeft foutmelding" beside "qr code retourzending
    geeft foutmelding"). Applied to merged groups, whose core words are what held them
    together."""
    words = np.flatnonzero(np.char.find(terms.astype(str), " ") < 0)
    present = tfidf[members][:, words] > 0
    core = np.asarray(present.sum(axis=0)).ravel() >= CORE_SHARE * present.shape[0]
    kept = members.copy()
    kept[np.flatnonzero(members)] = np.asarray(present[:, core].sum(axis=1)).ravel() > 0
    return kept


def usual_days(group_days: list[np.ndarray]) -> np.ndarray:
    """The days of the steadiest groups that together hold ``USUAL_SHARE`` of the texts:
    those whose days differ least from all texts' (the Kolmogorov-Smirnov distance)."""
    everything = np.concatenate(group_days)
    distances = [ks_2samp(these, everything).statistic for these in group_days]
    usual, held = [], 0
    for at in np.argsort(distances, kind="stable"):
        usual.append(group_days[at])
        held += len(group_days[at])
        if held >= USUAL_SHARE * len(everything):
            break
    return np.concatenate(usual)


def _deviates(group_days: np.ndarray, usual: np.ndarray) -> bool:
    """Whether a group came at its own time: its days are far from the usual ones, beyond chance."""
    test = ks_2samp(group_days, usual)
    return bool(test.statistic >= DEVIATE_DISTANCE and test.pvalue < DEVIATE_P_VALUE)


def _best_pair(counts: list[np.ndarray], group_days: list[np.ndarray], deviates: list[bool]) -> tuple[int, int] | None:
    """The two groups of the same problem whose days are closest, or None."""
    sizes = np.array([len(these) for these in group_days], dtype=np.float64)
    core = np.vstack(counts) >= CORE_SHARE * sizes[:, None]
    best, best_distance = None, np.inf
    candidates = [at for at, deviating in enumerate(deviates) if deviating]
    for i, a in enumerate(candidates):
        for b in candidates[i + 1:]:
            if not (core[a] & core[b]).any():
                continue
            test = ks_2samp(group_days[a], group_days[b])
            if (test.statistic <= SAME_DISTANCE or test.pvalue >= SAME_P_VALUE) and test.statistic < best_distance:
                best, best_distance = (a, b), test.statistic
    return best
