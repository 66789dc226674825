"""Date columns are read by evidence: the format that reads the values and gives dates a
contact log can have (1990 to tomorrow), two-digit years included; day-first against
month-first decided by the whole file; an ambiguous column is named with both readings;
an implausible one refused; single implausible rows rejected."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from analytics.importing import ImportRefused, ImportSettings, import_contacts
from analytics.importing.dates import AmbiguousDates, chosen_reading


@pytest.fixture(scope="module")
def cur():
    return duckdb.connect()


TODAY = date(2026, 12, 7)


@pytest.mark.parametrize("values, fmt, first", [
    # day-month-two-digit-year: the first field runs past 12, so it is the day; %y-%m-%d would
    # put some contacts in 2027-2031, after tomorrow
    ([f"{d:02d}-{m:02d}-15" for d in range(1, 32) for m in (4, 5)], "%d-%m-%y", datetime(2015, 4, 1)),
    (["990201 7:02:47", "990228 23:59:01"], "%y%m%d %H:%M:%S", datetime(1999, 2, 1, 7, 2, 47)),
    (["22-Apr-15", "23-May-15"], "%d-%b-%y", datetime(2015, 4, 22)),
    (["03/24/2025 11:33:07 PM", "03/25/2025 01:02:03 AM"], "%m/%d/%Y %I:%M:%S %p", datetime(2025, 3, 24, 23, 33, 7)),
    (["Tue Oct 31 22:10:47 +0000 2017"], "%a %b %d %H:%M:%S %z %Y", datetime(2017, 10, 31, 22, 10, 47)),
    (["2008-07-01T12:00:00+02:00"], "%Y-%m-%dT%H:%M:%S%z", datetime(2008, 7, 1, 10, 0)),
    (["13-03-2025 14:05", "01-02-2025 09:00"], "%d-%m-%Y %H:%M", datetime(2025, 2, 1, 9, 0)),
    (["2025-03-04 10:00:00", "2025-03-05 11:00:00"], "%Y-%m-%d %H:%M:%S", datetime(2025, 3, 4, 10, 0)),
])
def test_the_format_is_chosen_by_evidence(cur, values, fmt, first):
    reading = chosen_reading(cur, values, "date", today=TODAY)
    assert reading.format == fmt and reading.first == first
    assert reading.examples and reading.examples[0][0] in values


def test_an_example_shows_the_reading_in_words(cur):
    reading = chosen_reading(cur, ["22-04-15", "30-05-15"], "Date", today=TODAY)
    assert reading.describe() == "22-04-15 → 22 April 2015"


def test_day_or_month_first_is_asked_when_both_fit(cur):
    with pytest.raises(AmbiguousDates) as asked:
        chosen_reading(cur, ["03-04-2025", "05-06-2025", "01-02-2025"], "Datum", today=TODAY)
    readings = asked.value.readings
    assert [r.format for r in readings] == ["%d-%m-%Y", "%m-%d-%Y"]
    assert "3 April 2025" in str(asked.value) and "4 March 2025" in str(asked.value)


def test_a_reading_that_only_gives_impossible_years_is_refused(cur):
    with pytest.raises(ImportRefused, match="before 1990 or after tomorrow") as refused:
        chosen_reading(cur, ["0022-04-15", "0031-01-02"], "Date", today=TODAY)
    assert "22" in str(refused.value)


def test_values_that_are_no_dates_are_refused_by_name(cur):
    with pytest.raises(ImportRefused, match="does not hold dates"):
        chosen_reading(cur, ["Billing", "Returns"], "Customer Complaint", today=TODAY)


HEADER = "id,created,channel,reason\n"


def test_the_whole_file_settles_what_its_first_rows_leave_open(store, tmp_path):
    # 2,500 rows on days 1-12 (day or month first?), then rows on the 20th: day first
    rows = [f"{i},{1 + i % 12:02d}-03-2025 10:00,Phone,Billing\n" for i in range(2500)]
    rows += [f"{2500 + i},20-03-2025 10:00,Phone,Billing\n" for i in range(10)]
    path = tmp_path / "weeks.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    result = import_contacts(store, path)
    assert result.detected.date_format == "%d-%m-%Y %H:%M" and result.inserted == 2510
    assert store.execute("select max(started_at) from contacts").fetchall()[0][0] == datetime(2025, 3, 20, 10, 0)


def test_a_file_that_stays_ambiguous_is_refused_until_the_format_is_given(store, tmp_path):
    path = tmp_path / "first-week.csv"
    path.write_text(HEADER + "".join(f"{i},0{1 + i % 7}-03-2025 10:00,Phone,Billing\n" for i in range(3000)),
                    encoding="utf-8")
    with pytest.raises(AmbiguousDates, match="more than one way"):
        import_contacts(store, path)
    assert store.execute("select count(*) from contacts").fetchall() == [(0,)]
    result = import_contacts(store, path, ImportSettings(date_format="%d-%m-%Y %H:%M"))
    assert result.inserted == 3000
    assert store.execute("select min(started_at) from contacts").fetchall()[0][0] == datetime(2025, 3, 1, 10, 0)


def test_a_placeholder_date_rejects_its_row_not_the_file(store, tmp_path):
    path = tmp_path / "placeholder.csv"
    path.write_text(HEADER + "1,2025-03-13 10:00:00,Phone,Billing\n2,1900-01-01 00:00:00,Phone,Billing\n"
                    "3,2099-01-01 00:00:00,Phone,Billing\n"
                    + "".join(f"{i},2025-03-14 10:0{i}:00,Chat,Billing\n" for i in range(4, 9)), encoding="utf-8")
    result = import_contacts(store, path)
    assert (result.inserted, result.rejected) == (6, 2)
    assert result.rejects["line"].tolist() == [3, 4]
    assert "before 1990" in result.rejects["reason"][0] and "after tomorrow" in result.rejects["reason"][1]
