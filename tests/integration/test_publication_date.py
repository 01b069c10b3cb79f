"""The planned publication date has one source, the answer; the dossier column that the
overview, the portfolio and the deadline flag read follows it. On SQLite and PostgreSQL,
with the shipped questionnaire (it asks ``planned_publication_date``)."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import insert, select, update

from quickscan_app.answer_files import LoadedAnswers
from quickscan_app.services import dossiers, workflow
from quickscan_app.services.context import ServiceContext, system_actor
from quickscan_app.services.errors import InvalidInput
from quickscan_app.services.overview import overview
from quickscan_app.services.portfolio import portfolio
from quickscan_app.store.migrate import alembic_config
from quickscan_app.store.models import Answer, AnswerChange, Dossier

TODAY = date(2027, 3, 1)
QUESTION = "planned_publication_date"


@pytest.fixture
def fixed(engine, shipped_content) -> ServiceContext:
    return ServiceContext(
        engine, shipped_content, clock=lambda: datetime(2027, 3, 1, 9, tzinfo=UTC)
    )


def column(ctx: ServiceContext, dossier_id: int) -> date | None:
    with ctx.factory() as session:
        return session.get(Dossier, dossier_id).planned_publication_date


def answer(ctx: ServiceContext, dossier_id: int):  # type: ignore[no-untyped-def]
    with ctx.factory() as session:
        return session.execute(
            select(Answer.value).where(
                Answer.dossier_id == dossier_id, Answer.question_id == QUESTION
            )
        ).scalar_one_or_none()


def row_of(ctx: ServiceContext, actor, dossier_id: int):  # type: ignore[no-untyped-def]
    return next(r for r in overview(ctx, actor) if r.summary.id == dossier_id)


def test_the_wizard_answer_moves_the_column_and_the_flag(fixed, people) -> None:
    dossier = dossiers.create_dossier(fixed, people.olga, {"title": "Scanners Eemshaven"})
    assert column(fixed, dossier) is None
    assert not row_of(fixed, people.olga, dossier).flagged(TODAY)

    current = dossiers.save_answer(fixed, people.olga, dossier, QUESTION, "2027-03-11", 1)
    assert column(fixed, dossier) == date(2027, 3, 11)
    row = row_of(fixed, people.olga, dossier)
    assert (row.days_left(TODAY), row.flagged(TODAY)) == (10, True)
    assert portfolio(fixed, people.olga).flagged == 1

    current = dossiers.save_answer(fixed, people.olga, dossier, QUESTION, date(2027, 9, 1), current)
    assert column(fixed, dossier) == date(2027, 9, 1)
    row = row_of(fixed, people.olga, dossier)
    assert (row.days_left(TODAY), row.flagged(TODAY)) == (184, False)
    assert portfolio(fixed, people.olga).flagged == 0

    dossiers.save_answer(fixed, people.olga, dossier, QUESTION, None, current)
    assert (answer(fixed, dossier), column(fixed, dossier)) == (None, None)
    row = row_of(fixed, people.olga, dossier)
    assert (row.days_left(TODAY), row.flagged(TODAY)) == (None, False)


def test_a_refused_answer_leaves_the_column_alone(fixed, people) -> None:
    dossier = dossiers.create_dossier(
        fixed, people.olga, {"title": "Poortmonitoren", "planned_publication_date": TODAY}
    )
    with pytest.raises(InvalidInput):
        dossiers.save_answer(fixed, people.olga, dossier, QUESTION, "15-03-2027", 1)
    assert column(fixed, dossier) == TODAY


def test_a_new_dossier_answers_the_question_from_its_metadata(fixed, people) -> None:
    dossier = dossiers.create_dossier(
        fixed, people.olga, {"title": "Röntgen Venlo", "planned_publication_date": date(2027, 4, 1)}
    )
    assert (answer(fixed, dossier), column(fixed, dossier)) == ("2027-04-01", date(2027, 4, 1))
    view = dossiers.get_dossier(fixed, people.olga, dossier)
    assert view.answers[QUESTION] == date(2027, 4, 1)
    assert view.dossier.lock_version == 1  # one transaction: created with its answer
    with fixed.factory() as session:
        changes = session.execute(
            select(AnswerChange.question_id, AnswerChange.changed_by).where(
                AnswerChange.dossier_id == dossier
            )
        ).all()
    assert changes == [(QUESTION, people.olga.user_id)]


def loaded(ctx: ServiceContext, details: date | None, answered: object) -> LoadedAnswers:
    from quickscan_app.answer_files import load_answer_file
    from tests.conftest import EXAMPLES

    example = load_answer_file(EXAMPLES / "parcel-scanner-standalone.yaml", ctx.content)
    meta = example.file.dossier.model_copy(update={QUESTION: details})
    answers = {k: v for k, v in example.answers.items() if k != QUESTION}
    if answered is not None:
        answers[QUESTION] = answered
    return LoadedAnswers(
        example.library, example.file.model_copy(update={"dossier": meta}), answers
    )


def test_import_with_two_different_dates_is_refused_naming_both(fixed, people) -> None:
    before = len(dossiers.list_dossiers(fixed, people.anna))
    with pytest.raises(InvalidInput) as refused:
        dossiers.import_dossier(
            fixed, system_actor("test"), loaded(fixed, date(2027, 3, 15), date(2027, 4, 1)), "olga"
        )
    assert "15-03-2027" in refused.value.message("nl") and "01-04-2027" in refused.value.message(
        "nl"
    )
    assert "15-03-2027" in str(refused.value) and "01-04-2027" in str(refused.value)
    assert len(dossiers.list_dossiers(fixed, people.anna)) == before


@pytest.mark.parametrize(
    ("details", "answered"),
    [(date(2027, 3, 15), None), (None, date(2027, 3, 15)), (date(2027, 3, 15), date(2027, 3, 15))],
    ids=["metadata only", "answer only", "both the same"],
)
def test_import_keeps_one_date_in_both_places(fixed, people, details, answered) -> None:
    dossier = dossiers.import_dossier(
        fixed, system_actor("test"), loaded(fixed, details, answered), "olga"
    )
    assert (answer(fixed, dossier), column(fixed, dossier)) == ("2027-03-15", date(2027, 3, 15))


def _migrate(engine, step: str, target: str) -> None:  # type: ignore[no-untyped-def]
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, step)(config, target)


def test_migration_copies_the_answer_into_the_column(fixed, people, engine, caplog) -> None:
    def make(title: str, **meta: object) -> int:
        return dossiers.create_dossier(fixed, people.olga, {"title": title, **meta})

    moved = make("In de wizard verschoven", planned_publication_date=date(2027, 3, 11))
    wizard_only = make("Alleen in de wizard")
    dossiers.save_answer(fixed, people.olga, wizard_only, QUESTION, "2027-04-01", 1)
    unknown = make("Onbekend", planned_publication_date=date(2027, 5, 1))
    metadata_only = make("Alleen metadata", planned_publication_date=date(2027, 6, 1))
    same = make("Gelijk", planned_publication_date=date(2027, 7, 1))
    # The state before the fix: column and answer written apart.
    with engine.begin() as conn:
        for dossier, planned in ((moved, date(2027, 1, 1)), (wizard_only, None)):
            conn.execute(
                update(Dossier)
                .where(Dossier.id == dossier)
                .values(planned_publication_date=planned)
            )
        conn.execute(
            update(Answer)
            .where(Answer.dossier_id == unknown, Answer.question_id == QUESTION)
            .values(value="unknown")
        )
        conn.execute(
            Answer.__table__.delete().where(
                Answer.dossier_id == metadata_only, Answer.question_id == QUESTION
            )
        )
        conn.execute(
            insert(Answer).values(
                dossier_id=metadata_only, question_id="contract_duration_years", value=4,
                updated_by=people.olga.user_id, updated_at=datetime(2027, 3, 1, tzinfo=UTC),
            )
        )  # fmt: skip
    _migrate(engine, "downgrade", "0004")
    caplog.set_level(logging.INFO, logger="alembic.runtime.migration")
    _migrate(engine, "upgrade", "head")
    assert column(fixed, moved) == date(2027, 3, 11)
    assert column(fixed, wizard_only) == date(2027, 4, 1)
    assert column(fixed, unknown) is None
    assert column(fixed, metadata_only) == date(2027, 6, 1)  # no answer: nothing to copy
    assert column(fixed, same) == date(2027, 7, 1)
    assert f"dossier {moved}: planned publication date 2027-01-01 -> 2027-03-11" in caplog.text
    assert f"dossier {same}:" not in caplog.text
    # and the flag follows: "moved" is ten days away, no longer two months past (the shipped
    # question has no "unknown" option: that answer was only there for the migration)
    with engine.begin() as conn:
        conn.execute(Answer.__table__.delete().where(Answer.dossier_id == unknown))
    assert row_of(fixed, people.olga, moved).days_left(TODAY) == 10


def test_archived_and_approved_dossiers_are_not_flagged(fixed, people) -> None:
    from tests.integration.helpers import approved_from_example

    approved = approved_from_example(fixed, people.olga, people.rita)  # publication 15-01-2027
    draft = dossiers.create_dossier(
        fixed, people.olga, {"title": "Teruggetrokken", "planned_publication_date": TODAY}
    )
    assert row_of(fixed, people.olga, draft).flagged(TODAY)
    workflow.archive(fixed, people.olga, draft, 1, "Aanbesteding gaat niet door.")
    assert not row_of(fixed, people.olga, draft).flagged(TODAY)
    assert not row_of(fixed, people.olga, approved).flagged(TODAY)
    assert row_of(fixed, people.olga, approved).days_left(TODAY) == -45
