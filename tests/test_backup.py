"""Backup and restore: a backup holds exactly what the store held, a damaged or foreign
backup is refused with the store untouched, only admins make or restore one, and the
command line does the round trip a manager would run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from analytics.access import AccessDenied, Actor, Role, acting_as
from analytics.backup import BackupError, make_backup, restore_backup, table_checks, verify_backup
from analytics.importing import import_contacts
from analytics.store import LATEST_SCHEMA_VERSION, StoreInUse, open_store, schema_version
from tests.support.stores import ROOT, SF311_CSV

SMALL_EXPORT = ("id,created,channel,reason\n"
                "a1,2025-03-13 14:05:00,Phone,Billing\n"
                "a2,2025-03-14 09:30:00,Chat,Delivery\n")


@pytest.fixture
def filled_store(tmp_path) -> Path:
    """A store at the latest schema holding the SF311 sample."""
    db = tmp_path / "contacts.duckdb"
    conn = open_store(db)
    try:
        import_contacts(conn, SF311_CSV)
    finally:
        conn.close()
    return db


def checks_of(db: Path):
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return table_checks(conn)
    finally:
        conn.close()


def without_audit(checks):
    return [c for c in checks if c.table != "audit_log"]


def backup_of(db: Path, out: Path):
    conn = open_store(db, read_only=True)
    try:
        return make_backup(conn, out)
    finally:
        conn.close()


def test_a_restored_backup_holds_every_table_as_it_was_and_imports_go_on(filled_store, tmp_path):
    original = checks_of(filled_store)
    manifest = backup_of(filled_store, tmp_path / "backup.duckdb")
    assert manifest == original
    assert {c.table: c.rows for c in manifest}["contacts"] == 10_000

    # Change the store after the backup, then go back to it.
    conn = open_store(filled_store)
    import_contacts(conn, _small_export(tmp_path))
    conn.close()
    assert checks_of(filled_store) != original

    kept = restore_backup(tmp_path / "backup.duckdb", filled_store)

    assert without_audit(checks_of(filled_store)) == without_audit(original)
    # ... and the audit log says who restored which backup, on top of what it held
    conn = duckdb.connect(str(filled_store), read_only=True)
    restores = conn.execute("select actor_name, target from audit_log where action = 'backup.restore'").fetchall()
    conn.close()
    assert [target for _, target in restores] == ["backup.duckdb"] and restores[0][0].startswith("cli:")
    assert {c.table: c.rows for c in checks_of(filled_store)}["audit_log"] == \
        {c.table: c.rows for c in original}["audit_log"] + 1
    assert kept == filled_store.with_name("contacts.duckdb.before-restore")
    assert {c.table: c.rows for c in checks_of(kept)}["contacts"] == 10_002
    conn = open_store(filled_store)
    try:
        assert schema_version(conn) == LATEST_SCHEMA_VERSION
        assert conn.execute("select count(*) from information_schema.tables"
                            " where table_name = 'backup_manifest'").fetchall()[0][0] == 0
        # The id sequences came along: the next import gets the next number, not a clash.
        result = import_contacts(conn, _small_export(tmp_path))
        assert result.inserted == 2
        ids = [r[0] for r in conn.execute("select import_id from import_log order by import_id").fetchall()]
        assert len(ids) == len(set(ids)) == 2
    finally:
        conn.close()


def _small_export(tmp_path: Path) -> Path:
    path = tmp_path / "small.csv"
    path.write_text(SMALL_EXPORT, encoding="utf-8")
    return path


def test_a_backup_changed_after_it_was_made_is_refused_and_the_store_is_untouched(filled_store, tmp_path):
    backup_of(filled_store, tmp_path / "backup.duckdb")
    tampered = duckdb.connect(str(tmp_path / "backup.duckdb"))
    tampered.execute("update contacts set reason_l1 = 'Tampered' where contact_id = (select min(contact_id) from contacts)")
    tampered.close()
    before = filled_store.read_bytes()

    with pytest.raises(BackupError, match="does not match its manifest \\(tables contacts\\)"):
        restore_backup(tmp_path / "backup.duckdb", filled_store)

    assert filled_store.read_bytes() == before
    assert not filled_store.with_name("contacts.duckdb.before-restore").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".restoring")] == []


def test_a_database_that_is_no_backup_is_refused(filled_store, tmp_path):
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("create table t as select 1 as x").close()
    with pytest.raises(BackupError, match="has no backup manifest"):
        verify_backup(other)
    (tmp_path / "noise.duckdb").write_bytes(b"not a database" * 100)
    with pytest.raises(BackupError, match="is not a backup"):
        verify_backup(tmp_path / "noise.duckdb")


def test_a_backup_never_overwrites_a_file(filled_store, tmp_path):
    existing = tmp_path / "backup.duckdb"
    existing.write_bytes(b"keep me")
    with pytest.raises(BackupError, match="exists already"):
        backup_of(filled_store, existing)
    assert existing.read_bytes() == b"keep me"


def test_a_store_held_by_another_writer_is_not_replaced(filled_store, tmp_path):
    backup_of(filled_store, tmp_path / "backup.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True);"
         " time.sleep(60)", str(filled_store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreInUse):
            restore_backup(tmp_path / "backup.duckdb", filled_store)
    finally:
        holder.kill()
        holder.wait()
    assert not filled_store.with_name("contacts.duckdb.before-restore").exists()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
def test_only_an_admin_makes_or_restores_a_backup(filled_store, tmp_path, role):
    backup_of(filled_store, tmp_path / "backup.duckdb")
    before = filled_store.read_bytes()
    with acting_as(Actor("someone@example.org", role)):
        with pytest.raises(AccessDenied):
            backup_of(filled_store, tmp_path / "second.duckdb")
        with pytest.raises(AccessDenied):
            restore_backup(tmp_path / "backup.duckdb", filled_store)
    assert not (tmp_path / "second.duckdb").exists()
    assert filled_store.read_bytes() == before


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_the_command_line_round_trip(filled_store, tmp_path):
    original = checks_of(filled_store)
    made = _cli("backup", "--db", str(filled_store), "--out", str(tmp_path / "b.duckdb"))
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["tables"]["contacts"]["rows"] == 10_000

    filled_store.unlink()
    restored = _cli("restore", str(tmp_path / "b.duckdb"), "--db", str(filled_store))
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["previous_store_kept_as"] is None
    assert without_audit(checks_of(filled_store)) == without_audit(original)

    again = _cli("backup", "--db", str(filled_store), "--out", str(tmp_path / "b.duckdb"))
    assert again.returncode == 2 and again.stdout == ""
    assert again.stderr.strip().count("\n") == 0 and "exists already" in again.stderr
