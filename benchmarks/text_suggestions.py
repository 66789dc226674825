"""Reasons suggested from texts on a whole store: ``.venv/bin/python -m benchmarks.text_suggestions
[--db PATH] [--json]``.

Uses the store at ``--db`` or builds the default demo (three years, about 1.6 million
contacts, each with a subject line; about 20 s) in a temporary folder. Then, timed as the
page's background job runs them: the suggestions (reading the texts, training on the
labelled contacts, measuring on the held-out fifth, suggesting for "Other" and unlabelled
contacts, the words behind each) with the seconds of each step, and the discovery of
candidate new reasons. Prints the figures (held-out top-1, top-3, calibration error, per
level, the reasons offered) and, on the demo, whether the hidden problem of its truth file
came out as a rising candidate. One JSON object with ``--json``.

The issue's target: training and suggesting on 1 million contacts with text in at most 60 s
on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.demo import DemoSettings, build_demo_store, truth_path_for  # noqa: E402
from analytics.store import open_store  # noqa: E402
from analytics.text_reasons.store_suggestions import discover_store_reasons, suggest_reasons  # noqa: E402

TARGET_SECONDS = 60


def timed_suggestions(conn: duckdb.DuckDBPyConnection) -> dict:
    """The suggestions with the seconds of each step and in all."""
    marks: list[tuple[str, float]] = []
    started = time.perf_counter()
    def mark(fraction: float, step: str) -> None:
        if not marks or marks[-1][0] != step:
            marks.append((step, time.perf_counter()))

    result = suggest_reasons(conn, progress=mark)
    seconds = time.perf_counter() - started
    steps = {step: round(end - start, 1) for (step, start), (_, end) in zip(marks, marks[1:])}
    accuracy = result.reason_accuracy
    return {
        "seconds": round(seconds, 1), "steps": steps,
        "contacts_with_text": int(conn.execute("select count(text) from contacts").fetchall()[0][0]),
        "labelled_contacts": result.labelled_contacts, "training_texts": result.training_texts,
        "held_out_contacts": result.held_out_contacts,
        "top1": round(result.held_out_top1, 4), "top3": round(result.held_out_top3, 4),
        "calibration_error": round(result.calibration_error, 4),
        "per_level": {int(row.level): round(row.accuracy_share, 4) for row in result.level_accuracy.itertuples()},
        "reasons": len(accuracy), "reasons_offered": int(accuracy["offered"].sum()),
        "lowest_accuracy": {row.path: round(row.accuracy, 3) for row in accuracy.nsmallest(3, "accuracy").itertuples()},
        "suggestions": len(result.suggestions), "offered": len(result.offered),
        "distinct_texts_suggested": int(result.suggestions["text"].nunique()),
    }


def timed_discovery(conn: duckdb.DuckDBPyConnection, truth: dict | None) -> dict:
    started = time.perf_counter()
    discovery = discover_store_reasons(conn)
    seconds = time.perf_counter() - started
    # On the demo, a candidate is the hidden problem when most of its example texts are about QR codes.
    problem = [c for c in discovery.rising if 2 * sum("qr" in text.lower() for text in c.example_texts)
               > len(c.example_texts)]
    report = {"seconds": round(seconds, 1), "texts": discovery.other_texts, "clustered": discovery.clustered_texts,
              "candidates": len(discovery.candidates), "rising": [c.name for c in discovery.rising],
              "hidden_problem_found_as": [c.name for c in problem],
              "hidden_problem_texts_in_rising": sum(c.size for c in problem),
              "other_rising": [c.name for c in discovery.rising if c not in problem],
              "closest_reasons": sorted({c.closest_reason for c in problem if c.closest_reason})}
    if truth:
        report["hidden_problem_truth"] = {"starts_on": truth["starts_on"], "contacts": truth["contacts"],
                                          "closest_reason": truth["closest_reason"]}
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a store with texts (default: build the default demo)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "demo.duckdb"
        built = None
        if args.db is None:
            started = time.perf_counter()
            build_demo_store(path, DemoSettings(end=date.today() - timedelta(days=1)))
            built = round(time.perf_counter() - started, 1)
        truth_file = truth_path_for(path)
        truth = json.loads(truth_file.read_text()).get("hidden_problem") if truth_file.exists() else None
        conn = open_store(path, read_only=True)
        try:
            report = {"cpus": os.cpu_count(), "store": str(path) if args.db else "default demo",
                      "demo_seconds": built, "suggestions": timed_suggestions(conn),
                      "discovery": timed_discovery(conn, truth)}
        finally:
            conn.close()
    report["within_target"] = report["suggestions"]["seconds"] <= TARGET_SECONDS
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    s, d = report["suggestions"], report["discovery"]
    print(f"{s['contacts_with_text']:,} contacts with text; suggestions in {s['seconds']} s "
          f"({', '.join(f'{k} {v} s' for k, v in s['steps'].items())}) on {report['cpus']} CPUs")
    print(f"trained on {s['training_texts']:,} of {s['labelled_contacts']:,} labelled contacts; held out "
          f"{s['held_out_contacts']:,}: top-1 {s['top1']:.1%}, top-3 {s['top3']:.1%}, ECE {s['calibration_error']:.3f}; "
          f"per level {', '.join(f'{k}: {v:.1%}' for k, v in s['per_level'].items())}")
    print(f"{s['reasons_offered']} of {s['reasons']} reasons offered; {s['offered']:,} of {s['suggestions']:,} "
          f"Other contacts ({s['distinct_texts_suggested']:,} distinct texts) get an offered suggestion")
    print(f"discovery in {d['seconds']} s on {d['clustered']:,} of {d['texts']:,} texts: {d['candidates']} candidates, "
          f"{len(d['rising'])} rising; the hidden problem in {len(d['hidden_problem_found_as'])} of them "
          f"({d['hidden_problem_texts_in_rising']:,} texts: {', '.join(d['hidden_problem_found_as'])}); "
          f"other rising: {', '.join(d['other_rising']) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
