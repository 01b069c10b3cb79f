"""The review workflow: submit, comment, request changes, approve (four-eyes), reopen, archive."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quickscan_app.domain.workflow import Status, Step, target
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.dossiers import answered_by, load_view, visible_clause
from quickscan_app.services.errors import InvalidInput, NotFound, WorkflowError
from quickscan_app.services.limits import NOTE, TARGET_ID, bounded, dossier_key
from quickscan_app.services.reassessment import earliest_review, needs_acceptance
from quickscan_app.services.snapshot import (
    acceptance_record,
    build_snapshot,
    sha256_text,
    snapshot_text,
)
from quickscan_app.services.unit import Work, reading, unit_of_work
from quickscan_app.store.models import (
    Acceptance,
    AnswerChange,
    Approval,
    AuditEvent,
    Comment,
    Decision,
    Dossier,
    User,
)

COMMENT_TARGETS = ("dossier", "section", "measure", "question")
MAX_NOTE = NOTE


def transition(
    work: Work, dossier: Dossier, step: Step, expected_version: int, note: str | None
) -> Decision:
    """Move the dossier along ``step`` and record the decision (its note also in the audit
    trail); refuses illegal moves."""
    work.ensure_fresh(dossier, expected_version)
    current = Status(dossier.status)
    destination = _check_step(dossier, step)
    work.touch(dossier, expected_version, f"status {destination.value}")
    dossier.status = destination.value
    work.session.add(
        decision := Decision(
            dossier_id=dossier.id,
            revision=dossier.revision,
            actor_id=work.actor.user_id,
            from_status=current.value,
            to_status=destination.value,
            note=bounded(note, "note", MAX_NOTE) or None,
            created_at=work.ctx.clock(),
        )
    )
    work.details.update({"from": current.value, "to": destination.value})
    if decision.note:
        work.details["note"] = decision.note
    return decision


def _check_step(dossier: Dossier, step: Step) -> Status:
    """Where ``step`` leads from the dossier's state; refused when it is not allowed there."""
    destination = target(step, Status(dossier.status))
    if destination is None:
        raise WorkflowError(
            "transition", dossier=dossier.id, status=dossier.status, step=step.value
        )
    return destination


def submit(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    note: str | None = None,
) -> int:
    """Send the plan for review; only when every visible required question is answered.
    ``note`` is the officer's word to the reviewer, kept on the decision."""
    with unit_of_work(ctx, actor, "dossier.submit", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_owner(actor, dossier)
        _check_step(dossier, Step.SUBMIT)
        view = load_view(ctx, work.session, dossier)
        if view.assessment.open_required:
            shown = ", ".join(view.assessment.open_required[:5])
            more = len(view.assessment.open_required) - 5
            raise WorkflowError("incomplete", questions=shown + (f" (+{more})" if more > 0 else ""))
        transition(work, dossier, Step.SUBMIT, expected_version, note)
        dossier.submitted_once = True
        return dossier.lock_version


def request_changes(
    ctx: ServiceContext, actor: Actor, dossier_id: int, note: str, expected_version: int
) -> int:
    with unit_of_work(ctx, actor, "dossier.request_changes", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_reviewer_of(actor, dossier, answered_by(work.session, dossier_id))
        if not (note or "").strip():
            raise InvalidInput("note_required")
        transition(work, dossier, Step.REQUEST_CHANGES, expected_version, note)
        return dossier.lock_version


def approve(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    note: str | None = None,
    review_date: date | None = None,
) -> str | None:
    """Approve the plan (four-eyes). With a residual risk below high the snapshot is frozen
    at once and its SHA-256 returned; from high on the risk owner must accept what remains
    first (ISO/IEC 27001:2022, 6.1.3 f): the dossier waits for acceptance and nothing is
    frozen yet (None).
    ``review_date``: an earlier review than a year from now."""
    with unit_of_work(ctx, actor, "dossier.approve", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_reviewer_of(actor, dossier, answered_by(work.session, dossier_id))
        view = load_view(ctx, work.session, dossier)
        now = ctx.clock()
        review_date = earliest_review(now, review_date)
        if needs_acceptance(view):
            decision = transition(
                work, dossier, Step.APPROVE_FOR_ACCEPTANCE, expected_version, note
            )
            decision.review_date = review_date
            dossier.put_to_risk_owner = True
            work.details["review_date"] = review_date.isoformat()
            return None
        decision = transition(work, dossier, Step.APPROVE, expected_version, note)
        decision.review_date = review_date
        return freeze_approval(work, dossier, decision, review_date)


def freeze_approval(
    work: Work,
    dossier: Dossier,
    decision: Decision,
    review_date: date,
    acceptance: Acceptance | None = None,
) -> str:
    """Freeze the snapshot of the approved plan (with the risk owner's acceptance where one
    was needed) and record its SHA-256 in this step's audit event."""
    approver_row = work.session.get(User, decision.actor_id) if decision.actor_id else None
    approver = {
        "user": approver_row.name if approver_row else "system",
        "name": approver_row.display_name if approver_row else "system",
        "role": Role.REVIEWER.value,
        "note": decision.note,
        "review_date": review_date.isoformat(),
    }
    now = decision.created_at if acceptance is None else acceptance.decided_at
    view = load_view(work.ctx, work.session, dossier)
    snapshot = build_snapshot(view, approver, decision.created_at)
    if acceptance is not None:
        snapshot["acceptance"] = acceptance_record(acceptance)
    text = snapshot_text(snapshot)
    digest = sha256_text(text)
    work.session.add(
        Approval(
            dossier_id=dossier.id,
            revision=dossier.revision,
            approver_id=decision.actor_id,
            approver_role=Role.REVIEWER.value,
            approved_at=now,
            snapshot=text,
            sha256=digest,
            review_date=review_date,
        )
    )
    work.details["sha256"] = digest
    work.details["review_date"] = review_date.isoformat()
    return digest


def reopen(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    note: str | None = None,
) -> int:
    """An approved dossier becomes a new draft revision; the approval and history stay."""
    return _owner_step(ctx, actor, dossier_id, expected_version, note, Step.REOPEN)


def change_setup(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    note: str,
) -> int:
    """Record a change of set-up on an approved plan (a new connection, another channel for
    remote maintenance, a new supplier...): a new draft revision whose answers the officer
    brings up to date, assessed and reviewed again. The approval stays as it was given."""
    if not (note or "").strip():
        raise InvalidInput("change_note_required")
    return _owner_step(ctx, actor, dossier_id, expected_version, note, Step.CHANGE_SETUP)


def archive(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    note: str | None = None,
) -> int:
    return _owner_step(ctx, actor, dossier_id, expected_version, note, Step.ARCHIVE)


def _owner_step(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    note: str | None,
    step: Step,
) -> int:
    """A step the owner or an administrator takes: reopen or archive."""
    with unit_of_work(ctx, actor, f"dossier.{step.value}", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_owner_or_admin(actor, dossier)
        transition(work, dossier, step, expected_version, note)
        if step in (Step.REOPEN, Step.CHANGE_SETUP):
            dossier.revision += 1
            work.details["revision"] = dossier.revision
        return dossier.lock_version


def comment(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    body: str,
    *,
    target_kind: str = "dossier",
    target_id: str | None = None,
) -> int:
    """A remark on the dossier, a section, a question or a measure. Needs no lock version:
    comments only add, they never overwrite."""
    with unit_of_work(ctx, actor, "comment.add", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_view(actor, dossier)
        if actor.user_id is None or not (
            actor.has(Role.REVIEWER) or authz.is_owner(actor, dossier) or actor.has(Role.ADMIN)
        ):
            raise authz.PermissionDenied("needs_role", roles="reviewer / owner")
        body = bounded(body, "comment", MAX_NOTE)
        if not body:
            raise InvalidInput("empty_comment")
        target_id = bounded(target_id, "target_id", TARGET_ID) or None
        if target_kind not in COMMENT_TARGETS:
            raise InvalidInput(
                "invalid_field", field="target_kind", problem=", ".join(COMMENT_TARGETS)
            )
        row = Comment(
            dossier_id=dossier_id,
            revision=dossier.revision,
            author_id=actor.user_id,
            target_kind=target_kind,
            target_id=target_id,
            body=body,
            created_at=ctx.clock(),
        )
        work.session.add(row)
        work.session.flush()
        work.details.update({"comment": row.id, "target": f"{target_kind}:{target_id or ''}"})
        return row.id


# Reading the review loop: who said what in which round, and what changed between rounds.


@contextmanager
def dossier_reading(ctx: ServiceContext, actor: Actor, dossier_id: int) -> Iterator[Session]:
    """A read of one dossier the actor may see; a refusal is audited like any other read."""
    with reading(ctx, actor, "dossier.read", "dossier", dossier_id) as session:
        dossier = session.get(Dossier, dossier_key(dossier_id))
        if dossier is None:
            raise NotFound("not_found", dossier=dossier_id)
        authz.require_view(actor, dossier)
        yield session


def decisions_of(ctx: ServiceContext, actor: Actor, dossier_id: int) -> list[Decision]:
    """Every workflow step of the dossier, oldest first (with who took it)."""
    with dossier_reading(ctx, actor, dossier_id) as session:
        query = select(Decision).where(Decision.dossier_id == dossier_id).order_by(Decision.id)
        return list(session.execute(query).scalars())


@dataclass(frozen=True)
class SentBack:
    """The reviewer's last word on a dossier that was sent back to its officer."""

    dossier_id: int
    round: int
    """How many times the dossier had been submitted when it was sent back."""
    reviewer: str
    note: str | None
    at: datetime


def sent_back(ctx: ServiceContext, actor: Actor) -> dict[int, SentBack]:
    """For each dossier the actor may see that waits for changes: the request and its round."""
    query = (
        select(Decision)
        .join(Dossier, Dossier.id == Decision.dossier_id)
        .where(Dossier.status == Status.CHANGES_REQUESTED.value, visible_clause(actor))
        .order_by(Decision.dossier_id, Decision.id)
    )
    found: dict[int, SentBack] = {}
    rounds: dict[int, int] = {}
    with reading(ctx, actor, "dossier.list", "dossier") as session:
        for d in session.execute(query).scalars():
            if d.to_status == Status.SUBMITTED.value:
                rounds[d.dossier_id] = rounds.get(d.dossier_id, 0) + 1
            elif d.to_status == Status.CHANGES_REQUESTED.value:
                who = d.actor.display_name if d.actor else "system"
                found[d.dossier_id] = SentBack(
                    d.dossier_id, rounds.get(d.dossier_id, 0), who, d.note, d.created_at
                )
    return found


@dataclass(frozen=True)
class AnswerDiff:
    question_id: str
    before: Any
    """The stored answer at the previous submission; None when it was unanswered."""
    after: Any


@dataclass(frozen=True)
class PlanDiff:
    measure_id: str
    before: str | None
    """selected, rejected or None (not in the plan) at the previous submission."""
    after: str | None
    edited: bool
    """The same decision taken again: other details (owner, phase, due date, status) or
    another justification."""


@dataclass(frozen=True)
class RoundChanges:
    """What the officer changed between the previous submission and the last one."""

    round: int
    previous_at: datetime | None
    answers: list[AnswerDiff]
    plan: list[PlanDiff]


_PLAN_ACTIONS = {"plan.select": "selected", "plan.reject": "rejected", "plan.deselect": None}


def round_changes(ctx: ServiceContext, actor: Actor, dossier_id: int) -> RoundChanges | None:
    """The answers and plan items changed between the last two submissions (None before the
    second). Answers come from the answer history at the lock version each submission reached;
    plan changes from the dossier's audit events between the two."""
    with dossier_reading(ctx, actor, dossier_id) as session:
        events = session.execute(
            select(AuditEvent.seq, AuditEvent.action, AuditEvent.details, AuditEvent.occurred_at)
            .where(
                AuditEvent.action.in_(["dossier.submit", *_PLAN_ACTIONS]),
                AuditEvent.object_id == str(dossier_id),
                AuditEvent.object_type == "dossier",
                AuditEvent.result == "success",
            )
            .order_by(AuditEvent.seq)
        ).all()
        submits = [e for e in events if e.action == "dossier.submit"]
        if len(submits) < 2:
            return None
        previous, last = submits[-2], submits[-1]
        before_version = json.loads(previous.details).get("version")
        after_version = json.loads(last.details).get("version")
        if before_version is None or after_version is None:
            return None
        changes = session.execute(
            select(AnswerChange.question_id, AnswerChange.value, AnswerChange.lock_version)
            .where(
                AnswerChange.dossier_id == dossier_id,
                AnswerChange.lock_version <= after_version,
            )
            .order_by(AnswerChange.lock_version, AnswerChange.id)
        ).all()
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for question_id, value, version in changes:
        if version <= before_version:
            before[question_id] = value
        after[question_id] = value
    answers = [
        AnswerDiff(q, before.get(q), after.get(q))
        for q in dict.fromkeys([*before, *after])
        if before.get(q) != after.get(q)
    ]
    plan_before: dict[str, str | None] = {}
    plan_after: dict[str, str | None] = {}
    edited: set[str] = set()
    for event in events:
        if event.action not in _PLAN_ACTIONS or event.seq > last.seq:
            continue
        measure = json.loads(event.details).get("measure")
        if measure is None:
            continue
        if event.seq < previous.seq:
            plan_before[measure] = _PLAN_ACTIONS[event.action]
        else:
            edited.add(measure)
        plan_after[measure] = _PLAN_ACTIONS[event.action]
    plan = [
        PlanDiff(m, plan_before.get(m), plan_after.get(m), plan_before.get(m) == plan_after.get(m))
        for m in sorted(edited)
        if plan_before.get(m) is not None or plan_after.get(m) is not None
    ]
    return RoundChanges(len(submits), _parse(previous.occurred_at), answers, plan)


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
