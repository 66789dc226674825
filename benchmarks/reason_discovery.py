"""Reasons found in customers' texts: ``python -m benchmarks.reason_discovery [--json]``.

1. The reason tree proposed for BANKING77's training split (10,003 queries, 77 intents;
   ``tests/data/real/banking77/train.csv``): the tree (names, sizes), its seconds, and how
   well its leaves agree with the intents (adjusted Rand index, normalised mutual
   information, purity) against the same leaf sizes dealt out at random (mean of
   ``--shuffles`` deals).
2. The tree proposed for customers' tweets to brands (``tests/data/real/twcs_sample.csv``,
   inbound tweets only), with its seconds.
3. Discovery on a synthetic store (``tests/support/discovery_texts.py``) of about
   ``--texts`` texts under "Overig", twenty weeks ending on the 14th day of a hidden new
   problem: seconds, candidates, and whether the problem came out rising.
4. How soon the hidden problem is found at the tests' scale (about 40 "Overig" texts a
   day): discovery on the data up to each of its first 14 days (``--no-detection`` skips it).
5. A demo store (``python -m analytics demo``, ``--demo-days`` days of ``--demo-per-day``
   contacts a day, built in a temporary folder; ``--no-demo`` skips it), whose subject lines
   say what they were written about (``tests.support.discovery_texts.demo_text_truth``):
   how many candidates hold texts of its hidden problem, the share of them in the one that
   holds most, and which reasons it came closest to; and the tree proposed from its texts as
   if it had no codes, its first level and leaves against the true first level and leaf
   reasons (adjusted Rand index, purity), against the same sizes dealt out at random.

Prints a readable report, or one JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import duckdb

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.access import Actor, Role, acting_as  # noqa: E402
from analytics.text_reasons.discovery import CandidateReason, discover_reasons  # noqa: E402
from analytics.text_reasons.store_suggestions import discover_store_reasons, propose_store_tree  # noqa: E402
from analytics.text_reasons.tree_proposal import ReasonTree, propose_reason_tree  # noqa: E402
from tests.support.discovery_texts import (DEMO_HIDDEN, FIRST_DAY, NEW_PROBLEM, demo_text_truth,  # noqa: E402
                                           discovery_contacts)

REAL = ROOT / "tests" / "data" / "real"
PROBLEM_START = pd.Timestamp(FIRST_DAY + timedelta(weeks=16))
WEEKS = 18  # the store ends on the problem's 14th day


def timed_tree(texts: pd.Series, levels: int) -> tuple[ReasonTree, float]:
    started = time.perf_counter()
    tree = propose_reason_tree(texts, levels=levels)
    return tree, time.perf_counter() - started


def tree_outline(tree: ReasonTree) -> list[dict]:
    """The top level with sizes, each with its children."""
    return [{"name": top.name, "texts": top.size,
             "children": [{"name": child.name, "texts": child.size} for child in tree.options(top.path)]}
            for top in tree.options()]


def purity(groups: pd.Series, truth: pd.Series) -> float:
    """Share of texts whose group's most common true label is their own."""
    return float(pd.crosstab(groups, truth).max(axis=1).sum() / len(truth))


def agreement(leaves: pd.Series, truth: pd.Series, shuffles: int) -> dict:
    """Leaves against the true labels, and the same leaf sizes dealt out at random."""
    rng = np.random.default_rng(0)
    dealt = [pd.Series(rng.permutation(leaves.to_numpy()), index=leaves.index) for _ in range(shuffles)]
    return {
        "leaves": int(leaves.nunique()), "true_labels": int(truth.nunique()),
        "adjusted_rand": round(adjusted_rand_score(truth, leaves), 3),
        "adjusted_rand_random": round(float(np.mean([adjusted_rand_score(truth, d) for d in dealt])), 4),
        "nmi": round(normalized_mutual_info_score(truth, leaves), 3),
        "nmi_random": round(float(np.mean([normalized_mutual_info_score(truth, d) for d in dealt])), 3),
        "purity": round(purity(leaves, truth), 3),
        "purity_random": round(float(np.mean([purity(d, truth) for d in dealt])), 3),
        "top_level_adjusted_rand": round(adjusted_rand_score(truth, leaves.str.split(" > ").str[0]), 3),
    }


def discovery_at_scale(texts: int) -> dict:
    """Discovery on about ``texts`` "Overig" texts over 18 weeks, timed; the hidden
    problem grows as many times faster as there are more texts a day than in the tests."""
    per_day = texts / (WEEKS * 7)
    contacts = discovery_contacts(weeks=WEEKS, other_per_day=per_day, labelled_per_day=100,
                                  problem_scale=per_day / 40)
    started = time.perf_counter()
    candidates = discover_reasons(contacts["text"], contacts["day"], contacts["recorded_path"])
    seconds = time.perf_counter() - started
    other = contacts["recorded_path"] == "Overig"
    return {"texts": len(contacts), "other_texts": int(other.sum()),
            "problem_texts": int((contacts["truth"] == NEW_PROBLEM).sum()),
            "distinct_other_texts": int(contacts.loc[other, "text"].nunique()),
            "seconds": round(seconds, 1), "candidates": len(candidates),
            "rising": [_summary(c) for c in candidates if c.is_rising],
            "largest": [_summary(c) for c in candidates[:5] if not c.is_rising]}


def detection_days() -> list[dict]:
    """For each of the problem's first 14 days: was it a rising candidate on the data so far?"""
    contacts = discovery_contacts(weeks=WEEKS)
    found = []
    for day in range(14):
        seen = contacts[contacts["day"] <= PROBLEM_START + pd.Timedelta(days=day)]
        candidates = discover_reasons(seen["text"], seen["day"], seen["recorded_path"])
        problem = [c for c in candidates if c.is_rising and ("qr" in c.name or "retourlabel" in c.name)]
        found.append({"day": day + 1, "problem_texts": int((seen["truth"] == NEW_PROBLEM).sum()),
                      "found_as": problem[0].name if problem else None,
                      "other_rising": [c.name for c in candidates if c.is_rising and c not in problem]})
    return found


def demo_store_report(days: int, per_day: int) -> dict:
    """Discovery and the tree proposal on a demo store built for the purpose (module
    docstring, part 5)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.duckdb"
        subprocess.run([sys.executable, "-m", "analytics", "demo", "--db", str(path), "--days", str(days),
                        "--contacts-per-day", str(per_day), "--seed", "7", "--end", "2026-06-30"],
                       cwd=ROOT, check=True, capture_output=True)
        expected = json.loads(path.with_suffix(".truth.json").read_text())["hidden_problem"]
        conn = duckdb.connect(str(path), read_only=True)
        texts = conn.execute("select contact_id, text from contacts where text is not null").df()
        texts = texts.set_index("contact_id")["text"]
        with acting_as(Actor("benchmark", Role.EDITOR)):
            started = time.perf_counter()
            discovery = discover_store_reasons(conn)
            discovery_seconds = time.perf_counter() - started
            started = time.perf_counter()
            proposed = propose_store_tree(conn)
            tree_seconds = time.perf_counter() - started
        conn.close()
    truth = demo_text_truth(texts)
    hidden = truth.index[truth == DEMO_HIDDEN]
    holding = [(len(hidden.intersection(c.member_ids)), c) for c in discovery.candidates]
    held, best = max(holding, key=lambda pair: pair[0])
    leaves = proposed.tree.assignment
    leaf_truth = truth.reindex(leaves.index)
    first = leaves.str.split(" > ").str[0]
    return {
        "days": days, "contacts_per_day": per_day, "hidden_problem_texts": len(hidden),
        "discovery": {"seconds": round(discovery_seconds, 1), "candidates": len(discovery.candidates),
                      "holding_problem_texts": sum(1 for n, _ in holding if n),
                      "rising": [c.name for c in discovery.rising], "best": best.name,
                      "best_share_of_problem": round(held / max(len(hidden), 1), 3),
                      "best_size": best.size, "best_is_rising": best.is_rising,
                      "closest": [best.closest_reason, *best.next_closest],
                      "true_closest": expected["closest_reason"]},
        "tree": {"seconds": round(tree_seconds, 1), "texts": len(leaves), "outline": tree_outline(proposed.tree),
                 "first_level": agreement(first, leaf_truth.str.split(" > ").str[0], 5),
                 "leaves": agreement(leaves, leaf_truth, 5)},
    }


def _summary(candidate: CandidateReason) -> dict:
    return {"name": candidate.name, "texts": candidate.size, "closest_reason": candidate.closest_reason,
            "last_weeks": candidate.weekly_counts.tail(4).to_dict(),
            "recent_share": round(candidate.rise.recent_share, 4),
            "earlier_share": round(candidate.rise.earlier_share, 4)}


def print_report(report: dict) -> None:
    for key, title in (("banking77", "BANKING77 train"), ("twcs", "Customer tweets (inbound)")):
        part = report[key]
        print(f"\n{title}: {part['texts']} texts, tree in {part['seconds']} s")
        for top in part["tree"]:
            print(f"  {top['name']} ({top['texts']})")
            for child in top["children"]:
                print(f"      {child['name']} ({child['texts']})")
        if "agreement" in part:
            a = part["agreement"]
            print(f"  {a['leaves']} leaves against {a['true_labels']} intents: "
                  f"adjusted Rand {a['adjusted_rand']} (random {a['adjusted_rand_random']}), "
                  f"NMI {a['nmi']} (random {a['nmi_random']}), purity {a['purity']} (random {a['purity_random']})")
    scale = report["discovery_at_scale"]
    print(f"\nDiscovery on {scale['other_texts']} 'Overig' texts ({scale['distinct_other_texts']} distinct, "
          f"{scale['problem_texts']} about the hidden problem): "
          f"{scale['seconds']} s, {scale['candidates']} candidates; rising: "
          + (", ".join(f"{c['name']} ({c['texts']})" for c in scale["rising"]) or "none"))
    if "detection" in report:
        print("\nHidden problem, day by day (texts so far: found as):")
        for day in report["detection"]:
            extra = f"; also rising: {', '.join(day['other_rising'])}" if day["other_rising"] else ""
            print(f"  day {day['day']:2d} ({day['problem_texts']:3d}): {day['found_as'] or '-'}{extra}")
    if "demo" in report:
        demo = report["demo"]
        found, tree = demo["discovery"], demo["tree"]
        print(f"\nDemo store, {demo['days']} days of ~{demo['contacts_per_day']} contacts: hidden problem "
              f"{demo['hidden_problem_texts']} texts; {found['candidates']} candidates in {found['seconds']} s, "
              f"{found['holding_problem_texts']} holding some of it; '{found['best']}' holds "
              f"{found['best_share_of_problem']:.0%} (rising: {found['best_is_rising']}); all rising: "
              f"{', '.join(found['rising']) or 'none'}; closest {found['closest']} (truth: {found['true_closest']})")
        print(f"  Tree from {tree['texts']} texts in {tree['seconds']} s:")
        for top in tree["outline"]:
            print(f"  {top['name']} ({top['texts']})")
            for child in top["children"]:
                print(f"      {child['name']} ({child['texts']})")
        for key in ("first_level", "leaves"):
            a = tree[key]
            print(f"  {key}: {a['leaves']} groups against {a['true_labels']}: adjusted Rand {a['adjusted_rand']} "
                  f"(random {a['adjusted_rand_random']}), purity {a['purity']} (random {a['purity_random']})")
    print(f"\n{report['cpus']} CPUs")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--texts", type=int, default=200_000, help="'Overig' texts of the synthetic store")
    parser.add_argument("--shuffles", type=int, default=5, help="random deals of BANKING77's leaves")
    parser.add_argument("--no-detection", action="store_true", help="skip the day-by-day detection runs")
    parser.add_argument("--demo-days", type=int, default=200, help="days of the demo store")
    parser.add_argument("--demo-per-day", type=int, default=300, help="contacts a day of the demo store")
    parser.add_argument("--no-demo", action="store_true", help="skip the demo store")
    args = parser.parse_args()
    report: dict = {"cpus": os.cpu_count()}
    banking = pd.read_csv(REAL / "banking77" / "train.csv")
    tree, seconds = timed_tree(banking["text"], levels=2)
    report["banking77"] = {"texts": len(banking), "seconds": round(seconds, 1), "tree": tree_outline(tree),
                           "agreement": agreement(tree.assignment, banking["category"], args.shuffles)}
    tweets = pd.read_csv(REAL / "twcs_sample.csv")
    inbound = tweets.loc[tweets["inbound"].eq(True), "text"]
    tree, seconds = timed_tree(inbound, levels=2)
    report["twcs"] = {"texts": len(inbound), "seconds": round(seconds, 1), "tree": tree_outline(tree)}
    report["discovery_at_scale"] = discovery_at_scale(args.texts)
    if not args.no_detection:
        report["detection"] = detection_days()
    if not args.no_demo:
        report["demo"] = demo_store_report(args.demo_days, args.demo_per_day)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
