"""Reasons from what customers wrote, on the contact store: suggested reasons for the
"Other"-like and unlabelled contacts, candidate new reasons, and a reason tree for a store
without reason codes. Pure functions on a connection (no Streamlit); the page and the
``reasons`` command show the same numbers.

Suggestions (:func:`suggest_reasons`)
-------------------------------------
1. *Labelled* contacts are those with a text and a reason path that is neither empty nor
   "Other"-like (:func:`analytics.text_reasons.discovery.is_other_path`). Per reason, in a
   seeded random order, every fifth is held out (a stratified 20 %); the model
   (:class:`~analytics.text_reasons.model.ReasonModel`) learns the leaf paths from at most
   ``per_reason = min(MAX_TRAINING_PER_REASON, max_training // reasons)`` of the others.
   Reasons with fewer than ``MIN_TRAINING_PER_REASON`` training texts are not learned.
2. The held-out contacts (a proportional sample of at most ``MAX_HELD_OUT`` of them) measure
   the model: top-1 and top-3 accuracy, the expected calibration error of the confidence,
   the top-1 accuracy per level of the path, and per reason the precision of its
   suggestions: of the held-out contacts the model gave that reason, the share filed under
   it. The suggestions are made by this same model, trained on the other 80 %, and not by
   one refitted on all: the figures shown are then those of the model that suggests, and
   with the training texts capped per reason a refit would add few texts but double the
   time.
3. Gate: a reason is *offered* when its held-out precision is at least
   ``MIN_OFFERED_ACCURACY`` (0.80) on at least ``MIN_HELD_OUT_SUGGESTIONS`` (20) held-out
   suggestions; a single suggestion is offered when its reason is and its confidence is at
   least ``MIN_CONFIDENCE``. The precision is counted over the held-out suggestions at or
   above that confidence too, so the gate measures what is offered.
4. Every contact with a text under an "Other"-like reason or without one gets the most
   probable reason, its calibrated probability (``confidence``) and the words that drove it.

Texts repeat (a subject line, a template): the model reads each distinct text once and the
result is shared by every contact that wrote it.

Words. Each word of a text (stop words and placeholders left out) is scored once by the
model on its own; a suggestion's ``words`` are the text's words whose own score for the
suggested reason lies most above their mean score over all reasons, strongest first (at most
``WORDS``). For a linear model this is close to its per-text explanation
(:meth:`~analytics.text_reasons.model.ReasonModel.explain`; on 393 of the demo's "Other"
texts the same strongest word in 89 %), at a fraction of the cost: one prediction per
distinct word instead of one explanation per text (about 6 ms each).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from analytics.access import READ_TEXTS, require_permission
from analytics.filters import REASON_SEPARATOR
from analytics.queries import run_query
from analytics.store import data_version as store_data_version
from analytics.text_reasons.discovery import CandidateReason, discover_reasons, is_other_path
from analytics.text_reasons.evaluation import accuracy_per_level, expected_calibration_error
from analytics.text_reasons.features import normalised_text, text_words
from analytics.text_reasons.model import ModelSettings, ReasonModel
from analytics.text_reasons.review import decided
from analytics.text_reasons.stopwords import language_of, stop_words
from analytics.text_reasons.tree_proposal import ReasonTree, propose_reason_tree

# Training: per reason at most this many texts, and about MAX_TRAINING in all. The fit grows
# faster than linearly in texts (about 8 s for 5,500 and 21 s for 11,000 demo texts on one
# busy core) while held-out accuracy on the demo moved from 93.8 % (100 per reason) to 94.1 %
# (1,000 per reason): the caps keep a million-contact store within a minute.
MAX_TRAINING = 10_000
MAX_TRAINING_PER_REASON = 200
MIN_TRAINING_PER_REASON = 10  # fewer examples teach a reason nothing worth offering
HELD_OUT_EVERY = 5  # every fifth labelled contact of each reason is held out: 20 %
MAX_HELD_OUT = 60_000  # held-out contacts measured (a proportional sample beyond this)
# The gate: offered only where the model was right at least 8 times in 10 on held-out
# contacts it gave that reason, counted on at least 20 of them (fewer leave the share too
# uncertain: at 20, a true 80 % is measured anywhere from about 62 % to 97 %).
MIN_OFFERED_ACCURACY = 0.80
MIN_HELD_OUT_SUGGESTIONS = 20
# A suggestion below this confidence is the model saying it does not know ("vraag",
# "hallo"): such texts would otherwise all go to the most common reason and pull its
# precision down. Calibrated, so 0.5 means right about half the time.
MIN_CONFIDENCE = 0.5
WORDS = 3
WORDS_PER_TEXT = 30  # a long message: only its first distinct words are scored
# Discovery: the window, the most "Other" texts clustered, the labelled texts per reason to
# compare a candidate with; the tree: the most texts it is proposed from.
DISCOVERY_DAYS = 140
MAX_DISCOVERY_TEXTS = 30_000
DISCOVERY_TEXTS_PER_REASON = 200
MAX_TREE_TEXTS = 20_000

Progress = Callable[[float, str], None]
STEPS = ("reading", "training", "measuring", "suggesting", "explaining", "discovering", "tree", "done")


@dataclass(frozen=True, eq=False)
class StoreSuggestions:
    """Suggested reasons for the store's "Other"-like and unlabelled contacts, and how good
    they are (module docstring).

    Attributes
    ----------
    suggestions
        One row per contact with a text under an "Other"-like reason or none:
        ``contact_id``, ``started_at``, ``recorded_path`` ("" for none), ``text``,
        ``suggested_path``, ``suggested_l1``..``suggested_l3`` ("" for an empty level),
        ``confidence`` (calibrated, 0-1), ``words`` (comma-separated), ``offered`` (its
        reason passed the gate, its confidence is at least ``MIN_CONFIDENCE`` and no editor
        rejected it for this contact before).
    reason_accuracy
        One row per labelled reason path: ``path``, ``recorded`` (held-out contacts filed
        under it), ``held_out`` (held-out contacts the model gave it at or above
        ``MIN_CONFIDENCE``), ``accuracy`` (the share of those filed under it: precision;
        NaN without any), ``recall`` (the share of ``recorded`` it found that way),
        ``learned`` (enough examples to learn it) and ``offered``; offered first, then by
        accuracy.
    level_accuracy
        Top-1 accuracy per level of the path on the held-out contacts: ``level``,
        ``texts``, ``accuracy_share``.
    labelled_contacts
        Contacts with a text and a reason to learn from.
    training_texts, held_out_contacts
        How many the model was trained on and measured on.
    held_out_top1, held_out_top3, calibration_error
        Top-1 and top-3 accuracy (0-1) and the expected calibration error (15 bins) on the
        held-out contacts.
    data_version
        The store's data version the suggestions were made at.
    """

    suggestions: pd.DataFrame
    reason_accuracy: pd.DataFrame
    level_accuracy: pd.DataFrame
    labelled_contacts: int
    training_texts: int
    held_out_contacts: int
    held_out_top1: float
    held_out_top3: float
    calibration_error: float
    data_version: int

    @property
    def offered(self) -> pd.DataFrame:
        """The offered suggestions only."""
        return self.suggestions[self.suggestions["offered"]]

    def offered_by_reason(self) -> pd.DataFrame:
        """One row per suggested reason with offered suggestions: ``suggested_path``,
        ``contacts`` and ``median_confidence``; most contacts first."""
        offered = self.offered
        grouped = offered.groupby("suggested_path")
        table = pd.DataFrame({"contacts": grouped.size(), "median_confidence": grouped["confidence"].median()})
        return (table.reset_index().sort_values(["contacts", "suggested_path"], ascending=[False, True])
                .reset_index(drop=True))


@dataclass(frozen=True, eq=False)
class StoreDiscovery:
    """Candidate reasons among the texts of the last ``DISCOVERY_DAYS`` days.

    ``candidates`` as :func:`~analytics.text_reasons.discovery.discover_reasons` returns
    them (rising first); ``other_texts`` the "Other"-like or unlabelled texts in the window
    (all texts when the store has no reason codes), ``clustered_texts`` how many of them were
    clustered (a random sample beyond ``MAX_DISCOVERY_TEXTS``); ``first_day`` and
    ``last_day`` the window; ``has_reason_codes`` whether known reasons were compared with.
    """

    candidates: list[CandidateReason]
    other_texts: int
    clustered_texts: int
    first_day: date
    last_day: date
    has_reason_codes: bool
    data_version: int

    @property
    def rising(self) -> list[CandidateReason]:
        return [candidate for candidate in self.candidates if candidate.is_rising]


@dataclass(frozen=True, eq=False)
class StoreTree:
    """A reason tree proposed from ``texts`` of the store's texts (a random sample of at
    most ``MAX_TREE_TEXTS``), at ``data_version``."""

    tree: ReasonTree
    texts: int
    contacts_with_text: int
    data_version: int

    def table(self) -> pd.DataFrame:
        """One row per node, parents before children: ``level_1``, ``level_2`` (""
        on a first-level row), ``texts``, ``share`` (of the proposal's texts), ``top_terms``
        and ``example_texts`` (a tuple of the nearest distinct texts)."""
        rows = []
        for node in self.tree.nodes:
            parts = node.path.split(REASON_SEPARATOR)
            rows.append({"level_1": parts[0], "level_2": parts[1] if len(parts) > 1 else "",
                         "texts": node.size, "share": node.size / self.texts if self.texts else float("nan"),
                         "top_terms": ", ".join(node.top_terms), "example_texts": node.example_texts})
        return pd.DataFrame(rows, columns=["level_1", "level_2", "texts", "share", "top_terms", "example_texts"])


@dataclass(frozen=True, eq=False)
class ReasonsFromTexts:
    """Everything the store's texts say about its reasons, as the Reasons & channels page
    shows it: ``suggestions`` (None for a store without reason codes to learn from),
    ``discovery`` (None when too few texts to cluster), ``tree`` (proposed only for a store
    without reason codes; None otherwise or when too few texts have words)."""

    suggestions: StoreSuggestions | None
    discovery: StoreDiscovery | None
    tree: StoreTree | None
    has_reason_codes: bool
    data_version: int


def reasons_from_texts(conn: duckdb.DuckDBPyConnection, *, progress: Progress | None = None,
                       seed: int = 0) -> ReasonsFromTexts:
    """Suggestions and their measures (:func:`suggest_reasons`), candidate new reasons
    (:func:`discover_store_reasons`) and, for a store without reason codes, a proposed tree
    (:func:`propose_store_tree`), reporting ``progress(fraction, step)`` throughout.

    Raises
    ------
    AccessDenied
        When the acting user may not read texts; nothing is read.
    """
    require_permission(READ_TEXTS)
    report = progress or (lambda fraction, step: None)
    version = store_data_version(conn)
    coded = has_reason_codes(conn)
    suggestions = None
    if coded:
        suggestions = suggest_reasons(conn, progress=lambda fraction, step: report(0.8 * fraction, step), seed=seed)
    report(0.8 if coded else 0.0, "discovering")
    discovery = _unless_too_few(lambda: discover_store_reasons(conn, seed=seed))
    tree = None
    if not coded:
        report(0.5, "tree")
        tree = _unless_too_few(lambda: propose_store_tree(conn, seed=seed))
    report(1.0, "done")
    return ReasonsFromTexts(suggestions, discovery, tree, coded, version)


def _unless_too_few(work: Callable[[], object]):
    """``work()``, or None when it declines for too few texts (its ``ValueError``)."""
    try:
        return work()
    except ValueError:
        return None


def reason_paths_with_text(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per reason path on contacts with a text: ``path`` ("" for none),
    ``contacts_with_text``, ``first_day``, ``last_day`` and ``is_other`` ("Other"-like or
    empty)."""
    paths = run_query(conn, "text_reason_paths")
    paths["is_other"] = [is_other_path(path) for path in paths["path"]]
    return paths


def learnable_reasons(paths: pd.DataFrame) -> list[str]:
    """The labelled paths of ``paths`` (:func:`reason_paths_with_text`) with enough texts to
    be learned: ``MIN_TRAINING_PER_REASON`` in the 80 % that is not held out."""
    known = paths[~paths["is_other"]]
    trainable = known["contacts_with_text"] * (HELD_OUT_EVERY - 1) // HELD_OUT_EVERY
    return sorted(known.loc[trainable >= MIN_TRAINING_PER_REASON, "path"])


def has_reason_codes(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store's texts come with at least two reasons to learn from. An export
    without reason codes (every contact "Not coded", or only "Other") has none."""
    return len(learnable_reasons(reason_paths_with_text(conn))) >= 2


def suggest_reasons(conn: duckdb.DuckDBPyConnection, *, progress: Progress | None = None,
                    max_training: int = MAX_TRAINING, seed: int = 0) -> StoreSuggestions:
    """Suggested reasons for every contact with a text under an "Other"-like reason or
    none, and the held-out measures of the model that makes them (module docstring).

    ``progress(fraction, step)`` is called as the work goes on: ``fraction`` 0-1 and
    ``step`` one of :data:`STEPS`.

    Raises
    ------
    AccessDenied
        When the acting user may not read texts; nothing is read.
    ValueError
        When fewer than two reasons have ``MIN_TRAINING_PER_REASON`` labelled texts to
        learn from (a store without reason codes: propose a tree instead).
    """
    require_permission(READ_TEXTS)
    report = progress or (lambda fraction, step: None)
    report(0.0, "reading")
    version = store_data_version(conn)
    paths = reason_paths_with_text(conn)
    learnable = learnable_reasons(paths)
    if len(learnable) < 2:
        raise ValueError(f"at least 2 reasons with {MIN_TRAINING_PER_REASON} labelled texts each are needed to "
                         f"learn from, found {len(learnable)}")
    other_paths = sorted(path for path in paths.loc[paths["is_other"], "path"] if path)
    labelled = int(paths.loc[~paths["is_other"], "contacts_with_text"].sum())
    held_out_total = labelled // HELD_OUT_EVERY
    per_reason = max(MIN_TRAINING_PER_REASON, min(MAX_TRAINING_PER_REASON, max_training // len(learnable)))
    rows = run_query(conn, "text_training_rows", {
        "other_paths": other_paths, "seed": seed, "per_reason": per_reason,
        "held_out_fraction": min(1.0, MAX_HELD_OUT / max(held_out_total, 1))})
    training = rows[(rows["role"] == "training") & rows["path"].isin(learnable)]
    held_out = rows[rows["role"] == "held_out"].reset_index(drop=True)

    with threadpool_limits(1):  # the app runs this beside its pages on shared cores
        report(0.1, "training")
        model = ReasonModel(ModelSettings(seed=seed)).fit(
            np.repeat(training["text"].to_numpy(dtype=object), training["contacts"]),
            np.repeat(training["path"].to_numpy(dtype=object), training["contacts"]))
        report(0.7, "measuring")
        measured = _held_out_measures(model, held_out)
        accuracy = _reason_accuracy(measured, paths, learnable)
        report(0.8, "suggesting")
        targets = run_query(conn, "text_suggestion_targets", {"other_paths": other_paths})
        suggestions = _suggestions(model, targets, set(accuracy.loc[accuracy["offered"], "path"]),
                                   lambda fraction: report(0.8 + 0.2 * fraction, "explaining"))
    # An editor's rejection stands: that contact is not offered that reason again.
    suggestions["offered"] &= ~decided(conn, suggestions)
    report(1.0, "done")
    weights = held_out["contacts"].to_numpy()
    return StoreSuggestions(
        suggestions=suggestions,
        reason_accuracy=accuracy,
        level_accuracy=accuracy_per_level(np.repeat(measured["predicted"].to_numpy(dtype=object), weights).tolist(),
                                          np.repeat(measured["path"].to_numpy(dtype=object), weights).tolist()),
        labelled_contacts=labelled,
        training_texts=int(training["contacts"].sum()),
        held_out_contacts=int(weights.sum()),
        held_out_top1=_weighted_share(measured["top1"], weights),
        held_out_top3=_weighted_share(measured["top3"], weights),
        calibration_error=expected_calibration_error(np.repeat(measured["confidence"].to_numpy(), weights),
                                                     np.repeat(measured["top1"].to_numpy(), weights)),
        data_version=version,
    )


def _held_out_measures(model: ReasonModel, held_out: pd.DataFrame) -> pd.DataFrame:
    """``held_out`` (``path``, ``text``, ``contacts``) with the model's top suggestion
    (``predicted``, ``confidence``) and whether the truth was first (``top1``) or among
    the first three (``top3``); each distinct text is read once."""
    distinct = pd.unique(held_out["text"])
    probabilities = model.predict_proba(list(distinct))
    order = np.argsort(-probabilities, axis=1, kind="stable")[:, :3]
    at = pd.Index(distinct).get_indexer(held_out["text"])
    truth_column = pd.Index(model.classes).get_indexer(held_out["path"])  # -1: a reason not learned
    best = order[at]
    return held_out.assign(
        predicted=model.classes[best[:, 0]],
        confidence=probabilities.max(axis=1)[at],
        top1=best[:, 0] == truth_column,
        top3=(best == truth_column[:, None]).any(axis=1),
    )


def _reason_accuracy(measured: pd.DataFrame, paths: pd.DataFrame, learnable: list[str]) -> pd.DataFrame:
    """Per labelled reason: held-out contacts filed under it, suggestions of it at or above
    ``MIN_CONFIDENCE``, their precision, the recall, and the gate (module docstring)."""
    sure = measured[measured["confidence"] >= MIN_CONFIDENCE]
    recorded = measured.groupby("path")["contacts"].sum()
    suggested = sure.groupby("predicted")["contacts"].sum()
    right = sure[sure["top1"]].groupby("path")["contacts"].sum()
    table = pd.DataFrame({"path": sorted(paths.loc[~paths["is_other"], "path"])})
    table["recorded"] = table["path"].map(recorded).fillna(0).astype(int)
    table["held_out"] = table["path"].map(suggested).fillna(0).astype(int)
    correct = table["path"].map(right).fillna(0)
    table["accuracy"] = (correct / table["held_out"]).where(table["held_out"] > 0)
    table["recall"] = (correct / table["recorded"]).where(table["recorded"] > 0)
    table["learned"] = table["path"].isin(learnable)
    table["offered"] = (table["learned"] & (table["held_out"] >= MIN_HELD_OUT_SUGGESTIONS)
                        & (table["accuracy"].fillna(0) >= MIN_OFFERED_ACCURACY))
    return (table.sort_values(["offered", "accuracy", "path"], ascending=[False, False, True], na_position="last")
            .reset_index(drop=True))


def _suggestions(model: ReasonModel, targets: pd.DataFrame, offered_reasons: set[str],
                 explaining: Callable[[float], None]) -> pd.DataFrame:
    """The model's first suggestion for each target contact (``contact_id``,
    ``started_at``, ``recorded_path``, ``text``), read once per distinct text."""
    columns = ["contact_id", "started_at", "recorded_path", "text", "suggested_path", "suggested_l1",
               "suggested_l2", "suggested_l3", "confidence", "words", "offered"]
    if targets.empty:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in columns}).astype(
            {"confidence": float, "offered": bool})
    distinct = pd.unique(targets["text"])
    probabilities = model.predict_proba(list(distinct))
    best = probabilities.argmax(axis=1)
    paths = model.classes[best]
    confidence = probabilities[np.arange(len(distinct)), best]
    explaining(0.0)
    words = suggestion_words(model, list(distinct), list(paths))
    explaining(1.0)
    at = pd.Index(distinct).get_indexer(targets["text"])
    levels = pd.Series(paths).str.split(REASON_SEPARATOR, n=2, expand=False)
    level_columns = {f"suggested_l{i + 1}": np.array([parts[i] if len(parts) > i else "" for parts in levels],
                                                      dtype=object)[at] for i in range(3)}
    frame = targets.assign(suggested_path=paths[at], **level_columns, confidence=confidence[at],
                           words=np.asarray(words, dtype=object)[at])
    frame["offered"] = frame["suggested_path"].isin(offered_reasons) & (frame["confidence"] >= MIN_CONFIDENCE)
    return frame[columns].reset_index(drop=True)


def suggestion_words(model: ReasonModel, texts: list[str], labels: list[str], *, count: int = WORDS) -> list[str]:
    """For each text, its words that on their own point most to its label (module
    docstring), strongest first, joined by ", "; "" when none does."""
    quiet = stop_words("nl") | stop_words("en")
    words_of = []
    for text in texts:
        words = [word for word in text_words(normalised_text(text)) if len(word) > 1]
        language_quiet = stop_words(language_of(words)) if words else quiet
        kept = [word for word in dict.fromkeys(words)
                if not word.startswith("_") and word not in language_quiet and not word.isdigit()]
        words_of.append(kept[:WORDS_PER_TEXT])
    vocabulary = pd.Index(sorted({word for words in words_of for word in words}))
    if vocabulary.empty:
        return [""] * len(texts)
    scores = np.log(np.clip(model.predict_proba(list(vocabulary)), 1e-12, None))
    pull = scores - scores.mean(axis=1, keepdims=True)
    column_of = {label: column for column, label in enumerate(model.classes)}
    shown = []
    for words, label in zip(words_of, labels):
        if not words:
            shown.append("")
            continue
        rows = vocabulary.get_indexer(words)
        strength = pull[rows, column_of[label]]
        order = [i for i in np.argsort(-strength, kind="stable")[:count] if strength[i] > 0]
        shown.append(", ".join(words[i] for i in order))
    return shown


def _weighted_share(hits: pd.Series, weights: np.ndarray) -> float:
    return float(np.average(hits.to_numpy(dtype=float), weights=weights)) if weights.sum() else float("nan")


def discover_store_reasons(conn: duckdb.DuckDBPyConnection, *, days: int = DISCOVERY_DAYS,
                           max_texts: int = MAX_DISCOVERY_TEXTS, max_clusters: int = 30,
                           seed: int = 0) -> StoreDiscovery:
    """Candidate new reasons among the texts under an "Other"-like reason or none of the
    last ``days`` days of data (all texts when the store has no reason codes), each with
    the known reason it is closest to (compared with at most
    ``DISCOVERY_TEXTS_PER_REASON`` texts of each labelled reason).

    Raises
    ------
    AccessDenied
        When the acting user may not read texts; nothing is read.
    ValueError
        When there are too few texts to cluster (see
        :func:`~analytics.text_reasons.discovery.discover_reasons`).
    """
    require_permission(READ_TEXTS)
    version = store_data_version(conn)
    paths = reason_paths_with_text(conn)
    coded = len(learnable_reasons(paths)) >= 2
    other_paths = sorted(path for path in paths.loc[paths["is_other"], "path"] if path) if coded \
        else sorted(path for path in paths["path"] if path)
    rows = run_query(conn, "text_discovery_rows", {"days": days, "other_paths": other_paths, "seed": seed,
                                                   "max_other": max_texts,
                                                   "per_reason": DISCOVERY_TEXTS_PER_REASON if coded else 0})
    if rows.empty:
        raise ValueError("no contact of the period has a text to cluster")
    rows = rows.set_index("contact_id")
    clustered = rows["path"].eq("") | rows["path"].isin(other_paths)
    candidates = discover_reasons(rows["text"], rows["day"], rows["path"] if coded else None,
                                  max_clusters=max_clusters, seed=seed)
    return StoreDiscovery(candidates=candidates, other_texts=int(rows["other_contacts"].iloc[0]),
                          clustered_texts=int(clustered.sum()), first_day=pd.Timestamp(rows["day"].min()).date(),
                          last_day=pd.Timestamp(rows["day"].max()).date(), has_reason_codes=coded, data_version=version)


def propose_store_tree(conn: duckdb.DuckDBPyConnection, *, max_texts: int = MAX_TREE_TEXTS, max_per_level: int = 7,
                       levels: int = 2, seed: int = 0) -> StoreTree:
    """A reason tree proposed from the store's texts (a random sample of at most
    ``max_texts``), for a store without reason codes: at most ``max_per_level`` options
    on each of ``levels`` levels.

    Raises
    ------
    AccessDenied
        When the acting user may not read texts; nothing is read.
    ValueError
        When too few texts have a word to go by (see
        :func:`~analytics.text_reasons.tree_proposal.propose_reason_tree`).
    """
    require_permission(READ_TEXTS)
    version = store_data_version(conn)
    with_text = int(reason_paths_with_text(conn)["contacts_with_text"].sum())
    sample = run_query(conn, "text_tree_sample", {"max_texts": max_texts, "seed": seed}).set_index("contact_id")
    tree = propose_reason_tree(sample["text"], max_per_level=max_per_level, levels=levels, seed=seed)
    return StoreTree(tree=tree, texts=len(sample), contacts_with_text=with_text, data_version=version)

