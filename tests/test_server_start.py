"""The server refuses to serve the network without sign-in, and starts on loopback or
with sign-in configured."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.stores import ROOT
from ui.server import is_loopback, refusal_to_start


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.1.1", "localhost", "::1", "[::1]"])
def test_loopback_addresses(address):
    assert is_loopback(address)


@pytest.mark.parametrize("address", ["", "0.0.0.0", "::", "192.168.1.20", "dashboard.example.org"])
def test_addresses_that_reach_the_network(address):
    assert not is_loopback(address)


def _folders(tmp_path, config: str | None = None, secrets: str | None = None):
    cwd, home = tmp_path / "project", tmp_path / "home"
    for folder in (cwd / ".streamlit", home / ".streamlit"):
        folder.mkdir(parents=True)
    if config is not None:
        (cwd / ".streamlit" / "config.toml").write_text(config)
    if secrets is not None:
        (cwd / ".streamlit" / "secrets.toml").write_text(secrets)
    return cwd, home


def test_the_network_without_sign_in_is_refused_naming_three_ways(tmp_path):
    cwd, home = _folders(tmp_path)
    message = refusal_to_start(["--server.address", "0.0.0.0"], {}, cwd, home)
    assert message and "0.0.0.0" in message
    assert "[auth]" in message and "[users]" in message and "CONTACTS_AUTH=local" in message
    # Streamlit's own default (no address anywhere) listens on every interface
    assert "every network interface" in refusal_to_start([], {}, cwd, home)


def test_the_projects_config_keeps_it_on_loopback(tmp_path):
    cwd, home = _folders(tmp_path, config='[server]\naddress = "127.0.0.1"\n')
    assert refusal_to_start([], {}, cwd, home) is None
    assert refusal_to_start(["--server.address=0.0.0.0"], {}, cwd, home) is not None  # the flag wins
    assert refusal_to_start([], {"STREAMLIT_SERVER_ADDRESS": "0.0.0.0"}, cwd, home) is not None


@pytest.mark.parametrize("secrets", [
    '[auth]\nclient_id = "x"\n',
    '[users."ann@example.org"]\npassword_hash = "h"\nrole = "viewer"\n',
    'auth_mode = "local"\n',
])
def test_a_configured_sign_in_lets_it_serve_the_network(tmp_path, secrets):
    cwd, home = _folders(tmp_path, secrets=secrets)
    assert refusal_to_start(["--server.address", "0.0.0.0"], {}, cwd, home) is None


def test_local_mode_or_a_secrets_file_given_as_a_flag(tmp_path):
    cwd, home = _folders(tmp_path)
    assert refusal_to_start(["--server.address", "0.0.0.0"], {"CONTACTS_AUTH": "local"}, cwd, home) is None
    other = tmp_path / "elsewhere.toml"
    other.write_text('[users.ann]\npassword_hash = "h"\n')
    assert refusal_to_start(["--server.address", "0.0.0.0", "--secrets.files", str(other)], {}, cwd, home) is None


def test_the_server_process_stops_at_once_with_the_message(tmp_path):
    cwd, home = _folders(tmp_path)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("CONTACTS_AUTH", "STREAMLIT_"))},
           "HOME": str(home), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "ui.server", "--server.address", "0.0.0.0",
                           "--server.port", "1"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "does not start" in done.stderr and "Traceback" not in done.stderr


def test_the_server_imports_what_the_pages_import_before_it_listens():
    """The first run after a start then finds the app's modules loaded, instead of importing
    them while every other session waits."""
    shown = subprocess.run(
        [sys.executable, "-c", "import sys; from ui import server; names = server.preload(); "
                               "print(*names); print(all(name in sys.modules for name in names))"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout.splitlines()
    names = set(shown[0].split())
    assert {"ui.cache", "ui.chart", "analytics.trends", "analytics.charts.weekly", "ui.report_panel",
            "analytics.pilots.verdict", "analytics.i18n"} <= names
    assert "analytics.i18n.TEXT" not in names  # a name in a module, not a module
    assert shown[1] == "True"
