"""The export panel in the wizard and on the review page: make the file, then download it."""

from __future__ import annotations

import json

from sqlalchemy import select

from quickscan_app.store.models import AuditEvent
from tests.ui.conftest import dossier_id, signed_in


def export_events(ctx) -> list[dict]:
    with ctx.factory() as session:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.action == "dossier.export")
        ).scalars()
        return [{"actor": e.actor, "result": e.result, **json.loads(e.details)} for e in rows]


def downloads(at) -> list:
    return at.get("download_button")


def test_reviewer_exports_the_tender_dossier_of_an_approved_plan(at, ctx) -> None:
    approved = dossier_id(ctx, "approved")
    signed_in(at, ctx, "reviewer")
    at.query_params["dossier"] = str(approved)
    at.switch_page("views/review.py").run()
    kind = at.selectbox(key=f"qs_export_kind_{approved}")
    assert kind.options == ["Mitigatieplan", "Aanbestedingsdossier", "Toets bieders (gunning)"]
    kind.select("tender").run()
    at.selectbox(key=f"qs_export_format_{approved}_tender").select("docx").run()
    assert downloads(at) == []  # nothing is exported before the user asks
    assert export_events(ctx) == []
    at.button(key=f"qs_export_make_{approved}").click().run()
    assert not at.exception
    [button] = downloads(at)
    assert "Downloaden: quickscan-tender-dossier" in button.proto.label
    [event] = export_events(ctx)
    assert (event["actor"], event["kind"], event["format"]) == ("reviewer", "tender", "docx")
    at.run()  # a rerun does not export again
    assert len(export_events(ctx)) == 1


def test_officer_gets_only_a_concept_plan_from_a_draft(at, ctx) -> None:
    draft = dossier_id(ctx, "draft")
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(draft)
    at.query_params["step"] = "submit"
    at.switch_page("views/dossier.py").run()
    assert at.selectbox(key=f"qs_export_kind_{draft}").options == ["Mitigatieplan"]
    assert any("CONCEPT" in c.value for c in at.caption)
    at.button(key=f"qs_export_make_{draft}").click().run()
    [button] = downloads(at)
    assert "concept" in button.proto.label
    [event] = export_events(ctx)
    assert (event["actor"], event["approved"]) == ("officer", False)
