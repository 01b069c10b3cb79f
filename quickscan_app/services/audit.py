"""The append-only audit trail, chained by SHA-256, and its verification."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from quickscan_app.store.models import AuditEvent, AuditHead

GENESIS = "0" * 64
HASHED_FIELDS = (
    "seq", "occurred_at", "actor", "action", "object_type", "object_id", "result", "origin",
    "details", "prev_hash",
)  # fmt: skip


# Built once: statements reused on every append skip SQLAlchemy's construction and caching work.
_READ_HEAD = select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1).with_for_update()
_INSERT_EVENT = insert(AuditEvent)
_MOVE_HEAD = (
    update(AuditHead)
    .where(AuditHead.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def event_hash(values: dict[str, Any]) -> str:
    payload = canonical_json([values[name] for name in HASHED_FIELDS])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    object_type: str,
    object_id: str | int | None,
    result: str,
    origin: str,
    details: dict[str, Any] | None = None,
) -> int:
    """Add one event after the current head, in the caller's transaction.

    The head row is locked (``FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already
    serialises writers), so concurrent appends form one chain and never fork.
    """
    conn = session.connection()
    seq, prev_hash = conn.execute(_READ_HEAD).one()
    values: dict[str, Any] = {
        "seq": seq + 1,
        "occurred_at": timestamp(at),
        "actor": actor,
        "action": action,
        "object_type": object_type,
        "object_id": None if object_id is None else str(object_id),
        "result": result,
        "origin": origin,
        "details": canonical_json(details or {}),
        "prev_hash": prev_hash,
    }
    values["hash"] = event_hash(values)
    conn.execute(_INSERT_EVENT, values)
    conn.execute(_MOVE_HEAD, {"new_seq": values["seq"], "new_hash": values["hash"]})
    return values["seq"]


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    events: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify(session: Session) -> ChainReport:
    """Walk the chain in sequence order and recompute every hash.

    An altered row fails its own hash; a deleted row leaves a gap in the sequence and a
    broken link; reordered rows break the links; a deleted tail no longer meets the head.
    """
    head = session.get(AuditHead, 1)
    if head is None:
        return ChainReport(False, 0, 1, "the chain head is missing")
    # The head is read first: events appended while we walk lie beyond it and are left
    # for the next check, instead of looking like a chain that stops short.
    expected_prev, expected_seq, count = GENESIS, 1, 0
    query = select(AuditEvent).where(AuditEvent.seq <= head.seq).order_by(AuditEvent.seq)
    rows = session.execute(query).scalars()
    for event in rows.yield_per(2000):
        values = {name: getattr(event, name) for name in HASHED_FIELDS}
        if event.seq != expected_seq:
            return ChainReport(False, count, expected_seq, f"event {expected_seq} is missing")
        if event.prev_hash != expected_prev:
            return ChainReport(
                False, count, event.seq, f"event {event.seq} does not follow event {event.seq - 1}"
            )
        if event_hash(values) != event.hash:
            return ChainReport(False, count, event.seq, f"event {event.seq} was altered")
        expected_prev, expected_seq, count = event.hash, expected_seq + 1, count + 1
    if head.seq != count or head.hash != expected_prev:
        return ChainReport(
            False, count, count + 1, f"the chain ends at event {count} but the head says {head.seq}"
        )
    return ChainReport(True, count)


def recent_events(session: Session, limit: int = 200) -> list[AuditEvent]:
    """The newest events first."""
    query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
    return list(session.execute(query).scalars())
