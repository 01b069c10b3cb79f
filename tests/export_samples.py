"""Hand-written export sources, shaped like ``services.snapshot.build_snapshot`` makes them.

No database and no content files: tests of the renderers build a source here, with user text
that tries to break things (formulas, markup, letters beyond Latin-1).
"""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from quickscan_app.exports.source import ExportSource, Kind
from quickscan_app.strings import STRINGS

ISSUED_AT = datetime(2026, 11, 28, 12, 5, 30, 123456, tzinfo=UTC)
HOSTILE_TITLE = '=HYPERLINK("http://x")'
MARKUP = '<font color="red">&amp;</b>'
UNICODE = "Łódź Ærø € “quotes”"
TITLE = f"Scanners {UNICODE} & <co>"

LEVELS = {
    "nl": {"low": "laag", "medium": "midden", "high": "hoog", "very_high": "zeer hoog"},
    "en": {"low": "low", "medium": "medium", "high": "high", "very_high": "very high"},
}
GRID = [
    ["low", "low", "low", "medium", "medium"],
    ["low", "low", "medium", "medium", "high"],
    ["low", "medium", "medium", "high", "high"],
    ["medium", "medium", "high", "high", "very_high"],
    ["medium", "high", "high", "very_high", "very_high"],
]

BASE_MEASURES: list[dict[str, Any]] = [
    {
        "id": "contract_audit_right",
        "title": "Auditrecht in het contract",
        "description": "De opdrachtgever mag de leverancier (laten) auditen.",
        "kind": "contract_clause",
        "phase": "in_tender_documents",
        "tender_section": "contract_clauses",
        "controls": {"bio2": ["5.20.01"], "iso27002": ["5.20"]},
        "scenarios": ["espionage"],
        "tender_text": (
            "Opdrachtnemer verleent Opdrachtgever het recht op audit.\n\n"
            f"Tweede alinea met {MARKUP} en {UNICODE}.\nNieuwe regel in dezelfde alinea."
        ),
    },
    {
        "id": "third_country_exclusion",
        "title": HOSTILE_TITLE,
        "description": "Uitsluiting van ondernemers uit derde landen.",
        "kind": "exclusion_ground",
        "phase": "in_tender_documents",
        "tender_section": "exclusion_selection",
        "controls": {"bio2": ["5.19.01"], "iso27002": ["5.19", "5.31"]},
        "scenarios": ["espionage", "sabotage"],
        "tender_text": "Tot deze aanbesteding worden uitsluitend ondernemers uit de EU toegelaten.",
    },
    {
        "id": "supplier_nda",
        "title": f"Geheimhouding {UNICODE}",
        "description": "Geheimhoudingsverklaring vóór het verzoek om offerte.",
        "kind": "procedural",
        "phase": "before_publication",
        "tender_section": "nda",
        "controls": {"bio2": ["5.14.01"], "iso27002": []},
        "scenarios": ["espionage"],
        "tender_text": "Ondertekening van de geheimhoudingsverklaring [datum].",
    },
    {
        "id": "patch_management",
        "title": "Ondertekende updates",
        "description": "Updates zijn ondertekend en getest.",
        "kind": "requirement",
        "phase": "in_tender_documents",
        "tender_section": "requirements",
        "controls": {"bio2": [], "iso27002": ["8.8"]},
        "scenarios": ["sabotage"],
        "tender_text": "- Alle updates zijn digitaal ondertekend.\n- Updates worden eerst getest.",
    },
]
SECTIONS = [m["tender_section"] for m in BASE_MEASURES]


def _measures(count: int | None) -> list[dict[str, Any]]:
    if count is None:
        return copy.deepcopy(BASE_MEASURES)
    measures = []
    for i in range(count):
        m = copy.deepcopy(BASE_MEASURES[i % len(BASE_MEASURES)])
        m["id"] = f"{m['id']}_{i:03d}"
        m["tender_text"] = (m["tender_text"] + "\n\n") * (1 + i % 3)
        measures.append(m)
    return measures


def _plan(measures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    owners = ["@SUM(1+1)", "Contractmanager", "+31 70 123 4567", UNICODE]
    plan = [
        {
            "measure": m["id"],
            "decision": "selected",
            "justification": None,
            "owner": owners[i % len(owners)],
            "phase": m["phase"],
            "due_date": "2027-01-15" if i % 2 == 0 else None,
            "status": "planned" if i % 3 else "in_progress",
        }
        for i, m in enumerate(measures)
    ]
    plan.append(
        {
            "measure": "staff_screening",
            "decision": "rejected",
            "justification": "-2+3 is al geregeld via de VOG",
            "owner": None,
            "phase": None,
            "due_date": None,
            "status": "planned",
        }
    )
    return plan


def sample_snapshot(
    *,
    lang: str = "nl",
    title: str = TITLE,
    approved: bool = True,
    measures: int | None = None,
    classification: str | None = "Departementaal Vertrouwelijk",
) -> dict[str, Any]:
    chosen = _measures(measures)
    levels = LEVELS[lang]
    return {
        "format": "quickscan-snapshot/2",
        "dossier": {
            "id": 7,
            "revision": 2,
            "title": title,
            "reference": "DOUANE-2027-007",
            "contracting_authority": "Douane (Belastingdienst)",
            "object_category": "maintenance_services",
            "cpv_code": "50000000-5",
            "estimated_value": 12500000,
            "procedure_type": "open",
            "planned_rfq_date": None,
            "planned_publication_date": "2027-01-15",
            "language": lang,
            "classification": classification,
            "owner": "officer",
        },
        "questionnaire": {"id": "scan-detection", "version": 1, "title": "Quickscan scanners"},
        "risk_model": {
            "id": "ns-risk",
            "version": 1,
            "levels": levels,
            "grid": GRID,
            "likelihood_scale": ["1", "2", "3", "4", "5"],
            "impact_scale": ["1", "2", "3", "4", "5"],
        },
        "catalogue": {"id": "scan-detection-measures", "version": 1},
        "answers": {"remote_maintenance": "yes", "number_of_units": 12},
        "answer_sheet": [
            {
                "section": "use",
                "title": "Gebruik",
                "questions": [
                    {"id": "remote_maintenance", "text": "Onderhoud op afstand?", "answer": "ja"},
                    {"id": "number_of_units", "text": "Hoeveel apparaten?", "answer": "12"},
                ],
            }
        ],
        "results": {
            "questionnaire": {"id": "scan-detection", "version": 1},
            "language": lang,
            "complete": True,
            "open_required": [],
            "scenarios": [
                {
                    "id": "espionage",
                    "title": f"Spionage {UNICODE}",
                    "likelihood": 5,
                    "impact": 4,
                    "level": "very_high",
                    "level_label": levels["very_high"],
                    "reasons": [
                        {
                            "rule": "remote",
                            "dimension": "likelihood",
                            "effect": "+1",
                            "reason": "Onderhoud op afstand door de leverancier",
                            "answers": [{"question": "remote_maintenance", "answer": "ja"}],
                        },
                        {
                            "rule": "units",
                            "dimension": "impact",
                            "effect": ">=3",
                            "reason": "=1+1 veel apparaten",
                            "answers": [{"question": "number_of_units", "answer": "12"}],
                        },
                    ],
                },
                {
                    "id": "sabotage",
                    "title": "Sabotage",
                    "likelihood": 3,
                    "impact": 3,
                    "level": "medium",
                    "level_label": levels["medium"],
                    "reasons": [],
                },
            ],
            "overall_level": "very_high",
            "full_risk_analysis_required": True,
            "escalations": [],
            "open_points": [],
            "proposed_measures": [
                {
                    "id": m["id"],
                    "title": m["title"],
                    "kind": m["kind"],
                    "phase": m["phase"],
                    "reduction": 10,
                    "scenarios": m["scenarios"],
                }
                for m in chosen
            ]
            + [
                {
                    "id": "staff_screening",
                    "title": "Screening van personeel",
                    "kind": "organisational",
                    "phase": "during_contract",
                    "reduction": 5,
                    "scenarios": ["espionage"],
                }
            ],
            "residual": {
                "overall_level": "low",
                "scenarios": [
                    {
                        "id": "espionage",
                        "likelihood": 2,
                        "impact": 2,
                        "level": "low",
                        "measures": [m["id"] for m in chosen],
                    },
                    {
                        "id": "sabotage",
                        "likelihood": 1,
                        "impact": 3,
                        "level": "low",
                        "measures": [],
                    },
                ],
            },
        },
        "plan": _plan(chosen),
        "measures": chosen,
        "review": [],
        "approval": (
            {
                "user": "reviewer",
                "name": "Ruben Bakker",
                "role": "reviewer",
                "note": None,
                "approved_at": ISSUED_AT.isoformat(timespec="microseconds"),
            }
            if approved
            else None
        ),
    }


def sample_source(
    kind: Kind = "plan",
    *,
    lang: str = "nl",
    title: str = TITLE,
    approved: bool = True,
    measures: int | None = None,
    classification: str | None = "Departementaal Vertrouwelijk",
    issued_at: datetime = ISSUED_AT,
) -> ExportSource:
    """A source for ``kind``; ``measures`` chosen measures (default: four, one per chapter)."""
    snapshot = sample_snapshot(
        lang=lang,
        title=title,
        approved=approved,
        measures=measures,
        classification=classification,
    )
    text = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ExportSource(kind, snapshot, sha, issued_at)


def text(key: str, lang: str = "nl") -> str:
    """An interface string, for assertions."""
    return STRINGS[key][lang]
