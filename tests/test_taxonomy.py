"""Taxonomy health on a crafted tree with known problems: eight top-level options, 30%
"Other", a duplicate pair, an unused reason and contacts that stop at the first level."""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import pytest

from analytics import taxonomy
from analytics.aggregates import refresh_contact_days
from analytics.store import open_store

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
