"""The Health section on free-text reasons: ``python benchmarks/taxonomy_speed.py [--sizes 2000 5000]``.

For each size, imports (through the CLI, as a user does) an export whose only reason column
holds that many distinct free-text reasons with known near-duplicates
(``tests/support/free_text_reasons.py``), then, in one process on the same store:

1. ``taxonomy_health`` as the app runs it (near-duplicates from RapidFuzz ``cdist`` in
   blocks of similar length), ``--repeat`` times;
2. the same checks with the near-duplicate search done the old way (every pair of names of
   a level through ``difflib``, :func:`all_pairs_difflib`, the code this replaced),
   ``--old-repeat`` times (once by default: a run takes minutes at 5,000 reasons; 0
   skips it).

Prints the median seconds of each, their ratio, and whether both found the same findings
and every planted near-duplicate, as JSON. ``--apptest`` also times one first visit of the
Data page's Health section in AppTest (caches cleared) on the smallest size.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from difflib import SequenceMatcher
from itertools import combinations
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CONTACTS_AUTH", "local")

from analytics import taxonomy  # noqa: E402
from analytics.i18n import using_language  # noqa: E402
from analytics.store import open_store  # noqa: E402
from tests.support.free_text_reasons import build_free_text_store, free_text_reasons  # noqa: E402


def difflib_similarity(first: str, second: str, parent: str = "") -> float:
    """:func:`analytics.taxonomy.name_similarity` as it was: ``difflib`` ratios."""
    a = taxonomy._without_words(taxonomy.normalised_name(first), parent)
    b = taxonomy._without_words(taxonomy.normalised_name(second), parent)
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b).ratio()
    if ratio < taxonomy.SIMILARITY_THRESHOLD:
        return ratio
    only_a = sorted(set(a.split()) - set(b.split()))
    only_b = sorted(set(b.split()) - set(a.split()))
    if len(only_a) != len(only_b):
        return 0.0
    for word in only_a:
        best = max((SequenceMatcher(None, word, other).ratio(), other) for other in only_b)
        if best[0] < taxonomy.WORD_SIMILARITY or min(len(word), len(best[1])) <= taxonomy.SHORT_WORD:
            return 0.0
        only_b.remove(best[1])
    return ratio


def all_pairs_difflib(paths) -> list[taxonomy.Finding]:
    """:func:`analytics.taxonomy.near_duplicates` as it was: every pair of options of a level."""
    options = taxonomy.children_of(paths)
    options = options[~options["name"].map(taxonomy.is_other_name)]
    findings, seen = [], set()
    for _, level_options in options.groupby("depth", sort=True):
        for a, b in combinations(level_options.to_dict("records"), 2):
            same_parent = a["parent"] == b["parent"]
            if not same_parent and a["name"] == b["name"]:
                continue
            if not same_parent and _lengths_apart(a["name"], b["name"]) \
                    and taxonomy.normalised_name(a["name"]) != taxonomy.normalised_name(b["name"]):
                continue
            similarity = difflib_similarity(a["name"], b["name"], a["parent"].split(" > ")[-1] if same_parent else "")
            if similarity < taxonomy.SIMILARITY_THRESHOLD:
                continue
            finding = taxonomy._duplicate(a, b, similarity, same_parent)
            if (finding.where, finding.numbers["first"], finding.numbers["second"]) not in seen:
                seen.add((finding.where, finding.numbers["first"], finding.numbers["second"]))
                findings.append(finding)
    return findings


def _lengths_apart(first: str, second: str) -> bool:
    return SequenceMatcher(None, first.lower(), second.lower()).real_quick_ratio() < 0.5


def timed(conn, repeat: int, old: bool) -> tuple[list[float], taxonomy.TaxonomyHealth]:
    """Seconds of ``repeat`` runs of ``taxonomy_health`` (the old near-duplicate search when ``old``)."""
    seconds, health = [], None
    with mock.patch.object(taxonomy, "near_duplicates", all_pairs_difflib) if old else nullcontext():
        for _ in range(repeat):
            started = time.perf_counter()
            health = taxonomy.taxonomy_health(conn)
            seconds.append(time.perf_counter() - started)
    return seconds, health


def apptest_seconds(store: Path) -> float:
    """One first visit of the Data page's Health section (the frame runs first, untimed)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["CONTACTS_DB"] = str(store)
    os.chdir(ROOT)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.query_params.update({"data_section": "Health"})
    at.run()
    at.switch_page("pages/data.py")
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"the Health section failed: {at.exception[0].value}")
    if not any(m.value.startswith("#####") for m in at.markdown):
        raise RuntimeError("the Health section showed no findings")
    return elapsed


def _findings(health: taxonomy.TaxonomyHealth) -> list[tuple]:
    return sorted((f.kind, f.severity, f.where, repr(sorted(f.numbers.items()))) for f in health.findings)


def _pairs(health: taxonomy.TaxonomyHealth) -> set[frozenset[str]]:
    return {frozenset(f.numbers[k].split(" > ")[-1] for k in ("first", "second"))
            for f in health.findings if f.kind == "near_duplicate"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000], help="distinct reasons per store")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of the app's way")
    parser.add_argument("--old-repeat", type=int, default=1,
                        help="timed runs of the old all-pairs difflib way (0: skip it)")
    parser.add_argument("--apptest", action="store_true", help="also time the Health section in AppTest")
    args = parser.parse_args()
    report: dict = {"cpus": os.cpu_count(), "sizes": []}
    with tempfile.TemporaryDirectory() as folder, using_language("en"):
        stores = {}
        for size in args.sizes:
            reasons = free_text_reasons(size)
            (Path(folder) / str(size)).mkdir()
            store = stores[size] = build_free_text_store(Path(folder) / str(size), reasons.names)
            conn = open_store(store, read_only=True)
            try:
                taxonomy.taxonomy_health(conn)  # warm: imports, first query
                new, health = timed(conn, args.repeat, old=False)
                old, old_health = timed(conn, args.old_repeat, old=True)
            finally:
                conn.close()
            row = {"distinct_reasons": size, "findings": len(health.findings),
                   "near_duplicates": len(_pairs(health)), "planted_near_duplicates": len(reasons.near_duplicates),
                   "all_planted_found_and_no_other": _pairs(health) == set(reasons.near_duplicates),
                   "median_s": round(statistics.median(new), 3), "max_s": round(max(new), 3), "runs": len(new)}
            if old:
                row.update({"old_median_s": round(statistics.median(old), 2), "old_runs": len(old),
                            "old_vs_new": round(statistics.median(old) / statistics.median(new)),
                            "same_findings_as_old": _findings(health) == _findings(old_health)})
            report["sizes"].append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
        if args.apptest:  # last: the app keeps its connection to the store open
            smallest = min(args.sizes)
            report["apptest_health_first_visit_s"] = {str(smallest): round(apptest_seconds(stores[smallest]), 2)}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
