"""The Data page's Health section in AppTest: real findings on SF311, the trend chart on
the demo, and 2,000 free-text reasons grouped by kind with a few findings shown per kind."""

from __future__ import annotations

import pytest

from analytics import taxonomy
from tests.support.free_text_reasons import build_free_text_store, free_text_reasons

PAGE = "pages/data.py"


@pytest.fixture(scope="module")
def free_text_store(tmp_path_factory):
    """2,000 distinct free-text reasons (62 near-duplicate pairs), imported as a user does."""
    return build_free_text_store(tmp_path_factory.mktemp("free_text"), free_text_reasons(2000).names)


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


def test_health_on_demo_draws_the_trend(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"data_section": "Health"})
    assert not at.exception
    assert any("last 90 days" in c.value for c in at.caption)
    assert at.get("plotly_chart")


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
