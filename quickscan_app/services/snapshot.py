"""The frozen record of an approved plan, its SHA-256, and the JSON forms of dossier rows."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from quickscan_app.presenters import assessment_data
from quickscan_app.services.audit import canonical_json, timestamp
from quickscan_app.services.dossiers import DossierView, answer_json
from quickscan_app.store.models import Dossier, PlanItem


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


def build_snapshot(
    view: DossierView, approver: dict[str, str], approved_at: datetime
) -> dict[str, Any]:
    """Everything an export needs, in plain JSON types: the export renders only this."""
    lang = "en" if view.dossier.language == "en" else "nl"
    library = view.library
    return {
        "format": "quickscan-snapshot/1",
        "dossier": dossier_record(view.dossier),
        "questionnaire": {"id": library.questionnaire.id, "version": library.questionnaire.version},
        "risk_model": {"id": library.risk_model.id, "version": library.risk_model.version},
        "catalogue": {"id": library.catalogue.id, "version": library.catalogue.version},
        "answers": answers_record(view),
        "results": assessment_data(library, view.assessment, lang),
        "plan": plan_record(view.plan),
        "approval": {**approver, "approved_at": timestamp(approved_at)},
    }


def snapshot_text(snapshot: dict[str, Any]) -> str:
    return canonical_json(snapshot)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
