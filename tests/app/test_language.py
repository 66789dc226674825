"""The language in AppTest: ``?lang=nl`` turns the frame and a page Dutch, numbers in
Dutch notation; an unknown language falls back to English."""

from __future__ import annotations

from analytics.i18n import t


def test_dutch_link_shows_the_overview_in_dutch(app_on, demo_store):
    english = app_on(demo_store)
    dutch = app_on(demo_store, query={"lang": "nl"})
    assert not dutch.exception
    assert dutch.title[0].value == t("overview.title", language="nl") == "Overzicht"
    labels = [m.label for m in dutch.metric]
    assert t("overview.handle_time", language="nl") in labels and t("overview.handle_time") not in labels
    assert dutch.sidebar.date_input[0].label == "Periode"
    contacts = lambda at, label: next(m.value for m in at.metric if m.label == label)  # noqa: E731
    shown_en = contacts(english, t("overview.contacts", language="en"))
    shown_nl = contacts(dutch, t("overview.contacts", language="nl"))
    assert "," in shown_en and "." in shown_nl  # 51,056 and 51.056
    assert shown_nl.replace(".", "") == shown_en.replace(",", "")


def test_an_unknown_language_falls_back_to_english(app_on, demo_store):
    at = app_on(demo_store, query={"lang": "fr"})
    assert not at.exception
    assert at.title[0].value == "Overview"
