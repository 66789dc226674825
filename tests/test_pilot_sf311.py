"""A pilot on real data that lacks most fields (the San Francisco 311 sample: no customer
ids, handle times, resolution, satisfaction, drivers or costs): the evaluation still
gives an effect with an interval, and says which KPIs and figures are missing instead of
failing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from analytics.pilots.evaluation import evaluate_pilot
from analytics.pilots.registry import PilotSpec, add_pilot
from analytics.store import open_store
from tests.support.stores import build_sf311_store


@pytest.fixture(scope="module")
def sf311(tmp_path_factory):
    conn = open_store(build_sf311_store(tmp_path_factory.mktemp("pilot_sf311") / "sf.duckdb"))
    yield conn
    conn.close()


def test_a_pilot_on_thin_real_data_is_judged_and_its_gaps_named(sf311):
    pilot = add_pilot(sf311, PilotSpec("Sewer self-service", ("Sewer Issues",), date(2017, 9, 4), date(2017, 10, 1),
                                       channels=("Phone",)))
    evaluation = evaluate_pilot(sf311, pilot)
    headline = evaluation.pilot_window.headline
    assert headline.ci_low < headline.relative_effect < headline.ci_high
    kpis = {k.kpi: k for k in evaluation.pilot_window.kpis}
    assert kpis["volume"].available
    for missing in ("contact_ratio", "handle_time", "first_contact_resolution", "repeat_rate_7d", "satisfaction"):
        assert not kpis[missing].available and kpis[missing].note, missing
    assert evaluation.pilot_window.money is None  # no cost per contact in this data
    assert any(c.startswith("Not in the data:") for c in evaluation.caveats)
    assert any("contacts a day" in c for c in evaluation.caveats)  # about 1 sewer call a day
    json.dumps(evaluation.to_dict(), allow_nan=False)  # the CLI's output is valid JSON even with gaps
