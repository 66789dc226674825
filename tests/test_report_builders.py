"""The report builders on the test demo store: the weekly report shows the page's numbers
(``analytics.weekly``), the pilot report the page's verdict (``evaluate_pilot``), each in
the language asked for, and bad requests are refused with a message."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from analytics import actions, formatting, weekly
from analytics.filters import ContactFilter
from analytics.i18n import t, using_language
from analytics.overview import store_freshness
from analytics.pilots.evaluation import evaluate_pilot
from analytics.pilots.registry import get_pilot
from analytics.reports.pilot import UnknownPilot, build_pilot_report
from analytics.reports.weekly import build_weekly_report
from analytics.store import open_store
from tests.support.readable import HYPHEN_MINUS
from tests.support.stores import build_demo_store

GENERATED = datetime(2026, 7, 1, 9, 30)
TODAY = date(2026, 7, 1)
PILOT = "Track-and-trace e-mail"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = build_demo_store(tmp_path_factory.mktemp("report-builders") / "contacts.duckdb")
    conn = open_store(path)
    # Two actions on the list: one past its due date, one not, one closed (not shown).
    actions.add_action(conn, actions.ReasonPath("Delivery", "Late"), action="Call the carrier daily",
                       owner_department="Logistics", due_on=date(2026, 6, 1))
    actions.add_action(conn, actions.ReasonPath("Order"), action="Clearer order confirmation",
                       owner_department="Sales", due_on=date(2026, 8, 1))
    actions.add_action(conn, actions.ReasonPath("Payment"), action="Old idea", status="done")
    yield conn
    conn.close()


def _page_report(conn, monday, level, contact_filter=None):
    """What the Weekly report page computes for this week (its default driver: the first)."""
    freshness = store_freshness(conn)
    base = contact_filter or ContactFilter(monday, monday + timedelta(days=6))
    return weekly.weekly_report(conn, base.with_period(monday, monday + timedelta(days=6)), monday, level=level,
                                first_day=freshness.first_contact_at.date(), driver=weekly.driver_names(conn)[0])


def _last_week(conn):
    freshness = store_freshness(conn)
    return weekly.complete_weeks(freshness.first_contact_at.date(), freshness.last_contact_at.date())[0]


def test_weekly_headline_shows_the_pages_numbers(demo):
    report = build_weekly_report(demo, level=2, language="en", generated_at=GENERATED, today=TODAY)
    monday = _last_week(demo)
    with using_language("en"):
        page = _page_report(demo, monday, 2)
        headline = weekly.headline(page)
    first = report.slides[0]
    values = {n.label: n.value for n in first.numbers}
    assert values["Contacts"] == formatting.count(page.total["contacts"], language="en")
    assert values["Expected"] == formatting.count(page.total["expected"], language="en")
    assert values[f"Per 1,000 {page.driver}"] == formatting.decimal(page.total["per_1k"], 1, language="en")
    assert values["Open actions"] == "2"  # the closed one is not counted
    assert first.message == headline
    pct = formatting.percent(abs(page.total["gap_pct"]), language="en")
    assert pct in first.title and f"week {monday.isocalendar()[1]}" in first.title
    assert report.title == f"Weekly contact report, week {monday.isocalendar()[1]} ({monday.isocalendar()[0]})"


def test_weekly_context_says_period_filters_freshness_and_moment(demo):
    channel = "Phone"
    monday = _last_week(demo) - timedelta(days=7)
    contact_filter = ContactFilter(date(2020, 1, 1), date(2020, 1, 2), channel=channel)  # period is ignored
    report = build_weekly_report(demo, week_start=monday, level=1, contact_filter=contact_filter, language="en",
                                 generated_at=GENERATED, today=TODAY)
    with using_language("en"):
        page = _page_report(demo, monday, 1, contact_filter)
    assert report.context[0] == f"Period: {formatting.day(monday, language='en')} – " \
                                f"{formatting.day(monday + timedelta(days=6), language='en')}"
    assert report.context[1] == "Filters: channel Phone"
    assert report.context[2].startswith("Data up to ")
    assert report.context[3] == "Generated 1 Jul 2026 09:30"
    assert report.slides[0].numbers[0].value == formatting.count(page.total["contacts"], language="en")


def test_weekly_tables_match_the_rows_and_mark_overdue_actions(demo):
    report = build_weekly_report(demo, level=2, language="en", generated_at=GENERATED, today=TODAY)
    with using_language("en"):
        page = _page_report(demo, _last_week(demo), 2)
    reasons = next(s for s in report.slides if s.table is not None and "Last week" in s.table.columns
                   and "Owner" in s.table.columns and len(s.table.rows) == len(page.rows))
    first = page.rows.iloc[0]
    assert reasons.table.rows[0][:2] == (first["reason"], formatting.count(first["contacts"], language="en"))
    assert len(reasons.table.data) == len(page.rows)
    open_actions = report.slides[-1]
    assert open_actions.title == "2 open actions, 1 overdue"
    assert [row[2] for row in open_actions.table.rows] == ["Call the carrier daily", "Clearer order confirmation"]
    assert open_actions.table.highlight == (0,)
    assert all(slide.notes for slide in report.slides) and report.method


def test_weekly_in_dutch_formats_numbers_the_dutch_way(demo):
    report = build_weekly_report(demo, level=2, language="nl", generated_at=GENERATED, today=TODAY)
    with using_language("nl"):
        page = _page_report(demo, _last_week(demo), 2)
    contacts = report.slides[0].numbers[0]
    assert contacts.label == t("weekly.metric_contacts", language="nl")
    assert contacts.value == formatting.count(page.total["contacts"], language="nl")
    assert "." in contacts.value  # more than a thousand contacts: 1.234
    assert report.title.startswith("Wekelijkse terugkoppeling klantcontact")
    assert report.context[3] == "Gemaakt op 01-07-2026 09:30"


def test_a_week_without_history_is_refused(demo):
    freshness = store_freshness(demo)
    first = freshness.first_contact_at.date()
    monday = first + timedelta(days=7 - first.weekday())
    with pytest.raises(ValueError, match="not a complete week"):
        build_weekly_report(demo, week_start=monday, language="en", generated_at=GENERATED, today=TODAY)


def test_pilot_report_carries_the_pages_verdict(demo):
    with using_language("en"):
        evaluation = evaluate_pilot(demo, get_pilot(demo, PILOT))
    report = build_pilot_report(demo, PILOT, language="en", generated_at=GENERATED, evaluation=evaluation)
    verdict = report.slides[0]
    assert verdict.message == evaluation.pilot_window.verdict
    head = evaluation.pilot_window.headline
    assert verdict.title == f"{PILOT}: contacts fell {formatting.percent(abs(head.relative_effect), language='en')}"
    kpis = report.slides[2]
    assert len(kpis.table.rows) == sum(k.available for k in evaluation.pilot_window.kpis)
    assert report.context[0].startswith(f"Pilot {PILOT}") and "filters do not apply" in report.context[0]
    assert all(slide.title and slide.notes for slide in report.slides)
    assert sum(slide.chart is not None for slide in report.slides) >= 3


def test_pilot_report_in_dutch_has_the_dutch_verdict(demo):
    report = build_pilot_report(demo, PILOT, language="nl", generated_at=GENERATED)
    with using_language("nl"):
        verdict = evaluate_pilot(demo, get_pilot(demo, PILOT)).pilot_window.verdict
    assert report.slides[0].message == verdict
    assert report.title == f"Evaluatie proef: {PILOT}"
    assert "gedaald" in report.slides[0].title


def test_an_unknown_pilot_lists_the_known_ones(demo):
    with pytest.raises(UnknownPilot, match="Known pilots: .*Track-and-trace e-mail"):
        build_pilot_report(demo, "No such pilot", language="en", generated_at=GENERATED)


def test_an_empty_store_is_refused(store):
    with pytest.raises(ValueError, match="no contacts"):
        build_weekly_report(store, language="en", generated_at=GENERATED, today=TODAY)


def _report_texts(report) -> list[str]:
    texts = [report.title, report.subtitle, *report.context, report.method]
    for slide in report.slides:
        texts += [slide.title, slide.message, *slide.bullets, slide.notes]
        texts += [text for number in slide.numbers for text in (number.label, number.value, number.detail)]
        if slide.table is not None:
            texts += [*slide.table.columns, *(cell for row in slide.table.rows for cell in row)]
    return texts


@pytest.mark.parametrize("language", ["en", "nl"])
def test_reports_write_negative_numbers_with_a_true_minus(demo, language):
    """As the pages do: "−16%", "(−938)", never a hyphen-minus in front of a number."""
    weekly_report = build_weekly_report(demo, level=2, language=language, generated_at=GENERATED, today=TODAY)
    pilot_report = build_pilot_report(demo, PILOT, language=language, generated_at=GENERATED)
    texts = _report_texts(weekly_report) + _report_texts(pilot_report)
    assert [text for text in texts if HYPHEN_MINUS.search(text)] == []
    assert any("\u2212" in text for text in _report_texts(pilot_report))  # the pilot's effect is a fall
