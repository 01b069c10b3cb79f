"""A new questionnaire version: what it changes for a dossier, and moving a dossier onto it.

Moving makes a new dossier version (revision): answers that still fit are carried over, the
rest are cleared; every old answer stays in the answer history under the old revision, and
an earlier approval keeps its snapshot. Nothing of the old version is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from quickscan_app.domain.library import Library
from quickscan_app.domain.versions import (
    CarryOver,
    QuestionnaireDiff,
    carry_over,
    diff_questionnaires,
)
from quickscan_app.domain.workflow import EDITABLE, Status
from quickscan_app.engine import assess
from quickscan_app.engine.assessment import Assessment
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import (
    PUBLICATION,
    answer_json,
    answers_of,
    get_dossier,
    library_of,
    publication_of,
    publication_question,
)
from quickscan_app.services.errors import InvalidInput, WorkflowError
from quickscan_app.services.snapshot import plan_record
from quickscan_app.services.unit import unit_of_work
from quickscan_app.store.models import Answer, AnswerChange, Decision, PlanItem
from quickscan_app.store.upsert import upsert

UPGRADABLE = EDITABLE | {Status.APPROVED}
"""In review a dossier stays as it is: the reviewer decides on what was submitted."""


@dataclass(frozen=True)
class VersionImpact:
    diff: QuestionnaireDiff
    carry: CarryOver
    before: Assessment
    after: Assessment
    """The assessment on the new version with only the carried-over answers and measures."""
    measures_dropped: tuple[str, ...]

    @property
    def risks_changed(self) -> list[tuple[str, str, str]]:
        """(scenario, level before, level after) where the level moves."""
        old = {s.scenario_id: s.level.value for s in self.before.scenarios}
        return [
            (s.scenario_id, old.get(s.scenario_id, "–"), s.level.value)
            for s in self.after.scenarios
            if old.get(s.scenario_id) != s.level.value
        ]


def newer_library(ctx: ServiceContext, current: Library) -> Library | None:
    """The newest version of the same questionnaire, if newer than ``current``."""
    newest = ctx.content.library(current.questionnaire.id)
    return newest if newest.questionnaire.version > current.questionnaire.version else None


def _target(ctx: ServiceContext, current: Library, version: int | None) -> Library:
    try:
        target = ctx.content.library(current.questionnaire.id, version)
    except KeyError as exc:
        raise InvalidInput("invalid_field", field="version", problem=str(exc.args[0])) from None
    if target.questionnaire.version <= current.questionnaire.version:
        raise WorkflowError(
            "no_newer_version",
            questionnaire=current.questionnaire.id,
            version=current.questionnaire.version,
        )
    return target


def impact(
    ctx: ServiceContext, actor: Actor, dossier_id: int, version: int | None = None
) -> VersionImpact:
    """What moving the dossier to ``version`` (default: the newest) would change."""
    view = get_dossier(ctx, actor, dossier_id, with_history=False)
    target = _target(ctx, view.library, version)
    return impact_of(view.library, target, view.answers, view.chosen, view.assessment)


def impact_of(
    current: Library, target: Library, answers: dict, chosen: list[str], before: Assessment
) -> VersionImpact:
    diff = diff_questionnaires(current.questionnaire, target.questionnaire)
    carry = carry_over(diff, answers)
    kept_measures = [m for m in chosen if m in target.catalogue.by_id]
    after = assess(target, carry.kept, kept_measures)
    dropped = tuple(m for m in chosen if m not in target.catalogue.by_id)
    return VersionImpact(diff, carry, before, after, dropped)


def move_to_version(
    ctx: ServiceContext,
    actor: Actor,
    dossier_id: int,
    expected_version: int,
    version: int | None = None,
) -> int:
    """Carry the dossier over to a newer questionnaire version as a new dossier version."""
    with unit_of_work(ctx, actor, "dossier.new_questionnaire", "dossier", dossier_id) as work:
        dossier = work.dossier(dossier_id)
        authz.require_owner(actor, dossier)
        status = Status(dossier.status)
        if status not in UPGRADABLE:
            raise WorkflowError("transition", dossier=dossier.id, status=status.value,
                                step="new_questionnaire")  # fmt: skip
        current = library_of(ctx, dossier)
        target = _target(ctx, current, version)
        answers = answers_of(work.session, current, dossier.id)
        chosen = list(
            work.session.execute(
                select(PlanItem.measure_id).where(
                    PlanItem.dossier_id == dossier.id, PlanItem.decision == "selected"
                )
            ).scalars()
        )
        found = impact_of(current, target, answers, chosen, assess(current, answers, chosen))
        old = f"{current.questionnaire.id} v{current.questionnaire.version}"
        new = f"{target.questionnaire.id} v{target.questionnaire.version}"
        lock = work.touch(dossier, expected_version, f"questionnaire {old} -> {new}")
        dossier.revision += 1
        dossier.questionnaire_version = target.questionnaire.version
        if status is Status.APPROVED:
            dossier.status = Status.DRAFT.value
        now = ctx.clock()
        work.session.add(
            Decision(dossier_id=dossier.id, revision=dossier.revision, actor_id=actor.user_id,
                     from_status=status.value, to_status=dossier.status,
                     note=f"{old} → {new}", created_at=now)
        )  # fmt: skip
        _rewrite_answers(work, dossier.id, dossier.revision, lock, answers, found.carry, now)
        if PUBLICATION in answers and publication_question(target) is not None:
            # The column follows the answer: cleared with it when it does not carry over.
            dossier.planned_publication_date = publication_of(found.carry.kept.get(PUBLICATION))
        if found.measures_dropped:
            gone = work.session.execute(
                select(PlanItem).where(
                    PlanItem.dossier_id == dossier.id,
                    PlanItem.measure_id.in_(found.measures_dropped),
                )
            ).scalars()
            # Kept in the audit trail in full (owner, phase, due date, status): nothing lost.
            work.details["plan_items_removed"] = plan_record(gone)
            work.session.execute(
                delete(PlanItem).where(
                    PlanItem.dossier_id == dossier.id,
                    PlanItem.measure_id.in_(found.measures_dropped),
                )
            )
        work.details.update({
            "from": old, "to": new, "revision": dossier.revision,
            "kept": len(found.carry.kept), "dropped": sorted(found.carry.dropped),
            "trimmed": sorted(found.carry.trimmed), "review": list(found.carry.to_review),
            "measures_dropped": list(found.measures_dropped),
        })  # fmt: skip
        return lock


def _rewrite_answers(work, dossier_id, revision, lock, answers, carry, now) -> None:  # type: ignore[no-untyped-def]
    """Clear what does not fit, store what was trimmed; every change in the answer history."""
    changed: dict[str, object] = {q: None for q in carry.dropped}
    changed.update({q: carry.kept[q] for q in carry.trimmed if q in carry.kept})
    if carry.dropped:
        work.session.execute(
            delete(Answer).where(Answer.dossier_id == dossier_id,
                                 Answer.question_id.in_(list(carry.dropped)))
        )  # fmt: skip
    conn = work.session.connection()
    for question_id, value in changed.items():
        stored = None if value is None else answer_json(value)
        if stored is not None:
            upsert(conn, Answer.__table__, {
                "dossier_id": dossier_id, "question_id": question_id, "value": stored,
                "updated_by": work.actor.user_id, "updated_at": now,
            }, ["dossier_id", "question_id"])  # fmt: skip
        work.session.add(
            AnswerChange(dossier_id=dossier_id, question_id=question_id, value=stored,
                         revision=revision, lock_version=lock, changed_by=work.actor.user_id,
                         changed_at=now)
        )  # fmt: skip
