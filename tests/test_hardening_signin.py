"""Sign-in attempts are counted in the store: a burst evaluates at most the limit, a restart forgets nothing."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest

from egov import users
from egov.storage import db, throttle
from egov.ui import session
from tests.support import roles as R


@pytest.fixture
def accounts(sample_db):
    return R.accounts_db(sample_db)


def _burst(con, name: str, passwords: list[str], address: str | None = None) -> list:
    start = threading.Barrier(len(passwords))

    def attempt(password: str):
        start.wait()  # all threads reach the store at the same moment
        return users.sign_in(con, name, password, address=address)

    with ThreadPoolExecutor(max_workers=len(passwords)) as pool:
        return list(pool.map(attempt, passwords))


@pytest.mark.both_backends
def test_fifty_parallel_wrong_passwords_at_one_name_evaluate_at_most_the_limit_and_the_count_survives_a_restart(
        backend, accounts):
    con = db.connect(accounts)
    try:
        results = _burst(con, "analyst", [f"equivocada-{n:02d}" for n in range(50)])
    finally:
        con.close()
    evaluated = [r for r in results if r is None]  # a wrong password that was actually checked
    refused = [r for r in results if r == users.THROTTLED]
    assert len(evaluated) <= throttle.PER_NAME.attempts
    assert len(evaluated) + len(refused) == 50
    # Reopened (a restart, or another server on the same store): still locked, even with the right password.
    con = db.connect(accounts)
    try:
        assert users.sign_in(con, "analyst", R.PASSWORDS["analyst"]) == users.THROTTLED
        assert throttle.wait_seconds(con, "analyst", None) > 0
    finally:
        con.close()


def test_a_burst_holding_the_right_password_lets_it_in_only_if_it_was_among_the_first_evaluated(accounts):
    con = db.connect(accounts)
    try:
        passwords = [f"equivocada-{n:02d}" for n in range(40)]
        passwords[20:20] = [R.PASSWORDS["viewer"]]
        results = _burst(con, "viewer", passwords)
    finally:
        con.close()
    evaluated = [r for r in results if r != users.THROTTLED]
    assert len(evaluated) <= throttle.PER_NAME.attempts
    wrong_evaluated = [r for r in evaluated if r is None]
    assert len(wrong_evaluated) <= throttle.PER_NAME.attempts


def test_the_lock_is_per_name_and_ends_with_its_window(accounts):
    con = db.connect(accounts)
    try:
        now = datetime(2026, 1, 5, 10, 0, 0)
        for _ in range(throttle.PER_NAME.attempts):
            assert throttle.take_slot(con, "analyst", "192.0.2.7", now=now)
        assert not throttle.take_slot(con, "analyst", "192.0.2.7", now=now)
        assert throttle.take_slot(con, "viewer", "192.0.2.7", now=now)  # another name may still try
        later = now + timedelta(seconds=throttle.PER_NAME.window_seconds + 1)
        assert throttle.wait_seconds(con, "analyst", "192.0.2.7", now=now) == throttle.PER_NAME.window_seconds
        assert throttle.wait_seconds(con, "analyst", "192.0.2.7", now=later) == 0
        assert throttle.take_slot(con, "analyst", "192.0.2.7", now=later)
    finally:
        con.close()


def test_one_address_trying_many_names_meets_the_slower_per_address_limit(accounts):
    con = db.connect(accounts)
    try:
        now = datetime(2026, 1, 5, 10, 0, 0)
        allowed = [throttle.take_slot(con, f"nombre-{n}", "198.51.100.9", now=now) for n in range(30)]
        assert sum(allowed) == throttle.PER_ADDRESS.attempts
        assert throttle.take_slot(con, "nombre-99", "203.0.113.1", now=now)  # another address is not affected
        # A refused try took no slot for its name either (both counters move together or not at all).
        assert throttle.take_slot(con, "nombre-29", "203.0.113.1", now=now)
        rows = con.execute("SELECT attempts FROM sign_in_throttle WHERE scope = 'name' AND subject = 'nombre-29'"
                           ).fetchall()
        assert rows == [(1,)]
    finally:
        con.close()


def test_a_right_password_gives_its_slot_back_but_keeps_earlier_failures(accounts):
    con = db.connect(accounts)
    try:
        for _ in range(3):
            assert users.sign_in(con, "admin", "no-es-la-clave") is None
        for _ in range(4):
            assert users.sign_in(con, "admin", R.PASSWORDS["admin"]).name == "admin"
        rows = con.execute("SELECT attempts FROM sign_in_throttle WHERE scope = 'name' AND subject = 'admin'"
                           ).fetchall()
        assert rows == [(3,)]
    finally:
        con.close()


@pytest.mark.parametrize("address, local", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("::ffff:127.1.2.3", True), ("[::1]", True), (None, True),
    ("192.0.2.50", False), ("::ffff:192.0.2.50", False), ("10.0.0.1", False), ("2001:db8::1", False),
    ("localhost", False), ("", False),
])
def test_loopback_is_recognised_in_every_form(address, local):
    assert session.is_loopback(address) is local
