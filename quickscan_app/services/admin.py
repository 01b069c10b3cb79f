"""What administrators read: the audit trail and which content versions dossiers use."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from quickscan_app.services import audit, authz
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.store.models import AuditEvent, Dossier


def audit_trail(ctx: ServiceContext, actor: Actor, limit: int = 200) -> list[AuditEvent]:
    authz.require_role(actor, Role.ADMIN)
    with ctx.factory() as session:
        return audit.recent_events(session, limit)


def verify_audit_trail(ctx: ServiceContext, actor: Actor) -> audit.ChainReport:
    """Check the chain; the check itself is recorded too."""
    authz.require_role(actor, Role.ADMIN)
    with ctx.factory() as session:
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
    authz.require_role(actor, Role.ADMIN)
    query = select(Dossier.questionnaire_id, Dossier.questionnaire_version, func.count()).group_by(
        Dossier.questionnaire_id, Dossier.questionnaire_version
    )
    with ctx.factory() as session:
        return Counter({(q, v): n for q, v, n in session.execute(query)})
