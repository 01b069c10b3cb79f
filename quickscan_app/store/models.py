"""The tables. Dossier content is versioned; approvals hold a frozen snapshot and its hash."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        datetime: DateTime(timezone=True),
    }


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    """Where the daily digest of what waits for the user goes; empty: no e-mail."""
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    roles: Mapped[list[UserRole]] = relationship(
        cascade="all, delete-orphan", order_by="UserRole.role"
    )

    @property
    def role_names(self) -> frozenset[str]:
        return frozenset(r.role for r in self.roles)


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class Dossier(Base):
    __tablename__ = "dossiers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(200))
    contracting_authority: Mapped[str | None] = mapped_column(String(200))
    object_category: Mapped[str | None] = mapped_column(String(80))
    cpv_code: Mapped[str | None] = mapped_column(String(12))
    estimated_value: Mapped[float | None] = mapped_column(Numeric(16, 2, asdecimal=False))
    procedure_type: Mapped[str | None] = mapped_column(String(80))
    planned_rfq_date: Mapped[date | None] = mapped_column(Date)
    planned_publication_date: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(2), default="nl")
    classification: Mapped[str | None] = mapped_column(String(200))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    questionnaire_id: Mapped[str] = mapped_column(String(80))
    questionnaire_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(24), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    """Dossier version as people see it: 1, then 2 after the first reopen, …"""
    lock_version: Mapped[int] = mapped_column(Integer, default=1)
    """Optimistic-locking counter: raised by every change; a write names the one it saw."""
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    """Who made the last change; empty when it was the command line."""
    last_change: Mapped[str] = mapped_column(String(200), default="")
    """What the last change was, e.g. ``answer remote_maintenance``: named in conflict errors."""
    owner: Mapped[User] = relationship(foreign_keys=[owner_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])
    submitted_once: Mapped[bool] = mapped_column(Boolean, default=False)
    """Ever sent for review: only such dossiers are a reviewer's business once archived."""
    put_to_risk_owner: Mapped[bool] = mapped_column(Boolean, default=False)
    """Ever put before a risk owner for acceptance: such dossiers stay theirs to see."""


class Answer(Base):
    """The current answer to one question of one dossier."""

    __tablename__ = "answers"

    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]


class AnswerChange(Base):
    """Every answer ever saved (``value`` null when cleared), for history and four-eyes."""

    __tablename__ = "answer_changes"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(80))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    revision: Mapped[int] = mapped_column(Integer)
    lock_version: Mapped[int] = mapped_column(Integer)
    changed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime]


class PlanItem(Base):
    """A measure chosen for the plan, or a proposal rejected with a justification."""

    __tablename__ = "plan_items"
    __table_args__ = (UniqueConstraint("dossier_id", "measure_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    measure_id: Mapped[str] = mapped_column(String(80))
    decision: Mapped[str] = mapped_column(String(12))  # selected | rejected
    justification: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    phase: Mapped[str | None] = mapped_column(String(40))
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    target_kind: Mapped[str] = mapped_column(String(12))  # dossier | section | measure
    target_id: Mapped[str | None] = mapped_column(String(80))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    author: Mapped[User] = relationship(lazy="joined")


class Decision(Base):
    """A reviewer's or owner's workflow step: submitted, changes requested, approved, …"""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    """Empty when the command line (the system) took the step."""
    from_status: Mapped[str] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    review_date: Mapped[date | None] = mapped_column(Date)
    """The review date set with an approval or an acceptance (earlier than a year)."""
    actor: Mapped[User | None] = relationship(lazy="joined")


class Approval(Base):
    """The frozen record of an approved plan: snapshot JSON and its SHA-256."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    approver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approver_role: Mapped[str] = mapped_column(String(20))
    approved_at: Mapped[datetime]
    snapshot: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    review_date: Mapped[date | None] = mapped_column(Date)
    """When the plan is reviewed again at the latest; empty on approvals from before review
    dates were kept (then a year after ``approved_at``)."""
    approver: Mapped[User] = relationship(lazy="joined")


class Acceptance(Base):
    """The risk owner's decision on the residual risk a reviewer approved: accepted (with a
    justification, conditions and a review date) or refused (back to the officer)."""

    __tablename__ = "acceptances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    risk_owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime]
    accepted: Mapped[bool] = mapped_column(Boolean)
    justification: Mapped[str] = mapped_column(Text)
    conditions: Mapped[str | None] = mapped_column(Text)
    review_date: Mapped[date | None] = mapped_column(Date)
    residual: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    """The residual risks put before the risk owner: scenario, likelihood, impact, level."""
    risk_owner: Mapped[User] = relationship(lazy="joined")


class Bidder(Base):
    """A bidder at award, checked against the dossier's approved plan; reviewed four-eyes."""

    __tablename__ = "bidders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    """The dossier revision (approved plan) the bidder is checked against."""
    name: Mapped[str] = mapped_column(String(200))
    registration_country: Mapped[str | None] = mapped_column(String(100))
    parent_country: Mapped[str | None] = mapped_column(String(100))
    ownership: Mapped[str | None] = mapped_column(Text)
    """Owners, ultimate beneficial owners and any state influence, as the bid states them."""
    subcontractors: Mapped[str | None] = mapped_column(Text)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """The ``per_bidder`` questions answered for this bidder."""
    responses: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Measure id -> {"response": met | not_met | unknown, "note": text}."""
    status: Mapped[str] = mapped_column(String(24), default="draft")
    lock_version: Mapped[int] = mapped_column(Integer, default=1)
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    editors: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """User ids (as keys) of everyone who changed the record: none of them may approve it."""
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str | None] = mapped_column(Text)
    snapshot: Mapped[str | None] = mapped_column(Text)
    """Canonical JSON of the approved check (record and result), frozen at approval."""
    sha256: Mapped[str | None] = mapped_column(String(64))
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id], lazy="joined")
    reply_status: Mapped[str | None] = mapped_column(String(16))
    """The bidder's own answers through a link (``services.bidder_replies``): empty when the
    officer typed the check in; ``invited``, ``answering`` or ``submitted``."""
    reply: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    """What the bidder submitted, frozen: fields, answers, responses and when."""
    corrections: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    """The officer's corrections of the submitted answers: item (``answers.<question>``,
    ``responses.<measure>`` or a field) -> note, who and when; the bidder's value is in
    ``reply``, the corrected one in the check's own columns."""
    reply_note: Mapped[str | None] = mapped_column(Text)
    """The officer's note when reopening a submission, shown to the bidder."""


class BidderInvitation(Base):
    """A link for one bidder to answer for itself, bound to the dossier and the plan revision.
    Only the SHA-256 of its token is kept; a new link ends the one before it."""

    __tablename__ = "bidder_invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bidder_id: Mapped[int] = mapped_column(ForeignKey("bidders.id", ondelete="CASCADE"), index=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    lang: Mapped[str] = mapped_column(String(2))
    evidence: Mapped[list[str]] = mapped_column(JSON)
    """The requirements (measure ids) for which the bidder is asked to add evidence."""
    expires_at: Mapped[datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    ended_reason: Mapped[str | None] = mapped_column(String(16))
    """``revoked`` (by the officer) or ``replaced`` (by a new link)."""
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class BidderEvidence(Base):
    """An evidence file (PDF) a bidder added to a requirement, kept in the database."""

    __tablename__ = "bidder_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bidder_id: Mapped[int] = mapped_column(ForeignKey("bidders.id", ondelete="CASCADE"), index=True)
    measure_id: Mapped[str] = mapped_column(String(80))
    file_name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime]


class DossierRisk(Base):
    """The assessment of a dossier as it stood at ``lock_version``: a cache the portfolio reads
    with SQL instead of scoring every dossier on each view. Stale rows (another lock version)
    are recomputed before use; it holds nothing that cannot be computed again."""

    __tablename__ = "dossier_risk"

    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    lock_version: Mapped[int] = mapped_column(Integer)
    overall_level: Mapped[str | None] = mapped_column(String(12), index=True)
    residual_level: Mapped[str | None] = mapped_column(String(12), index=True)
    full_analysis: Mapped[bool] = mapped_column(Boolean, default=False)
    open_required: Mapped[int] = mapped_column(Integer, default=0)
    computed_at: Mapped[datetime]


class DossierScenarioRisk(Base):
    """One scenario of one dossier, before and after the chosen measures (same cache)."""

    __tablename__ = "dossier_scenario_risk"
    __table_args__ = (
        # Covers the portfolio heatmap: cells of the kept dossiers without reading the rows.
        Index("ix_dossier_scenario_risk_cell", "dossier_id", "residual_likelihood",
              "residual_impact"),
    )  # fmt: skip

    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    scenario_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    likelihood: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(12))
    residual_likelihood: Mapped[int] = mapped_column(Integer)
    residual_impact: Mapped[int] = mapped_column(Integer)
    residual_level: Mapped[str] = mapped_column(String(12))


class AuditEvent(Base):
    """Append-only; each row carries the hash of the one before (BIO2 8.15.01 fields).

    ``hash`` is plain SHA-256 before the chain's switch-over to a key (an ``audit.key`` event)
    and HMAC-SHA-256 with that key from the switch-over on."""

    __tablename__ = "audit_events"
    __table_args__ = (
        # Sign-in throttling reads recent login attempts per account and per origin.
        Index("ix_audit_events_account", "action", "object_id", "seq"),
        Index("ix_audit_events_origin", "action", "origin", "occurred_at"),
    )

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    occurred_at: Mapped[str] = mapped_column(String(40))
    """UTC ISO-8601 text, so the hashed form is the stored form on every database."""
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(80))
    result: Mapped[str] = mapped_column(String(16))  # success | denied | failure
    origin: Mapped[str] = mapped_column(String(120))
    details: Mapped[str] = mapped_column(Text, default="{}")
    """Canonical JSON text (sorted keys), hashed as stored."""
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the last sequence number and hash. Locking it serialises appends."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(16))
    """The key the chain is sealed with since its last switch-over; empty: not keyed (yet)."""
    mac: Mapped[str | None] = mapped_column(String(64))
    """HMAC of seq and hash with that key: moving the head back needs the key."""
