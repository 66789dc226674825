"""Hashed-password sign-in: only the hash is stored, the right password is accepted, every
other one (and every unknown user or bad role) is refused; the CLI prints a usable entry."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from analytics.access import Role
from analytics.passwords import SignInThrottle, check_sign_in, hash_password, verify_password
from tests.support.stores import ROOT

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def stored():
    return hash_password(PASSWORD)


def test_the_right_password_matches_and_the_hash_does_not_hold_it(stored):
    assert verify_password(PASSWORD, stored)
    assert PASSWORD not in stored and stored.startswith("$argon2id$")
    # a slow hash: at least 64 MiB of memory and several passes per attempt
    params = dict(part.split("=") for part in stored.split("$")[3].split(","))
    assert int(params["m"]) >= 65536 and int(params["t"]) >= 2


@pytest.mark.parametrize("attempt", ["", "correct horse batter", "Correct horse battery", PASSWORD + " "])
def test_any_other_password_is_refused(stored, attempt):
    assert not verify_password(attempt, stored)


def test_the_same_password_hashes_differently_each_time(stored):
    again = hash_password(PASSWORD)
    assert again != stored and verify_password(PASSWORD, again)


@pytest.mark.parametrize("bad", ["", "plain", "md5$abc", "scrypt$16384$8$1$AA==$AA==", "$argon2id$v=19$m=65536,t=3,p=4$bad$bad",
                                 PASSWORD])
def test_a_malformed_hash_refuses_instead_of_raising(bad):
    assert not verify_password(PASSWORD, bad)


def test_a_short_password_is_not_hashed():
    with pytest.raises(ValueError, match="at least 12"):
        hash_password("short")


def test_sign_in_gives_the_users_role_and_refuses_the_rest(stored):
    users = {"ann@example.org": {"password_hash": stored, "role": "editor"},
             "bob": {"password_hash": stored, "role": "superuser"},
             "cy": {"role": "admin"}}
    actor = check_sign_in(users, " ann@example.org ", PASSWORD)
    assert actor is not None and actor.name == "ann@example.org" and actor.role is Role.EDITOR
    assert check_sign_in(users, "ann@example.org", "wrong password!") is None
    assert check_sign_in(users, "nobody", PASSWORD) is None
    assert check_sign_in(users, "", PASSWORD) is None
    assert check_sign_in(users, "bob", PASSWORD) is None   # unknown role
    assert check_sign_in(users, "cy", PASSWORD) is None    # no hash at all


def test_the_cli_prints_an_entry_for_the_secrets_file():
    done = subprocess.run([sys.executable, "-m", "analytics", "hash-password", "--user", "ann@example.org",
                           "--role", "admin"], input=PASSWORD + "\n", capture_output=True, text=True,
                          cwd=ROOT, check=True)
    entry = tomllib.loads(done.stdout)["users"]["ann@example.org"]
    assert entry["role"] == "admin" and verify_password(PASSWORD, entry["password_hash"])
    assert PASSWORD not in done.stdout


def test_the_cli_refuses_a_short_password_and_prints_no_entry():
    done = subprocess.run([sys.executable, "-m", "analytics", "hash-password"], input="short\n",
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == ["error: A password needs at least 12 characters."]


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_failed_attempts_are_throttled_doubling_per_failure_and_cleared_by_success():
    clock = FakeClock()
    throttle = SignInThrottle(free_attempts=3, base_seconds=2, max_seconds=60, forget_seconds=900, clock=clock)
    for _ in range(3):
        assert throttle.wait_seconds("ann@example.org") == 0
        throttle.failed("ann@example.org")
    assert throttle.wait_seconds("Ann@Example.org ") == 2      # the same name however it is typed
    assert throttle.wait_seconds("bob") == 0                   # other names are not slowed
    clock.now += 2
    assert throttle.wait_seconds("ann@example.org") == 0
    throttle.failed("ann@example.org")
    assert throttle.wait_seconds("ann@example.org") == 4
    for _ in range(10):
        clock.now += 100
        throttle.failed("ann@example.org")
    assert throttle.wait_seconds("ann@example.org") == 60      # capped
    throttle.succeeded("ann@example.org")
    assert throttle.wait_seconds("ann@example.org") == 0


def test_old_failures_are_forgotten():
    clock = FakeClock()
    throttle = SignInThrottle(free_attempts=1, base_seconds=10, forget_seconds=900, clock=clock)
    throttle.failed("ann")
    assert throttle.wait_seconds("ann") == 10
    clock.now += 901
    assert throttle.wait_seconds("ann") == 0
