"""The tables every format shares: risk register, measure register, tender texts by chapter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from quickscan_app.domain.measures import TenderSection
from quickscan_app.exports.source import ExportSource
from quickscan_app.i18n import format_date


@dataclass(frozen=True)
class TenderItem:
    number: str
    measure: str
    title: str
    text: str
    phase: str
    """The phase the plan gives it (the plan's choice, else the catalogue's), as a label."""
    controls: str
    """BIO2 and ISO/IEC 27002 references: for the annex, never in the text a team pastes."""


@dataclass(frozen=True)
class TenderChapter:
    number: int
    section: str
    heading: str
    intro: str
    items: tuple[TenderItem, ...]


def level_label(src: ExportSource, level: str | None) -> str:
    if not level:
        return ""
    return src.snapshot["risk_model"]["levels"].get(level, level)


def controls_text(measure: dict[str, Any]) -> str:
    controls = measure["controls"]
    parts = [f"BIO2 {c}" for c in controls.get("bio2", [])]
    parts += [f"ISO 27002 {c}" for c in controls.get("iso27002", [])]
    return ", ".join(parts)


def scenario_titles(src: ExportSource) -> dict[str, str]:
    return {s["id"]: s["title"] for s in src.snapshot["results"]["scenarios"]}


def risk_rows(src: ExportSource) -> list[dict[str, Any]]:
    """One row per scenario: inherent and residual level, with the reasons behind it."""
    results = src.snapshot["results"]
    residual = {r["id"]: r for r in results.get("residual", {}).get("scenarios", [])}
    rows = []
    for s in results["scenarios"]:
        after = residual.get(s["id"], s)
        rows.append(
            {
                "scenario": s["title"],
                "likelihood": s["likelihood"],
                "impact": s["impact"],
                "level": level_label(src, s["level"]),
                "residual_level": level_label(src, after["level"]),
                "reasons": [r["reason"] for r in s["reasons"]],
            }
        )
    return rows


def phase_label(src: ExportSource, measure: dict[str, Any], item: dict[str, Any]) -> str:
    """When a chosen measure is taken: the plan's choice (``item``), else the catalogue's. The
    plan, its registers and the tender dossier all read it here, so they never disagree."""
    return src.t(f"phase.{item.get('phase') or measure['phase']}")


def measure_rows(src: ExportSource) -> list[dict[str, Any]]:
    """One row per chosen measure, with the plan's owner, due date and progress."""
    plan = {p["measure"]: p for p in src.snapshot["plan"]}
    titles = scenario_titles(src)
    rows = []
    for m in src.snapshot["measures"]:
        item = plan.get(m["id"], {})
        due = item.get("due_date")
        rows.append(
            {
                "measure_id": m["id"],
                "measure": m["title"],
                "kind": src.t(f"kind.{m['kind']}"),
                "phase": phase_label(src, m, item),
                "owner": item.get("owner") or "",
                "due": format_date(date.fromisoformat(due), src.lang) if due else "",
                "due_date": date.fromisoformat(due) if due else None,
                "status": src.t(f"impl.{item.get('status') or 'planned'}"),
                "controls": controls_text(m),
                "scenarios": [titles.get(s, s) for s in m["scenarios"]],
                "scenario_ids": list(m["scenarios"]),
            }
        )
    return rows


def rejected_rows(src: ExportSource) -> list[dict[str, str]]:
    """Proposals the buyer turned down, with the reason given."""
    proposed = {p["id"]: p["title"] for p in src.snapshot["results"]["proposed_measures"]}
    return [
        {"measure": proposed.get(p["measure"], p["measure"]), "justification": p["justification"]}
        for p in src.snapshot["plan"]
        if p["decision"] == "rejected"
    ]


def tender_chapters(src: ExportSource) -> list[TenderChapter]:
    """The chosen measures' tender texts by chapter, numbered 1, 1.1, …; empty chapters left out."""
    by_section: dict[str, list[dict[str, Any]]] = {}
    plan = {p["measure"]: p for p in src.snapshot["plan"]}
    for m in src.snapshot["measures"]:
        by_section.setdefault(m["tender_section"], []).append(m)
    chapters = []
    for section in TenderSection:
        measures = by_section.get(section.value)
        if not measures:
            continue
        number = len(chapters) + 1
        items = tuple(
            TenderItem(
                number=f"{number}.{i}",
                measure=m["id"],
                title=m["title"],
                text=m["tender_text"],
                phase=phase_label(src, m, plan.get(m["id"], {})),
                controls=controls_text(m),
            )
            for i, m in enumerate(measures, start=1)
        )
        chapters.append(
            TenderChapter(
                number=number,
                section=section.value,
                heading=src.t(f"exp.tender.{section.value}"),
                intro=src.t(f"exp.tender.{section.value}.intro"),
                items=items,
            )
        )
    return chapters


def source_rows(chapters: list[TenderChapter]) -> list[tuple[str, ...]]:
    """The annex of the tender dossier: header (string keys) and one row per text."""
    header = ("exp.col.number", "exp.col.measure", "exp.col.phase", "exp.col.controls",
              "exp.col.measure_id")  # fmt: skip
    rows: list[tuple[str, ...]] = [header]
    for chapter in chapters:
        rows += [(i.number, i.title, i.phase, i.controls, i.measure) for i in chapter.items]
    return rows
