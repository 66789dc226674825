"""``python -m analytics reasons suggest|discover|tree``: reasons learned from what customers
wrote, for scheduled jobs, with the numbers the Reasons & channels page shows.

``suggest`` trains on the store's labelled contacts and prints a suggested reason per contact
with a text under an "Other"-like reason or none. With ``--json`` it prints JSON lines: one
per suggestion (``{"kind": "suggestion", "contact_id", "suggested_path", "confidence",
"offered", "words"}``; only the offered ones unless ``--all``), then one last line
``{"kind": "accuracy", ...}`` with the held-out figures (top-1, top-3, calibration error,
per level) and the accuracy per reason with its gate. Everything goes to stdout, so one file
holds the suggestions and the figures they rest on. Without ``--json``: readable tables.

``discover`` prints the candidate new reasons (name, size, top terms, example ids, weekly
counts, rising, closest reason); with ``--json`` one JSON line per candidate. ``tree``
proposes a reason tree from the texts (for an export without reason codes).

Words (headings, labels, sentences) follow ``--lang``; numbers in JSON are plain numbers.
A store without texts, or without reasons to learn from, is refused with one line on
stderr and exit code 2 (see ``analytics.cli``).
"""

from __future__ import annotations

import argparse
import json
import math

from analytics.formatting import TableView, count
from analytics.i18n import t
from analytics.store import open_store
from analytics.text_reasons import store_views
from analytics.text_reasons.store_suggestions import (MIN_CONFIDENCE, MIN_HELD_OUT_SUGGESTIONS, MIN_OFFERED_ACCURACY,
                                                      StoreSuggestions, discover_store_reasons, propose_store_tree,
                                                      suggest_reasons)
from analytics.text_search import store_has_texts


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``reasons`` command and its subcommands."""
    parser = subparsers.add_parser("reasons", help="reasons learned from what customers wrote",
                                   description="Suggested reasons for Other and unlabelled contacts, candidate new "
                                               "reasons, a proposed reason tree.")
    actions = parser.add_subparsers(dest="reasons_action", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")
    common.add_argument("--json", action="store_true", help="print JSON lines")

    suggest = actions.add_parser("suggest", parents=[common], help="suggest reasons for Other and unlabelled contacts",
                                 description="Train on the labelled contacts and suggest a reason for every contact "
                                             "with a text under an Other-like reason or none.")
    suggest.add_argument("--all", action="store_true",
                         help="also the suggestions that are not offered (reason below the gate, low confidence)")
    suggest.set_defaults(func=run_suggest)

    discover = actions.add_parser("discover", parents=[common], help="candidate new reasons among the texts",
                                  description="Group the texts under Other-like reasons (or all texts, without "
                                              "reason codes) of the last weeks into candidate reasons.")
    discover.add_argument("--days", type=int, default=store_views.DISCOVERY_DAYS,
                          help=f"days of data to look at (default {store_views.DISCOVERY_DAYS})")
    discover.set_defaults(func=run_discover)

    tree = actions.add_parser("tree", parents=[common], help="propose a reason tree from the texts",
                              description="A reason tree of at most seven options per level, proposed from the "
                                          "texts, for an export without reason codes.")
    tree.set_defaults(func=run_tree)


def _open(path: str | None):
    conn = open_store(path, read_only=True)
    if not store_has_texts(conn):
        conn.close()
        raise ValueError("No contact in the store has a text: import one with --map text=COLUMN.")
    return conn


def run_suggest(args: argparse.Namespace) -> int:
    conn = _open(args.db)
    try:
        result = suggest_reasons(conn)
    finally:
        conn.close()
    if args.json:
        rows = result.suggestions if args.all else result.offered
        for row in rows.itertuples(index=False):
            print(json.dumps({"kind": "suggestion", "contact_id": row.contact_id, "suggested_path": row.suggested_path,
                              "confidence": round(float(row.confidence), 4), "offered": bool(row.offered),
                              "words": row.words}, ensure_ascii=False))
        print(json.dumps(accuracy_record(result), ensure_ascii=False, allow_nan=False))
        return 0
    _print_table(t("from_texts.cli_suggestions"), store_views.suggestion_rows(result, offered_only=not args.all))
    print()
    print(t("from_texts.cli_offered", offered=count(len(result.offered)), targets=count(len(result.suggestions))))
    _print_table(t("from_texts.suggestions"), store_views.offered_table(result), drop=("examples",))
    print(t("from_texts.cli_accuracy", held_out=count(result.held_out_contacts), training=count(result.training_texts),
            labelled=count(result.labelled_contacts), **store_views.accuracy_figures(result)))
    print(store_views.level_sentence(result))
    _print_table(t("from_texts.accuracy_table"), store_views.accuracy_table(result))
    print(store_views.accuracy_rule(result))
    return 0


def accuracy_record(result: StoreSuggestions) -> dict:
    """The held-out figures as one JSON object (``"kind": "accuracy"``)."""
    return {
        "kind": "accuracy",
        "data_version": result.data_version,
        "labelled_contacts": result.labelled_contacts,
        "training_texts": result.training_texts,
        "held_out_contacts": result.held_out_contacts,
        "top1": _number(result.held_out_top1),
        "top3": _number(result.held_out_top3),
        "calibration_error": _number(result.calibration_error),
        "per_level": [{"level": int(row.level), "texts": int(row.texts), "accuracy": _number(row.accuracy_share)}
                      for row in result.level_accuracy.itertuples()],
        "gate": {"min_accuracy": MIN_OFFERED_ACCURACY, "min_held_out": MIN_HELD_OUT_SUGGESTIONS,
                 "min_confidence": MIN_CONFIDENCE},
        "per_reason": [{"path": row.path, "recorded": int(row.recorded), "held_out": int(row.held_out),
                        "accuracy": _number(row.accuracy), "recall": _number(row.recall),
                        "learned": bool(row.learned), "offered": bool(row.offered)}
                       for row in result.reason_accuracy.itertuples()],
        "suggestions": len(result.suggestions),
        "offered": len(result.offered),
    }


def run_discover(args: argparse.Namespace) -> int:
    conn = _open(args.db)
    try:
        discovery = discover_store_reasons(conn, days=args.days)
    finally:
        conn.close()
    if args.json:
        for candidate in discovery.candidates:
            print(json.dumps({
                "kind": "candidate", "name": candidate.name, "size": candidate.size,
                "top_terms": list(candidate.top_terms), "example_ids": [str(i) for i in candidate.example_ids],
                "example_texts": list(candidate.example_texts),
                "weekly_counts": {week: int(n) for week, n in candidate.weekly_counts.items()},
                "rising": candidate.is_rising, "recent_share": _number(candidate.rise.recent_share),
                "earlier_share": _number(candidate.rise.earlier_share), "p_value": _number(candidate.rise.p_value, 12),
                "closest_reason": candidate.closest_reason,
                "closest_similarity": _number(candidate.closest_similarity),
            }, ensure_ascii=False, allow_nan=False))
        return 0
    print(store_views.discovery_sentence(discovery).replace("**", ""))
    table = store_views.candidates_frame(discovery)
    _print_table(t("from_texts.discovery"), store_views.candidates_table(discovery), drop=("examples",))
    for candidate, ids in zip(discovery.candidates, table["example_ids"]):
        weeks = " ".join(str(int(n)) for n in candidate.weekly_counts.tail(8))
        print(f"{candidate.name}: {', '.join(map(str, ids))} · {weeks}")
    print(store_views.rising_rule(with_closest=discovery.has_reason_codes))
    return 0


def run_tree(args: argparse.Namespace) -> int:
    conn = _open(args.db)
    try:
        proposal = propose_store_tree(conn)
    finally:
        conn.close()
    if args.json:
        for node in proposal.tree.nodes:
            print(json.dumps({"kind": "node", "path": node.path, "depth": node.depth, "size": node.size,
                              "top_terms": list(node.top_terms), "example_texts": list(node.example_texts)},
                             ensure_ascii=False))
        return 0
    _print_table(t("from_texts.tree"), store_views.tree_table(proposal), drop=("examples",))
    return 0


def _number(value: float, digits: int = 4) -> float | None:
    """``value`` rounded for JSON; None for a missing one."""
    return None if value is None or not math.isfinite(float(value)) else round(float(value), digits)


def _print_table(title: str, view: TableView, drop: tuple[str, ...] = ()) -> None:
    """``view`` as aligned text columns under ``title``, cells written as on the page."""
    texts = view.texts()
    texts = texts.drop(columns=[view.columns[name].label for name in drop if name in view.columns])
    print(title)
    if texts.empty:
        return
    widths = [max(len(str(label)), *(len(str(v)) for v in texts[label])) for label in texts.columns]
    numeric = [view.columns[name].kind != "text" for name in view.columns if view.columns[name].label in texts]

    def line(cells) -> str:
        return "  ".join(str(cell).rjust(width) if right else str(cell).ljust(width)
                         for cell, width, right in zip(cells, widths, numeric)).rstrip()

    print(line(texts.columns))
    for row in texts.itertuples(index=False):
        print(line(row))
    print()

