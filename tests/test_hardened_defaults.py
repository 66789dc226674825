"""Hardened defaults: the server's config file, and a dashboard connection that reads only
its own folders and loads no extension."""

from __future__ import annotations

import tomllib

import duckdb
import pytest

from analytics.lockdown import open_dashboard_store
from tests.support.stores import ROOT

CONFIG = ROOT / ".streamlit" / "config.toml"


def test_the_server_config_is_hardened():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["address"] == "127.0.0.1"
    assert 0 < config["server"]["maxUploadSize"] <= 2048
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["runner"]["magicEnabled"] is False


def test_streamlit_reads_the_hardened_values(monkeypatch):
    from streamlit import config as st_config

    monkeypatch.chdir(ROOT)
    st_config.get_config_options(force_reparse=True)
    try:
        assert st_config.get_option("server.enableXsrfProtection") is True
        assert st_config.get_option("client.showErrorDetails") == "none"
        assert st_config.get_option("server.fileWatcherType") == "none"
        assert st_config.get_option("browser.gatherUsageStats") is False
        assert st_config.get_option("server.maxUploadSize") == 1024
        assert st_config.get_option("runner.postScriptGC") is False  # the GIL under load: README
    finally:
        st_config.get_config_options(force_reparse=True)


@pytest.fixture
def locked(tmp_path, monkeypatch):
    store = tmp_path / "store" / "contacts.duckdb"
    monkeypatch.delenv("CONTACTS_READABLE_DIRS", raising=False)
    conn = open_dashboard_store(store)
    yield conn
    conn.close()


@pytest.mark.parametrize("statement", [
    "select * from read_csv('/etc/passwd')",
    "select * from read_text('/etc/hostname')",
    "attach '/etc/contacts-elsewhere.duckdb' as other",
    "copy (select 1) to '/etc/contacts-copy.csv'",
    "install httpfs",
    "load httpfs",
    "set enable_external_access = true",
    "set allowed_directories = ['/']",
    "set autoinstall_known_extensions = true",
])
def test_the_dashboard_connection_refuses_files_and_extensions(locked, statement):
    with pytest.raises(duckdb.Error):
        locked.cursor().execute(statement)


def test_the_lock_holds_on_every_cursor_and_the_store_still_works(locked, tmp_path):
    cur = locked.cursor()
    assert cur.execute("select data_version from store_meta").fetchall()[0][0] == 0
    assert cur.execute("select current_setting('enable_external_access')").fetchall()[0][0] is False
    with pytest.raises(duckdb.Error, match="Permission"):
        cur.execute("select * from read_csv('/etc/passwd')")
    own = tmp_path / "store" / "inbox-file.csv"
    own.write_text("a\n1\n2\n", encoding="utf-8")
    assert cur.execute("select count(*) from read_csv($path)", {"path": str(own)}).fetchall()[0][0] == 2


def test_a_second_connection_to_a_locked_store_opens_and_stays_locked(locked, tmp_path):
    # The same file opened again in this process shares the first connection's database,
    # whose configuration is already locked (a page cache that let go of the first one).
    again = open_dashboard_store(tmp_path / "store" / "contacts.duckdb")
    try:
        cur = again.cursor()
        assert cur.execute("select data_version from store_meta").fetchall()[0][0] == 0
        with pytest.raises(duckdb.Error, match="Permission"):
            cur.execute("select * from read_csv('/etc/passwd')")
        with pytest.raises(duckdb.Error):
            cur.execute("set enable_external_access = true")
    finally:
        again.close()
