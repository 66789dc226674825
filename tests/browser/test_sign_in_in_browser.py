"""Signing in, in a real browser against the real server: single sign-on with an OpenID
Connect provider running on loopback (``oidc-provider-mock``: real discovery, authorization
code flow, signed ID tokens), and user names with hashed passwords. A visitor sees only the
sign-in; a signed-in user gets the role the secrets file gives them; signing out closes it."""

from __future__ import annotations

import os
import secrets

import pytest
from oidc_provider_mock import run_server_in_thread
from playwright.sync_api import expect

from analytics.passwords import hash_password
from tests.browser.conftest import AppServer, assert_no_exception, free_port, screenshot, wait_for_app
from tests.support.stores import build_demo_store

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"


def _server_with_secrets(tmp_path, store, text: str, port: int) -> AppServer:
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(text, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "CONTACTS_AUTH"}
    return AppServer(store, port=port, args=("--secrets.files", str(secrets_file)), env=env)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("sign-in") / "contacts.duckdb")


@pytest.fixture
def provider():
    with run_server_in_thread() as server:
        yield f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def sso_server(tmp_path, store, provider):
    port = free_port()
    server = _server_with_secrets(tmp_path, store, f"""
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "{secrets.token_hex(32)}"
client_id = "contact-dashboard"
client_secret = "{secrets.token_hex(16)}"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[roles]
"ann@example.org" = "editor"
""", port)
    yield server
    server.stop()


def _sign_in_at_provider(page, server, subject: str) -> None:
    page.goto(server.url)
    wait_for_app(page)
    assert page.locator('[data-testid="stMetric"]').count() == 0
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/oauth2/authorize**")
    page.locator('input[name="sub"]').fill(subject)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{server.url}/**")
    wait_for_app(page)


def test_single_sign_on_gives_the_listed_user_their_role(page, sso_server):
    _sign_in_at_provider(page, sso_server, "ann@example.org")
    assert_no_exception(page)
    expect(page.locator('[data-testid="stMetric"]').first).to_be_visible()
    page.goto(f"{sso_server.url}/data")
    wait_for_app(page)
    expect(page.locator('[data-testid="stFileUploader"]')).to_be_visible()  # an editor may import
    expect(page.get_by_text("Signed in as ann@example.org (editor)")).to_be_visible()
    screenshot(page, "sign-in-sso-editor")
    page.get_by_role("button", name="Sign out").click()
    # Signing out ends the session at the provider too (its end_session endpoint asks to
    # confirm), which then sends the browser back to the app, signed out.
    page.wait_for_url("**/oauth2/end_session**")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{sso_server.url}/**")
    wait_for_app(page)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert page.locator('[data-testid="stMetric"]').count() == 0
    page.goto(f"{sso_server.url}/data")  # a deep link after signing out leads to the sign-in
    wait_for_app(page)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert page.locator('[data-testid="stFileUploader"]').count() == 0


def test_single_sign_on_without_a_role_shows_no_data(page, sso_server):
    _sign_in_at_provider(page, sso_server, "eve@example.org")
    assert_no_exception(page)
    expect(page.get_by_text("You are signed in as eve@example.org, but no role")).to_be_visible()
    assert page.locator('[data-testid="stMetric"]').count() == 0
    screenshot(page, "sign-in-sso-no-role")


def test_password_sign_in_and_out(page, tmp_path, store):
    server = _server_with_secrets(tmp_path, store, f"""
[users."ann@example.org"]
password_hash = "{hash_password(PASSWORD)}"
role = "viewer"
""", free_port())
    try:
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("textbox", name="User name").fill("ann@example.org")
        page.get_by_role("textbox", name="Password").fill("wrong password here")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_text("do not match")).to_be_visible()
        assert page.locator('[data-testid="stMetric"]').count() == 0
        page.get_by_role("textbox", name="Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator('[data-testid="stMetric"]').first).to_be_visible()
        wait_for_app(page)
        assert_no_exception(page)
        screenshot(page, "sign-in-password")
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("textbox", name="Password")).to_be_visible()
        assert page.locator('[data-testid="stMetric"]').count() == 0
    finally:
        server.stop()
