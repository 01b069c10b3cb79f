"""Dossiers and their answers: create, import, list, read, save an answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import ColumnElement, bindparam, delete, false, insert, or_, select, true
from sqlalchemy.orm import Session, joinedload

from quickscan_app.answer_files import LoadedAnswers
from quickscan_app.domain.answers import (
    AnswerError,
    Answers,
    AnswerValue,
    DossierMeta,
    Text200,
    is_unknown,
    normalise_answer,
)
from quickscan_app.domain.library import Library
from quickscan_app.domain.questionnaire import Question, QuestionType
from quickscan_app.domain.workflow import IN_REVIEW_OR_DECIDED, Status
from quickscan_app.engine import Assessment, assess
from quickscan_app.i18n import format_date
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.errors import InvalidInput, NotFound
from quickscan_app.services.limits import NAME, dossier_key, shown
from quickscan_app.services.unit import Work, reading, unit_of_work
from quickscan_app.store.models import (
    Answer,
    AnswerChange,
    Approval,
    Comment,
    Decision,
    Dossier,
    PlanItem,
    User,
)
from quickscan_app.store.upsert import upsert

_INSERT_CHANGE = insert(AnswerChange)
_VERSION_OF = select(
    Dossier.id, Dossier.owner_id, Dossier.status, Dossier.submitted_once, Dossier.lock_version
).where(Dossier.id == bindparam("dossier"))
_ANSWERS_OF = select(Answer.question_id, Answer.value).where(
    Answer.dossier_id == bindparam("dossier")
)
_DELETE_ANSWER = delete(Answer).where(
    Answer.dossier_id == bindparam("d"), Answer.question_id == bindparam("q")
)


PUBLICATION = "planned_publication_date"
"""The planned publication date is dossier metadata and a question of the questionnaire. The
answer is the source; the dossier column (what overviews, the portfolio and the deadline flag
read, in SQL) is its copy, written in the same transaction as every change of the answer."""


def publication_question(library: Library) -> Question | None:
    """The questionnaire's planned-publication question, when it asks one (as a date)."""
    question = library.questionnaire.by_id.get(PUBLICATION)
    return question if question is not None and question.type is QuestionType.DATE else None


def publication_of(answer: AnswerValue | None) -> date | None:
    """The column's value for an answer: the date, or empty when unanswered or unknown."""
    return answer if isinstance(answer, date) else None


def _agreed_publication(
    library: Library, details: date | None, answers: Answers
) -> tuple[date | None, Answers]:
    """The planned publication date for a new dossier, and its answers with that date.

    A date given only in the metadata answers the question; one given only as an answer
    fills in the metadata; two different dates are refused, naming both.
    """
    if publication_question(library) is None:
        return details, answers  # not asked: the metadata is the only place it lives
    answer = answers.get(PUBLICATION)
    if answer is None:
        return details, answers if details is None else {**answers, PUBLICATION: details}
    if details is not None and answer != details:
        if is_unknown(answer):
            raise InvalidInput("publication_date_unknown", details=format_date(details, "nl"))
        raise InvalidInput(
            "publication_dates_differ",
            details=format_date(details, "nl"),
            answer=format_date(answer, "nl") if isinstance(answer, date) else str(answer),
        )
    return publication_of(answer), answers


class NewDossier(DossierMeta):
    """What the officer fills in on "new dossier": the title is required (and bounded, like
    every text of the metadata)."""

    title: Text200  # type: ignore[assignment]


def _validated_meta(data: dict[str, Any]) -> NewDossier:
    try:
        return NewDossier.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in error["loc"])
        raise InvalidInput("invalid_field", field=field, problem=error["msg"]) from None


def _library(ctx: ServiceContext, questionnaire_id: str | None, version: int | None) -> Library:
    try:
        return ctx.content.library(questionnaire_id, version)
    except KeyError as exc:
        raise InvalidInput("no_content", problem=exc.args[0]) from None


def library_of(ctx: ServiceContext, dossier: Dossier) -> Library:
    return _library(ctx, dossier.questionnaire_id, dossier.questionnaire_version)


def create_dossier(
    ctx: ServiceContext,
    actor: Actor,
    meta: dict[str, Any],
    *,
    questionnaire_id: str | None = None,
    questionnaire_version: int | None = None,
    demo: bool = False,
) -> int:
    """A new draft owned by the calling officer, pinned to a questionnaire version."""
    with unit_of_work(ctx, actor, "dossier.create", "dossier") as work:
        authz.require_role(actor, Role.OFFICER)
        return _insert_dossier(
            work, actor.user_id, meta, questionnaire_id, questionnaire_version, demo
        )


def _insert_dossier(
    work: Work,
    owner_id: int | None,
    meta: dict[str, Any],
    questionnaire_id: str | None,
    questionnaire_version: int | None,
    demo: bool,
    answers: Answers | None = None,
    answered_by_id: int | None = None,
) -> int:
    """The dossier row and its first answers (checked ones), all at revision and version 1."""
    checked = _validated_meta(meta)
    library = _library(work.ctx, questionnaire_id, questionnaire_version)
    if owner_id is None:
        raise InvalidInput("invalid_field", field="owner", problem="required")
    now = work.ctx.clock()
    values = checked.model_dump()
    values["language"] = values.get("language") or "nl"
    values[PUBLICATION], answers = _agreed_publication(
        library, checked.planned_publication_date, answers or {}
    )
    dossier = Dossier(
        **values,
        owner_id=owner_id,
        questionnaire_id=library.questionnaire.id,
        questionnaire_version=library.questionnaire.version,
        status=Status.DRAFT.value,
        revision=1,
        lock_version=1,
        demo=demo,
        created_at=now,
        updated_at=now,
        updated_by_id=owner_id,
        last_change="created",
    )
    work.session.add(dossier)
    work.session.flush()
    work.object_id = dossier.id
    work.details = {
        "questionnaire": f"{library.questionnaire.id}@{library.questionnaire.version}",
        "owner": owner_id,
    }
    by = answered_by_id or owner_id
    for question_id, value in answers.items():
        stored = answer_json(value)
        work.session.add(
            Answer(dossier_id=dossier.id, question_id=question_id, value=stored,
                   updated_by=by, updated_at=now)
        )  # fmt: skip
        work.session.add(
            AnswerChange(
                dossier_id=dossier.id, question_id=question_id, value=stored,
                revision=1, lock_version=1, changed_by=by, changed_at=now,
            )
        )  # fmt: skip
    if answers:
        work.details["answers"] = len(answers)
    return dossier.id


def import_dossier(
    ctx: ServiceContext, actor: Actor, loaded: LoadedAnswers, owner_name: str, *, demo: bool = False
) -> int:
    """A dossier from an answers file, owned by ``owner_name``; all answers in one transaction."""
    with unit_of_work(ctx, actor, "dossier.import", "dossier") as work:
        if not (actor.has(Role.ADMIN) or (actor.has(Role.OFFICER) and actor.name == owner_name)):
            raise authz.PermissionDenied("needs_role", roles=Role.ADMIN.value)
        owner = work.session.execute(
            select(User).where(User.name == owner_name[: NAME + 1])
        ).scalar_one_or_none()
        if owner is None:
            raise NotFound("user_not_found", user=shown(owner_name, NAME))
        if Role.OFFICER not in owner.role_names:
            raise InvalidInput(
                "invalid_field", field="owner", problem="the owner must be an officer"
            )
        # Whoever supplies the answers answered them: four-eyes keeps them from approving.
        answered_by_id = actor.user_id or owner.id
        meta = loaded.file.dossier.model_dump(exclude_none=True) if loaded.file.dossier else {}
        meta.setdefault("title", loaded.file.questionnaire)
        dossier_id = _insert_dossier(
            work,
            owner.id,
            meta,
            loaded.library.questionnaire.id,
            loaded.library.questionnaire.version,
            demo,
            loaded.answers,
            answered_by_id,
        )
        work.details.setdefault("answers", 0)
        work.dossier(dossier_id).last_change = "imported"
        return dossier_id


def save_answer(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    question_id: str,
    value: Any,
    expected_version: int,
) -> int:
    """Save (or with ``None`` clear) one answer; returns the dossier's new lock version.

    Refused with a conflict when the dossier changed after ``expected_version``.
    """
    with unit_of_work(ctx, actor, "answer.save", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_edit(actor, dossier)
        library = library_of(ctx, dossier)
        question = library.questionnaire.by_id.get(question_id)
        if question is None:
            raise InvalidInput("invalid_answer", question=question_id, problem="no such question")
        try:
            normalised = None if value is None else normalise_answer(question, value)
            stored = None if normalised is None else answer_json(normalised)
        except AnswerError as exc:
            raise InvalidInput(
                "invalid_answer", question=question_id, problem=exc.message
            ) from None
        version = work.touch(dossier, expected_version, f"answer {question_id}")
        if question is publication_question(library):
            planned = publication_of(normalised)
            dossier.planned_publication_date = planned  # the column follows the answer
            work.details[PUBLICATION] = planned.isoformat() if planned else None
        now = ctx.clock()
        conn = work.session.connection()
        if stored is None:
            conn.execute(_DELETE_ANSWER, {"d": dossier_id, "q": question_id})
        else:
            upsert(
                conn,
                Answer.__table__,
                {
                    "dossier_id": dossier_id,
                    "question_id": question_id,
                    "value": stored,
                    "updated_by": actor.user_id,
                    "updated_at": now,
                },
                ["dossier_id", "question_id"],
            )
        conn.execute(
            _INSERT_CHANGE,
            {
                "dossier_id": dossier_id, "question_id": question_id, "value": stored,
                "revision": dossier.revision, "lock_version": version,
                "changed_by": actor.user_id, "changed_at": now,
            },
        )  # fmt: skip
        work.details["question"] = question_id
        return version


def answer_json(value: Any) -> Any:
    """An answer as it is stored: dates as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


def answers_of(session: Session, library: Library, dossier_id: int) -> Answers:
    """Stored answers in engine form (dates back to ``date``); unknown question ids skipped."""
    rows = session.execute(_ANSWERS_OF, {"dossier": dossier_id})
    questions = library.questionnaire.by_id
    return {
        question_id: normalise_answer(questions[question_id], value)
        for question_id, value in rows
        if question_id in questions
    }


def answered_by(session: Session, dossier_id: int) -> set[int]:
    """Everyone who ever saved an answer in this dossier (for four-eyes)."""
    rows = session.execute(
        select(AnswerChange.changed_by).where(AnswerChange.dossier_id == dossier_id).distinct()
    )
    return {row[0] for row in rows}


@dataclass(frozen=True)
class DossierSummary:
    id: int
    title: str
    reference: str | None
    status: str
    revision: int
    owner: str
    owner_id: int
    planned_publication_date: date | None
    planned_rfq_date: date | None
    updated_at: Any
    lock_version: int
    questionnaire_id: str
    questionnaire_version: int


def visible_clause(actor: Actor) -> ColumnElement[bool]:
    """The dossiers ``actor`` may see, as a SQL condition (the same rule as ``authz.can_view``)."""
    if actor.has(Role.ADMIN):
        return true()
    visible: list[ColumnElement[bool]] = []
    if actor.has(Role.OFFICER) and actor.user_id is not None:
        visible.append(Dossier.owner_id == actor.user_id)
    if actor.has(Role.REVIEWER):
        visible.append(
            or_(
                Dossier.status.in_([s.value for s in IN_REVIEW_OR_DECIDED]),
                (Dossier.status == Status.ARCHIVED.value) & Dossier.submitted_once.is_(True),
            )
        )
    if actor.has(Role.RISK_OWNER):
        visible.append(
            or_(
                Dossier.status == Status.AWAITING_ACCEPTANCE.value,
                Dossier.put_to_risk_owner.is_(True),
            )
        )
    return or_(*visible) if visible else false()


def list_dossiers(ctx: ServiceContext, actor: Actor) -> list[DossierSummary]:
    """The dossiers this actor may see, newest change first."""
    query = (
        select(Dossier)
        .options(joinedload(Dossier.owner))
        .where(visible_clause(actor))
        .order_by(Dossier.updated_at.desc(), Dossier.id.desc())
    )
    with reading(ctx, actor, "dossier.list", "dossier") as session:
        return [
            DossierSummary(
                d.id,
                d.title,
                d.reference,
                d.status,
                d.revision,
                d.owner.display_name,
                d.owner_id,
                d.planned_publication_date,
                d.planned_rfq_date,
                d.updated_at,
                d.lock_version,
                d.questionnaire_id,
                d.questionnaire_version,
            )
            for d in session.execute(query).scalars()
        ]


@dataclass(frozen=True)
class DossierView:
    dossier: Dossier
    library: Library
    answers: Answers
    assessment: Assessment
    plan: list[PlanItem]
    comments: list[Comment]
    decisions: list[Decision]
    approvals: list[Approval]

    @property
    def chosen(self) -> list[str]:
        return [p.measure_id for p in self.plan if p.decision == "selected"]


def get_dossier(
    ctx: ServiceContext, actor: Actor, dossier_id: int, *, with_history: bool = True
) -> DossierView:
    """Everything about one dossier the actor may see, with its current assessment.

    ``with_history=False`` leaves out decisions and approvals (the wizard does not show them).
    """
    with reading(ctx, actor, "dossier.read", "dossier", dossier_id) as session:
        dossier = session.get(Dossier, dossier_key(dossier_id), options=[joinedload(Dossier.owner)])
        if dossier is None:
            raise NotFound("not_found", dossier=dossier_id)
        authz.require_view(actor, dossier)
        return load_view(ctx, session, dossier, with_history=with_history)


def current_version(ctx: ServiceContext, actor: Actor, dossier_id: int) -> int:
    """The dossier's lock version, after the same checks as a read: lets a page reuse what it
    loaded before when nothing changed since."""
    with reading(ctx, actor, "dossier.read", "dossier", dossier_id) as session:
        row = session.execute(_VERSION_OF, {"dossier": dossier_key(dossier_id)}).one_or_none()
        if row is None:
            raise NotFound("not_found", dossier=dossier_id)
        authz.require_view(actor, row)
        return row.lock_version


def load_view(
    ctx: ServiceContext, session: Session, dossier: Dossier, *, with_history: bool = True
) -> DossierView:
    library = library_of(ctx, dossier)
    answers = answers_of(session, library, dossier.id)
    plan = list(
        session.execute(
            select(PlanItem).where(PlanItem.dossier_id == dossier.id).order_by(PlanItem.measure_id)
        ).scalars()
    )
    chosen = [
        p.measure_id
        for p in plan
        if p.decision == "selected" and p.measure_id in library.catalogue.by_id
    ]

    def rows(model, order):  # type: ignore[no-untyped-def]
        return list(
            session.execute(
                select(model).where(model.dossier_id == dossier.id).order_by(order)
            ).scalars()
        )

    return DossierView(
        dossier=dossier,
        library=library,
        answers=answers,
        assessment=assess(library, answers, chosen),
        plan=plan,
        comments=rows(Comment, Comment.id),
        decisions=rows(Decision, Decision.id) if with_history else [],
        approvals=rows(Approval, Approval.id) if with_history else [],
    )
