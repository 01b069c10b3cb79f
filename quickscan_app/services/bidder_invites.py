"""The officer's side of the bidder links: make one (with the invitation text to paste into
the tender platform's messages; the tool sends nothing), revoke it, reopen a submission,
correct a submitted answer with a note, and read an evidence file. The states of a
submission are described in ``bidder_replies``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import update

from quickscan_app.config import get_settings
from quickscan_app.domain.bidders import bidder_requirements, evidence_by_default
from quickscan_app.i18n import AMSTERDAM, format_date, t
from quickscan_app.services import authz
from quickscan_app.services.audit import timestamp
from quickscan_app.services.bidder_links import ends_at, new_token, token_digest
from quickscan_app.services.bidder_replies import FIELDS
from quickscan_app.services.bidders import MAX_NOTE, chosen_ids, owners_draft, validated
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import library_of
from quickscan_app.services.errors import InvalidInput, NotFound, WorkflowError
from quickscan_app.services.limits import bidder_key, bounded, valid_id
from quickscan_app.services.unit import reading, unit_of_work
from quickscan_app.store.models import Bidder, BidderEvidence, BidderInvitation, Dossier

MAX_LINK_DAYS = 90
DEFAULT_LINK_DAYS = 14
LOCAL_URL = "http://localhost:8501"
"""Where links point when ``QUICKSCAN_PUBLIC_URL`` is not set: ``quickscan serve``'s address."""


@dataclass(frozen=True)
class NewLink:
    """Shown to the officer once: only the token's SHA-256 is kept."""

    token: str
    url: str
    text: str
    expires_at: datetime


@dataclass(frozen=True)
class EvidenceFile:
    file_name: str
    measure_id: str
    sha256: str
    content: bytes


def link_url(token: str, lang: str) -> str:
    base = (get_settings().public_url or LOCAL_URL).rstrip("/")
    return f"{base}/bidder?token={token}" + ("&lang=en" if lang == "en" else "")


def invitation_text(dossier: Dossier, bidder: Bidder, url: str, last_day: date, lang: str) -> str:
    """The message to paste into the tender platform, in the bidder's language."""
    language = "en" if lang == "en" else "nl"
    tender = dossier.title + (f" ({dossier.reference})" if dossier.reference else "")
    return t("invite.text", language).format(
        bidder=bidder.name, tender=tender, url=url, date=format_date(last_day, language),
        authority=dossier.contracting_authority or t("invite.authority", language),
    )  # fmt: skip


def create_invitation(
    ctx: ServiceContext,
    actor: Actor,
    bidder_id: int,
    expected_version: int,
    *,
    last_day: date,
    lang: str,
    evidence: list[str] | None = None,
) -> NewLink:
    """A new link for the bidder, working through ``last_day``; it ends any link before it.
    ``evidence``: the requirements asking for files (default: the knock-outs)."""
    with unit_of_work(ctx, actor, "bidder.link_create", "bidder", bidder_id) as work:
        bidder = owners_draft(work, bidder_id, expected_version, while_answering=True)
        dossier = work.dossier(bidder.dossier_id)
        now = ctx.clock()
        today = now.astimezone(AMSTERDAM).date()
        if not isinstance(last_day, date) or not today <= last_day <= today + timedelta(
            days=MAX_LINK_DAYS
        ):
            raise InvalidInput("link_last_day", days=MAX_LINK_DAYS)
        if lang not in ("nl", "en"):
            raise InvalidInput("invalid_field", field="lang", problem="one of nl, en")
        library, chosen = library_of(ctx, dossier), chosen_ids(work.session, dossier.id)
        wanted = [m.id for m in bidder_requirements(library, chosen)]
        asked = evidence_by_default(library, chosen) if evidence is None else list(evidence)
        for measure in asked:
            if measure not in wanted:
                raise InvalidInput("invalid_field", field=f"evidence.{measure}",
                                   problem="not a requirement of the approved plan")  # fmt: skip
        replaced = _end_links(work.session, bidder.id, "replaced", actor, now)
        token = new_token()
        invitation = BidderInvitation(
            bidder_id=bidder.id, dossier_id=dossier.id, revision=dossier.revision,
            token_sha256=token_digest(token), lang=lang, evidence=asked,
            expires_at=ends_at(last_day), created_by_id=actor.user_id, created_at=now,
        )  # fmt: skip
        work.session.add(invitation)
        work.session.flush()
        if bidder.reply_status is None:
            bidder.reply_status = "invited"
        work.details.update({"dossier": dossier.id, "link": invitation.id, "replaced": replaced,
                             "last_day": last_day.isoformat(), "lang": lang,
                             "evidence": asked})  # fmt: skip
        url = link_url(token, lang)
        text = invitation_text(dossier, bidder, url, last_day, lang)
        return NewLink(token, url, text, invitation.expires_at)


def _end_links(session, bidder_id: int, reason: str, actor: Actor, now: datetime) -> int:  # type: ignore[no-untyped-def]
    ended = session.execute(
        update(BidderInvitation)
        .where(BidderInvitation.bidder_id == bidder_id, BidderInvitation.ended_at.is_(None))
        .values(ended_at=now, ended_reason=reason, ended_by_id=actor.user_id)
    )
    return int(ended.rowcount or 0)


def revoke_invitation(ctx: ServiceContext, actor: Actor, bidder_id: int) -> None:
    """The bidder's link stops working at once (also after the check moved on)."""
    with unit_of_work(ctx, actor, "bidder.link_revoke", "bidder", bidder_id) as work:
        bidder = work.session.get(Bidder, bidder_key(bidder_id))
        if bidder is None:
            raise NotFound("bidder_not_found", bidder=bidder_id)
        dossier = work.dossier(bidder.dossier_id)
        authz.require_owner(actor, dossier)
        work.details["dossier"] = dossier.id
        if not _end_links(work.session, bidder.id, "revoked", actor, ctx.clock()):
            raise WorkflowError("bidder_no_link", bidder=bidder.id)


def _note(note: str | None) -> str:
    text = bounded(note, "note", MAX_NOTE)
    if not text:
        raise InvalidInput("bidder_note_required")
    return text


def _submitted(work, bidder_id: int, expected_version: int) -> Bidder:  # type: ignore[no-untyped-def]
    bidder = owners_draft(work, bidder_id, expected_version)
    if bidder.reply_status != "submitted":
        raise WorkflowError("bidder_reply_not_submitted", bidder=bidder.id)
    return bidder


def reopen_reply(
    ctx: ServiceContext, actor: Actor, bidder_id: int, expected_version: int, note: str
) -> int:
    """The bidder may change its submission again (through a link that still works, or a
    new one), starting from what it submitted; the note is shown to the bidder. The
    officer's corrections lapse (the audit trail keeps them)."""
    with unit_of_work(ctx, actor, "bidder.reopen", "bidder", bidder_id) as work:
        text = _note(note)
        bidder = _submitted(work, bidder_id, expected_version)
        own = bidder.reply or {}
        for name in FIELDS:
            setattr(bidder, name, (own.get("fields") or {}).get(name))
        bidder.answers = dict(own.get("answers") or {})
        bidder.responses = dict(own.get("responses") or {})
        work.details.update({"note": text, "corrections": sorted(bidder.corrections or {})})
        bidder.reply_status, bidder.reply_note, bidder.corrections = "answering", text, {}
        return bidder.lock_version


def correct_answer(
    ctx: ServiceContext,
    actor: Actor,
    bidder_id: int,
    expected_version: int,
    item: str,
    value: Any,
    note: str,
) -> int:
    """Correct one item of a submitted reply, with a note: ``answers.<question>`` (None
    clears it), ``responses.<measure>`` ({"response", "note"}) or one of ``FIELDS``. The
    bidder's own value stays in its submission; the reviewer sees both."""
    with unit_of_work(ctx, actor, "bidder.correct", "bidder", bidder_id) as work:
        text = _note(note)
        bidder = _submitted(work, bidder_id, expected_version)
        dossier = work.dossier(bidder.dossier_id)
        kind, _, key = str(item).partition(".")
        if kind in ("answers", "responses") and key:
            data: dict[str, Any] = {kind: {key: value}}
        elif item in FIELDS:
            data = {item: value}
        else:
            raise InvalidInput("invalid_field", field="item", problem="not a bidder's answer")
        clean = validated(library_of(ctx, dossier), chosen_ids(work.session, dossier.id), data)
        if kind in ("answers", "responses") and key:
            current = {k: v for k, v in (getattr(bidder, kind) or {}).items() if k != key}
            setattr(bidder, kind, {**current, **clean[kind]})
        else:
            setattr(bidder, item, clean[item])
        correction = {"note": text, "by": actor.name, "at": timestamp(ctx.clock())}
        bidder.corrections = {**(bidder.corrections or {}), item: correction}
        work.details.update({"item": item, "note": text})
        return bidder.lock_version


def evidence_file(ctx: ServiceContext, actor: Actor, evidence_id: int) -> EvidenceFile:
    """An evidence file, for whoever may see the bidder's dossier."""
    with reading(ctx, actor, "bidder.evidence_read", "evidence", evidence_id) as session:
        found = session.get(BidderEvidence, evidence_id) if valid_id(evidence_id) else None
        bidder = session.get(Bidder, found.bidder_id) if found is not None else None
        dossier = session.get(Dossier, bidder.dossier_id) if bidder is not None else None
        if found is None or dossier is None:
            raise NotFound("evidence_not_found")
        authz.require_view(actor, dossier)
        return EvidenceFile(found.file_name, found.measure_id, found.sha256, found.content)
