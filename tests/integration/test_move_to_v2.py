"""Every demo dossier, started on version 1 of the shipped questionnaire, moves to version 2
(risk model v2) through the ordinary version move: answers carried, plan kept, nothing lost."""

from __future__ import annotations

import pytest

from quickscan_app.answer_files import LoadedAnswers, load_answer_file
from quickscan_app.domain.answers import normalise_answers
from quickscan_app.services import dossiers, plan, versions, workflow
from quickscan_app.services.context import system_actor
from quickscan_app.services.demo import EXAMPLES, plan_top
from tests.integration.helpers import approve_fully

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


def on_version_1(ctx, name: str) -> LoadedAnswers:
    """The demo example as a version-1 dossier, as the demo made it before version 2."""
    loaded = load_answer_file(EXAMPLES / name, ctx.content)
    v1 = ctx.content.library("scan-detection", 1)
    # Only what version 1 asks: the questions version 2 added are not answered yet.
    raw = {q: v for q, v in loaded.file.answers.items() if q in v1.questionnaire.by_id}
    answers = normalise_answers(v1.questionnaire, raw)
    file = loaded.file.model_copy(update={"version": 1, "answers": raw})
    return LoadedAnswers(v1, file, answers)


@pytest.mark.parametrize("name", EXAMPLE_FILES)
@pytest.mark.parametrize("state", ["draft", "approved"])
def test_a_version_1_demo_dossier_moves_to_version_2(real_ctx, people, name, state) -> None:
    ctx = real_ctx
    dossier = dossiers.import_dossier(ctx, system_actor("test"), on_version_1(ctx, name), "olga")
    current = plan_top(ctx, people.olga, dossier, 6, reject_one=False)
    if state == "approved":
        current = workflow.submit(ctx, people.olga, dossier, current)
        approve_fully(ctx, people.rita, dossier, current, "Akkoord.")
        current = dossiers.get_dossier(ctx, people.olga, dossier).dossier.lock_version
    before = dossiers.get_dossier(ctx, people.olga, dossier)
    assert before.dossier.questionnaire_version == 1
    chosen = sorted(p.measure_id for p in before.plan if p.decision == "selected")
    found = versions.impact(ctx, people.olga, dossier)
    assert not found.carry.dropped and not found.measures_dropped, found.carry.dropped

    versions.move_to_version(ctx, people.olga, dossier, current)

    after = dossiers.get_dossier(ctx, people.olga, dossier)
    assert (after.dossier.questionnaire_version, after.dossier.revision) == (2, 2)
    assert after.dossier.status == "draft"
    assert after.answers == before.answers
    assert sorted(p.measure_id for p in after.plan if p.decision == "selected") == chosen
    # What is still open is exactly what version 2 newly asks.
    v2 = ctx.content.library("scan-detection", 2).questionnaire
    new = {q.id for q in v2.questions} - set(ctx.content.library("scan-detection", 1)
                                             .questionnaire.by_id)  # fmt: skip
    assert set(after.assessment.open_required) <= new
    assert all(s.factors is not None for s in after.assessment.scenarios)
    if state == "approved":
        assert [a.sha256 for a in after.approvals] == [a.sha256 for a in before.approvals]


def test_two_alternatives_cannot_both_be_in_a_plan(real_ctx, people) -> None:
    from quickscan_app.services.errors import InvalidInput

    loaded = load_answer_file(EXAMPLES / "container-fleet-maintenance.yaml", real_ctx.content)
    dossier = dossiers.import_dossier(real_ctx, system_actor("test"), loaded, "olga")
    current = dossiers.get_dossier(real_ctx, people.olga, dossier).dossier.lock_version
    current = plan.select_measure(
        real_ctx, people.olga, dossier, "third_country_operators_exclusion", current
    )
    with pytest.raises(InvalidInput) as refused:
        plan.select_measure(
            real_ctx, people.olga, dossier, "third_country_operators_conditions", current
        )
    assert "third_country_operators_exclusion" in refused.value.message("nl")
