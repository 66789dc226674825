"""The Data page's Health section in AppTest: real findings on SF311, the trend chart on
the demo, 2,000 free-text reasons grouped by kind with a few findings shown per kind, and a
link to the reasons learned from texts where they help: on a store with texts whose
reasons are unhealthy (no codes, too much "Other"), not on a store without texts or with
healthy reasons."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs

import duckdb
import pytest

from analytics import taxonomy
from analytics.i18n import t
from tests.support.free_text_reasons import build_free_text_store, free_text_reasons
from tests.support.stores import run_cli

PAGE = "pages/data.py"


@pytest.fixture(scope="module")
def free_text_store(tmp_path_factory):
    """2,000 distinct free-text reasons (62 near-duplicate pairs), imported as a user does."""
    return build_free_text_store(tmp_path_factory.mktemp("free_text"), free_text_reasons(2000).names)


@pytest.fixture(scope="module")
def text_store(tmp_path_factory):
    """A small demo store: every contact has a subject line, the reasons are healthy."""
    path = tmp_path_factory.mktemp("texts") / "contacts.duckdb"
    run_cli("demo", "--db", str(path), "--days", "120", "--contacts-per-day", "150", "--seed", "7",
            "--end", "2026-06-30")
    return path


def _changed_copy(store, folder, statement: str):
    path = folder / "contacts.duckdb"
    shutil.copy(store, path)
    conn = duckdb.connect(str(path))
    conn.execute(statement)
    conn.close()
    return path


@pytest.fixture(scope="module")
def uncoded_text_store(text_store, tmp_path_factory):
    """The same contacts exported without reason codes: every one "Not coded"."""
    return _changed_copy(text_store, tmp_path_factory.mktemp("uncoded"),
                         "update contacts set reason_l1 = 'Not coded', reason_l2 = '', reason_l3 = ''")


@pytest.fixture(scope="module")
def other_heavy_text_store(text_store, tmp_path_factory):
    """The same contacts with every fifth one filed under "Other"."""
    return _changed_copy(text_store, tmp_path_factory.mktemp("other"),
                         "update contacts set reason_l1 = 'Other', reason_l2 = '', reason_l3 = '' "
                         "where hash(contact_id) % 5 = 0")


def _texts_links(at) -> list[dict]:
    """The page links to another page on the screen: page, label and query parameters."""
    return [{"page": link.proto.page, "label": link.proto.label, "query": parse_qs(link.proto.query_string)}
            for link in at.get("page_link")]


def _table(at, expander: str):
    """The table inside the expander labelled ``expander``."""
    [table] = next(e for e in at.expander if e.label == expander).dataframe
    return table.value


def test_health_on_sf311_lists_real_findings(app_on, sf311_store):
    at = app_on(sf311_store, page=PAGE, query={"data_section": "Health"})
    assert not at.exception
    findings = _table(at, "All findings as a table (sortable, downloadable)")
    top = findings[findings["where"] == "Top level"]
    assert "61 options" in " ".join(top["finding"])
    assert {"Too many options", "“Other” share", "Near-duplicates", "Unused reasons"} <= set(findings["kind"])
    assert findings["suggestion"].str.len().min() > 20
    assert at.get("plotly_chart")
    assert not _texts_links(at)  # "Other" is too large, but the store has no texts


def test_health_on_demo_draws_the_trend(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"data_section": "Health"})
    assert not at.exception
    assert any("last 90 days" in c.value for c in at.caption)
    assert at.get("plotly_chart")
    assert not _texts_links(at)  # texts, but healthy reasons: nothing to fix with them


def test_many_findings_are_grouped_by_kind_a_few_shown_each(app_on, free_text_store):
    """63 findings: a heading per kind (worst first), three cards of near-duplicates and the
    rest behind an expander, not 63 cards. (The Dutch wording is checked in
    tests/test_taxonomy.py: AppTest runs a switched-to page without the frame that sets the
    language.)"""
    at = app_on(free_text_store, page=PAGE, query={"data_section": "Health"})
    assert not at.exception
    assert [m.value for m in at.markdown if m.value.startswith("#####")] == [
        "##### Too many options · 1 high", "##### Near-duplicates · 62 medium"]
    cards = [m.value for m in at.markdown if "**Suggestion:**" in m.value]
    assert len(cards) == 1 + taxonomy.SHOWN_PER_KIND
    near_duplicates = _table(at, "Near-duplicates: all 62 findings as a table")
    assert len(near_duplicates) == 62 and set(near_duplicates["severity"]) == {"medium"}
    assert near_duplicates["finding"].iloc[0] in cards[1]  # the cards are the table's first rows
    assert len(_table(at, "All findings as a table (sortable, downloadable)")) == 63


@pytest.mark.parametrize(("store", "why"), [("uncoded_text_store", "no_codes"),
                                            ("other_heavy_text_store", "other_share")])
def test_health_links_to_reasons_from_texts_where_texts_help(app_on, request, store, why):
    at = app_on(request.getfixturevalue(store), page=PAGE, query={"data_section": "Health"})
    assert not at.exception
    assert [link["query"] for link in _texts_links(at)] == [{"reasons_section": ["Reasons from texts"]}]
    [link] = _texts_links(at)
    assert link["page"] == "reasons" and link["label"] == t("taxonomy.texts_link")  # the url path of pages/reasons.py
    assert t(f"taxonomy.texts_help_{why}") in [m.value for m in at.markdown]
    # "Not coded" says as little as "Other": both stores are flagged for it
    assert "“Other” share" in set(_table(at, "All findings as a table (sortable, downloadable)")["kind"])
