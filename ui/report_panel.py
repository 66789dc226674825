"""The meeting material of a page: its report as a deck (.pptx), an HTML file and a PDF.

The files are built only when a button is clicked (``st.download_button(data=callable)``),
on a thread of Streamlit's server without the script's context: no session state and not
the session's language. So everything a file needs (the store's connection, the week,
level, driver and filters, or the pilot and its evaluation, and the language) is captured
while the page runs, and the build speaks the captured language. Each query runs on a
cursor of its own. A click does not rerun the page (``on_click="ignore"``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import streamlit as st

from analytics.filters import ContactFilter
from analytics.i18n import active_language, t, using_language
from analytics.reports import html as html_report
from analytics.reports import pdf as pdf_report
from analytics.reports.model import Report
from ui import cache

MIME = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "html": "text/html", "pdf": "application/pdf"}


@dataclass(frozen=True)
class ReportFiles:
    """How to build one page's report, fixed when the page ran."""

    build: Callable[[duckdb.DuckDBPyConnection, str, datetime], Report]  # (cursor, language, generated at)
    conn: duckdb.DuckDBPyConnection
    language: str
    name: str  # the start of the file names: "weekly-report-2026-W47-level-2"
    # The report is built once per page run, on the first click: a second format of the
    # same view (the HTML after the deck) comes without building it again.
    _built: list = field(default_factory=list, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def report(self) -> Report:
        with self._lock:
            if not self._built:
                cursor = self.conn.cursor()
                try:
                    with using_language(self.language):
                        self._built.append(self.build(cursor, self.language, datetime.now().replace(microsecond=0)))
                finally:
                    cursor.close()
            return self._built[0]

    def file_name(self, extension: str) -> str:
        return f"{self.name}-{self.language}.{extension}"

    def pptx(self) -> bytes:
        from analytics.reports.deck import to_pptx

        return to_pptx(self.report())

    def html(self) -> bytes:
        return html_report.to_html(self.report()).encode("utf-8")

    def pdf(self) -> bytes:
        return pdf_report.to_pdf(self.report())


def _slug(text: str) -> str:
    """"Chat bot / FAQ (NL)" → "chat-bot-faq-nl": a file-name-safe piece."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "report"


def show(files: ReportFiles, *, key: str, scope: str) -> None:
    """Three download buttons (deck, HTML, PDF) with a line saying what the files show."""
    with st.container(border=True, key=f"{key}_reports"):
        st.markdown(f"**{t('report_ui.heading')}**")
        st.caption(scope)
        columns = st.columns(3)
        no_pdf = pdf_report.chromium_path() is None
        buttons = [("pptx", files.pptx, "report_ui.deck", "report_ui.deck_help", False),
                   ("html", files.html, "report_ui.html", "report_ui.html_help", False),
                   ("pdf", files.pdf, "report_ui.pdf", "report_ui.no_chromium" if no_pdf else "report_ui.pdf_help",
                    no_pdf)]
        for column, (extension, make, label, help_key, disabled) in zip(columns, buttons):
            column.download_button(t(label), data=make, file_name=files.file_name(extension), mime=MIME[extension],
                                   key=f"{key}_report_{extension}", help=t(help_key), on_click="ignore",
                                   disabled=disabled, icon=":material/download:", width="stretch")


def weekly(week_start: date, level: int, driver: str | None, contact_filter: ContactFilter, *, week_code: str) -> None:
    """The Weekly report page's files: this week, level, driver and the sidebar's filters."""
    from analytics.reports.weekly import build_weekly_report

    def build(cursor: duckdb.DuckDBPyConnection, language: str, generated_at: datetime) -> Report:
        return build_weekly_report(cursor, week_start=week_start, level=level, driver=driver or "",
                                   contact_filter=contact_filter, language=language, generated_at=generated_at,
                                   today=date.today())

    files = ReportFiles(build=build, conn=cache.connection(), language=active_language(),
                        name=f"weekly-report-{week_code}-level-{level}")
    show(files, key="weekly", scope=t("report_ui.scope_weekly", week=week_code, level=level))


def pilot(name: str, evaluation=None, reasons_as_recorded: bool | None = None) -> None:
    """A pilot's evaluation as files; ``evaluation`` is the page's (cached) one, reused
    (made with the same ``reasons_as_recorded``)."""
    from analytics.reports.pilot import build_pilot_report

    def build(cursor: duckdb.DuckDBPyConnection, language: str, generated_at: datetime) -> Report:
        return build_pilot_report(cursor, name, language=language, generated_at=generated_at, evaluation=evaluation,
                                  reasons_as_recorded=reasons_as_recorded)

    files = ReportFiles(build=build, conn=cache.connection(), language=active_language(),
                        name=f"pilot-{_slug(name)}")
    show(files, key="pilots", scope=t("report_ui.scope_pilot", name=name))
