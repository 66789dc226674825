"""After rollout: an effect that lasts is said to hold, one that wears off is said to
fade from about the week it did (series with a known truth, control-group method)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.baseline.synthetic import synthetic_daily_counts, synthetic_daily_mean
from analytics.pilots.control import ControlGroup
from analytics.pilots.estimators import control_estimate
from analytics.pilots.evaluation import _fade, weekly_effects
from analytics.pilots.registry import PilotSpec

START, END, ROLLOUT, LAST = date(2025, 3, 3), date(2025, 3, 30), date(2025, 3, 31), date(2025, 9, 28)
WEARS_OFF = date(2025, 6, 2)


def _case(wears_off: bool, seed: int):
    effects = [(str(START), str(WEARS_OFF - pd.Timedelta(days=1)) if wears_off else str(LAST), 0.7)]
    target = synthetic_daily_counts(synthetic_daily_mean("2023-01-02", 1001, base=300, seed=seed, effects=effects),
                                    alpha=0.005, seed=seed + 1)
    control = synthetic_daily_counts(synthetic_daily_mean("2023-01-02", 1001, base=1200, seed=seed + 2),
                                     alpha=0.005, seed=seed + 3)
    target, control = target.loc[:str(LAST)], control.loc[:str(LAST)]
    pilot = PilotSpec("p", ("A",), START, END, rollout_on=ROLLOUT)
    group = ControlGroup(("B",), control, 0.9, True, pd.DataFrame())
    headline = control_estimate(target, control, START, END)
    weekly = weekly_effects(target, group, None, pilot, LAST, "control")
    return headline, weekly, _fade(weekly, pilot, headline)


@pytest.mark.parametrize("seed", [3, 11])
def test_a_lasting_effect_holds(seed):
    headline, weekly, (fades, note) = _case(False, seed)
    assert headline.significant and headline.ci_low < -0.3 < headline.ci_high
    assert fades is None and note.startswith("The effect holds")
    after = weekly[weekly["after_rollout"]]
    assert len(after) == 26 and (after["relative_effect"] < 0).all()


@pytest.mark.parametrize("seed", [3, 11])
def test_an_effect_that_wears_off_is_said_to_fade_about_when_it_did(seed):
    _, weekly, (fades, note) = _case(True, seed)
    assert fades is not None and note.startswith("The effect fades")
    # The four weeks from the fade week must be mostly after the effect ended.
    ended = pd.Timestamp(WEARS_OFF)
    assert ended - pd.Timedelta(weeks=2) <= pd.Timestamp(fades) <= ended + pd.Timedelta(weeks=1)
