"""Engines and transactions for SQLite (embedded) and PostgreSQL (shared)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from quickscan_app.config import get_settings
from quickscan_app.store.audit_key import Keyring, keyring_for


def make_engine(url: str | None = None, *, busy_timeout_ms: int | None = None) -> Engine:
    """An engine for ``url`` (default from settings).

    SQLite gets WAL, ``foreign_keys=ON`` and a busy timeout on every connection, and every
    transaction starts with ``BEGIN IMMEDIATE``: a writer takes the lock up front instead of
    failing with "database is locked" when it upgrades from reader to writer half-way.
    """
    settings = get_settings()
    url = url or settings.database_url
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, future=True)
    if parsed.database and parsed.database != ":memory:":
        create_private(Path(parsed.database))
    timeout = busy_timeout_ms if busy_timeout_ms is not None else settings.sqlite_busy_timeout_ms
    engine = create_engine(
        url,
        connect_args={"timeout": timeout / 1000, "check_same_thread": False},
        future=True,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout)}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def create_private(path: Path) -> None:
    """Create the database file readable by its owner only (it holds password hashes),
    whatever the umask; SQLite gives its -wal and -shm files the same mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    try:
        os.fchmod(handle, 0o600)
    finally:
        os.close(handle)


def session_factory(engine: Engine, audit_keys: Keyring | None = None) -> sessionmaker[Session]:
    """Sessions that carry the database's audit keys (``Session.info``), read by the audit
    trail when it appends or verifies; by default the keys for ``engine``'s URL."""
    keys = audit_keys if audit_keys is not None else keyring_for(engine.url)
    return sessionmaker(engine, expire_on_commit=False, future=True, info={"audit_keys": keys})


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on any exception."""
    with factory() as session, session.begin():
        yield session
