"""The mitigation plan: choose a measure (with owner, phase, due date, status), drop it, or
reject a proposal with a justification."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from quickscan_app.domain.measures import Phase
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import library_of
from quickscan_app.services.errors import InvalidInput
from quickscan_app.services.limits import JUSTIFICATION, SHORT_TEXT, bounded
from quickscan_app.services.unit import Work, unit_of_work
from quickscan_app.store.models import PlanItem

IMPLEMENTATION_STATUSES = ("planned", "in_progress", "implemented", "verified")


def _item(work: Work, dossier_id: int, measure_id: str) -> PlanItem | None:
    return work.session.execute(
        select(PlanItem).where(PlanItem.dossier_id == dossier_id, PlanItem.measure_id == measure_id)
    ).scalar_one_or_none()


def _editable(work: Work, dossier_id: int, measure_id: str):  # type: ignore[no-untyped-def]
    dossier = work.dossier(dossier_id)
    authz.require_edit(work.actor, dossier)
    if measure_id not in library_of(work.ctx, dossier).catalogue.by_id:
        raise InvalidInput("unknown_measure", measure=measure_id)
    work.details["measure"] = measure_id
    return dossier


def select_measure(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    measure_id: str,
    expected_version: int,
    *,
    owner: str | None = None,
    phase: str | None = None,
    due_date: date | None = None,
    status: str = "planned",
) -> int:
    """Put a measure in the plan, or update its owner, phase, due date and status."""
    with unit_of_work(ctx, actor, "plan.select", "dossier", dossier_id) as work:
        dossier = _editable(work, dossier_id, measure_id)
        measure = library_of(ctx, dossier).catalogue.by_id[measure_id]
        if status not in IMPLEMENTATION_STATUSES:
            raise InvalidInput(
                "invalid_field",
                field="status",
                problem=f"one of {', '.join(IMPLEMENTATION_STATUSES)}",
            )
        phase = phase or measure.phase.value
        if phase not in {p.value for p in Phase}:
            raise InvalidInput(
                "invalid_field",
                field="phase",
                problem=f"one of {', '.join(p.value for p in Phase)}",
            )
        owner = bounded(owner, "owner", SHORT_TEXT) or None
        for other in measure.alternatives:
            chosen = _item(work, dossier_id, other)
            if chosen is not None and chosen.decision == "selected":
                raise InvalidInput("alternative_chosen", measure=measure_id, other=other)
        version = work.touch(dossier, expected_version, f"plan {measure_id}")
        item = _item(work, dossier_id, measure_id) or PlanItem(
            dossier_id=dossier_id, measure_id=measure_id
        )
        item.decision, item.justification = "selected", None
        item.owner, item.phase, item.due_date, item.status = owner, phase, due_date, status
        item.updated_by, item.updated_at = actor.user_id, ctx.clock()
        work.session.add(item)
        return version


def reject_measure(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    measure_id: str,
    justification: str,
    expected_version: int,
) -> int:
    """Record that a proposed measure is not taken, and why."""
    with unit_of_work(ctx, actor, "plan.reject", "dossier", dossier_id) as work:
        dossier = _editable(work, dossier_id, measure_id)
        justification = bounded(justification, "justification", JUSTIFICATION)
        if not justification:
            raise InvalidInput("justification_required")
        version = work.touch(dossier, expected_version, f"plan {measure_id} rejected")
        item = _item(work, dossier_id, measure_id) or PlanItem(
            dossier_id=dossier_id, measure_id=measure_id
        )
        item.decision, item.justification = "rejected", justification
        item.owner = item.phase = item.due_date = None
        item.status = "planned"
        item.updated_by, item.updated_at = actor.user_id, ctx.clock()
        work.session.add(item)
        return version


def deselect_measure(
    ctx: ServiceContext, actor: Actor, dossier_id: int, measure_id: str, expected_version: int
) -> int:
    """Take a measure (chosen or rejected) out of the plan: it is a proposal again."""
    with unit_of_work(ctx, actor, "plan.deselect", "dossier", dossier_id) as work:
        dossier = _editable(work, dossier_id, measure_id)
        version = work.touch(dossier, expected_version, f"plan {measure_id} removed")
        item = _item(work, dossier_id, measure_id)
        if item is not None:
            work.session.delete(item)
        return version
