"""Every page, section and secondary view, in English and in Dutch, reads as finished: no
column label in snake_case, no float with more than two decimals, no count without
thousands separators, no number left to the browser's locale, no "None"/"nan" in a cell, no
English word on a Dutch page (``tests/support/readable.py`` says what it looks at: tables and
editors with their column config, metrics, captions, markdown and alerts, inside expanders
and columns too). The data files of every chart on the view (CSV) are checked on the same
run: headers in words, numbers to at most three decimals.

Dutch for real: on a normal run the frame (``app.py``) reads ``?lang=nl`` and makes Dutch the
language of the run. AppTest runs a page it switched to without the frame, so the page would
fall back to English; the test makes the view's language the default of the language
context variable for the AppTest's script threads, which is what the frame's switch does, and
asserts the page's title is the Dutch one, so a page that ignored the language would fail.
"""

from __future__ import annotations

import contextvars
import shutil
from datetime import date, timedelta

import pytest

from analytics import i18n
from analytics.actions import ReasonPath, add_action
from analytics.i18n import t
from analytics.store import open_store
from tests.support.page_views import PAGE_VIEWS, PageView, open_view
import ui.chart
from tests.support.readable import export_findings, findings, store_names, text_problems

DEMO_PILOTS = ("Track-and-trace e-mail", "Chatbot for password reset", "New FAQ page on returns")
# Views a link opens below the sections of PAGE_VIEWS: each pilot's evaluation, the weekly
# report with the actions editor (open, overdue and closed actions), a trend whose anomaly
# table and "where did this gap come from" tables are filled.
SECONDARY_VIEWS = [
    *[PageView(f"pilots-evaluation-{name}", "pages/pilots.py", {"pilots_view": "Evaluation", "pilots_pilot": name})
      for name in DEMO_PILOTS],
    PageView("weekly-all-actions", "pages/weekly.py", {"weekly_show_closed": "true"}),
    PageView("trends-month", "pages/trends.py", {"trends_grain": "Month"}),
]
VIEWS = PAGE_VIEWS + SECONDARY_VIEWS
TITLES = {"pages/overview.py": "overview.title", "pages/trends.py": "trends.title", "pages/reasons.py": "reasons.title",
          "pages/ratios.py": "ratios.title", "pages/pilots.py": "nav.pilots", "pages/weekly.py": "weekly.title",
          "pages/data.py": "data.title"}


@pytest.fixture(scope="module")
def store(demo_store, tmp_path_factory):
    """The demo store with actions (one overdue, one done with no note), so the weekly
    actions editor is on screen too."""
    copy = tmp_path_factory.mktemp("readable") / "contacts.duckdb"
    shutil.copy(demo_store, copy)
    conn = open_store(copy)
    try:
        add_action(conn, ReasonPath("Delivery", "Late"), action="Carrier SLA review", owner_department="Logistics",
                   due_on=date.today() - timedelta(days=3), note="Ask for weekly numbers")
        add_action(conn, ReasonPath("Returns", "Label"), action="Print-at-home labels", status="done")
    finally:
        conn.close()
    return copy


@pytest.fixture(scope="module")
def names(store):
    return store_names(store)


def speak(monkeypatch, language: str) -> None:
    """Make ``language`` what every script thread of the AppTest speaks (see the module)."""
    monkeypatch.setattr(i18n, "_active", contextvars.ContextVar("language", default=language))


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.name)
def test_every_view_reads_as_finished(app_on, store, names, monkeypatch, view, language):
    speak(monkeypatch, language)
    exports = []  # every chart's files, as its Download menu would make them
    menu = ui.chart._download_menu
    monkeypatch.setattr(ui.chart, "_download_menu", lambda export, key: (exports.append(export), menu(export, key)))
    query = {**view.query, **({"lang": language} if language != "en" else {})}
    # The views only read the store: they share its caches, as sessions of one server do.
    at = open_view(app_on, store, PageView(view.name, view.page, query, view.plan), plan_reason="Returns > Label",
                   share_caches=True)
    assert not at.exception
    assert at.title[0].value == t(TITLES[view.page], language=language)
    assert findings(at, language, names) == []
    assert export_findings(exports, language, names) == []


def test_the_views_cover_every_page_and_section(app_on, store):
    """A page or a section option added without a view here fails, so none is forgotten."""
    pages = {view.page for view in VIEWS}
    assert pages == set(TITLES)
    covered = {(key, value) for view in VIEWS for key, value in view.query.items()}
    for page in sorted(pages):
        at = app_on(store, page=page)
        for control in at.segmented_control:
            if control.key and control.key.endswith(("_section", "_view")):
                missing = [option for option in control.options if (control.key, option) not in covered]
                assert missing == [], f"{page}: {control.key} options without a view: {missing}"


@pytest.mark.parametrize(("text", "flagged"), [
    ("95% band -11%…+13%", True), ("biggest contributor Delivery (-938)", True), ("-€ 56 a month", True),
    ("-3", True), ("Effect -30% (-40% to -18%)", True),
    ("95% band −11%…+13%", False), ("13-03-2025 t/m 19-03-2025", False), ("2026-W48", False),
    ("1–5 contacts", False),
    ("1-5 contacts", False), ("e-mail", False), ("COVID-19 line", False), ("Returns -1 > Label", False),
])
def test_the_minus_check_tells_a_sign_from_dates_ranges_and_names(text, flagged):
    problems = text_problems(text, "en", ["Returns -1 > Label"])
    assert any("hyphen-minus" in problem for problem in problems) is flagged
