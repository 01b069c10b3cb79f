"""Exporting a dossier (plan or tender dossier, in any format) and verifying an exported file.

Reading and rendering happen outside any write transaction (a large PDF takes a while and
must not hold the database's write lock); the export is then recorded as an audit event with
the hashes of the snapshot and of the file. A refusal is recorded as ``denied``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from quickscan_app.domain.workflow import Status
from quickscan_app.exports.render import (
    award_checks_named,
    detect_format,
    embedded_marks,
    render,
)
from quickscan_app.exports.source import FORMATS, KINDS, MEDIA_TYPES, AuditLine, ExportSource
from quickscan_app.services import authz
from quickscan_app.services.audit_check import APPROVING, approval_on_record, recorded
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import load_view
from quickscan_app.services.errors import InvalidInput, NotFound, ServiceError, WorkflowError
from quickscan_app.services.limits import dossier_key
from quickscan_app.services.snapshot import (
    SNAPSHOT_FORMAT,
    build_snapshot,
    sha256_text,
    snapshot_text,
)
from quickscan_app.services.unit import (
    check_account,
    record_failure,
    record_refusal,
    unit_of_work,
)
from quickscan_app.store.models import Approval, AuditEvent, Bidder, Dossier

COUNTED_ACTIONS = {"answer.save": "answers", "plan.select": "plan", "plan.reject": "plan",
                   "plan.deselect": "plan"}  # fmt: skip
"""Many per dossier: the audit extract counts them instead of listing each."""
LEFT_OUT = {"dossier.export", "dossier.read", "export.verify"}


@dataclass(frozen=True)
class ExportFile:
    name: str
    media_type: str
    data: bytes
    snapshot_sha256: str
    approved: bool


def export_document(
    ctx: ServiceContext, actor: Actor, dossier_id: int, kind: str, fmt: str
) -> ExportFile:
    """The plan (any status; a concept unless approved) or the tender dossier (approved only)."""
    try:
        if kind not in KINDS:
            raise InvalidInput("invalid_field", field="kind", problem=" | ".join(KINDS))
        if fmt not in FORMATS[kind]:  # type: ignore[index]
            raise InvalidInput("invalid_field", field="format", problem=" | ".join(FORMATS[kind]))  # type: ignore[index]
        with ctx.factory() as session:
            check_account(session, actor)
            src = _source(ctx, session, actor, dossier_id, kind)
    except ServiceError as exc:
        record_refusal(ctx, actor, "dossier.export", "dossier", dossier_id, exc)
        raise
    try:
        data = render(src, fmt)
    except Exception as exc:
        record_failure(ctx, actor, "dossier.export", "dossier", dossier_id, exc)
        raise
    digest = hashlib.sha256(data).hexdigest()
    with unit_of_work(ctx, actor, "dossier.export", "dossier", dossier_id) as work:
        work.details.update(
            {"kind": kind, "format": fmt, "approved": src.approved,
             "snapshot_sha256": src.sha256, "file_sha256": digest}
        )  # fmt: skip
    return ExportFile(src.file_name(fmt), MEDIA_TYPES[fmt], data, src.sha256, src.approved)


def _source(
    ctx: ServiceContext, session: Session, actor: Actor, dossier_id: int, kind: str
) -> ExportSource:
    dossier = session.get(Dossier, dossier_key(dossier_id), options=[joinedload(Dossier.owner)])
    if dossier is None:
        raise NotFound("not_found", dossier=dossier_id)
    authz.require_view(actor, dossier)
    approval = current_approval(session, dossier)
    if approval is not None:
        return approved_source(session, approval, kind)
    if kind in ("tender", "award"):
        raise WorkflowError("tender_needs_approval", dossier=dossier_id, status=dossier.status)
    now = ctx.clock()
    snapshot = build_snapshot(load_view(ctx, session, dossier), None, None)
    text = snapshot_text(snapshot)
    lines, skipped = audit_extract(session, dossier.id, None)
    return ExportSource(kind, json.loads(text), sha256_text(text), now, lines, skipped)  # type: ignore[arg-type]


def current_approval(session: Session, dossier: Dossier) -> Approval | None:
    """The approval that stands: of the current revision, while approved (or archived so)."""
    if Status(dossier.status) not in (Status.APPROVED, Status.ARCHIVED):
        return None
    return session.execute(
        select(Approval)
        .where(Approval.dossier_id == dossier.id, Approval.revision == dossier.revision)
        .order_by(Approval.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def approved_source(
    session: Session, approval: Approval, kind: str, checks: frozenset[str] | None = None
) -> ExportSource:
    """Everything an export of an approved snapshot shows: fixed once approved.

    The stored snapshot must still hash to its recorded SHA-256 (an edit in the database would
    otherwise leave with the approved hash on it), that SHA-256 must be the one the approval's
    audit event recorded (a snapshot replaced together with its hash is not), and it must be in
    the form exports read."""
    if sha256_text(approval.snapshot) != approval.sha256 or not recorded(
        session, "dossier.approve", approval.dossier_id, approval.sha256
    ):
        raise WorkflowError("snapshot_altered", dossier=approval.dossier_id)
    snapshot = json.loads(approval.snapshot)
    if snapshot.get("format") != SNAPSHOT_FORMAT:
        raise WorkflowError("snapshot_too_old", dossier=approval.dossier_id)
    lines, skipped = audit_extract(session, approval.dossier_id, approval.sha256)
    bidders = award_checks(session, approval, checks) if kind == "award" else ()
    return ExportSource(
        kind,  # type: ignore[arg-type]
        snapshot,
        approval.sha256,
        datetime.fromisoformat(snapshot["approval"]["approved_at"]),
        lines,
        skipped,
        bidders,
    )


def award_checks(
    session: Session, approval: Approval, only: frozenset[str] | None = None
) -> tuple[dict[str, Any], ...]:
    """The approved bidder checks against this approval's plan, as frozen (oldest first);
    with ``only``, exactly those (to re-render an award report made before later checks).
    Each must be the check its ``bidder.approve`` audit event recorded."""
    rows = session.execute(
        select(Bidder.id, Bidder.snapshot, Bidder.sha256)
        .where(
            Bidder.dossier_id == approval.dossier_id,
            Bidder.revision == approval.revision,
            Bidder.status == "approved",
        )
        .order_by(Bidder.id)
    )
    chosen = [(i, text, sha) for i, text, sha in rows if text and (only is None or sha in only)]
    for bidder_id, text, sha in chosen:
        if sha256_text(text) != sha or not recorded(session, "bidder.approve", bidder_id, sha):
            raise WorkflowError("snapshot_altered", dossier=approval.dossier_id)
    checks = tuple({**json.loads(text), "sha256": sha} for _, text, sha in chosen)
    if only is not None and {c["sha256"] for c in checks} != only:
        raise WorkflowError("award_needs_bidders", dossier=approval.dossier_id)
    if not checks:
        raise WorkflowError("award_needs_bidders", dossier=approval.dossier_id)
    return checks


def audit_extract(
    session: Session, dossier_id: int, until_sha256: str | None
) -> tuple[tuple[AuditLine, ...], dict[str, int]]:
    """The dossier's audit events, up to and including the approval of ``until_sha256``."""
    events = session.execute(
        select(AuditEvent)
        .where(AuditEvent.object_type == "dossier", AuditEvent.object_id == str(dossier_id))
        .order_by(AuditEvent.seq)
    ).scalars()
    lines: list[AuditLine] = []
    skipped = {"answers": 0, "plan": 0}
    for event in events:
        if event.action in LEFT_OUT:
            continue
        if event.action in COUNTED_ACTIONS and event.result == "success":
            skipped[COUNTED_ACTIONS[event.action]] += 1
            continue
        lines.append(
            AuditLine(
                seq=event.seq,
                occurred_at=datetime.fromisoformat(event.occurred_at),
                actor=event.actor,
                action=event.action,
                result=event.result,
                hash=event.hash,
            )
        )
        if until_sha256 and event.action in APPROVING and until_sha256 in event.details:
            break
    return tuple(lines), skipped


@dataclass(frozen=True)
class Verification:
    outcome: str
    """``match``, ``changed`` (names an approval, content differs), ``forged`` (names an
    approval the audit trail never recorded), ``tampered`` (names a snapshot the audit trail
    recorded as approved, whose approval is gone from the database), ``unapproved`` (names a
    snapshot that was never approved) or ``unmarked`` (names no snapshot at all)."""
    format: str
    kind: str | None = None
    sha256: str | None = None
    dossier_id: int | None = None
    title: str | None = None
    revision: int | None = None
    approver: str | None = None
    approved_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "match"

    def message(self, lang: str) -> str:
        from quickscan_app.i18n import format_datetime, t

        params: dict[str, Any] = {
            "format": self.format.upper(),
            "kind": self.kind or "?",
            "sha": self.sha256 or "",
            "dossier": self.dossier_id,
            "title": self.title,
            "revision": self.revision,
            "approver": self.approver,
            "when": format_datetime(self.approved_at, lang) if self.approved_at else "",  # type: ignore[arg-type]
        }
        return t(f"exp.verify.{self.outcome}", lang).format(**params)  # type: ignore[arg-type]


def verify_file(ctx: ServiceContext, actor: Actor, data: bytes) -> Verification:
    """Does this file match, byte for byte, what an approved snapshot in the database gives?"""
    fmt = detect_format(data)
    marks = embedded_marks(data, fmt) if fmt != "unknown" else []
    with unit_of_work(
        ctx, actor, "export.verify", "file", hashlib.sha256(data).hexdigest()
    ) as work:
        result = _verify(work.session, actor, data, fmt, marks)
        work.details.update({"outcome": result.outcome, "snapshot_sha256": result.sha256})
        if result.dossier_id is not None:
            work.details["dossier"] = result.dossier_id
    return result


def _verify(
    session: Session, actor: Actor, data: bytes, fmt: str, marks: list[tuple[str | None, str]]
) -> Verification:
    """The file matches when one of the approved snapshots it names gives exactly these bytes.
    Every mark is tried (user text inside a file may hold a look-alike); approvals of dossiers
    the actor may not see are not looked at."""
    if not marks:
        return Verification("unmarked", fmt)
    hashes = [sha for _, sha in marks]
    approvals = {
        a.sha256: a
        for a in session.execute(select(Approval).where(Approval.sha256.in_(hashes))).scalars()
    }
    checks = award_checks_named(data, fmt)  # an award report names the checks it holds
    hidden: Dossier | None = None
    first_seen: Verification | None = None
    for kind, sha in marks:
        approval = approvals.get(sha)
        if approval is None:
            continue
        dossier = session.get(Dossier, approval.dossier_id)
        assert dossier is not None  # approvals cascade with their dossier
        if not authz.can_view(actor, dossier):
            hidden = hidden or dossier
            continue
        if not recorded(session, "dossier.approve", approval.dossier_id, sha):
            first_seen = first_seen or _found("forged", fmt, kind, approval, dossier)
            continue
        for candidate in [kind] if kind else list(KINDS):
            if fmt in FORMATS[candidate] and _renders_to(
                session, approval, candidate, fmt, data, checks
            ):  # type: ignore[index]
                return _found("match", fmt, candidate, approval, dossier)
        first_seen = first_seen or _found("changed", fmt, kind, approval, dossier)
    if first_seen is not None:
        return first_seen
    if (tampered := _approved_on_record(session, actor, fmt, marks)) is not None:
        return tampered
    if hidden is not None:
        authz.require_view(actor, hidden)
    kind, sha = marks[0]
    return Verification("unapproved", fmt, kind, sha)


def _approved_on_record(
    session: Session, actor: Actor, fmt: str, marks: list[tuple[str | None, str]]
) -> Verification | None:
    """A snapshot with no approval in the database that the audit trail says was approved:
    the approval was removed or replaced there (a dossier the actor may see only)."""
    for kind, sha in marks:
        event = approval_on_record(session, sha)
        dossier = session.get(Dossier, int(event.object_id or 0)) if event else None
        if dossier is not None and authz.can_view(actor, dossier):
            return Verification("tampered", fmt, kind, sha, dossier.id, dossier.title)
    return None


def _found(
    outcome: str, fmt: str, kind: str | None, approval: Approval, dossier: Dossier
) -> Verification:
    return Verification(
        outcome, fmt, kind, approval.sha256, dossier.id, dossier.title, approval.revision,
        approval.approver.display_name, approval.approved_at,
    )  # fmt: skip


def _renders_to(
    session: Session,
    approval: Approval,
    kind: str,
    fmt: str,
    data: bytes,
    checks: list[frozenset[str]],
) -> bool:
    """An award report is tried with each set of checks the file names (a bidder's name may
    hold a look-alike of the mark); without one, with the checks approved now."""
    for only in (checks or [None]) if kind == "award" else [None]:
        try:
            source = approved_source(session, approval, kind, only)
        except WorkflowError:
            continue
        if render(source, fmt) == data:
            return True
    return False
