"""Verifying the audit trail, and the records bound to it (approvals, approved bidder checks).

The whole chain is walked, never only up to the head: every event's seal is recomputed (plain
SHA-256 before the switch-over to a key, HMAC with the key after), every link and number
checked, and the head must name the last event and carry the key's seal. An approved snapshot
stands only while its SHA-256 is the one its ``dossier.approve`` event recorded (the same for
a bidder check and ``bidder.approve``), so replacing a snapshot together with its hash in
the database is found, by ``audit verify`` and by every export and export verification.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quickscan_app.domain.text import Lang
from quickscan_app.services.audit_seal import (
    GENESIS,
    KEY_ACTION,
    event_hash,
    event_values,
    head_mac,
    keyring,
    switched_to,
)
from quickscan_app.store.audit_key import Keyring
from quickscan_app.store.models import Approval, AuditEvent, AuditHead, Bidder

BOUND = {"dossier.approve": "dossier", "dossier.accept": "dossier", "bidder.approve": "bidder"}
"""Actions whose ``sha256`` detail binds a frozen record to the trail, and the object type."""

APPROVING = ("dossier.approve", "dossier.accept")
"""The steps that freeze a plan's snapshot: the reviewer's approval, or the risk owner's
acceptance where the residual risk needed one. Both bind as ``dossier.approve``."""


def _binding(action: str) -> str:
    return "dossier.approve" if action in APPROVING else action


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    events: int
    first_bad_seq: int | None = None
    code: str = ""
    """What is wrong: ``audit.problem.<code>`` in the strings; empty when intact."""
    params: dict[str, Any] = field(default_factory=dict)
    keyed_from: int | None = None
    """The switch-over event from which on the chain is sealed with a key; None: unkeyed."""

    def message(self, lang: Lang) -> str:
        from quickscan_app.i18n import t

        return t(f"audit.problem.{self.code}", lang).format(**self.params) if self.code else ""

    @property
    def problem(self) -> str:
        return self.message("en")

    def sealing(self, lang: Lang) -> str:
        """Whether, and from which event on, the trail is sealed with the audit key."""
        from quickscan_app.i18n import t

        if self.keyed_from is None:
            return t("audit.unkeyed", lang)
        if self.keyed_from == 1:
            return t("audit.keyed_all", lang)
        return t("audit.keyed_from", lang).format(seq=self.keyed_from)


def verify(session: Session, *, strict: bool = True) -> ChainReport:
    """Walk every event in sequence order; then the head; then the bound records.

    ``strict`` (the default) also requires the chain to end sealed with the current key, as
    every app server and command makes sure when it opens the database: a chain that ends
    unkeyed or under an older key then lost its newer part. Restore checks a backup's chain
    without it (the restoring server records its own switch-over afterwards).
    """
    _one_moment(session)
    report = _walk(session, strict)
    for _ in range(3):  # in READ COMMITTED: appended while we walked? then walk again
        if report.code != "past_head" or _head_seq(session) == report.params["head"]:
            break
        report = _walk(session, strict)
    return report


_HEAD = select(AuditHead).where(AuditHead.id == 1).execution_options(populate_existing=True)


def _head_seq(session: Session) -> int | None:
    return session.execute(select(AuditHead.seq).where(AuditHead.id == 1)).scalar_one_or_none()


def _walk(session: Session, strict: bool) -> ChainReport:
    head = session.execute(_HEAD).scalar_one_or_none()
    if head is None:
        return ChainReport(False, 0, 1, "head_missing")
    walk = _Walk(keyring(session))
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
    for event in rows.yield_per(2000):
        if (broken := walk.step(event)) is not None:
            return broken
    return (
        walk.check_head(head, strict)
        or _check_bound(session, walk.recorded, walk.count)
        or ChainReport(True, walk.count, keyed_from=walk.keyed_from)
    )


def _one_moment(session: Session) -> None:
    """On PostgreSQL read head and events in one snapshot (REPEATABLE READ), so appends made
    while we walk neither look like events past the head nor escape the check. SQLite's
    sessions begin IMMEDIATE, which already holds writers off."""
    bind = session.get_bind()
    if isinstance(bind, Engine) and bind.dialect.name == "postgresql":
        if not session.in_transaction():
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


class _Walk:
    def __init__(self, keys: Keyring) -> None:
        self.keys = keys
        self.prev, self.count = GENESIS, 0
        self.key: bytes | None = None
        self.key_id: str | None = None
        self.keyed_from: int | None = None
        self.recorded: set[tuple[str, str, str]] = set()

    def broken(self, at: int | None, code: str, **params: Any) -> ChainReport:
        return ChainReport(False, self.count, at, code, params, self.keyed_from)

    def step(self, event: AuditEvent) -> ChainReport | None:
        seq = self.count + 1
        if event.seq != seq:
            return self.broken(seq, "missing", seq=seq)
        if event.prev_hash != self.prev:
            return self.broken(seq, "unlinked", seq=seq, before=seq - 1)
        switch = switched_to(event) if event.result == "success" else None
        if switch is not None:
            new_id, previous = switch
            if previous != self.key_id:
                return self.broken(seq, "bad_switch", seq=seq)
            key = self.keys.by_id(new_id)
            if key is None:
                return self.broken(seq, "unknown_key", seq=seq, key=new_id)
            self.key, self.key_id = key, new_id
            self.keyed_from = self.keyed_from or seq
        if event_hash(event_values(event), self.key) != event.hash:
            return self.broken(seq, "altered", seq=seq)
        if event.action in BOUND and event.result == "success":
            sha = _sha256_detail(event)
            if sha:
                self.recorded.add((_binding(event.action), event.object_id or "", sha))
        self.prev, self.count = event.hash, seq
        return None

    def check_head(self, head: AuditHead, strict: bool) -> ChainReport | None:
        last = self.count
        if head.seq < last:
            return self.broken(head.seq + 1, "past_head", first=head.seq + 1, last=last,
                               head=head.seq)  # fmt: skip
        if head.seq > last:
            return self.broken(last + 1, "short", last=last, head=head.seq)
        if head.hash != self.prev:
            return self.broken(last, "head_hash", seq=last)
        if self.key is not None:
            if head.key_id != self.key_id or head.mac != head_mac(self.key, head.seq, head.hash):
                return self.broken(last, "head_forged", seq=last)
        elif head.key_id is not None or head.mac is not None:
            return self.broken(last + 1, "keyed_part_gone", key=head.key_id)
        if strict and self.keys.current is not None and self.key_id != self.keys.current_id:
            code = "not_keyed" if self.key_id is None else "old_key"
            return self.broken(last + 1, code, key=self.keys.current_id)
        return None


def _sha256_detail(event: AuditEvent) -> str | None:
    try:
        details = json.loads(event.details)
    except ValueError:
        return None
    sha = details.get("sha256") if isinstance(details, dict) else None
    return sha if isinstance(sha, str) else None


def _check_bound(
    session: Session, recorded: set[tuple[str, str, str]], events: int
) -> ChainReport | None:
    """Every approval and approved bidder check is the one its audit event recorded."""
    approvals = select(Approval.dossier_id, Approval.sha256, Approval.snapshot).order_by(
        Approval.id
    )
    for dossier_id, sha, text in session.execute(approvals).yield_per(200):
        if not _frozen(text, sha) or ("dossier.approve", str(dossier_id), sha) not in recorded:
            return ChainReport(False, events, None, "approval", {"dossier": dossier_id,
                                                                 "sha": sha})  # fmt: skip
    checks = (
        select(Bidder.id, Bidder.dossier_id, Bidder.sha256, Bidder.snapshot)
        .where(Bidder.sha256.is_not(None))
        .order_by(Bidder.id)
    )
    for bidder_id, dossier_id, sha, text in session.execute(checks).yield_per(200):
        if not _frozen(text, sha) or ("bidder.approve", str(bidder_id), sha) not in recorded:
            return ChainReport(False, events, None, "bidder", {"bidder": bidder_id,
                               "dossier": dossier_id, "sha": sha})  # fmt: skip
    return None


def _frozen(text: str | None, sha: str | None) -> bool:
    return text is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() == sha


def recorded(session: Session, action: str, object_id: int, sha256: str) -> bool:
    """Whether a standing ``action`` event (``dossier.approve`` or ``bidder.approve``) of this
    object recorded ``sha256``: what export and export verification ask of an approval."""
    actions = APPROVING if action == "dossier.approve" else (action,)
    query = (
        select(AuditEvent)
        .where(
            AuditEvent.action.in_(actions),
            AuditEvent.object_id == str(object_id),
            AuditEvent.object_type == BOUND[action],
            AuditEvent.result == "success",
        )
        .order_by(AuditEvent.seq)
    )
    return any(
        _sha256_detail(event) == sha256 and stands(session, event)
        for event in session.execute(query).scalars()
    )


def approval_on_record(session: Session, sha256: str) -> AuditEvent | None:
    """The standing approving event (``APPROVING``) that recorded ``sha256``, if any: a file naming
    it was approved, whatever the approvals table now says."""
    query = (
        select(AuditEvent)
        .where(
            AuditEvent.action.in_(APPROVING),
            AuditEvent.result == "success",
            AuditEvent.details.contains(sha256),
        )
        .order_by(AuditEvent.seq)
    )
    for event in session.execute(query).scalars():
        if _sha256_detail(event) == sha256 and stands(session, event):
            return event
    return None


def stands(session: Session, event: AuditEvent) -> bool:
    """Whether one event is as it was written, without walking the whole chain.

    After a switch-over it must carry the seal of the key that switch-over names (sealed
    too). Before any switch-over it is a plain-hash event: it stands if the plain links from
    it reach a sealed switch-over, which nobody without the key can forge. Without a key at
    all (an unkeyed trail) its own plain hash is all there is to check.
    """
    known = session.info.setdefault("audit_stands", {})  # one walk per event and session
    if (event.seq, event.hash) not in known:
        known[event.seq, event.hash] = _stands(session, event)
    return known[event.seq, event.hash]


def _stands(session: Session, event: AuditEvent) -> bool:
    keys = keyring(session)
    switch = session.execute(
        select(AuditEvent)
        .where(
            AuditEvent.action == KEY_ACTION,
            AuditEvent.result == "success",
            AuditEvent.seq <= event.seq,
        )
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    if switch is not None:
        names = switched_to(switch)
        key = keys.by_id(names[0]) if names else None
        return key is not None and _sealed(switch, key) and _sealed(event, key)
    if keys.current is None:
        return _sealed(event, None)
    return _links_to_switch_over(session, event, keys)


def _sealed(event: AuditEvent, key: bytes | None) -> bool:
    return event_hash(event_values(event), key) == event.hash


def _links_to_switch_over(session: Session, event: AuditEvent, keys: Keyring) -> bool:
    query = select(AuditEvent).where(AuditEvent.seq >= event.seq).order_by(AuditEvent.seq)
    before: AuditEvent | None = None
    for current in session.execute(query).scalars().yield_per(2000):
        if before is not None and (
            current.seq != before.seq + 1 or current.prev_hash != before.hash
        ):
            return False
        names = switched_to(current) if current.result == "success" else None
        if names is not None:
            key = keys.by_id(names[0])
            return key is not None and names[1] is None and _sealed(current, key)
        if not _sealed(current, None):
            return False
        before = current
    return False
