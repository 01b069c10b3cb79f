"""Sign-in throttling (per account and per origin, across servers: read from the audit trail)
and the common-password check, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quickscan_app.services import users
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


def test_one_origin_guessing_across_accounts_waits(clocked) -> None:
    ctx, _ = clocked
    for n in range(30):
        attempt(ctx, f"guess{n}", "wrong", origin="web:203.0.113.9")
    assert attempt(ctx, "olga", PASSWORD, origin="web:203.0.113.9") == "login_throttled"
    assert attempt(ctx, "olga", PASSWORD, origin="web:10.0.0.1") == "ok"


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
