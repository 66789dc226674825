"""A reason tree proposed from what customers wrote, for an export without reason codes.

Method
------
1. Each text becomes a TF-IDF vector of the 3- to 5-letter groups of its content words
   (:func:`analytics.text_reasons.discovery_closest.letter_grams`: stop words and the
   fillers of messages to a service desk, "vraag", "hallo", "graag contact", "alvast", left
   out), scaled to length 1. Letter groups rather than whole words, because Dutch writes
   compounds: "retourlabel", "retourzending" and "retourneren" share "retour", "bezorging"
   and "bezorgd" share "bezorg", and typos keep most of their letter groups.
2. Bottom up, the texts are first cut into micro topics: the distinct texts, or on a large
   varied export k-means clusters of them, far more than the tree has leaves
   (:func:`analytics.text_reasons.tree_grouping.micro_topics`). The micro topics are then
   grouped by spectral clustering of the graph of the texts' cosine similarities, each
   micro topic's texts taken together (:mod:`analytics.text_reasons.tree_grouping`): the
   top level into at most ``max_per_level`` groups, each group's micro topics again into
   at most ``max_per_level``, and at most one per ``MIN_LEAF_TEXTS`` texts. A group of
   fewer than ``MIN_LEAF_TEXTS`` texts joins the group most like it; a group of more than
   30 % of its siblings' texts (``tree_grouping.MAX_GROUP_SHARE``) is split and two groups
   alike are merged instead, so a level has no catch-all where the texts allow. A node of
   fewer than ``MIN_SPLIT_TEXTS`` texts, of one micro topic, or on level ``levels`` has no
   children; no level offers more than ``max_per_level`` options: the field's rule of
   about seven choices people scan reliably. On the demo, grouping about 49 fine topics by
   the similarity of their centroids (Ward's or average linkage, on letter groups, words or
   LSA) gave a first level of adjusted Rand index 0.02-0.19, against the graph's 0.24:
   texts of different subjects share the verbs of a problem ("ontvangen", "werkt niet"),
   while the graph lets a subject's wordings join through the texts between them.
3. Each node is named by its two most distinctive words or phrases against its siblings
   (:func:`analytics.text_reasons.discovery_words.distinctive_terms`), leaving out the
   words of the names above it, so "transfer > pending" rather than "transfer > transfer
   pending", and skipping a term that repeats an earlier one in another form
   ("retour · retourlabel") or misspells a commoner word ("fcatuur")
   (:mod:`analytics.text_reasons.tree_names`). Fillers are stop words there too, so they
   never name a node.

Texts without one word to go by (only emoji, a link, a greeting, "vraag??") are put under
an "Other" node at the top (``OTHER_NAMES``: "Overig" when most texts are Dutch), which
then takes one of the ``max_per_level`` places and always comes last.

Measured against the truth (``python -m benchmarks.reason_discovery --no-detection``; the
demo's subject lines are written per reason: 56 reasons in 6 first-level groups, and vague
lines), from NMF topics top down to micro topics grouped on the text graph, on the 20,000
texts sampled from the benchmark's 200-day demo store: the adjusted Rand index of the first
level against the true first level went from 0.17 to 0.24 (purity 0.48 to 0.51, 0.27 at
random), the leaves' against the true reasons from 0.24 to 0.32 (purity 0.42 to 0.46, 0.08
at random), with the largest first-level group at 28 % and 29 % of the texts with words
(the true Delivery holds 28 %), in 4.8 s and 1.2 s. On the default demo store (``--demo-days
1095 --demo-per-day 1500``) the first level went from 0.16 to 0.24 (purity 0.46 to 0.53), the
leaves from 0.24 to 0.28 (0.42 to 0.43), in 4.8 s and 1.7 s. Of that, leaving "graag
contact", "contactformulier" and "terugbellen" out as fillers gave 0.01 of the first level
and 0.03 of the leaves on the 200-day store. On BANKING77's training split (77 intents)
the leaves' went from 0.18 to 0.21 (purity 0.34 to 0.33), in 1.9 s and 2.6 s. On customers'
tweets to many brands the largest first-level group went from 66 % of the tweets with words
to 30 %. An earlier method, k-means clusters of LSA vectors grouped by Ward's method with
fillers naming nodes, had 0.08 on the first level of the 200-day store and 0.17 on its
leaves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analytics.filters import REASON_SEPARATOR
from analytics.taxonomy import is_other_name
from analytics.text_reasons.discovery_closest import letter_grams
from analytics.text_reasons.discovery_space import text_vectoriser
from analytics.text_reasons.discovery_words import TERM_SEPARATOR, TOKEN_PATTERN, cleaned_text, distinctive_terms
from analytics.text_reasons.stopwords import language_of
from analytics.text_reasons.tree_grouping import group_topics, micro_topics, topic_affinity
from analytics.text_reasons.tree_names import commoner_spellings, node_name

MIN_TEXTS = 20
MIN_LEAF_TEXTS = 10
MIN_SPLIT_TEXTS = 30
OTHER_NAMES = {"en": "Other", "nl": "Overig"}
EXAMPLES = 3
LANGUAGE_SAMPLE = 500


@dataclass(frozen=True)
class ReasonNode:
    """One option of the proposed tree: its full ``path`` (names joined by " > "), its
    ``depth`` (1 at the top), how many texts fall under it, and what it rests on."""

    path: str
    name: str
    depth: int
    size: int
    top_terms: tuple[str, ...]
    example_texts: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class ReasonTree:
    """The proposed ``nodes`` (each parent before its children, siblings largest first,
    "Other" last) and the ``assignment`` of each text to the path of its deepest node,
    indexed like the texts."""

    nodes: tuple[ReasonNode, ...]
    assignment: pd.Series

    def options(self, parent: str = "") -> list[ReasonNode]:
        """The children of ``parent`` (a path; "" for the top level)."""
        depth = parent.count(REASON_SEPARATOR) + 2 if parent else 1
        return [node for node in self.nodes
                if node.depth == depth and (not parent or node.path.startswith(parent + REASON_SEPARATOR))]


def propose_reason_tree(texts: pd.Series, *, max_per_level: int = 7, levels: int = 2,
                        seed: int = 0) -> ReasonTree:
    """A reason tree for ``texts`` (module docstring) of at most ``levels`` levels with at
    most ``max_per_level`` options under each node.

    Raises
    ------
    ValueError
        When ``max_per_level`` is below 2, ``levels`` below 1, or fewer than ``MIN_TEXTS``
        texts have a word to go by.
    """
    if max_per_level < 2 or levels < 1:
        raise ValueError("a tree needs at least 2 options per level and at least 1 level")
    texts = texts.fillna("").astype(str)
    with threadpool_limits(1):  # see analytics.text_reasons.discovery: waiting threads cost more than they give
        grams = _letter_rows(texts)
        worded = np.flatnonzero(grams.getnnz(axis=1) > 0)
        if len(worded) < MIN_TEXTS:
            raise ValueError(f"at least {MIN_TEXTS} texts with a word to go by are needed, got {len(worded)}")
        words = text_vectoriser(len(worded)).fit(texts.iloc[worded])
        rows = grams[worded]
        micro = micro_topics(rows, seed=seed)
        grower = _Grower(rows, words.transform(texts.iloc[worded]).tocsr(), words.get_feature_names_out(),
                         texts.iloc[worded], micro, max_per_level, levels, seed)
        top_places = max_per_level - 1 if len(worded) < len(texts) else max_per_level
        grower.grow(np.arange(micro.max() + 1), parent="", depth=1, places=top_places, avoid=frozenset())
    other = other_name(texts)
    paths = pd.Series(other, index=texts.index, name="proposed_path", dtype=object)
    paths.iloc[worded] = grower.paths
    nodes = grower.nodes
    if len(worded) < len(texts):
        wordless = np.setdiff1d(np.arange(len(texts)), worded)
        nodes.append(ReasonNode(other, other, 1, len(wordless), (), tuple(texts.iloc[wordless].head(EXAMPLES))))
    return ReasonTree(tuple(nodes), paths)


def other_name(texts: pd.Series) -> str:
    """"Overig" when most of a sample of ``texts`` are Dutch, else "Other"."""
    sample = texts.sample(min(len(texts), LANGUAGE_SAMPLE), random_state=0) if len(texts) else texts
    languages = [language_of(re.findall(TOKEN_PATTERN, cleaned_text(text))) for text in sample]
    return OTHER_NAMES["nl" if languages.count("nl") > len(languages) / 2 else "en"]


def _letter_rows(texts: pd.Series) -> sparse.csr_matrix:
    """Unit TF-IDF rows of the texts' letter groups (a group must occur in two texts,
    except in tiny sets)."""
    vectoriser = TfidfVectorizer(analyzer=letter_grams, sublinear_tf=True, dtype=np.float32,
                                 min_df=2 if len(texts) >= 50 else 1)
    try:
        return normalize(vectoriser.fit_transform(texts)).tocsr()
    except ValueError:  # scikit-learn's "empty vocabulary": not one text has a content word
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)


@dataclass
class _Grower:
    """The texts with words (their letter-group ``grams`` and word ``tfidf`` rows, the
    ``texts``, their ``micro`` topics and those topics' ``affinity``) and the tree grown
    from them so far: ``nodes`` and each text's path."""

    grams: sparse.csr_matrix
    tfidf: sparse.csr_matrix
    terms: np.ndarray
    texts: pd.Series
    micro: np.ndarray
    max_per_level: int
    levels: int
    seed: int
    nodes: list[ReasonNode] = field(default_factory=list)
    paths: np.ndarray = field(init=False)
    affinity: np.ndarray = field(init=False)
    sizes: np.ndarray = field(init=False)
    spellings: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.paths = np.full(len(self.texts), "", dtype=object)
        self.affinity = topic_affinity(self.grams, self.micro)
        self.sizes = np.bincount(self.micro).astype(np.float64)
        self.spellings = commoner_spellings(self.terms, np.diff(self.tfidf.tocsc().indptr))

    def grow(self, topics: np.ndarray, *, parent: str, depth: int, places: int, avoid: frozenset[str]) -> None:
        """Adds the children of ``parent`` (the texts of the micro ``topics``) and their
        subtrees, largest first, naming each against its siblings."""
        groups = group_topics(self.affinity[np.ix_(topics, topics)], self.sizes[topics], places,
                              min_texts=MIN_LEAF_TEXTS, seed=self.seed)
        if depth > 1 and groups.max() == 0:  # one group: no options to choose from
            return
        children = sorted((topics[groups == group] for group in np.unique(groups)),
                          key=lambda child: self.sizes[child].sum(), reverse=True)
        within = np.isin(self.micro, topics)
        taken: set[str] = set()
        for number, child in enumerate(children, start=1):
            members = np.isin(self.micro, child)
            rows = np.flatnonzero(members)
            terms = distinctive_terms(self.tfidf[within], members[within], self.terms, avoid=avoid)
            name = node_name(terms, self.spellings, taken=taken) or f"group {number}"
            taken.add(name)
            path = f"{parent}{REASON_SEPARATOR}{name}" if parent else name
            self.paths[rows] = path
            self.nodes.append(ReasonNode(path, name, depth, len(rows), tuple(terms), self._examples(rows)))
            places_below = min(self.max_per_level, len(rows) // MIN_LEAF_TEXTS)
            if depth < self.levels and len(rows) >= MIN_SPLIT_TEXTS and places_below >= 2 and len(child) >= 2:
                self.grow(child, parent=path, depth=depth + 1, places=places_below,
                          avoid=avoid | set(name.replace(TERM_SEPARATOR, " ").split()))

    def _examples(self, rows: np.ndarray) -> tuple[str, ...]:
        """The distinct texts of ``rows`` nearest their mean letter-group direction."""
        grams = self.grams[rows]
        closeness = np.asarray(grams @ np.asarray(grams.mean(axis=0)).ravel()).ravel()
        order = np.argsort(-closeness, kind="stable")
        return tuple(self.texts.iloc[rows[order]].drop_duplicates().head(EXAMPLES))


def texts_would_help(finding_kinds: Iterable[str], reason_paths: pd.DataFrame) -> str | None:
    """Why reasons learned from texts would help a store whose Health checks found
    ``finding_kinds`` and whose reason paths (``reason_l1``..``reason_l3``, ``contacts_90d``:
    the Data page's reason tree) are as given: ``"no_codes"`` when fewer than two paths
    without an "Other"-like level had contacts in the last 90 days (an export without
    reason codes, every contact "Not coded"), where a proposed tree is the place to start;
    ``"other_share"`` when too many contacts are filed under "Other" and
    ``"first_level_only"`` when too many stop at the first level, where what customers
    wrote says which reasons are missing; None when the reasons are healthy in these
    respects."""
    used = reason_paths[reason_paths["contacts_90d"] > 0]
    levels = used[["reason_l1", "reason_l2", "reason_l3"]].fillna("").astype(str)
    coded = ~levels.apply(lambda row: any(is_other_name(name) for name in row if name) or not row.iloc[0], axis=1)
    if int(coded.sum()) < 2:
        return "no_codes"
    kinds = set(finding_kinds)
    return next((kind for kind in ("other_share", "first_level_only") if kind in kinds), None)
