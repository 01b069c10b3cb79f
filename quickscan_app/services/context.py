"""What every service call needs: the database, the content, a clock, and who is calling."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from quickscan_app.content import ContentSet
from quickscan_app.store.audit_key import Keyring, keyring_for
from quickscan_app.store.db import session_factory, transaction


class Role(StrEnum):
    OFFICER = "officer"
    REVIEWER = "reviewer"
    RISK_OWNER = "risk_owner"
    """The process owner (proceseigenaar) who accepts residual risks
    (ISO/IEC 27001:2022, 6.1.3 f)."""
    ADMIN = "admin"


@dataclass(frozen=True)
class Actor:
    """The signed-in user (or the command line acting as an administrator)."""

    user_id: int | None
    name: str
    roles: frozenset[Role]
    origin: str = "unknown"

    def has(self, role: Role) -> bool:
        return role in self.roles


def system_actor(origin: str = "cli") -> Actor:
    """The operator at the command line: has direct database access, so acts as admin."""
    return Actor(None, "system", frozenset({Role.ADMIN}), origin)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    engine: Engine
    content: ContentSet
    clock: Callable[[], datetime] = utc_now
    audit_keys: Keyring | None = None
    """The keys sealing the audit trail; by default those for the engine's database
    (``QUICKSCAN_AUDIT_KEY``, or the key file beside a SQLite file)."""
    factory: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        if self.audit_keys is None:
            self.audit_keys = keyring_for(self.engine.url)
        self.factory = session_factory(self.engine, self.audit_keys)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with transaction(self.factory) as session:
            yield session
