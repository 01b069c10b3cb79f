"""A refused step reads in words for the user while the audit trail keeps the codes (issue
13), on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from quickscan_app.services import dossiers, workflow
from quickscan_app.services.errors import Conflict, WorkflowError
from quickscan_app.store.models import AuditEvent
from quickscan_app.ui.errors import error_message
from tests.integration.helpers import submitted


def test_a_refused_step_names_status_and_step_in_words(ctx, people) -> None:
    dossier_id, current = submitted(ctx, people.olga)
    with pytest.raises(WorkflowError) as refused:
        workflow.submit(ctx, people.olga, dossier_id, current)
    nl = error_message(refused.value, "nl")
    assert nl == f"Dossier {dossier_id} heeft status 'Ingediend': 'indienen' kan nu niet."
    assert "submitted" not in nl
    with ctx.factory() as session:
        details = session.execute(
            select(AuditEvent.details)
            .where(AuditEvent.action == "dossier.submit", AuditEvent.result == "denied")
            .order_by(AuditEvent.seq.desc())
        ).scalar()
    assert json.loads(details) == {
        "refused": "transition", "dossier": str(dossier_id), "status": "submitted",
        "step": "submit",
    }  # fmt: skip


def test_a_stale_write_says_what_changed_in_words(ctx, people) -> None:
    dossier_id, current = submitted(ctx, people.olga)
    with pytest.raises(Conflict) as stale:
        workflow.approve(ctx, people.rita, dossier_id, current - 1)
    nl = error_message(stale.value, "nl")
    assert "(status gewijzigd in 'Ingediend', " in nl and "status submitted" not in nl
    assert "(status changed to 'Submitted', " in stale.value.message("en")
    assert dossiers.get_dossier(ctx, people.olga, dossier_id).dossier.status == "submitted"
