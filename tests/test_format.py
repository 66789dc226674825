"""Table text for the interface: a missing number shows as a dash, never "None" or "nan"."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui import format


def test_with_dashes_formats_numbers_and_dashes_the_missing():
    frame = pd.DataFrame({"reason": ["A", "B"], "change": [0.1234, np.nan], "cost": [56023.4, None]})
    shown = format.with_dashes(frame, {"change": "{:+.1%}", "cost": "€ {:,.0f}", "absent": "{}"})
    assert shown["change"].tolist() == ["+12.3%", "–"]
    assert shown["cost"].tolist() == ["€ 56,023", "–"]
    assert shown["reason"].tolist() == ["A", "B"]  # columns without a format are left alone
    assert "absent" not in shown


def test_money_without_a_known_cost_is_a_dash():
    assert format.money(1234.5) == "€ 1,234"
    assert format.money(float("nan")) == "–"
    assert format.money(None) == "–"
