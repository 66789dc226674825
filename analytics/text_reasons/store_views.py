"""What the "Reasons from texts" section and the ``reasons`` command show: tables (as
:class:`~analytics.formatting.TableView`, labelled in the active language) and sentences
made from :mod:`analytics.text_reasons.store_suggestions` results. One home, so the page and
the command line say the same numbers."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analytics.formatting import Column, TableView, count, day, percent, table_view
from analytics.i18n import t
from analytics.text_reasons import discovery_trend
from analytics.text_reasons.store_suggestions import (DISCOVERY_DAYS, MIN_CONFIDENCE, MIN_HELD_OUT_SUGGESTIONS,
                                                      MIN_OFFERED_ACCURACY, MIN_TRAINING_PER_REASON, StoreDiscovery,
                                                      StoreSuggestions, StoreTree)

EXAMPLES = 3
REASON_WORDS = 5


def quoted(texts) -> str:
    """What customers wrote, each text in quotes (it is theirs, as written), side by side."""
    return "  ".join(f"“{text}”" for text in texts)


def accuracy_figures(result: StoreSuggestions) -> dict[str, str]:
    """The three headline figures, written in the active language: ``top1``, ``top3``
    (percent, one decimal) and ``ece`` (in percent points, one decimal)."""
    return {"top1": percent(result.held_out_top1, digits=1), "top3": percent(result.held_out_top3, digits=1),
            "ece": percent(result.calibration_error, digits=1)}


def accuracy_rule(result: StoreSuggestions) -> str:
    """How the figures were measured and what the gate is."""
    return t("from_texts.accuracy_rule", held_out=count(result.held_out_contacts),
             training=count(result.training_texts), labelled=count(result.labelled_contacts),
             accuracy=percent(MIN_OFFERED_ACCURACY), min_held_out=MIN_HELD_OUT_SUGGESTIONS,
             confidence=percent(MIN_CONFIDENCE))


def level_sentence(result: StoreSuggestions) -> str:
    """Top-1 accuracy per level of the path, in one sentence."""
    levels = ", ".join(t("from_texts.level", level=int(row.level), share=percent(row.accuracy_share, digits=1))
                       for row in result.level_accuracy.itertuples())
    return t("from_texts.levels", levels=levels)


def accuracy_table(result: StoreSuggestions) -> TableView:
    """Per labelled reason: held-out contacts, suggested, accuracy, found, offered."""
    return table_view(result.reason_accuracy, {
        "path": Column(t("from_texts.col_reason"), width="large"),
        "recorded": Column(t("from_texts.col_recorded"), "count", help=t("from_texts.col_recorded_help")),
        "held_out": Column(t("from_texts.col_held_out"), "count", help=t("from_texts.col_held_out_help")),
        "accuracy": Column(t("from_texts.col_accuracy"), "share", help=t("from_texts.col_accuracy_help")),
        "recall": Column(t("from_texts.col_recall"), "share", help=t("from_texts.col_recall_help")),
        "offered": Column(t("from_texts.col_offered"), "flag"),
    })


def offered_by_reason(result: StoreSuggestions, examples: int = EXAMPLES) -> pd.DataFrame:
    """One row per reason with offered suggestions: ``suggested_path``, ``contacts``,
    ``median_confidence``, ``accuracy`` (held-out), ``words`` (the words that drove its
    suggestions most often) and ``examples`` (its most written distinct texts, quoted);
    most contacts first."""
    offered = result.offered
    table = result.offered_by_reason()
    accuracy = dict(zip(result.reason_accuracy["path"], result.reason_accuracy["accuracy"]))
    texts, words = {}, {}
    for path, rows in offered.groupby("suggested_path"):
        texts[path] = quoted(rows["text"].value_counts().head(examples).index)
        counted = Counter(word for shown in rows["words"] for word in shown.split(", ") if word)
        words[path] = ", ".join(word for word, _ in counted.most_common(REASON_WORDS))
    return table.assign(accuracy=table["suggested_path"].map(accuracy),
                        words=table["suggested_path"].map(words), examples=table["suggested_path"].map(texts))


def offered_table(result: StoreSuggestions) -> TableView:
    return table_view(offered_by_reason(result), {
        "suggested_path": Column(t("from_texts.col_suggested"), width="medium"),
        "contacts": Column(t("from_texts.col_contacts"), "count"),
        "median_confidence": Column(t("from_texts.col_confidence"), "share", help=t("from_texts.col_confidence_help")),
        "accuracy": Column(t("from_texts.col_accuracy"), "share", help=t("from_texts.col_accuracy_help")),
        "words": Column(t("from_texts.col_words")),
        "examples": Column(t("from_texts.col_examples"), width="large"),
    })


def suggestions_sentence(result: StoreSuggestions) -> str:
    """How many "Other" and unlabelled contacts get an offered suggestion, for how many
    reasons (Markdown)."""
    targets = len(result.suggestions)
    if not targets:
        return t("from_texts.no_targets")
    offered = result.offered
    if offered.empty:
        return t("from_texts.suggestions_none", targets=count(targets))
    return t("from_texts.suggestions_sentence", offered=count(len(offered)), targets=count(targets),
             reasons=count(offered["suggested_path"].nunique()))


def suggestion_rows(result: StoreSuggestions, *, offered_only: bool = True) -> TableView:
    """One row per contact (the offered suggestions, or all): contact, reason recorded,
    suggested reason, confidence, words."""
    rows = result.offered if offered_only else result.suggestions
    return table_view(rows, {
        "contact_id": Column(t("from_texts.col_contact_id")),
        "suggested_path": Column(t("from_texts.col_suggested")),
        "confidence": Column(t("from_texts.col_confidence_one"), "share"),
        "offered": Column(t("from_texts.col_offered"), "flag"),
        "words": Column(t("from_texts.col_words")),
    })


def candidates_frame(discovery: StoreDiscovery) -> pd.DataFrame:
    """One row per candidate (rising first): ``name``, ``texts``, ``rising``,
    ``recent_share``, ``earlier_share``, ``closest_reason``, ``similarity``, ``top_terms``,
    ``examples`` (quoted), ``example_ids`` (a tuple)."""
    return pd.DataFrame([{
        "name": c.name, "texts": c.size, "rising": c.is_rising, "recent_share": c.rise.recent_share,
        "earlier_share": c.rise.earlier_share, "closest_reason": c.closest_reason,
        "similarity": c.closest_similarity, "top_terms": ", ".join(c.top_terms),
        "examples": quoted(c.example_texts), "example_ids": tuple(c.example_ids),
    } for c in discovery.candidates], columns=["name", "texts", "rising", "recent_share", "earlier_share",
                                               "closest_reason", "similarity", "top_terms", "examples",
                                               "example_ids"])


def candidates_table(discovery: StoreDiscovery) -> TableView:
    """The candidates as the page shows them; without reason codes, nothing to be close to."""
    frame = candidates_frame(discovery)
    if not discovery.has_reason_codes:
        frame = frame.drop(columns=["closest_reason", "similarity"])
    return table_view(frame, {
        "name": Column(t("from_texts.col_candidate"), width="medium"),
        "texts": Column(t("from_texts.col_texts"), "count"),
        "rising": Column(t("from_texts.col_rising"), "flag"),
        "recent_share": Column(t("from_texts.col_recent_share"), "share"),
        "earlier_share": Column(t("from_texts.col_earlier_share"), "share"),
        "closest_reason": Column(t("from_texts.col_closest"), width="medium"),
        "similarity": Column(t("from_texts.col_similarity"), "share"),
        "top_terms": Column(t("from_texts.col_terms")),
        "examples": Column(t("from_texts.col_examples"), width="large"),
    })


def rising_weeks(discovery: StoreDiscovery) -> pd.DataFrame:
    """The weekly counts of the rising candidates, long: ``week_start`` (the Monday),
    ``name`` and ``contacts``."""
    frames = []
    for candidate in discovery.rising:
        weekly = candidate.weekly_counts
        mondays = pd.to_datetime(weekly.index + "-1", format="%G-W%V-%u")
        frames.append(pd.DataFrame({"week_start": mondays, "name": candidate.name,
                                    "contacts": weekly.to_numpy()}))
    if not frames:
        return pd.DataFrame({"week_start": pd.Series(dtype="datetime64[ns]"), "name": pd.Series(dtype=object),
                             "contacts": pd.Series(dtype=int)})
    return pd.concat(frames, ignore_index=True)


def discovery_sentence(discovery: StoreDiscovery) -> str:
    """How many candidates among how many texts of which days, how many rising (Markdown);
    with a note when the texts were sampled."""
    common = dict(texts=count(discovery.other_texts), start=day(discovery.first_day), end=day(discovery.last_day))
    if not discovery.candidates:
        return t("from_texts.discovery_none", **common)
    key = "from_texts.discovery_sentence" if discovery.has_reason_codes else "from_texts.discovery_sentence_all"
    sentence = t(key, candidates=count(len(discovery.candidates)), rising=count(len(discovery.rising)), **common)
    if discovery.clustered_texts < discovery.other_texts:
        sentence += " " + t("from_texts.discovery_sampled", clustered=count(discovery.clustered_texts))
    return sentence


def discovery_too_few() -> str:
    return t("from_texts.discovery_too_few", days=DISCOVERY_DAYS)


def rising_rule(with_closest: bool = True) -> str:
    """The rising test and (``with_closest``) how the closest reason is found, in words."""
    rule = t("from_texts.rising_rule", min_texts=discovery_trend.MIN_RISING_TEXTS,
             recent=discovery_trend.RECENT_DAYS, ratio=count(discovery_trend.RISE_RATIO),
             earlier=discovery_trend.EARLIER_DAYS, odds=count(round(1 / discovery_trend.RISING_P_VALUE)))
    return f"{rule} {t('from_texts.closest_rule')}" if with_closest else rule


def tree_sentence(store_tree: StoreTree, max_per_level: int = 7) -> str:
    return t("from_texts.tree_sentence", min_texts=MIN_TRAINING_PER_REASON, texts=count(store_tree.texts),
             with_text=count(store_tree.contacts_with_text), per_level=max_per_level)


def tree_table(store_tree: StoreTree) -> TableView:
    table = store_tree.table()
    table["examples"] = table["example_texts"].map(quoted)
    return table_view(table, {
        "level_1": Column(t("from_texts.col_level_1"), width="medium"),
        "level_2": Column(t("from_texts.col_level_2"), width="medium"),
        "texts": Column(t("from_texts.col_texts"), "count"),
        "share": Column(t("from_texts.col_share"), "share"),
        "top_terms": Column(t("from_texts.col_terms")),
        "examples": Column(t("from_texts.col_examples"), width="large"),
    })


def tree_naming_table(store_tree: StoreTree) -> TableView:
    """One row per option of the proposed tree for an editor to name (``name``, the
    proposed name to start from), with its proposed ``path`` (the key the names are read
    back by), ``level`` and ``texts``."""
    nodes = store_tree.tree.nodes
    table = pd.DataFrame({"path": [node.path for node in nodes], "level": [node.depth for node in nodes],
                          "name": [node.name for node in nodes], "texts": [node.size for node in nodes]})
    return table_view(table, {
        "path": Column(t("tree_adoption.col_proposed"), width="medium"),
        "level": Column(t("tree_adoption.col_level"), "count"),
        "name": Column(t("tree_adoption.col_name"), width="medium"),
        "texts": Column(t("from_texts.col_texts"), "count"),
    })
