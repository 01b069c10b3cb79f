"""One service call = one transaction = one audit event, also when the call is refused."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from quickscan_app.i18n import format_datetime
from quickscan_app.services import audit
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.errors import Conflict, NotFound, ServiceError
from quickscan_app.store.models import Dossier, User


@dataclass
class Work:
    """Handed to the body of a service call: the session and what the audit event will say."""

    session: Session
    ctx: ServiceContext
    actor: Actor
    object_id: Any = None
    details: dict[str, Any] = field(default_factory=dict)

    def dossier(self, dossier_id: int) -> Dossier:
        dossier = self.session.get(Dossier, dossier_id)
        if dossier is None:
            raise NotFound("not_found", dossier=dossier_id)
        return dossier

    def ensure_fresh(self, dossier: Dossier, expected_version: int) -> None:
        """Refuse, naming who changed what, when the caller's version is not the current one."""
        if dossier.lock_version == expected_version:
            return
        who = self.session.get(User, dossier.updated_by_id)
        raise Conflict(
            "stale",
            dossier=dossier.id,
            who=who.display_name if who else "?",
            change=dossier.last_change,
            when=format_datetime(dossier.updated_at, "nl"),
        )

    def touch(self, dossier: Dossier, expected_version: int, change: str) -> int:
        """Claim the next lock version, or refuse if someone changed the dossier meanwhile.

        The compare-and-set is one UPDATE, so two writers that saw the same version cannot
        both succeed, on SQLite or PostgreSQL.
        """
        now = self.ctx.clock()
        result = self.session.execute(
            update(Dossier)
            .where(Dossier.id == dossier.id, Dossier.lock_version == expected_version)
            .values(
                lock_version=Dossier.lock_version + 1,
                updated_at=now,
                updated_by_id=self.actor.user_id if self.actor.user_id else dossier.updated_by_id,
                last_change=change[:200],
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            self.session.refresh(dossier)
            self.ensure_fresh(dossier, expected_version)
        self.session.refresh(dossier)
        self.details.setdefault("version", dossier.lock_version)
        return dossier.lock_version


@contextmanager
def unit_of_work(
    ctx: ServiceContext,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: Any = None,
) -> Iterator[Work]:
    """Run a service body in one transaction that ends with its audit event.

    A refused call (any ServiceError) is rolled back whole and then recorded as ``denied`` in
    a transaction of its own, so the refusal is on record while nothing else changed.
    """
    try:
        with ctx.transaction() as session:
            work = Work(session, ctx, actor, object_id)
            yield work
            session.flush()
            _record(
                session, ctx, actor, action, object_type, work.object_id, "success", work.details
            )
    except ServiceError as exc:
        with ctx.transaction() as session:
            details = {"refused": exc.key, **{k: str(v) for k, v in exc.params.items()}}
            _record(session, ctx, actor, action, object_type, object_id, "denied", details)
        raise


def _record(session, ctx, actor, action, object_type, object_id, result, details) -> None:  # type: ignore[no-untyped-def]
    audit.append(
        session,
        at=ctx.clock(),
        actor=actor.name,
        action=action,
        object_type=object_type,
        object_id=object_id,
        result=result,
        origin=actor.origin,
        details=details,
    )
