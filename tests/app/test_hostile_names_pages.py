"""The pages in AppTest on a store whose reasons, sub-reasons, channels and departments
read like SQL, markup and spreadsheet formulas.

A link naming such a reason, channel or department filters by exactly that value; a link
with unknown or hostile values in every parameter opens each page without an exception,
the value ignored; nothing a page does drops or changes a table; names are shown as text
(no markdown element that shows one may render HTML, no HTML element carries one); the
chart downloads hold them as text that no spreadsheet runs as a formula.
"""

from __future__ import annotations

import csv
import io
import threading

import duckdb
import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from tests.support.hostile_names import (
    BOBBY_TABLES, FORMULA_CHARS, FORMULA_STARTS, HOSTILE_NAMES, NUMBER_TEXT, PLAIN_REASON, SCRIPT_TAG, SQL_COMMENT,
    build_hostile_store, exported_rows,
)

PAGES = ("pages/overview.py", "pages/reasons.py", "pages/trends.py", "pages/weekly.py", "pages/ratios.py",
         "pages/data.py", "pages/pilots.py")
LAST_28_DAYS = "started_at >= (select cast(max(started_at) as date) from contacts) - interval 27 day"
# Every parameter a link can carry, each with a value no widget offers.
HOSTILE_LINK = {
    "filter_reason": "' or '1'='1", "filter_channel": "<img src=x onerror=alert(1)>",
    "filter_department": "x' or 1=1 --", "filter_period": [SQL_COMMENT, SCRIPT_TAG], "lang": SCRIPT_TAG,
    "reasons_section": SQL_COMMENT, "reasons_level": "1; drop table contacts", "reasons_window": BOBBY_TABLES,
    "reasons_grain": SCRIPT_TAG, "reasons_mix_by": SQL_COMMENT, "reasons_heatmap_shares": SCRIPT_TAG,
    "reasons_hours_channel": SQL_COMMENT, "weekly_week": SQL_COMMENT, "weekly_level": SCRIPT_TAG,
    "weekly_driver": BOBBY_TABLES, "weekly_show_closed": SQL_COMMENT, "trends_grain": SCRIPT_TAG,
    "trends_naive": SQL_COMMENT, "trends_anomaly": SCRIPT_TAG, "trends_quality": "'; --",
    "ratios_driver": SQL_COMMENT, "ratios_view": SCRIPT_TAG, "ratios_grain": BOBBY_TABLES,
    "ratios_scope": SQL_COMMENT, "ratios_breakdown": SCRIPT_TAG, "ratios_level": SQL_COMMENT,
    "data_section": SCRIPT_TAG, "data_driver": SQL_COMMENT, "pilots_view": SCRIPT_TAG, "pilots_pilot": BOBBY_TABLES,
}


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    return build_hostile_store(tmp_path_factory.mktemp("hostile-pages"))


def _sql(store, query: str, params: dict | None = None) -> list[tuple]:
    conn = duckdb.connect(str(store))
    try:
        return conn.execute(query, params or {}).fetchall()
    finally:
        conn.close()


def _tables(store) -> list[tuple]:
    return _sql(store, "select table_name, estimated_size from duckdb_tables() order by 1")


def _contacts(at) -> int:
    return int(next(m.value for m in at.metric if m.label == "Contacts").replace(",", ""))


def _names_shown_as_text(at) -> int:
    """How many markdown elements show a hostile name; fails if one of them may render HTML
    or an HTML element carries a name."""
    showing = [m for m in [*at.markdown, *at.caption] if any(name in m.value for name in HOSTILE_NAMES)]
    assert [m.value for m in showing if m.proto.allow_html] == []
    assert [h.proto.body for h in at.get("html") if any(name in h.proto.body for name in HOSTILE_NAMES)] == []
    return len(showing)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_link_to_a_hostile_reason_filters_by_exactly_that_reason(app_on, hostile_store, name):
    before = _tables(hostile_store)
    at = app_on(hostile_store, query={"filter_reason": name})

    assert not at.exception
    assert at.sidebar.selectbox(key="filter_reason").value == name
    expected = _sql(hostile_store, f"select count(*) from contacts where reason_l1 = $name and {LAST_28_DAYS}",
                    {"name": name})[0][0]
    assert expected > 0 and _contacts(at) == expected
    assert any(c.value.endswith(f", reason {name}") for c in at.caption)
    assert _names_shown_as_text(at) >= 1
    assert _tables(hostile_store) == before


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_link_to_a_hostile_sub_reason_channel_and_department(app_on, hostile_store, name):
    at = app_on(hostile_store, query={"filter_reason": f"{PLAIN_REASON} > {name}", "filter_channel": name,
                                      "filter_department": name})

    assert not at.exception
    assert [at.sidebar.selectbox(key=k).value for k in ("filter_reason", "filter_channel", "filter_department")] \
        == [f"{PLAIN_REASON} > {name}", name, name]
    expected = _sql(hostile_store, "select count(*) from contacts where reason_l1 = $plain and reason_l2 = $name"
                    f" and channel = $name and department = $name and {LAST_28_DAYS}",
                    {"plain": PLAIN_REASON, "name": name})[0][0]
    assert expected > 0 and _contacts(at) == expected


@pytest.mark.parametrize("page", PAGES)
def test_every_page_ignores_hostile_values_in_every_parameter(app_on, hostile_store, page):
    before = _tables(hostile_store)
    at = app_on(hostile_store, page=page, query=HOSTILE_LINK)

    assert not at.exception
    active = at.session_state["active_contact_filter"]  # what the sidebar made of the link
    assert (active.reason_l1, active.channel, active.channel_group, active.department) == (None, None, None, None)
    assert active.days == 28  # the default period, not the one the link named
    if page == "pages/overview.py":
        assert _contacts(at) == _sql(hostile_store, f"select count(*) from contacts where {LAST_28_DAYS}")[0][0]
    _names_shown_as_text(at)
    assert _tables(hostile_store) == before
    assert _sql(hostile_store, "select count(*) from contacts") == [(len(exported_rows()),)]


@pytest.mark.parametrize("page, query", [
    ("pages/reasons.py", {"filter_reason": SCRIPT_TAG}),
    ("pages/trends.py", {"filter_reason": SCRIPT_TAG}),
    ("pages/weekly.py", {"weekly_level": "1"}),
])
def test_names_on_the_other_pages_are_shown_as_text(app_on, hostile_store, page, query):
    """The filter's caption, the trend's and the weekly headline name a hostile reason."""
    at = app_on(hostile_store, page=page, query=query)
    assert not at.exception
    assert _names_shown_as_text(at) >= 1


@pytest.fixture
def deferred(monkeypatch):
    """Every deferred download a run registers: file id -> the callable that makes the file."""
    registered: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name, **kwargs)
        registered[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return registered


def _download(at, deferred, key: str) -> bytes:
    """The file a click on download button ``key`` gives, made on a thread of its own as
    Streamlit's server makes it."""
    make = deferred[at.download_button(key=key).proto.deferred_file_id]
    made: dict[str, bytes] = {}
    worker = threading.Thread(target=lambda: made.setdefault("data", make()))
    worker.start()
    worker.join(timeout=60)
    return made["data"]


def _formula_free(text: str) -> bool:
    return not text.startswith(FORMULA_CHARS) or NUMBER_TEXT.fullmatch(text) is not None


@pytest.mark.parametrize("page, query, chart, names", [
    (None, {}, "overview_channel_groups", HOSTILE_NAMES),  # the Overview: channel names
    (None, {"lang": "nl"}, "overview_channel_groups", HOSTILE_NAMES),  # ";" separated, as names are
    ("pages/weekly.py", {"weekly_level": "2"}, "weekly_chart", HOSTILE_NAMES + FORMULA_STARTS),  # sub-reasons
])
def test_chart_downloads_hold_hostile_names_as_text_that_never_runs(app_on, hostile_store, deferred, page, query,
                                                                     chart, names):
    at = app_on(hostile_store, page=page, query=query)
    assert not at.exception
    expected = {"'" + n if n.startswith(FORMULA_CHARS) else n for n in names}

    separator = ";" if query.get("lang") == "nl" else ","
    rows = list(csv.reader(io.StringIO(_download(at, deferred, f"{chart}_csv").decode("utf-8-sig"), newline=""),
                           delimiter=separator))
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if not _formula_free(c)] == []
    assert expected <= set(cells)

    book = openpyxl.load_workbook(io.BytesIO(_download(at, deferred, f"{chart}_xlsx")))
    every = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in every if c.data_type == "f"] == []
    texts = {c.value for c in every if c.data_type == "s"}
    assert [t for t in texts if t.startswith(FORMULA_CHARS)] == []
    assert expected <= texts
