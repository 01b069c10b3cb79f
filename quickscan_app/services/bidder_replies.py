"""The bidder answers for itself, through its link: no account, the token is the key.

Submission states (``Bidder.reply_status``; the check's own ``status`` is apart from it):

- empty: the officer typed the check in; no link was ever made.
- ``invited``: a link was made; the bidder has saved nothing yet.
- ``answering``: the bidder saved a draft (every change saves at once), or the officer
  reopened a submission with a note (``Bidder.reply_note``).
- ``submitted``: the bidder pressed *Indienen*; ``Bidder.reply`` holds the frozen copy. From
  then on only the officer changes the check, each correction with a note
  (``Bidder.corrections``), and the reviewer sees both versions.

The answers live where the officer's did: ``Bidder.answers``, ``responses`` and the text
fields, the one place the check, the comparison and the award report read. While a link lives
and the state is invited or answering the officer neither edits nor submits the check
(``bidder_links.bidder_holds_pen``); the officer's calls are in ``bidder_invites``.

Every call here takes the token, not an Actor, and checks it itself: an unknown, ended,
expired or outdated link (another plan revision) is refused with a message and no data.
Unknown tokens are counted per origin; past ``MAX_UNKNOWN_PER_ORIGIN`` within the sign-in
throttle's window every link from that origin waits. Every open, save and submit is an
audit event with the actor ``bidder:<id>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quickscan_app.domain.bidders import bidder_requirements, per_bidder_questions
from quickscan_app.domain.questionnaire import Question
from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import Status
from quickscan_app.engine.conditions import effective_answers
from quickscan_app.services.audit import timestamp
from quickscan_app.services.bidder_links import (
    EvidenceInfo,
    evidence_of,
    token_digest,
    utc,
)
from quickscan_app.services.bidders import EDITABLE, chosen_ids, usable_answers, validated
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import answers_of, library_of
from quickscan_app.services.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    ServiceError,
    WorkflowError,
)
from quickscan_app.services.evidence_pdf import checked_pdf
from quickscan_app.services.limits import SHORT_TEXT, bounded, valid_id
from quickscan_app.services.throttle import LOCKOUT_WINDOW, same_origin
from quickscan_app.services.unit import record_event, record_failure, record_refusal
from quickscan_app.store.models import AuditEvent, Bidder, BidderEvidence, BidderInvitation, Dossier

FIELDS = ("registration_country", "parent_country", "ownership", "subcontractors")
"""The bidder's own facts; its name is the officer's to enter."""
MAX_UNKNOWN_PER_ORIGIN = 20
"""Unknown links from one origin within 15 minutes after which its links wait."""
MAX_FILES_PER_REQUIREMENT = 5
LINK_ACTIONS = ("bidder.reply_open", "bidder.reply_read", "bidder.reply_save",
                "bidder.evidence_add", "bidder.evidence_remove", "bidder.reply_submit")  # fmt: skip
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,100}")
_UNKNOWN = '"bidder_link_unknown"'
UNKNOWN_BIDDER = "bidder:unknown"


@dataclass(frozen=True)
class Requirement:
    """A requirement as the tender dossier publishes it."""

    measure: str
    kind: str
    title: str
    text: str
    evidence_asked: bool


@dataclass(frozen=True)
class ReplyView:
    """Everything the bidder's page shows: its own questionnaire and nothing else."""

    bidder_id: int
    bidder_name: str
    tender_title: str
    tender_reference: str | None
    authority: str | None
    status: str
    expires_at: datetime
    submitted_at: str | None
    reopen_note: str | None
    fields: dict[str, str | None]
    questions: tuple[Question, ...]
    answers: dict[str, Any]
    requirements: tuple[Requirement, ...]
    responses: dict[str, dict[str, str]]
    evidence: tuple[EvidenceInfo, ...]

    @property
    def editable(self) -> bool:
        return self.status != "submitted"


@dataclass
class _Link:
    session: Session
    invitation: BidderInvitation
    bidder: Bidder
    dossier: Dossier
    details: dict[str, Any] = field(default_factory=dict)


def _bidder_actor(origin: str, bidder_id: int | None = None) -> Actor:
    name = UNKNOWN_BIDDER if bidder_id is None else f"bidder:{bidder_id}"
    return Actor(None, name, frozenset(), origin)


def _guessing(session: Session, ctx: ServiceContext, origin: str) -> bool:
    since = timestamp(ctx.clock() - LOCKOUT_WINDOW)
    unknown = (
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.action.in_(LINK_ACTIONS),
            same_origin(origin),
            AuditEvent.occurred_at >= since,
            AuditEvent.result == "denied",
            AuditEvent.details.contains(_UNKNOWN),
        )
    )
    return session.execute(unknown).scalar_one() >= MAX_UNKNOWN_PER_ORIGIN


def _resolve(
    session: Session, ctx: ServiceContext, token: object, origin: str, who: list[Actor]
) -> _Link:
    """The link's invitation, bidder and dossier, or a refusal that shows nothing of them.
    ``who`` gets the bidder as actor as soon as the token is known."""
    if _guessing(session, ctx, origin):
        raise PermissionDenied("bidder_link_throttled")
    invitation = None
    if isinstance(token, str) and _TOKEN_SHAPE.fullmatch(token):
        invitation = session.execute(
            select(BidderInvitation).where(BidderInvitation.token_sha256 == token_digest(token))
        ).scalar_one_or_none()
    if invitation is None:
        raise NotFound("bidder_link_unknown")
    who[0] = _bidder_actor(origin, invitation.bidder_id)
    if invitation.ended_reason:
        raise PermissionDenied("bidder_link_ended", reason=invitation.ended_reason)
    if utc(invitation.expires_at) <= ctx.clock():
        raise PermissionDenied("bidder_link_expired")
    bidder = session.get(Bidder, invitation.bidder_id)
    dossier = session.get(Dossier, invitation.dossier_id)
    if (
        bidder is None or dossier is None or bidder.dossier_id != dossier.id
        or Status(dossier.status) is not Status.APPROVED
        or not dossier.revision == bidder.revision == invitation.revision
    ):  # fmt: skip
        raise PermissionDenied("bidder_link_outdated")
    return _Link(session, invitation, bidder, dossier)


@contextmanager
def _by_token(
    ctx: ServiceContext, token: object, origin: str, action: str, *, write: bool = True
) -> Iterator[_Link]:
    """One call through a link: the token checked, then the body, then its audit event (a
    read records only refusals). A refusal is recorded in a transaction of its own."""
    who = [_bidder_actor(origin)]
    try:
        opened = ctx.transaction() if write else ctx.factory()
        with opened as session:
            link = _resolve(session, ctx, token, origin, who)
            yield link
            if write:
                session.flush()
                details = {"dossier": link.dossier.id, **link.details}
                record_event(session, ctx, who[0], action, "bidder", link.bidder.id, "success",
                             details)  # fmt: skip
    except ServiceError as exc:
        record_refusal(ctx, who[0], action, "bidder", _bidder_id(who[0]), exc)
        raise
    except Exception as exc:
        record_failure(ctx, who[0], action, "bidder", _bidder_id(who[0]), exc)
        raise


def _bidder_id(actor: Actor) -> str | None:
    return None if actor.name == UNKNOWN_BIDDER else actor.name.removeprefix("bidder:")


def _view(ctx: ServiceContext, link: _Link, lang: Lang) -> ReplyView:
    b, d, session = link.bidder, link.dossier, link.session
    library = library_of(ctx, d)
    own = usable_answers(library, b.answers or {})
    mine = set(per_bidder_questions(library))
    buyer = {q: v for q, v in answers_of(session, library, d.id).items() if q not in mine}
    _, visible = effective_answers(library.questionnaire, {**buyer, **own})
    shown = set(visible)
    questions = tuple(q for q in library.questionnaire.questions if q.per_bidder and q.id in shown)
    asked = set(link.invitation.evidence)
    requirements = tuple(
        Requirement(m.id, m.kind.value, m.title.get(lang), m.tender_text.get(lang), m.id in asked)
        for m in bidder_requirements(library, chosen_ids(session, d.id))
    )
    return ReplyView(
        bidder_id=b.id, bidder_name=b.name, tender_title=d.title, tender_reference=d.reference,
        authority=d.contracting_authority, status=b.reply_status or "invited",
        expires_at=utc(link.invitation.expires_at),
        submitted_at=(b.reply or {}).get("submitted_at"), reopen_note=b.reply_note,
        fields={f: getattr(b, f) for f in FIELDS},
        questions=questions, answers={q: v for q, v in own.items() if q in shown},
        requirements=requirements, responses=dict(b.responses or {}),
        evidence=tuple(evidence_of(session, [b.id])[b.id]),
    )  # fmt: skip


def open_reply(ctx: ServiceContext, token: str, origin: str, lang: Lang) -> ReplyView:
    """The bidder opens its link: recorded (``bidder.open``)."""
    with _by_token(ctx, token, origin, "bidder.reply_open") as link:
        return _view(ctx, link, lang)


def reply_view(ctx: ServiceContext, token: str, origin: str, lang: Lang) -> ReplyView:
    """The same page again after a change (not recorded unless refused)."""
    with _by_token(ctx, token, origin, "bidder.reply_read", write=False) as link:
        return _view(ctx, link, lang)


def _answering(link: _Link, ctx: ServiceContext) -> Bidder:
    """The bidder's record, locked, while the bidder may still change it."""
    bidder = link.bidder
    link.session.execute(select(Bidder.id).where(Bidder.id == bidder.id).with_for_update())
    link.session.refresh(bidder)  # as it is now that no one else may change it
    if bidder.reply_status == "submitted" or bidder.status not in EDITABLE:
        raise WorkflowError("bidder_reply_frozen")
    bidder.reply_status = "answering"
    bidder.lock_version += 1
    bidder.updated_at = ctx.clock()
    return bidder


def save_reply(ctx: ServiceContext, token: str, origin: str, data: dict[str, Any]) -> None:
    """Save what the bidder changed: some of its fields, answers (None clears one) and
    responses ({"response": met | not_met | unknown, "note": text})."""
    with _by_token(ctx, token, origin, "bidder.reply_save") as link:
        if "name" in data:
            raise InvalidInput("invalid_field", field="name", problem="not a bidder field")
        bidder = _answering(link, ctx)
        library = library_of(ctx, link.dossier)
        clean = validated(library, chosen_ids(link.session, link.dossier.id), data)
        cleared = {q for q, v in (data.get("answers") or {}).items() if v is None}
        for name in FIELDS:
            if name in clean:
                setattr(bidder, name, clean[name])
        if "answers" in clean:
            kept = {q: v for q, v in (bidder.answers or {}).items() if q not in cleared}
            bidder.answers = {**kept, **clean["answers"]}
        if "responses" in clean:
            bidder.responses = {**(bidder.responses or {}), **clean["responses"]}
        changed = [f for f in FIELDS if f in clean]
        changed += [f"answers.{q}" for q in data.get("answers") or {}]
        changed += [f"responses.{m}" for m in clean.get("responses", {})]
        link.details["fields"] = sorted(changed)


def add_evidence(
    ctx: ServiceContext, token: str, origin: str, measure_id: str, file_name: str, data: bytes
) -> int:
    """Keep an evidence file for a requirement that asks for one: a PDF, at most 10 MB."""
    with _by_token(ctx, token, origin, "bidder.evidence_add") as link:
        link.details["measure"] = str(measure_id)[:80]
        if measure_id not in link.invitation.evidence or measure_id not in chosen_ids(
            link.session, link.dossier.id
        ):
            raise InvalidInput("evidence_not_asked")
        bidder = _answering(link, ctx)
        held = link.session.execute(
            select(func.count())
            .select_from(BidderEvidence)
            .where(BidderEvidence.bidder_id == bidder.id, BidderEvidence.measure_id == measure_id)
        ).scalar_one()
        if held >= MAX_FILES_PER_REQUIREMENT:
            raise InvalidInput("evidence_too_many", count=MAX_FILES_PER_REQUIREMENT)
        digest = checked_pdf(bytes(data))
        name = _file_name(file_name)
        evidence = BidderEvidence(
            bidder_id=bidder.id, measure_id=measure_id, file_name=name, size=len(data),
            sha256=digest, content=bytes(data), uploaded_at=ctx.clock(),
        )  # fmt: skip
        link.session.add(evidence)
        link.session.flush()
        link.details.update({"evidence": evidence.id, "sha256": digest, "size": len(data)})
        return evidence.id


def _file_name(raw: object) -> str:
    """The name as sent, without any folder, one line, at most ``SHORT_TEXT`` characters."""
    text = str(raw or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return bounded(text[-SHORT_TEXT:], "file_name", SHORT_TEXT) or "bewijs.pdf"


def remove_evidence(ctx: ServiceContext, token: str, origin: str, evidence_id: int) -> None:
    with _by_token(ctx, token, origin, "bidder.evidence_remove") as link:
        link.details["evidence"] = str(evidence_id)[:24]
        found = link.session.get(BidderEvidence, evidence_id) if valid_id(evidence_id) else None
        if found is None or found.bidder_id != link.bidder.id:
            raise NotFound("evidence_not_found")
        _answering(link, ctx)
        link.session.delete(found)


def submit_reply(ctx: ServiceContext, token: str, origin: str) -> None:
    """*Indienen*: the bidder's answers frozen as its submission; the officer takes over."""
    with _by_token(ctx, token, origin, "bidder.reply_submit") as link:
        bidder = _answering(link, ctx)
        files = evidence_of(link.session, [bidder.id])[bidder.id]
        bidder.reply = {
            "fields": {f: getattr(bidder, f) for f in FIELDS},
            "answers": dict(bidder.answers or {}),
            "responses": dict(bidder.responses or {}),
            "evidence": [{"measure": e.measure_id, "sha256": e.sha256} for e in files],
            "submitted_at": timestamp(ctx.clock()),
        }
        bidder.reply_status, bidder.corrections, bidder.reply_note = "submitted", {}, None
        link.details["evidence"] = len(files)
