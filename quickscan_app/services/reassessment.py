"""When a plan must be looked at again: the residual risk that needs the risk owner, the
review date every approval carries, and the answers whose change calls for a new assessment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from quickscan_app.domain.risk import Level
from quickscan_app.domain.workflow import ACCEPTANCE_FROM, REVIEW_AFTER_DAYS, Status
from quickscan_app.engine.assessment import Assessment
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierView, visible_clause
from quickscan_app.services.errors import InvalidInput, NotFound
from quickscan_app.services.limits import dossier_key
from quickscan_app.services.unit import reading
from quickscan_app.store.models import Answer, Approval, Dossier


def residual_level(assessment: Assessment) -> Level:
    """The highest level left after the chosen measures (the inherent one without any)."""
    if not assessment.residual:
        return assessment.overall_level
    return max((r.level for r in assessment.residual), key=lambda level: level.rank)


def needs_acceptance(view: DossierView) -> bool:
    return residual_level(view.assessment).at_least(Level(ACCEPTANCE_FROM))


def default_review(when: datetime | date) -> date:
    day = when.date() if isinstance(when, datetime) else when
    return day + timedelta(days=REVIEW_AFTER_DAYS)


def earliest_review(now: datetime, requested: date | None) -> date:
    """The review date of an approval or acceptance: a year on, or the earlier date asked
    for (after today, never later than a year)."""
    latest = default_review(now)
    if requested is None:
        return latest
    if not now.date() < requested <= latest:
        first = now.date() + timedelta(days=1)
        raise InvalidInput(
            "review_date", first=first.strftime("%d-%m-%Y"), last=latest.strftime("%d-%m-%Y")
        )
    return requested


REASONS = ("review_date", "triggered", "questionnaire")
"""Why a plan is to be assessed again: its review date passed; an answer marked
``reassess_on_change`` differs from the approved plan (a change of set-up); or a newer
version of its questionnaire is loaded."""


@dataclass(frozen=True)
class Reassessment:
    dossier_id: int
    title: str
    reference: str | None
    owner: str
    reasons: tuple[str, ...]
    review_date: date
    """The approval's review date (a year after it where none was kept)."""
    since: date
    """Since when it is due: the review date, or the day the change was recorded."""
    triggers: tuple[str, ...] = ()
    """The answers marked ``reassess_on_change`` that changed since the approval."""
    step: str | None = None
    """The wizard step to open: the first changed answer's section, else the submit step."""

    @property
    def reason(self) -> str:
        """The first reason (a code: ``REASONS``), for lists that show one."""
        return self.reasons[0]


def due(ctx: ServiceContext, actor: Actor, today: date | None = None) -> list[Reassessment]:
    """The dossiers this actor may see whose plan must be assessed again, longest due first.

    Looked at: the latest approval of each dossier that has one. Approved now: due when the
    review date passed or a newer questionnaire version is loaded. Opened again (a change of
    set-up, a reopen): due while an answer marked ``reassess_on_change`` differs from the
    approved snapshot, until the new revision is approved.
    """
    today = today or ctx.clock().date()
    latest = {}
    for questionnaire_id, version in ctx.content.libraries:
        latest[questionnaire_id] = max(version, latest.get(questionnaire_id, 0))
    newest = (
        select(Approval.dossier_id, func.max(Approval.id).label("approval_id"))
        .group_by(Approval.dossier_id)
        .subquery()
    )
    query = (
        select(Dossier, Approval)
        .join(newest, newest.c.dossier_id == Dossier.id)
        .join(Approval, Approval.id == newest.c.approval_id)
        .options(joinedload(Dossier.owner))
        .where(visible_clause(actor), Dossier.status != Status.ARCHIVED.value)
    )
    found = []
    with reading(ctx, actor, "dossier.list", "dossier") as session:
        for dossier, approval in session.execute(query).unique():
            item = _reassessment(ctx, session, dossier, approval, latest, today)
            if item is not None:
                found.append(item)
    return sorted(found, key=lambda r: (r.since, r.dossier_id))


def _reassessment(
    ctx: ServiceContext,
    session: Session,
    dossier: Dossier,
    approval: Approval,
    latest: dict[str, int],
    today: date,
) -> Reassessment | None:
    review = approval.review_date or default_review(_utc_day(approval.approved_at))
    reasons: list[str] = []
    since: date = review
    triggers: tuple[str, ...] = ()
    step = None
    if dossier.status == Status.APPROVED.value and approval.revision == dossier.revision:
        if review < today:
            reasons.append("review_date")
        if dossier.questionnaire_version < latest.get(dossier.questionnaire_id, 0):
            reasons.append("questionnaire")
            since = min(since, today)
    elif approval.revision < dossier.revision:
        triggers = _changed_triggers(ctx, session, dossier, approval)
        if triggers:
            reasons.append("triggered")
            since = _utc_day(dossier.updated_at)
            library = ctx.content.libraries.get(
                (dossier.questionnaire_id, dossier.questionnaire_version)
            )
            step = library.questionnaire.section_of.get(triggers[0]) if library else None
    if not reasons:
        return None
    return Reassessment(
        dossier.id, dossier.title, dossier.reference, dossier.owner.display_name,
        tuple(reasons), review, since, triggers, step or "submit",
    )  # fmt: skip


def _changed_triggers(
    ctx: ServiceContext, session: Session, dossier: Dossier, approval: Approval
) -> tuple[str, ...]:
    """The answers marked ``reassess_on_change`` (in the dossier's questionnaire now) that
    differ from what the approved snapshot holds."""
    library = ctx.content.libraries.get((dossier.questionnaire_id, dossier.questionnaire_version))
    if library is None:
        return ()
    marked = [q.id for q in library.questionnaire.questions if q.reassess_on_change]
    if not marked:
        return ()
    approved = json.loads(approval.snapshot).get("answers", {})
    rows = session.execute(
        select(Answer.question_id, Answer.value).where(
            Answer.dossier_id == dossier.id, Answer.question_id.in_(marked)
        )
    )
    now = {question_id: value for question_id, value in rows}
    return tuple(q for q in marked if _same(now.get(q)) != _same(approved.get(q)))


def _same(value: Any) -> Any:
    """Multi-select answers compared as sets of options."""
    return tuple(sorted(map(str, value))) if isinstance(value, list) else value


def _utc_day(moment: datetime) -> date:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).date()


@dataclass(frozen=True)
class ApprovedRisk:
    """The risk per scenario as the latest approval froze it: (likelihood, impact, level)
    before and after the measures, to set beside the risk now after a change of set-up."""

    revision: int
    approved_at: datetime
    inherent: dict[str, tuple[int, int, str]]
    residual: dict[str, tuple[int, int, str]]


def for_dossier(
    ctx: ServiceContext, actor: Actor, dossier_id: int, today: date | None = None
) -> tuple[Reassessment | None, ApprovedRisk | None]:
    """Whether this dossier is due for a new assessment, and the risk its latest approval
    froze (None without one)."""
    today = today or ctx.clock().date()
    with reading(ctx, actor, "dossier.read", "dossier", dossier_id) as session:
        dossier = session.get(Dossier, dossier_key(dossier_id), options=[joinedload(Dossier.owner)])
        if dossier is None:
            raise NotFound("not_found", dossier=dossier_id)
        authz.require_view(actor, dossier)
        approval = session.execute(
            select(Approval)
            .where(Approval.dossier_id == dossier.id)
            .order_by(Approval.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if approval is None:
            return None, None
        latest = {}
        for questionnaire_id, version in ctx.content.libraries:
            latest[questionnaire_id] = max(version, latest.get(questionnaire_id, 0))
        due_now = _reassessment(ctx, session, dossier, approval, latest, today)
        results = json.loads(approval.snapshot).get("results", {})
        picture = ApprovedRisk(
            approval.revision,
            approval.approved_at,
            _scores(results.get("scenarios", [])),
            _scores((results.get("residual") or {}).get("scenarios", [])),
        )
        return due_now, picture


def _scores(rows: list[dict[str, Any]]) -> dict[str, tuple[int, int, str]]:
    return {r["id"]: (r["likelihood"], r["impact"], r["level"]) for r in rows if "id" in r}
