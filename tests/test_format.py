"""Numbers and dates as each language writes them, and table text where a missing number
shows as a dash, never "None" or "nan"."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from analytics import formatting
from analytics.i18n import using_language
from ui import format


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["1,234.5", "1,234", "+1,234", "12.5%", "+12.5%", "\u22123%", "€1,234", "\u2212€56", "€12.35",
            "3:25 min"]),
    ("nl", ["1.234,5", "1.234", "+1.234", "12,5%", "+12,5%", "\u22123%", "€ 1.234", "\u2212€ 56", "€ 12,35",
            "3:25 min"]),
])
def test_numbers_in_each_language(language, expected):
    with using_language(language):
        shown = [formatting.decimal(1234.5, 1), formatting.count(1234.4), formatting.count(1234, signed=True),
                 formatting.percent(0.125, digits=1), formatting.percent(0.125, digits=1, signed=True),
                 formatting.percent(-0.03), formatting.money(1234.4), formatting.money(-56.2),
                 formatting.money(12.345, digits=2), formatting.seconds_as_minutes(205)]
    assert shown == expected


def test_millions_get_every_separator():
    assert formatting.count(1234567, language="nl") == "1.234.567"
    assert formatting.count(1234567, language="en") == "1,234,567"
    assert formatting.decimal(-1234567.891, 2, language="nl") == "\u22121.234.567,89"


def test_an_explicit_language_beats_the_active_one():
    with using_language("nl"):
        assert formatting.decimal(1234.5, 1, language="en") == "1,234.5"
    assert formatting.decimal(1234.5, 1, language="nl") == "1.234,5"


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["13 Mar 2025", "13 Mar 2025 14:05", "2 Jan 2026", "Mar 2025", "Week 11, 2025", "YYYY-MM-DD"]),
    ("nl", ["13-03-2025", "13-03-2025 14:05", "02-01-2026", "mrt 2025", "Week 11 2025", "DD-MM-YYYY"]),
])
def test_dates_in_each_language(language, expected):
    with using_language(language):
        shown = [formatting.day(date(2025, 3, 13)), formatting.moment(datetime(2025, 3, 13, 14, 5)),
                 formatting.day(pd.Timestamp("2026-01-02 08:00")), formatting.month(date(2025, 3, 1)),
                 formatting.week_label(date(2025, 3, 13)), formatting.date_input_format()]
    assert shown == expected


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT])
def test_missing_values_are_a_dash(missing):
    for language in ("en", "nl"):
        assert formatting.count(missing, language=language) == "–"
        assert formatting.percent(missing, language=language) == "–"
        assert formatting.money(missing, language=language) == "–"
        assert formatting.day(missing, language=language) == "–"
        assert formatting.seconds_as_minutes(missing, language=language) == "–"


def test_no_negative_zero():
    assert formatting.percent(-0.0004, signed=True) == "+0%"
    assert formatting.count(-0.2) == "0"


def test_with_dashes_formats_numbers_and_dashes_the_missing():
    frame = pd.DataFrame({"reason": ["A", "B"], "change": [0.1234, np.nan], "cost": [56023.4, None]})
    formats = {"change": format.as_percent(1, signed=True), "cost": format.as_money(), "absent": format.as_count()}
    shown = format.with_dashes(frame, formats)
    assert shown["change"].tolist() == ["+12.3%", "–"]
    assert shown["cost"].tolist() == ["€56,023", "–"]
    assert shown["reason"].tolist() == ["A", "B"]  # columns without a format are left alone
    assert "absent" not in shown
    with using_language("nl"):
        dutch = format.with_dashes(frame, formats)
    assert dutch["change"].tolist() == ["+12,3%", "–"]
    assert dutch["cost"].tolist() == ["€ 56.023", "–"]


def test_money_without_a_known_cost_is_a_dash():
    assert format.money(1234.5) == "€1,234"
    assert format.money(float("nan")) == "–"
    assert format.money(None) == "–"


def test_locale_rules_come_from_cldr():
    """Babel's rules, the house style on top: a sign in front (a true minus, U+2212), fixed
    decimals, no "−0"."""
    assert formatting.money(-1234.5, digits=2, language="nl") == "\u2212€ 1.234,50"
    assert formatting.money(-1234.5, digits=2, language="en") == "\u2212€1,234.50"
    assert formatting.decimal(-0.004, 2, language="nl") == "0,00"
    assert formatting.percent(0.0005, signed=True, digits=1, language="en") == "+0.1%"
    assert formatting.decimal(12.345, 2, language="en") == "12.35"  # as f"{12.345:.2f}" rounds it
    assert formatting.month(date(2025, 3, 1), language="nl") == "mrt 2025"
    assert formatting.long_date(datetime(2015, 4, 22, 15, 53), language="nl") == "22 april 2015 15:53"
    assert formatting.long_date(date(15, 4, 22), language="en") == "22 April 15"


@pytest.mark.parametrize(("language", "typed", "expected"), [
    ("nl", "3,50", 3.5), ("nl", "€ 1.234,5", 1234.5), ("en", "3.50", 3.5), ("en", "€1,234.5", 1234.5),
    ("nl", "", None), ("en", None, None), ("nl", "\u22123,50", -3.5),
])
def test_typed_amounts_are_read_in_the_language(language, typed, expected):
    assert formatting.parsed_decimal(typed, language=language) == expected


@pytest.mark.parametrize(("language", "typed"), [("nl", "3.50"), ("nl", "drie"), ("en", "3,5")])
def test_an_amount_in_the_other_notation_is_refused(language, typed):
    with pytest.raises(ValueError):
        formatting.parsed_decimal(typed, language=language)


def test_a_table_view_keeps_numbers_and_writes_each_kind_one_way():
    frame = pd.DataFrame({"reason": ["A", "B"], "contacts": [1605, 12], "change": [0.4343, None],
                          "cost": [7877.4, 75028.0], "unused": [1, 2]})
    view = formatting.table_view(frame, {
        "reason": formatting.Column("Reason"), "contacts": formatting.Column("Contacts", "count"),
        "change": formatting.Column("Change", "change"), "cost": formatting.Column("Cost", "money"),
        "absent": formatting.Column("Absent", "count")})
    assert list(view.data.columns) == ["reason", "contacts", "change", "cost"]  # only what is shown, in order
    assert view.data["contacts"].tolist() == [1605, 12]  # numbers stay numbers: the table sorts them
    with using_language("nl"):
        shown = view.texts()
    assert shown.to_dict("list") == {"Reason": ["A", "B"], "Contacts": ["1.605", "12"], "Change": ["+43,4%", "–"],
                                     "Cost": ["€ 7.877", "€ 75.028"]}
    with pytest.raises(ValueError, match="Unknown kind"):
        formatting.Column("Oops", "percentage")


def test_a_rate_too_small_for_its_decimals_keeps_two_significant_digits():
    """One contact per 77,647 orders is 0.013 contacts per 1,000: "0.0" would hide it."""
    assert formatting.rate(12.345) == "12.3" and formatting.rate(0.0) == "0.0" and formatting.rate(None) == "–"
    assert formatting.rate(1000 * 1 / 77_647) == "0.013"
    assert formatting.rate(0.049) == "0.049"
    assert formatting.rate(0.0129, language="nl") == "0,013"
    assert formatting.rate(0.004, 2) == "0.0040"
    assert formatting.KIND_FORMATS["ratio"](0.0129) == "0.013"
