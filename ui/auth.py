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
from collections.abc import Mapping
from typing import Any

import streamlit as st

from analytics.access import Actor, Role
from analytics.i18n import t
from analytics.passwords import check_sign_in

LOCAL_USER = "local"
_SIGNED_IN = "signed_in_actor"


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
    """The signed-in user of this session, or ``None`` for an anonymous visitor."""
    mode = sign_in_mode()
    if mode == "local":
        return Actor(LOCAL_USER, Role.parse(os.environ.get("CONTACTS_LOCAL_ROLE") or "admin"))
    if mode == "password":
        return st.session_state.get(_SIGNED_IN)
    if mode == "oidc" and _logged_in():
        return provider_actor(st.user.get("email") or st.user.get("sub"))
    return None


def provider_actor(email: str | None) -> Actor | None:
    """The actor for an address the identity provider vouched for: its role from ``[roles]``,
    else ``default_role``; ``None`` when neither gives one."""
    if not email:
        return None
    roles = _lowercase_keys(_secret("roles") or {})
    role = roles.get(email.lower()) or _secret("default_role")
    try:
        return Actor(email, Role.parse(role)) if role else None
    except ValueError:
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
    actor = check_sign_in(_secret("users") or {}, name, password)
    if actor is None:
        st.error(t("auth.wrong_password"))
        return
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
