"""Sign-in with user names and hashed passwords, for small teams without an identity provider.

The users live in ``.streamlit/secrets.toml``, one table each::

    [users."ann@example.org"]
    password_hash = "$argon2id$v=19$m=65536,t=3,p=4$..."   # from: python -m analytics hash-password
    role = "editor"                                         # viewer, editor or admin

Only the hash is stored: Argon2id (``argon2-cffi``, the algorithm OWASP recommends first)
with a random salt per password; the library compares in constant time. An unknown user
name costs the same work as a known one, so the time a refusal takes does not tell which
names exist. Failed attempts are throttled per user name (:class:`SignInThrottle`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from analytics.access import Actor, Role

MIN_PASSWORD_LENGTH = 12
_HASHER = PasswordHasher()  # Argon2id with the library's current defaults (RFC 9106, low-memory profile)


def hash_password(password: str) -> str:
    """A storable Argon2id hash of ``password`` (``$argon2id$v=19$m=…,t=…,p=…$salt$hash``).

    Raises
    ------
    ValueError
        When the password is shorter than ``MIN_PASSWORD_LENGTH`` characters.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    return _HASHER.hash(password)


def verify_password(password: str, stored_hash: str) -> bool:
    """True when ``password`` matches ``stored_hash``; False for a wrong password or a hash
    that is not an Argon2 hash (never raises on a malformed hash)."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError, ValueError, TypeError):
        return False


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


@dataclass
class _Failures:
    count: int
    last_at: float


class SignInThrottle:
    """Slows down guessing: after ``free_attempts`` failed sign-ins for one user name, the
    next attempt for that name must wait, twice as long after each further failure
    (``base_seconds``, then double, up to ``max_seconds``). A successful sign-in clears the
    name's failures; failures older than ``forget_seconds`` are forgotten.

    Counted per user name (lower-cased, as typed), not per browser: a guesser who opens a new
    session starts no fresh count. One instance is shared by every session of the server.
    """

    def __init__(self, *, free_attempts: int = 3, base_seconds: float = 2.0, max_seconds: float = 300.0,
                 forget_seconds: float = 900.0, clock: Callable[[], float] = time.monotonic):
        self.free_attempts = free_attempts
        self.base_seconds = base_seconds
        self.max_seconds = max_seconds
        self.forget_seconds = forget_seconds
        self._clock = clock
        self._failures: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def wait_seconds(self, name: str) -> float:
        """How long ``name`` must wait before the next attempt is checked (0: go ahead)."""
        with self._lock:
            failures = self._current(name)
            if failures is None or failures.count < self.free_attempts:
                return 0.0
            delay = min(self.base_seconds * 2 ** (failures.count - self.free_attempts), self.max_seconds)
            return max(0.0, failures.last_at + delay - self._clock())

    def failed(self, name: str) -> None:
        with self._lock:
            failures = self._current(name)
            count = failures.count + 1 if failures else 1
            self._failures[_key(name)] = _Failures(count, self._clock())
            if len(self._failures) > 10_000:  # bounded: forget the oldest names
                oldest = sorted(self._failures, key=lambda k: self._failures[k].last_at)[:1_000]
                for key in oldest:
                    del self._failures[key]

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(_key(name), None)

    def _current(self, name: str) -> _Failures | None:
        failures = self._failures.get(_key(name))
        if failures and self._clock() - failures.last_at > self.forget_seconds:
            del self._failures[_key(name)]
            return None
        return failures


def _key(name: str) -> str:
    return name.strip().lower()


# Checked against when the user name is unknown, so that refusal costs the same work.
_DUMMY_HASH = _HASHER.hash("not a password of anybody's")
