"""The demo's subject lines and the problem hidden inside "Other": every contact has a line
in Dutch from its reason's wordings (at least five per leaf, none holding personal data),
the same seed writes the same lines, and the hidden problem's contacts are exactly what the
truth file says, day by day, rising from its start, on top of the volumes that were there."""

from __future__ import annotations

import json
from datetime import date, timedelta

import duckdb
import numpy as np
import pytest

from analytics.demo import DemoSettings, build_demo_store, truth_path_for
from analytics.demo.hidden_problem import CLOSEST_REASON, start_day
from analytics.demo.reason_tree import demo_reasons
from analytics.demo.subject_templates import HIDDEN_PROBLEM, PREFIXES, SUBJECTS, SUFFIXES, VAGUE
from analytics.demo.texts import PLACEHOLDERS, typo_of
from analytics.demo.volumes import demo_volumes
from analytics.text_reasons.masking import masked_text

SETTINGS = DemoSettings(end=date(2026, 6, 30), days=120, contacts_per_day=400, seed=5)
HIDDEN = "lower(text) like '%qr%'"  # only the hidden problem's wordings name a QR code


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo_texts") / "contacts.duckdb"
    build_demo_store(path, SETTINGS)
    conn = duckdb.connect(str(path), read_only=True)
    yield conn, json.loads(truth_path_for(path).read_text(encoding="utf-8")), path
    conn.close()


def test_every_leaf_has_five_wordings_or_more_and_the_tree_no_more():
    paths = {r.path for r in demo_reasons()}
    assert set(SUBJECTS) == paths
    assert min(len(lines) for lines in SUBJECTS.values()) >= 5
    for lines in SUBJECTS.values():
        assert len(set(lines)) == len(lines)
        assert all(sum(p in line for p in PLACEHOLDERS) <= 1 for line in lines)
    assert all("qr" not in line.lower() for lines in SUBJECTS.values() for line in lines)


def test_no_wording_holds_what_masking_would_take():
    filled = [line.replace("{order}", "1234567").replace("{amount}", "12,50").replace("{days}", "5")
              for lines in [*SUBJECTS.values(), VAGUE, HIDDEN_PROBLEM] for line in lines]
    noisy = [prefix + line + suffix for line in filled for prefix in ("", *PREFIXES) for suffix in ("", *SUFFIXES)]
    assert [line for line in noisy if masked_text(line) != line] == []
    assert [typo_of(line) for line in filled if masked_text(typo_of(line)) != typo_of(line)] == []


def test_a_typo_swaps_two_letters_of_the_longest_word():
    assert typo_of("Bestelling {order} nooit aangekomen") == "Bsetelling {order} nooit aangekomen"
    assert typo_of("vraag") == "varag"
    assert typo_of("??") == "??"


def test_every_contact_has_a_line_and_other_gets_vague_or_misfiled_ones(demo):
    conn, _, _ = demo
    contacts, with_text, distinct = conn.execute(
        "select count(*), count(text), count(distinct text) from contacts").fetchall()[0]
    assert contacts == with_text and distinct > 300
    own = set(SUBJECTS["Other"])
    elsewhere = {line for path, lines in SUBJECTS.items() if path != "Other" for line in lines}
    other_texts = [row[0] for row in conn.execute(
        f"select text from contacts where reason_l1 = 'Other' and not ({HIDDEN})").fetchall()]
    # Lines as written, without a greeting, "??" or a typo: about a third each.
    assert 0.2 < np.mean([text in own for text in other_texts]) < 0.5
    assert 0.2 < np.mean([text in elsewhere for text in other_texts]) < 0.5
    samples = conn.execute("select reason_l1, reason_l2, text from contacts where reason_l3 = 'Track and trace'"
                           " limit 200").fetchall()
    assert any("track" in text.lower() or "trace" in text.lower() for _, _, text in samples)


def test_the_same_seed_writes_the_same_lines(demo, tmp_path):
    conn, _, _ = demo
    again = tmp_path / "again.duckdb"
    build_demo_store(again, SETTINGS)
    digest = "select sum(hash(contact_id, text)) from contacts"
    with duckdb.connect(str(again), read_only=True) as other:
        assert other.execute(digest).fetchall() == conn.execute(digest).fetchall()


def test_the_hidden_problem_is_where_and_when_the_truth_says(demo):
    conn, truth, _ = demo
    hidden = truth["hidden_problem"]
    starts_on = date.fromisoformat(hidden["starts_on"])
    assert starts_on == start_day(SETTINGS.end) and starts_on.weekday() == 0
    assert 35 <= (SETTINGS.end - starts_on).days <= 41
    assert (hidden["reason"], hidden["closest_reason"]) == ("Other", CLOSEST_REASON)
    stored = dict(conn.execute(
        f"select started_at::date, count(*) from contacts where {HIDDEN} group by 1").fetchall())
    assert {d.isoformat(): n for d, n in stored.items()} == {d: n for d, n in hidden["daily_contacts"].items() if n}
    assert sum(stored.values()) == hidden["contacts"] > 0
    assert min(stored) >= starts_on
    filed = conn.execute(f"select distinct reason_l1, reason_l2, reason_l3 from contacts where {HIDDEN}").fetchall()
    assert filed == [("Other", "", "")]
    counts = [hidden["daily_contacts"][(starts_on + timedelta(days=i)).isoformat()] for i in range(35)]
    assert np.mean(counts[-14:]) > 2 * np.mean(counts[:14])  # a rising problem


def test_the_hidden_problem_adds_contacts_and_takes_none_away(demo):
    conn, _, _ = demo
    volumes = demo_volumes(SETTINGS.first_day, SETTINGS.days, SETTINGS.contacts_per_day, SETTINGS.seed)
    expected = dict(zip(volumes.days, volumes.counts.sum(axis=(1, 2)).tolist()))
    stored = dict(conn.execute(
        f"select started_at::date, count(*) from contacts where not ({HIDDEN}) group by 1").fetchall())
    assert stored == expected
