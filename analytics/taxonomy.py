"""Taxonomy health: can agents pick the right contact reason?

Five checks on the reason tree and the contacts of the last 90 days of data, each finding
with the numbers it rests on and a concrete suggestion:

* too many options: more than ``MAX_OPTIONS`` (7) children under one parent (or at the
  top level), a known limit of how many choices people scan reliably;
* "Other" share: contacts filed under an "Other"-like name (``OTHER_NAMES``, compared
  case- and accent-insensitively) or with an empty first level, overall above
  ``OTHER_SHARE_LIMIT`` or under one parent above ``NODE_OTHER_LIMIT``, with the trend;
* unused reasons: paths in the ``reasons`` table with no contacts in the last 90 days;
* near-duplicates: sibling names (and, less severe, names on the same level in other
  branches) that are equal after :func:`normalised_name`, or whose normalised strings have
  a ratio of at least ``SIMILARITY_THRESHOLD`` while every word that differs is itself a
  near-typo (ratio >= ``WORD_SIMILARITY``, and words of up to ``SHORT_WORD`` letters, often
  codes, must match exactly). The ratio is ``2 * L / (len(a) + len(b))`` with ``L`` the
  length of the longest common subsequence (RapidFuzz's normalised Indel similarity).
  ``difflib``'s ratio, used before, counts greedily matched blocks and is never higher; on
  the examples here the two agree, and on the SF311 sample's reasons no pair falls on
  another side of 0.88. 0.88 keeps "Payment failed"/"Payment failure" (0.90) and typos such
  as "Wrong adress"/"Wrong address" (0.96) while "Change" and "Exchange" (0.86) stay apart;
  the word rule keeps "General Request - MOCD" and "General Request - MOD" apart (97% alike
  as strings, but the words that differ are codes), and "General Request - PUC"/"General
  Request - DPH" too. Only names of similar length can reach the threshold (the longer at
  most ``(2 - t) / t`` times the shorter), so names are compared in blocks of similar
  length with RapidFuzz's ``cdist``, per sibling group and per level, never all pairs in
  Python;
* first level only: contacts recorded with just a first level while the tree has
  sub-reasons under it, above ``SHALLOW_LIMIT`` of that reason's contacts.

The text of a finding comes from ``analytics/texts/taxonomy.py`` (``t``), so it can be
translated; the numbers stay in ``Finding.numbers``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations, product

import duckdb
import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from analytics import formatting
from analytics.filters import ContactFilter
from analytics.i18n import t
from analytics.queries import run_query

MAX_OPTIONS = 7
# "Other" and what exports write where no reason was coded: both say nothing about why.
# Compared as letters and digits only, without case or accents (:func:`is_other_name`).
# Compared case- and accent-insensitively; "none" is written lower case because the Health
# section lists these names, and a capitalised None there reads like a missing value.
OTHER_NAMES = ("Other", "Others", "Overige", "Overig", "Anders", "Unknown", "Onbekend", "Misc", "Miscellaneous",
               "Diversen", "Not coded", "Uncoded", "No code", "No reason", "none", "Niet gecodeerd", "Ongecodeerd",
               "Geen code", "Geen reden", "n.v.t.")
OTHER_SHARE_LIMIT = 0.05
OTHER_SHARE_HIGH = 0.10
NODE_OTHER_LIMIT = 0.10
NODE_MIN_CONTACTS = 50
SIMILARITY_THRESHOLD = 0.88
WORD_SIMILARITY = 0.75
SHORT_WORD = 4
SHALLOW_LIMIT = 0.05
SHALLOW_HIGH = 0.25
SHALLOW_MIN_CONTACTS = 20
SEVERITIES = ("high", "medium", "low")
KINDS = ("too_many_options", "other_share", "first_level_only", "near_duplicate", "unused")
STOPWORDS = frozenset({"and", "or", "the", "of", "a", "an", "en", "of", "de", "het", "van", "een"})
LEVELS = ("reason_l1", "reason_l2", "reason_l3")
SHOWN_PER_KIND = 3  # findings of one check shown one by one; the rest in a table
COMPARE_BLOCK = 512  # names compared against their similar-length peers at a time


@dataclass(frozen=True)
class Finding:
    """One problem in the reason tree: which check (``kind``), how bad (``severity``),
    where (a reason path or the top level), the figures behind it, and what to do.
    ``size`` orders findings of one kind and severity, largest first: the contacts it
    concerns ("Other", first-level-only, both near-duplicates) or the options (too many
    options, unused reasons)."""

    kind: str
    severity: str
    where: str
    numbers: dict[str, object] = field(default_factory=dict)
    size: int = 0

    @property
    def message(self) -> str:
        return t(f"taxonomy.{self.kind}_message", where=self.where, **self.numbers)

    @property
    def suggestion(self) -> str:
        return t(f"taxonomy.{self.kind}_suggestion", where=self.where, **self.numbers)


@dataclass(frozen=True)
class TaxonomyHealth:
    """The findings, worst first, with the monthly trend (``month``, ``contacts``,
    ``other_share``, ``first_level_only_share``) and the "Other" share per level."""

    findings: list[Finding]
    monthly: pd.DataFrame
    other_by_level: pd.DataFrame
    window_start: date | None
    window_end: date | None
    contacts_90d: int

    def table(self, findings: list[Finding] | None = None) -> pd.DataFrame:
        """The findings (default: all) as rows for a table: severity, kind, where, finding,
        suggestion."""
        findings = self.findings if findings is None else findings
        return pd.DataFrame({
            "severity": [t(f"taxonomy.severity_{f.severity}") for f in findings],
            "kind": [t(f"taxonomy.kind_{f.kind}") for f in findings],
            "where": [f.where for f in findings],
            "finding": [f.message for f in findings],
            "suggestion": [f.suggestion for f in findings],
        }, columns=["severity", "kind", "where", "finding", "suggestion"])

    def by_kind(self) -> list[KindOfFindings]:
        """The findings grouped by check, the group with the worst finding first (then in
        the order of ``KINDS``), each group worst first (severity, then size)."""
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings:  # already worst first
            groups.setdefault(finding.kind, []).append(finding)
        return [KindOfFindings(kind, found) for kind, found in groups.items()]


@dataclass(frozen=True)
class KindOfFindings:
    """The findings of one check, worst first: the first ``SHOWN_PER_KIND`` to show one by
    one, the check's name and how many findings of each severity it has."""

    kind: str
    findings: list[Finding]

    @property
    def label(self) -> str:
        return t(f"taxonomy.kind_{self.kind}")

    @property
    def first(self) -> list[Finding]:
        return self.findings[:SHOWN_PER_KIND]

    @property
    def counts(self) -> dict[str, int]:
        """Findings per severity (every severity, zero included)."""
        return {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}

    @property
    def severity_text(self) -> str:
        """"1 high, 14 low": the severities that occur, worst first."""
        return ", ".join(t("taxonomy.severity_count", count=n, severity=t(f"taxonomy.severity_{s}"))
                         for s, n in self.counts.items() if n)


def normalised_name(name: str) -> str:
    """A reason name reduced to what tells options apart: lower case, no accents or
    punctuation, no filler words, plural-ish endings cut (``ies``→``y``, ``s``, Dutch
    ``en``), words sorted so "Late delivery" equals "Delivery late"."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = [_singular(w) for w in re.split(r"[^a-z0-9]+", text) if w and w not in STOPWORDS]
    return " ".join(sorted(words))


def is_other_name(name: str) -> bool:
    """True for "Other", "Overige", "Anders", "Unknown", "Onbekend", "Misc", "Diversen",
    "Not coded", "Niet gecodeerd", "n.v.t." and empty names, in any case, with accents or
    punctuation around them."""
    return _bare(name) in _OTHER_KEYS


def _bare(name: object) -> str:
    """Letters and digits only, without case or accents: "N.v.t." -> "nvt"."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "", text)


_OTHER_KEYS = frozenset(_bare(name) for name in (*OTHER_NAMES, ""))


def name_similarity(first: str, second: str, parent: str = "") -> float:
    """How alike two reason names are, 0..1: 1 when equal after :func:`normalised_name`,
    else the ratio (:func:`similarity_ratio`) of the normalised strings, or 0 when a word
    that differs between them is not a near-typo of its counterpart. Words of the
    ``parent``'s name are left out first ("Odor from manhole" under "Odor" is "from
    manhole")."""
    return _normalised_similarity(_without_words(normalised_name(first), parent),
                                  _without_words(normalised_name(second), parent))


def similarity_ratio(first: str, second: str) -> float:
    """``2 * L / (len(first) + len(second))``, ``L`` the length of their longest common
    subsequence: 1 for equal strings (also both empty), 0 for nothing in common."""
    total = len(first) + len(second)
    return 2.0 * LCSseq.similarity(first, second) / total if total else 1.0


def similar_pairs(names: Sequence[str], threshold: float = SIMILARITY_THRESHOLD) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of ``names`` whose :func:`similarity_ratio` is at
    least ``threshold`` (equal names included).

    As ``L <= min(len)``, the ratio is at most ``2 * min / (min + max)``: a pair can only
    qualify when the longer name is at most ``(2 - threshold) / threshold`` times as long as
    the shorter. The names are sorted by length and each block of ``COMPARE_BLOCK`` of them
    is scored (RapidFuzz ``cdist``, with a score cutoff) only against the names from the
    block's start up to that length bound, so no qualifying pair is missed.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    order = sorted(range(len(names)), key=lambda i: len(names[i]))
    ordered = [names[i] for i in order]
    lengths = [len(name) for name in ordered]
    reach = (2 - threshold) / threshold
    for start in range(0, len(ordered), COMPARE_BLOCK):
        stop = min(start + COMPARE_BLOCK, len(ordered))
        end = bisect_right(lengths, lengths[stop - 1] * reach + 1e-9)
        # float32 scores: cut a little low, then decide on the exact ratio.
        scores = process.cdist(ordered[start:stop], ordered[start:end], scorer=Indel.normalized_similarity,
                               score_cutoff=threshold - 1e-4, workers=-1)
        for row, column in zip(*np.nonzero(scores)):
            i, j = start + int(row), start + int(column)
            if j > i and similarity_ratio(ordered[i], ordered[j]) >= threshold:
                yield (order[i], order[j]) if order[i] < order[j] else (order[j], order[i])


def taxonomy_health(conn: duckdb.DuckDBPyConnection, *, reasons_as_recorded: bool = False) -> TaxonomyHealth:
    """Run every check on the store's reason tree and its last 90 days of contacts, with
    the accepted suggested reasons or, when ``reasons_as_recorded``, as the agents recorded
    them."""
    paths = run_query(conn, "taxonomy_paths", {"reasons_as_recorded": reasons_as_recorded})
    other_lists = {f"other_{level[-2:]}": sorted({n for n in paths[level].unique() if is_other_name(n)})
                   for level in LEVELS}
    every_day = ContactFilter.all_time(reasons_as_recorded=reasons_as_recorded)
    monthly = run_query(conn, "taxonomy_monthly", {**every_day.params(), **other_lists})
    return health_from(paths, monthly)


def health_from(paths: pd.DataFrame, monthly: pd.DataFrame) -> TaxonomyHealth:
    """The checks on already aggregated data: ``paths`` as ``taxonomy_paths.sql`` returns
    it (one row per path), ``monthly`` as ``taxonomy_monthly.sql``."""
    paths = paths.copy()
    for level in LEVELS:
        paths[level] = paths[level].fillna("").astype(str)
    monthly = monthly.copy()
    monthly["other_share"] = monthly["other_contacts"] / monthly["contacts"].where(monthly["contacts"] > 0)
    monthly["first_level_only_share"] = (monthly["first_level_only_contacts"]
                                         / monthly["contacts"].where(monthly["contacts"] > 0))
    findings = [
        *too_many_options(paths),
        *other_share(paths, monthly),
        *first_level_only(paths),
        *near_duplicates(paths),
        *unused_reasons(paths),
    ]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    kinds = {k: i for i, k in enumerate(KINDS)}
    findings.sort(key=lambda f: (order[f.severity], kinds[f.kind], -f.size))
    last_used = pd.to_datetime(paths["last_used_on"]).max()
    window_end = None if pd.isna(last_used) else last_used.date()
    window_start = None if window_end is None else (last_used - pd.Timedelta(days=89)).date()
    return TaxonomyHealth(findings, monthly, other_by_level(paths), window_start, window_end,
                          int(paths["contacts_90d"].sum()))


def children_of(paths: pd.DataFrame) -> pd.DataFrame:
    """One row per (parent, option) in the tree: ``depth`` (1..3), ``parent`` (a path
    label, ``''`` at the top), ``name`` and the option's contacts in 90 days (its whole
    subtree). Only paths in the tree count as options."""
    frames = []
    tree = paths[paths["in_tree"]]
    for depth, level in enumerate(LEVELS, start=1):
        keys = list(LEVELS[:depth])
        nodes = (tree[tree[level] != ""] if depth > 1 else tree)[keys].drop_duplicates()
        counted = paths[paths[level] != ""] if depth > 1 else paths
        sizes = counted.groupby(keys, as_index=False)["contacts_90d"].sum()
        nodes = nodes.merge(sizes, on=keys, how="left").fillna({"contacts_90d": 0})
        frames.append(pd.DataFrame({
            "depth": depth,
            "parent": [_label(levels) for levels in nodes[keys[:-1]].itertuples(index=False)] if depth > 1 else "",
            "name": nodes[level].to_numpy(),
            "contacts_90d": nodes["contacts_90d"].astype(int).to_numpy(),
        }))
    return pd.concat(frames, ignore_index=True)


def too_many_options(paths: pd.DataFrame) -> list[Finding]:
    """Parents (or the top level) offering more than ``MAX_OPTIONS`` options."""
    findings = []
    for (depth, parent), options in children_of(paths).groupby(["depth", "parent"], sort=True):
        if len(options) <= MAX_OPTIONS:
            continue
        used = options[options["contacts_90d"] > 0]
        unused = len(options) - len(used)
        # Merge suggestions name used options: the unused ones are hidden first anyway.
        candidates = used if len(used) else options
        smallest = candidates.sort_values(["contacts_90d", "name"]).head(3)
        total = options["contacts_90d"].sum()
        left = len(used) if unused else len(options)
        where = _quoted(parent) if parent else t("taxonomy.top_level")
        numbers = {"options": len(options), "left": left, "max_options": MAX_OPTIONS, "unused": unused,
                   "smallest": ", ".join(_quoted(n) for n in smallest["name"]),
                   "smallest_share": _pct(smallest["contacts_90d"].sum() / total if total else 0.0)}
        remedy = t("taxonomy.within_limit_after_hiding" if left <= MAX_OPTIONS else "taxonomy.split_or_merge",
                   where=where, **numbers)
        findings.append(Finding(
            "too_many_options", "high" if len(options) > 2 * MAX_OPTIONS else "medium", where,
            {**numbers, "unused_hint": t("taxonomy.hide_unused_first", unused=unused) if unused else "",
             "remedy": remedy},
            size=len(options),
        ))
    return findings


def other_share(paths: pd.DataFrame, monthly: pd.DataFrame) -> list[Finding]:
    """The share of "Other"-like contacts over the whole tree and under each parent."""
    findings = []
    recent = paths[paths["contacts_90d"] > 0]
    is_other = _other_mask(recent)
    total = int(recent["contacts_90d"].sum())
    other = int(recent.loc[is_other, "contacts_90d"].sum())
    if total and other / total > OTHER_SHARE_LIMIT:
        findings.append(Finding(
            "other_share", "high" if other / total > OTHER_SHARE_HIGH else "medium", t("taxonomy.whole_tree"),
            {"share": _pct(other / total), "other_contacts": formatting.count(other),
             "contacts": formatting.count(total),
             "limit": _pct(OTHER_SHARE_LIMIT), "trend_text": _trend_text(monthly)},
            size=other,
        ))
    for depth in (2, 3):
        level, keys = LEVELS[depth - 1], list(LEVELS[:depth - 1])
        below = recent[recent[level] != ""]
        if below.empty:
            continue
        other_here = below[below[level].map(is_other_name)]
        per_parent = below.groupby(keys)["contacts_90d"].sum()
        other_per_parent = other_here.groupby(keys)["contacts_90d"].sum()
        for key, count in other_per_parent.items():
            parent_total = int(per_parent.get(key, 0))
            if parent_total >= NODE_MIN_CONTACTS and count / parent_total > NODE_OTHER_LIMIT:
                findings.append(Finding(
                    "other_share", "medium", _quoted(_label(key if isinstance(key, tuple) else (key,))),
                    {"share": _pct(count / parent_total), "other_contacts": formatting.count(int(count)),
                     "contacts": formatting.count(parent_total), "limit": _pct(NODE_OTHER_LIMIT),
                     "trend_text": t("taxonomy.trend_unknown")},
                    size=int(count),
                ))
    return findings


def other_by_level(paths: pd.DataFrame) -> pd.DataFrame:
    """Per level: contacts in 90 days with an "Other"-like (or, at level 1, empty) name."""
    recent = paths[paths["contacts_90d"] > 0]
    total = int(recent["contacts_90d"].sum())
    rows = []
    for depth, level in enumerate(LEVELS, start=1):
        names = recent[level]
        mask = names.map(is_other_name) & ((names != "") | (depth == 1))
        other = int(recent.loc[mask, "contacts_90d"].sum())
        rows.append({"level": depth, "contacts": total, "other_contacts": other,
                     "other_share": other / total if total else 0.0})
    return pd.DataFrame(rows)


def unused_reasons(paths: pd.DataFrame) -> list[Finding]:
    """Reasons in the tree without contacts in 90 days: one finding for the first-level
    branches that are wholly unused, one per branch that is partly unused."""
    findings = []
    tree = paths[paths["in_tree"]]
    branch_paths = tree.groupby("reason_l1").size()
    branch_contacts = paths.groupby("reason_l1")["contacts_90d"].sum()
    unused = tree[tree["contacts_90d"] == 0]
    labels: dict[str, list[str]] = {}
    for l1, l2, l3 in zip(unused["reason_l1"], unused["reason_l2"], unused["reason_l3"]):
        labels.setdefault(l1, []).append(_label((l2, l3)) or l1)
    idle_branches = []
    for l1, names in sorted(labels.items()):
        if len(names) == branch_paths[l1] and branch_contacts[l1] == 0:
            idle_branches.append(l1)
            continue
        findings.append(Finding(
            "unused", "low", _quoted(l1),
            {"unused": len(names), "paths": int(branch_paths[l1]), "names": _listing(names, 8),
             "names_short": _listing(names, 3)},
            size=len(names),
        ))
    if idle_branches:
        findings.insert(0, Finding(
            "unused", "medium" if len(idle_branches) > MAX_OPTIONS else "low", t("taxonomy.top_level"),
            {"unused": len(idle_branches), "paths": int(tree["reason_l1"].nunique()),
             "names": _listing(idle_branches, 8), "names_short": _listing(idle_branches, 3)},
            size=len(idle_branches),
        ))
    return findings


def near_duplicates(paths: pd.DataFrame) -> list[Finding]:
    """Pairs of options that agents would confuse: siblings first (compared without their
    parent's words), then the same level in other branches (identical names in different
    branches are allowed: "Late" under Delivery and under Returns are different reasons).
    Candidates come from :func:`similar_pairs`, per sibling group and per level; each is
    then held to :func:`name_similarity`'s word rule."""
    options = children_of(paths)
    options = options[~options["name"].map(is_other_name)]
    findings = []
    for _, level_options in options.groupby("depth", sort=True):
        records = level_options.to_dict("records")
        siblings: dict[str, list[dict]] = {}
        for record in records:
            siblings.setdefault(record["parent"], []).append(record)
        for parent, group in siblings.items():
            drop = parent.split(" > ")[-1]
            keys = [_without_words(normalised_name(r["name"]), drop) for r in group]
            for i, j in similar_pairs(keys):
                similarity = _normalised_similarity(keys[i], keys[j])
                if similarity >= SIMILARITY_THRESHOLD:
                    findings.append(_duplicate(group[i], group[j], similarity, same_parent=True))
        if len(siblings) > 1:
            findings += _across_branches(records)
    return findings


def _across_branches(records: list[dict]) -> Iterator[Finding]:
    """Near-duplicates among options of one level under different parents: each distinct
    normalised name is compared once, then the pair is reported for every two options
    (different parents, different names) that carry those names."""
    by_key: dict[str, list[dict]] = {}
    for record in records:
        by_key.setdefault(normalised_name(record["name"]), []).append(record)
    keys = list(by_key)
    pairs = [(k, k) for k in keys if len(by_key[k]) > 1]
    pairs += [(keys[i], keys[j]) for i, j in similar_pairs(keys)]
    for first_key, second_key in pairs:
        similarity = _normalised_similarity(first_key, second_key)
        if similarity < SIMILARITY_THRESHOLD:
            continue
        same = first_key == second_key
        for a, b in combinations(by_key[first_key], 2) if same else product(by_key[first_key], by_key[second_key]):
            if a["parent"] != b["parent"] and a["name"] != b["name"]:
                yield _duplicate(a, b, similarity, same_parent=False)


def _duplicate(a: dict, b: dict, similarity: float, same_parent: bool) -> Finding:
    """The finding for options ``a`` and ``b``, the one used more (then by name) first."""
    first, second = (a, b) if (a["contacts_90d"], b["name"]) >= (b["contacts_90d"], a["name"]) else (b, a)
    if same_parent:
        where = _quoted(first["parent"]) if first["parent"] else t("taxonomy.top_level")
        names = first["name"], second["name"]
    else:
        where = t("taxonomy.whole_tree")
        names = _label((first["parent"], first["name"])), _label((second["parent"], second["name"]))
    return Finding(
        "near_duplicate", "medium" if same_parent else "low", where,
        {"first": names[0], "second": names[1],
         "first_contacts": formatting.count(first["contacts_90d"]),
         "second_contacts": formatting.count(second["contacts_90d"]),
         "similarity": _pct(similarity),
         "scope": t("taxonomy.near_duplicate_same_parent" if same_parent else "taxonomy.near_duplicate_across")},
        size=int(first["contacts_90d"] + second["contacts_90d"]),
    )


def first_level_only(paths: pd.DataFrame) -> list[Finding]:
    """First-level reasons whose contacts often stop at level 1 though sub-reasons exist."""
    findings = []
    tree = paths[paths["in_tree"]]
    children = tree[tree["reason_l2"] != ""].groupby("reason_l1")["reason_l2"].nunique()
    totals = paths.groupby("reason_l1")["contacts_90d"].sum()
    shallow = paths[paths["reason_l2"] == ""].groupby("reason_l1")["contacts_90d"].sum()
    for l1, count in shallow.items():
        total = int(totals.get(l1, 0))
        if l1 not in children.index or total < SHALLOW_MIN_CONTACTS or not count:
            continue
        share = count / total
        if share <= SHALLOW_LIMIT:
            continue
        findings.append(Finding(
            "first_level_only", "high" if share > SHALLOW_HIGH else "medium", _quoted(l1),
            {"share": _pct(share), "shallow": formatting.count(int(count)), "contacts": formatting.count(total),
             "children": int(children[l1])},
            size=int(count),
        ))
    return findings


def _other_mask(paths: pd.DataFrame) -> pd.Series:
    mask = paths["reason_l1"].map(is_other_name)
    for level in LEVELS[1:]:
        mask |= (paths[level] != "") & paths[level].map(is_other_name)
    return mask


def _trend_text(monthly: pd.DataFrame) -> str:
    """The last three months' "Other" share against the three before."""
    rows = monthly[monthly["contacts"] > 0]
    if len(rows) < 6:
        return t("taxonomy.trend_unknown")
    last, before = rows.tail(3), rows.iloc[-6:-3]
    now = last["other_contacts"].sum() / last["contacts"].sum()
    then = before["other_contacts"].sum() / before["contacts"].sum()
    if abs(now - then) < 0.005:
        return t("taxonomy.trend_flat", before=_pct(then))
    return t("taxonomy.trend_up" if now > then else "taxonomy.trend_down", before=_pct(then))


def _normalised_similarity(a: str, b: str) -> float:
    """:func:`name_similarity` on names already normalised (and stripped of the parent's words)."""
    if a == b:
        return 1.0
    ratio = similarity_ratio(a, b)
    if ratio < SIMILARITY_THRESHOLD:
        return ratio
    only_a = sorted(set(a.split()) - set(b.split()))
    only_b = sorted(set(b.split()) - set(a.split()))
    if len(only_a) != len(only_b):
        return 0.0
    for word in only_a:
        best = max((similarity_ratio(word, other), other) for other in only_b)
        if best[0] < WORD_SIMILARITY or min(len(word), len(best[1])) <= SHORT_WORD:
            return 0.0
        only_b.remove(best[1])
    return ratio


def _without_words(name: str, parent: str) -> str:
    """``name`` without the words of ``parent`` (unchanged when nothing would be left)."""
    if not parent:
        return name
    drop = set(normalised_name(parent).split())
    kept = [w for w in name.split() if w not in drop]
    return " ".join(kept) if kept else name


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("en"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _label(levels) -> str:
    return " > ".join(str(level) for level in levels if level)


def _quoted(name: str) -> str:
    return f"“{name}”"


def _pct(share: float) -> str:
    return formatting.percent(share, digits=0 if share >= 0.01 or share == 0 else 1)


def _listing(names: list[str], limit: int) -> str:
    shown = ", ".join(_quoted(n) for n in names[:limit])
    return shown if len(names) <= limit else f"{shown} {t('taxonomy.more', count=len(names) - limit)}"
