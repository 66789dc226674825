"""The simulation study (see :mod:`tests.simulation.pilot_study`): at least 200 simulated
pilots with known effects from 0 to -30% and windows of 2 to 6 weeks.

Required of the headline estimate: its 95% interval covers the true effect in 90-98% of
the pilots, a true effect of 0 is called significant in at most 7%, and the mean error is
within 2 percentage points. The table is written to ``test-artifacts/pilot-simulation.json``
(the README shows it).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support.stores import ROOT

ARTIFACT = ROOT / "test-artifacts" / "pilot-simulation.json"
TIME_LIMIT_SECONDS = 180


@pytest.mark.slow
def test_the_headline_estimate_is_calibrated_on_200_simulated_pilots():
    # A process of its own: the study's worker processes are spawned, and a spawned worker
    # re-runs the parent's main script, which in this test process may be the app.
    subprocess.run([sys.executable, "-m", "tests.simulation.pilot_study", "--json", str(ARTIFACT)],
                   cwd=ROOT, check=True, timeout=2 * TIME_LIMIT_SECONDS, capture_output=True)
    result = json.loads(ARTIFACT.read_text(encoding="utf-8"))

    headline = result["overall"]["headline"]
    assert headline["pilots"] >= 200
    assert result["design"]["zero_effect_pilots"] >= 60
    assert result["design"]["weeks"] == [2, 3, 4, 5, 6]
    assert result["design"]["strongest_true_effect"] == pytest.approx(-0.3)
    assert 0.90 <= headline["coverage_95"] <= 0.98, headline
    assert headline["false_positive_rate"] <= 0.07, headline
    assert abs(headline["mean_error_pp"]) <= 2.0, headline
    assert result["seconds"] < TIME_LIMIT_SECONDS
