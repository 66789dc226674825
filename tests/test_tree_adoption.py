"""Adopting a proposed reason tree, on the demo's texts exported without reason codes: the
editor's names rename, merge, fold and leave out options as the rules say; every uncoded
contact with words moves to its option's adopted path, the sample where the tree put it and
the others to the option their text is most like (right for most texts of a known truth,
held out); the recorded reason is kept, the adopted names join the reason tree (filters,
owners, Health), the aggregates equal a rebuild, an undo restores everything; a bad name, a
viewer and a tree with nothing named are refused with the store unchanged."""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pytest

from analytics import catalog
from analytics.access import AccessDenied, Actor, Role, acting_as
from analytics.filters import REASON_SEPARATOR
from analytics.i18n import t, using_language
from analytics.queries import run_query
from analytics.store import data_version, open_store
from analytics.text_reasons import review
from analytics.text_reasons.store_suggestions import propose_store_tree
from analytics.text_reasons.tree_adoption import (adopt_tree, adopted_paths, adopted_reasons, adoption_targets,
                                                  cleaned_name, nearest_options)
from analytics.text_reasons.tree_proposal import ReasonNode
from tests.support.stores import run_cli, uncode
from tests.test_reason_review import AGGREGATES, aggregate_rows, contacts_frame, rebuilt_rows

EDITOR = Actor("erin@example.org", Role.EDITOR)
VIEWER = Actor("vera@example.org", Role.VIEWER)
SAMPLE = 3000  # fewer than the store's texts: the others go to the nearest option


def _node(path: str) -> ReasonNode:
    return ReasonNode(path, path.split(REASON_SEPARATOR)[-1], path.count(REASON_SEPARATOR) + 1, 10, (), ())


NODES = [_node(p) for p in ("pakket", "pakket > kwijt", "pakket > laat", "pakket > schade", "factuur",
                            "factuur > dubbel", "retour", "Overig")]


def test_names_rename_merge_fold_and_leave_out_options():
    paths = adopted_paths(NODES, {
        "pakket": "Bezorging",                        # renamed: its children follow
        "pakket > kwijt": "Niet ontvangen",
        "pakket > laat": "  Niet   ontvangen ",       # the same name as a sibling: one option
        "pakket > schade": "",                        # no name: joins its parent
        "factuur": "",                                # no name on the first level: not adopted
        "retour": "Anders",                           # an "Other"-like name: not adopted
    })
    assert paths == {
        "pakket": "Bezorging", "pakket > kwijt": "Bezorging > Niet ontvangen",
        "pakket > laat": "Bezorging > Niet ontvangen", "pakket > schade": "Bezorging",
        "factuur": "", "factuur > dubbel": "", "retour": "", "Overig": "",
    }
    assert adopted_reasons(NODES, {"pakket > schade": "", "factuur": "Factuur"}) == [
        "Factuur > dubbel", "pakket", "pakket > kwijt", "pakket > laat", "retour"]
    # The tree's own "Other" (texts without a word) is never adopted, even renamed.
    assert adopted_paths(NODES, {"Overig": "Vragen"})["Overig"] == ""
    # No names given: the proposal as it is, but its "Other" never adopted.
    assert adopted_paths(NODES, {})["pakket > kwijt"] == "pakket > kwijt"
    assert adopted_paths(NODES, {})["Overig"] == ""


def test_a_second_level_option_named_with_a_path_moves_there():
    """A mixed proposed group is split by moving one subject's options out, to a new
    first-level option or an existing one; its own children follow it."""
    nodes = NODES + [_node("pakket > kwijt > buren")]
    paths = adopted_paths(nodes, {
        "pakket": "Bezorging",
        "pakket > kwijt": " Account >  Inloggen ",    # moved under a new first-level option
        "pakket > kwijt > buren": "Code",             # follows the option above it
        "pakket > laat": "Factuur > Te laat",         # moved under an existing one (renamed "factuur")
        "factuur": "Factuur",
        "factuur > dubbel": "Account >",              # moved, its own name empty: joins "Account"
        "retour": "",                                 # not adopted ...
        "pakket > schade": "Overig > Schade",         # ... nor is a move under an "Other"-like name
    })
    assert paths["pakket > kwijt"] == "Account > Inloggen"
    assert paths["pakket > kwijt > buren"] == "Account > Inloggen > Code"
    assert paths["pakket > laat"] == "Factuur > Te laat"
    assert paths["factuur > dubbel"] == "Account"
    assert paths["pakket > schade"] == "" and paths["retour"] == ""
    assert paths["pakket"] == "Bezorging" and paths["factuur"] == "Factuur"
    assert adopted_reasons(nodes, {"pakket > kwijt": "Account > Inloggen", "factuur > dubbel": "Account > Dubbel",
                                   "factuur": ""}) == [
        "Account > Dubbel", "Account > Inloggen > buren", "pakket > laat", "pakket > schade", "retour"]
    # A parent typed in other capitals is the option of that name, as the option spells itself.
    assert adopted_paths(NODES, {"factuur": "Factuur", "pakket > laat": "FACTUUR > Te laat"})["pakket > laat"] == \
        "Factuur > Te laat"
    assert adopted_reasons(NODES, {"pakket > kwijt": "Account > Inloggen", "pakket > laat": "account > Wachtwoord"}
                           )[:2] == ["Account > Inloggen", "Account > Wachtwoord"]
    # Moved onto an option in other capitals, or joining it: the option keeps its own spelling.
    onto = adopted_paths(NODES, {"pakket > laat": "factuur > DUBBEL", "factuur": "Factuur"})
    assert onto["pakket > laat"] == onto["factuur > dubbel"] == "Factuur > dubbel"
    assert adopted_paths(NODES, {"factuur": "Factuur", "pakket > laat": "FACTUUR >"})["pakket > laat"] == "Factuur"
    # Moved out of a first-level option that is not adopted: the move still counts.
    assert adopted_paths(NODES, {"factuur": "", "factuur > dubbel": "Betaling > Dubbel"})["factuur > dubbel"] == \
        "Betaling > Dubbel"


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("typed", ["Account > Inloggen > Code", " > Inloggen", "Account", "Levering >48 uur",
                                   "Retour->geld", "Account>Inloggen"])
def test_a_move_with_the_wrong_number_of_levels_is_refused_in_the_users_words(language, typed):
    names = {"pakket > kwijt": typed} if typed != "Account" else {"pakket": "Account > Inloggen"}
    with using_language(language):
        with pytest.raises(ValueError) as refused:
            adopted_paths(NODES, names)
    if typed == "Account":
        assert str(refused.value) == t("tree_adoption.separator", language, name="Account > Inloggen")
    else:
        assert str(refused.value) == t("tree_adoption.move_levels", language, name=" ".join(typed.split()),
                                       levels=2, example="… > …")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_name_with_the_level_separator_or_too_long_is_refused_in_the_users_words(language):
    with using_language(language):
        with pytest.raises(ValueError) as separator:
            cleaned_name("Bezorging > laat")
        with pytest.raises(ValueError) as long:
            cleaned_name("x" * 81)
    assert str(separator.value) == t("tree_adoption.separator", language, name="Bezorging > laat")
    assert "80" in str(long.value)
    assert cleaned_name(None) == "" and cleaned_name(" Factuur ") == "Factuur"


@pytest.fixture(scope="module")
def coded_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("adoption") / "contacts.duckdb"
    run_cli("demo", "--db", str(path), "--days", "60", "--contacts-per-day", "150", "--seed", "7",
            "--end", "2026-06-30")
    return path


@pytest.fixture(scope="module")
def uncoded_file(coded_file, tmp_path_factory):
    """The demo exported without reason codes: every contact "Not coded"."""
    path = tmp_path_factory.mktemp("adoption-uncoded") / "contacts.duckdb"
    shutil.copy(coded_file, path)
    return uncode(path)


def test_texts_go_to_the_option_they_are_most_like_on_a_held_out_split(coded_file):
    """Known truth: the demo writes each subject line for its reason. Options learned from
    two thirds of the texts, the held-out third goes to the right first level for most."""
    conn = duckdb.connect(str(coded_file), read_only=True)
    rows = conn.execute("select contact_id, text, reason_l1 from contacts where text is not null "
                        "and reason_l1 <> 'Other' order by contact_id").df()
    conn.close()
    held_out = rows.index % 3 == 0
    nearest = nearest_options(rows.loc[~held_out, "text"], rows.loc[~held_out, "reason_l1"], rows.loc[held_out, "text"])
    truth = rows.loc[held_out, "reason_l1"]
    worded = nearest.notna()
    right = (nearest[worded] == truth[worded]).mean()
    chance = truth.value_counts(normalize=True).max()
    # Measured: 0.87 right against 0.32 for always the largest reason; 96 % have a word.
    assert right > 0.75 and right > 2 * chance, (right, chance)
    assert worded.mean() > 0.9


def _proposal(conn):
    with acting_as(EDITOR):
        return propose_store_tree(conn, max_texts=SAMPLE)


@pytest.fixture
def uncoded(uncoded_file, tmp_path):
    path = tmp_path / "contacts.duckdb"
    shutil.copy(uncoded_file, path)
    conn = open_store(path)
    yield conn
    conn.close()


def test_adopting_moves_every_uncoded_contact_with_words_and_keeps_the_recorded_reason(uncoded):
    proposal = _proposal(uncoded)
    tree = proposal.tree
    first = [node for node in tree.options() if node.name != "Overig"]
    names = {first[0].path: "Bezorging", first[1].path: ""}  # one renamed, one left out
    before = contacts_frame(uncoded)
    targets = adoption_targets(uncoded)
    assert len(targets) > SAMPLE and proposal.texts == SAMPLE

    heard = []
    with acting_as(EDITOR):
        result = adopt_tree(uncoded, tree.nodes, tree.assignment, names, lambda *step: heard.append(step))

    # How far it got, in order, for the page's progress bar.
    assert [step for _, step in heard][:2] == ["reading", "matching"] and heard[-2:] == [(0.8, "writing"), (1.0, "done")]
    fractions = [fraction for fraction, _ in heard]
    assert fractions == sorted(fractions) and len(heard) > 4  # the matching reports per chunk
    after = contacts_frame(uncoded).set_index("contact_id")
    paths = adopted_paths(tree.nodes, names)
    moved = after[after["recorded_l1"] != "-"]
    assert result.changed == len(moved) and result.skipped == 0 and result.days > 0
    assert (moved["recorded_l1"] == "Not coded").all()
    # The sample's contacts are where the tree put them, under the adopted names.
    expected = tree.assignment.map(paths)
    sample_moved = expected[expected != ""]
    got = after.loc[sample_moved.index, ["reason_l1", "reason_l2", "reason_l3"]].apply(
        lambda row: REASON_SEPARATOR.join(level for level in row if level), axis=1)
    assert (got == sample_moved).all()
    # Left out: the unnamed option's and "Overig"'s contacts keep "Not coded".
    left = expected[expected == ""].index
    assert (after.loc[left, "reason_l1"] == "Not coded").all() and (after.loc[left, "recorded_l1"] == "-").all()
    # The others, beyond the sample, moved too: to adopted options only.
    beyond = moved.index.difference(tree.assignment.index)
    assert len(beyond) > len(targets) - SAMPLE - len(targets) // 5
    adopted = {path for path in paths.values() if path}
    beyond_paths = after.loc[beyond, ["reason_l1", "reason_l2", "reason_l3"]].apply(
        lambda row: REASON_SEPARATOR.join(level for level in row if level), axis=1)
    assert set(beyond_paths) <= adopted
    assert "Bezorging" in {path.split(REASON_SEPARATOR)[0] for path in beyond_paths}
    assert first[1].name not in {path.split(REASON_SEPARATOR)[0] for path in adopted}
    # The adopted names join the reason tree: the sidebar's filter and the Data page's table offer them.
    options = run_query(uncoded, "filter_options")
    assert "Bezorging" in set(options.loc[options["kind"] == "reason", "label"])
    assert "Bezorging" in set(catalog.reason_tree(uncoded)["reason_l1"])
    # The daily aggregates are what a rebuild from the contacts gives.
    for table in AGGREGATES:
        pd.testing.assert_frame_equal(aggregate_rows(uncoded, table), rebuilt_rows(uncoded, table))

    with acting_as(EDITOR):
        review.undo(uncoded, result.batch_id)
    pd.testing.assert_frame_equal(contacts_frame(uncoded), before)


def test_a_bad_name_a_viewer_and_nothing_named_change_nothing(uncoded):
    proposal = _proposal(uncoded)
    tree = proposal.tree
    before = contacts_frame(uncoded)
    version = data_version(uncoded)
    nothing = {node.path: "" for node in tree.options()}
    with acting_as(EDITOR):
        with pytest.raises(ValueError, match=">"):
            adopt_tree(uncoded, tree.nodes, tree.assignment, {tree.nodes[0].path: "a > b"})
        with pytest.raises(ValueError) as none_named:
            adopt_tree(uncoded, tree.nodes, tree.assignment, nothing)
    assert str(none_named.value) == t("tree_adoption.nothing")
    with acting_as(VIEWER), pytest.raises(AccessDenied):
        adopt_tree(uncoded, tree.nodes, tree.assignment, {})
    pd.testing.assert_frame_equal(contacts_frame(uncoded), before)
    assert data_version(uncoded) == version
