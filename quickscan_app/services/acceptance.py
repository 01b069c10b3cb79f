"""The risk owner's decision on the residual risk of an approved plan (ISO/IEC 27001:2022,
6.1.3 f): accept what remains, with a justification, conditions and a review date, or refuse
it (the dossier goes back to the officer). Four-eyes: never the owner, an answerer or the
reviewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from quickscan_app.domain.workflow import Status, Step
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierView, answered_by, load_view
from quickscan_app.services.errors import InvalidInput, WorkflowError
from quickscan_app.services.limits import NOTE, bounded
from quickscan_app.services.reassessment import earliest_review
from quickscan_app.services.unit import Work, unit_of_work
from quickscan_app.services.workflow import dossier_reading, freeze_approval, transition
from quickscan_app.store.models import Acceptance, Decision, Dossier


@dataclass(frozen=True)
class ResidualRisk:
    """One scenario's risk after the chosen measures, as put before the risk owner."""

    scenario_id: str
    title: str
    likelihood: int
    impact: int
    level: str


def residual_risks(view: DossierView) -> list[ResidualRisk]:
    """The scenarios whose residual risk is what the risk owner accepts: all of them, the
    highest first (the owner accepts the whole picture, not one line)."""
    library, assessment = view.library, view.assessment
    lang = view.dossier.language if view.dossier.language in ("nl", "en") else "nl"
    scores = assessment.residual or assessment.scenarios
    risks = [
        ResidualRisk(
            s.scenario_id,
            library.risk_model.scenario_by_id[s.scenario_id].title.get(lang),  # type: ignore[arg-type]
            s.likelihood,
            s.impact,
            s.level.value,
        )
        for s in scores
    ]
    return sorted(risks, key=lambda r: (-r.likelihood * r.impact, r.scenario_id))


def _involved(work: Work, dossier: Dossier) -> set[int]:
    """Who may not accept: everyone who answered, and whoever took a review step on it."""
    reviewers = work.session.execute(
        select(Decision.actor_id).where(
            Decision.dossier_id == dossier.id,
            Decision.to_status.in_(
                [
                    Status.CHANGES_REQUESTED.value,
                    Status.AWAITING_ACCEPTANCE.value,
                    Status.APPROVED.value,
                ]
            ),
            Decision.actor_id.is_not(None),
        )
    ).scalars()
    return answered_by(work.session, dossier.id) | set(reviewers)


def _approval_step(work: Work, dossier: Dossier) -> Decision:
    """The reviewer's approval that put this revision before the risk owner."""
    decision = work.session.execute(
        select(Decision)
        .where(
            Decision.dossier_id == dossier.id,
            Decision.revision == dossier.revision,
            Decision.to_status == Status.AWAITING_ACCEPTANCE.value,
        )
        .order_by(Decision.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if decision is None:  # a dossier moved into this state by hand
        raise WorkflowError(
            "transition", dossier=dossier.id, status=dossier.status, step=Step.ACCEPT.value
        )
    return decision


def _record(
    work: Work,
    dossier: Dossier,
    accepted: bool,
    justification: str,
    conditions: str | None,
    review_date: date | None,
) -> Acceptance:
    if not (justification or "").strip():
        raise InvalidInput("acceptance_reasons_required")
    view = load_view(work.ctx, work.session, dossier)
    row = Acceptance(
        dossier_id=dossier.id,
        revision=dossier.revision,
        risk_owner_id=work.actor.user_id,
        decided_at=work.ctx.clock(),
        accepted=accepted,
        justification=bounded(justification, "justification", NOTE),
        conditions=bounded(conditions, "conditions", NOTE) or None,
        review_date=review_date,
        residual=[vars(r) for r in residual_risks(view)],
    )
    work.session.add(row)
    work.session.flush()
    work.details.update({"accepted": accepted, "justification": row.justification})
    if row.conditions:
        work.details["conditions"] = row.conditions
    return row


def accept(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    justification: str,
    conditions: str | None = None,
    review_date: date | None = None,
) -> str:
    """Accept the residual risk: the plan is approved and its snapshot (with this acceptance)
    frozen; returns its SHA-256. The review date is the earliest of the reviewer's, the risk
    owner's and a year from now."""
    with unit_of_work(ctx, actor, "dossier.accept", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_risk_owner_of(actor, dossier, _involved(work, dossier))
        work.ensure_fresh(dossier, expected_version)
        approval = _approval_step(work, dossier)
        chosen = earliest_review(ctx.clock(), review_date)
        if approval.review_date is not None:
            chosen = min(chosen, approval.review_date)
        row = _record(work, dossier, True, justification, conditions, chosen)
        decision = transition(work, dossier, Step.ACCEPT, expected_version, justification)
        decision.review_date = chosen
        return freeze_approval(work, dossier, approval, chosen, row)


def refuse(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    justification: str,
) -> int:
    """Refuse the residual risk: the dossier goes back to the officer with the reasons."""
    with unit_of_work(ctx, actor, "dossier.refuse_acceptance", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_risk_owner_of(actor, dossier, _involved(work, dossier))
        work.ensure_fresh(dossier, expected_version)
        _record(work, dossier, False, justification, None, None)
        transition(work, dossier, Step.REFUSE_ACCEPTANCE, expected_version, justification)
        return dossier.lock_version


def acceptances_of(ctx: ServiceContext, actor: Actor, dossier_id: int) -> list[Acceptance]:
    """The risk owners' decisions on this dossier, oldest first."""
    with dossier_reading(ctx, actor, dossier_id) as session:
        query = select(Acceptance).where(Acceptance.dossier_id == dossier_id)
        return list(session.execute(query.order_by(Acceptance.id)).scalars())
