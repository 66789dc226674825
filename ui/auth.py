"""Who is signed in in this browser session, and the sign-in screen for those who are not.

How people sign in is configured, never assumed (``.streamlit/secrets.toml``):
- ``[auth]`` with an identity provider: single sign-on through ``st.login`` (OIDC: Microsoft
  Entra ID, Google, Okta, Keycloak …); ``[roles]`` gives each e-mail address its role and
  ``default_role`` the role of everyone else the provider lets in (none when unset).
- ``[users]`` with hashed passwords (``python -m analytics hash-password``), for small teams
  without an identity provider.
- ``CONTACTS_AUTH=local`` (or ``auth_mode = "local"``): no sign-in, one local user; admin
  unless ``CONTACTS_LOCAL_ROLE`` says otherwise (a wall screen runs as ``viewer``).
- nothing configured: everyone sees only the sign-in screen, which says how to set it up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from analytics.access import Actor, Role
from analytics.i18n import t
from analytics.passwords import SignInThrottle, check_sign_in
from analytics.user_roles import resolve_role, roles_from_claim
from ui import cache

LOCAL_USER = "local"
_SIGNED_IN = "signed_in_actor"
# One per server process: every session's failed attempts count against the user name.
_THROTTLE = SignInThrottle()


def sign_in_mode() -> str:
    """``local``, ``oidc``, ``password`` or ``unconfigured``."""
    configured = str(os.environ.get("CONTACTS_AUTH") or _secret("auth_mode") or "").strip().lower()
    if configured in ("local", "oidc", "password"):
        return configured
    if _secret("auth"):
        return "oidc"
    if _secret("users"):
        return "password"
    return "unconfigured"


def session_actor() -> Actor | None:
    """The signed-in user of this session, with the role they have now (an admin's change
    on the Data page applies from the next rerun), or ``None`` for an anonymous visitor."""
    mode = sign_in_mode()
    if mode == "local":
        return Actor(LOCAL_USER, Role.parse(os.environ.get("CONTACTS_LOCAL_ROLE") or "admin"))
    if mode == "password":
        signed_in = st.session_state.get(_SIGNED_IN)
        if signed_in is None:
            return None
        role = resolve_role(given=_given_role(signed_in.name), listed=signed_in.role, from_claim=None, default=None)
        return Actor(signed_in.name, role) if role else None
    if mode == "oidc" and _logged_in():
        return provider_actor(st.user.get("email") or st.user.get("sub"), dict(st.user), _given_role)
    return None


def provider_actor(email: str | None, claims: Mapping[str, Any],
                   given_role: Callable[[str], str | None] = lambda name: None) -> Actor | None:
    """The actor for an address the identity provider vouched for, with the role the rule of
    ``analytics.user_roles`` gives (the admin's choice, ``[roles]``, the token's
    ``roles_claim``, ``default_role``); ``None`` when none gives one."""
    if not email:
        return None
    listed = _lowercase_keys(_secret("roles") or {}).get(email.lower())
    from_claim = roles_from_claim(claims, _secret("roles_claim"), _secret("claim_roles"))
    role = resolve_role(given=given_role(email), listed=listed, from_claim=from_claim, default=_secret("default_role"))
    return Actor(email, role) if role else None


def _given_role(name: str) -> str | None:
    """The role an admin gave ``name`` on the Data page (None when the store cannot say)."""
    try:
        return cache.given_roles(cache.current_data_version()).get(name.strip().lower())
    except Exception:  # a store that cannot be read is reported by the frame; roles fall back
        return None


def show_sign_in() -> None:
    """The only thing an anonymous visitor sees."""
    st.title(t("app.title"))
    mode = sign_in_mode()
    if mode == "password":
        _password_form()
    elif mode == "oidc":
        _provider_buttons()
    else:
        st.info(t("auth.unconfigured"))


def sign_out_button() -> None:
    """In the sidebar, for those who signed in (local mode has nobody to sign out)."""
    mode = sign_in_mode()
    user = session_actor()
    if mode == "local" and user is not None:
        st.sidebar.caption(t("auth.local_mode", role=t(f"roles.role_{user.role.name.lower()}")))
        return
    if mode not in ("password", "oidc") or user is None:
        return
    st.sidebar.caption(t("auth.signed_in_as", name=user.name, role=t(f"roles.role_{user.role.name.lower()}")))
    if st.sidebar.button(t("auth.sign_out"), key="auth_sign_out", icon=":material/logout:"):
        st.session_state.pop(_SIGNED_IN, None)
        if mode == "oidc":
            # The browser goes on to the provider to end the session there too; a rerun
            # here could drop that redirect before it reaches the browser.
            st.logout()
            return
        st.rerun()


def _password_form() -> None:
    with st.form("sign_in"):
        name = st.text_input(t("auth.user_name"), key="auth_user")
        password = st.text_input(t("auth.password"), type="password", key="auth_password")
        submitted = st.form_submit_button(t("auth.sign_in"), type="primary")
    if not submitted:
        return
    wait = _THROTTLE.wait_seconds(name)
    if wait > 0:  # not even checked: a guesser learns nothing while the name is throttled
        st.error(t("auth.throttled", seconds=int(wait) + 1), icon=":material/timer:")
        return
    actor = check_sign_in(_secret("users") or {}, name, password)
    if actor is None:
        _THROTTLE.failed(name)
        st.error(t("auth.wrong_password"))
        return
    _THROTTLE.succeeded(name)
    st.session_state[_SIGNED_IN] = actor
    st.rerun()


def _provider_buttons() -> None:
    if _logged_in():  # signed in, but no role here
        st.warning(t("auth.no_role", name=st.user.get("email") or st.user.get("sub") or "?"))
        if st.button(t("auth.sign_out"), key="auth_sign_out_no_role"):
            st.logout()
        return
    st.info(t("auth.provider_help"))
    for provider in provider_names(_secret("auth") or {}):
        label = t("auth.sign_in_with", provider=provider) if provider else t("auth.sign_in")
        if st.button(label, key=f"auth_login_{provider or 'default'}", type="primary"):
            st.login(provider) if provider else st.login()


def provider_names(auth: Mapping[str, Any]) -> list[str | None]:
    """The providers in ``[auth]``: each ``[auth.NAME]`` table, or ``None`` for a single
    provider configured directly in ``[auth]``."""
    named = [key for key, value in auth.items() if isinstance(value, Mapping)]
    return named or [None]


def _logged_in() -> bool:
    # st.user has no is_logged_in at all where the provider was never reached (tests, a bare run)
    return bool(st.user.get("is_logged_in", False))


def _lowercase_keys(table: Mapping[str, Any]) -> dict[str, Any]:
    return {str(key).lower(): value for key, value in table.items()}


def _secret(key: str):
    try:
        return st.secrets.get(key)
    except Exception:  # no secrets file at all
        return None
