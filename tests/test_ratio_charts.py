"""The Contact ratios charts' hovers write a ratio as the tables do: a small ratio never
reads as 0.0."""

from __future__ import annotations

import pandas as pd

from analytics.charts.ratios import part_ratio_chart, rate_format, ratio_chart, start_small_chart
from analytics.formatting import rate


def test_the_hover_format_keeps_two_significant_digits_of_the_smallest_ratio():
    assert rate_format(pd.Series([12.3, 4.5])) == ",.1f"
    assert rate_format(pd.Series([0.013, 2.0])) == ",.3f"
    assert rate_format(pd.Series([0.0, None]), pd.Series([], dtype=float)) == ",.1f"
    # The format's decimals are the table's: the same digits as formatting.rate.
    assert rate(0.013) == "0.013"


def test_every_ratio_chart_hovers_a_small_ratio_with_enough_decimals():
    days = pd.date_range("2026-06-01", periods=3)
    periods = pd.DataFrame({"ratio": [0.013, 0.02, None], "expected_ratio": [0.015, 0.015, 0.015],
                            **{band: [0.01, 0.01, 0.01] for band in ("lo80", "lo95")},
                            **{band: [0.02, 0.02, 0.02] for band in ("hi80", "hi95")}}, index=days)
    parts = pd.DataFrame({"part": ["a", "b"], "ratio": [0.013, 0.4], "previous_ratio": [0.02, 0.3]})
    scatter = pd.DataFrame({"unit": ["a", "b"], "contacts": [3, 40], "ratio": [0.013, 0.4], "change": [0.1, None],
                            "candidate": [True, False]})
    figures = [ratio_chart(periods), part_ratio_chart(parts),
               start_small_chart(scatter, volume_threshold=None, ratio_threshold=None)]
    hovers = [trace.hovertemplate for figure in figures for trace in figure.data if trace.hovertemplate]
    assert len(hovers) == 5
    assert all(":,.3f}" in hover and ",.1f" not in hover for hover in hovers), hovers
