"""One service call = one transaction = one audit event, also when the call is refused."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from quickscan_app.domain.plain_text import printable
from quickscan_app.i18n import format_datetime
from quickscan_app.services import audit
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.errors import (
    Change,
    Conflict,
    NotFound,
    PermissionDenied,
    ServiceError,
)
from quickscan_app.services.limits import dossier_key, valid_id
from quickscan_app.store.models import Dossier, User, UserRole

# Compare-and-set of the lock version, built once and reused.
_CLAIM_VERSION = (
    update(Dossier)
    .where(Dossier.id == bindparam("dossier"), Dossier.lock_version == bindparam("expected"))
    .values(
        lock_version=Dossier.lock_version + 1,
        updated_at=bindparam("now"),
        updated_by_id=bindparam("by"),
        last_change=bindparam("change"),
    )
    .returning(Dossier.lock_version)
)


@dataclass
class Work:
    """Handed to the body of a service call: the session and what the audit event will say."""

    session: Session
    ctx: ServiceContext
    actor: Actor
    object_id: Any = None
    details: dict[str, Any] = field(default_factory=dict)

    def dossier(self, dossier_id: int) -> Dossier:
        dossier = self.session.get(Dossier, dossier_key(dossier_id))
        if dossier is None:
            raise NotFound("not_found", dossier=dossier_id)
        return dossier

    def ensure_fresh(self, dossier: Dossier, expected_version: int) -> None:
        """Refuse, naming who changed what, when the caller's version is not the current one."""
        if dossier.lock_version == expected_version:
            return
        who = self.session.get(User, dossier.updated_by_id) if dossier.updated_by_id else None
        raise Conflict(
            "stale",
            dossier=dossier.id,
            who=who.display_name if who else "system",
            change=Change(dossier.last_change),
            when=format_datetime(dossier.updated_at, "nl"),
        )

    def touch(self, dossier: Dossier, expected_version: int, change: str) -> int:
        """Claim the next lock version, or refuse if someone changed the dossier meanwhile.

        The compare-and-set is one UPDATE, so two writers that saw the same version cannot
        both succeed, on SQLite or PostgreSQL.
        """
        if not valid_id(expected_version):
            self.ensure_fresh(dossier, expected_version)  # no dossier is at such a version
        now = self.ctx.clock()
        changed_by = self.actor.user_id  # None: the command line
        new_version = (
            self.session.connection()
            .execute(
                _CLAIM_VERSION,
                {
                    "dossier": dossier.id,
                    "expected": expected_version,
                    "now": now,
                    "by": changed_by,
                    "change": change[:200],
                },
            )
            .scalar_one_or_none()
        )
        if new_version is None:
            self.session.refresh(dossier)
            self.ensure_fresh(dossier, expected_version)
            raise AssertionError("lock version moved yet looked fresh")  # pragma: no cover
        for name, value in (
            ("lock_version", new_version),
            ("updated_at", now),
            ("updated_by_id", changed_by),
            ("last_change", change[:200]),
        ):
            set_committed_value(dossier, name, value)
        self.details.setdefault("version", new_version)
        return new_version


@contextmanager
def unit_of_work(
    ctx: ServiceContext,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: Any = None,
) -> Iterator[Work]:
    """Run a service body in one transaction that ends with its audit event.

    The caller's account is checked against the database first: a user deactivated or
    stripped of a role since signing in is refused at once. A refused call (any
    ServiceError) is rolled back whole and then recorded as ``denied`` in a transaction of its
    own, so the refusal is on record while nothing else changed; an unexpected error is
    recorded as ``failure`` the same way.
    """
    try:
        with ctx.transaction() as session:
            check_account(session, actor)
            work = Work(session, ctx, actor, object_id)
            yield work
            session.flush()
            record_event(
                session, ctx, actor, action, object_type, work.object_id, "success", work.details
            )
    except ServiceError as exc:
        record_refusal(ctx, actor, action, object_type, object_id, exc)
        raise
    except Exception as exc:
        record_failure(ctx, actor, action, object_type, object_id, exc)
        raise


@contextmanager
def reading(
    ctx: ServiceContext, actor: Actor, action: str, object_type: str, object_id: Any = None
) -> Iterator[Session]:
    """A service call that only reads: a session, after the same account check as a write.

    A refusal (the account, a missing role, an unknown or hidden object: any ServiceError in
    the body) is recorded as ``denied``; a read that is allowed is not recorded.
    """
    with ctx.factory() as session:
        try:
            check_account(session, actor)
            yield session
        except ServiceError as exc:
            session.rollback()
            record_refusal(ctx, actor, action, object_type, object_id, exc)
            raise


_ACCOUNT_ROLES = (
    select(UserRole.role)
    .join(User, User.id == UserRole.user_id)
    .where(User.id == bindparam("user"), User.active.is_(True))
)


def check_account(session: Session, actor: Actor) -> None:
    """The actor's account is still active and still holds the roles it signed in with."""
    if actor.user_id is None:
        return  # the command line: direct database access, nothing to look up
    held = {row[0] for row in session.connection().execute(_ACCOUNT_ROLES, {"user": actor.user_id})}
    if not held:
        raise PermissionDenied("account_inactive")
    if not {role.value for role in actor.roles} <= held:
        raise PermissionDenied("roles_changed")


def record_refusal(
    ctx: ServiceContext,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: Any,
    exc: ServiceError,
) -> None:
    with ctx.transaction() as session:
        details = {"refused": exc.key, **{k: str(v) for k, v in exc.params.items()}}
        record_event(session, ctx, actor, action, object_type, object_id, "denied", details)


def record_failure(
    ctx: ServiceContext, actor: Actor, action: str, object_type: str, object_id: Any, exc: Exception
) -> None:
    try:
        with ctx.transaction() as session:
            details = {"error": type(exc).__name__}
            record_event(session, ctx, actor, action, object_type, object_id, "failure", details)
    except Exception:  # the database itself may be what failed
        return


def record_event(session, ctx, actor, action, object_type, object_id, result, details) -> None:  # type: ignore[no-untyped-def]
    """One audit event in ``session``'s transaction (the caller commits it)."""
    audit.append(
        session,
        at=ctx.clock(),
        actor=printable(actor.name)[:64],  # a refused name may hold a control character
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else printable(str(object_id))[:80],
        result=result,
        origin=printable(actor.origin)[:120],
        details=details,
    )
