"""The frozen record of an approved plan, its SHA-256, and the JSON forms of dossier rows."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from quickscan_app.domain.library import Library
from quickscan_app.domain.questionnaire import UNKNOWN
from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import Status
from quickscan_app.engine.measure_effects import measure_scenarios
from quickscan_app.presenters import answer_label, assessment_data
from quickscan_app.services.audit import canonical_json, timestamp
from quickscan_app.services.dossiers import DossierView, answer_json
from quickscan_app.store.models import Acceptance, Decision, Dossier, PlanItem


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def dossier_record(d: Dossier) -> dict[str, Any]:
    """The procurement metadata of a dossier in plain JSON types."""
    return {
        "id": d.id,
        "revision": d.revision,
        "title": d.title,
        "reference": d.reference,
        "contracting_authority": d.contracting_authority,
        "object_category": d.object_category,
        "cpv_code": d.cpv_code,
        "estimated_value": d.estimated_value,
        "procedure_type": d.procedure_type,
        "planned_rfq_date": _iso(d.planned_rfq_date),
        "planned_publication_date": _iso(d.planned_publication_date),
        "language": d.language,
        "classification": d.classification,
        "owner": d.owner.name,
    }


DOSSIER_CLASSIFICATION = "dossier_classification"


def _marking(view: DossierView, lang: Lang) -> dict[str, Any]:
    """The dossier's own classification, when the questionnaire asks it (version 2), marks the
    documents; "unknown" marks them as the worst case, state secret."""
    question = view.library.questionnaire.by_id.get(DOSSIER_CLASSIFICATION)
    value = view.answers.get(DOSSIER_CLASSIFICATION)
    if question is None or value is None:
        return {}
    if value == UNKNOWN:
        value = question.unknown_as or value
    label = question.option_label(str(value))
    return {"classification": label.get(lang)} if label else {}


def plan_record(items: Iterable[PlanItem]) -> list[dict[str, Any]]:
    return [
        {
            "measure": p.measure_id,
            "decision": p.decision,
            "justification": p.justification,
            "owner": p.owner,
            "phase": p.phase,
            "due_date": _iso(p.due_date),
            "status": p.status,
        }
        for p in items
    ]


def answers_record(view: DossierView) -> dict[str, Any]:
    return {q: answer_json(v) for q, v in sorted(view.answers.items())}


SNAPSHOT_FORMAT = "quickscan-snapshot/2"


def dossier_lang(dossier: Dossier) -> Lang:
    return "en" if dossier.language == "en" else "nl"


def build_snapshot(
    view: DossierView, approver: dict[str, str | None] | None, approved_at: datetime | None
) -> dict[str, Any]:
    """Everything an export needs, in plain JSON types and in the dossier's language: exports
    render only this, so an approved document never changes when the content files do.

    Without an approver it is the current state of a dossier not (yet) approved: a concept.
    """
    lang = dossier_lang(view.dossier)
    library = view.library
    model = library.risk_model
    return {
        "format": SNAPSHOT_FORMAT,
        "dossier": {**dossier_record(view.dossier), **_marking(view, lang)},
        "questionnaire": {
            "id": library.questionnaire.id,
            "version": library.questionnaire.version,
            "title": library.questionnaire.title.get(lang),
        },
        "risk_model": {
            "id": model.id,
            "version": model.version,
            "levels": {lv.id.value: lv.label.get(lang) for lv in model.levels},
            "grid": [[level.value for level in row] for row in model.grid],
            "likelihood_scale": [p.label.get(lang) for p in model.likelihood_scale],
            "impact_scale": [p.label.get(lang) for p in model.impact_scale],
        },
        "catalogue": {"id": library.catalogue.id, "version": library.catalogue.version},
        "answers": answers_record(view),
        "answer_sheet": answer_sheet(library, view, lang),
        "results": assessment_data(library, view.assessment, lang),
        "plan": plan_record(view.plan),
        "measures": chosen_measures(library, view.chosen, lang),
        "review": review_record(view),
        "approval": (
            {**approver, "approved_at": timestamp(approved_at)}
            if approver and approved_at
            else None
        ),
    }


REVIEW_STEPS = (
    Status.SUBMITTED.value,
    Status.CHANGES_REQUESTED.value,
    Status.AWAITING_ACCEPTANCE.value,
    Status.APPROVED.value,
)
"""The steps of the review loop: a submission, a request for changes, an approval (for the
risk owner's acceptance, or final), an acceptance or its refusal."""


def decision_role(decision: Decision, owner_id: int) -> str:
    """The part its taker played in a workflow step: ``officer`` (the owner) submits, reopens
    and archives, a ``reviewer`` decides, an ``admin`` may reopen or archive, and ``system``
    is the command line."""
    if decision.actor_id is None:
        return "system"
    if decision.from_status == Status.AWAITING_ACCEPTANCE.value:
        return "risk_owner"
    if decision.to_status in (
        Status.CHANGES_REQUESTED.value,
        Status.AWAITING_ACCEPTANCE.value,
        Status.APPROVED.value,
    ):
        return "reviewer"
    if decision.to_status == Status.SUBMITTED.value or decision.actor_id == owner_id:
        return "officer"
    return "admin"


def acceptance_record(acceptance: Acceptance) -> dict[str, Any]:
    """The risk owner's acceptance as the approved snapshot keeps it."""
    owner = acceptance.risk_owner
    return {
        "user": owner.name if owner else None,
        "name": owner.display_name if owner else None,
        "role": "risk_owner",
        "accepted_at": timestamp(_utc(acceptance.decided_at)),
        "justification": acceptance.justification,
        "conditions": acceptance.conditions,
        "review_date": _iso(acceptance.review_date),
        "residual": acceptance.residual,
    }


def _utc(moment: datetime) -> datetime:
    """SQLite hands back stored UTC times without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def review_record(view: DossierView) -> list[dict[str, Any]]:
    """This revision's review loop, oldest first: each submission with the officer's note and
    each request for changes or approval with the reviewer's note, numbered by round as the
    conversation in the app numbers them (the n-th submission of the dossier opens round n)."""
    entries = []
    round_number = 0
    for d in view.decisions:  # oldest first
        if d.to_status == Status.SUBMITTED.value:
            round_number += 1
        if d.revision != view.dossier.revision or d.to_status not in REVIEW_STEPS:
            continue
        entries.append(
            {
                "round": round_number,
                "to_status": d.to_status,
                "user": d.actor.name if d.actor else "system",
                "name": d.actor.display_name if d.actor else None,
                "role": decision_role(d, view.dossier.owner_id),
                "at": timestamp(_utc(d.created_at)),
                "note": d.note,
            }
        )
    return entries


def answer_sheet(library: Library, view: DossierView, lang: Lang) -> list[dict[str, Any]]:
    """Every question that applies (hidden ones left out, as the engine ignores them), by
    section, with the answer as it reads (or null when not answered)."""
    visible = set(view.assessment.visible)
    sheet = [
        {
            "section": section.id,
            "title": section.title.get(lang),
            "questions": [
                {
                    "id": q.id,
                    "text": q.text.get(lang),
                    "answer": (
                        answer_label(q, view.answers[q.id], lang) if q.id in view.answers else None
                    ),
                }
                for q in section.questions
                if q.id in visible
            ],
        }
        for section in library.questionnaire.sections
    ]
    return [section for section in sheet if section["questions"]]


def chosen_measures(library: Library, chosen: Iterable[str], lang: Lang) -> list[dict[str, Any]]:
    """The chosen measures' texts, in catalogue order (the order the tender dossier keeps)."""
    wanted = set(chosen)
    return [
        {
            "id": m.id,
            "title": m.title.get(lang),
            "description": m.description.get(lang),
            "kind": m.kind.value,
            "phase": m.phase.value,
            "tender_section": m.section.value,
            "controls": {"bio2": list(m.controls.bio2), "iso27002": list(m.controls.iso27002)},
            "scenarios": list(measure_scenarios(library, m)),
            "tender_text": m.tender_text.get(lang),
        }
        for m in library.catalogue.measures
        if m.id in wanted
    ]


def snapshot_text(snapshot: dict[str, Any]) -> str:
    return canonical_json(snapshot)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
