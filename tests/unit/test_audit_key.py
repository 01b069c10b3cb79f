"""Where the audit key comes from: the environment, a key file beside a SQLite database, or
nowhere, which a shared database refuses."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import pytest

from quickscan_app.config import get_settings
from quickscan_app.store.audit_key import (
    UNKEYED,
    AuditKeyError,
    Keyring,
    key_file,
    keyring_for,
)

LONG = "k" * 32


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("QUICKSCAN_AUDIT_KEY", raising=False)
    monkeypatch.delenv("QUICKSCAN_AUDIT_RETIRED_KEYS", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_sqlite_file_gets_a_private_key_file_once(no_key, tmp_path) -> None:
    database = tmp_path / "data" / "quickscan.db"
    previous = os.umask(0)
    try:
        first = keyring_for(f"sqlite:///{database}")
    finally:
        os.umask(previous)
    path = key_file(database)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert first.current is not None and len(first.current) >= 32
    assert keyring_for(f"sqlite:///{database}") == first  # read again, not made anew
    assert path.read_text().strip().encode() == first.current


def test_a_shared_database_without_a_key_is_refused(no_key) -> None:
    with pytest.raises(AuditKeyError, match="QUICKSCAN_AUDIT_KEY is required"):
        keyring_for("postgresql+psycopg://quickscan@db.example/quickscan")


def test_an_in_memory_database_is_unkeyed(no_key) -> None:
    assert keyring_for("sqlite://") == UNKEYED


def test_the_key_and_retired_keys_come_from_the_environment(no_key, monkeypatch) -> None:
    monkeypatch.setenv("QUICKSCAN_AUDIT_KEY", "n" * 40)
    monkeypatch.setenv("QUICKSCAN_AUDIT_RETIRED_KEYS", f"{LONG}, {'o' * 33}")
    get_settings.cache_clear()
    keys = keyring_for("postgresql+psycopg://quickscan@db.example/quickscan")
    assert keys == Keyring(b"n" * 40, (LONG.encode(), b"o" * 33))
    old = Keyring(LONG.encode())
    assert keys.by_id(old.current_id) == LONG.encode() and keys.by_id("0" * 16) is None
    assert "n" * 40 not in repr(get_settings())  # a secret: never printed with the settings


def test_a_short_key_is_refused(no_key, monkeypatch) -> None:
    monkeypatch.setenv("QUICKSCAN_AUDIT_KEY", "too short")
    get_settings.cache_clear()
    with pytest.raises(AuditKeyError, match="at least 32 characters"):
        keyring_for("sqlite:///x.db")


def test_new_key_prints_a_usable_key(capsys) -> None:
    from quickscan_app.cli import main

    assert main(["audit", "new-key"]) == 0
    key = capsys.readouterr().out.strip()
    assert len(key) >= 32 and Keyring(key.encode()).current_id
