"""Names that look like SQL, markup or spreadsheet formulas are plain values everywhere.

An export whose reasons, sub-reasons, channels and departments read
``'; drop table contacts; --``, ``<script>alert(1)</script>``, ``=1+1`` and the like is
stored byte for byte; the filters match exactly those contacts (and a value written to
widen a query built from text matches nothing); an event saved for such a reason is found
again under it; the HTML report shows the names as text and never lets one close its
script; CSV and Excel files hold them as text that no spreadsheet runs as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta

import openpyxl
import pytest

from analytics import breakdowns, overview, trends, weekly
from analytics.editing import add_event
from analytics.filters import ContactFilter, reason_path
from analytics.reports.html import to_html
from analytics.reports.pdf import page_css
from analytics.reports.weekly import build_weekly_report
from analytics.store import open_store
from tests.support.html_tree import Tree
from tests.support.hostile_names import (
    DAYS, FIRST_DAY, FORMULA_CHARS, FORMULA_STARTS, HOSTILE_NAMES, NUMBER_TEXT, PLAIN_REASON, SCRIPT_TAG,
    build_hostile_store, exported_rows,
)
from ui.chart import ChartExport

LAST_DAY = FIRST_DAY + timedelta(days=DAYS - 1)
WHOLE_PERIOD = ContactFilter(FIRST_DAY, LAST_DAY)
# Values that would widen the match if a query were built by pasting them into its text.
WIDENING = ("' or '1'='1", "x' or 1=1 --", '" or ""="', "') or ('a'='a")
# Per kind of name: the levels fixed above it, and its field (a filter field and a column of ``contacts`` alike).
FILTERED_AS = {
    "reason": ({}, "reason_l1"),
    "sub-reason": ({"reason_l1": PLAIN_REASON}, "reason_l2"),
    "channel": ({}, "channel"),
    "department": ({}, "department"),
}


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    return build_hostile_store(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def conn(hostile_store):
    connection = open_store(hostile_store, read_only=True)
    yield connection
    connection.close()


def _count(conn, column: str, value: str, **also: str) -> int:
    """Contacts whose ``column`` is ``value`` (and ``also``), counted with bound values."""
    where = " and ".join(f"{c} = ${c}" for c in [column, *also])  # column names from this file only
    rows = conn.cursor().execute(f"select count(*) from contacts where {where}", {column: value, **also}).fetchall()
    return rows[0][0]


def _tables(conn) -> list[tuple[str, int]]:
    return conn.cursor().execute(
        "select table_name, estimated_size from duckdb_tables() where schema_name = 'main' order by 1").fetchall()


def _filter_for(kind: str, name: str, period: ContactFilter = WHOLE_PERIOD) -> tuple[ContactFilter, str, dict]:
    """The filter for contacts whose ``kind`` is ``name``, its column and the fixed levels above."""
    above, column = FILTERED_AS[kind]
    return ContactFilter(period.start, period.end, **above, **{column: name}), column, above


def test_import_stores_every_name_byte_for_byte(hostile_store, tmp_path):
    conn = open_store(hostile_store, read_only=True)
    try:
        stored = conn.cursor().execute(
            "select contact_id, channel, reason_l1, reason_l2, department from contacts").fetchall()
        tables = [name for name, _ in _tables(conn)]
        channels = {c for (c,) in conn.cursor().execute("select channel from channels").fetchall()}
        reasons = set(conn.cursor().execute("select reason_l1, reason_l2 from reasons").fetchall())
    finally:
        conn.close()
    fresh = open_store(tmp_path / "fresh.duckdb")
    try:
        fresh_tables = [name for name, _ in _tables(fresh)]
    finally:
        fresh.close()

    expected = {(r["id"], r["channel"], r["reason"], r["subreason"], r["department"]) for r in exported_rows()}
    assert len(stored) == len(exported_rows())
    assert set(stored) == expected
    assert tables == fresh_tables and "contacts" in tables  # nothing dropped, nothing added
    assert set(HOSTILE_NAMES) <= channels
    assert {(name, "Late") for name in HOSTILE_NAMES} | {(PLAIN_REASON, name) for name in HOSTILE_NAMES} <= reasons


def test_the_filter_lists_offer_each_name_as_given(conn):
    options = overview.filter_options(conn)
    labels = {kind: set(group["label"]) for kind, group in options.groupby("kind")}
    for name in HOSTILE_NAMES:
        assert name in labels["reason"]
        assert f"{PLAIN_REASON} > {name}" in labels["reason"]
        assert name in labels["channel"]
        assert name in labels["department"]


@pytest.mark.parametrize("kind", FILTERED_AS)
@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_filter_on_a_hostile_name_counts_exactly_its_contacts(conn, kind, name):
    before = _tables(conn)
    contact_filter, column, above = _filter_for(kind, name)
    expected = _count(conn, column, name, **above)

    assert expected > 0
    assert overview.period_kpis(conn, contact_filter).contacts == expected
    assert overview.daily_contacts(conn, contact_filter)["contacts"].sum() == expected
    tree = breakdowns.reason_tree(conn, contact_filter, compare_previous=True, compare_last_year=False)
    assert tree.loc[tree["level"] == 1, "contacts"].sum() == expected
    assert breakdowns.channel_mix(conn, contact_filter, "week")["contacts"].sum() == expected
    assert breakdowns.reason_by_channel(conn, contact_filter, 1)["contacts"].sum() == expected
    assert _tables(conn) == before


@pytest.mark.parametrize("value", WIDENING)
def test_a_value_written_to_widen_a_query_matches_nothing(conn, value):
    assert overview.period_kpis(conn, WHOLE_PERIOD).contacts == len(exported_rows())
    for kind in FILTERED_AS:
        contact_filter, _, _ = _filter_for(kind, value)
        assert overview.period_kpis(conn, contact_filter).contacts == 0, kind
        assert overview.daily_contacts(conn, contact_filter)["contacts"].sum() == 0, kind


def test_the_weekly_report_names_each_reason_as_given(conn):
    monday = weekly.complete_weeks(FIRST_DAY, LAST_DAY)[0]
    sunday = monday + timedelta(days=6)
    week = ContactFilter(monday, sunday)
    per_reason = weekly.weekly_report(conn, week, monday, level=1, first_day=FIRST_DAY)
    under_plain = weekly.weekly_report(conn, week, monday, level=2, first_day=FIRST_DAY)
    counted = dict(conn.cursor().execute(
        "select reason_l1, count(*) from contacts where started_at >= $start and started_at < $end group by 1",
        {"start": monday, "end": sunday + timedelta(days=1)}).fetchall())

    assert dict(zip(per_reason.rows["reason"], per_reason.rows["contacts"])) == counted
    assert {f"{PLAIN_REASON} > {name}" for name in HOSTILE_NAMES} <= set(under_plain.rows["reason"])
    for name in HOSTILE_NAMES:
        only = weekly.weekly_report(conn, ContactFilter(monday, sunday, reason_l1=name), monday, level=1,
                                    first_day=FIRST_DAY)
        assert list(only.rows["reason"]) == [name]
        assert only.total["contacts"] == counted[name]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_an_event_saved_for_a_hostile_reason_is_found_under_it(store, name):
    """The Trends page saves an event for the reason its filter holds; the timeline finds it
    again for that reason, and only there."""
    period = ContactFilter(date(2026, 3, 1), date(2026, 3, 31))
    for levels in ((name,), (PLAIN_REASON, name)):
        add_event(store, name=f"Event for {reason_path(*levels)}", kind="other", starts_on=period.start,
                  ends_on=period.start, foreseen=False, reason=levels, channel=name)
    found = {tuple(row) for row in trends.events_for(
        store, ContactFilter(period.start, period.end, reason_l1=name))[["reason_l1", "reason_l2"]].itertuples(
            index=False)}
    found_below = trends.events_for(store, ContactFilter(period.start, period.end, PLAIN_REASON, name, channel=name))
    elsewhere = trends.events_for(store, ContactFilter(period.start, period.end, reason_l1="Returns"))

    assert found == {(name, None)}
    assert list(found_below["name"]) == [f"Event for {PLAIN_REASON} > {name}"]
    assert elsewhere.empty


@pytest.fixture(scope="module")
def weekly_report_page(conn):
    report = build_weekly_report(conn, level=1, contact_filter=ContactFilter(LAST_DAY, LAST_DAY, reason_l1=SCRIPT_TAG),
                                 language="en", generated_at=datetime(2026, 4, 1, 9), today=date(2026, 4, 1))
    everything = build_weekly_report(conn, level=2, language="en", generated_at=datetime(2026, 4, 1, 9),
                                     today=date(2026, 4, 1))
    return report, to_html(report), to_html(everything)


def test_the_html_report_shows_hostile_names_as_text(weekly_report_page):
    _, filtered, everything = weekly_report_page
    root = Tree(everything).root
    cells = {td.text for td in root.find_all("td")}
    assert {f"{PLAIN_REASON} > {name}" for name in HOSTILE_NAMES} <= cells
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in everything
    context = [li.text for li in Tree(filtered).root.find_all("ul", "context")[0].find_all("li")]
    assert f"Filters: reason {SCRIPT_TAG}" in context
    for page in (filtered, everything):
        assert SCRIPT_TAG not in page  # neither as markup nor raw inside a chart's data


def test_no_name_can_close_the_report_s_scripts(weekly_report_page):
    """The only script elements are plotly.js and one drawing call per chart; a name in a
    chart's data is JSON with ``<`` and ``/`` escaped, so it cannot end its script early."""
    _, _, page = weekly_report_page
    scripts = Tree(page).root.find_all("script")
    charts = page.count("Plotly.newPlot(")
    assert charts >= 1
    assert len(scripts) == 1 + charts
    assert page.count("<script") == page.count("</script>") == len(scripts)
    drawing = " ".join(s.text for s in scripts[1:])
    assert "\\u003cscript\\u003ealert(1)\\u003c\\u002fscript\\u003e" in drawing
    for name in HOSTILE_NAMES:
        assert _as_chart_data(f"{PLAIN_REASON} > {name}") in drawing, name


def _as_chart_data(text: str) -> str:
    """``text`` as a string in plotly's JSON: quotes escaped, ``<``, ``>`` and ``/`` as
    ``\\u`` escapes."""
    encoded = json.dumps(text)[1:-1]
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("/", "\\u002f")


def test_the_pdf_page_footer_cannot_end_its_style_sheet(weekly_report_page):
    report, _, _ = weekly_report_page
    assert SCRIPT_TAG in report.footer
    css = page_css(report)
    assert "<" not in css  # CSS uses ">" itself (child selectors), never "<"
    assert "\\00003cscript\\00003ealert(1)\\00003c\\00002fscript\\00003e" in css


def _exports(conn) -> list[ChartExport]:
    """The files of charts drawn from the hostile store: the reason tree under the plain
    reason (sub-reasons as names), the channel mix and the weekly rows."""
    freshness = overview.store_freshness(conn)
    scope = ContactFilter(FIRST_DAY, LAST_DAY, reason_l1=PLAIN_REASON)
    monday = weekly.complete_weeks(FIRST_DAY, LAST_DAY)[0]
    frames = {
        "reasons-tree": breakdowns.reason_tree(conn, scope, compare_previous=False, compare_last_year=False),
        "overview-channels": overview.overview(conn, WHOLE_PERIOD).by_channel_group,
        "weekly-rows": weekly.weekly_report(conn, ContactFilter(monday, monday + timedelta(days=6)), monday,
                                            level=2, first_day=FIRST_DAY).rows,
    }
    return [ChartExport(figure=None, data=frame, name=name, title="=HYPERLINK(\"x\")", scope=scope,
                        freshness=freshness, language=language, day=LAST_DAY)
            for name, frame in frames.items() for language in ("en", "nl")]


def _names_in(export: ChartExport) -> set[str]:
    """The hostile names (and ``+1``, ``-1``) the export's data holds as cells: all of
    ``HOSTILE_NAMES`` in every export."""
    held = set(export.data.astype(str).to_numpy().ravel())
    assert set(HOSTILE_NAMES) <= held, export.name
    return held & {*HOSTILE_NAMES, *FORMULA_STARTS}


def _formula_free(text: str) -> bool:
    return not text.startswith(FORMULA_CHARS) or NUMBER_TEXT.fullmatch(text) is not None


def test_csv_files_hold_hostile_names_as_text_that_never_runs(conn):
    for export in _exports(conn):
        separator = ";" if export.language == "nl" else ","
        rows = list(csv.reader(io.StringIO(export.csv().decode("utf-8-sig"), newline=""), delimiter=separator))
        cells = [cell for row in rows for cell in row]
        assert [c for c in cells if not _formula_free(c)] == [], export.name
        for name in _names_in(export):
            assert ("'" + name if name.startswith(FORMULA_CHARS) else name) in cells, (export.name, name)
        assert not [c for c in cells if c.startswith("''")]  # neutralised once, not twice


def test_excel_files_hold_hostile_names_as_text_that_never_runs(conn):
    for export in _exports(conn):
        book = openpyxl.load_workbook(io.BytesIO(export.excel()))
        cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"], export.name
        texts = [c.value for c in cells if c.data_type == "s"]
        assert [t for t in texts if t.startswith(FORMULA_CHARS)] == [], export.name
        for name in _names_in(export):
            assert ("'" + name if name.startswith(FORMULA_CHARS) else name) in texts, (export.name, name)
        assert book.worksheets[1]["A1"].value == "'=HYPERLINK(\"x\")"
