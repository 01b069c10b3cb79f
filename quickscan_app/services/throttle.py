"""Sign-in throttling, read from the audit trail so that it holds across every app server on
one database (docs/security.md, ASVS 2.2.1).

- **Per account**: after ``MAX_FAILED_PER_ACCOUNT`` refused sign-ins in a row within the window
  the account name waits, even for the right password; retrying during the wait extends it.
- **Per origin** (guessing across accounts): once an origin has ``max_failed_sign_ins_per_origin``
  refusals within the window, it gets one password check per account name per window. A
  colleague behind the same address who types the right password still gets in; a name that
  already had a wrong password from that origin waits until that failure is 15 minutes old.
  Its refusals are marked, so they never count towards the per-account limit: a shared
  address cannot lock anybody out for longer than the window after their own mistake.

An IPv6 origin is counted with its whole /64 (``client_address.throttle_prefix``).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from quickscan_app.client_address import throttle_prefix
from quickscan_app.config import get_settings
from quickscan_app.services.audit import timestamp
from quickscan_app.services.context import ServiceContext
from quickscan_app.store.models import AuditEvent

LOCKOUT_MINUTES = 15
LOCKOUT_WINDOW = timedelta(minutes=LOCKOUT_MINUTES)
MAX_FAILED_PER_ACCOUNT = 5
"""Refused sign-ins in a row (within the window) after which the account waits."""

ACCOUNT = "account"
ORIGIN = "origin"
"""What made a sign-in wait, as ``details["throttled_by"]`` of its audit event."""
_BY_ORIGIN = '"throttled_by":"origin"'
_WRONG_PASSWORD = '"login_failed"'


def throttled_by(session: Session, ctx: ServiceContext, name: str, origin: str) -> str | None:
    """``ACCOUNT`` or ``ORIGIN`` when this attempt must wait, else None (check the password)."""
    since = timestamp(ctx.clock() - LOCKOUT_WINDOW)
    logins = (AuditEvent.action == "login", AuditEvent.occurred_at >= since)
    recent = (
        select(AuditEvent.result)
        .where(*logins, AuditEvent.object_id == name, ~AuditEvent.details.contains(_BY_ORIGIN))
        .order_by(AuditEvent.seq.desc())
        .limit(MAX_FAILED_PER_ACCOUNT)
    )
    results = list(session.execute(recent).scalars())
    if len(results) == MAX_FAILED_PER_ACCOUNT and all(r == "denied" for r in results):
        return ACCOUNT
    limit = get_settings().max_failed_sign_ins_per_origin
    if limit <= 0:
        return None
    here = same_origin(origin)
    failures = (
        select(func.count())
        .select_from(AuditEvent)
        .where(*logins, here, AuditEvent.result == "denied")
    )
    if session.execute(failures).scalar_one() < limit:
        return None
    already_guessed = select(AuditEvent.seq).where(
        *logins, here, AuditEvent.object_id == name, AuditEvent.details.contains(_WRONG_PASSWORD)
    )
    return ORIGIN if session.execute(already_guessed.limit(1)).first() else None


def same_origin(origin: str) -> ColumnElement[bool]:
    """Audit events from ``origin`` (for IPv6, its whole /64); also counts bidder links."""
    prefix = throttle_prefix(origin[:120])
    if prefix is None:
        return AuditEvent.origin == origin[:120]
    return AuditEvent.origin.startswith(prefix, autoescape=True)
