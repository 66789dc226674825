"""The Data page's "Suggested reasons" section in AppTest, on a copy of the demo store with a
stand-in for the suggestion layer (suggestions of known content, see
tests/test_reason_review.py): an editor sees the suggested reasons, a sample of texts, accepts
those from a confidence (the store moves exactly those, the confirmation says how many, the
sidebar then offers "as recorded") and undoes it, in English and Dutch; a viewer sees no text
and no button; a version without the suggestion layer says so; the sidebar switch is bound
to the link and every page counts the reasons it says."""

from __future__ import annotations

import contextvars
import shutil
from types import SimpleNamespace

import pandas as pd
import pytest

from analytics import i18n
from analytics.access import Actor, Role, acting_as
from analytics.formatting import count
from analytics.i18n import t
from analytics.store import open_store
from analytics.text_reasons import review
from tests.test_reason_review import RETURNS, expected_chosen, suggestions_for
from ui import cache

PAGE = "pages/data.py"
SECTION = {"data_section": "Suggested reasons"}


@pytest.fixture
def demo_copy(demo_store, tmp_path):
    path = tmp_path / "contacts.duckdb"
    shutil.copy(demo_store, path)
    return path


@pytest.fixture
def suggestions(demo_copy, monkeypatch):
    """The suggestions the stand-in gives for the demo copy (tests only: the app ships none)."""
    conn = open_store(demo_copy)
    try:
        frame = suggestions_for(conn)
    finally:
        conn.close()
    accuracy = pd.DataFrame({"path": [RETURNS], "held_out": [120], "accuracy": [0.94], "offered": [True]})
    _learned(monkeypatch, SimpleNamespace(suggestions=frame, reason_accuracy=accuracy))
    return frame


def _learned(monkeypatch, suggestions, done: bool = True) -> None:
    """The background job of the Reasons & channels page, finished with ``suggestions``."""
    job = SimpleNamespace(done=done, error=None, fraction=0.4, step="training",
                          result=SimpleNamespace(suggestions=suggestions, data_version=1))
    monkeypatch.setattr(cache, "reasons_from_texts", lambda version: job)


@pytest.fixture
def as_role(monkeypatch):
    def set_role(name: str) -> None:
        monkeypatch.setenv("CONTACTS_AUTH", "local")
        monkeypatch.setenv("CONTACTS_LOCAL_ROLE", name)
    return set_role


@pytest.fixture
def speak(monkeypatch):
    """AppTest runs a page it switched to without the frame that reads ``?lang=``: make the
    language the default of the script threads, as the frame's switch does."""
    def set_language(language: str) -> None:
        monkeypatch.setattr(i18n, "_active", contextvars.ContextVar("language", default=language))
    return set_language


def _relabelled(path) -> int:
    conn = open_store(path)
    try:
        return review.relabelled_contacts(conn)
    finally:
        conn.close()


def _texts(at) -> str:
    return " ".join(str(e.value) for kind in ("markdown", "caption", "info", "success") for e in at.get(kind))


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_editor_reviews_accepts_and_undoes(app_on, demo_copy, suggestions, as_role, speak, language):
    as_role("editor")
    speak(language)
    at = app_on(demo_copy, page=PAGE, query={**SECTION, "lang": language})
    assert not at.exception
    assert at.segmented_control(key="data_section").value == "Suggested reasons"
    summary = at.dataframe[0].value
    assert set(summary["suggested_path"]) == {RETURNS, "Delivery > Late > Carrier delay"}  # Refund not offered
    reason = at.selectbox(key="data_review_reason")
    reason.set_value(RETURNS)
    at.slider(key="data_review_confidence").set_value(0.8)
    at.run()
    chosen = expected_chosen(suggestions, RETURNS, 0.8)
    words = {"chosen": count(len(chosen), language=language), "reason": RETURNS, "confidence": "80%"}
    assert f"**{words['chosen']}**" in _texts(at)
    sample = at.dataframe[1].value
    assert len(sample) == review.SAMPLE_SIZE and sample["text"].notna().all()
    assert set(sample["recorded_path"]) == {"Other"}
    assert at.button(key="data_review_accept").label == t("review.accept", language=language,
                                                          contacts=words["chosen"])

    at.button(key="data_review_accept").click().run()

    assert not at.exception
    assert _relabelled(demo_copy) == len(chosen)
    confirmation = at.success[0].value
    assert confirmation.startswith(t("review.accepted_sentence", language=language).split("**")[0])
    assert f"**{words['chosen']}**" in confirmation and RETURNS in confirmation
    accepted = next(d.value for d in at.dataframe if "batch_id" in d.value.columns)
    assert accepted["contacts"].tolist() == [len(chosen)]
    # the sidebar (drawn by the frame, which AppTest runs on the first page only) now has the switch
    first_page = app_on(demo_copy, query={"lang": language})
    switch = first_page.toggle(key="filter_reasons_recorded")
    assert switch.value is False and switch.label == t("filters.reasons_as_recorded", language=language)
    assert t("filters.reasons_caption_accepted", language=language,
             contacts=words["chosen"]) in [c.value for c in first_page.sidebar.caption]

    at = app_on(demo_copy, page=PAGE, query={**SECTION, "lang": language})
    at.button(key="data_review_undo").click().run()

    assert not at.exception
    assert _relabelled(demo_copy) == 0
    assert at.success[0].value.startswith(t("review.undone_sentence", language=language).split("**")[0])
    assert not app_on(demo_copy, query={"lang": language}).toggle  # nothing accepted any more


def test_a_viewer_sees_no_text_and_no_button(app_on, demo_copy, suggestions, as_role, speak):
    with acting_as(Actor("erin@example.org", Role.EDITOR)):  # an editor accepted some before
        conn = open_store(demo_copy)
        try:
            review.accept(conn, suggestions, min_confidence=0.9, suggested_path=RETURNS)
        finally:
            conn.close()
    as_role("viewer")
    speak("nl")
    at = app_on(demo_copy, page=PAGE, query={**SECTION, "lang": "nl"})
    assert not at.exception
    assert t("review.viewer_note", language="nl") in _texts(at)
    assert not [b for b in at.button if b.key and b.key.startswith("data_review")]
    assert not [s for s in at.selectbox if s.key and s.key.startswith("data_review")]
    shown = at.dataframe
    assert len(shown) == 1  # the accepted changes, without texts
    assert shown[0].value["contacts"].tolist() == [len(expected_chosen(suggestions, RETURNS, 0.9))]
    texts = set(suggestions["contact_id"])
    assert not any(c in _texts(at) for c in list(texts)[:50])


def test_a_store_without_reason_codes_says_so_and_learning_shows_its_progress(app_on, demo_copy, as_role,
                                                                                monkeypatch):
    as_role("editor")
    _learned(monkeypatch, None)
    at = app_on(demo_copy, page=PAGE, query=SECTION)
    assert not at.exception
    assert [i.value for i in at.info] == [t("review.no_codes")]
    assert t("review.accepted_none") in _texts(at)
    _learned(monkeypatch, None, done=False)
    at = app_on(demo_copy, page=PAGE, query=SECTION)
    assert not at.exception and not at.info
    assert t("from_texts.working") in _texts(at)


@pytest.mark.parametrize("as_recorded", [False, True])
def test_the_sidebar_switch_is_in_the_link_and_every_page_counts_what_it_says(app_on, demo_copy, suggestions,
                                                                              as_role, as_recorded):
    """Overview's top reasons, as the link asks: with the accepted suggestions "Other" lost
    the accepted contacts; as recorded it has them all."""
    conn = open_store(demo_copy)
    try:
        before = conn.execute("select count(*) from contacts where reason_l1 = 'Other'"
                              " and started_at >= (select max(started_at)::date from contacts) - interval 27 day"
                              ).fetchall()[0][0]
        with acting_as(Actor("erin@example.org", Role.EDITOR)):
            review.accept(conn, suggestions, min_confidence=0.5, suggested_path=RETURNS)
        moved = conn.execute("select count(*) from contacts where recorded_l1 is not null"
                             " and started_at >= (select max(started_at)::date from contacts) - interval 27 day"
                             ).fetchall()[0][0]
    finally:
        conn.close()
    assert moved > 0
    as_role("editor")
    query = {"filter_reasons_recorded": "true"} if as_recorded else {}
    at = app_on(demo_copy, query=query)  # Overview, the first page: the frame draws the sidebar
    assert not at.exception
    assert at.toggle(key="filter_reasons_recorded").value is as_recorded
    caption = "filters.reasons_caption_recorded" if as_recorded else "filters.reasons_caption_accepted"
    assert any(c.value.startswith(t(caption, contacts="X").split("X")[0]) for c in at.sidebar.caption)
    shown_words = t("filters.reasons_shown_recorded" if as_recorded else "filters.reasons_shown_accepted")
    assert shown_words in " ".join(c.value for c in at.caption)
    top = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    other = int(top.loc[top["reason"] == "Other", "contacts"].iloc[0])
    assert other == (before if as_recorded else before - moved)
    # Pilots takes no sidebar filter but this one, and says so (their numbers: test_reason_review)
    at.switch_page("pages/pilots.py")
    at.run()
    assert not at.exception
    assert t("pilots_page.reasons_shown", shown=shown_words) in [c.value for c in at.caption]
