"""Sign-in throttling (per account and per origin, across servers: read from the audit trail)
and the common-password check, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quickscan_app.services import throttle, users
from quickscan_app.services.context import ServiceContext, system_actor
from quickscan_app.services.errors import AuthenticationFailed, InvalidInput
from tests.integration.conftest import PASSWORD


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2027, 3, 1, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clocked(engine, mini_content) -> tuple[ServiceContext, Clock]:
    clock = Clock()
    return ServiceContext(engine, mini_content, clock=clock), clock


def attempt(ctx, name: str, password: str, origin: str = "web:10.0.0.1") -> str:
    try:
        users.authenticate(ctx, name, password, origin)
    except AuthenticationFailed as exc:
        return exc.key
    return "ok"


def test_an_account_waits_after_five_failures_in_a_row(clocked) -> None:
    ctx, clock = clocked
    assert [attempt(ctx, "olga", "wrong") for _ in range(5)] == ["login_failed"] * 5
    assert attempt(ctx, "olga", PASSWORD) == "login_throttled"  # even the right password
    assert attempt(ctx, "rita", PASSWORD) == "ok"  # other accounts carry on
    clock.now += timedelta(minutes=16)
    assert attempt(ctx, "olga", PASSWORD) == "ok"


def test_a_success_resets_the_count(clocked) -> None:
    ctx, _ = clocked
    for _ in range(4):
        attempt(ctx, "olga", "wrong")
    assert attempt(ctx, "olga", PASSWORD) == "ok"
    assert [attempt(ctx, "olga", "wrong") for _ in range(4)] == ["login_failed"] * 4
    assert attempt(ctx, "olga", PASSWORD) == "ok"


SHARED = "web:203.0.113.9"


def guess_across_accounts(ctx, round_: int = 0, count: int = 30, origin: str = SHARED) -> None:
    """``count`` wrong guesses, each on an account name not tried before."""
    for n in range(count):
        attempt(ctx, f"guess{round_}-{n}", "wrong", origin=origin)


@pytest.fixture
def origin_limit_5(monkeypatch):
    """The per-origin limit at 5 instead of 30: the same rule with fewer (slow) hashes."""
    from quickscan_app.config import get_settings

    monkeypatch.setenv("QUICKSCAN_MAX_FAILED_SIGN_INS_PER_ORIGIN", "5")
    get_settings.cache_clear()
    yield 5
    monkeypatch.undo()
    get_settings.cache_clear()


def test_one_origin_guessing_across_accounts_waits(clocked) -> None:
    """Over its limit an origin gets one password check per account name per 15 minutes: a
    second guess on a name is refused without looking at the password."""
    ctx, _ = clocked
    guess_across_accounts(ctx)
    assert attempt(ctx, "guess0-0", "wrong", origin=SHARED) == "login_throttled"
    assert attempt(ctx, "otto", "wrong", origin=SHARED) == "login_failed"  # its one check
    assert attempt(ctx, "otto", PASSWORD, origin=SHARED) == "login_throttled"
    assert attempt(ctx, "otto", PASSWORD, origin="web:10.0.0.1") == "ok"


def test_a_shared_origin_does_not_stop_the_right_password(clocked) -> None:
    """Thirty and more wrong guesses by someone behind the same address do not lock out a
    colleague who types the right password, while the guessing goes on."""
    ctx, clock = clocked
    guess_across_accounts(ctx, count=31)
    assert attempt(ctx, "olga", PASSWORD, origin=SHARED) == "ok"
    clock.now += timedelta(minutes=10)
    guess_across_accounts(ctx, 1, count=3)
    assert attempt(ctx, "rita", PASSWORD, origin=SHARED) == "ok"
    assert attempt(ctx, "olga", PASSWORD, origin=SHARED) == "ok"


def test_a_typo_behind_a_busy_origin_waits_the_window_not_longer(clocked, origin_limit_5) -> None:
    """Retrying while the guessing goes on does not make the wait longer than 15 minutes
    after the wrong password."""
    ctx, clock = clocked
    guess_across_accounts(ctx, count=origin_limit_5)
    typo_at = clock.now
    assert attempt(ctx, "rita", "typo", origin=SHARED) == "login_failed"
    for minute in range(1, 15, 2):
        clock.now = typo_at + timedelta(minutes=minute)
        guess_across_accounts(ctx, minute, count=1)
        assert attempt(ctx, "rita", PASSWORD, origin=SHARED) == "login_throttled"
    clock.now = typo_at + throttle.LOCKOUT_WINDOW + timedelta(seconds=1)
    assert attempt(ctx, "rita", PASSWORD, origin=SHARED) == "ok"


def test_an_ipv6_client_is_counted_by_its_64(clocked, origin_limit_5) -> None:
    """One IPv6 client holds a whole /64: new addresses in it do not buy new guesses."""
    ctx, _ = clocked
    for n in range(origin_limit_5):
        origin = f"web:2001:0db8:0000:0007:0000:0000:0000:{n + 1:04x}"
        attempt(ctx, f"guess{n}", "wrong", origin=origin)
    same_64 = "web:2001:0db8:0000:0007:ffff:0000:0000:0001"
    other_64 = "web:2001:0db8:0000:0008:0000:0000:0000:0001"
    assert attempt(ctx, "guess0", "wrong", origin=same_64) == "login_throttled"
    assert attempt(ctx, "guess1", "wrong", origin=other_64) == "login_failed"


@pytest.mark.parametrize(
    "weak", ["Welkom2026!!!!", "P@ssw0rd12345", "passwordpassword", "aaaaaaaaaaaaaa",
             "123456789012", "Douane-2026!!"],
)  # fmt: skip
def test_common_passwords_are_refused(ctx, weak: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        users.add_user(ctx, system_actor("test"), "olga2", weak, ["officer"])
    assert refused.value.key == "password_common"
    with pytest.raises(InvalidInput):
        users.set_password(ctx, system_actor("test"), "olga", weak)


def test_a_password_holding_the_user_name_is_refused(ctx) -> None:
    with pytest.raises(InvalidInput) as refused:
        users.set_password(ctx, system_actor("test"), "olga", "olga-de-vries-1")
    assert refused.value.key == "password_common"


def test_a_long_phrase_is_fine(ctx) -> None:
    users.set_password(ctx, system_actor("test"), "olga", "Zomer-aan-de-Maas met 3 honden")


def test_passwords_are_stored_as_argon2id_and_never_logged(clocked, engine) -> None:
    from sqlalchemy import select

    from quickscan_app.store.models import AuditEvent, User

    ctx, _ = clocked
    secret = "Zomer-aan-de-Maas met 3 honden"
    users.add_user(ctx, system_actor("test"), "nieuw", secret, ["officer"])
    attempt(ctx, "nieuw", secret)
    attempt(ctx, "nieuw", secret + "x")
    with ctx.factory() as session:
        stored = session.execute(select(User.password_hash).where(User.name == "nieuw")).scalar()
        logged = [e.details for e in session.execute(select(AuditEvent)).scalars()]
    assert stored.startswith("$argon2id$") and secret not in stored
    assert not any(secret in details for details in logged)


def test_the_origin_limit_can_be_turned_off_behind_a_proxy(clocked, monkeypatch) -> None:
    from quickscan_app.config import get_settings

    ctx, _ = clocked
    monkeypatch.setenv("QUICKSCAN_MAX_FAILED_SIGN_INS_PER_ORIGIN", "0")
    get_settings.cache_clear()
    try:
        for n in range(35):
            attempt(ctx, f"guess{n}", "wrong", origin="web:proxy")
        assert attempt(ctx, "olga", PASSWORD, origin="web:proxy") == "ok"
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_parallel_guesses_are_counted_one_after_another(clocked) -> None:
    import threading

    ctx, _ = clocked
    outcomes: list[str] = []
    lock = threading.Lock()

    def guess() -> None:
        outcome = attempt(ctx, "olga", "wrong")
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("login_failed") == 5  # the rest waited, then found the lockout
    assert outcomes.count("login_throttled") == 7
