"""Bounds held by the services themselves, whatever the widgets allow: ids out of the columns'
range are unknown dossiers (refused and recorded like any other), every text the services
store has a maximum length, refused with a message in Dutch and English."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from quickscan_app.services import bidders, dossiers, exports, plan, users, versions, workflow
from quickscan_app.services.context import ServiceContext
from quickscan_app.services.errors import Conflict, InvalidInput, NotFound
from quickscan_app.store.models import Dossier
from quickscan_app.ui.errors import error_message
from tests.integration.conftest import PASSWORD
from tests.integration.helpers import answer_all, last_event, new_dossier, submitted

OUT_OF_RANGE = [2**31, 2**63, 10**20, 0, -1]
READS: dict[str, Callable[..., Any]] = {
    "get_dossier": lambda c, a, d: dossiers.get_dossier(c, a, d),
    "current_version": lambda c, a, d: dossiers.current_version(c, a, d),
    "decisions_of": lambda c, a, d: workflow.decisions_of(c, a, d),
    "round_changes": lambda c, a, d: workflow.round_changes(c, a, d),
    "list_bidders": lambda c, a, d: bidders.list_bidders(c, a, d),
    "impact": lambda c, a, d: versions.impact(c, a, d),
    "export": lambda c, a, d: exports.export_document(c, a, d, "plan", "json"),
    "save_answer": lambda c, a, d: dossiers.save_answer(c, a, d, "remote", "no", 1),
    "select_measure": lambda c, a, d: plan.select_measure(c, a, d, "exit_plan", 1),
    "submit": lambda c, a, d: workflow.submit(c, a, d, 1),
    "comment": lambda c, a, d: workflow.comment(c, a, d, "Goed."),
    "update_bidder": lambda c, a, d: bidders.update_bidder(c, a, d, 1, {}),
}


@pytest.mark.parametrize("dossier_id", OUT_OF_RANGE, ids=str)
def test_an_id_out_of_range_is_an_unknown_dossier(ctx, people, dossier_id) -> None:
    wrong = []
    for name, call in READS.items():
        try:
            call(ctx, people.olga, dossier_id)
        except NotFound as exc:
            last = last_event(ctx)
            refused = json.loads(last.details).get("refused")
            if (last.result, last.object_id, refused) != ("denied", str(dossier_id), exc.key):
                wrong.append(f"{name}: recorded {last.action} {last.result} {refused}")
            if "bestaat niet" not in exc.message("nl"):
                wrong.append(f"{name}: {exc.message('nl')}")
        except Exception as exc:  # collected, reported by name
            wrong.append(f"{name}: {type(exc).__name__}")
        else:
            wrong.append(f"{name}: allowed")
    assert wrong == []


def test_a_lock_version_out_of_range_is_stale(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    for version in (2**31, 2**63, -1):
        with pytest.raises(Conflict):
            dossiers.save_answer(ctx, people.olga, dossier_id, "remote", "no", version)
        with pytest.raises(Conflict):
            plan.select_measure(ctx, people.olga, dossier_id, "exit_plan", version)
    assert dossiers.current_version(ctx, people.olga, dossier_id) == 1


def _dossier_count(ctx: ServiceContext) -> int:
    with ctx.factory() as session:
        return session.execute(select(func.count()).select_from(Dossier)).scalar_one()


def test_a_one_megabyte_title_is_refused_with_a_clear_message(ctx, people) -> None:
    with pytest.raises(InvalidInput) as refused:
        dossiers.create_dossier(ctx, people.olga, {"title": "x" * 1_000_000})
    assert (
        error_message(refused.value, "nl")
        == "Ongeldige waarde voor 'titel': ten hoogste 200 tekens"
    )
    assert error_message(refused.value, "en") == (
        "Invalid value for 'title': String should have at most 200 characters"
    )
    assert _dossier_count(ctx) == 0
    last = last_event(ctx)
    assert (last.action, last.result) == ("dossier.create", "denied")
    assert len(last.details) < 1_000
    dossiers.create_dossier(ctx, people.olga, {"title": "x" * 200})
    assert _dossier_count(ctx) == 1


def _approved(ctx, people) -> int:
    dossier_id = new_dossier(ctx, people.olga)
    current = answer_all(ctx, people.olga, dossier_id)
    current = plan.select_measure(ctx, people.olga, dossier_id, "exit_plan", current)
    workflow.approve(
        ctx, people.rita, dossier_id, workflow.submit(ctx, people.olga, dossier_id, current)
    )
    return dossier_id


def _submitted_bidder(ctx, people) -> int:
    dossier_id = _approved(ctx, people)
    bidder_id = bidders.add_bidder(ctx, people.olga, dossier_id, {"name": "Scanco"})
    bidders.submit_bidder(ctx, people.olga, bidder_id, 1)
    return bidder_id


def _with_bidder_note(ctx, people, text: str) -> Any:
    dossier_id = _approved(ctx, people)
    response = {"exit_plan": {"response": "met", "note": text}}
    return bidders.add_bidder(ctx, people.olga, dossier_id, {"name": "B", "responses": response})


def _submit(ctx, people, text: str) -> Any:
    dossier_id = new_dossier(ctx, people.olga)
    return workflow.submit(
        ctx, people.olga, dossier_id, answer_all(ctx, people.olga, dossier_id), text
    )


def _request_changes(ctx, people, text: str) -> Any:
    dossier_id, current = submitted(ctx, people.olga)
    return workflow.request_changes(ctx, people.rita, dossier_id, text, current)


# field named in the refusal, its limit, a call that stores ``text`` there
TEXTS: dict[str, tuple[str, int, Callable[..., Any]]] = {
    "title": ("title", 200, lambda c, p, s: dossiers.create_dossier(c, p.olga, {"title": s})),
    "reference": (
        "reference",
        200,
        lambda c, p, s: dossiers.create_dossier(c, p.olga, {"title": "T", "reference": s}),
    ),
    "display_name": (
        "display_name",
        200,
        lambda c, p, s: users.add_user(c, p.anna, "nieuw", PASSWORD, ["officer"], display_name=s),
    ),
    "measure_owner": (
        "owner",
        200,
        lambda c, p, s: plan.select_measure(
            c, p.olga, new_dossier(c, p.olga), "exit_plan", 1, owner=s
        ),
    ),
    "justification": (
        "justification",
        5_000,
        lambda c, p, s: plan.reject_measure(c, p.olga, new_dossier(c, p.olga), "exit_plan", s, 1),
    ),
    "comment": (
        "comment",
        10_000,
        lambda c, p, s: workflow.comment(c, p.olga, new_dossier(c, p.olga), s),
    ),
    "comment_target": (
        "target_id",
        80,
        lambda c, p, s: workflow.comment(
            c, p.olga, new_dossier(c, p.olga), "Zie hier.", target_kind="question", target_id=s
        ),
    ),
    "submit_note": ("note", 10_000, _submit),
    "request_changes_note": ("note", 10_000, _request_changes),
    "approval_note": (
        "note",
        10_000,
        lambda c, p, s: workflow.approve(c, p.rita, *submitted(c, p.olga), s),
    ),
    "bidder_response_note": ("note", 2_000, _with_bidder_note),
    "bidder_decision_note": (
        "note",
        2_000,
        lambda c, p, s: bidders.decide_bidder(
            c, p.rita, _submitted_bidder(c, p), 2, approve=False, note=s
        ),
    ),
}


@pytest.mark.parametrize("case", list(TEXTS))
def test_every_stored_text_has_a_maximum_length(ctx, people, case) -> None:
    field, limit, store = TEXTS[case]
    with pytest.raises(InvalidInput) as refused:
        store(ctx, people, "x" * (limit + 1))
    assert refused.value.params["field"] == field
    assert f"ten hoogste {limit} tekens" in error_message(refused.value, "nl")
    assert f"at most {limit} characters" in error_message(refused.value, "en")
    assert last_event(ctx).result == "denied"
    store(ctx, people, "x" * limit)
