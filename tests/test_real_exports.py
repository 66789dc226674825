"""Real exports nobody here wrote (``tests/data/real/``, provenance in its README) import with
the suggested mapping plus only the choices a person must make, with the row counts, date
ranges and units an independent reading of the same file gives (pandas with explicit
formats). What a person must choose is asserted too: without it the import is refused and
says what to choose."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics.importing import ImportRefused, ImportSettings, import_contacts
from analytics.store import open_store
from tests.support.stores import ROOT

REAL = ROOT / "tests" / "data" / "real"


@dataclass(frozen=True)
class Export:
    name: str
    path: Path
    choices: ImportSettings               # what a person must choose
    refused_without: str | None           # what the import says when those choices are missing
    mapped: dict[str, object]             # the fields the suggestion must map, as mapped
    unmapped: tuple[str, ...]             # fields it must leave out (the export has no such column)
    truth: dict = field(default_factory=dict)


def _sf311_truth() -> dict:
    frame = pd.read_csv(ROOT / "tests" / "data" / "sf311_service_requests_sample.csv", dtype=str)
    moments = pd.to_datetime(frame["created_date"], format="ISO8601", utc=True).dt.tz_localize(None)
    return {"rows": len(frame), "first": moments.min(), "last": moments.max()}


def _nyc_truth() -> dict:
    frame = pd.read_csv(REAL / "nyc311.csv", dtype=str)
    moments = pd.to_datetime(frame["Created Date"], format="%m/%d/%Y %I:%M:%S %p")
    return {"rows": len(frame), "first": moments.min(), "last": moments.max()}


def _boston_truth() -> dict:
    frame = pd.read_csv(REAL / "boston311.csv", dtype=str)
    moments = pd.to_datetime(frame["open_dt"], format="%Y-%m-%d %H:%M:%S")
    return {"rows": len(frame), "first": moments.min(), "last": moments.max()}


def _bank_truth() -> dict:
    frame = pd.read_csv(REAL / "anonbank_callcentre_feb1999_first8000.tsv", sep="\t", dtype=str)
    moments = pd.to_datetime(frame["date"] + " " + frame["vru_entry"], format="%y%m%d %H:%M:%S")
    served = pd.to_numeric(frame["ser_time"])
    return {"rows": len(frame), "first": moments.min(), "last": moments.max(),
            "handle_median": served[served > 0].median(), "unknown_customers": int((frame["customer_id"] == "0").sum())}


def _twitter_truth() -> dict:
    frame = pd.read_csv(REAL / "twcs_sample.csv", dtype=str, lineterminator="\n")  # a bare \r ends no row
    inbound = frame[frame["inbound"] == "True"]
    moments = pd.to_datetime(inbound["created_at"], format="%a %b %d %H:%M:%S %z %Y").dt.tz_localize(None)
    return {"rows": len(inbound), "left_out": len(frame) - len(inbound), "first": moments.min(), "last": moments.max()}


EXPORTS = [
    Export("sf311", ROOT / "tests" / "data" / "sf311_service_requests_sample.csv", ImportSettings(), None,
           {"contact_id": "unique_key", "started_at": "created_date", "channel": "source", "reason_l1": "category",
            "reason_l2": "complaint_type", "reason_l3": "descriptor", "department": "agency_name"},
           ("customer_id", "handle_seconds", "csat")),
    Export("nyc311", REAL / "nyc311.csv", ImportSettings(), None,
           {"contact_id": "Unique Key", "started_at": "Created Date", "channel": "Open Data Channel Type",
            "reason_l1": "Complaint Type", "reason_l2": "Descriptor", "department": "Agency"},
           ("customer_id", "handle_seconds", "reason_l3")),
    Export("boston311", REAL / "boston311.csv", ImportSettings(), None,
           {"contact_id": "case_enquiry_id", "started_at": "open_dt", "channel": "source", "reason_l1": "reason",
            "reason_l2": "type", "department": "department"},
           ("customer_id", "handle_seconds", "resolved")),
    # The bank's calls: all by phone (no channel column), and a call id that only the line
    # it came in on makes unique; the import names that line column when refusing.
    Export("anonbank", REAL / "anonbank_callcentre_feb1999_first8000.tsv",
           ImportSettings(constants={"channel": "Phone"}, mapping={"contact_id": ["vru+line", "call_id"]}),
           "required field 'channel'",
           {"contact_id": ["vru+line", "call_id"], "started_at": ["date", "vru_entry"], "reason_l1": "type",
            "customer_id": "customer_id", "handle_seconds": "ser_time", "wait_seconds": "q_time"},
           ("department", "csat")),
    # Tweets to brands and the brands' replies: customers' tweets only, no channel or reason columns.
    Export("twitter", REAL / "twcs_sample.csv",
           ImportSettings(constants={"channel": "Twitter", "reason_l1": "Not coded"}, only={"inbound": ["True"]}),
           "required field 'channel'",
           {"contact_id": "tweet_id", "started_at": "created_at", "customer_id": "author_id"},
           ("reason_l2", "handle_seconds", "department")),
]
TRUTH = {"sf311": _sf311_truth, "nyc311": _nyc_truth, "boston311": _boston_truth, "anonbank": _bank_truth,
         "twitter": _twitter_truth}


def _suggested_plus(choices: ImportSettings, path: Path) -> ImportSettings:
    """The person's choices, with every other field as the import suggests (the command
    line and the Data page do the same)."""
    from analytics.importing import complete_mapping, read_columns
    from analytics.importing.profiling import column_profiles

    columns, _ = read_columns(path, choices)
    mapping = complete_mapping(choices.mapping, columns, "contacts", choices.constants, column_profiles(path, choices))
    return choices.with_changes(mapping=mapping)


@pytest.mark.parametrize("export", EXPORTS, ids=[e.name for e in EXPORTS])
def test_a_real_export_imports_right_with_only_the_choices_a_person_must_make(export, tmp_path):
    truth = TRUTH[export.name]()
    conn = open_store(tmp_path / "store.duckdb")
    if export.refused_without:
        with pytest.raises(ImportRefused, match=export.refused_without):
            import_contacts(conn, export.path, _suggested_plus(ImportSettings(), export.path))
    result = import_contacts(conn, export.path, _suggested_plus(export.choices, export.path))

    mapped = {f: c for f, c in result.detected.mapping.items() if c}
    assert {f: mapped.get(f) for f in export.mapped} == export.mapped
    assert not set(export.unmapped) & set(mapped)
    assert (result.rows_read, result.inserted, result.duplicates, result.rejected) == (truth["rows"],) * 2 + (0, 0)
    assert result.extra["left_out"] == truth.get("left_out", 0)
    assert result.extra["warnings"] == []
    first, last = conn.execute("select min(started_at), max(started_at) from contacts").fetchall()[0]
    assert (first, last) == (truth["first"], truth["last"])
    assert 1990 <= first.year and last.year <= 2026
    if "handle_median" in truth:
        median = conn.execute("select median(handle_seconds) from contacts where handle_seconds > 0").fetchall()[0][0]
        assert median == truth["handle_median"] and 30 <= median <= 600  # seconds, as a call centre's calls last
        assert conn.execute("select count(*) from contacts where customer_id is null").fetchall()[0][0] == \
            truth["unknown_customers"]
    conn.close()


def test_the_suggestions_need_no_column_a_person_would_not_choose(tmp_path):
    """The bank's file without the person's choices: the suggestion alone picks call_id and
    is refused for it, naming the other column; nothing is written."""
    path = REAL / "anonbank_callcentre_feb1999_first8000.tsv"
    conn = open_store(tmp_path / "s.duckdb")
    with pytest.raises(ImportRefused, match="repeats in 1,272 of 8,000 rows"):
        import_contacts(conn, path, _suggested_plus(ImportSettings(constants={"channel": "Phone"}), path))
    assert conn.execute("select count(*) from contacts").fetchall() == [(0,)]
    conn.close()


def real_export_store(name: str, folder: Path) -> Path:
    """A store holding one real export, imported as a person would (for page tests)."""
    export = next(e for e in EXPORTS if e.name == name)
    path = folder / f"{name}.duckdb"
    conn = open_store(path)
    import_contacts(conn, export.path, _suggested_plus(export.choices, export.path))
    conn.close()
    return path


def test_stores_of_real_exports_hold_what_the_files_say(tmp_path):
    path = real_export_store("twitter", tmp_path)
    conn = duckdb.connect(str(path), read_only=True)
    assert conn.execute("select count(distinct customer_id), count(*) from contacts").fetchall()[0][1] == 2778
    conn.close()
