"""Sign-in with user names and hashed passwords, for small teams without an identity provider.

The users live in ``.streamlit/secrets.toml``, one table each::

    [users."ann@example.org"]
    password_hash = "scrypt$16384$8$1$<salt>$<hash>"   # from: python -m analytics hash-password
    role = "editor"                                     # viewer, editor or admin

Only the hash is stored: scrypt (memory-hard, from Python's standard library) with a random
salt per password, compared in constant time. An unknown user name costs the same work as
a known one, so the time a refusal takes does not tell which names exist.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import Any

from analytics.access import Actor, Role

MIN_PASSWORD_LENGTH = 12
_SCHEME = "scrypt"
_N, _R, _P = 2**14, 8, 1
_KEY_BYTES = 32


def hash_password(password: str) -> str:
    """A storable hash of ``password``: ``scrypt$N$r$p$salt$hash`` (base64 parts).

    Raises
    ------
    ValueError
        When the password is shorter than ``MIN_PASSWORD_LENGTH`` characters.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    salt = secrets.token_bytes(16)
    key = _scrypt(password, salt, _N, _R, _P)
    return "$".join([_SCHEME, str(_N), str(_R), str(_P), _b64(salt), _b64(key)])


def verify_password(password: str, stored_hash: str) -> bool:
    """True when ``password`` matches ``stored_hash``; False for a wrong password or a hash
    that is not one of ours (never raises on a malformed hash)."""
    try:
        scheme, n, r, p, salt, key = stored_hash.split("$")
        if scheme != _SCHEME:
            return False
        expected = base64.b64decode(key, validate=True)
        actual = _scrypt(password, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def check_sign_in(users: Mapping[str, Mapping[str, Any]], name: str, password: str) -> Actor | None:
    """The actor for ``name`` when ``password`` is right and the user has a valid role, else
    ``None``. ``users`` is the ``[users]`` table of the secrets file."""
    name = name.strip()
    entry = users.get(name) if name else None
    stored = str(entry.get("password_hash", "")) if isinstance(entry, Mapping) else ""
    matches = verify_password(password, stored or _DUMMY_HASH)
    if not (entry and stored and matches):
        return None
    try:
        role = Role.parse(str(entry.get("role", "viewer")))
    except ValueError:
        return None
    return Actor(name, role)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=_KEY_BYTES)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


# Checked against when the user name is unknown, so that refusal costs the same work.
_DUMMY_HASH = "$".join([_SCHEME, str(_N), str(_R), str(_P), _b64(b"\0" * 16), _b64(b"\0" * _KEY_BYTES)])
