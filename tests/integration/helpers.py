"""Small builders shared by the integration tests."""

from __future__ import annotations

from sqlalchemy import select

from quickscan_app.services import dossiers, workflow
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.store.models import AuditEvent, User

COMPLETE = {"connectivity": "internet", "remote": "yes", "channel": ["vpn"], "fleet_share": 40}


def new_dossier(ctx: ServiceContext, owner: Actor, title: str = "Scanner Maasvlakte") -> int:
    return dossiers.create_dossier(ctx, owner, {"title": title, "reference": "DOUANE-2027-001"})


def version(ctx: ServiceContext, actor: Actor, dossier_id: int) -> int:
    return dossiers.get_dossier(ctx, actor, dossier_id).dossier.lock_version


def answer_all(ctx: ServiceContext, owner: Actor, dossier_id: int, answers=COMPLETE) -> int:
    current = version(ctx, owner, dossier_id)
    for question, value in answers.items():
        current = dossiers.save_answer(ctx, owner, dossier_id, question, value, current)
    return current


def submitted(ctx: ServiceContext, owner: Actor) -> tuple[int, int]:
    dossier_id = new_dossier(ctx, owner)
    current = answer_all(ctx, owner, dossier_id)
    return dossier_id, workflow.submit(ctx, owner, dossier_id, current)


def approved_from_example(
    ctx: ServiceContext,
    owner: Actor,
    reviewer: Actor,
    example: str = "container-fleet-maintenance.yaml",
    measures: int = 14,
    **meta: object,
) -> int:
    """A dossier imported from a shipped example, planned, submitted and approved (needs the
    shipped content in ``ctx``)."""
    from quickscan_app.answer_files import load_answer_file
    from quickscan_app.services.context import system_actor
    from quickscan_app.services.demo import EXAMPLES, plan_top

    loaded = load_answer_file(EXAMPLES / example, ctx.content)
    if meta and loaded.file.dossier is not None:
        changed = loaded.file.dossier.model_copy(update=meta)
        loaded = type(loaded)(
            loaded.library, loaded.file.model_copy(update={"dossier": changed}), loaded.answers
        )
    dossier_id = dossiers.import_dossier(ctx, system_actor("test"), loaded, owner.name)
    current = plan_top(ctx, owner, dossier_id, measures, reject_one=True)
    current = workflow.submit(ctx, owner, dossier_id, current)
    approve_fully(ctx, reviewer, dossier_id, current, "Akkoord.")
    return dossier_id


def approve_fully(
    ctx: ServiceContext, reviewer: Actor, dossier_id: int, expected_version: int, note=None
) -> str:
    """Approve; where the residual risk needs it, the risk owner (``pim``) accepts it too.
    Returns the SHA-256 of the frozen snapshot."""
    from quickscan_app.services import acceptance

    digest = workflow.approve(ctx, reviewer, dossier_id, expected_version, note)
    if digest is not None:
        return digest
    with ctx.factory() as session:
        pim = session.execute(select(User).where(User.name == "pim")).scalar_one()
    owner = Actor(pim.id, "pim", frozenset({Role.RISK_OWNER}), "test")
    current = version(ctx, owner, dossier_id)
    return acceptance.accept(ctx, owner, dossier_id, current, "Restrisico aanvaard.")


def last_event(ctx: ServiceContext) -> AuditEvent:
    """The newest event of the audit trail."""
    with ctx.factory() as session:
        return session.execute(
            select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)
        ).scalar_one()
