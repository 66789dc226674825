"""Start the dashboard: ``python -m ui.server [streamlit run options]``.

Why not plain ``streamlit run app.py``: our screens live in ``pages/`` (the product's
layout), and Streamlit treats a ``pages/`` folder beside the entry script as its older
auto-discovered multipage app until the first run calls ``st.navigation``. A first visit
to a deep link such as ``/trends`` would then run that page without the frame (no
sidebar, no filters). Declaring up front that this app uses ``st.navigation`` avoids it.

It also refuses to serve the network without sign-in: on an address other than loopback,
with no sign-in configured (no ``[auth]`` or ``[users]`` in the secrets, no
``CONTACTS_AUTH=local``), it stops with a message naming the three ways to set it up.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import ipaddress
import os
import sys
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from analytics.access import require_explicit_actor

APP = Path(__file__).resolve().parent.parent / "app.py"
SCRIPTS = (APP, *sorted((APP.parent / "pages").glob("*.py")))

REFUSAL = """\
The dashboard would serve {address} to the network with no sign-in, so it does not start.
Choose one of three ways (README, "Sign-in, roles and security"):
  1. single sign-on: an [auth] section for your identity provider in .streamlit/secrets.toml;
  2. user names with hashed passwords: [users] in .streamlit/secrets.toml
     (python -m analytics hash-password prints an entry);
  3. one local user without sign-in: CONTACTS_AUTH=local, on 127.0.0.1 only or on a network you trust.
"""


def option_value(argv: Sequence[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE`` in ``argv`` (the last one given)."""
    value = None
    for i, arg in enumerate(argv):
        if arg == f"--{name}" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith(f"--{name}="):
            value = arg.split("=", 1)[1]
    return value


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def served_address(argv: Sequence[str], env: Mapping[str, str], cwd: Path, home: Path) -> str:
    """The address the server will listen on: the flag, else ``STREAMLIT_SERVER_ADDRESS``,
    else ``[server] address`` of the project's then the user's ``config.toml``; ``""``
    (every interface, Streamlit's default) when none says."""
    flag = option_value(argv, "server.address")
    if flag is not None:
        return flag
    if env.get("STREAMLIT_SERVER_ADDRESS"):
        return env["STREAMLIT_SERVER_ADDRESS"]
    for config in (cwd / ".streamlit" / "config.toml", home / ".streamlit" / "config.toml"):
        address = _toml(config).get("server", {}).get("address")
        if address is not None:
            return str(address)
    return ""


def sign_in_configured(argv: Sequence[str], env: Mapping[str, str], cwd: Path, home: Path) -> bool:
    """True when the secrets files Streamlit will read set up a sign-in, or local mode is
    asked for (``CONTACTS_AUTH=local`` or ``auth_mode = "local"``)."""
    if str(env.get("CONTACTS_AUTH", "")).strip().lower() in ("local", "oidc", "password"):
        return True
    flag = option_value(argv, "secrets.files")
    files = [Path(flag)] if flag else [home / ".streamlit" / "secrets.toml", cwd / ".streamlit" / "secrets.toml"]
    for secrets in map(_toml, files):
        if secrets.get("auth") or secrets.get("users") or str(secrets.get("auth_mode", "")).lower() == "local":
            return True
    return False


def is_loopback(address: str) -> bool:
    """True for ``localhost`` and loopback IP addresses; False for every interface (``""``,
    ``0.0.0.0``, ``::``) and any other address or host name."""
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def refusal_to_start(argv: Sequence[str], env: Mapping[str, str], cwd: Path, home: Path) -> str | None:
    """The message to stop with, or None when the server may start."""
    address = served_address(argv, env, cwd, home)
    if is_loopback(address) or sign_in_configured(argv, env, cwd, home):
        return None
    return REFUSAL.format(address=address or "every network interface")


def imported_by(scripts: Sequence[Path]) -> list[str]:
    """The modules the app's scripts import (``from analytics import charts`` names the
    module ``analytics.charts``), in the order first met."""
    names: dict[str, None] = {}
    for script in scripts:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(dict.fromkeys(alias.name for alias in node.names))
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    submodule = f"{node.module}.{alias.name}"
                    names[submodule if _is_module(submodule) else node.module] = None
    return list(names)


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # its parent is a module, not a package: a name in it
        return False


def preload(scripts: Sequence[Path] = SCRIPTS) -> list[str]:
    """Import what the app's scripts import, before the server listens: otherwise the first
    run after a start imports it (about two seconds of one core, on the GIL every other
    session waits for). Returns the modules' names."""
    modules = imported_by(scripts)
    for name in modules:
        importlib.import_module(name)
    return modules


def main(argv: list[str]) -> int:
    refusal = refusal_to_start(argv, os.environ, Path.cwd(), Path.home())
    if refusal:
        print(refusal, file=sys.stderr, end="")
        return 2
    PagesManager.uses_pages_directory = False
    require_explicit_actor()  # in the server, work outside a signed-in session acts as nobody
    preload()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
