"""Residual-risk acceptance by the risk owner (BIO2 5.22.01): a plan approved with a high
residual risk waits for a risk owner who neither owns, answered nor reviewed it; accepted, its
snapshot is frozen with the acceptance in it; refused, it goes back to the officer. Every
approval carries a review date. A change of set-up opens a new draft revision."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from quickscan_app.services import (
    acceptance,
    dossiers,
    exports,
    reassessment,
    users,
    workflow,
)
from quickscan_app.services.audit_check import verify
from quickscan_app.services.context import Actor, Role, system_actor
from quickscan_app.services.errors import InvalidInput, PermissionDenied, WorkflowError
from quickscan_app.store.models import Acceptance, Approval, AuditEvent, User
from tests.integration.helpers import COMPLETE, answer_all, new_dossier, submitted, version

HIGH = {**COMPLETE, "fleet_share": 80}  # most of the fleet from one supplier: high lock-in


def high_and_submitted(ctx, people) -> tuple[int, int]:
    dossier_id = new_dossier(ctx, people.olga, "Containerscanners Maasvlakte")
    current = answer_all(ctx, people.olga, dossier_id, HIGH)
    return dossier_id, workflow.submit(ctx, people.olga, dossier_id, current)


def waiting(ctx, people, **approve) -> int:
    dossier_id, current = high_and_submitted(ctx, people)
    assert workflow.approve(ctx, people.rita, dossier_id, current, "Akkoord.", **approve) is None
    return dossier_id


def state(ctx, people, dossier_id: int) -> str:
    return dossiers.get_dossier(ctx, people.anna, dossier_id).dossier.status


def test_a_high_residual_waits_for_the_risk_owner_then_is_frozen_with_the_acceptance(
    ctx, people
) -> None:
    dossier_id = waiting(ctx, people)
    view = dossiers.get_dossier(ctx, people.pim, dossier_id)
    assert view.dossier.status == "awaiting_acceptance" and view.approvals == []
    with pytest.raises(WorkflowError):  # no tender dossier before acceptance
        exports.export_document(ctx, people.olga, dossier_id, "tender", "docx")
    assert not exports.export_document(ctx, people.olga, dossier_id, "plan", "json").approved
    assert dossier_id in {d.id for d in dossiers.list_dossiers(ctx, people.pim)}

    current = version(ctx, people.pim, dossier_id)
    digest = acceptance.accept(
        ctx, people.pim, dossier_id, current, "Aanvaardbaar: vervanging binnen een jaar.",
        conditions="Jaarlijkse audit <b>bij</b> de leverancier.",
    )  # fmt: skip
    view = dossiers.get_dossier(ctx, people.olga, dossier_id)
    assert view.dossier.status == "approved"
    [approval] = view.approvals
    assert approval.sha256 == digest and approval.approver.name == "rita"
    snapshot = json.loads(approval.snapshot)
    accepted = snapshot["acceptance"]
    assert (accepted["user"], accepted["role"]) == ("pim", "risk_owner")
    assert accepted["justification"] == "Aanvaardbaar: vervanging binnen een jaar."
    assert accepted["conditions"] == "Jaarlijkse audit <b>bij</b> de leverancier."
    assert {r["level"] for r in accepted["residual"]} >= {"high"}
    assert snapshot["approval"]["note"] == "Akkoord."
    steps = [r["to_status"] for r in snapshot["review"]]
    assert steps == ["submitted", "awaiting_acceptance", "approved"]
    assert [r["role"] for r in snapshot["review"]] == ["officer", "reviewer", "risk_owner"]
    # bound to its audit event: exports are approved, verify matches, the trail is intact
    tender = exports.export_document(ctx, people.olga, dossier_id, "tender", "docx")
    assert tender.approved and tender.snapshot_sha256 == digest
    pdf = exports.export_document(ctx, people.olga, dossier_id, "plan", "pdf").data
    assert exports.verify_file(ctx, people.olga, pdf).outcome == "match"
    with ctx.factory() as session:
        assert verify(session).intact
    with ctx.factory() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "dossier.accept")
        ).scalar_one()
    assert json.loads(event.details)["sha256"] == digest and event.actor == "pim"


def test_a_refusal_sends_the_dossier_back_with_the_reasons(ctx, people) -> None:
    dossier_id = waiting(ctx, people)
    current = version(ctx, people.pim, dossier_id)
    with pytest.raises(InvalidInput):
        acceptance.refuse(ctx, people.pim, dossier_id, current, "   ")
    acceptance.refuse(ctx, people.pim, dossier_id, current, "Te hoog: kies een tweede leverancier.")
    assert state(ctx, people, dossier_id) == "changes_requested"
    [row] = acceptance.acceptances_of(ctx, people.olga, dossier_id)
    assert (row.accepted, row.justification) == (False, "Te hoog: kies een tweede leverancier.")
    back = workflow.sent_back(ctx, people.olga)[dossier_id]
    assert back.note == "Te hoog: kies een tweede leverancier."
    with ctx.factory() as session:
        assert session.execute(select(Approval)).first() is None


def test_four_eyes_for_the_risk_owner(ctx, people) -> None:
    """Not the owner, not an answerer, not the reviewer who approved; a risk owner may not
    look at drafts."""
    users.add_user(ctx, system_actor("test"), "rob", "een lang wachtwoord 123", ["reviewer",
                   "risk_owner"])  # fmt: skip
    with ctx.factory() as session:
        rob_id = session.execute(select(User.id).where(User.name == "rob")).scalar_one()
    rob = Actor(rob_id, "rob", frozenset({Role.REVIEWER, Role.RISK_OWNER}), "test")
    dossier_id, current = high_and_submitted(ctx, people)
    workflow.approve(ctx, rob, dossier_id, current)
    current = version(ctx, people.pim, dossier_id)
    with pytest.raises(PermissionDenied) as refused:
        acceptance.accept(ctx, rob, dossier_id, current, "Zelf goedgekeurd, zelf aanvaard.")
    assert "restrisico niet zelf accepteren" in refused.value.message("nl")
    with pytest.raises(PermissionDenied):
        acceptance.accept(ctx, people.rita, dossier_id, current, "Geen risico-eigenaar.")
    assert state(ctx, people, dossier_id) == "awaiting_acceptance"
    draft = new_dossier(ctx, people.olga, "Concept")
    assert draft not in {d.id for d in dossiers.list_dossiers(ctx, people.pim)}
    with pytest.raises(PermissionDenied):
        dossiers.get_dossier(ctx, people.pim, draft)


def test_a_low_residual_is_approved_at_once_with_a_review_date_a_year_on(ctx, people) -> None:
    dossier_id, current = submitted(ctx, people.olga)
    digest = workflow.approve(ctx, people.rita, dossier_id, current)
    assert digest is not None and state(ctx, people, dossier_id) == "approved"
    [approval] = dossiers.get_dossier(ctx, people.olga, dossier_id).approvals
    assert approval.review_date == approval.approved_at.date() + timedelta(days=365)
    assert dossier_id not in {d.id for d in dossiers.list_dossiers(ctx, people.pim)}


def test_review_dates_the_reviewer_and_the_risk_owner_may_bring_forward(ctx, people) -> None:
    today = ctx.clock().date()
    dossier_id, current = submitted(ctx, people.olga)
    for wrong in (today, today + timedelta(days=400)):
        with pytest.raises(InvalidInput) as refused:
            workflow.approve(ctx, people.rita, dossier_id, current, review_date=wrong)
        assert "herbeoordelingsdatum" in refused.value.message("nl")
    half_year = today + timedelta(days=180)
    waiting_id = waiting(ctx, people, review_date=half_year)
    current = version(ctx, people.pim, waiting_id)
    acceptance.accept(ctx, people.pim, waiting_id, current, "Aanvaard.",
                      review_date=today + timedelta(days=300))  # fmt: skip
    [approval] = dossiers.get_dossier(ctx, people.olga, waiting_id).approvals
    assert approval.review_date == half_year  # the earliest of the two
    quarter = today + timedelta(days=90)
    other = waiting(ctx, people)
    acceptance.accept(ctx, people.pim, other, version(ctx, people.pim, other), "Aanvaard.",
                      review_date=quarter)  # fmt: skip
    assert dossiers.get_dossier(ctx, people.olga, other).approvals[0].review_date == quarter
    with ctx.factory() as session:
        dates = session.execute(select(Acceptance.review_date).order_by(Acceptance.id)).all()
    assert [d for (d,) in dates] == [half_year, quarter]


def test_a_change_of_set_up_opens_a_new_revision_and_keeps_the_approval(ctx, people) -> None:
    dossier_id, current = submitted(ctx, people.olga)
    workflow.approve(ctx, people.rita, dossier_id, current)
    current = version(ctx, people.olga, dossier_id)
    with pytest.raises(InvalidInput):
        workflow.change_setup(ctx, people.olga, dossier_id, current, " ")
    with pytest.raises(PermissionDenied):
        workflow.change_setup(ctx, people.rita, dossier_id, current, "Koppeling")
    workflow.change_setup(ctx, people.olga, dossier_id, current, "Koppeling met het Douanenet")
    view = dossiers.get_dossier(ctx, people.olga, dossier_id)
    assert (view.dossier.status, view.dossier.revision) == ("draft", 2)
    assert len(view.approvals) == 1 and view.decisions[-1].to_status == "draft"
    assert view.decisions[-1].note == "Koppeling met het Douanenet"
    with ctx.factory() as session:
        event = session.execute(
            select(AuditEvent).where(
                AuditEvent.action == "dossier.change_setup", AuditEvent.result == "success"
            )
        ).scalar_one()
    assert json.loads(event.details)["revision"] == 2


def test_the_review_date_of_older_approvals_is_a_year_after_them() -> None:
    from quickscan_app.services.reassessment import default_review

    assert default_review(date(2026, 3, 1)) == date(2027, 3, 1)


def test_a_plan_is_due_again_after_its_review_date(ctx, people) -> None:
    dossier_id, current = submitted(ctx, people.olga)
    today = ctx.clock().date()
    workflow.approve(ctx, people.rita, dossier_id, current, review_date=today + timedelta(days=30))
    assert reassessment.due(ctx, people.olga, today + timedelta(days=30)) == []  # not past yet
    [item] = reassessment.due(ctx, people.olga, today + timedelta(days=31))
    assert (item.dossier_id, item.reasons) == (dossier_id, ("review_date",))
    assert item.since == item.review_date == today + timedelta(days=30)
    assert reassessment.due(ctx, people.otto, today + timedelta(days=31)) == []  # not his


def test_a_change_of_set_up_that_touches_a_marked_answer_is_due(ctx, people) -> None:
    dossier_id, current = submitted(ctx, people.olga)
    workflow.approve(ctx, people.rita, dossier_id, current)
    current = version(ctx, people.olga, dossier_id)
    current = workflow.change_setup(ctx, people.olga, dossier_id, current, "Nieuwe koppeling")
    current = dossiers.save_answer(ctx, people.olga, dossier_id, "fleet_share", 45, current)
    assert reassessment.due(ctx, people.olga) == []  # not a marked answer
    dossiers.save_answer(ctx, people.olga, dossier_id, "connectivity", "closed", current)
    [item] = reassessment.due(ctx, people.olga)
    assert item.reasons == ("triggered",) and item.triggers == ("connectivity",)
    assert item.step == "net"
