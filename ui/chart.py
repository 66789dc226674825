"""Every chart on every page: drawn, with a Download button under it for the chart as PNG
and SVG and its data as CSV and Excel.

The files are made only when a button is clicked (``st.download_button(data=callable)``),
on a thread of Streamlit's server without the script's context: no session state and not
the session's language. So everything a file needs (figure, data, scope, freshness,
language) is captured in a :class:`ChartExport` while the page runs, and its methods speak
the captured language. A click does not rerun the page (``on_click="ignore"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.exports.figures import figure_png, figure_svg, stamped_figure
from analytics.exports.stamp import export_context
from analytics.exports.tables import csv_bytes, excel_bytes, readable_columns
from analytics.filters import ContactFilter
from analytics.i18n import active_language, t, using_language
from analytics.overview import StoreFreshness
from ui import cache, filters, presentation

IMAGE_SIZE = (1280, 720)  # layout pixels, 16:9; the PNG has PNG_SCALE times as many
PNG_SCALE = 2
MIME = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class _ActiveFilter:
    def __repr__(self) -> str:
        return "ACTIVE_FILTER"


ACTIVE_FILTER: Any = _ActiveFilter()  # the scope the sidebar shows


@dataclass(frozen=True, eq=False)  # holds a figure and a frame: compared by identity
class ChartExport:
    """What the files of one chart are made from, fixed when the page ran."""

    figure: go.Figure
    data: pd.DataFrame | None
    name: str  # "overview-daily": the start of the file names
    title: str | None
    scope: ContactFilter | None  # None: the chart does not follow the sidebar filters
    freshness: StoreFreshness
    language: str
    day: date  # in the file names

    def file_name(self, extension: str) -> str:
        """``overview-daily-20261123.png``"""
        return f"{self.name}-{self.day:%Y%m%d}.{extension}"

    def stamp(self, generated_at: datetime | None = None) -> tuple[str, ...]:
        return export_context(self.scope, self.freshness, generated_at=generated_at or datetime.now(),
                              language=self.language)

    def stamped(self, generated_at: datetime | None = None) -> go.Figure:
        with using_language(self.language):
            return stamped_figure(self.figure, title=self.title, stamp_lines=self.stamp(generated_at))

    def png(self) -> bytes:
        return figure_png(self.stamped(), width=IMAGE_SIZE[0], height=IMAGE_SIZE[1], scale=PNG_SCALE)

    def svg(self) -> bytes:
        return figure_svg(self.stamped(), width=IMAGE_SIZE[0], height=IMAGE_SIZE[1])

    def csv(self) -> bytes:
        with using_language(self.language):
            return csv_bytes(readable_columns(self._data()), language=self.language)

    def excel(self) -> bytes:
        with using_language(self.language):
            return excel_bytes(readable_columns(self._data()), sheet=self.title or t("exports.sheet_data"), stamp_lines=self.stamp(),
                               about_sheet=t("exports.sheet_about"), title=self.title)

    def _data(self) -> pd.DataFrame:
        if self.data is None:
            raise ValueError(f"The chart {self.name} was shown without its data.")
        return self.data


def show(figure: go.Figure, *, key: str, name: str, data: pd.DataFrame | None, title: str | None = None,
         scope: ContactFilter | None = ACTIVE_FILTER, **plotly_options: Any) -> ChartExport:
    """Draw ``figure`` (``st.plotly_chart`` with ``key``) and a Download button under it.

    ``name`` starts the file names (``"<page>-<chart>"``); ``data`` is the frame the chart
    was drawn from (None: images only); ``title`` heads the image files and names the
    Excel sheet; ``scope`` is the filter the chart follows, the sidebar's by default, None
    for a chart that ignores it (a pilot, a driver). Returns what the files are made from.
    """
    st.plotly_chart(cache.drawing(presentation.fit(figure)), key=key, **plotly_options)  # larger while presenting
    export = ChartExport(
        figure=figure, data=data, name=name, title=title,
        scope=filters.active_filter() if scope is ACTIVE_FILTER else scope,
        freshness=cache.store_freshness(cache.current_data_version()), language=active_language(),
        day=date.today(),
    )
    _download_menu(export, key)
    return export


def _download_menu(export: ChartExport, key: str) -> None:
    files = [("png", export.png, "exports.png"), ("svg", export.svg, "exports.svg")]
    if export.data is not None:
        files += [("csv", export.csv, "exports.csv"), ("xlsx", export.excel, "exports.excel")]
    with st.popover(t("exports.download"), icon=":material/download:", help=t("exports.download_help"),
                    key=f"{key}_download"):
        for extension, make, label in files:
            st.download_button(t(label), data=make, file_name=export.file_name(extension), mime=MIME[extension],
                               key=f"{key}_{extension}", help=t(f"{label}_help"), on_click="ignore",
                               type="tertiary", icon=":material/download:")
