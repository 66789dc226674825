"""New reasons found in what customers wrote, on data with a known truth.

Discovery: twenty weeks of Dutch contacts (``tests/support/discovery_texts.py``) with a new
problem ("QR-code retourlabel werkt niet") hidden under "Overig" from week 16 on; it must
come out as a rising candidate within two weeks of its start, and nothing may rise before
it. On a small demo store (200 days, ~300 contacts a day) its hidden problem, written in
twelve wordings, must come out as one rising candidate holding most of its texts, next to
the Returns label reason it resembles, and nothing else may rise; clusters that share a word
but not a time stay apart.

Tree proposal: BANKING77's training split (77 intents, English), whose proposed leaves must
agree with the intents far better than leaves of the same sizes drawn at random; the demo's
Dutch subject lines, read as if the export had no codes, whose first level and leaves must
agree with the reasons they were written for (better than top-down NMF topics did), named by
subjects and never by the fillers of a message or their typos, vague lines under "Overig",
no first-level group holding most of everything; and customers' tweets, whose names must be
words and whose first level must not be one group of nearly everything, as it was.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import normalize

from analytics.access import Actor, Role, acting_as
from analytics.filters import REASON_SEPARATOR
from analytics.text_reasons.discovery import discover_reasons, is_other_path
from analytics.text_reasons.discovery_merge import same_problem_groups
from analytics.text_reasons.discovery_space import text_vectoriser
from analytics.text_reasons.discovery_trend import all_iso_weeks, rise, weekly_counts
from analytics.text_reasons.discovery_words import cleaned_text, content_words
from analytics.text_reasons.store_suggestions import (discover_store_reasons, propose_store_tree,
                                                       reason_paths_with_text)
from analytics.text_reasons import tree_grouping
from analytics.text_reasons.tree_grouping import micro_topics, without_catch_all
from analytics.text_reasons.tree_names import commoner_spellings, node_name
from analytics.text_reasons.tree_proposal import propose_reason_tree, texts_would_help
from tests.support.discovery_texts import (DEMO_HIDDEN, DEMO_VAGUE, FIRST_DAY, NEW_PROBLEM, OTHER_PATH,
                                           demo_text_truth, discovery_contacts)
from tests.support.stores import run_cli

REAL = Path(__file__).resolve().parent / "data" / "real"
PROBLEM_START = pd.Timestamp(FIRST_DAY + timedelta(weeks=16))
KEY_TERMS = ("qr", "retourlabel")
DEMO = ["--days", "200", "--contacts-per-day", "300", "--seed", "7", "--end", "2026-06-30"]
# Words of a message that say nothing about why it was written: none may name a node.
FILLERS = {"vraag", "hallo", "goedemiddag", "graag", "even", "help", "bericht", "klantenservice", "dank", "alvast",
           "groet", "urgent", "dringend", "re", "fw", "question", "hello", "please", "thanks", "regards", "message"}


@pytest.fixture(scope="module")
def contacts() -> pd.DataFrame:
    return discovery_contacts(problem_start=PROBLEM_START.date(), seed=0)


@pytest.fixture(scope="module")
def two_weeks_in(contacts) -> tuple[pd.DataFrame, list]:
    """The contacts up to the problem's 14th day, and the candidates found in them."""
    seen = contacts[contacts["day"] <= PROBLEM_START + pd.Timedelta(days=13)]
    return seen, discover_reasons(seen["text"], seen["day"], seen["recorded_path"])


def _about_problem(candidate) -> bool:
    return any(term in candidate.name for term in KEY_TERMS)


def test_new_problem_is_found_rising_within_two_weeks(two_weeks_in):
    seen, candidates = two_weeks_in
    found = [c for c in candidates if _about_problem(c)]
    assert len(found) == 1, [c.name for c in candidates]
    problem = found[0]
    assert problem.is_rising and candidates[0] is problem
    assert "qr code" in problem.name and "retourlabel" in problem.name
    # The candidate is the problem: all its texts, nothing else among its examples.
    truth = seen["truth"]
    assert problem.size >= 0.9 * (truth == NEW_PROBLEM).sum()
    assert (truth[list(problem.member_ids)] == NEW_PROBLEM).sum() >= 0.9 * (truth == NEW_PROBLEM).sum()
    assert (truth[list(problem.example_ids)] == NEW_PROBLEM).all()
    assert problem.closest_reason == "Retouren > Retour aanmelden"
    weeks = problem.weekly_counts
    assert weeks.index[0] == "2025-W02" and len(weeks) == 18
    assert weeks.iloc[:16].sum() == 0 and weeks.iloc[-2:].min() > 0
    assert problem.rise.recent_count == problem.size and problem.rise.p_value < 1e-10


def test_only_the_new_problem_rises_and_stable_reasons_do_not(two_weeks_in):
    _, candidates = two_weeks_in
    assert [c.name for c in candidates if c.is_rising] == [candidates[0].name]
    login = [c for c in candidates if c.closest_reason == "Account > Inloggen" and "inloggen" in c.name]
    assert login and not any(c.is_rising for c in login)
    assert 0.5 < login[0].rise.recent_share / login[0].rise.earlier_share < 2


def test_nothing_rises_before_the_problem_starts(contacts):
    before = contacts[contacts["day"] < PROBLEM_START]
    candidates = discover_reasons(before["text"], before["day"], before["recorded_path"])
    assert len(candidates) >= 10
    assert not [c.name for c in candidates if c.is_rising]
    assert not [c.name for c in candidates if _about_problem(c)]


def test_an_export_without_reason_codes_clusters_every_text(contacts):
    sample = contacts[contacts["day"] < PROBLEM_START].sample(3000, random_state=1)
    candidates = discover_reasons(sample["text"], sample["day"])
    assert sum(c.size for c in candidates) > 0.8 * len(sample)
    assert all(c.closest_reason is None and np.isnan(c.closest_similarity) for c in candidates)
    names = " | ".join(c.name for c in candidates)
    assert "inloggen" in names and "factuur" in names and "pakket" in names


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("discovery_demo") / "demo.duckdb"
    run_cli("demo", "--db", str(path), *DEMO)
    return path


def _texts(conn, ids=None) -> pd.Series:
    rows = conn.execute("select contact_id, text from contacts where text is not null").df()
    texts = rows.set_index("contact_id")["text"]
    return texts if ids is None else texts.reindex(ids)


@pytest.fixture(scope="module")
def demo_discovery(small_demo):
    """The candidates discovered in the demo store, what each of its texts was written
    about, the store's reason paths with texts, and its truth about the hidden problem."""
    conn = duckdb.connect(str(small_demo), read_only=True)
    with acting_as(Actor("test", Role.EDITOR)):
        found = discover_store_reasons(conn)
        paths = set(reason_paths_with_text(conn)["path"])
    truth = demo_text_truth(_texts(conn))
    conn.close()
    return found, truth, paths, json.loads(small_demo.with_suffix(".truth.json").read_text())["hidden_problem"]


def test_demo_hidden_problem_is_one_rising_candidate(demo_discovery):
    """Before, its twelve wordings came out as up to nine candidates (three of them rising),
    the largest holding at most a quarter of its texts; measured now: one, holding 97 %."""
    found, truth, paths, expected = demo_discovery
    hidden = truth.index[truth == DEMO_HIDDEN]
    assert len(hidden) == expected["contacts"]
    holding = [len(hidden.intersection(candidate.member_ids)) for candidate in found.candidates]
    about = [c for c, held in zip(found.candidates, holding) if held > c.size / 2]
    assert len(about) == 1, [(c.name, held) for c, held in zip(found.candidates, holding) if held]
    [problem] = about
    assert problem.is_rising and found.rising == [problem]
    assert holding[found.candidates.index(problem)] >= 0.8 * len(hidden)
    assert any(term in problem.name for term in KEY_TERMS), problem.name
    assert problem.closest_reason.startswith("Returns > Label > ")
    if expected["closest_reason"] in paths:  # the demo's tree has that reason, and texts filed under it
        assert expected["closest_reason"] in (problem.closest_reason, *problem.next_closest)


def test_clusters_merge_when_they_share_a_word_and_a_time():
    """Two wordings of a new problem (the last four weeks) that share "qr" are one group;
    two steady problems that share "pakket" stay two, and so do a new and a steady one
    that share "retour"."""
    rng = np.random.default_rng(0)
    first = pd.Timestamp("2025-01-06")
    steady = lambda n: [first + pd.Timedelta(days=int(d)) for d in rng.integers(0, 140, n)]  # noqa: E731
    recent = lambda n: [first + pd.Timedelta(days=int(d)) for d in rng.integers(112, 140, n)]  # noqa: E731
    wordings = [("pakket kwijt", steady(150)), ("pakket beschadigd", steady(150)),
                ("qr code retour scannen mislukt", recent(60)), ("qr code ongeldig", recent(60)),
                ("retour aanmelden", steady(150)), ("factuur klopt niet", steady(300))]
    texts = pd.Series([text for text, days in wordings for _ in days])
    days = pd.Series([day for _, days in wordings for day in days])
    labels = np.repeat(np.arange(len(wordings)), [len(days) for _, days in wordings])
    vectoriser = text_vectoriser(len(texts))
    tfidf = vectoriser.fit_transform(texts).tocsr()
    groups = same_problem_groups(tfidf, vectoriser.get_feature_names_out(), labels, days, list(range(len(wordings))))
    assert sorted(sorted(group) for group in groups) == [[0], [1], [2, 3], [4], [5]]


@pytest.mark.parametrize(("kinds", "paths", "why"), [
    ([], [("Not coded", 500)], "no_codes"),
    (["other_share"], [("Other", 400), ("Order", 100)], "no_codes"),
    (["other_share", "unused"], [("Other", 400), ("Order", 100), ("Delivery", 100)], "other_share"),
    (["first_level_only"], [("Order", 100), ("Delivery", 100)], "first_level_only"),
    (["near_duplicate"], [("Order", 100), ("Delivery", 100)], None),
    ([], [("Order", 100), ("Delivery", 100), ("Billing", 0)], None),
])
def test_texts_would_help_where_the_reasons_are_unhealthy(kinds, paths, why):
    reasons = pd.DataFrame({"reason_l1": [p for p, _ in paths], "reason_l2": "", "reason_l3": "",
                            "contacts_90d": [n for _, n in paths]})
    assert texts_would_help(kinds, reasons) == why


def test_discovery_declines_what_it_cannot_answer(contacts):
    few = contacts.head(200)
    with pytest.raises(ValueError, match="share one index"):
        discover_reasons(few["text"], few["day"].reset_index(drop=True))
    labelled = few[few["recorded_path"] != OTHER_PATH].head(29)
    with pytest.raises(ValueError, match="at least 30 texts"):
        discover_reasons(labelled["text"], labelled["day"])


@pytest.mark.parametrize(("path", "other"), [
    ("Overig", True), ("Billing > Other", True), ("", True), (None, True), (float("nan"), True),
    ("Retouren > Retour aanmelden", False), ("Otherworld > Tickets", False),
])
def test_other_like_paths(path, other):
    assert is_other_path(path) is other


def _days(counts: dict[str, int]) -> pd.Series:
    """One day per text: ``{"2025-03-01": 3}`` is three texts on 1 March."""
    return pd.Series(pd.to_datetime([day for day, count in counts.items() for _ in range(count)]))


def _daily(first: str, days: int, per_day: int) -> dict[str, int]:
    return {str((pd.Timestamp(first) + pd.Timedelta(days=offset)).date()): per_day for offset in range(days)}


def test_rising_rule():
    last = pd.Timestamp("2025-03-28")  # the recent window is 15-28 March
    everything = _days(_daily("2025-01-01", 87, 20))
    # Stable at 5% of the texts: not rising.
    stable = everything.iloc[::20]
    assert not rise(stable, everything, last).is_rising
    # New in the window with 10 texts: rising; with 9, too few to call.
    assert rise(_days({"2025-03-20": 10}), everything, last).is_rising
    assert not rise(_days({"2025-03-20": 9}), everything, last).is_rising
    # Share up by half on many texts: significant, but not a doubling.
    busy = _days(_daily("2025-01-01", 87, 1000))
    earlier, recent = busy[busy < "2025-03-15"].iloc[::10], busy[busy >= "2025-03-15"].iloc[::7]
    verdict = rise(pd.concat([earlier, recent]), busy, last)
    assert verdict.p_value < 1e-6 and not verdict.is_rising
    # Fewer than 14 earlier days with texts: no reference, no verdict.
    short = _days(_daily("2025-03-05", 24, 20))
    assert not rise(_days({"2025-03-20": 30}), short, last).is_rising


def test_weekly_counts_follow_iso_weeks():
    weeks = all_iso_weeks(pd.Timestamp("2024-12-25"), pd.Timestamp("2025-01-14"))
    assert weeks == ["2024-W52", "2025-W01", "2025-W02", "2025-W03"]
    counts = weekly_counts(_days({"2024-12-30": 2, "2025-01-05": 1, "2025-01-14": 4}), weeks)
    assert counts.tolist() == [0, 3, 0, 4]


def test_text_cleaning_keeps_words_only():
    text = "@AmazonHelp QR-code &amp; café!! https://t.co/abc123 mail me: a.b@example.com #Refund 😡 2x"
    assert content_words(text) == ["qr", "code", "cafe", "mail", "refund"]
    assert content_words("ご丁寧にありがとうございます") == ["ご丁寧にありがとうございます"]
    assert "http" not in cleaned_text(text) and "@" not in cleaned_text(text)


@pytest.fixture(scope="module")
def banking() -> tuple[pd.DataFrame, object]:
    train = pd.read_csv(REAL / "banking77" / "train.csv")
    return train, propose_reason_tree(train["text"])


def _assert_tree_shape(tree, texts: pd.Series, max_per_level: int, levels: int) -> None:
    paths = {node.path for node in tree.nodes}
    for parent in ["", *paths]:
        children = tree.options(parent)
        assert len(children) <= max_per_level, parent
        if children and parent:
            assert sum(child.size for child in children) == next(n.size for n in tree.nodes if n.path == parent)
    assert sum(node.size for node in tree.options()) == len(texts)
    assert tree.assignment.index.equals(texts.index)
    assert tree.assignment.notna().all() and tree.assignment.isin(paths).all()
    assert max(node.depth for node in tree.nodes) <= levels
    for node in tree.nodes:
        siblings = [n.name for n in tree.options(node.path.rpartition(REASON_SEPARATOR)[0])]
        assert siblings.count(node.name) == 1


def _purity(groups: pd.Series, truth: pd.Series) -> float:
    """Share of texts whose group's most common true label is their own."""
    return float(pd.crosstab(groups, truth).max(axis=1).sum() / len(truth))


def test_tree_on_banking77_agrees_with_the_intents(banking):
    train, tree = banking
    _assert_tree_shape(tree, train["text"], max_per_level=7, levels=2)
    assert len(tree.options()) == 7 and tree.assignment.nunique() >= 30
    leaves, truth = tree.assignment, train["category"]
    shuffled = pd.Series(np.random.default_rng(0).permutation(leaves.to_numpy()), index=leaves.index)
    agreement, chance = adjusted_rand_score(truth, leaves), adjusted_rand_score(truth, shuffled)
    purity, chance_purity = _purity(leaves, truth), _purity(shuffled, truth)
    # Measured: adjusted Rand 0.21 against 0.00, purity 0.33 against 0.035 (seeds 0-2: 0.18-0.21,
    # 0.31-0.33); top-down NMF topics, as before, gave 0.18 and 0.34, k-means clusters grouped by
    # Ward's method 0.15-0.16 and 0.27-0.30.
    assert agreement > 0.15 and chance < 0.01
    assert purity > 0.25 and purity > 5 * chance_purity


def test_tree_names_on_banking77_say_what_the_group_is_about(banking):
    train, tree = banking
    names = " ".join(node.name for node in tree.nodes)
    for word in ("card", "transfer", "exchange", "pin", "cash"):
        assert word in names
    for node in tree.nodes:
        parent = node.path.rpartition(REASON_SEPARATOR)[0]
        if parent:  # a child does not repeat the words of its parent's name
            assert not set(node.name.split()) & set(parent.replace("·", " ").split()) - {">"}


@pytest.fixture(scope="module")
def demo_tree(small_demo):
    """The tree proposed from the demo store's texts as if it had no reason codes, and what
    each text was written about."""
    conn = duckdb.connect(str(small_demo), read_only=True)
    with acting_as(Actor("test", Role.EDITOR)):
        proposed = propose_store_tree(conn)
    truth = demo_text_truth(_texts(conn, proposed.tree.assignment.index))
    conn.close()
    return proposed.tree, truth


def test_demo_tree_is_named_by_subjects_not_fillers(demo_tree):
    tree, truth = demo_tree
    _assert_tree_shape(tree, truth, max_per_level=7, levels=2)
    words = {word for node in tree.nodes for word in node.name.replace(" · ", " ").split()}
    assert not words & FILLERS
    top = tree.options()
    top_names = " ".join(node.name for node in top)
    for subject in ("pakket", "retour", "annuleren", "track trace", "factuur"):
        assert subject in top_names, top_names
    # The demo swaps two letters of a line's longest word now and then: "fcatuur", "bsetelling".
    assert not words & {"fcatuur", "bsetelling", "varag", "mtaeriaal", "seteds"}, words
    # Vague lines ("Vraag", "hallo??", "Re: info", "graag contact") under "Overig", never leading a group.
    assert top[-1].name == "Overig"
    assert (truth[tree.assignment == "Overig"] == DEMO_VAGUE).all()
    worded = tree.assignment[tree.assignment != "Overig"]
    vague = (truth == DEMO_VAGUE).reindex(worded.index)
    first = worded.str.split(REASON_SEPARATOR).str[0]
    assert vague.groupby(first).mean().max() < 0.12  # measured 10 % ("zie mail" beside "maat"), 6 % before
    # Lines of one vague wording stay together, so a leaf can be mostly theirs ("zie mail" and
    # "nieuw e-mail adres"; "graag cnotact"): measured 1.4 % of the worded texts in such leaves.
    mostly_vague = vague.groupby(worded).mean().loc[lambda share: share > 0.5].index
    assert worded.isin(mostly_vague).mean() < 0.03


def test_demo_tree_agrees_with_the_reasons_the_texts_were_written_for(demo_tree):
    tree, truth = demo_tree
    leaves = tree.assignment
    shuffled = pd.Series(np.random.default_rng(0).permutation(leaves.to_numpy()), index=leaves.index)
    first, true_first = (paths.str.split(REASON_SEPARATOR).str[0] for paths in (leaves, truth))
    shuffled_first = shuffled.str.split(REASON_SEPARATOR).str[0]
    # Measured: first level adjusted Rand 0.24 against 0.00 at random, purity 0.51 against 0.27;
    # leaves 0.32 and 0.46 against 0.08. Top-down NMF topics, as before, gave 0.17 and 0.48, leaves
    # 0.24 and 0.42; Ward's groups of k-means clusters (fillers naming nodes) 0.08 and 0.39, 0.17
    # and 0.36.
    assert adjusted_rand_score(true_first, first) > 0.2 and adjusted_rand_score(true_first, shuffled_first) < 0.01
    assert _purity(first, true_first) > 0.49 and _purity(first, true_first) > _purity(shuffled_first, true_first) + 0.2
    assert adjusted_rand_score(truth, leaves) > 0.28
    assert _purity(leaves, truth) > 4 * _purity(shuffled, truth)
    # No catch-all: the largest first-level group holds 29 % of the worded texts; Delivery, the
    # largest true one, 28 % of all.
    assert first[leaves != "Overig"].value_counts(normalize=True).iloc[0] <= 0.3


@pytest.mark.parametrize("levels", [2, 3])
def test_tree_on_tweets_has_readable_names(levels):
    tweets = pd.read_csv(REAL / "twcs_sample.csv")
    inbound = tweets.loc[tweets["inbound"].eq(True), "text"]  # one row's flag is missing
    tree = propose_reason_tree(inbound, levels=levels)
    _assert_tree_shape(tree, inbound, max_per_level=7, levels=levels)
    for node in tree.nodes:
        words = node.name.replace(" · ", " ").split()
        assert all(re.fullmatch(r"[^\W\d_]{2,}", word) for word in words), node.name  # letters of any script
        assert not {"http", "https", "co", "www", "amp"} & set(words), node.name
    assert tree.options()[-1].name == "Other"  # tweets of only mentions, links and emoji
    # Tweets to many brands about everything: top-down NMF topics put 66 % of them in one group.
    first = tree.assignment[tree.assignment != "Other"].str.split(REASON_SEPARATOR).str[0]
    assert first.value_counts(normalize=True).iloc[0] <= 0.3


def test_a_catch_all_group_is_split_and_two_alike_groups_merged():
    # Ten topics of 10 texts: 0-2 alike, 3-5 alike, 6 and 7 alike, 8 and 9 each on their own;
    # one group holds 0-5, 60 % of the texts.
    alike = [(0, 1, 2), (3, 4, 5), (6, 7)]
    affinity = np.full((10, 10), 1.0)
    for block in alike:
        affinity[np.ix_(block, block)] = 50.0
    np.fill_diagonal(affinity, 100.0)
    labels = without_catch_all(np.array([0, 0, 0, 0, 0, 0, 1, 2, 3, 4]), affinity, np.full(10, 10.0))
    assert labels.max() == 4  # as many groups as before
    assert np.bincount(labels).max() <= 3  # no group above 30 %
    for block in alike:  # what is alike stays together: the split is 0-2 | 3-5, the merger 6 + 7
        assert len(set(labels[list(block)])) == 1
    assert labels[0] != labels[3]


def test_names_skip_repeated_words_and_typos():
    spellings = commoner_spellings(np.array(["retour", "retourlabel", "fcatuur", "factuur", "kosten"]),
                                   np.array([50, 20, 3, 40, 30]))
    assert node_name(["retour", "retourlabel", "fcatuur", "factuur"], spellings) == "retour · factuur"
    assert node_name(["retourlabel", "retour", "kosten"], spellings) == "retourlabel · kosten"
    assert node_name(["varag", "kosten"], spellings) == "kosten"  # a typo of the filler "vraag"
    assert node_name(["fcatuur"], spellings) == "fcatuur"  # nothing else to go by
    assert node_name(["retour", "kosten", "factuur"], spellings, taken={"retour · kosten"}) == \
        "retour · kosten · factuur"


def test_micro_topics_keep_repeated_texts_together(monkeypatch):
    texts = pd.Series([f"pakket {word} kwijt" for word in ("rood", "blauw", "groen")] * 20
                      + [f"factuur {n} klopt niet" for n in ("kopie", "btw", "bedrag", "naam")] * 10)
    rows = normalize(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit_transform(texts))
    labels = micro_topics(rows)
    assert pd.Series(labels).groupby(texts.to_numpy()).nunique().max() == 1  # one topic per distinct text
    assert labels.max() + 1 == texts.nunique()
    monkeypatch.setattr(tree_grouping, "MICRO_TOPICS", 2)  # fewer than the distinct texts: k-means
    labels = pd.Series(micro_topics(rows))
    assert labels.nunique() == 2 and labels.groupby(texts.str.split().str[0].to_numpy()).nunique().max() == 1


def test_tree_declines_what_it_cannot_answer():
    with pytest.raises(ValueError, match="at least 2 options"):
        propose_reason_tree(pd.Series(["a text"] * 50), max_per_level=1)
    with pytest.raises(ValueError, match="at least 20 texts"):
        propose_reason_tree(pd.Series(["card lost", "@someone", "😀"] * 6))
