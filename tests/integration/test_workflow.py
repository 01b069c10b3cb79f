"""Workflow transitions, four-eyes, optimistic locking and the approval snapshot."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from quickscan_app.answer_files import load_answer_file
from quickscan_app.domain.workflow import TRANSITIONS, Status, Step, target
from quickscan_app.services import acceptance, dossiers, plan, workflow
from quickscan_app.services.audit import verify
from quickscan_app.services.errors import Conflict, InvalidInput, PermissionDenied, WorkflowError
from quickscan_app.services.snapshot import sha256_text
from quickscan_app.store.models import Approval, AuditEvent
from tests.integration.helpers import COMPLETE, answer_all, new_dossier, submitted, version


def status(ctx, actor, dossier_id) -> str:
    return dossiers.get_dossier(ctx, actor, dossier_id).dossier.status


def test_full_round_trip(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    current = answer_all(ctx, people.olga, dossier_id)
    current = plan.select_measure(
        ctx, people.olga, dossier_id, "jump_host", current, owner="IV-beheer"
    )
    current = workflow.submit(ctx, people.olga, dossier_id, current)
    current = workflow.request_changes(
        ctx, people.rita, dossier_id, "Kies ook een exitplan.", current
    )
    assert status(ctx, people.olga, dossier_id) == "changes_requested"
    current = plan.select_measure(ctx, people.olga, dossier_id, "exit_plan", current)
    current = workflow.submit(ctx, people.olga, dossier_id, current)
    digest = workflow.approve(ctx, people.rita, dossier_id, current)
    view = dossiers.get_dossier(ctx, people.olga, dossier_id)
    assert view.dossier.status == "approved"
    [approval] = view.approvals
    assert approval.sha256 == digest == sha256_text(approval.snapshot)
    snapshot = json.loads(approval.snapshot)
    assert snapshot["format"] == "quickscan-snapshot/2"
    assert snapshot["questionnaire"] == {"id": "mini", "version": 1, "title": "Mini-quickscan"}
    assert snapshot["answers"]["channel"] == ["vpn"]
    assert [p["measure"] for p in snapshot["plan"]] == ["exit_plan", "jump_host"]
    # the chosen measures' texts travel with the snapshot, in catalogue order
    assert [m["id"] for m in snapshot["measures"]] == ["jump_host", "exit_plan"]
    assert snapshot["measures"][1]["tender_section"] == "contract_clauses"
    assert snapshot["approval"] == {
        "user": "rita", "name": "Rita Reviewer", "role": "reviewer", "note": None,
        "approved_at": snapshot["approval"]["approved_at"],
        "review_date": (approval.approved_at.date() + timedelta(days=365)).isoformat(),
    }  # fmt: skip
    assert approval.review_date == approval.approved_at.date() + timedelta(days=365)
    assert snapshot["results"]["overall_level"] == view.assessment.overall_level.value
    assert [d.to_status for d in view.decisions] == [
        "submitted", "changes_requested", "submitted", "approved",
    ]  # fmt: skip
    with ctx.factory() as session:
        assert verify(session).intact


def test_submit_needs_all_required_answers(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    current = dossiers.save_answer(ctx, people.olga, dossier_id, "remote", "yes", 1)
    with pytest.raises(WorkflowError) as refused:
        workflow.submit(ctx, people.olga, dossier_id, current)
    assert "connectivity, channel, fleet_share" in str(refused.value)
    assert "Nog niet alle verplichte vragen" in refused.value.message("nl")
    assert status(ctx, people.olga, dossier_id) == "draft"


def take_step(ctx, people, dossier_id: int, current: int, step: str):
    """The step as someone allowed to take it on any dossier: the owner, or for decisions Ada
    (reviewer and admin, so she can see drafts too) and Ria (risk owner and admin): only the
    state machine can refuse."""
    calls = {
        "submit": lambda: workflow.submit(ctx, people.olga, dossier_id, current),
        "request_changes": lambda: workflow.request_changes(
            ctx, people.ada, dossier_id, "x", current
        ),
        "approve": lambda: workflow.approve(ctx, people.ada, dossier_id, current),
        # The same call: where the residual risk is high it waits for the risk owner.
        "approve_for_acceptance": lambda: workflow.approve(ctx, people.ada, dossier_id, current),
        "accept": lambda: acceptance.accept(ctx, people.ria, dossier_id, current, "Aanvaard."),
        "refuse_acceptance": lambda: acceptance.refuse(
            ctx, people.ria, dossier_id, current, "Nee."
        ),
        "reopen": lambda: workflow.reopen(ctx, people.olga, dossier_id, current),
        "change_setup": lambda: workflow.change_setup(
            ctx, people.olga, dossier_id, current, "Koppeling met het Douanenetwerk"
        ),
        "archive": lambda: workflow.archive(ctx, people.olga, dossier_id, current),
    }
    return calls[step]()


ALL_STATES = [s.value for s in Status]
ALL_STEPS = [s.value for s in Step]
ILLEGAL = [
    (state, step)
    for state in ALL_STATES
    for step in ALL_STEPS
    if target(Step(step), Status(state)) is None
]


@pytest.mark.parametrize(("state", "step"), ILLEGAL)
def test_illegal_transitions_are_refused(ctx, people, state, step) -> None:
    dossier_id, current = reach(ctx, people, state)
    with pytest.raises(WorkflowError) as refused:
        take_step(ctx, people, dossier_id, current, step)
    assert status(ctx, people.anna, dossier_id) == state
    assert version(ctx, people.anna, dossier_id) == current
    assert refused.value.message("nl") and refused.value.message("en")


def reach(ctx, people, state: str, high: bool = False) -> tuple[int, int]:
    """A dossier in ``state`` and its lock version; ``high``: with a residual risk that needs
    the risk owner's acceptance."""
    if state == "draft":
        dossier_id = new_dossier(ctx, people.olga)
        return dossier_id, answer_all(ctx, people.olga, dossier_id)
    if high or state == "awaiting_acceptance":  # most of the fleet from one supplier
        dossier_id = new_dossier(ctx, people.olga)
        current = answer_all(ctx, people.olga, dossier_id, {**COMPLETE, "fleet_share": 80})
        current = workflow.submit(ctx, people.olga, dossier_id, current)
        if state == "submitted":
            return dossier_id, current
        assert workflow.approve(ctx, people.rita, dossier_id, current) is None
        return dossier_id, version(ctx, people.olga, dossier_id)
    dossier_id, current = submitted(ctx, people.olga)
    if state == "changes_requested":
        current = workflow.request_changes(ctx, people.rita, dossier_id, "Meer uitleg.", current)
    elif state in ("approved", "archived"):
        workflow.approve(ctx, people.rita, dossier_id, current)
        current = version(ctx, people.olga, dossier_id)
        if state == "archived":
            current = workflow.archive(ctx, people.olga, dossier_id, current)
    return dossier_id, current


@pytest.mark.parametrize(
    ("state", "step", "expected"),
    [
        ("draft", "submit", "submitted"),
        ("changes_requested", "submit", "submitted"),
        ("submitted", "request_changes", "changes_requested"),
        ("submitted", "approve", "approved"),
        ("approved", "reopen", "draft"),
        ("approved", "change_setup", "draft"),
        ("submitted", "approve_for_acceptance", "awaiting_acceptance"),
        ("awaiting_acceptance", "accept", "approved"),
        ("awaiting_acceptance", "refuse_acceptance", "changes_requested"),
        ("awaiting_acceptance", "archive", "archived"),
        ("draft", "archive", "archived"),
        ("changes_requested", "archive", "archived"),
        ("approved", "archive", "archived"),
    ],
)
def test_legal_transitions(ctx, people, state, step, expected) -> None:
    assert target(Step(step), Status(state)) is Status(expected)
    dossier_id, current = reach(ctx, people, state, high=step == "approve_for_acceptance")
    take_step(ctx, people, dossier_id, current, step)
    assert status(ctx, people.anna, dossier_id) == expected


def test_reopen_makes_a_new_revision_and_keeps_history(ctx, people) -> None:
    dossier_id, current = reach(ctx, people, "approved")
    current = workflow.reopen(ctx, people.olga, dossier_id, current, "Nieuwe aansluiting gepland")
    current = dossiers.save_answer(ctx, people.olga, dossier_id, "connectivity", "closed", current)
    current = workflow.submit(ctx, people.olga, dossier_id, current)
    workflow.approve(ctx, people.rita, dossier_id, current)
    view = dossiers.get_dossier(ctx, people.olga, dossier_id)
    assert view.dossier.revision == 2
    assert [a.revision for a in view.approvals] == [1, 2]
    first, second = (json.loads(a.snapshot) for a in view.approvals)
    assert first["answers"]["connectivity"] == "internet"
    assert second["answers"]["connectivity"] == "closed"


def test_four_eyes_owner_cannot_approve(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.remco)  # remco is officer and reviewer
    current = answer_all(ctx, people.remco, dossier_id)
    current = workflow.submit(ctx, people.remco, dossier_id, current)
    with pytest.raises(PermissionDenied) as refused:
        workflow.approve(ctx, people.remco, dossier_id, current)
    assert "eigen dossier" in refused.value.message("nl")
    with pytest.raises(PermissionDenied):
        workflow.request_changes(ctx, people.remco, dossier_id, "zelf", current)
    assert status(ctx, people.anna, dossier_id) == "submitted"
    workflow.approve(ctx, people.rita, dossier_id, current)


def test_four_eyes_whoever_supplied_the_answers_cannot_approve(ctx, people, tmp_path) -> None:
    """Ada (admin and reviewer) imports Olga's answers; she may not then approve them."""
    path = tmp_path / "answers.yaml"
    path.write_text(
        "questionnaire: mini\nversion: 1\ndossier: {title: Import}\n"
        "answers: {connectivity: closed, remote: 'no', fleet_share: 10}\n"
    )
    dossier_id = dossiers.import_dossier(
        ctx, people.ada, load_answer_file(path, ctx.content), "olga"
    )
    current = workflow.submit(ctx, people.olga, dossier_id, version(ctx, people.olga, dossier_id))
    with pytest.raises(PermissionDenied) as refused:
        workflow.approve(ctx, people.ada, dossier_id, current)
    assert refused.value.key == "four_eyes_answered"
    with ctx.factory() as session:
        assert session.execute(select(func.count(Approval.id))).scalar_one() == 0
    workflow.approve(ctx, people.rita, dossier_id, current)


def test_stale_save_is_refused_and_names_who_changed_what(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    seen = version(ctx, people.olga, dossier_id)
    dossiers.save_answer(ctx, people.olga, dossier_id, "connectivity", "closed", seen)
    with pytest.raises(Conflict) as refused:
        dossiers.save_answer(ctx, people.olga, dossier_id, "connectivity", "internet", seen)
    assert "Olga Officier" in str(refused.value) and "an answer changed" in str(refused.value)
    assert "een antwoord gewijzigd" in refused.value.message("nl")
    assert "opnieuw" in refused.value.message("nl")
    view = dossiers.get_dossier(ctx, people.olga, dossier_id)
    assert view.answers["connectivity"] == "closed"


def test_stale_approval_is_refused(ctx, people) -> None:
    dossier_id, current = submitted(ctx, people.olga)
    workflow.request_changes(ctx, people.rita, dossier_id, "Graag aanvullen.", current)
    with pytest.raises(Conflict):
        workflow.approve(ctx, people.remco, dossier_id, current)
    assert status(ctx, people.anna, dossier_id) == "changes_requested"


def test_invalid_answer_is_refused_and_changes_nothing(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    with pytest.raises(InvalidInput) as refused:
        dossiers.save_answer(ctx, people.olga, dossier_id, "fleet_share", 140, 1)
    assert "fleet_share" in str(refused.value) and "maximum" in str(refused.value)
    assert version(ctx, people.olga, dossier_id) == 1


def test_answer_history_is_kept(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    current = dossiers.save_answer(ctx, people.olga, dossier_id, "connectivity", "closed", 1)
    current = dossiers.save_answer(
        ctx, people.olga, dossier_id, "connectivity", "internet", current
    )
    dossiers.save_answer(ctx, people.olga, dossier_id, "connectivity", None, current)
    from quickscan_app.store.models import AnswerChange

    with ctx.factory() as session:
        values = session.execute(
            select(AnswerChange.value)
            .where(AnswerChange.dossier_id == dossier_id)
            .order_by(AnswerChange.id)
        ).scalars()
        assert list(values) == ["closed", "internet", None]
    assert "connectivity" not in dossiers.get_dossier(ctx, people.olga, dossier_id).answers


def test_rejecting_a_measure_needs_a_justification(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    with pytest.raises(InvalidInput):
        plan.reject_measure(ctx, people.olga, dossier_id, "exit_plan", "  ", 1)
    current = plan.reject_measure(
        ctx, people.olga, dossier_id, "exit_plan", "Geen lock-in: meerdere leveranciers.", 1
    )
    view = dossiers.get_dossier(ctx, people.olga, dossier_id)
    assert [(p.measure_id, p.decision) for p in view.plan] == [("exit_plan", "rejected")]
    current = plan.select_measure(
        ctx, people.olga, dossier_id, "exit_plan", current, owner="Contractmanager"
    )
    plan.deselect_measure(ctx, people.olga, dossier_id, "exit_plan", current)
    assert dossiers.get_dossier(ctx, people.olga, dossier_id).plan == []


def test_refused_calls_are_audited_as_denied(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    with pytest.raises(PermissionDenied):
        dossiers.save_answer(ctx, people.otto, dossier_id, "connectivity", "closed", 1)
    with ctx.factory() as session:
        last = session.execute(
            select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)
        ).scalar_one()
        assert (last.actor, last.action, last.result) == ("otto", "answer.save", "denied")
        assert verify(session).intact


def test_the_tests_cover_every_pair() -> None:
    legal = sum(len(sources) for sources, _ in TRANSITIONS.values())
    assert legal == 13 and len(ILLEGAL) == len(ALL_STATES) * len(ALL_STEPS) - legal == 41
