"""The award-phase bidder check on SQLite and PostgreSQL: per requirement met, not met or
unknown, the supplier-specific risk, and four-eyes on the check itself."""

from __future__ import annotations

import json

import pytest

from quickscan_app.domain.bidders import Response
from quickscan_app.services import bidders, dossiers, plan, workflow
from quickscan_app.services.errors import (
    Conflict,
    InvalidInput,
    PermissionDenied,
    WorkflowError,
)
from tests.integration.helpers import answer_all, new_dossier

MET = {"response": "met", "note": "Zie bijlage 4 van de inschrijving."}


@pytest.fixture
def approved(ctx, people) -> int:
    """Remote maintenance over VPN; the plan takes a jump host and an exit plan."""
    dossier = new_dossier(ctx, people.olga)
    current = answer_all(ctx, people.olga, dossier)
    current = plan.select_measure(ctx, people.olga, dossier, "jump_host", current)
    current = plan.select_measure(ctx, people.olga, dossier, "exit_plan", current)
    current = workflow.submit(ctx, people.olga, dossier, current)
    workflow.approve(ctx, people.rita, dossier, current)
    return dossier


def bidder(ctx, people, dossier: int, name: str, **data) -> int:
    return bidders.add_bidder(ctx, people.olga, dossier, {"name": name, **data})


def result(ctx, people, dossier: int, bidder_id: int):  # type: ignore[no-untyped-def]
    return next(v for v in bidders.list_bidders(ctx, people.olga, dossier)
                if v.bidder.id == bidder_id)  # fmt: skip


def test_only_an_approved_plan_gets_bidders(ctx, people) -> None:
    draft = new_dossier(ctx, people.olga)
    with pytest.raises(WorkflowError) as refused:
        bidder(ctx, people, draft, "Scanco")
    assert refused.value.key == "bidders_need_approval"


def test_the_check_per_requirement_and_the_resulting_risk(ctx, people, approved) -> None:
    fits = bidder(ctx, people, approved, "Scanco B.V.", registration_country="Nederland",
                  answers={"channel": ["jump_host"]},
                  responses={"jump_host": MET, "exit_plan": MET})  # fmt: skip
    unknown = bidder(ctx, people, approved, "Röntgen GmbH",
                     responses={"jump_host": MET})  # exit plan not stated  # fmt: skip
    fails = bidder(ctx, people, approved, "Far Away Ltd", answers={"channel": ["vpn", "mobile"]},
                   responses={"jump_host": {"response": "not_met", "note": "VPN only"},
                              "exit_plan": MET})  # fmt: skip
    good = result(ctx, people, approved, fits).result
    assert good.verdict.value == "fits" and good.count(Response.MET) == 2
    assert [r.response.value for r in good.requirements] == ["met", "met"]
    partial = result(ctx, people, approved, unknown).result
    assert partial.verdict.value == "conditions"
    assert {r.measure: r.response.value for r in partial.requirements}["exit_plan"] == "unknown"
    bad = result(ctx, people, approved, fails).result
    assert bad.verdict.value == "does_not_fit"  # a requirement is a knock-out
    assert [s for s, _, _ in bad.worse] == ["espionage"]
    assert bad.residual_level.rank > good.residual_level.rank


def test_input_is_checked_and_named(ctx, people, approved) -> None:
    with pytest.raises(InvalidInput) as wrong_question:
        bidder(ctx, people, approved, "X", answers={"connectivity": "internet"})
    assert "answers.connectivity" in wrong_question.value.message("en")
    with pytest.raises(InvalidInput) as wrong_measure:
        bidder(ctx, people, approved, "X", responses={"segregation": MET})
    assert "responses.segregation" in wrong_measure.value.message("en")
    with pytest.raises(InvalidInput):
        bidder(ctx, people, approved, "X", responses={"jump_host": {"response": "maybe"}})
    with pytest.raises(InvalidInput):
        bidder(ctx, people, approved, "   ")
    with pytest.raises(PermissionDenied):
        bidders.add_bidder(ctx, people.otto, approved, {"name": "X"})


def test_four_eyes_and_stale_versions(ctx, people, approved) -> None:
    b = bidder(ctx, people, approved, "Scanco", responses={"jump_host": MET, "exit_plan": MET})
    current = bidders.update_bidder(ctx, people.olga, b, 1, {"subcontractors": "Geen"})
    with pytest.raises(Conflict):
        bidders.update_bidder(ctx, people.olga, b, 1, {"ownership": "Beursgenoteerd"})
    current = bidders.submit_bidder(ctx, people.olga, b, current)
    with pytest.raises(WorkflowError):
        bidders.update_bidder(ctx, people.olga, b, current, {"ownership": "x"})
    with pytest.raises(PermissionDenied):
        bidders.decide_bidder(ctx, people.olga, b, current, approve=True)
    with pytest.raises(InvalidInput):
        bidders.decide_bidder(ctx, people.rita, b, current, approve=False)
    digest = bidders.decide_bidder(ctx, people.rita, b, current, approve=True)
    view = result(ctx, people, approved, b)
    assert view.bidder.status == "approved" and view.bidder.sha256 == digest
    frozen = json.loads(view.bidder.snapshot)
    assert (frozen["verdict"], frozen["approval"]["approved_by"]) == ("fits", "rita")
    assert frozen["subcontractors"] == "Geen"


def test_sent_back_with_a_note_then_editable_again(ctx, people, approved) -> None:
    b = bidder(ctx, people, approved, "Scanco")
    current = bidders.submit_bidder(ctx, people.olga, b, 1)
    bidders.decide_bidder(ctx, people.rita, b, current, approve=False, note="Eigendom ontbreekt.")
    view = result(ctx, people, approved, b)
    assert (view.bidder.status, view.bidder.decision_note) == (
        "changes_requested",
        "Eigendom ontbreekt.",
    )
    bidders.update_bidder(
        ctx, people.olga, b, view.bidder.lock_version, {"ownership": "Familiebedrijf"}
    )


def test_approved_checks_go_into_the_award_report(ctx, people, approved) -> None:
    import io

    from pypdf import PdfReader

    from quickscan_app.services import exports

    with pytest.raises(WorkflowError) as none_yet:
        exports.export_document(ctx, people.olga, approved, "award", "pdf")
    assert none_yet.value.key == "award_needs_bidders"
    b = bidder(ctx, people, approved, "Scanco <b>&amp;</b>", responses={"jump_host": MET})
    current = bidders.submit_bidder(ctx, people.olga, b, 1)
    digest = bidders.decide_bidder(ctx, people.rita, b, current, approve=True)
    pdf = exports.export_document(ctx, people.olga, approved, "award", "pdf")
    whole = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Scanco <b>&amp;</b>" in whole and digest in whole.replace("\n", "")
    data = json.loads(exports.export_document(ctx, people.olga, approved, "award", "json").data)
    assert [c["sha256"] for c in data["bidders"]] == [digest]
    assert exports.verify_file(ctx, people.olga, pdf.data).outcome == "match"
    again = exports.export_document(ctx, people.rita, approved, "award", "pdf")
    assert again.data == pdf.data  # same approved checks, same bytes
    later = bidder(ctx, people, approved, "Later B.V.")
    current = bidders.submit_bidder(ctx, people.olga, later, 1)
    bidders.decide_bidder(ctx, people.rita, later, current, approve=True)
    newer = exports.export_document(ctx, people.olga, approved, "award", "pdf").data
    assert newer != pdf.data  # now two checks
    for made in (pdf.data, newer):  # an award report keeps verifying after later approvals
        assert exports.verify_file(ctx, people.olga, made).outcome == "match"


@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_a_look_alike_checks_mark_in_a_bidder_name_does_not_spoil_verify(
    ctx, people, approved, fmt
) -> None:
    """JSON lists the bidders before the report's own mark: the first mark in the file was
    the bidder's name, naming a check that does not exist."""
    from quickscan_app.services import exports

    name = "quickscan-award-checks=" + "0" * 64
    b = bidder(ctx, people, approved, name, responses={"jump_host": MET})
    current = bidders.submit_bidder(ctx, people.olga, b, 1)
    bidders.decide_bidder(ctx, people.rita, b, current, approve=True)
    data = exports.export_document(ctx, people.olga, approved, "award", fmt).data
    assert exports.verify_file(ctx, people.olga, data).outcome == "match"
    assert exports.verify_file(ctx, people.olga, data + b" ").outcome == "changed"


def test_reviewers_see_waiting_checks_they_may_decide(ctx, people, approved) -> None:
    b = bidder(ctx, people, approved, "Scanco")
    assert bidders.waiting_checks(ctx, people.rita) == []
    bidders.submit_bidder(ctx, people.olga, b, 1)
    [waiting] = bidders.waiting_checks(ctx, people.rita)
    assert (waiting.bidder_id, waiting.dossier_id) == (b, approved)
    assert bidders.waiting_checks(ctx, people.olga) == []  # an officer decides nothing


def test_a_check_against_a_plan_that_no_longer_stands_is_frozen(ctx, people, approved) -> None:
    b = bidder(ctx, people, approved, "Scanco")
    current = dossiers.get_dossier(ctx, people.olga, approved).dossier.lock_version
    workflow.reopen(ctx, people.olga, approved, current)
    with pytest.raises(WorkflowError) as outdated:
        bidders.update_bidder(ctx, people.olga, b, 1, {"ownership": "x"})
    assert outdated.value.key == "bidder_outdated"
    with pytest.raises(WorkflowError):
        bidders.submit_bidder(ctx, people.olga, b, 1)
    assert bidders.list_bidders(ctx, people.olga, approved) == []  # history, not current work
    assert bidders.waiting_checks(ctx, people.rita) == []


def test_answers_that_no_longer_fit_are_left_out_not_a_crash(ctx) -> None:
    library = ctx.content.library("mini", 1)
    kept = bidders.usable_answers(library, {"channel": ["vpn", "satellite"], "remote": "yes",
                                            "connectivity": "internet"})  # fmt: skip
    assert kept == {
        "remote": "yes"
    }  # channel has an unknown option; connectivity is not per bidder
