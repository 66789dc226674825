"""The view models of the tables: what a screen shows, in the language, numbers kept."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import table_views
from analytics.i18n import using_language
from analytics.ratios import NOT_RECORDED


def test_channel_costs_are_edited_as_text_in_the_language_and_read_back():
    channels = pd.DataFrame({"channel": ["Phone", "Post"], "channel_group": ["voice", "written"],
                             "cost_per_contact": [6.5, None], "contacts": [59468, 12]})
    with using_language("nl"):
        view = table_views.channel_table(channels)
        assert view.data["cost_per_contact"].iloc[0] == "6,50" and pd.isna(view.data["cost_per_contact"].iloc[1])
        assert view.texts()["Kosten per contact (€)"].tolist() == ["6,50", "–"]
        edited = view.data.assign(cost_per_contact=["7,25", ""])
        costs = table_views.channels_from_edited(edited)["cost_per_contact"]
        assert costs.iloc[0] == 7.25 and pd.isna(costs.iloc[1])  # emptied: no cost known
        with pytest.raises(ValueError, match="Kanaal 'Phone': '7.25' is geen bedrag"):
            table_views.channels_from_edited(view.data.assign(cost_per_contact=["7.25", None]))


def test_outside_the_band_says_above_or_below_in_the_language():
    anomalies = pd.DataFrame({"week": pd.to_datetime(["2026-06-01"]), "actual": [972.0], "expected": [1137.6],
                              "gap": [-165.6], "gap_pct": [-0.1456], "direction": ["below"], "lo95": [1000.0]})
    with using_language("nl"):
        shown = table_views.anomalies_table(anomalies).texts()
    assert shown.iloc[0].tolist() == ["Week 23 2026", "972", "1.138", "-166", "-14,6%", "Onder de band"]


def test_a_dimension_not_recorded_is_named_in_the_language():
    table = pd.DataFrame({"unit": [f"Account > Login · {NOT_RECORDED}"], "contacts": [12], "ratio": [1.25],
                          "change": [None], "handle_minutes": [None], "cost": [None], "cost_unknown_contacts": [0],
                          "candidate": [False]})
    with using_language("nl"):
        view = table_views.start_small_table(table, unit_label="Contactreden · product", driver="orders")
    assert view.data["unit"].tolist() == ["Account > Login · (niet vastgelegd)"]
    assert list(view.columns) == ["unit", "contacts", "ratio", "change", "candidate"]  # empty columns left out
