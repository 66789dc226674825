"""What the signed-in user may change, as the pages need it: whether to show write
controls, a note for those who may only look, and a refused write shown as an error.

The check that counts is in the logic layer (``analytics.access.require`` in every write);
hiding a control only spares a viewer a button that would be refused. Every write a page
makes goes through :func:`guarded`, which acts as the session's signed-in user itself: the
frame's ``acting_as`` does not reach code that runs without the frame (a fragment's rerun).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from analytics.access import READ_TEXTS, AccessDenied, Actor, Role, acting_as, allows
from analytics.i18n import t
from ui import auth


def actor() -> Actor | None:
    """The session's signed-in user (None for an anonymous visitor)."""
    return auth.session_actor()


def may(role: Role) -> bool:
    """True when someone is signed in and their role is at least ``role``."""
    user = actor()
    return user is not None and user.role >= role


def can_edit() -> bool:
    """True for editors and admins: import data, change pilots, actions and reference data."""
    return may(Role.EDITOR)


def is_admin() -> bool:
    return may(Role.ADMIN)


def can_read_texts() -> bool:
    """True for the roles that may read what customers wrote (editors and admins)."""
    return allows(actor(), READ_TEXTS)


def read_only_note() -> None:
    """Say, once where a write control would be, that this user may only look."""
    user = actor()
    if user is None:
        st.info(t("roles.nobody"), icon=":material/lock:")
    else:
        st.info(t("roles.read_only", name=user.name, role=t(f"roles.role_{user.role.name.lower()}")),
                icon=":material/visibility:")


def guarded(write: Callable[[], Any]) -> tuple[bool, Any]:
    """Run ``write`` acting as the session's signed-in user; a refusal by the access check
    is shown as an error instead of raised. Returns ``(True, result)``, or ``(False, None)``
    when it was refused. Other errors (a ``ValueError`` for bad input) propagate."""
    user = actor()
    if user is None:
        st.error(t("roles.nobody"), icon=":material/lock:")
        return False, None
    try:
        with acting_as(user):
            return True, write()
    except AccessDenied as exc:
        st.error(str(exc), icon=":material/lock:")
        return False, None
