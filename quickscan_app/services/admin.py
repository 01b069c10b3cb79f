"""What administrators read: the audit trail and which content versions dossiers use."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from quickscan_app.services import audit, authz
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.unit import reading
from quickscan_app.store.models import AuditEvent, Dossier

MAX_EVENTS = 10_000
"""The most events one read of the trail returns."""


def audit_trail(ctx: ServiceContext, actor: Actor, limit: int = 200) -> list[AuditEvent]:
    with reading(ctx, actor, "audit.read", "audit") as session:
        authz.require_role(actor, Role.ADMIN)
        return audit.recent_events(session, min(max(limit, 1), MAX_EVENTS))


def verify_audit_trail(ctx: ServiceContext, actor: Actor) -> audit.ChainReport:
    """Check the chain; the check itself is recorded too."""
    with reading(ctx, actor, "audit.verify", "audit") as session:
        authz.require_role(actor, Role.ADMIN)
        report = audit.verify(session)
    with ctx.transaction() as session:
        audit.append(
            session, at=ctx.clock(), actor=actor.name, action="audit.verify", object_type="audit",
            object_id=None, result="success" if report.intact else "failure", origin=actor.origin,
            details={"events": report.events, "first_bad": report.first_bad_seq},
        )  # fmt: skip
    return report


def content_usage(ctx: ServiceContext, actor: Actor) -> Counter[tuple[str, int]]:
    """How many dossiers are pinned to each questionnaire version."""
    query = select(Dossier.questionnaire_id, Dossier.questionnaire_version, func.count()).group_by(
        Dossier.questionnaire_id, Dossier.questionnaire_version
    )
    with reading(ctx, actor, "content.usage", "content") as session:
        authz.require_role(actor, Role.ADMIN)
        return Counter({(q, v): n for q, v, n in session.execute(query)})
