"""The award phase: record bidders, check each against the approved plan, have the check
reviewed (four-eyes). Every step is an audit event; an approved check is frozen with its
SHA-256, like the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from quickscan_app.domain.answers import AnswerError, normalise_answer
from quickscan_app.domain.bidders import Response, bidder_requirements, per_bidder_questions
from quickscan_app.domain.library import Library
from quickscan_app.domain.workflow import Status
from quickscan_app.engine.bidders import BidderResult, check_bidder
from quickscan_app.services import authz
from quickscan_app.services.audit import canonical_json, timestamp
from quickscan_app.services.bidder_links import (
    EvidenceInfo,
    LinkInfo,
    bidder_holds_pen,
    evidence_of,
    latest_links,
)
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.dossiers import answer_json, answers_of, library_of
from quickscan_app.services.errors import (
    Code,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
    WorkflowError,
)
from quickscan_app.services.limits import (
    BIDDER_NOTE,
    SHORT_TEXT,
    bidder_key,
    bounded,
    dossier_key,
    valid_id,
)
from quickscan_app.services.snapshot import sha256_text
from quickscan_app.services.unit import Work, reading, unit_of_work
from quickscan_app.store.models import Bidder, Dossier, PlanItem

EDITABLE = ("draft", "changes_requested")
BIDDER_STATUS = "ui.award.status"
"""The strings that name a bidder check's status."""
TEXT_FIELDS = {"name": SHORT_TEXT, "registration_country": 100, "parent_country": 100,
               "ownership": 5000, "subcontractors": 5000}  # fmt: skip
MAX_NOTE = BIDDER_NOTE


@dataclass(frozen=True)
class BidderView:
    bidder: Bidder
    result: BidderResult
    requirements: list[str]
    questions: list[str]
    link: LinkInfo | None = None
    """The bidder's newest invitation link, if the bidder was invited to answer itself."""
    evidence: tuple[EvidenceInfo, ...] = ()


def chosen_ids(session: Session, dossier_id: int) -> list[str]:
    return list(
        session.execute(
            select(PlanItem.measure_id).where(
                PlanItem.dossier_id == dossier_id, PlanItem.decision == "selected"
            )
        ).scalars()
    )


def _approved_dossier(work: Work, dossier_id: int) -> Dossier:
    dossier = work.dossier(dossier_id)
    authz.require_owner(work.actor, dossier)
    if Status(dossier.status) is not Status.APPROVED:
        raise WorkflowError("bidders_need_approval", dossier=dossier.id, status=dossier.status)
    return dossier


def _bidder(work: Work, bidder_id: int) -> tuple[Bidder, Dossier]:
    """The bidder and its dossier, while that dossier's approved plan is the one the bidder
    was checked against: after a reopen or a new questionnaire version the check is history
    (it stays in the database and the audit trail) and can no longer change or be decided."""
    bidder = work.session.get(Bidder, bidder_key(bidder_id))
    if bidder is None:
        raise NotFound("bidder_not_found", bidder=bidder_id)
    dossier = work.dossier(bidder.dossier_id)
    authz.require_view(work.actor, dossier)
    if Status(dossier.status) is not Status.APPROVED or bidder.revision != dossier.revision:
        raise WorkflowError("bidder_outdated", bidder=bidder.id, revision=bidder.revision)
    return bidder, dossier


def _claim(work: Work, bidder: Bidder, expected_version: int, *, editor: bool = True) -> None:
    """Optimistic lock on the bidder record: one UPDATE that names the version it saw. An
    editor is remembered (four-eyes); a reviewer's decision is not an edit."""
    if not valid_id(expected_version):  # no bidder is at such a version
        raise Conflict("bidder_stale", bidder=bidder.id)
    claimed = work.session.execute(
        update(Bidder)
        .where(Bidder.id == bidder.id, Bidder.lock_version == expected_version)
        .values(lock_version=Bidder.lock_version + 1, updated_at=work.ctx.clock())
        .returning(Bidder.lock_version)
    ).scalar_one_or_none()
    if claimed is None:
        raise Conflict("bidder_stale", bidder=bidder.id)
    work.session.refresh(bidder)
    if editor and work.actor.user_id is not None:
        bidder.editors = {**(bidder.editors or {}), str(work.actor.user_id): True}


def owners_draft(
    work: Work, bidder_id: int, expected_version: int, *, while_answering: bool = False
) -> Bidder:
    """A bidder its dossier's owner may still change (draft or sent back) and the bidder
    is not answering through a live link (unless ``while_answering``: a new link), claimed."""
    bidder, dossier = _bidder(work, bidder_id)
    work.details["dossier"] = dossier.id  # the bidder's history is the dossier's history
    authz.require_owner(work.actor, dossier)
    if bidder.status not in EDITABLE:
        raise WorkflowError(
            "bidder_not_editable", bidder=bidder.id, status=Code(BIDDER_STATUS, bidder.status)
        )
    if not while_answering and bidder_holds_pen(work.session, bidder, work.ctx.clock()):
        raise WorkflowError("bidder_reply_open", bidder=bidder.id)
    _claim(work, bidder, expected_version)
    return bidder


def validated(library: Library, chosen: list[str], data: dict[str, Any]) -> dict[str, Any]:
    """Text fields trimmed and bounded, answers checked against the per-bidder questions,
    responses only for the plan's requirements; any other key is refused by name."""
    allowed = {*TEXT_FIELDS, "answers", "responses"}
    for key in data:
        if key not in allowed:
            raise InvalidInput("invalid_field", field=key, problem="not a bidder field")
    for key in ("answers", "responses"):
        if not isinstance(data.get(key) or {}, dict):
            raise InvalidInput("invalid_field", field=key, problem="expected a mapping")
    clean: dict[str, Any] = {}
    for key, limit in TEXT_FIELDS.items():
        if key in data:
            clean[key] = bounded(data[key], key, limit) or None
    if "name" in clean and not clean["name"]:
        raise InvalidInput("invalid_field", field="name", problem="a bidder needs a name")
    if "answers" in data:
        questions = library.questionnaire.by_id
        own = set(per_bidder_questions(library))
        answers = {}
        for question_id, raw in (data["answers"] or {}).items():
            if question_id not in own:
                raise InvalidInput("invalid_field", field=f"answers.{question_id}",
                                   problem="not a per-bidder question")  # fmt: skip
            if raw is None:
                continue
            try:
                answers[question_id] = answer_json(normalise_answer(questions[question_id], raw))
            except AnswerError as exc:
                raise InvalidInput("invalid_answer", question=question_id,
                                   problem=exc.message) from None  # fmt: skip
        clean["answers"] = answers
    if "responses" in data:
        wanted = {m.id for m in bidder_requirements(library, chosen)}
        responses = {}
        for measure_id, entry in (data["responses"] or {}).items():
            if measure_id not in wanted:
                raise InvalidInput("invalid_field", field=f"responses.{measure_id}",
                                   problem="not a requirement of the approved plan")  # fmt: skip
            try:
                response = Response(entry.get("response") if isinstance(entry, dict) else None)
            except ValueError:
                raise InvalidInput("invalid_field", field=f"responses.{measure_id}",
                                   problem="met | not_met | unknown") from None  # fmt: skip
            note = bounded(entry.get("note"), "note", MAX_NOTE)
            responses[measure_id] = {"response": response.value, "note": note}
        clean["responses"] = responses
    return clean


def add_bidder(ctx: ServiceContext, actor: Actor, dossier_id: int, data: dict[str, Any]) -> int:
    """A new bidder on an approved dossier, starting from the dossier's own answers."""
    with unit_of_work(ctx, actor, "bidder.add", "dossier", dossier_id) as work:
        dossier = _approved_dossier(work, dossier_id)
        library = library_of(ctx, dossier)
        clean = validated(
            library, chosen_ids(work.session, dossier.id), {"answers": {}, "responses": {}, **data}
        )
        if not clean.get("name"):
            raise InvalidInput("invalid_field", field="name", problem="a bidder needs a name")
        now = ctx.clock()
        bidder = Bidder(
            dossier_id=dossier.id, revision=dossier.revision, status="draft", lock_version=1,
            entered_by_id=actor.user_id, editors={str(actor.user_id): True},
            created_at=now, updated_at=now, **clean,
        )  # fmt: skip
        work.session.add(bidder)
        work.session.flush()
        work.details.update({"bidder": bidder.id, "name": bidder.name})
        return bidder.id


def update_bidder(
    ctx: ServiceContext, actor: Actor, bidder_id: int, expected_version: int, data: dict[str, Any]
) -> int:
    with unit_of_work(ctx, actor, "bidder.update", "bidder", bidder_id) as work:
        bidder = owners_draft(work, bidder_id, expected_version)
        dossier = work.dossier(bidder.dossier_id)
        clean = validated(library_of(ctx, dossier), chosen_ids(work.session, dossier.id), data)
        if bidder.reply_status == "submitted" and set(clean) - {"name"}:
            # The bidder's own answers change only by a correction with a note (bidder_invites).
            raise WorkflowError("bidder_reply_submitted", bidder=bidder.id)
        for key, value in clean.items():
            setattr(bidder, key, value)
        work.details.update({"fields": sorted(clean)})
        return bidder.lock_version


def submit_bidder(ctx: ServiceContext, actor: Actor, bidder_id: int, expected_version: int) -> int:
    with unit_of_work(ctx, actor, "bidder.submit", "bidder", bidder_id) as work:
        bidder = owners_draft(work, bidder_id, expected_version)
        bidder.status = "submitted"
        return bidder.lock_version


def decide_bidder(
    ctx: ServiceContext,
    actor: Actor,
    bidder_id: int,
    expected_version: int,
    *,
    approve: bool,
    note: str | None = None,
) -> str | None:
    """A reviewer approves the check (frozen, returns its SHA-256) or sends it back with a
    note. Four-eyes: nobody who owns the dossier or entered or changed the bidder."""
    action = "bidder.approve" if approve else "bidder.request_changes"
    with unit_of_work(ctx, actor, action, "bidder", bidder_id) as work:
        bidder, dossier = _bidder(work, bidder_id)
        work.details["dossier"] = dossier.id  # the bidder's history is the dossier's history
        authz.require_role(actor, Role.REVIEWER)
        if authz.is_owner(actor, dossier):
            raise PermissionDenied("four_eyes_owner")
        if str(actor.user_id) in (bidder.editors or {}):
            raise PermissionDenied("four_eyes_answered")
        if bidder.status != "submitted":
            raise WorkflowError(
                "bidder_not_submitted", bidder=bidder.id, status=Code(BIDDER_STATUS, bidder.status)
            )
        note = bounded(note, "note", MAX_NOTE) or None
        if not approve and not note:
            raise InvalidInput("note_required")
        view = _view(ctx, work.session, bidder, dossier)
        _claim(work, bidder, expected_version, editor=False)
        now = ctx.clock()
        bidder.status = "approved" if approve else "changes_requested"
        bidder.decided_by_id, bidder.decided_at, bidder.decision_note = actor.user_id, now, note
        if not approve:
            return None
        text = canonical_json(bidder_record(view, approved_by=actor.name, approved_at=now))
        bidder.snapshot, bidder.sha256 = text, sha256_text(text)
        work.details["sha256"] = bidder.sha256
        return bidder.sha256


def bidder_record(view: BidderView, **approval: Any) -> dict[str, Any]:
    """The bidder and its check in plain JSON types: what an approval freezes."""
    b, r = view.bidder, view.result
    return {
        "format": "quickscan-bidder/1",
        "dossier": b.dossier_id, "revision": b.revision, "bidder": b.id, "name": b.name,
        "registration_country": b.registration_country, "parent_country": b.parent_country,
        "ownership": b.ownership, "subcontractors": b.subcontractors,
        "answers": dict(sorted((b.answers or {}).items())),
        "requirements": [
            {"measure": c.measure, "response": c.response.value, "note": c.note,
             "knock_out": c.knock_out} for c in r.requirements
        ],
        "residual_level": r.residual_level.value,
        "plan_residual_level": (r.plan.residual_level or r.plan.overall_level).value,
        "worse": [{"scenario": s, "plan": a.value, "bidder": b2.value} for s, a, b2 in r.worse],
        "scenarios": [
            {"scenario": s, "plan": a.value, "bidder": b2.value} for s, a, b2 in r.scenarios
        ],
        "verdict": r.verdict.value,
        **_reply_record(view),
        "approval": {k: timestamp(v) if hasattr(v, "tzinfo") else v for k, v in approval.items()},
    }  # fmt: skip


def _reply_record(view: BidderView) -> dict[str, Any]:
    """For a bidder who answered through a link: its own submission, the officer's corrections
    (each with its note) and the evidence files by SHA-256. Nothing for a check typed in."""
    b = view.bidder
    if b.reply_status is None:
        return {}
    return {
        "reply": b.reply, "corrections": dict(sorted((b.corrections or {}).items())),
        "evidence": [{"measure": e.measure_id, "file_name": e.file_name, "size": e.size,
                      "sha256": e.sha256} for e in view.evidence],
        "evidence_asked": sorted(view.link.evidence) if view.link else [],
    }  # fmt: skip


def usable_answers(library: Library, stored: dict[str, Any]) -> dict[str, Any]:
    """The bidder's answers that are per-bidder questions of this version and still fit."""
    questions = library.questionnaire.by_id
    usable = {}
    for question_id in per_bidder_questions(library):
        if question_id in stored:
            try:
                usable[question_id] = normalise_answer(questions[question_id], stored[question_id])
            except AnswerError:
                continue  # an option the new questionnaire version no longer has
    return usable


def _view(
    ctx: ServiceContext,
    session: Session,
    bidder: Bidder,
    dossier: Dossier,
    link: LinkInfo | None = None,
    evidence: list[EvidenceInfo] | None = None,
) -> BidderView:
    library = library_of(ctx, dossier)
    chosen = chosen_ids(session, dossier.id)
    own = usable_answers(library, bidder.answers or {})
    responses = {
        m: (Response(e["response"]), e.get("note") or "")
        for m, e in (bidder.responses or {}).items()
    }
    result = check_bidder(library, answers_of(session, library, dossier.id), chosen, own, responses)
    if evidence is None:
        link = latest_links(session, [bidder.id], ctx.clock()).get(bidder.id)
        evidence = evidence_of(session, [bidder.id])[bidder.id]
    return BidderView(
        bidder,
        result,
        [m.id for m in bidder_requirements(library, chosen)],
        per_bidder_questions(library),
        link,
        tuple(evidence),
    )


def list_bidders(ctx: ServiceContext, actor: Actor, dossier_id: int) -> list[BidderView]:
    """The dossier's bidders with their check, for whoever may see the dossier."""
    with reading(ctx, actor, "dossier.read", "dossier", dossier_id) as session:
        dossier = session.get(Dossier, dossier_key(dossier_id))
        if dossier is None:
            raise NotFound("not_found", dossier=dossier_id)
        authz.require_view(actor, dossier)
        return views_of(ctx, session, dossier)


def views_of(ctx: ServiceContext, session: Session, dossier: Dossier) -> list[BidderView]:
    """The bidders checked against the dossier's current plan, with their check, in a read
    that already checked the account and the actor's view of the dossier."""
    rows = list(
        session.execute(
            select(Bidder)
            .where(Bidder.dossier_id == dossier.id, Bidder.revision == dossier.revision)
            .order_by(Bidder.id)
        ).scalars()
    )
    ids = [b.id for b in rows]
    links, evidence = latest_links(session, ids, ctx.clock()), evidence_of(session, ids)
    return [_view(ctx, session, b, dossier, links.get(b.id), evidence[b.id]) for b in rows]


@dataclass(frozen=True)
class WaitingCheck:
    dossier_id: int
    dossier_title: str
    bidder_id: int
    bidder_name: str
    since: datetime | None = None
    """When the check was last changed (submitted)."""
    dossier_reference: str | None = None


def waiting_checks(ctx: ServiceContext, actor: Actor) -> list[WaitingCheck]:
    """Submitted bidder checks this reviewer may decide (not on own dossiers or own edits)."""
    with reading(ctx, actor, "bidder.list", "bidder") as session:
        return waiting_in(session, actor)


def waiting_in(session: Session, actor: Actor) -> list[WaitingCheck]:
    """``waiting_checks`` in a read that already checked the account (the inbox's)."""
    if not actor.has(Role.REVIEWER):
        return []
    rows = session.execute(
        select(Bidder, Dossier)
        .join(Dossier, Dossier.id == Bidder.dossier_id)
        .where(
            Bidder.status == "submitted",
            Dossier.status == Status.APPROVED.value,
            Bidder.revision == Dossier.revision,
        )
        .order_by(Bidder.updated_at)
    ).all()
    return [
        WaitingCheck(d.id, d.title, b.id, b.name, b.updated_at, d.reference)
        for b, d in rows
        if authz.can_view(actor, d)
        and not authz.is_owner(actor, d)
        and str(actor.user_id) not in (b.editors or {})
    ]
