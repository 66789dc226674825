"""The Data page's backup section: an admin writes a backup beside the store and sees it
listed, and the file restores to the same tables; editors and viewers have no such section."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from analytics.backup import backup_folder, verify_backup

DATA = "pages/data.py"


@pytest.fixture
def demo_copy(demo_store, tmp_path):
    path = tmp_path / "contacts.duckdb"
    shutil.copy(demo_store, path)
    return path


def test_an_admin_makes_a_backup_from_the_data_page(app_on, demo_copy, monkeypatch):
    monkeypatch.setenv("CONTACTS_LOCAL_ROLE", "admin")
    at = app_on(demo_copy, page=DATA, query={"data_section": "Backup"})
    assert not at.exception
    assert "No backups yet." in [i.value for i in at.info]

    at.button(key="data_backup_make").click().run()

    assert not at.exception and not at.error
    files = sorted(backup_folder(demo_copy).glob("contacts-*.duckdb"))
    assert len(files) == 1
    assert at.success[0].value.startswith(f"Backup written: {files[0].name} (")
    assert at.dataframe[0].value["name"].tolist() == [files[0].name]
    manifest = {c.table: c for c in verify_backup(files[0])}
    source = duckdb.connect(str(files[0]), read_only=True)
    try:
        assert manifest["contacts"].rows == source.execute("select count(*) from contacts").fetchall()[0][0] > 100_000
    finally:
        source.close()


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_only_admins_have_the_backup_section(app_on, demo_copy, monkeypatch, role):
    monkeypatch.setenv("CONTACTS_LOCAL_ROLE", role)
    at = app_on(demo_copy, page=DATA, query={"data_section": "Backup"})
    assert not at.exception
    assert "Backup" not in at.segmented_control(key="data_section").options
    assert not [b for b in at.button if b.key == "data_backup_make"]
    assert not backup_folder(demo_copy).exists()
