"""Adopting a proposed reason tree: an editor names its options and the store's uncoded
contacts move to them, their recorded reason kept.

For an export without reason codes, :mod:`analytics.text_reasons.tree_proposal` proposes a
tree from what customers wrote. An editor adjusts it by naming its options
(:func:`adopted_paths`): a new name renames an option; two siblings given the same name
become one; a second-level option left without a name folds into its parent; a first-level
option left without a name, or named like "Other", is not adopted (its contacts keep the
reason they have). A deeper option named with its whole path, "Account > Inloggen", moves
there, under a first-level option of that name (whatever its capitals) or a new one: a proposed group that mixes
two subjects (texts of different subjects can share only a verb, "ontvangen") is split by
moving the options of one subject out. Then :func:`adopt_tree` moves each contact with a text under an
"Other"-like reason or none to the adopted path of its option, in one batch of
:func:`analytics.text_reasons.review.adopt`: the recorded reason is kept in
``recorded_l1..l3``, every page can still count the reasons as recorded, and the batch is
undone like an accepted suggestion.

The tree is proposed from a sample of at most ``MAX_TREE_TEXTS`` texts. A contact of the
sample goes where the tree put it; any other goes to the option whose sample texts its text
is most like (:func:`nearest_options`: cosine similarity of TF-IDF letter groups of content
words, the representation the tree was grown in, to each option's mean), and a text without
a content word is not moved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import duckdb
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from analytics.filters import REASON_SEPARATOR
from analytics.i18n import t
from analytics.queries import run_query
from analytics.taxonomy import is_other_name
from analytics.text_reasons.discovery import other_like
from analytics.text_reasons.discovery_closest import letter_grams
from analytics.text_reasons.review import ReviewResult, adopt
from analytics.text_reasons.tree_proposal import ReasonNode

MAX_NAME_LENGTH = 80
CHUNK = 20_000
Progress = Callable[[float, str], None]


def cleaned_name(name: object) -> str:
    """A name as typed, trimmed and with runs of spaces made one; "" for none.

    Raises
    ------
    ValueError
        When the name holds ">" (it separates a path's levels) or is longer than
        ``MAX_NAME_LENGTH``: in the user's language.
    """
    if not isinstance(name, str):
        return ""
    plain = " ".join(name.split())
    if ">" in plain:
        raise ValueError(t("tree_adoption.separator", name=plain))
    if len(plain) > MAX_NAME_LENGTH:
        raise ValueError(t("tree_adoption.too_long", name=plain[:40] + "…", limit=MAX_NAME_LENGTH))
    return plain


def adopted_paths(nodes: Sequence[ReasonNode], names: Mapping[str, str]) -> dict[str, str]:
    """For each node's proposed path, the path it is adopted as ("" for not adopted), given
    the editor's ``names`` per proposed path (a path missing from ``names`` keeps its
    proposed name). See the module for what an empty or repeated name does.

    >>> from analytics.text_reasons.tree_proposal import ReasonNode
    >>> nodes = [ReasonNode(p, p.split(" > ")[-1], p.count(" > ") + 1, 1, (), ())
    ...          for p in ("pakket", "pakket > kwijt", "pakket > laat", "factuur", "Overig")]
    >>> adopted_paths(nodes, {"pakket": "Bezorging", "pakket > kwijt": "Niet ontvangen",
    ...                       "pakket > laat": "", "factuur": " Factuur  "})
    {'pakket': 'Bezorging', 'pakket > kwijt': 'Bezorging > Niet ontvangen', \
'pakket > laat': 'Bezorging', 'factuur': 'Factuur', 'Overig': ''}
    """
    adopted: dict[str, str] = {}
    named: dict[str, int] = {}  # how the node's own level got its name: see _one_spelling
    for node in nodes:
        parts = node.path.split(REASON_SEPARATOR)
        prefixes = [REASON_SEPARATOR.join(parts[:depth]) for depth in range(1, len(parts) + 1)]
        kept: list[str] = []
        folded = False  # an option without a name: what lies under it joins it
        for depth, (prefix, part) in enumerate(zip(prefixes, parts), start=1):
            typed = typed_path(names.get(prefix, part), depth)
            if len(typed) > 1:  # moved: its whole path as typed
                kept, folded = [level for level in typed if level], not typed[-1]
                named[node.path] = MOVED if typed[-1] else JOINED
            elif not folded and typed[0]:
                kept.append(typed[0])
                named[node.path] = IN_PLACE
            else:
                folded = True
                named[node.path] = JOINED
        # The tree's own "Other" holds texts without a word to go by: never adopted, whatever its name.
        if is_other_name(parts[0]) or not kept or is_other_name(kept[0]):
            adopted[node.path] = ""
            continue
        adopted[node.path] = REASON_SEPARATOR.join(kept)
    return _one_spelling(adopted, named)


IN_PLACE, MOVED, JOINED = 0, 1, 2  # an option named where it stands, named in a move, or joining another


def _one_spelling(adopted: dict[str, str], named: Mapping[str, int]) -> dict[str, str]:
    """The adopted paths with each option spelled one way: names at the same place that
    differ only in capitals ("factuur > Te laat" typed beside an option named "Factuur")
    are one option, spelled as an option named where it stands spells itself, else as an
    option moved there does, else as first typed."""
    paths = {node_path: path.split(REASON_SEPARATOR) if path else [] for node_path, path in adopted.items()}

    def key(levels: list[str]) -> tuple[str, ...]:
        return tuple(level.casefold() for level in levels)

    spelling: dict[tuple[str, ...], str] = {}
    for how in (IN_PLACE, MOVED, JOINED):
        for node_path, levels in paths.items():
            if levels and named[node_path] == how:
                spelling.setdefault(key(levels), levels[-1])
    for levels in paths.values():
        for depth in range(1, len(levels)):
            spelling.setdefault(key(levels[:depth]), levels[depth - 1])  # a parent only typed in a path
    return {node_path: REASON_SEPARATOR.join(spelling[key(levels[:depth])] for depth in range(1, len(levels) + 1))
            for node_path, levels in paths.items()}


def typed_path(name: object, depth: int) -> list[str]:
    """What an editor typed for an option on level ``depth``: its one name
    (:func:`cleaned_name`), or for a deeper option the whole path it moves to, one name
    per level down to its own (which may be empty: it then joins the option above).

    >>> typed_path(" Account >  Inloggen ", 2), typed_path("Factuur", 2), typed_path("Account >", 2)
    (['Account', 'Inloggen'], ['Factuur'], ['Account', ''])

    Raises
    ------
    ValueError
        When a first-level name holds ">", a path has another number of levels than the
        option's, an option above its own is left empty, or a name is too long; in the
        user's language.
    """
    if not isinstance(name, str) or ">" not in name:
        return [cleaned_name(name)]
    plain = " ".join(name.split())
    if depth == 1:
        raise ValueError(t("tree_adoption.separator", name=plain))
    # Only " > " separates levels: "Levering >48 uur" or "a->b" is a name with a ">" in it,
    # which no name may hold, not a move.
    parts = f"{plain} ".split(REASON_SEPARATOR)
    if len(parts) != depth or any(">" in part or not part.strip() for part in parts[:-1]) or ">" in parts[-1]:
        raise ValueError(t("tree_adoption.move_levels", name=plain, levels=depth,
                           example=REASON_SEPARATOR.join(["…"] * depth)))
    return [cleaned_name(part) for part in parts]


def adopted_reasons(nodes: Sequence[ReasonNode], names: Mapping[str, str]) -> list[str]:
    """The distinct reasons an adoption moves contacts to: the adopted paths of the options
    without options under them (a contact goes to its deepest option), sorted."""
    paths = adopted_paths(nodes, names)
    parents = {node.path.rpartition(REASON_SEPARATOR)[0] for node in nodes}
    return sorted({paths[node.path] for node in nodes if node.path not in parents and paths[node.path]})


def adoption_targets(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The contacts an adopted tree may move: with a text, never relabelled, under an
    "Other"-like reason or none (``contact_id``, ``text``, ``path``)."""
    rows = run_query(conn, "text_tree_adoption_targets")
    return rows[other_like(rows["path"])].reset_index(drop=True)


def nearest_options(sample_texts: pd.Series, sample_paths: pd.Series, texts: pd.Series,
                    done: Callable[[float], None] | None = None) -> pd.Series:
    """For each of ``texts``, the path among ``sample_paths`` (one per sample text) whose
    sample texts' mean TF-IDF letter-group row is most like the text's (cosine); None for a
    text without a content word or when the sample has none. Indexed like ``texts``.
    ``done(fraction)`` hears how far it got, after each chunk of ``CHUNK`` texts."""
    nearest = pd.Series(None, index=texts.index, dtype=object)
    known = sample_paths.notna() & (sample_paths != "")
    if not known.any() or texts.empty:
        return nearest
    vectoriser = TfidfVectorizer(analyzer=letter_grams, sublinear_tf=True, dtype=np.float32)
    try:
        rows = normalize(vectoriser.fit_transform(sample_texts[known].astype(str)))
    except ValueError:  # not one sample text has a content word
        return nearest
    labels = sample_paths[known].to_numpy()
    options = np.unique(labels)
    centroids = normalize(np.vstack([np.asarray(rows[labels == option].mean(axis=0)) for option in options]))
    for start in range(0, len(texts), CHUNK):
        chunk = texts.iloc[start:start + CHUNK].fillna("").astype(str)
        grams = normalize(vectoriser.transform(chunk))
        similarity = np.asarray(grams @ centroids.T)
        best = similarity.argmax(axis=1)
        worded = grams.getnnz(axis=1) > 0
        nearest.iloc[start:start + CHUNK] = np.where(worded, options[best], None)
        if done is not None:
            done(min(start + CHUNK, len(texts)) / len(texts))
    return nearest


def adoption_assignments(proposed: pd.Series, targets: pd.DataFrame, paths: Mapping[str, str],
                         done: Callable[[float], None] | None = None) -> pd.DataFrame:
    """The suggestions frame :func:`analytics.text_reasons.review.adopt` takes: each target
    contact (:func:`adoption_targets`) with the adopted path of its option, the tree's own
    for a contact of the sample (``proposed``: proposed path per contact id), the nearest
    option's for the others; contacts whose option is not adopted are left out. No
    confidence: an editor decided, not a model. ``done``: see :func:`nearest_options`."""
    own = targets["contact_id"].map(proposed)
    outside = own.isna()
    if outside.any():
        sample = proposed.index.intersection(targets["contact_id"])
        texts = targets.set_index("contact_id")["text"]
        own[outside] = nearest_options(texts.loc[sample], proposed.loc[sample], targets.loc[outside, "text"],
                                       done).to_numpy()
    adopted = own.map(lambda path: paths.get(path, "") if isinstance(path, str) else "")
    chosen = targets.assign(suggested_path=adopted)[adopted != ""]
    levels = chosen["suggested_path"].str.split(REASON_SEPARATOR)
    return pd.DataFrame({
        "contact_id": chosen["contact_id"].astype(str),
        "recorded_path": chosen["path"],
        "suggested_path": chosen["suggested_path"],
        **{f"suggested_l{i}": levels.map(lambda parts, i=i: parts[i - 1] if len(parts) >= i else "")
           for i in (1, 2, 3)},
        "confidence": np.nan,
        "offered": True,
    }).reset_index(drop=True)


def adopt_tree(conn: duckdb.DuckDBPyConnection, nodes: Sequence[ReasonNode], proposed: pd.Series,
               names: Mapping[str, str], progress: Progress | None = None) -> ReviewResult:
    """Adopt the proposed tree of ``nodes`` (``proposed``: each sample contact's proposed
    path), renamed by ``names``: every uncoded contact with a text moves to its option's
    adopted path (module docstring), in one undoable batch. ``progress(fraction, step)``
    hears how far it got (steps "reading", "matching", "writing"): a million texts take
    about a minute.

    The store may have changed since the proposal (an import, another editor): the targets
    are read at the moment of adopting, a contact new since goes to the option its text is
    most like, and one relabelled since is left alone.

    Raises
    ------
    AccessDenied
        When the actor is not an editor; nothing is written.
    ReviewRefused
        In Parquet mode; nothing is written.
    ValueError
        When a name is not allowed (:func:`typed_path`) or no contact would move; in the
        user's language, nothing is written.
    """
    report = progress or (lambda fraction, step: None)
    paths = adopted_paths(nodes, names)
    report(0.0, "reading")
    targets = adoption_targets(conn)
    report(0.1, "matching")
    assignments = adoption_assignments(proposed, targets, paths, lambda share: report(0.1 + 0.7 * share, "matching"))
    report(0.8, "writing")
    result = adopt(conn, assignments)
    report(1.0, "done")
    return result
