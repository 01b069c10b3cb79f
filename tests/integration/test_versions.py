"""Moving a dossier to a new questionnaire version, on SQLite and PostgreSQL: a new dossier
version, answers carried over or cleared, nothing of the old version lost."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quickscan_app.content import default_content_paths, load_content
from quickscan_app.services import dossiers, versions, workflow
from quickscan_app.services.context import ServiceContext
from quickscan_app.services.errors import Conflict, PermissionDenied, WorkflowError
from quickscan_app.store.models import AnswerChange
from tests.conftest import FIXTURES, MINI
from tests.integration.helpers import answer_all, approve_fully

ANSWERS = {"connectivity": "internet", "remote": "yes", "channel": ["vpn", "mobile"],
           "fleet_share": 60}  # fmt: skip


@pytest.fixture
def two(engine) -> ServiceContext:
    paths = default_content_paths(MINI) + default_content_paths(FIXTURES / "mini_v2")
    return ServiceContext(engine, load_content(paths))


def on_v1(ctx, people) -> tuple[int, int]:
    dossier = dossiers.create_dossier(
        ctx, people.olga, {"title": "Scanner"}, questionnaire_id="mini", questionnaire_version=1
    )
    return dossier, answer_all(ctx, people.olga, dossier, ANSWERS)


def test_impact_shows_answers_and_risks_affected(two, people) -> None:
    dossier, _ = on_v1(two, people)
    found = versions.impact(two, people.olga, dossier)
    assert found.carry.dropped == {"fleet_share": "removed"}
    assert found.carry.trimmed == {"channel": ("mobile",)}
    moved = {s: (a, b) for s, a, b in found.risks_changed}
    assert "lock_in" in moved  # the fleet-share rule is gone with its question


def test_move_makes_a_new_version_and_loses_nothing(two, people) -> None:
    dossier, current = on_v1(two, people)
    versions.move_to_version(two, people.olga, dossier, current)
    view = dossiers.get_dossier(two, people.olga, dossier)
    assert (view.dossier.questionnaire_version, view.dossier.revision) == (2, 2)
    assert view.answers == {"connectivity": "internet", "remote": "yes", "channel": ["vpn"]}
    assert "sbom" in view.assessment.open_required
    with two.factory() as session:
        history = {
            (c.question_id, c.revision): c.value
            for c in session.execute(
                select(AnswerChange).where(AnswerChange.dossier_id == dossier)
            ).scalars()
        }
    assert history[("fleet_share", 1)] == 60 and history[("fleet_share", 2)] is None
    assert history[("channel", 1)] == ["vpn", "mobile"] and history[("channel", 2)] == ["vpn"]
    assert view.decisions[-1].note == "mini v1 → mini v2"


def test_an_approved_plan_moves_to_draft_and_keeps_its_approval(two, people) -> None:
    dossier, current = on_v1(two, people)
    current = workflow.submit(two, people.olga, dossier, current)
    digest = approve_fully(two, people.rita, dossier, current)
    current = dossiers.get_dossier(two, people.olga, dossier).dossier.lock_version
    versions.move_to_version(two, people.olga, dossier, current)
    view = dossiers.get_dossier(two, people.olga, dossier)
    assert view.dossier.status == "draft"
    assert [a.sha256 for a in view.approvals] == [digest]


def test_refusals(two, people) -> None:
    dossier, current = on_v1(two, people)
    with pytest.raises(PermissionDenied):
        versions.move_to_version(two, people.otto, dossier, current)
    with pytest.raises(Conflict):
        versions.move_to_version(two, people.olga, dossier, current - 1)
    submitted = workflow.submit(two, people.olga, dossier, current)
    with pytest.raises(WorkflowError):
        versions.move_to_version(two, people.olga, dossier, submitted)
    fresh = dossiers.create_dossier(two, people.olga, {"title": "Nieuw"})  # already on v2
    with pytest.raises(WorkflowError) as none_newer:
        versions.move_to_version(two, people.olga, fresh, 1)
    assert none_newer.value.key == "no_newer_version"


def test_a_plan_on_an_older_questionnaire_is_due_again(two, people) -> None:
    from quickscan_app.services import reassessment

    dossier, current = on_v1(two, people)
    current = workflow.submit(two, people.olga, dossier, current)
    approve_fully(two, people.rita, dossier, current)
    [item] = reassessment.due(two, people.olga)
    assert item.dossier_id == dossier and "questionnaire" in item.reasons
