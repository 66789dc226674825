"""Texts on contacts in the store and in the search: a store from before texts upgrades (a
table gains the column; a Parquet-mode store's definition does, and its view reads it as
null until the next refresh makes it anew); the search counts and samples the texts in the filters, ignoring case
and taking the words literally; only editors and admins may read texts."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from analytics.access import READ_TEXTS, AccessDenied, Actor, Role, acting_as, allows
from analytics.filters import ContactFilter
from analytics.importing import ImportSettings, import_contacts
from analytics import parquet_mode
from analytics.parquet_mode import contact_source, export_parquet, refresh_source, use_parquet, use_table
from analytics.store import LATEST_SCHEMA_VERSION, available_migrations, open_store
from analytics.text_search import TextSearch, search_summary, store_has_texts, text_sample_table, text_search
from tests.support.stores import write_as_an_older_dashboard

TEXT_VERSION = 9
MARCH = ContactFilter(date(2025, 3, 1), date(2025, 3, 31))


def _old_store(path, contacts: int = 60) -> None:
    """A store as the dashboard made it before contacts had texts, with some contacts."""
    conn = duckdb.connect(str(path))
    conn.execute("create table schema_version (version integer primary key, name varchar not null,"
                 " applied_at timestamp not null)")
    for migration in available_migrations():
        if migration.version < TEXT_VERSION:
            conn.execute(migration.sql)
            conn.execute("insert into schema_version values ($v, $n, $t)",
                         {"v": migration.version, "n": migration.name, "t": datetime.now()})
    conn.execute("insert into contacts (contact_id, started_at, channel, reason_l1)"
                 " select 'old' || i, timestamp '2025-03-01 09:00' + to_hours(i), 'Phone', 'Delivery'"
                 " from range($n) as t(i)", {"n": contacts})
    conn.close()


def _columns(conn) -> list[str]:
    return [row[0] for row in conn.execute("describe contacts").fetchall()]


def test_a_table_store_from_before_texts_upgrades(tmp_path):
    assert [m.name for m in available_migrations() if m.version == TEXT_VERSION] == ["contact_text"]
    path = tmp_path / "old.duckdb"
    _old_store(path)
    conn = open_store(path)
    try:
        assert "text" in _columns(conn)
        assert conn.execute("select count(*), count(text) from contacts").fetchall() == [(60, 0)]
        assert not store_has_texts(conn)
        csv = tmp_path / "new.csv"
        csv.write_text("id,start,channel,reason,subject\nn1,2025-03-05 10:00,Chat,Order,Mail me: a@b.nl\n",
                       encoding="utf-8")
        import_contacts(conn, csv, ImportSettings(mapping={"contact_id": "id", "started_at": "start",
                                                           "channel": "channel", "reason_l1": "reason",
                                                           "text": "subject"}))
        assert conn.execute("select text from contacts where contact_id = 'n1'").fetchall() == [("Mail me: [e-mail]",)]
        assert store_has_texts(conn)
    finally:
        conn.close()


def test_a_parquet_mode_store_upgrades_and_its_view_gains_the_column(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    _old_store(path)
    conn = duckdb.connect(str(path))
    try:
        export_parquet(conn, tmp_path / "dataset")  # files of the old shape: no text column
        # The daily tables already hold these contacts, in the old schema's shape.
        monkeypatch.setattr(parquet_mode, "_refresh_aggregates", lambda cur: None)
        write_as_an_older_dashboard(monkeypatch)
        use_parquet(conn, str(tmp_path / "dataset"), discard_table=True)
        monkeypatch.undo()
    finally:
        conn.close()

    conn = open_store(path)
    try:
        assert contact_source(conn).mode == "parquet"
        assert "text" in _columns(conn)  # the view reads it as null at once (the files lack it)
        assert not store_has_texts(conn)
        assert conn.execute("select max(version) from schema_version").fetchall()[0][0] == LATEST_SCHEMA_VERSION
        result = refresh_source(conn)
        assert result.status == "refreshed"  # the files did not change; the definition did
        assert "text" in _columns(conn)
        assert conn.execute("select count(*), count(text) from contacts").fetchall() == [(60, 0)]
        assert refresh_source(conn).status == "up_to_date"
        use_table(conn)
        kind = conn.execute("select table_type from information_schema.tables where table_name = 'contacts'")
        assert kind.fetchall() == [("BASE TABLE",)] and "text" in _columns(conn)
    finally:
        conn.close()


@pytest.fixture
def texts_store(store, tmp_path):
    csv = tmp_path / "texts.csv"
    rows = ["QR-code retourlabel werkt niet", "retourlabel QR code niet te scannen", "Waar is mijn pakket?",
            "100% korting_code werkt niet", "", "Pakket beschadigd"]
    csv.write_text("id,start,channel,reason,subject\n" + "".join(
        f"c{i},2025-03-{1 + i:02d} 10:00,{'Chat' if i % 2 else 'Phone'},{'Other' if i < 2 else 'Delivery'},{text}\n"
        for i, text in enumerate(rows)) + "late,2025-04-02 10:00,Chat,Other,qr code fout\n", encoding="utf-8")
    import_contacts(store, csv, ImportSettings(mapping={"contact_id": "id", "started_at": "start",
                                                        "channel": "channel", "reason_l1": "reason",
                                                        "text": "subject"}))
    return store


def test_the_search_counts_and_samples_the_texts_in_the_filters(texts_store):
    found = text_search(texts_store, MARCH, "  qr ")
    assert (found.words, found.contacts_with_text, found.matching_contacts) == ("qr", 5, 2)
    assert found.sample["text"].tolist() == ["retourlabel QR code niet te scannen", "QR-code retourlabel werkt niet"]
    assert found.sample["reason"].tolist() == ["Other", "Other"]
    assert text_search(texts_store, ContactFilter(MARCH.start, MARCH.end, channel="Chat"), "QR").matching_contacts == 1
    assert text_search(texts_store, MARCH, "").matching_contacts == 5
    assert text_sample_table(found).texts().columns.tolist() == ["Started", "Channel", "Reason", "Text"]


def test_search_words_are_taken_literally(texts_store):
    assert text_search(texts_store, MARCH, "100%").matching_contacts == 1
    assert text_search(texts_store, MARCH, "%").matching_contacts == 1
    assert text_search(texts_store, MARCH, "korting_code").matching_contacts == 1
    assert text_search(texts_store, MARCH, "kortingXcode").matching_contacts == 0
    assert text_search(texts_store, MARCH, "'; drop table contacts; --").matching_contacts == 0
    assert texts_store.execute("select count(*) from contacts").fetchall()[0][0] == 7


def test_the_words_show_as_typed_never_as_a_link():
    found = TextSearch("[klik](https://example.org) *nu*", 1200, 3, None)
    assert search_summary(found) == ("**3** of the 1,200 contacts with a text in these filters contain "
                                     "“\\[klik\\]\\(https://example\\.org\\) \\*nu\\*”.")


@pytest.mark.parametrize("role, may", [(Role.VIEWER, False), (Role.EDITOR, True), (Role.ADMIN, True)])
def test_only_editors_and_admins_read_texts(texts_store, role, may):
    actor = Actor("pat@example.org", role)
    assert allows(actor, READ_TEXTS) is may
    with acting_as(actor):
        if may:
            assert text_search(texts_store, MARCH, "qr").matching_contacts == 2
        else:
            with pytest.raises(AccessDenied, match="may not read what customers wrote"):
                text_search(texts_store, MARCH, "qr")
    assert not allows(None, READ_TEXTS)
