"""The simulation study (see :mod:`tests.simulation.pilot_study`): at least 200 simulated
pilots with known effects from 0 to -30% and windows of 2 to 6 weeks.

Required of the headline estimate: its 95% interval covers the true effect in 90-98% of
the pilots, a true effect of 0 is called significant in at most 7%, and the mean error is
within 2 percentage points. The table is written to ``test-artifacts/pilot-simulation.json``
(the README shows it).
"""

from __future__ import annotations

import json
import time

import pytest

from tests.simulation.pilot_study import markdown_table, run_study, summary
from tests.support.stores import ROOT

ARTIFACT = ROOT / "test-artifacts" / "pilot-simulation.json"
TIME_LIMIT_SECONDS = 180


@pytest.mark.slow
def test_the_headline_estimate_is_calibrated_on_200_simulated_pilots():
    clock = time.perf_counter()
    study = run_study()
    seconds = time.perf_counter() - clock
    result = summary(study)
    result["seconds"] = round(seconds, 1)
    result["table_markdown"] = markdown_table(result)
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    headline = result["overall"]["headline"]
    assert headline["pilots"] >= 200
    assert (study["true_effect"] == 0).sum() >= 60
    assert set(study["weeks"]) == {2, 3, 4, 5, 6} and study["true_effect"].min() == pytest.approx(-0.3)
    assert 0.90 <= headline["coverage_95"] <= 0.98, headline
    assert headline["false_positive_rate"] <= 0.07, headline
    assert abs(headline["mean_error_pp"]) <= 2.0, headline
    assert seconds < TIME_LIMIT_SECONDS
