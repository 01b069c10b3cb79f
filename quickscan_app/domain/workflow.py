"""Dossier states and the transitions between them (pure: no users, no database)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    ARCHIVED = "archived"


class Step(StrEnum):
    SUBMIT = "submit"
    REQUEST_CHANGES = "request_changes"
    APPROVE = "approve"
    REOPEN = "reopen"
    ARCHIVE = "archive"


TRANSITIONS: dict[Step, tuple[frozenset[Status], Status]] = {
    Step.SUBMIT: (frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}), Status.SUBMITTED),
    Step.REQUEST_CHANGES: (frozenset({Status.SUBMITTED}), Status.CHANGES_REQUESTED),
    Step.APPROVE: (frozenset({Status.SUBMITTED}), Status.APPROVED),
    Step.REOPEN: (frozenset({Status.APPROVED}), Status.DRAFT),
    Step.ARCHIVE: (
        frozenset({Status.DRAFT, Status.CHANGES_REQUESTED, Status.APPROVED}),
        Status.ARCHIVED,
    ),
}

EDITABLE = frozenset({Status.DRAFT, Status.CHANGES_REQUESTED})
"""Answers and plan can change only here."""

IN_REVIEW_OR_DECIDED = frozenset({Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.APPROVED})


def reviewer_may_see(status: Status, submitted_once: bool) -> bool:
    """Reviewers see what is or was under review; a draft that was never submitted (also
    once archived) stays with its owner."""
    return status in IN_REVIEW_OR_DECIDED or (status is Status.ARCHIVED and submitted_once)


def target(step: Step, current: Status) -> Status | None:
    """The state ``step`` leads to from ``current``, or None when it is not allowed."""
    sources, destination = TRANSITIONS[step]
    return destination if current in sources else None
