"""Taxonomy health on a crafted tree with known problems (eight top-level options, 30%
"Other", a duplicate pair, an unused reason and contacts that stop at the first level) and
on an export whose reason column is free text: 2,000 distinct reasons with known
near-duplicates among them."""

from __future__ import annotations

from datetime import datetime, timedelta

import random
from difflib import SequenceMatcher
from itertools import combinations

import pandas as pd
import pytest

from analytics import taxonomy
from analytics.aggregates import refresh_contact_days
from analytics.i18n import t, using_language
from analytics.store import open_store
from tests.support.free_text_reasons import build_free_text_store, free_text_reasons, words_apart

LAST = datetime(2026, 6, 28, 12, 0)
# (l1, l2, contacts in the last 90 days); 1,000 in all, 300 of them "Other"-like.
RECENT = [
    ("Other", "", 240),
    ("Delivery", "Late", 140), ("Delivery", "Overige", 60),
    ("Payment", "Refund", 100), ("Payment", "Refunds", 10),
    ("Account", "Login", 40), ("Account", "", 40),
    ("Order", "Change", 100), ("Product", "Defect", 100), ("Returns", "Label", 160),
    ("Stores", "Parking", 10),
]
OLD = [("Stores", "Opening hours", 10), ("Delivery", "Late", 50)]  # 200 days before the last contact


def _store_with(tmp_path, recent, old):
    """A store whose reasons are ``recent`` (used in the last 90 days) and ``old`` (200 days
    back only); each item is (l1, l2, contacts)."""
    conn = open_store(tmp_path / "tree.duckdb")
    rows = [(f"{l1}-{l2}-{age}-{i}", LAST - timedelta(days=age + i % 80), "Phone", l1, l2, "")
            for batch, age in ((recent, 0), (old, 200)) for l1, l2, n in batch for i in range(n)]
    frame = pd.DataFrame(rows, columns=["contact_id", "started_at", "channel", "reason_l1", "reason_l2", "reason_l3"])
    conn.register("rows", frame)
    conn.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3)"
                 " select * from rows")
    refresh_contact_days(conn)  # the daily aggregates, as an import keeps them
    conn.execute("insert into reasons (reason_l1, reason_l2, reason_l3)"
                 " select distinct reason_l1, reason_l2, reason_l3 from rows")
    return conn


@pytest.fixture
def crafted(tmp_path):
    conn = _store_with(tmp_path, RECENT, OLD)
    yield conn
    conn.close()

def _of(health, kind):
    return [f for f in health.findings if f.kind == kind]


def test_eight_options_at_the_top_level(crafted):
    health = taxonomy.taxonomy_health(crafted)
    [finding] = _of(health, "too_many_options")
    assert finding.where == "Top level"
    assert finding.numbers["options"] == 8
    assert finding.numbers["smallest"] == "“Stores”, “Account”, “Order”"
    assert finding.numbers["smallest_share"] == "19%"  # (10 + 80 + 100) / 1,000
    assert "merge the three smallest" in finding.suggestion


def test_thirty_percent_other_overall_and_under_delivery(crafted):
    health = taxonomy.taxonomy_health(crafted)
    by_where = {f.where: f for f in _of(health, "other_share")}
    overall = by_where["All reasons"]
    assert overall.severity == "high"
    assert overall.numbers["share"] == "30%" and overall.numbers["other_contacts"] == "300"
    assert by_where["“Delivery”"].numbers["share"] == "30%"  # 60 of 200
    assert health.other_by_level.set_index("level").loc[1, "other_share"] == pytest.approx(0.24)
    assert health.other_by_level.set_index("level").loc[2, "other_share"] == pytest.approx(0.06)
    monthly = health.monthly
    assert monthly["contacts"].sum() == 1060
    assert monthly["other_contacts"].sum() == 300
    assert ((monthly["other_share"] >= 0) & (monthly["other_share"] <= 1)).all()


def test_a_duplicate_pair_under_one_parent(crafted):
    health = taxonomy.taxonomy_health(crafted)
    [finding] = _of(health, "near_duplicate")
    assert finding.where == "“Payment”" and finding.severity == "medium"
    assert (finding.numbers["first"], finding.numbers["second"]) == ("Refund", "Refunds")
    assert "Merge “Refunds” into “Refund”" in finding.suggestion


def test_unused_reason_and_first_level_only(crafted):
    health = taxonomy.taxonomy_health(crafted)
    [unused] = _of(health, "unused")
    assert unused.where == "“Stores”" and unused.numbers["names"] == "“Opening hours”"
    [shallow] = _of(health, "first_level_only")
    assert shallow.where == "“Account”" and shallow.numbers["share"] == "50%" and shallow.severity == "high"
    assert health.window_end == LAST.date()
    assert health.contacts_90d == 1000
    table = health.table()
    assert list(table.columns) == ["severity", "kind", "where", "finding", "suggestion"]
    assert table["severity"].iloc[0] == "high"  # worst first


def test_a_clean_tree_has_no_findings(store):
    store.execute("insert into reasons values ('Delivery', 'Late', '', 'Logistics', null),"
                  " ('Payment', 'Refund', '', 'Finance', null)")
    store.execute("insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2) values"
                  " ('1', '2026-06-01', 'Phone', 'Delivery', 'Late'), ('2', '2026-06-02', 'Phone', 'Payment', 'Refund')")
    refresh_contact_days(store)  # the daily aggregates, as an import keeps them
    assert taxonomy.taxonomy_health(store).findings == []


def test_names():
    assert taxonomy.is_other_name("Overige") and taxonomy.is_other_name(" OTHER. ") and taxonomy.is_other_name("")
    assert not taxonomy.is_other_name("Other colour")
    # what exports write where no reason was coded says as little as "Other"
    assert all(map(taxonomy.is_other_name, ["Not coded", "niet gecodeerd", "n.v.t.", "(none)", "Uncoded"]))
    assert not taxonomy.is_other_name("Coded wrongly") and not taxonomy.is_other_name("Nonexistent address")
    assert taxonomy.normalised_name("Late deliveries") == taxonomy.normalised_name("Delivery, late")
    assert taxonomy.name_similarity("Track & trace", "Track and trace") == 1.0
    assert taxonomy.name_similarity("Payment failed", "Payment failure") >= taxonomy.SIMILARITY_THRESHOLD
    assert taxonomy.name_similarity("Wrong adress", "Wrong address") >= taxonomy.SIMILARITY_THRESHOLD
    assert taxonomy.name_similarity("Change", "Exchange") < taxonomy.SIMILARITY_THRESHOLD
    assert taxonomy.name_similarity("General Request - PUC", "General Request - DPH") < taxonomy.SIMILARITY_THRESHOLD
    assert taxonomy.name_similarity("General Request - MOCD", "General Request - MOD") < taxonomy.SIMILARITY_THRESHOLD
    assert taxonomy.name_similarity("Odor From_manhole_cover", "From_manhole_cover", parent="Odor") == 1.0


def test_every_kind_and_severity_has_its_texts():
    from analytics.i18n import TEXT

    for kind in taxonomy.KINDS:
        for suffix in ("", "_message", "_suggestion"):
            key = f"taxonomy.kind_{kind}" if not suffix else f"taxonomy.{kind}{suffix}"
            assert key in TEXT["en"], key
    for severity in taxonomy.SEVERITIES:
        assert f"taxonomy.severity_{severity}" in TEXT["en"]


def test_hiding_unused_options_can_be_enough(tmp_path):
    """Nine options of which three are unused: hiding them leaves six, so no merge advice."""
    used = [("Delivery", name, n) for name, n in [("Late", 50), ("Lost", 40), ("Damaged", 30), ("Address", 20),
                                                  ("Slot", 10), ("Carrier", 5)]]
    unused = [("Delivery", name, 3) for name in ("Drone", "Pigeon", "Rocket")]
    conn = _store_with(tmp_path, used, unused)
    [finding] = _of(taxonomy.taxonomy_health(conn), "too_many_options")
    assert finding.numbers["options"] == 9 and finding.numbers["unused"] == 3
    assert "That leaves 6, within the limit of 7" in finding.suggestion
    assert "merge" not in finding.suggestion


def test_merge_advice_names_used_options_only(tmp_path):
    """Ten options, two unused: eight are left, so merging is advised, naming the three
    smallest *used* options rather than the unused ones."""
    used = [("Delivery", f"Used {i}", 10 * i) for i in range(1, 9)]
    unused = [("Delivery", name, 3) for name in ("Drone", "Pigeon")]
    conn = _store_with(tmp_path, used, unused)
    [finding] = _of(taxonomy.taxonomy_health(conn), "too_many_options")
    assert finding.numbers["smallest"] == "“Used 1”, “Used 2”, “Used 3”"
    assert "Split these 8 options" in finding.suggestion


def test_findings_are_grouped_by_kind_worst_first(crafted):
    health = taxonomy.taxonomy_health(crafted)
    groups = health.by_kind()
    assert [g.kind for g in groups] == ["other_share", "first_level_only", "too_many_options", "near_duplicate",
                                        "unused"]
    other = groups[0]
    assert [f.where for f in other.findings] == ["All reasons", "“Delivery”"]  # high, then medium
    assert other.severity_text == "1 high, 1 medium"
    assert [f.where for f in other.first] == ["All reasons", "“Delivery”"]
    with using_language("nl"):
        assert (other.label, other.severity_text) == ("Aandeel “Overig”", "1 hoog, 1 middel")
        assert t("taxonomy.kind_table", kind=other.label, count=2) == (
            "Aandeel “Overig”: alle 2 bevindingen als tabel")
    assert sum(len(g.findings) for g in groups) == len(health.findings)


def test_similar_pairs_misses_no_pair_and_adds_none(monkeypatch):
    """Blocked by length, the same pairs as scoring every pair, at several thresholds and
    with blocks small enough that pairs straddle them."""
    monkeypatch.setattr(taxonomy, "COMPARE_BLOCK", 7)
    rng = random.Random(4)
    words = ["address", "adress", "payment", "failed", "failure", "change", "exchange", "refund", "late", "a", ""]
    names = [" ".join(rng.sample(words, rng.randint(0, 3))) for _ in range(300)]  # repeats included
    found = {}
    for threshold in (0.5, 0.75, 0.88, 1.0):
        expected = {(i, j) for i, j in combinations(range(len(names)), 2)
                    if taxonomy.similarity_ratio(names[i], names[j]) >= threshold}
        found[threshold] = list(taxonomy.similar_pairs(names, threshold))
        assert sorted(found[threshold]) == sorted(expected), threshold
    assert len(found[0.5]) > len(found[0.88]) > len(found[1.0]) > 0
    with pytest.raises(ValueError, match="threshold must be in"):
        list(taxonomy.similar_pairs(names, 0))


def test_the_ratio_is_never_below_difflibs():
    """``similarity_ratio`` counts the longest common subsequence; difflib's matching
    blocks are one common subsequence, so it can only be lower (and equal on the module's
    documented examples)."""
    rng = random.Random(9)
    for _ in range(500):
        a, b = ("".join(rng.choice("abcde ") for _ in range(rng.randint(0, 12))) for _ in range(2))
        assert taxonomy.similarity_ratio(a, b) >= SequenceMatcher(None, a, b).ratio() - 1e-12
    for a, b in [("failed payment", "failure payment"), ("adress wrong", "address wrong"), ("change", "exchange")]:
        assert taxonomy.similarity_ratio(a, b) == pytest.approx(SequenceMatcher(None, a, b).ratio())


FREE_TEXT = free_text_reasons(2000)
CATEGORIES = ("Delivery", "Billing", "Account", "Product", "Returns", "Service")


@pytest.fixture(scope="module", params=[1, 2], ids=["one_column", "under_six_categories"])
def free_text(request, tmp_path_factory):
    """A store imported from an export of 2,000 distinct free-text reasons: the only
    reason column (level 1), or level 2 under six categories picked at random."""
    rng = random.Random(5)
    parents = [rng.choice(CATEGORIES) for _ in FREE_TEXT.names] if request.param == 2 else None
    conn = open_store(build_free_text_store(tmp_path_factory.mktemp("free_text"), FREE_TEXT.names, parents),
                      read_only=True)
    yield conn, dict(zip(FREE_TEXT.names, parents or [""] * len(FREE_TEXT.names)))
    conn.close()


def test_free_text_reasons_find_the_near_duplicates_and_nothing_else(free_text):
    conn, parent_of = free_text
    assert words_apart() and len(set(FREE_TEXT.names)) == 2000 and len(FREE_TEXT.near_duplicates) == 62
    health = taxonomy.taxonomy_health(conn)
    found = {}
    for finding in _of(health, "near_duplicate"):
        first, second = (finding.numbers[k].split(" > ")[-1] for k in ("first", "second"))
        found[frozenset((first, second))] = finding
    assert set(found) == FREE_TEXT.near_duplicates  # every typo, plural, reordering; no unrelated pair
    assert len(found) == len(_of(health, "near_duplicate"))  # each once
    assert not set(found) & FREE_TEXT.look_alikes
    assert frozenset(("Wrong adress", "Wrong address")) in found
    for pair, finding in found.items():
        first, second = sorted(pair)
        if parent_of[first] == parent_of[second]:
            assert finding.severity == "medium"
            assert finding.where == (f"“{parent_of[first]}”" if parent_of[first] else "Top level")
        else:
            assert finding.severity == "low" and finding.where == "All reasons"
            shown = finding.numbers["first"]
            assert shown == f"{parent_of[shown.split(' > ')[-1]]} > {shown.split(' > ')[-1]}"  # with its branch
    if set(parent_of.values()) != {""}:
        assert {f.severity for f in found.values()} == {"medium", "low"}  # both ways are exercised
    sizes = [(f.severity, f.size) for f in _of(health, "near_duplicate")]
    assert sizes == sorted(sizes, key=lambda s: (taxonomy.SEVERITIES.index(s[0]), -s[1]))  # worst, then biggest
    crowded = {f.where: f.numbers["options"] for f in _of(health, "too_many_options")}
    assert crowded.get("Top level") == (2000 if set(parent_of.values()) == {""} else None)
