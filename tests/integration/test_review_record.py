"""The review loop in the approval snapshot: every round's submission note and request for
changes, and the approval note (issue 13), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select

from quickscan_app.services import dossiers, exports, workflow
from quickscan_app.store.models import AuditEvent
from tests.integration.helpers import answer_all, new_dossier, version

HOSTILE = '<b>Nee</b> & [klik](http://evil.example) `rm -rf` =HYPERLINK("x")'
CONDITIONS = "Akkoord onder voorwaarde: jaarlijkse herbeoordeling."


def _loop(snapshot: dict) -> list[tuple]:
    return [
        (e["round"], e["to_status"], e["user"], e["name"], e["role"], e["note"])
        for e in snapshot["review"]
    ]


def _snapshots(ctx, actor, dossier_id: int) -> list[dict]:
    return [json.loads(a.snapshot) for a in dossiers.get_dossier(ctx, actor, dossier_id).approvals]


def test_the_snapshot_holds_every_rounds_notes_and_the_approval_note(ctx, people) -> None:
    olga, rita = people.olga, people.rita
    dossier_id = new_dossier(ctx, olga)
    current = answer_all(ctx, olga, dossier_id)
    current = workflow.submit(ctx, olga, dossier_id, current, note="Graag vóór 1 maart.")
    current = workflow.request_changes(ctx, rita, dossier_id, HOSTILE, current)
    current = workflow.submit(ctx, olga, dossier_id, current)
    workflow.approve(ctx, rita, dossier_id, current, note=f"  {CONDITIONS}  ")

    [snapshot] = _snapshots(ctx, olga, dossier_id)
    assert snapshot["approval"]["note"] == CONDITIONS
    assert _loop(snapshot) == [
        (1, "submitted", "olga", "Olga Officier", "officer", "Graag vóór 1 maart."),
        (1, "changes_requested", "rita", "Rita Reviewer", "reviewer", HOSTILE),
        (2, "submitted", "olga", "Olga Officier", "officer", None),
        (2, "approved", "rita", "Rita Reviewer", "reviewer", CONDITIONS),
    ]
    decisions = dossiers.get_dossier(ctx, olga, dossier_id).decisions
    for entry, decision in zip(snapshot["review"], decisions, strict=True):
        at = datetime.fromisoformat(entry["at"])
        assert at.tzinfo is not None
        stored = decision.created_at
        assert at == (stored if stored.tzinfo else stored.replace(tzinfo=UTC))

    # The audit trail keeps the notes too: the approval's with its hash.
    with ctx.factory() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.details)
            .where(AuditEvent.object_id == str(dossier_id), AuditEvent.result == "success")
            .where(AuditEvent.action.in_(["dossier.approve", "dossier.request_changes"]))
            .order_by(AuditEvent.seq)
        ).all()
    notes = {action: json.loads(details).get("note") for action, details in events}
    assert notes == {"dossier.request_changes": HOSTILE, "dossier.approve": CONDITIONS}


def test_a_new_revision_holds_its_own_loop_numbered_on(ctx, people) -> None:
    olga, rita = people.olga, people.rita
    dossier_id = new_dossier(ctx, olga)
    current = workflow.submit(ctx, olga, dossier_id, answer_all(ctx, olga, dossier_id))
    workflow.approve(ctx, rita, dossier_id, current)
    current = version(ctx, olga, dossier_id)
    current = workflow.reopen(ctx, olga, dossier_id, current, note="Nieuwe scope.")
    current = workflow.submit(ctx, olga, dossier_id, current, note="Tweede versie.")
    workflow.approve(ctx, rita, dossier_id, current)

    first, second = _snapshots(ctx, olga, dossier_id)
    assert first["approval"]["note"] is None
    assert [e[:2] for e in _loop(first)] == [(1, "submitted"), (1, "approved")]
    # The reopening belongs to the first revision; the second starts with round 2.
    assert _loop(second) == [
        (2, "submitted", "olga", "Olga Officier", "officer", "Tweede versie."),
        (2, "approved", "rita", "Rita Reviewer", "reviewer", None),
    ]


def test_a_concept_export_carries_the_loop_so_far(ctx, people) -> None:
    olga, rita = people.olga, people.rita
    dossier_id = new_dossier(ctx, olga)
    current = workflow.submit(ctx, olga, dossier_id, answer_all(ctx, olga, dossier_id))
    workflow.request_changes(ctx, rita, dossier_id, "Exitplan ontbreekt.", current)
    data = exports.export_document(ctx, olga, dossier_id, "plan", "json").data
    snapshot = json.loads(data)["snapshot"]
    assert snapshot["approval"] is None
    last = (1, "changes_requested", "rita", "Rita Reviewer", "reviewer", "Exitplan ontbreekt.")
    assert _loop(snapshot)[-1] == last
