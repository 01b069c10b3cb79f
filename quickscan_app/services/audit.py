"""The append-only audit trail: a chain sealed with the audit key (``audit_seal``), its
switch-over to a key, and its verification (``audit_check``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from quickscan_app.services.audit_check import ChainReport as ChainReport
from quickscan_app.services.audit_check import verify as verify
from quickscan_app.services.audit_seal import (
    KEY_ACTION,
    canonical_json,
    event_hash,
    head_mac,
    keyring,
    timestamp,
)
from quickscan_app.store.audit_key import AuditKeyError, Keyring, key_id
from quickscan_app.store.db import transaction
from quickscan_app.store.models import AuditEvent, AuditHead

# Built once: statements reused on every append skip SQLAlchemy's construction and caching work.
_READ_HEAD = (
    select(AuditHead.seq, AuditHead.hash, AuditHead.key_id)
    .where(AuditHead.id == 1)
    .with_for_update()
)
_INSERT_EVENT = insert(AuditEvent)
_MOVE_HEAD = (
    update(AuditHead)
    .where(AuditHead.id == 1)
    .values(
        seq=bindparam("new_seq"),
        hash=bindparam("new_hash"),
        key_id=bindparam("new_key_id"),
        mac=bindparam("new_mac"),
    )
)


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
    serialises writers), so concurrent appends form one chain and never fork. When the session's
    key is not the one the chain is sealed with, the switch-over is recorded first.
    """
    conn = session.connection()
    keys = keyring(session)
    seq, prev_hash, sealed_with = conn.execute(_READ_HEAD).one()
    if sealed_with != keys.current_id:
        seq, prev_hash = _switch_over(conn, keys, sealed_with, seq, prev_hash, at, origin)
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
    _write(conn, keys.current, values)
    return values["seq"]


def _write(conn: Connection, key: bytes | None, values: dict[str, Any]) -> None:
    values["hash"] = event_hash(values, key)
    conn.execute(_INSERT_EVENT, values)
    conn.execute(
        _MOVE_HEAD,
        {
            "new_seq": values["seq"],
            "new_hash": values["hash"],
            "new_key_id": None if key is None else key_id(key),
            "new_mac": None if key is None else head_mac(key, values["seq"], values["hash"]),
        },
    )


def _switch_over(
    conn: Connection,
    keys: Keyring,
    sealed_with: str | None,
    seq: int,
    prev_hash: str,
    at: datetime,
    origin: str,
) -> tuple[int, str]:
    """Record that the chain is sealed with the current key from here on.

    Refused without a key (a keyed chain cannot go back to plain hashes) and when the chain
    is sealed with a key that is not at hand (a rotation must show the old key)."""
    if keys.current is None:
        raise AuditKeyError(
            f"the audit trail is sealed with key {sealed_with}: set QUICKSCAN_AUDIT_KEY"
        )
    if sealed_with is not None and keys.by_id(sealed_with) is None:
        raise AuditKeyError(
            f"the audit trail is sealed with key {sealed_with}, not with QUICKSCAN_AUDIT_KEY "
            f"({keys.current_id}); to rotate, put the old key in QUICKSCAN_AUDIT_RETIRED_KEYS"
        )
    values: dict[str, Any] = {
        "seq": seq + 1,
        "occurred_at": timestamp(at),
        "actor": "system",
        "action": KEY_ACTION,
        "object_type": "audit",
        "object_id": keys.current_id,
        "result": "success",
        "origin": origin,
        "details": canonical_json({"key_id": keys.current_id, "previous": sealed_with}),
        "prev_hash": prev_hash,
    }
    _write(conn, keys.current, values)
    return values["seq"], values["hash"]


def ensure_keyed(factory: sessionmaker[Session], at: datetime, origin: str) -> bool:
    """Record the switch-over to the sessions' key now if the chain is not sealed with it.

    Every app server and command calls this when it opens the database, so a trail that a
    keyed server has seen always holds its switch-over, and ``verify`` can treat a trail
    without one as cut short. True if a switch-over was recorded."""
    with factory() as session:
        keys = keyring(session)
        sealed_with = session.execute(select(AuditHead.key_id).where(AuditHead.id == 1)).scalar()
    if sealed_with == keys.current_id:
        return False
    with transaction(factory) as session:
        conn = session.connection()
        seq, prev_hash, sealed_with = conn.execute(_READ_HEAD).one()
        if sealed_with == keys.current_id:
            return False  # another server did it meanwhile
        _switch_over(conn, keys, sealed_with, seq, prev_hash, at, origin)
        return True


def recent_events(session: Session, limit: int = 200) -> list[AuditEvent]:
    """The newest events first."""
    query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
    return list(session.execute(query).scalars())
