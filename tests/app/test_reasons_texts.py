"""The Texts section of Reasons & channels in AppTest: an editor or admin searches what
customers wrote (count against an independent count, a sample that matches), in English and
Dutch; a viewer sees a sentence that texts are hidden for the role and no text at all; a
store without texts says so in one line."""

from __future__ import annotations

import contextvars

import duckdb
import pytest

from analytics import i18n
from analytics.formatting import count
from analytics.i18n import t

PAGE = "pages/reasons.py"
LAST_28_DAYS = "started_at >= (select cast(max(started_at) as date) from contacts) - interval 27 day"


def _one(store, query: str):
    conn = duckdb.connect(str(store))  # same configuration as the app's connection
    try:
        return conn.execute(query).fetchall()[0]
    finally:
        conn.close()


@pytest.fixture
def speak(monkeypatch):
    """AppTest runs a page it switched to without the frame that reads ``?lang=``: make the
    language the default of the script threads, as the frame's switch does."""
    def set_language(language: str) -> None:
        monkeypatch.setattr(i18n, "_active", contextvars.ContextVar("language", default=language))
    return set_language


@pytest.fixture
def as_role(monkeypatch):
    def set_role(name: str) -> None:
        monkeypatch.setenv("CONTACTS_AUTH", "local")
        monkeypatch.setenv("CONTACTS_LOCAL_ROLE", name)
    return set_role


def _texts_section(app_on, store, language: str, words: str | None = None):
    query = {"reasons_section": "Texts", "lang": language}
    if words is not None:
        query["reasons_text_words"] = words
    at = app_on(store, page=PAGE, query=query)
    assert not at.exception
    return at


@pytest.mark.parametrize("role, language", [("editor", "en"), ("admin", "nl"), ("editor", "nl")])
def test_an_editor_or_admin_searches_the_texts(app_on, demo_store, as_role, speak, role, language):
    as_role(role)
    speak(language)
    at = _texts_section(app_on, demo_store, language, words="QR")
    matching, with_text = _one(demo_store, f"select count(*) filter (where lower(text) like '%qr%'), count(text)"
                                           f" from contacts where {LAST_28_DAYS}")
    assert matching > 0
    sentence = t("reasons.texts_found", language=language, matching=count(matching, language=language),
                 with_text=count(with_text, language=language), words="QR")
    assert sentence in [m.value for m in at.markdown]
    sample = at.dataframe[0].value
    assert 0 < len(sample) <= 25
    assert all("qr" in text.lower() for text in sample["text"])
    assert set(sample["reason"]) == {"Other"}  # the hidden problem is filed under Other


def test_an_empty_search_shows_the_newest_texts(app_on, demo_store, as_role):
    as_role("admin")
    at = _texts_section(app_on, demo_store, "en")
    with_text = _one(demo_store, f"select count(text) from contacts where {LAST_28_DAYS}")[0]
    assert t("reasons.texts_all", with_text=count(with_text, language="en")) in [m.value for m in at.markdown]
    assert len(at.dataframe[0].value) == 25


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_viewer_is_told_texts_are_hidden_and_sees_none(app_on, demo_store, as_role, speak, language):
    as_role("viewer")
    speak(language)
    at = _texts_section(app_on, demo_store, language, words="QR")
    hidden = t("reasons.texts_hidden", language=language, role=t("roles.role_viewer", language=language))
    assert [i.value for i in at.info] == [hidden]
    assert not at.text_input and not at.dataframe
    newest = _one(demo_store, "select text from contacts order by started_at desc limit 1")[0]
    shown = " ".join(str(e.value) for kind in ("markdown", "caption", "info") for e in at.get(kind))
    assert newest not in shown and "QR" not in shown


def test_a_store_without_texts_says_so_in_one_line(app_on, sf311_store, as_role):
    as_role("editor")
    at = _texts_section(app_on, sf311_store, "en", words="noise")
    assert [i.value for i in at.info] == [t("reasons.texts_none")]
    assert not at.text_input and not at.dataframe
