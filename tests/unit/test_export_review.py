"""The approval annex of the PDF plan with the course of the review (issue 13): every
round's notes and the approval note, shown literally; each person's name and role once; the
check command set apart in a monospaced font, without backticks."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from quickscan_app.domain.people import name_and_role, role_beside
from quickscan_app.exports.render import render
from quickscan_app.exports.source import ExportSource
from tests.export_samples import MARKUP, UNICODE, sample_source, text
from tests.unit.test_export_pdf import flat, pages_of

HOSTILE = f"{MARKUP} `rm -rf /` [klik](http://evil.example) {UNICODE}"
CONDITIONS = "Akkoord onder voorwaarde: jaarlijkse herbeoordeling."
RUBEN = "Ruben Bakker (beveiligingsadviseur)"
OLGA = "Olga de Vries (inkoper)"


def _entry(round_: int, status: str, who: str, at: str, note: str | None) -> dict[str, Any]:
    officer = status == "submitted"
    return {
        "round": round_,
        "to_status": status,
        "user": "olga" if officer else "reviewer",
        "name": OLGA if officer else RUBEN,
        "role": "officer" if officer else "reviewer",
        "at": at,
        "note": note,
    }


def reviewed(lang: str = "nl", *, approved: bool = True) -> ExportSource:
    src = sample_source("plan", lang=lang, approved=approved)
    src.snapshot["review"] = [
        _entry(1, "submitted", OLGA, "2026-11-20T09:00:00+00:00", "Graag vóór 1 maart."),
        _entry(1, "changes_requested", RUBEN, "2026-11-21T10:15:00+00:00", HOSTILE),
        _entry(2, "submitted", OLGA, "2026-11-24T08:00:00+00:00", None),
    ]
    if approved:
        src.snapshot["review"].append(
            _entry(2, "approved", RUBEN, "2026-11-28T12:05:30+00:00", CONDITIONS)
        )
        src.snapshot["approval"].update(name=RUBEN, note=CONDITIONS)
    return src


def annex(src: ExportSource) -> str:
    """The text from the approval annex up to the audit extract."""
    whole = flat(" ".join(pages_of(render(src, "pdf"))))
    start = whole.index(text("exp.h.approvals", src.lang))
    return whole[start : whole.index(text("exp.h.audit", src.lang), start)]


def test_every_rounds_notes_and_the_approval_note_show_literally() -> None:
    shown = annex(reviewed())
    review = shown[shown.index(text("exp.h.review")) :]
    assert HOSTILE in review  # markup, backticks and link syntax as typed
    for line in (
        f"1 {text('status.submitted')} 20-11-2026 10:00 {OLGA} Graag vóór 1 maart.",
        f"1 {text('status.changes_requested')} 21-11-2026 11:15 {RUBEN} beoordelaar {HOSTILE}",
        f"2 {text('status.submitted')} 24-11-2026 09:00 {OLGA} —",
        f"2 {text('status.approved')} 28-11-2026 13:05 {RUBEN} beoordelaar {CONDITIONS}",
    ):
        assert line in review, line
    assert f"{text('exp.field.approval_note')} {CONDITIONS}" in shown


def test_name_and_role_once_in_dutch() -> None:
    shown = annex(reviewed())
    assert f"{text('exp.col.approver')} {RUBEN}" in shown
    assert f"{text('exp.col.role')} Beoordelaar" in shown
    assert "(reviewer)" not in shown and "Beveiligingsadviseur" not in shown
    assert f"{OLGA} inkoper" not in shown  # the name already says it
    english = annex(reviewed("en"))
    assert f"{RUBEN} reviewer" in english and "Course of the review" in english
    assert f"{text('exp.col.role', 'en')} Reviewer" in english


def test_the_check_command_is_set_apart_in_a_monospaced_font() -> None:
    for lang, command in (("nl", "quickscan export verify <bestand>"),
                          ("en", "quickscan export verify <file>")):  # fmt: skip
        src = reviewed(lang)
        data = render(src, "pdf")
        assert command in annex(src)
        assert "`" not in text("exp.approval_text", lang)
        page = next(
            p for p in PdfReader(io.BytesIO(data)).pages
            if text("exp.h.approvals", lang) in p.extract_text()
        )  # fmt: skip
        fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
        assert any(name.endswith("DejaVuSansMono") for name in fonts), fonts


def test_a_concept_shows_the_review_so_far_and_no_command() -> None:
    shown = annex(reviewed(approved=False))
    assert text("exp.no_approval") in shown and HOSTILE in shown
    assert "quickscan export verify" not in shown


def test_a_snapshot_without_review_shows_no_review_section() -> None:
    src = sample_source("plan")
    del src.snapshot["review"], src.snapshot["approval"]["note"]
    shown = annex(src)
    assert text("exp.h.review") not in shown
    assert text("exp.field.approval_note") not in shown


def test_a_role_the_name_already_holds_is_not_repeated() -> None:
    assert role_beside(OLGA, "inkoper") == ""
    assert role_beside(RUBEN, "beoordelaar") == "beoordelaar"
    assert name_and_role(RUBEN, "beoordelaar") == f"{RUBEN}, beoordelaar"
    assert name_and_role("Olga de Vries (Inkoper)", "inkoper") == "Olga de Vries (Inkoper)"


def test_the_risk_owners_acceptance_shows_who_when_the_reasons_and_conditions() -> None:
    src = reviewed()
    src.snapshot["approval"]["review_date"] = "2027-05-01"
    src.snapshot["acceptance"] = {
        "user": "pim", "name": "Pieter Smit (proceseigenaar)", "role": "risk_owner",
        "accepted_at": "2026-11-29T14:00:00+00:00", "justification": HOSTILE,
        "conditions": "Kwartaalrapportage <b>toegang</b>.", "review_date": "2027-05-01",
        "residual": [{"scenario_id": "espionage", "title": "Spionage", "likelihood": 4,
                      "impact": 4, "level": "high"}],
    }  # fmt: skip
    shown = annex(src)
    part = shown[shown.index(text("exp.h.acceptance")) : shown.index(text("exp.h.review"))]
    for line in (
        f"{text('exp.col.accepted_by')} Pieter Smit (proceseigenaar)",
        f"{text('exp.col.role')} Risico-eigenaar",
        f"{text('exp.col.when')} 29-11-2026 15:00",
        f"{text('exp.field.acceptance_reasons')} {HOSTILE}",
        f"{text('exp.field.acceptance_conditions')} Kwartaalrapportage <b>toegang</b>.",
        f"{text('exp.field.review_date')} 01-05-2027",
        "Spionage 4 4",
    ):
        assert line in part, line
    assert f"{text('exp.field.review_date')} 01-05-2027" in shown[: shown.index(part)]
    assert text("exp.h.acceptance") not in annex(reviewed())  # none needed, none shown
