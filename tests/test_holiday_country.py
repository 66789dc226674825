"""Whose public holidays the season knows is the store's setting: the Netherlands by default
(and for stores made before), changed by an editor on the Data page or with `store country`,
audited, and followed by the timeline and the baseline."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from analytics import audit
from analytics.access import AccessDenied, Actor, Role, acting_as
from analytics.editing import set_holiday_country
from analytics.store import holiday_country, open_store
from analytics.timeline import timeline
from analytics.trends import volume_trend
from analytics.filters import ContactFilter
from tests.support.stores import ROOT
from tests.test_real_exports import real_export_store


def _holidays(conn, first: date, last: date) -> set[str]:
    return {item.name for item in timeline(conn, first, last) if item.kind == "holiday"}


def test_a_new_store_knows_dutch_holidays_and_an_editor_makes_them_american(tmp_path):
    conn = open_store(tmp_path / "s.duckdb")
    assert holiday_country(conn) == "NL"
    assert "King's Day" in _holidays(conn, date(2025, 4, 20), date(2025, 4, 30))
    with acting_as(Actor("erin@example.org", Role.EDITOR)):
        assert set_holiday_country(conn, " us ") == "US"
    assert holiday_country(conn) == "US"
    assert _holidays(conn, date(2025, 4, 20), date(2025, 4, 30)) == set()
    assert "Independence Day" in _holidays(conn, date(2025, 7, 1), date(2025, 7, 10))
    entry = audit.recent_entries(conn, 1).iloc[0]
    assert (entry["action"], entry["actor_name"]) == ("settings.holiday_country", "erin@example.org")
    assert json.loads(entry["before_json"]) == {"country": "NL"} and json.loads(entry["after_json"]) == {"country": "US"}


def test_viewers_and_unknown_countries_are_refused(tmp_path):
    conn = open_store(tmp_path / "s.duckdb")
    with acting_as(Actor("vera@example.org", Role.VIEWER)), pytest.raises(AccessDenied):
        set_holiday_country(conn, "US")
    with pytest.raises(ValueError, match="'XX' is not a country"):
        set_holiday_country(conn, "XX")
    assert holiday_country(conn) == "NL"


def test_a_boston_export_set_to_american_holidays_is_fitted_and_drawn_with_them(tmp_path):
    store = real_export_store("boston311", tmp_path)
    done = subprocess.run([sys.executable, "-m", "analytics", "store", "country", "US", "--db", str(store)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"holiday_country": "US", "name": "United States"}
    conn = open_store(store, read_only=True)
    named = _holidays(conn, date(2025, 1, 1), date(2025, 5, 19))
    assert "Martin Luther King Jr. Day" in named and "King's Day" not in named
    view = ContactFilter(start=date(2025, 4, 22), end=date(2025, 5, 19))
    own = volume_trend(conn, view, first_day=date(2025, 1, 1))          # the store's country
    american = volume_trend(conn, view, first_day=date(2025, 1, 1), country="US")
    dutch = volume_trend(conn, view, first_day=date(2025, 1, 1), country="NL")
    conn.close()
    assert own.periods["expected"].tolist() == american.periods["expected"].tolist()
    assert own.periods["expected"].tolist() != dutch.periods["expected"].tolist()  # King's Day, Liberation Day
