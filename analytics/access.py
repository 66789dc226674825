"""Who is acting, and what their role lets them do.

The check lives here, in the logic layer, so a write is refused even when a page forgot to
hide its button. The user interface says who is signed in with ``acting_as(actor)`` around
the page it runs; the command line acts as the local operator (an admin: whoever can run
it can already read and replace the store file).

Roles, each including the one before: viewers see dashboards; editors import data and
change pilots, actions, reasons, events and costs, and read what customers wrote; admins
manage users and backups.

Reading, not only writing, can need a role: a permission names what may be read and
:data:`PERMISSIONS` the lowest role that may (texts customers wrote may hold personal data
even after masking, so viewers, a wall screen among them, do not see them).
"""

from __future__ import annotations

import contextvars
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import IntEnum


class Role(IntEnum):
    """Ordered: a higher role may do everything a lower one may."""

    VIEWER = 1
    EDITOR = 2
    ADMIN = 3

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls[str(text).strip().upper()]
        except KeyError:
            raise ValueError(f"Unknown role {text!r}: use viewer, editor or admin.") from None


class AccessDenied(PermissionError):
    """The acting user's role does not allow this. ``what`` names the refused change in
    English for logs; the message is in the active language."""

    def __init__(self, message: str, what: str = "") -> None:
        super().__init__(message)
        self.what = what


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role


def local_operator() -> Actor:
    """The command line's actor: the operating-system user, as admin."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in a bare container
        user = "local"
    return Actor(f"cli:{user}", Role.ADMIN)


_current: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("contact_actor", default=None)
_fall_back_to_operator = True


def require_explicit_actor() -> None:
    """Called once by the web server: from then on, work without an ``acting_as`` around
    it acts as nobody (every check refuses) instead of as the local operator, so a code
    path that forgot to say who is acting fails closed."""
    global _fall_back_to_operator
    _fall_back_to_operator = False


def current_actor() -> Actor | None:
    """The actor for this thread of work: the one set by ``acting_as``; else the local
    operator on the command line, and nobody (``None``) in the web server."""
    actor = _current.get()
    if actor is None and _fall_back_to_operator:
        return local_operator()
    return actor


@contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    """``with acting_as(Actor("ann@example.org", Role.VIEWER)):`` — every check inside
    uses this actor."""
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


READ_TEXTS = "read what customers wrote"
PERMISSIONS: dict[str, Role] = {READ_TEXTS: Role.EDITOR}


def allows(actor: Actor | None, permission: str) -> bool:
    """Whether ``actor`` (None: nobody signed in) has ``permission`` (see :data:`PERMISSIONS`)."""
    return actor is not None and actor.role >= PERMISSIONS[permission]


def require_permission(permission: str) -> Actor:
    """The current actor, if their role grants ``permission``.

    Raises
    ------
    AccessDenied
        When nobody is signed in, or the role is below the permission's (the message names it).
    """
    return require(PERMISSIONS[permission], permission)


def require(role: Role, what: str) -> Actor:
    """The current actor, if their role is at least ``role``.

    Raises
    ------
    AccessDenied
        When nobody is signed in, or the role is too low; the message names the user, their role and what was refused.
    """
    from analytics.i18n import TEXT, active_language, t  # the texts import nothing of ours

    key = "access.what_" + what.lower().replace(" ", "_")
    said = t(key) if key in TEXT[active_language()] else what
    actor = current_actor()
    if actor is None:
        raise AccessDenied(t("access.sign_in_to", what=said), what)
    if actor.role < role:
        raise AccessDenied(t("access.denied", name=actor.name, role=t(f"roles.role_{actor.role.name.lower()}"),
                             what=said, needed=t(f"roles.role_{role.name.lower()}")), what)
    return actor
