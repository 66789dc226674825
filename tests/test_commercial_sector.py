"""Which sector's named commercial days the season knows is the store's setting, beside its
holiday country: retail by default (and for stores made before), "none" for a service
without them, changed by an editor on the Data page or with `store sector`, audited, and
handed to every baseline of the store. Country names speak the page's language."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analytics import audit, editing
from analytics.access import AccessDenied, Actor, Role, acting_as
from analytics.baseline import fit_baseline
from analytics.baseline.synthetic import synthetic_daily_counts, synthetic_daily_mean
from analytics.i18n import using_language
from analytics.store import commercial_sector, open_store
from analytics.trends import baseline_config
from tests.support.stores import ROOT

EDITOR = Actor("erin@example.org", Role.EDITOR)


def test_a_new_store_knows_retail_and_an_editor_turns_the_commercial_days_off(tmp_path):
    conn = open_store(tmp_path / "s.duckdb")
    assert commercial_sector(conn) == "retail"
    assert baseline_config(conn).sector == "retail" and baseline_config(conn).country == "NL"
    with acting_as(EDITOR):
        assert editing.set_commercial_sector(conn, " None ") == "none"
    assert commercial_sector(conn) == "none"
    assert baseline_config(conn).sector is None  # no commercial days for the baseline
    entry = audit.recent_entries(conn, 1).iloc[0]
    assert (entry["action"], entry["actor_name"], entry["target"]) == (
        "settings.commercial_sector", "erin@example.org", "commercial_sector")
    assert json.loads(entry["before_json"]) == {"sector": "retail"} and json.loads(entry["after_json"]) == {
        "sector": "none"}
    with using_language("nl"):
        shown = audit.readable_entries(audit.recent_entries(conn, 1)).iloc[0]
    assert (shown["action"], shown["target"]) == ("Branche van de commerciële dagen gewijzigd", "Commerciële dagen")
    assert (shown["before_json"], shown["after_json"]) == (
        "Branche: Detailhandel", "Branche: Geen (geen commerciële dagen)")


def test_viewers_and_unknown_sectors_are_refused(tmp_path):
    conn = open_store(tmp_path / "s.duckdb")
    with acting_as(Actor("vera@example.org", Role.VIEWER)), pytest.raises(AccessDenied):
        editing.set_commercial_sector(conn, "none")
    with acting_as(EDITOR), pytest.raises(ValueError, match="'fashion' is not a sector .* retail, none"):
        editing.set_commercial_sector(conn, "fashion")
    assert commercial_sector(conn) == "retail"


def test_the_sectors_offered_are_the_calendars_and_none():
    assert editing.commercial_sectors() == ("retail", "none")
    assert editing.commercial_day_names("NL", "retail")[:1] == ["Black Friday"]
    assert editing.commercial_day_names("NL", "none") == [] and editing.commercial_day_names("US", "retail") == []
    assert [editing.sector_name(s, language="nl") for s in editing.commercial_sectors()] == [
        "Detailhandel", "Geen (geen commerciële dagen)"]


def test_none_removes_the_commercial_days_from_the_fit(tmp_path):
    counts = synthetic_daily_counts(synthetic_daily_mean("2023-01-01", 3 * 365, base=400, seed=3), seed=4)
    conn = open_store(tmp_path / "s.duckdb")
    retail = fit_baseline(counts, config=baseline_config(conn))
    assert any(c.startswith("calendar:Black Friday") for c in retail.components)
    with acting_as(EDITOR):
        editing.set_commercial_sector(conn, "none")
    none = fit_baseline(counts, config=baseline_config(conn))
    assert not any(c.startswith("calendar:") for c in none.components)


def test_the_command_line_prints_and_sets_the_sector(tmp_path):
    store = tmp_path / "s.duckdb"
    open_store(store).close()

    def sector(*args: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "analytics", "store", "sector", *args, "--db", str(store)],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    assert sector() == {"commercial_sector": "retail", "holiday_country": "NL", "commercial_days": [
        "Black Friday", "Sinterklaas shopping", "Christmas shopping", "January sales"]}
    assert sector("none") == {"commercial_sector": "none", "holiday_country": "NL", "commercial_days": []}
    assert commercial_sector(open_store(store, read_only=True)) == "none"
    refused = subprocess.run([sys.executable, "-m", "analytics", "store", "sector", "fashion", "--db", str(store)],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "invalid choice: 'fashion'" in refused.stderr


def test_countries_are_named_in_the_language():
    dutch = editing.holiday_countries(language="nl")
    assert (dutch["NL"], dutch["GB"], dutch["US"], dutch["BE"]) == (
        "Nederland", "Verenigd Koninkrijk", "Verenigde Staten", "België")
    english = editing.holiday_countries(language="en")
    assert (english["NL"], english["GB"], english["US"]) == ("Netherlands", "United Kingdom", "United States")
    assert list(dutch.values()).index("België") < list(dutch.values()).index("Bulgarije")  # the ë sorts as e
