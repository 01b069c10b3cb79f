"""The PDF mitigation plan: cover, management summary, heatmaps, risk register, measures,
open points, and annexes with all answers, the approval and an audit extract."""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Table

from quickscan_app.exports.pdf_base import (
    TEXT_W,
    bold_lead,
    build_pdf,
    bullets,
    cover,
    field_table,
    heading,
    heatmap,
    legend,
    spacer,
    table,
    text,
)
from quickscan_app.exports.registers import (
    level_label,
    measure_rows,
    rejected_rows,
    risk_rows,
)
from quickscan_app.exports.source import ExportSource


def render(src: ExportSource) -> bytes:
    return build_pdf(src, story)


def story(src: ExportSource) -> list[Flowable]:
    return [
        *cover(src),
        PageBreak(),
        *summary(src),
        *heatmaps(src),
        *register(src),
        *measures(src),
        *open_points(src),
        PageBreak(),
        *answers(src),
        *approval(src),
        *audit(src),
    ]


def summary(src: ExportSource) -> list[Flowable]:
    results = src.snapshot["results"]
    residual = results.get("residual", {}).get("overall_level")
    high = sum(1 for s in results["scenarios"] if s["level"] in ("high", "very_high"))
    flow: list[Flowable] = [
        heading(f"1. {src.t('exp.h.summary')}"),
        bold_lead(
            f"{src.t('exp.summary.overall')}:", level_label(src, results["overall_level"]).upper()
        ),
    ]
    if residual:
        flow.append(
            bold_lead(f"{src.t('exp.summary.residual')}:", level_label(src, residual).upper())
        )
    full = results["full_risk_analysis_required"]
    flow += [
        text(src.t("exp.summary.full_yes" if full else "exp.summary.full_no")),
        text(
            src.t(
                "exp.summary.counts",
                scenarios=len(results["scenarios"]),
                high=high,
                measures=len(src.snapshot["measures"]),
                open=len(results["open_points"]),
            )
        ),
        heading(src.t("exp.h.escalations"), 1),
    ]
    escalations = results["escalations"]
    if not escalations:
        return [*flow, text(src.t("exp.no_escalations"))]
    for e in escalations:
        reason = e["reason"]
        if e.get("assumes_unknown"):
            texts = "; ".join(a["text"] for a in e["assumes_unknown"])
            reason += f" {src.t('exp.escalation_assumed')}: {texts}"
        flow.append(bold_lead(f"{e['title']}.", reason, "bullet"))
    return flow


def heatmaps(src: ExportSource) -> list[Flowable]:
    results = src.snapshot["results"]
    inherent = Counter((s["likelihood"], s["impact"]) for s in results["scenarios"])
    after = results.get("residual", {}).get("scenarios") or results["scenarios"]
    residual = Counter((s["likelihood"], s["impact"]) for s in after)
    size = TEXT_W / 2 - 8 * mm
    pair = Table(
        [[
            heatmap(src, inherent, src.t("exp.h.inherent"), size),
            heatmap(src, residual, src.t("exp.h.residual"), size),
        ]],
        colWidths=[TEXT_W / 2, TEXT_W / 2],
        hAlign="LEFT",
    )  # fmt: skip
    pair.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [CondPageBreak(95 * mm), heading(f"2. {src.t('exp.h.heatmaps')}"), pair,
            spacer(2), legend(src)]  # fmt: skip


def register(src: ExportSource) -> list[Flowable]:
    rows = risk_rows(src)
    header = [src.t(f"exp.col.{c}") for c in
              ("scenario", "likelihood", "impact", "level", "residual_level")]  # fmt: skip
    body = [
        [r["scenario"], str(r["likelihood"]), str(r["impact"]), r["level"], r["residual_level"]]
        for r in rows
    ]
    flow: list[Flowable] = [
        heading(f"3. {src.t('exp.h.register')}"),
        table([header, *body], [TEXT_W - 100 * mm, 21 * mm, 17 * mm, 30 * mm, 32 * mm]),
    ]
    answers = src.t("exp.col.answer")
    for scenario in src.snapshot["results"]["scenarios"]:
        if not scenario["reasons"]:
            continue
        flow.append(heading(f"{scenario['title']} ({level_label(src, scenario['level'])})", 1))
        for reason in scenario["reasons"]:
            given = "; ".join(_answer_text(src, a) for a in reason["answers"])
            flow += bullets([reason["reason"]])
            if given:
                flow.append(text(f"{answers}: {given}", "bullet_note"))
    return flow


def _answer_text(src: ExportSource, answer: dict[str, Any]) -> str:
    if "assumed" in answer:
        return f"{answer['answer']} → {src.t('assumed')} {answer['assumed']}"
    return str(answer["answer"])


def measures(src: ExportSource) -> list[Flowable]:
    flow: list[Flowable] = [heading(f"4. {src.t('exp.h.measures')}")]
    rows = measure_rows(src)
    if not rows:
        flow.append(text(src.t("exp.no_measures")))
    else:
        header = [
            src.t(f"exp.col.{c}") for c in ("measure", "kind", "owner", "controls", "scenarios")
        ]
        body = [
            [
                [text(r["measure"], "cell_bold"), text(r["measure_id"], "cell_small")],
                [text(r["kind"], "cell"), text(r["phase"], "cell_small")],
                [text(r["owner"] or "—", "cell"), text(_due(src, r), "cell_small")],
                text(r["controls"], "cell_small"),
                text("; ".join(r["scenarios"]), "cell_small"),
            ]
            for r in rows
        ]
        widths = [TEXT_W - 118 * mm, 31 * mm, 29 * mm, 26 * mm, 32 * mm]
        flow.append(table([header, *body], widths))
    rejected = rejected_rows(src)
    if rejected:
        flow += [
            heading(src.t("exp.h.rejected"), 1),
            table(
                [[src.t("exp.col.measure"), src.t("exp.col.justification")]]
                + [[r["measure"], r["justification"] or ""] for r in rejected],
                [TEXT_W * 0.4, TEXT_W * 0.6],
            ),
        ]
    return flow


def _due(src: ExportSource, row: dict[str, Any]) -> str:
    parts = [f"{src.t('exp.col.due')} {row['due']}" if row["due"] else "", row["status"]]
    return " · ".join(p for p in parts if p)


def open_points(src: ExportSource) -> list[Flowable]:
    points = src.snapshot["results"]["open_points"]
    flow: list[Flowable] = [heading(f"5. {src.t('exp.h.open_points')}")]
    if not points:
        return [*flow, text(src.t("exp.no_open_points"))]
    header = [src.t("exp.col.question"), src.t("exp.col.assumed")]
    rows = [[p["text"], p["assumed"]] for p in points]
    return [
        *flow,
        text(src.t("open_points")),
        table([header, *rows], [TEXT_W * 0.65, TEXT_W * 0.35]),
    ]


def answers(src: ExportSource) -> list[Flowable]:
    flow: list[Flowable] = [heading(src.t("exp.h.answers"))]
    header = [src.t("exp.col.question"), src.t("exp.col.answer")]
    missing = src.t("exp.not_answered")
    for section in src.snapshot["answer_sheet"]:
        rows: list[list[Any]] = [header]
        for q in section["questions"]:
            answer = q["answer"]
            rows.append(
                [q["text"], text(answer, "cell") if answer else text(missing, "cell_small")]
            )
        flow += [heading(section["title"], 1), table(rows, [TEXT_W * 0.55, TEXT_W * 0.45])]
    return flow


def approval(src: ExportSource) -> list[Flowable]:
    flow: list[Flowable] = [CondPageBreak(60 * mm), heading(src.t("exp.h.approvals"))]
    record = src.snapshot.get("approval")
    if not record:
        return [*flow, text(src.t("exp.no_approval")),
                field_table([(src.t("exp.field.sha256"), src.sha256)])]  # fmt: skip
    from datetime import datetime

    when = src.when(datetime.fromisoformat(record["approved_at"]))
    role = src.t(f"role.{record['role']}") if record.get("role") else ""
    approver = record.get("name") or record["user"]
    return [
        *flow,
        text(src.t("exp.approval_text")),
        field_table(
            [
                (src.t("exp.col.approver"), f"{approver} ({record['user']})"),
                (src.t("exp.col.role"), role),
                (src.t("exp.col.when"), when),
                (src.t("exp.field.sha256"), src.sha256),
            ]
        ),
    ]


def audit(src: ExportSource) -> list[Flowable]:
    key = "exp.audit_text" if src.approved else "exp.audit_text_draft"
    flow: list[Flowable] = [
        spacer(2),
        heading(src.t("exp.h.audit")),
        text(src.t(key, answers=src.skipped.get("answers", 0), plan=src.skipped.get("plan", 0))),
    ]
    if not src.audit:
        return flow
    header = [src.t(f"exp.col.{c}") for c in ("seq", "when", "actor", "action", "result", "hash")]
    rows = [
        [str(e.seq), src.when(e.occurred_at), e.actor, e.action, e.result, e.hash[:16]]
        for e in src.audit
    ]
    widths = [12 * mm, 30 * mm, 32 * mm, TEXT_W - 132 * mm, 22 * mm, 36 * mm]
    return [*flow, table([header, *rows], widths)]
