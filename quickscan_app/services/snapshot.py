"""The frozen record of an approved plan, and its SHA-256."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from quickscan_app.presenters import assessment_data
from quickscan_app.services.audit import canonical_json, timestamp
from quickscan_app.services.dossiers import DossierView


def build_snapshot(
    view: DossierView, approver: dict[str, str], approved_at: datetime
) -> dict[str, Any]:
    """Everything an export needs, in plain JSON types: the export renders only this."""
    d = view.dossier
    lang = "en" if d.language == "en" else "nl"
    return {
        "format": "quickscan-snapshot/1",
        "dossier": {
            "id": d.id,
            "revision": d.revision,
            "title": d.title,
            "reference": d.reference,
            "contracting_authority": d.contracting_authority,
            "object_category": d.object_category,
            "cpv_code": d.cpv_code,
            "estimated_value": d.estimated_value,
            "procedure_type": d.procedure_type,
            "planned_rfq_date": d.planned_rfq_date.isoformat() if d.planned_rfq_date else None,
            "planned_publication_date": (
                d.planned_publication_date.isoformat() if d.planned_publication_date else None
            ),
            "language": d.language,
            "classification": d.classification,
            "owner": d.owner.name,
        },
        "questionnaire": {
            "id": view.library.questionnaire.id,
            "version": view.library.questionnaire.version,
        },
        "risk_model": {
            "id": view.library.risk_model.id,
            "version": view.library.risk_model.version,
        },
        "catalogue": {"id": view.library.catalogue.id, "version": view.library.catalogue.version},
        "answers": {
            q: (v.isoformat() if hasattr(v, "isoformat") else v)
            for q, v in sorted(view.answers.items())
        },
        "results": assessment_data(view.library, view.assessment, lang),
        "plan": [
            {
                "measure": p.measure_id,
                "decision": p.decision,
                "justification": p.justification,
                "owner": p.owner,
                "phase": p.phase,
                "due_date": p.due_date.isoformat() if p.due_date else None,
                "status": p.status,
            }
            for p in view.plan
        ],
        "approval": {**approver, "approved_at": timestamp(approved_at)},
    }


def snapshot_text(snapshot: dict[str, Any]) -> str:
    return canonical_json(snapshot)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
