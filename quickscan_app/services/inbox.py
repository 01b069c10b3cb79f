"""What waits for a user: dossiers to review or accept, bidder checks to decide, plans sent
back, comments to answer, publications near while the plan is not approved, re-assessments.

Read-only, in one read after the live-account check, with a handful of small queries: the
sidebar shows the count on every page. Each kind of item comes from one small function, so a
new kind (or a new role) plugs in by adding one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, Integer, Select, and_, bindparam, exists, func, or_, select, union_all
from sqlalchemy.orm import Session

from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import Status
from quickscan_app.i18n import AMSTERDAM, format_date, plural, t
from quickscan_app.services.bidders import waiting_in
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.overview import days_left, deadline_flagged
from quickscan_app.services.portfolio import DEADLINE_DAYS, SETTLED
from quickscan_app.services.unit import reading
from quickscan_app.store.models import (
    AnswerChange,
    Comment,
    Decision,
    Dossier,
    PlanItem,
)

RISK_OWNER = "risk_owner"
"""The risk owner's role by its value: ``Role.RISK_OWNER`` where the role exists."""


class Kind(StrEnum):
    """The kinds of item, in the order the inbox shows them."""

    REVIEW = "review"
    ACCEPT = "accept"
    BIDDER_CHECK = "bidder_check"
    SENT_BACK = "sent_back"
    COMMENTS = "comments"
    DEADLINE = "deadline"
    REASSESS = "reassess"


@dataclass(frozen=True)
class InboxItem:
    kind: Kind
    dossier_id: int
    title: str
    reference: str | None
    since: date | None
    """Since when it waits (the submission, the request for changes, the first new comment,
    the day the publication came within six weeks, ...)."""
    page: str
    """The page (``ui/pages_index.py`` name) where the user acts on it."""
    step: str | None = None
    """The step of that page (the wizard's ``step`` parameter), if any."""
    count: int = 1
    """Comments: how many are new."""
    subject: str | None = None
    """Bidder checks: the bidder's name; re-assessments: the reason, when given."""
    due: date | None = None
    """Deadlines: the planned publication; re-assessments: the review date, when given."""


OFFICER_PAGE, REVIEW_PAGE = "dossier", "review"
ACCEPT_PAGE = "acceptance"
"""Where a risk owner accepts (the lead's acceptance page may replace it)."""
PLAN_STEP, SUBMIT_STEP = "plan", "submit"


def inbox(ctx: ServiceContext, actor: Actor, today: date) -> list[InboxItem]:
    """Everything that waits for ``actor``, grouped by kind (``Kind`` order), oldest first."""
    with reading(ctx, actor, "inbox.read", "inbox") as session:
        items = [item for kind in _SOURCES for item in kind(ctx, session, actor, today)]
    items += _reassessments_due(ctx, actor)
    order = list(Kind)
    return sorted(items, key=lambda i: (order.index(i.kind), i.since or date.max, i.dossier_id))


def count(ctx: ServiceContext, actor: Actor, today: date) -> int:
    """The number of items (the sidebar's count)."""
    return len(inbox(ctx, actor, today))


def _aware(at: datetime) -> datetime:
    """A stored moment with its time zone (SQLite gives them back without: they are UTC)."""
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _day(at: datetime | None) -> date | None:
    """A stored moment as the day it was in the Netherlands."""
    return _aware(at).astimezone(AMSTERDAM).date() if at is not None else None


def _last_decision(to_status: str) -> Any:
    """The moment of a dossier's newest decision that led to ``to_status``."""
    return (
        select(func.max(Decision.created_at))
        .where(Decision.dossier_id == Dossier.id, Decision.to_status == to_status)
        .correlate(Dossier)
        .scalar_subquery()
    )


# The queries are built once, with the user as a parameter: the sidebar runs them on every
# page, so only the database's part of the work is left.
_ME = bindparam("me", type_=Integer)
_AWAITING = getattr(Status, "AWAITING_ACCEPTANCE", None)
_DECIDED = [Status.APPROVED.value, *([_AWAITING.value] if _AWAITING else [])]
"""A decision that settles what was said before it."""


def _waiting(status: str, *extra: Any) -> Select[Any]:
    """Dossiers in ``status`` with when they came there: never the user's own, none they
    answered in (four-eyes)."""
    answered = exists().where(AnswerChange.dossier_id == Dossier.id, AnswerChange.changed_by == _ME)
    return select(Dossier.id, Dossier.title, Dossier.reference, _last_decision(status)).where(
        Dossier.status == status, Dossier.owner_id != _ME, ~answered, *extra
    )


# Every reviewer may see a submitted plan, every risk owner one awaiting acceptance
# (``domain.workflow``): the status is the visibility rule here.
_TO_REVIEW = _waiting(Status.SUBMITTED.value)
_TO_ACCEPT = (
    _waiting(
        _AWAITING.value,
        ~exists().where(
            Decision.dossier_id == Dossier.id,
            Decision.revision == Dossier.revision,
            Decision.actor_id == _ME,
        ),
    )
    if _AWAITING
    else None
)
_SENT_BACK = select(
    Dossier.id,
    Dossier.title,
    Dossier.reference,
    _last_decision(Status.CHANGES_REQUESTED.value),
).where(Dossier.owner_id == _ME, Dossier.status == Status.CHANGES_REQUESTED.value)
_OWN = and_(Dossier.owner_id == _ME, Dossier.status != Status.ARCHIVED.value)
_OWNED = select(Dossier.id).where(_OWN)
_ACTED = union_all(
    select(Comment.dossier_id.label("d"), Comment.created_at.label("at")).where(
        Comment.author_id == _ME, Comment.dossier_id.in_(_OWNED)
    ),
    select(Decision.dossier_id, Decision.created_at).where(
        or_(Decision.actor_id == _ME, Decision.to_status.in_(_DECIDED)),
        Decision.dossier_id.in_(_OWNED),
    ),
    select(AnswerChange.dossier_id, AnswerChange.changed_at).where(
        AnswerChange.changed_by == _ME, AnswerChange.dossier_id.in_(_OWNED)
    ),
    select(PlanItem.dossier_id, PlanItem.updated_at).where(
        PlanItem.updated_by == _ME, PlanItem.dossier_id.in_(_OWNED)
    ),
).subquery()
_LAST_ACTION = select(_ACTED.c.d, func.max(_ACTED.c.at)).group_by(_ACTED.c.d)
_COMMENTS = (
    select(
        Dossier.id,
        Dossier.title,
        Dossier.reference,
        Dossier.questionnaire_id,
        Dossier.questionnaire_version,
        Comment.created_at,
        Comment.target_kind,
        Comment.target_id,
    )
    .join(Comment, Comment.dossier_id == Dossier.id)
    .where(_OWN, Comment.author_id != _ME)
    .order_by(Dossier.id, Comment.created_at, Comment.id)
)
_DEADLINES = select(
    Dossier.id,
    Dossier.title,
    Dossier.reference,
    Dossier.status,
    Dossier.planned_publication_date,
    Dossier.planned_rfq_date,
).where(
    Dossier.owner_id == _ME,
    Dossier.status.not_in(SETTLED),
    func.coalesce(Dossier.planned_publication_date, Dossier.planned_rfq_date)
    <= bindparam("limit", type_=Date),
)

Source = Callable[[ServiceContext, Session, Actor, date], list[InboxItem]]


def _to_review(ctx: ServiceContext, session: Session, actor: Actor, today: date) -> list[InboxItem]:
    """Reviewers: submitted plans waiting for review, never their own (four-eyes)."""
    if not actor.has(Role.REVIEWER) or actor.user_id is None:
        return []
    return [
        InboxItem(Kind.REVIEW, d, title, ref, _day(at), REVIEW_PAGE)
        for d, title, ref, at in session.execute(_TO_REVIEW, {"me": actor.user_id})
    ]


def _to_accept(ctx: ServiceContext, session: Session, actor: Actor, today: date) -> list[InboxItem]:
    """Risk owners: plans approved by a reviewer whose residual risk waits for acceptance;
    never one they own, answered in or reviewed in this revision (four-eyes)."""
    if actor.user_id is None or not any(role.value == RISK_OWNER for role in actor.roles):
        return []
    if _TO_ACCEPT is None:
        return []
    return [
        InboxItem(Kind.ACCEPT, d, title, ref, _day(at), ACCEPT_PAGE)
        for d, title, ref, at in session.execute(_TO_ACCEPT, {"me": actor.user_id})
    ]


def _bidder_checks(
    ctx: ServiceContext, session: Session, actor: Actor, today: date
) -> list[InboxItem]:
    """Reviewers: submitted bidder checks to decide (``bidders.waiting_checks``)."""
    return [
        InboxItem(
            Kind.BIDDER_CHECK,
            c.dossier_id,
            c.dossier_title,
            c.dossier_reference,
            _day(c.since),
            REVIEW_PAGE,
            subject=c.bidder_name,
        )
        for c in waiting_in(session, actor)
    ]


def _sent_back(ctx: ServiceContext, session: Session, actor: Actor, today: date) -> list[InboxItem]:
    """Officers: their plans the reviewer (or risk owner) sent back for changes."""
    if not actor.has(Role.OFFICER) or actor.user_id is None:
        return []
    return [
        InboxItem(Kind.SENT_BACK, d, title, ref, _day(at), OFFICER_PAGE)
        for d, title, ref, at in session.execute(_SENT_BACK, {"me": actor.user_id})
    ]


def _comments_to_answer(
    ctx: ServiceContext, session: Session, actor: Actor, today: date
) -> list[InboxItem]:
    """Officers: comments by others on their dossiers, newer than the officer's own last
    action there (a comment, a workflow step, an answer or a plan change) and than the
    plan's approval (what was said before the decision is settled by it)."""
    if not actor.has(Role.OFFICER) or actor.user_id is None:
        return []
    me = {"me": actor.user_id}
    last = dict(session.execute(_LAST_ACTION, me).all())
    found: dict[int, InboxItem] = {}
    for row in session.execute(_COMMENTS, me):
        before = last.get(row.id)
        if before is not None and _aware(row.created_at) <= _aware(before):
            continue
        first = found.get(row.id)
        if first is None:
            step = _comment_step(ctx, row)
            found[row.id] = InboxItem(
                Kind.COMMENTS,
                row.id,
                row.title,
                row.reference,
                _day(row.created_at),
                OFFICER_PAGE,
                step,
            )
        else:
            found[row.id] = _with_count(first, first.count + 1)
    return list(found.values())


def _with_count(item: InboxItem, number: int) -> InboxItem:
    return InboxItem(**{**item.__dict__, "count": number})


def _comment_step(ctx: ServiceContext, row: Any) -> str | None:
    """The wizard step where a comment is shown: its section, the plan, or the top."""
    if row.target_kind == "section":
        return row.target_id
    if row.target_kind == "measure":
        return PLAN_STEP
    if row.target_kind == "question" and row.target_id:
        try:
            library = ctx.content.library(row.questionnaire_id, row.questionnaire_version)
        except KeyError:
            return None
        return library.questionnaire.section_of.get(row.target_id)
    return None


def _deadlines(ctx: ServiceContext, session: Session, actor: Actor, today: date) -> list[InboxItem]:
    """Officers: their plans not approved whose publication (or request for quotation) is
    within six weeks or past (the overview's deadline flag)."""
    if not actor.has(Role.OFFICER) or actor.user_id is None:
        return []
    limit = today + timedelta(days=DEADLINE_DAYS)
    items = []
    for d, title, ref, status, publication, rfq in session.execute(
        _DEADLINES, {"me": actor.user_id, "limit": limit}
    ):
        if not deadline_flagged(days_left(publication, rfq, today), status):
            continue
        due = publication or rfq
        items.append(
            InboxItem(
                Kind.DEADLINE,
                d,
                title,
                ref,
                due - timedelta(days=DEADLINE_DAYS),
                OFFICER_PAGE,
                SUBMIT_STEP,
                due=due,
            )
        )
    return items


_SOURCES: tuple[Source, ...] = (
    _to_review,
    _to_accept,
    _bidder_checks,
    _sent_back,
    _comments_to_answer,
    _deadlines,
)


def _reassessments_due(ctx: ServiceContext, actor: Actor) -> list[InboxItem]:
    """Officers: approved plans whose re-assessment is due, from
    ``services.reassessment.due(ctx, actor)`` once that exists (nothing before).

    Each thing ``due`` returns is read by its attributes ``dossier_id``, ``title``,
    ``reference`` and, where it has them, ``since`` (a date), ``reason`` (text) and
    ``review_date`` (a date); ``step`` names the wizard step to open, if any.
    """
    if not actor.has(Role.OFFICER) or actor.user_id is None:
        return []
    try:
        module = importlib.import_module("quickscan_app.services.reassessment")
    except ImportError:
        return []
    due = getattr(module, "due", None)
    if due is None:
        return []
    return [
        InboxItem(
            Kind.REASSESS,
            r.dossier_id,
            r.title,
            getattr(r, "reference", None),
            getattr(r, "since", None),
            OFFICER_PAGE,
            getattr(r, "step", None),
            subject=getattr(r, "reason", None),
            due=getattr(r, "review_date", None),
        )
        for r in due(ctx, actor)
    ]


def describe(item: InboxItem, lang: Lang, today: date) -> str:
    """What to do, in words (plain text: the caller escapes it for markdown)."""
    if item.kind is Kind.COMMENTS:
        return plural("inbox.todo.comments", item.count, lang)
    if item.kind is Kind.DEADLINE and item.due is not None:
        days = (item.due - today).days
        when = format_date(item.due, lang)
        if days <= 0:
            key = "inbox.todo.deadline_today" if days == 0 else "inbox.todo.deadline_past"
            return t(key, lang).format(date=when)
        return plural("inbox.todo.deadline", days, lang, date=when)
    if item.kind is Kind.BIDDER_CHECK:
        return t("inbox.todo.bidder_check", lang).format(bidder=item.subject or "")
    text = t(f"inbox.todo.{item.kind.value}", lang)
    if item.kind is Kind.REASSESS:
        reason = t(f"ui.due.reason.{item.subject}", lang) if item.subject else ""
        extra = [reason, format_date(item.due, lang) if item.due else ""]
        text += "".join(f" — {part}" for part in extra if part)
    return text
