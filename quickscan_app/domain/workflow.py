"""Dossier states and the transitions between them (pure: no users, no database)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    AWAITING_ACCEPTANCE = "awaiting_acceptance"
    """Approved by the reviewer; the residual risk waits for the risk owner to accept it
    (ISO/IEC 27001:2022, 6.1.3 f)."""
    APPROVED = "approved"
    ARCHIVED = "archived"


class Step(StrEnum):
    SUBMIT = "submit"
    REQUEST_CHANGES = "request_changes"
    APPROVE = "approve"
    APPROVE_FOR_ACCEPTANCE = "approve_for_acceptance"
    ACCEPT = "accept"
    REFUSE_ACCEPTANCE = "refuse_acceptance"
    REOPEN = "reopen"
    CHANGE_SETUP = "change_setup"
    ARCHIVE = "archive"


TRANSITIONS: dict[Step, tuple[frozenset[Status], Status]] = {
    Step.SUBMIT: (frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}), Status.SUBMITTED),
    Step.REQUEST_CHANGES: (frozenset({Status.SUBMITTED}), Status.CHANGES_REQUESTED),
    Step.APPROVE: (frozenset({Status.SUBMITTED}), Status.APPROVED),
    Step.APPROVE_FOR_ACCEPTANCE: (frozenset({Status.SUBMITTED}), Status.AWAITING_ACCEPTANCE),
    Step.ACCEPT: (frozenset({Status.AWAITING_ACCEPTANCE}), Status.APPROVED),
    Step.REFUSE_ACCEPTANCE: (frozenset({Status.AWAITING_ACCEPTANCE}), Status.CHANGES_REQUESTED),
    Step.REOPEN: (frozenset({Status.APPROVED}), Status.DRAFT),
    Step.CHANGE_SETUP: (frozenset({Status.APPROVED}), Status.DRAFT),
    Step.ARCHIVE: (
        frozenset(
            {Status.DRAFT, Status.CHANGES_REQUESTED, Status.AWAITING_ACCEPTANCE, Status.APPROVED}
        ),
        Status.ARCHIVED,
    ),
}

ACCEPTANCE_FROM = "high"
"""A residual level from which the risk owner must accept what remains (high, very high)."""

REVIEW_AFTER_DAYS = 365
"""An approval is reviewed at the latest a year after it was given."""

EDITABLE = frozenset({Status.DRAFT, Status.CHANGES_REQUESTED})
"""Answers and plan can change only here."""

IN_REVIEW_OR_DECIDED = frozenset(
    {Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.AWAITING_ACCEPTANCE, Status.APPROVED}
)


def risk_owner_may_see(status: Status, accepted_once: bool) -> bool:
    """Risk owners see what waits for their acceptance and what was put before one."""
    return status is Status.AWAITING_ACCEPTANCE or accepted_once


def reviewer_may_see(status: Status, submitted_once: bool) -> bool:
    """Reviewers see what is or was under review; a draft that was never submitted (also
    once archived) stays with its owner."""
    return status in IN_REVIEW_OR_DECIDED or (status is Status.ARCHIVED and submitted_once)


def target(step: Step, current: Status) -> Status | None:
    """The state ``step`` leads to from ``current``, or None when it is not allowed."""
    sources, destination = TRANSITIONS[step]
    return destination if current in sources else None
