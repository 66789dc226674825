"""The Contact ratios charts' hovers write a ratio as the tables do: a small ratio never
reads as 0.0, and an ordinary one keeps its one decimal."""

from __future__ import annotations

import pandas as pd

from analytics.charts.ratios import part_ratio_chart, rate_texts, ratio_chart, start_small_chart
from analytics.i18n import using_language


def test_each_ratio_is_written_as_the_tables_write_it():
    assert rate_texts(pd.Series([12.3, 0.013, None])) == ["12.3", "0.013", "–"]
    with using_language("nl"):
        assert rate_texts(pd.Series([1234.5, 0.013])) == ["1.234,5", "0,013"]


def test_every_ratio_chart_hovers_each_ratio_in_its_own_digits():
    days = pd.date_range("2026-06-01", periods=3)
    periods = pd.DataFrame({"ratio": [0.013, 12.3, None], "expected_ratio": [0.015, 11.0, 11.0],
                            **{band: [0.01, 10.0, 10.0] for band in ("lo80", "lo95")},
                            **{band: [0.02, 13.0, 13.0] for band in ("hi80", "hi95")}}, index=days)
    parts = pd.DataFrame({"part": ["a", "b"], "ratio": [0.013, 12.3], "previous_ratio": [0.02, 11.0]})
    scatter = pd.DataFrame({"unit": ["a", "b"], "contacts": [3, 40], "ratio": [0.013, 12.3], "change": [0.1, None],
                            "candidate": [True, False]})
    figures = [ratio_chart(periods), part_ratio_chart(parts),
               start_small_chart(scatter, volume_threshold=None, ratio_threshold=None)]
    hovered = [trace for figure in figures for trace in figure.data if trace.hovertemplate]
    assert len(hovered) == 5
    assert all("%{customdata" in trace.hovertemplate and ":,.1f" not in trace.hovertemplate for trace in hovered)
    texts = [str(cell) for trace in hovered for cell in pd.DataFrame(list(trace.customdata)).to_numpy().ravel()]
    assert "0.013" in texts and "12.3" in texts and "12.300" not in texts
