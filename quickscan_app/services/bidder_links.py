"""What the bidder links are made of: the token and its hash, the state of a link, the
evidence a bidder added, and when the bidder, not the officer, holds the pen.

The calls are in ``bidder_invites`` (the officer's) and ``bidder_replies`` (the bidder's, by
token; its opening note describes the states of a submission). Here only records and reads.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from quickscan_app.i18n import AMSTERDAM
from quickscan_app.store.models import Bidder, BidderEvidence, BidderInvitation

TOKEN_BYTES = 32
"""256 random bits (``secrets.token_urlsafe``): 43 URL-safe characters."""
REPLY_OPEN = ("invited", "answering")
"""Reply states in which the bidder, while its link lives, holds the pen."""


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    """What is stored of a token: its SHA-256 (hex). The token itself is shown once."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def utc(moment: datetime) -> datetime:
    """SQLite hands back stored UTC times without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def ends_at(last_day: date) -> datetime:
    """A link works through its last day, Dutch time: it ends at the next midnight."""
    return datetime.combine(last_day + timedelta(days=1), time(), AMSTERDAM).astimezone(UTC)


def last_day_of(expires_at: datetime) -> date:
    """The last day a link works, as the officer chose it."""
    return (utc(expires_at).astimezone(AMSTERDAM) - timedelta(microseconds=1)).date()


@dataclass(frozen=True)
class LinkInfo:
    """One invitation link as the officer sees it (never its token)."""

    id: int
    bidder_id: int
    state: str
    """``active``, ``expired``, ``revoked`` or ``replaced``."""
    lang: str
    expires_at: datetime
    created_at: datetime
    ended_at: datetime | None
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceInfo:
    """An evidence file without its content."""

    id: int
    bidder_id: int
    measure_id: str
    file_name: str
    size: int
    sha256: str
    uploaded_at: datetime


def link_state(invitation: BidderInvitation, now: datetime) -> str:
    if invitation.ended_reason:
        return invitation.ended_reason
    return "active" if utc(invitation.expires_at) > now else "expired"


def link_info(invitation: BidderInvitation, now: datetime) -> LinkInfo:
    return LinkInfo(
        invitation.id, invitation.bidder_id, link_state(invitation, now), invitation.lang,
        utc(invitation.expires_at), utc(invitation.created_at),
        utc(invitation.ended_at) if invitation.ended_at else None, tuple(invitation.evidence),
    )  # fmt: skip


def latest_links(session: Session, bidder_ids: list[int], now: datetime) -> dict[int, LinkInfo]:
    """Per bidder its newest link (the one that counts: a new link ends the one before)."""
    if not bidder_ids:
        return {}
    rows = session.execute(
        select(BidderInvitation)
        .where(BidderInvitation.bidder_id.in_(bidder_ids))
        .order_by(BidderInvitation.id)
    ).scalars()
    return {row.bidder_id: link_info(row, now) for row in rows}


def live_link(session: Session, bidder_id: int, now: datetime) -> BidderInvitation | None:
    """The bidder's link that still works: not ended, not expired."""
    row = session.execute(
        select(BidderInvitation)
        .where(BidderInvitation.bidder_id == bidder_id, BidderInvitation.ended_at.is_(None))
        .order_by(BidderInvitation.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return row if row is not None and utc(row.expires_at) > now else None


def bidder_holds_pen(session: Session, bidder: Bidder, now: datetime) -> bool:
    """While the bidder may still answer through a live link, the officer does not edit or
    submit the check: it would change under the bidder's hands."""
    return bidder.reply_status in REPLY_OPEN and live_link(session, bidder.id, now) is not None


def evidence_of(session: Session, bidder_ids: list[int]) -> dict[int, list[EvidenceInfo]]:
    """Per bidder its evidence files, oldest first, without their content."""
    found: dict[int, list[EvidenceInfo]] = {b: [] for b in bidder_ids}
    if not bidder_ids:
        return found
    rows = session.execute(
        select(
            BidderEvidence.id, BidderEvidence.bidder_id, BidderEvidence.measure_id,
            BidderEvidence.file_name, BidderEvidence.size, BidderEvidence.sha256,
            BidderEvidence.uploaded_at,
        )
        .where(BidderEvidence.bidder_id.in_(bidder_ids))
        .order_by(BidderEvidence.id)
    ).all()  # fmt: skip
    for row in rows:
        found[row.bidder_id].append(EvidenceInfo(*row[:6], utc(row.uploaded_at)))
    return found
