"""The view models of the tables: what a screen shows, in the language, numbers kept."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

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
    assert shown.iloc[0].tolist() == ["Week 23 2026", "972", "1.138", "\u2212166", "\u221214,6%", "Onder de band"]


def test_a_dimension_not_recorded_is_named_in_the_language():
    table = pd.DataFrame({"unit": [f"Account > Login · {NOT_RECORDED}"], "contacts": [12], "ratio": [1.25],
                          "change": [None], "handle_minutes": [None], "cost": [None], "cost_unknown_contacts": [0],
                          "candidate": [False]})
    with using_language("nl"):
        view = table_views.start_small_table(table, unit_label="Contactreden · product", driver="orders")
    assert view.data["unit"].tolist() == ["Account > Login · (niet vastgelegd)"]
    assert list(view.columns) == ["unit", "contacts", "ratio", "change", "candidate"]  # empty columns left out


def _estimate(method, expected, actual, effect, low, high, placebo=None):
    return SimpleNamespace(method=method, expected=expected, actual=actual, relative_effect=effect, ci_low=low,
                           ci_high=high, placebo=placebo)


def test_a_pilots_methods_read_in_the_language_with_numbers_kept():
    placebo = SimpleNamespace(n=24, false_positive_rate=0.0417)
    window = SimpleNamespace(
        naive=_estimate("naive", 1200.4, 1010.0, -0.1586, None, None),
        baseline=_estimate("baseline", 1320.0, 1010.0, -0.2348, -0.32, -0.13, placebo),
        control=None, headline=SimpleNamespace(method="baseline"))
    with using_language("nl"):
        view = table_views.pilot_methods_table(window)
        shown = view.texts()
    assert list(shown.columns) == ["Methode", "Verwacht", "Werkelijk", "Effect", "95%-interval", "Nepproeven",
                                   "Vals alarm"]
    assert shown.iloc[0].tolist() == ["voor/na", "1.200", "1.010", "\u221216%", "–", "–", "–"]
    assert shown.iloc[1].tolist()[3:] == ["\u221223%", "\u221232% tot \u221213%", "24", "4,2%"]
    assert shown.iloc[1, 0].endswith(" ★")  # the headline's method
    assert view.data["effect"].dtype == "float64" and view.data["expected"].dtype == "float64"  # sorts as numbers


def test_the_pilot_registry_says_what_is_unknown_with_a_dash():
    pilot = SimpleNamespace(name="FAQ", status="running", target_reasons=("Returns > Label",), channels=("Phone",),
                            segment=None, starts_on=date(2026, 5, 4), ends_on=date(2026, 5, 31), expected_effect=-0.2,
                            rollout_on=None, owner=None, control_reasons=())
    owned = SimpleNamespace(**{**vars(pilot), "name": "Chatbot", "owner": "IT", "expected_effect": None})
    with using_language("nl"):
        view = table_views.pilot_registry_table([pilot, owned], {}, {"Chatbot": "\u221230% (\u221240% tot \u221218%)"})
        shown = view.texts()
    first, second = shown.iloc[0], shown.iloc[1]
    assert first["Eerste dag"] == "04-05-2026" and first["Laatste dag"] == "31-05-2026"
    assert (first["Verwacht effect"], second["Verwacht effect"]) == ("\u221220%", "–")
    assert (first["Kernresultaat (95%-interval)"], first["Eigenaar"], second["Eigenaar"]) == ("–", "–", "IT")
    assert first["Doelgroep"] == "Returns > Label (Phone)"
    assert "Uitrol" not in shown and "Overlappingen" not in shown  # no pilot has one: no column of dashes
    assert view.data["starts_on"].dtype.kind == "M"  # a date column: sorts by date


def test_a_pilots_kpis_each_in_its_own_unit():
    kpis = [SimpleNamespace(kpi="volume", unit="contacts", available=True, before=1320.2, during=1010.0,
                            relative_effect=-0.2348, relative_ci_low=-0.32, relative_ci_high=-0.13, significant=True),
            SimpleNamespace(kpi="first_contact_resolution", unit="share", available=True, before=0.712, during=0.7345,
                            relative_effect=0.0316, relative_ci_low=-0.01, relative_ci_high=0.07, significant=False),
            SimpleNamespace(kpi="satisfaction", unit="share", available=False)]
    with using_language("nl"):
        shown = table_views.pilot_kpis_table(kpis).texts()
    assert len(shown) == 2  # what the data does not record is not a row
    assert shown.iloc[0, 1:].tolist() == ["1.320", "1.010", "\u221223%", "\u221232% tot \u221213%", "ja"]
    assert shown.iloc[1, 1:].tolist() == ["71,2%", "73,5%", "+3%", "\u22121% tot +7%", "nee"]
