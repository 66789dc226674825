"""The shared chart layout: numbers on axes with thousands separators, Dutch dates and
separators when the interface is Dutch, a chart's own axis format left alone."""

from __future__ import annotations

import pandas as pd

from analytics.charts import daily_contacts_chart
from analytics.charts.weekly import taxonomy_trend_chart
from analytics.i18n import using_language

DAILY = pd.DataFrame({"day": pd.date_range("2026-01-01", periods=30), "contacts": range(2500, 2530)})


def test_counts_get_thousands_separators_and_dates_stay_dates():
    fig = daily_contacts_chart(DAILY)
    assert fig.layout.yaxis.tickformat == ","
    assert fig.layout.xaxis.tickformat is None  # plotly's own date ticks in English
    assert fig.layout.separators == ".,"


def test_dutch_charts_write_dutch_numbers_and_dates():
    with using_language("nl"):
        fig = daily_contacts_chart(DAILY)
    assert fig.layout.separators == ",."  # decimal comma, thousands dot: 2.500
    assert fig.layout.xaxis.tickformat == "%d-%m-%Y" and fig.layout.xaxis.hoverformat == "%d-%m-%Y"


def test_a_percentage_axis_keeps_its_own_format():
    monthly = pd.DataFrame({"month": pd.date_range("2026-01-01", periods=3, freq="MS"),
                            "other_share": [0.1, 0.12, 0.08], "first_level_only_share": [0.2, 0.1, 0.05]})
    fig = taxonomy_trend_chart(monthly, labels={"other": "Other", "shallow": "Only level 1", "share": "Share"})
    assert fig.layout.yaxis.tickformat == ".0%"


def test_a_single_day_is_drawn_as_a_dot_on_a_day_axis():
    one = daily_contacts_chart(pd.DataFrame({"day": pd.to_datetime(["2025-03-24"]), "contacts": [235]}))
    assert one.data[0].mode == "lines+markers"
    assert [pd.Timestamp(x) for x in one.layout.xaxis.range] == [pd.Timestamp("2025-03-23"), pd.Timestamp("2025-03-25")]
    many = daily_contacts_chart(pd.DataFrame({"day": pd.date_range("2025-03-01", periods=28), "contacts": range(28)}))
    assert many.data[0].mode == "lines" and many.layout.xaxis.range is None


def test_a_few_weeks_or_months_get_an_axis_of_their_own():
    """Without a baseline a short period at week or month grain is one or two points: each
    gets its tick, with a period's room on either side, not plotly's guess around a dot."""
    weeks = daily_contacts_chart(pd.DataFrame({"day": pd.to_datetime(["2026-03-02", "2026-03-09"]),
                                               "contacts": [700, 650]}), grain="week")
    assert weeks.layout.xaxis.dtick == 7 * 86_400_000
    assert pd.Timestamp(weeks.layout.xaxis.range[0]) == pd.Timestamp("2026-02-23")
    month = daily_contacts_chart(pd.DataFrame({"day": pd.to_datetime(["2026-03-01"]), "contacts": [2800]}),
                                 grain="month")
    assert month.layout.xaxis.dtick == "M1" and month.data[0].mode == "lines+markers"


def test_up_to_twelve_weeks_or_months_each_get_a_tick_on_their_first_day():
    """Five weeks: a tick on each Monday the points stand on, not plotly's step between them;
    a long daily or weekly series keeps plotly's own ticks."""
    mondays = pd.date_range("2026-03-02", periods=5, freq="7D")
    weeks = daily_contacts_chart(pd.DataFrame({"day": mondays, "contacts": range(5)}), grain="week")
    assert [pd.Timestamp(x) for x in weeks.layout.xaxis.tickvals] == list(mondays)
    assert weeks.data[0].mode == "lines+markers"
    many = daily_contacts_chart(pd.DataFrame({"day": pd.date_range("2025-01-06", periods=40, freq="7D"),
                                              "contacts": range(40)}), grain="week")
    assert many.layout.xaxis.tickvals is None
    days = daily_contacts_chart(pd.DataFrame({"day": pd.date_range("2025-03-01", periods=10), "contacts": range(10)}))
    assert days.layout.xaxis.tickvals is None
