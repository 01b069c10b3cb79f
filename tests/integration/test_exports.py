"""Exports through the service, on SQLite and PostgreSQL: the approval gate, who may export,
the audit event, determinism, and ``verify`` on good, changed, draft and foreign files."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from quickscan_app.exports.source import FORMATS
from quickscan_app.services import audit, dossiers, exports, workflow
from quickscan_app.services.audit import canonical_json
from quickscan_app.services.errors import PermissionDenied, WorkflowError
from quickscan_app.services.snapshot import build_snapshot, sha256_text
from quickscan_app.store.models import Approval, AuditEvent
from tests.integration.helpers import answer_all, approved_from_example, new_dossier

HOSTILE = '<font color="red">&amp;</b> Łódź Ærø € “quotes”'


@pytest.fixture
def approved(real_ctx, people) -> int:
    return approved_from_example(real_ctx, people.olga, people.rita, title=HOSTILE)


def export_events(ctx) -> list[AuditEvent]:
    with ctx.factory() as session:
        return list(
            session.execute(
                select(AuditEvent)
                .where(AuditEvent.action == "dossier.export")
                .order_by(AuditEvent.seq)
            ).scalars()
        )


def test_tender_dossier_only_from_an_approved_plan(real_ctx, people) -> None:
    draft = new_dossier(real_ctx, people.olga)
    with pytest.raises(WorkflowError) as refused:
        exports.export_document(real_ctx, people.olga, draft, "tender", "pdf")
    assert refused.value.key == "tender_needs_approval"
    assert "goedgekeurd" in refused.value.message("nl")
    [event] = export_events(real_ctx)
    assert (event.result, event.object_id) == ("denied", str(draft))


def test_draft_plan_exports_as_concept(real_ctx, people) -> None:
    draft = new_dossier(real_ctx, people.olga)
    result = exports.export_document(real_ctx, people.olga, draft, "plan", "pdf")
    assert not result.approved
    assert "concept" in result.name
    first = PdfReader(io.BytesIO(result.data)).pages[0].extract_text()
    assert "CONCEPT" in first


def test_only_who_may_see_the_dossier_exports_it(real_ctx, people, approved) -> None:
    with pytest.raises(PermissionDenied):
        exports.export_document(real_ctx, people.otto, approved, "plan", "pdf")
    for actor in (people.olga, people.rita, people.anna):
        assert exports.export_document(real_ctx, actor, approved, "plan", "json").approved
    assert [e.result for e in export_events(real_ctx)] == ["denied", *["success"] * 3]


def test_every_export_is_an_audit_event_with_both_hashes(real_ctx, people, approved) -> None:
    result = exports.export_document(real_ctx, people.olga, approved, "tender", "docx")
    [event] = export_events(real_ctx)
    details = json.loads(event.details)
    assert details == {
        "kind": "tender", "format": "docx", "approved": True,
        "snapshot_sha256": result.snapshot_sha256,
        "file_sha256": hashlib.sha256(result.data).hexdigest(),
    }  # fmt: skip
    assert (event.actor, event.result) == ("olga", "success")
    with real_ctx.factory() as session:
        assert audit.verify(session).intact


def test_same_snapshot_same_bytes_in_every_format(real_ctx, people, approved) -> None:
    for kind, formats in ((k, FORMATS[k]) for k in ("plan", "tender")):  # award: test_bidders
        for fmt in formats:
            first = exports.export_document(real_ctx, people.olga, approved, kind, fmt)
            again = exports.export_document(real_ctx, people.rita, approved, kind, fmt)
            assert first.data == again.data, (kind, fmt)
            assert first.snapshot_sha256 == again.snapshot_sha256


def test_plan_pdf_from_real_content(real_ctx, people, approved) -> None:
    result = exports.export_document(real_ctx, people.olga, approved, "plan", "pdf")
    reader = PdfReader(io.BytesIO(result.data))
    pages = [p.extract_text() for p in reader.pages]
    whole = " ".join(pages)
    assert HOSTILE in " ".join(whole.split())
    assert "Bijlage B. Goedkeuring" in whole and "Rita Reviewer" in whole
    # The marking is the dossier's own classification as the questionnaire asked it (version 2),
    # not the free-text field: the example answers "not classified, handle confidentially".
    snapshot = json.loads(_approval(real_ctx, approved).snapshot)
    marking = snapshot["dossier"]["classification"]
    assert marking.startswith("Niet gerubriceerd, wel vertrouwelijk")
    flat = [" ".join(p.split()) for p in pages]
    assert all(f"van {len(pages)}" in p and marking.upper() in p.upper() for p in flat)
    assert result.snapshot_sha256 in reader.metadata["/Keywords"]
    # Issue 13: the audit extract in Dutch, ending with the approval; the hash whole on one
    # line; catalogue ids only in annex D.
    audit = " ".join(whole[whole.index("Bijlage C.") :].split())
    assert "Ingediend ter beoordeling" in audit and "Goedgekeurd uitgevoerd" in audit
    assert not any(code in audit for code in ("dossier.approve", "success", "denied"))
    assert any(result.snapshot_sha256 in line for line in pages[0].splitlines())
    annex = whole.index("Bijlage D.")
    for measure in snapshot["measures"]:
        assert measure["id"] not in whole[:annex]
        assert measure["id"] in whole[annex:].replace("\n", "")


def test_verify_matches_an_untouched_file(real_ctx, people, approved) -> None:
    for kind, fmt in [("plan", "pdf"), ("tender", "docx"), ("tender", "csv"), ("plan", "xlsx")]:
        data = exports.export_document(real_ctx, people.olga, approved, kind, fmt).data
        result = exports.verify_file(real_ctx, people.olga, data)
        assert (result.outcome, result.kind, result.dossier_id) == ("match", kind, approved)
        assert "Rita Reviewer" in result.message("nl")


def test_verify_spots_a_changed_file(real_ctx, people, approved) -> None:
    data = exports.export_document(real_ctx, people.olga, approved, "tender", "json").data
    changed = data.replace(b"Opdrachtnemer", b"Opdrachtgever", 1)
    assert changed != data
    result = exports.verify_file(real_ctx, people.olga, changed)
    assert result.outcome == "changed" and result.dossier_id == approved
    assert not result.ok


def test_verify_refuses_drafts_and_foreign_files(real_ctx, people) -> None:
    draft = new_dossier(real_ctx, people.olga)
    data = exports.export_document(real_ctx, people.olga, draft, "plan", "pdf").data
    assert exports.verify_file(real_ctx, people.olga, data).outcome == "unapproved"
    assert exports.verify_file(real_ctx, people.olga, b"%PDF-1.4 hello").outcome == "unmarked"
    assert exports.verify_file(real_ctx, people.olga, b"a,b\n1,2\n").outcome == "unmarked"


def test_verify_does_not_reveal_a_dossier_to_outsiders(real_ctx, people, approved) -> None:
    data = exports.export_document(real_ctx, people.olga, approved, "plan", "pdf").data
    with pytest.raises(PermissionDenied):
        exports.verify_file(real_ctx, people.otto, data)


def test_english_dossier_exports_in_english(real_ctx, people) -> None:
    dossier = approved_from_example(real_ctx, people.olga, people.rita, language="en")
    data = exports.export_document(real_ctx, people.olga, dossier, "tender", "pdf").data
    first = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "National-security tender dossier" in " ".join(first.split())
    assert "Page 1 of" in first


def _approval(ctx, dossier: int) -> Approval:
    with ctx.factory() as session:
        return session.execute(select(Approval).where(Approval.dossier_id == dossier)).scalar_one()


def _rewrite_snapshot(ctx, dossier: int, text: str, *, rehash: bool) -> None:
    with ctx.transaction() as session:
        approval = session.execute(
            select(Approval).where(Approval.dossier_id == dossier)
        ).scalar_one()
        approval.snapshot = text
        if rehash:
            approval.sha256 = sha256_text(text)


def test_a_snapshot_edited_in_the_database_is_not_exported(real_ctx, people, approved) -> None:
    snapshot = json.loads(_approval(real_ctx, approved).snapshot)
    snapshot["dossier"]["title"] = "Iets anders"
    _rewrite_snapshot(real_ctx, approved, canonical_json(snapshot), rehash=False)
    with pytest.raises(WorkflowError) as refused:
        exports.export_document(real_ctx, people.olga, approved, "plan", "pdf")
    assert refused.value.key == "snapshot_altered"
    assert [e.result for e in export_events(real_ctx)] == ["denied"]


def test_a_snapshot_from_before_exports_asks_for_a_new_approval(
    real_ctx, people, monkeypatch
) -> None:
    """An approval frozen in the older snapshot form (and recorded so in the audit trail);
    replacing a snapshot in the database instead is tampering (``test_audit_key.py``)."""

    def older_form(*args, **kwargs):
        snapshot = build_snapshot(*args, **kwargs)
        snapshot["format"] = "quickscan-snapshot/1"
        del snapshot["measures"]
        return snapshot

    monkeypatch.setattr(workflow, "build_snapshot", older_form)
    approved = approved_from_example(real_ctx, people.olga, people.rita)
    with pytest.raises(WorkflowError) as refused:
        exports.export_document(real_ctx, people.olga, approved, "tender", "docx")
    assert "opnieuw goedkeuren" in refused.value.message("nl")


def test_a_look_alike_marker_in_user_text_does_not_spoil_verify(real_ctx, people, approved) -> None:
    other_sha = _approval(real_ctx, approved).sha256
    forged = f"quickscan-export/1 kind=tender snapshot-sha256={other_sha}"
    second = approved_from_example(real_ctx, people.olga, people.rita, title=forged)
    data = exports.export_document(real_ctx, people.olga, second, "tender", "json").data
    result = exports.verify_file(real_ctx, people.olga, data)
    assert (result.outcome, result.dossier_id) == ("match", second)


def test_hidden_questions_stay_out_of_the_answer_annex(ctx, people) -> None:
    dossier = new_dossier(ctx, people.olga)
    current = answer_all(ctx, people.olga, dossier)  # remote "yes", channel answered
    current = dossiers.save_answer(ctx, people.olga, dossier, "remote", "no", current)
    current = workflow.submit(ctx, people.olga, dossier, current)
    workflow.approve(ctx, people.rita, dossier, current)
    sheet = json.loads(_approval(ctx, dossier).snapshot)["answer_sheet"]
    shown = [q["id"] for section in sheet for q in section["questions"]]
    assert "remote" in shown and "channel" not in shown
