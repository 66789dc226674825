"""Every row is accounted for: inserted, duplicate or rejected (with its file line and a
reason); re-imports add nothing; drivers are upserted."""

from __future__ import annotations

import pytest

from analytics.importing import (
    ImportSettings, import_contacts, import_drivers, inferred_csat_scale, preview_contacts,
)

HEADER = "id,created,channel,reason,wait time,csat\n"


def stored(store, sql: str, params: dict | None = None) -> list[tuple]:
    return store.cursor().execute(sql, params or {}).fetchall()


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reimporting_the_same_file_adds_nothing(store, tmp_path):
    path = write(tmp_path, "week.csv", HEADER + "".join(
        f"{i},2025-03-13 14:05:00,Phone,Billing,10,4\n" for i in range(50)))

    first = import_contacts(store, path)
    second = import_contacts(store, path)

    assert (first.inserted, first.duplicates) == (50, 0)
    assert (second.rows_read, second.inserted, second.duplicates, second.rejected) == (50, 0, 50, 0)
    assert stored(store, "select count(*) from contacts") == [(50,)]
    log = stored(store, "select import_id, inserted, duplicates, file_sha256 from import_log order by import_id")
    assert [(r[1], r[2]) for r in log] == [(50, 0), (0, 50)]
    assert log[0][3] == log[1][3] and len(log[0][3]) == 64
    assert stored(store, "select distinct import_id from contacts") == [(first.import_id,)]


def test_first_occurrence_in_the_file_wins(store, tmp_path):
    path = write(tmp_path, "dups.csv", HEADER
                 + "A,2025-03-13 14:05:00,Phone,Billing,,\n"
                 + "B,2025-03-13 14:06:00,Chat,Billing,,\n"
                 + "A,2025-03-13 14:07:00,Email,Returns,,\n"
                 + "A,2025-03-13 14:08:00,Chat,Returns,,\n")

    result = import_contacts(store, path)

    assert (result.rows_read, result.inserted, result.duplicates, result.rejected) == (4, 2, 2, 0)
    assert stored(store, "select channel, reason_l1 from contacts where contact_id = 'A'") == [("Phone", "Billing")]


def test_rejects_carry_file_line_column_value_and_reason(store, tmp_path):
    path = write(tmp_path, "mixed.csv", HEADER
                 + '1,2025-03-13 14:05:00,Phone,"Billing,\nsecond line\nthird line",,\n'  # lines 2-4
                 + "2,2025-13-45 14:05:00,Phone,Billing,,\n"  # line 5: impossible date
                 + "3,2025-03-13 14:05:00,,Billing,,\n"  # line 6: required channel empty
                 + "4,2025-03-13 14:05:00,Phone,Billing,soon,\n"  # line 7: optional value unreadable
                 + "5,2025-03-13 14:05:00,Phone,Billing,-3,\n"  # line 8: negative time
                 + "6,2025-03-13 14:05:00,Phone,Billing,,4.5\n"  # line 9: fine
                 + "7,2025-03-13 14:05:00,Phone,Billing,,-1\n")  # line 10: negative score

    result = import_contacts(store, path)

    assert (result.rows_read, result.inserted, result.duplicates, result.rejected) == (7, 2, 0, 5)
    assert result.rejects.to_dict("records") == [
        {"line": 5, "column": "created", "value": "2025-13-45 14:05:00",
         "reason": "not a date in the format %Y-%m-%d %H:%M:%S"},
        {"line": 6, "column": "channel", "value": "", "reason": "channel is required but empty"},
        {"line": 7, "column": "wait time", "value": "soon",
         "reason": "not a number of seconds (decimal mark '.') or h:mm:ss"},
        {"line": 8, "column": "wait time", "value": "-3", "reason": "negative; must be 0 or more"},
        {"line": 10, "column": "csat", "value": "-1", "reason": "negative; must be 0 or more"},
    ]
    assert stored(store, "select contact_id from contacts order by 1") == [("1",), ("6",)]
    assert stored(store, "select rejected from import_log") == [(5,)]


def test_line_numbers_survive_blank_lines_inside_the_file(store, tmp_path):
    path = write(tmp_path, "gaps.csv", HEADER + "1,2025-03-13 14:05:00,Phone,Billing,,\n\n\n"
                 + '2,2025-03-13 14:05:00,Phone,"a\n\nb",,\n'  # lines 5-7, a blank line inside quotes
                 + "\n3,2025-03-13 14:05:00,Phone,Billing,x,\n\n")  # line 9

    result = import_contacts(store, path)

    assert (result.rows_read, result.inserted, result.rejected) == (3, 2, 1)
    assert result.rejects["line"].tolist() == [9]


def test_csat_scale_is_inferred_and_scores_above_it_rejected(store, tmp_path):
    path = write(tmp_path, "csat.csv", "id,created,channel,reason,csat\n"
                 + "1,2025-03-13 14:05:00,Phone,Billing,80\n"
                 + "2,2025-03-13 14:05:00,Phone,Billing,150\n"
                 + "3,2025-03-13 14:05:00,Phone,Billing,\n")

    result = import_contacts(store, path)

    assert result.extra["csat_scale"] == 100.0
    assert result.rejects[["line", "column", "value", "reason"]].values.tolist() == [
        [3, "csat", "150", "above its scale of 100"]]
    assert stored(store, "select contact_id, csat, csat_scale from contacts order by 1") == [
        ("1", 80.0, 100.0), ("3", None, None)]


def test_csat_scale_column_is_used_when_mapped(store, tmp_path):
    path = write(tmp_path, "csat.csv", "id,created,channel,reason,csat,scale\n"
                 + "1,2025-03-13 14:05:00,Phone,Billing,4,5\n"
                 + "2,2025-03-13 14:05:00,Phone,Billing,7,5\n"
                 + "3,2025-03-13 14:05:00,Phone,Billing,7,10\n")

    result = import_contacts(store, path)

    assert result.rejects["line"].tolist() == [3]
    assert stored(store, "select contact_id, csat_scale from contacts order by 1") == [("1", 5.0), ("3", 10.0)]


@pytest.mark.parametrize("highest, lowest, scale", [
    (4, 1, 5.0), (5, 1, 5.0), (4, 0, 10.0), (9, 1, 10.0), (10, 0, 10.0), (87, 0, 100.0), (150, 1, 100.0),
    (None, None, None),
])
def test_inferred_csat_scale(highest, lowest, scale):
    assert inferred_csat_scale(highest, lowest) == scale


def test_driver_reimport_updates_stored_days(store, tmp_path):
    mapping = ImportSettings(mapping={"day": "datum", "value": "aantal", "dimension_value": "land"})
    first = write(tmp_path, "orders1.csv", "datum;aantal;land\n13-03-2025;1.234;NL\n14-03-2025;99,5;NL\n"
                  "14-03-2025;100;NL\n14-03-2025;7;BE\n")
    second = write(tmp_path, "orders2.csv", "datum;aantal;land\n14-03-2025;5;NL\n15-03-2025;6;NL\n")

    one = import_drivers(store, first, mapping, driver_name="orders")
    two = import_drivers(store, second, mapping, driver_name="orders")

    assert (one.rows_read, one.inserted, one.duplicates, one.rejected) == (4, 3, 0, 1)
    assert one.rejects.to_dict("records") == [{"line": 4, "column": "datum", "value": "2025-03-14",
                                               "reason": "repeats the day and dimension of an earlier row"}]
    assert (two.rows_read, two.inserted, two.duplicates, two.rejected) == (2, 1, 1, 0)
    assert stored(store, "select strftime(day, '%d'), dimension_value, value, import_id from drivers"
                         " where driver = 'orders' order by day, dimension_value") == [
        ("13", "NL", 1234.0, one.import_id), ("14", "BE", 7.0, one.import_id),
        ("14", "NL", 5.0, two.import_id), ("15", "NL", 6.0, two.import_id)]
    assert stored(store, "select kind, inserted, duplicates from import_log order by import_id") == [
        ("drivers", 3, 0), ("drivers", 1, 1)]


def test_preview_shows_typed_rows_and_rejects_and_writes_nothing(store, tmp_path):
    path = write(tmp_path, "week.csv", HEADER + "1,2025-03-13 14:05:00,Phone,Billing,12,4\n"
                 + "2,2025-03-13 14:05:00,Phone,Billing,x,4\n"
                 + "".join(f"{i},2025-03-13 14:05:00,Chat,Billing,1,5\n" for i in range(3, 40)))

    rows, rejects = preview_contacts(path, n=10)

    assert len(rows) == 9
    assert rows.loc[0, "wait_seconds"] == 12.0 and rows.loc[0, "reason_l2"] == ""
    assert str(rows["started_at"].dtype).startswith("datetime64")
    assert rejects[["line", "column", "value"]].values.tolist() == [[3, "wait time", "x"]]
    assert rows.attrs["detected"]["date_format"] == "%Y-%m-%d %H:%M:%S"
    assert stored(store, "select count(*) from contacts") == [(0,)]


def test_excel_sep_hint_line_sets_the_delimiter_and_keeps_line_numbers(store, tmp_path):
    path = write(tmp_path, "hint.csv", "sep=;\nid;created;channel;reason;wait time\n"
                 + '1;2025-03-13 14:05:00;Phone;"two\nlines";1\n'  # lines 3-4
                 + "2;2025-03-13 14:05:00;Phone;Billing;x\n")  # line 5

    result = import_contacts(store, path)

    assert result.detected.delimiter == ";"
    assert (result.inserted, result.rejects["line"].tolist()) == (1, [5])
