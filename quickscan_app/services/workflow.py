"""The review workflow: submit, comment, request changes, approve (four-eyes), reopen, archive."""

from __future__ import annotations

from quickscan_app.domain.workflow import Status, Step, target
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.dossiers import answered_by, load_view
from quickscan_app.services.errors import InvalidInput, WorkflowError
from quickscan_app.services.snapshot import build_snapshot, sha256_text, snapshot_text
from quickscan_app.services.unit import Work, unit_of_work
from quickscan_app.store.models import Approval, Comment, Decision, Dossier, User

COMMENT_TARGETS = ("dossier", "section", "measure", "question")
MAX_NOTE = 10_000


def _transition(
    work: Work, dossier: Dossier, step: Step, expected_version: int, note: str | None
) -> Status:
    """Move the dossier along ``step`` and record the decision; refuses illegal moves."""
    work.ensure_fresh(dossier, expected_version)
    current = Status(dossier.status)
    destination = _check_step(dossier, step)
    work.touch(dossier, expected_version, f"status {destination.value}")
    dossier.status = destination.value
    work.session.add(
        Decision(
            dossier_id=dossier.id,
            revision=dossier.revision,
            actor_id=work.actor.user_id,
            from_status=current.value,
            to_status=destination.value,
            note=(note or "").strip()[:MAX_NOTE] or None,
            created_at=work.ctx.clock(),
        )
    )
    work.details.update({"from": current.value, "to": destination.value})
    return destination


def _check_step(dossier: Dossier, step: Step) -> Status:
    """Where ``step`` leads from the dossier's state; refused when it is not allowed there."""
    destination = target(step, Status(dossier.status))
    if destination is None:
        raise WorkflowError(
            "transition", dossier=dossier.id, status=dossier.status, step=step.value
        )
    return destination


def submit(ctx: ServiceContext, actor: Actor, dossier_id: int, expected_version: int) -> int:
    """Send the plan for review; only when every visible required question is answered."""
    with unit_of_work(ctx, actor, "dossier.submit", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_owner(actor, dossier)
        _check_step(dossier, Step.SUBMIT)
        view = load_view(ctx, work.session, dossier)
        if view.assessment.open_required:
            shown = ", ".join(view.assessment.open_required[:5])
            more = len(view.assessment.open_required) - 5
            raise WorkflowError("incomplete", questions=shown + (f" (+{more})" if more > 0 else ""))
        _transition(work, dossier, Step.SUBMIT, expected_version, None)
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
        _transition(work, dossier, Step.REQUEST_CHANGES, expected_version, note)
        return dossier.lock_version


def approve(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    note: str | None = None,
) -> str:
    """Approve the plan (four-eyes) and freeze the snapshot; returns its SHA-256."""
    with unit_of_work(ctx, actor, "dossier.approve", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_reviewer_of(actor, dossier, answered_by(work.session, dossier_id))
        _transition(work, dossier, Step.APPROVE, expected_version, note)
        now = ctx.clock()
        approver_row = work.session.get(User, actor.user_id)
        approver = {
            "user": actor.name,
            "name": approver_row.display_name if approver_row else actor.name,
            "role": Role.REVIEWER.value,
        }
        text = snapshot_text(build_snapshot(load_view(ctx, work.session, dossier), approver, now))
        digest = sha256_text(text)
        work.session.add(
            Approval(
                dossier_id=dossier.id,
                revision=dossier.revision,
                approver_id=actor.user_id,
                approver_role=Role.REVIEWER.value,
                approved_at=now,
                snapshot=text,
                sha256=digest,
            )
        )
        work.details["sha256"] = digest
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
        _transition(work, dossier, step, expected_version, note)
        if step is Step.REOPEN:
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
        body = (body or "").strip()
        if not body:
            raise InvalidInput("empty_comment")
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
            body=body[:MAX_NOTE],
            created_at=ctx.clock(),
        )
        work.session.add(row)
        work.session.flush()
        work.details.update({"comment": row.id, "target": f"{target_kind}:{target_id or ''}"})
        return row.id
