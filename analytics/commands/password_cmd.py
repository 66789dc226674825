"""``python -m analytics hash-password``: the line to put in ``.streamlit/secrets.toml`` for a
user who signs in with a password. The password is asked twice without echo (or read from
standard input when that is not a terminal, for scripts); only its hash is printed."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from analytics.access import Role
from analytics.passwords import hash_password


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``hash-password`` command."""
    parser = subparsers.add_parser("hash-password", help="hash a password for the secrets file",
                                   description="Print the [users] entry for .streamlit/secrets.toml; the "
                                               "password itself is never stored.")
    parser.add_argument("--user", default="name@example.org", help="the user name to sign in with")
    parser.add_argument("--role", default="viewer", help="viewer, editor or admin (default viewer)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    role = Role.parse(args.role).name.lower()
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise ValueError("The two passwords differ; nothing was printed.")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    stored_hash = hash_password(password)
    print(f"[users.{json.dumps(args.user)}]")
    print(f'password_hash = "{stored_hash}"')
    print(f'role = "{role}"')
    return 0
