"""Nobody sees data unless sign-in is set up or the app is explicitly in local mode."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP


def test_an_anonymous_visitor_sees_only_the_sign_in_screen(demo_store, monkeypatch):
    monkeypatch.setenv("CONTACTS_DB", str(demo_store))
    monkeypatch.delenv("CONTACTS_AUTH", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "Sign-in is not set up" in at.info[0].value
    assert not at.metric and not at.sidebar.multiselect and not at.dataframe


def test_local_mode_shows_the_dashboard(demo_store, monkeypatch):
    monkeypatch.setenv("CONTACTS_DB", str(demo_store))
    monkeypatch.setenv("CONTACTS_AUTH", "local")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert at.metric


PASSWORD = "correct horse battery"


def _password_app(store, monkeypatch, role="viewer"):
    from analytics.passwords import hash_password

    monkeypatch.setenv("CONTACTS_DB", str(store))
    monkeypatch.delenv("CONTACTS_AUTH", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["users"] = {"ann@example.org": {"password_hash": hash_password(PASSWORD), "role": role}}
    at.run()
    return at


def _sign_in(at, name, password):
    at.text_input(key="auth_user").input(name)
    at.text_input(key="auth_password").input(password)
    at.button[0].click()  # the form's submit button
    at.run()
    return at


def test_with_passwords_a_visitor_sees_only_the_form(demo_store, monkeypatch):
    at = _password_app(demo_store, monkeypatch)
    assert not at.exception
    assert at.text_input(key="auth_password").proto.type == at.text_input(key="auth_password").proto.PASSWORD
    assert not at.metric and not at.sidebar.multiselect and not at.dataframe


def test_a_wrong_password_is_refused_and_shows_nothing(demo_store, monkeypatch):
    at = _sign_in(_password_app(demo_store, monkeypatch), "ann@example.org", "not the password")
    assert not at.exception
    assert "do not match" in at.error[0].value
    assert not at.metric and not at.sidebar.multiselect


def test_repeated_wrong_passwords_throttle_the_name_even_for_the_right_one(demo_store, monkeypatch):
    from analytics.passwords import hash_password

    monkeypatch.setenv("CONTACTS_DB", str(demo_store))
    monkeypatch.delenv("CONTACTS_AUTH", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["users"] = {"guessed@example.org": {"password_hash": hash_password(PASSWORD), "role": "viewer"}}
    at.run()
    for attempt in range(3):  # the free attempts
        _sign_in(at, "guessed@example.org", f"guess number {attempt}")
        assert "do not match" in at.error[0].value
    _sign_in(at, "guessed@example.org", PASSWORD)  # right now, but the name is throttled
    assert not at.exception
    assert "Too many wrong passwords" in at.error[0].value
    assert not at.metric


def test_the_right_password_opens_the_dashboard(demo_store, monkeypatch):
    at = _sign_in(_password_app(demo_store, monkeypatch), "ann@example.org", PASSWORD)
    assert not at.exception
    assert at.metric and "auth_password" not in {w.key for w in at.text_input}
    assert at.sidebar.button(key="auth_sign_out")  # signing out: tests/browser/test_sign_in.py


def test_a_password_user_acts_with_the_role_the_secrets_give(demo_store, monkeypatch):
    at = _sign_in(_password_app(demo_store, monkeypatch, role="viewer"), "ann@example.org", PASSWORD)
    at.switch_page("pages/data.py")
    at.run()
    assert not at.exception
    assert "ann@example.org (viewer)" in at.info[0].value  # signed in, may only look
    assert not at.get("file_uploader")


def test_with_an_identity_provider_a_visitor_sees_only_the_sign_in_button(demo_store, monkeypatch):
    monkeypatch.setenv("CONTACTS_DB", str(demo_store))
    monkeypatch.delenv("CONTACTS_AUTH", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "keycloak": {"client_id": "dashboard", "client_secret": "s",
                                       "server_metadata_url": "http://localhost:1/.well-known/openid-configuration"}}
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Sign in with keycloak"]
    assert not at.metric and not at.sidebar.multiselect and not at.dataframe
