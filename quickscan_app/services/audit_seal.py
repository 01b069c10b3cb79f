"""How audit events and the chain head are sealed.

Events before the chain's switch-over to a key are chained with plain SHA-256 (how every
chain began); the switch-over is itself an event (``audit.key``, naming the key's id and the
one before it), sealed like every event after it with HMAC-SHA-256 under that key. Someone
who can write to the database but has not got the key can neither alter a sealed event nor
re-seal the chain, nor move the head (sealed too) back over deleted events.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from quickscan_app.store.audit_key import Keyring, keyring_for, seal
from quickscan_app.store.models import AuditEvent

GENESIS = "0" * 64
KEY_ACTION = "audit.key"
"""The switch-over event: from it on, events are sealed with the key it names."""
HASHED_FIELDS = (
    "seq", "occurred_at", "actor", "action", "object_type", "object_id", "result", "origin",
    "details", "prev_hash",
)  # fmt: skip


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(values: dict[str, Any], key: bytes | None = None) -> str:
    """The seal of one event: SHA-256 without a key, HMAC-SHA-256 with one."""
    return seal(key, canonical_json([values[name] for name in HASHED_FIELDS]))


def event_values(event: AuditEvent) -> dict[str, Any]:
    return {name: getattr(event, name) for name in HASHED_FIELDS}


def head_mac(key: bytes, seq: int, last_hash: str) -> str:
    return seal(key, canonical_json(["head", seq, last_hash]))


def keyring(session: Session) -> Keyring:
    """The keys the session was made with (``session_factory``), else those of its database."""
    keys = session.info.get("audit_keys")
    if isinstance(keys, Keyring):
        return keys
    return keyring_for(session.get_bind().engine.url)


def switched_to(event: AuditEvent) -> tuple[str | None, str | None] | None:
    """For a switch-over event: (the key id it switches to, the one it switches from)."""
    if event.action != KEY_ACTION or event.object_type != "audit":
        return None
    try:
        details = json.loads(event.details)
    except ValueError:
        return None
    if not isinstance(details, dict):
        return None
    return details.get("key_id"), details.get("previous")
