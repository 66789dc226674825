"""Signing in, in a real browser against the real server: single sign-on with an OpenID
Connect provider running on loopback (``oidc-provider-mock``: real discovery, authorization
code flow, signed ID tokens), and user names with hashed passwords. A visitor sees only the
sign-in; a signed-in user gets the role the secrets file gives them; signing out closes it."""

from __future__ import annotations

import os
import secrets
import shutil
from datetime import date

import pandas as pd
import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import expect

from analytics.access import AccessDenied, Actor, Role, acting_as
from analytics.editing import add_event
from analytics.passwords import hash_password
from analytics.store import open_store
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


# A user the provider knows with a roles claim, as Entra ID's app roles or Keycloak's
# client roles put it in the ID token.
CARL = User(sub="carl@example.org", claims={"email": "carl@example.org", "roles": ["Dashboard.Readers"]})


@pytest.fixture
def provider():
    with run_server_in_thread(user_claims=[CARL]) as server:
        yield f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def sso_server(tmp_path, store, provider):
    port = free_port()
    server = _server_with_secrets(tmp_path, store, f"""
roles_claim = "roles"

[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "{secrets.token_hex(32)}"
client_id = "contact-dashboard"
client_secret = "{secrets.token_hex(16)}"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[claim_roles]
"Dashboard.Readers" = "viewer"

[roles]
"ann@example.org" = "editor"
"ada@example.org" = "admin"
""", port)
    yield server
    server.stop()


def _sign_in_at_provider(page, server, subject: str, *, predefined: bool = False) -> None:
    page.goto(server.url)
    wait_for_app(page)
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(0)
    screenshot(page, "sign-in-page")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/oauth2/authorize**")
    screenshot(page, "sign-in-provider-page")
    if predefined:  # a user the provider holds with claims of their own
        page.get_by_role("button", name=subject).click()
    else:
        page.locator('input[name="sub"]').fill(subject)
        page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{server.url}/**")
    wait_for_app(page)


def _sign_out_at_provider(page, server) -> None:
    page.get_by_role("button", name="Sign out").click()
    # Signing out ends the session at the provider too (its end_session endpoint asks to
    # confirm), which then sends the browser back to the app, signed out.
    page.wait_for_url("**/oauth2/end_session**")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{server.url}/**")
    wait_for_app(page)


def test_single_sign_on_gives_the_listed_user_their_role(page, sso_server):
    for link in ("trends?trends_grain=Week", "reasons", "ratios", "pilots", "weekly", "data?data_section=Audit+log"):
        page.goto(f"{sso_server.url}/{link}")  # every deep link leads an anonymous visitor to the sign-in
        wait_for_app(page)
        expect(page.get_by_role("button", name="Sign in")).to_be_visible()
        expect(page.locator('[data-testid="stMetric"], [data-testid="stPlotlyChart"], '
                            '[data-testid="stDataFrame"]')).to_have_count(0)
    _sign_in_at_provider(page, sso_server, "ann@example.org")
    assert_no_exception(page)
    expect(page.locator('[data-testid="stMetric"]').first).to_be_visible()
    page.goto(f"{sso_server.url}/data")
    wait_for_app(page)
    expect(page.locator('[data-testid="stFileUploader"]')).to_be_visible()  # an editor may import
    expect(page.get_by_text("Signed in as ann@example.org (editor)")).to_be_visible()
    screenshot(page, "sign-in-sso-editor")
    _sign_out_at_provider(page, sso_server)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(0)
    page.goto(f"{sso_server.url}/data")  # a deep link after signing out leads to the sign-in
    wait_for_app(page)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    expect(page.locator('[data-testid="stFileUploader"]')).to_have_count(0)


def test_single_sign_on_without_a_role_shows_no_data(page, sso_server):
    _sign_in_at_provider(page, sso_server, "eve@example.org")
    assert_no_exception(page)
    expect(page.get_by_text("You are signed in as eve@example.org, but no role")).to_be_visible()
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(0)
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
        expect(page.locator('[data-testid="stMetric"]')).to_have_count(0)
        page.get_by_role("textbox", name="Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator('[data-testid="stMetric"]').first).to_be_visible()
        wait_for_app(page)
        assert_no_exception(page)
        screenshot(page, "sign-in-password")
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("textbox", name="Password")).to_be_visible()
        expect(page.locator('[data-testid="stMetric"]')).to_have_count(0)
    finally:
        server.stop()


def test_a_viewer_from_the_tokens_roles_claim_browses_and_may_change_nothing(page, sso_server, store, tmp_path):
    _sign_in_at_provider(page, sso_server, "carl@example.org", predefined=True)
    assert_no_exception(page)
    expect(page.get_by_text("Signed in as carl@example.org (viewer)")).to_be_visible()
    for path in ("", "trends", "reasons", "pilots", "weekly"):
        page.goto(f"{sso_server.url}/{path}")
        wait_for_app(page)
        assert_no_exception(page)
        expect(page.locator('[data-testid="stPlotlyChart"], [data-testid="stMetric"], [data-testid="stDataFrame"]').first).to_be_visible()
    # the Pilots page shows the registry, not its forms
    page.goto(f"{sso_server.url}/pilots")
    wait_for_app(page)
    expect(page.get_by_role("button", name="Add pilot")).to_have_count(0)
    page.goto(f"{sso_server.url}/data?data_section=Events")
    wait_for_app(page)
    expect(page.get_by_text("you can look at everything here but not change it")).to_be_visible()
    expect(page.get_by_role("button", name="Save")).to_have_count(0)
    screenshot(page, "sign-in-viewer-refused-write")

    # the same user, calling the logic layer directly (on a copy: the app holds the store), is refused there too
    copy = tmp_path / "copy.duckdb"
    shutil.copy(store, copy)
    before = copy.read_bytes()
    conn = open_store(copy)
    with acting_as(Actor("carl@example.org", Role.VIEWER)), pytest.raises(AccessDenied, match="needs the editor role"):
        add_event(conn, name="Sneaky", kind="other", starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 1),
                  foreseen=True)
    assert conn.execute("select count(*) from events where name = 'Sneaky'").fetchall() == [(0,)]
    conn.close()


def test_an_editors_change_is_in_the_audit_log_an_admin_sees(page, sso_server):
    _sign_in_at_provider(page, sso_server, "ann@example.org")
    page.goto(f"{sso_server.url}/data?data_section=Events")
    wait_for_app(page)
    page.get_by_label("Name").fill("Price letter in the post")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    _sign_out_at_provider(page, sso_server)

    _sign_in_at_provider(page, sso_server, "ada@example.org")
    page.goto(f"{sso_server.url}/data?data_section=Audit+log")
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    screenshot(page, "sign-in-audit-log")
    with page.expect_download() as download:  # the table is drawn on a canvas: read what it exports
        page.get_by_role("button", name="CSV data").click()
    exported = pd.read_csv(download.value.path(), encoding="utf-8-sig")
    first = exported.iloc[0]
    assert (first["Who"], first["Role"], first["What"], first["Changed"]) == (
        "ann@example.org", "editor", "Event added", "Price letter in the post")
    assert first["Before"] == "–" and "Name: Price letter in the post" in first["After"]
