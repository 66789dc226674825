"""Files that cannot be imported are refused with a clear sentence, and nothing is written:
the tables keep their counts and no import_log row appears."""

from __future__ import annotations

import pytest

from analytics import importing
from analytics.importing import ImportRefused, ImportSettings, import_contacts, import_drivers

GOOD = "id,created,channel,reason\n1,2025-03-13 14:05:00,Phone,Billing\n"
HEADER = b"id,created,channel,reason\n"


def table_counts(store) -> dict[str, int]:
    cur = store.cursor()
    return {table: cur.execute(f"select count(*) from {table}").fetchall()[0][0]
            for table in ("contacts", "import_log", "channels", "reasons", "drivers")} | {
        "data_version": cur.execute("select data_version from store_meta").fetchall()[0][0]}


@pytest.fixture
def filled(store, tmp_path):
    """A store with one earlier import, so 'unchanged' is not just 'still empty'."""
    first = tmp_path / "first.csv"
    first.write_text(GOOD, encoding="utf-8")
    import_contacts(store, first)
    return store


def dated_rows(good: int, bad: int) -> bytes:
    rows = [b"%d,2025-03-13 14:05:00,Phone,Billing\n" % i for i in range(good)]
    rows += [b"%d,13 maart,Phone,Billing\n" % (good + i) for i in range(bad)]
    return HEADER + b"".join(rows)


REFUSED = [
    ("empty.csv", b"", None, "is empty"),
    ("blank.csv", b"\r\n\r\n", None, "is empty"),
    ("header.csv", HEADER, None, "header but no data rows"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, None, r"Excel 97-2003 \(\.xls\)"),
    ("report.pdf", b"%PDF-1.4 ...", None, "unknown file type '.pdf'"),
    ("fake.xlsx", GOOD.encode(), None, "named .xlsx but its content is a text file"),
    ("zipped.csv", b"PK\x03\x04" + b"\0" * 64, None, "named .csv but its content is a ZIP archive"),
    ("binary.csv", b"\x00\x01\x02garbage", None, "binary file"),
    ("nochannel.csv", b"id,created,reason\n1,2025-03-13,Billing\n", None, "required field 'channel'"),
    ("mapped.csv", GOOD.encode(), {"contact_id": "id", "started_at": "created", "channel": "kanaal",
                                   "reason_l1": "reason"}, "column 'kanaal' mapped to 'channel' is not in the file"),
    ("unknownfield.csv", GOOD.encode(), {"contact_id": "id", "started_at": "created", "channel": "channel",
                                         "reason_l1": "reason", "colour": "id"}, "Unknown field 'colour'"),
    ("nodates.csv", dated_rows(0, 5), None, "does not hold dates"),
    ("halfdates.csv", dated_rows(2100, 2200), None, r"2,200 of 4,300 values in the column 'created' are not dates"),
    ("nodatevalues.csv", HEADER + b"1,,Phone,Billing\n2,,Phone,Billing\n", None, "empty in every row"),
    ("wide.csv", HEADER + b"1,2025-03-13,Phone,Billing\n2,2025-03-13,Phone,Billing,extra\n"
     b"3,2025-03-13,Phone,Billing,extra\n", None,
     r"2 of the 3 rows of wide.csv cannot be read \(Line 3: this line has 5 fields where the header has 4"),
    ("allbroken.csv", HEADER + b"1,2025-03-13,Phone\n", None, "1 of the 1 rows of allbroken.csv cannot be read"),
    ("neither.csv", HEADER + b"1,2025-03-13,\x81\x8d,Billing\n", None, "neither UTF-8 nor Windows-1252"),
]


@pytest.mark.parametrize("name, content, mapping, message", REFUSED, ids=[r[0] for r in REFUSED])
def test_bad_file_is_refused_and_nothing_is_written(filled, tmp_path, name, content, mapping, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = table_counts(filled)

    with pytest.raises(ImportRefused, match=message):
        import_contacts(filled, path, ImportSettings(mapping=mapping))

    assert table_counts(filled) == before


def test_missing_file_is_refused(filled, tmp_path):
    with pytest.raises(ImportRefused, match="does not exist"):
        import_contacts(filled, tmp_path / "nowhere.csv")


def test_file_over_the_size_limit_is_refused(filled, tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text(GOOD * 200, encoding="utf-8")
    monkeypatch.setenv("CONTACTS_MAX_IMPORT_MB", "0.001")
    before = table_counts(filled)

    with pytest.raises(ImportRefused, match="over the import limit of 0.001 MB"):
        import_contacts(filled, path)

    assert table_counts(filled) == before
    assert importing.MAX_FILE_BYTES == 8 * 1024**3


def test_given_encoding_that_does_not_fit_is_refused(filled, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(HEADER + "1,2025-03-13 14:05:00,Phone,Café\n".encode("cp1252"))
    before = table_counts(filled)

    with pytest.raises(ImportRefused, match="not valid utf-8 text"):
        import_contacts(filled, path, ImportSettings(encoding="utf-8"))

    assert table_counts(filled) == before


def test_error_inside_the_transaction_rolls_everything_back(filled, tmp_path, monkeypatch):
    path = tmp_path / "new.csv"
    path.write_text("id,created,channel,reason\n2,2025-03-13 14:05:00,Carrier pigeon,Billing\n", encoding="utf-8")
    before = table_counts(filled)

    def broken(cur):
        raise RuntimeError("disk full")

    monkeypatch.setattr("analytics.importing.contacts.register_new_reasons", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        import_contacts(filled, path)

    assert table_counts(filled) == before


def test_driver_import_needs_a_name(filled, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("day,value\n2025-03-13,5\n", encoding="utf-8")

    with pytest.raises(ImportRefused, match="Give the driver a name"):
        import_drivers(filled, path, driver_name="  ")


def test_driver_file_without_a_value_column_is_refused(filled, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("day,country\n2025-03-13,NL\n", encoding="utf-8")
    before = table_counts(filled)

    with pytest.raises(ImportRefused, match="required field 'value'"):
        import_drivers(filled, path, driver_name="orders")

    assert table_counts(filled) == before
