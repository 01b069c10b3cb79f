"""The PDF mitigation plan: cover, management summary, heatmaps, risk register, measures,
open points, and annexes with all answers, the approval with the course of the review, an
audit extract and the measures' catalogue ids (the only place an internal id shows)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Table

from quickscan_app.domain.people import role_beside
from quickscan_app.exports.pdf_base import (
    TEXT_W,
    bold_lead,
    build_pdf,
    bullets,
    control_lines,
    cover,
    field_table,
    heading,
    heatmap,
    legend,
    numbered_legend,
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
from quickscan_app.i18n import code_word, format_date


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
        *measure_ids(src),
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
                scenarios=src.plural("count.scenarios", len(results["scenarios"])),
                high=high,
                measures=src.plural("count.measures", len(src.snapshot["measures"])),
                open=src.plural("count.open_points", len(results["open_points"])),
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
    """Both grids with the scenarios' numbers in their cells (as in the web app), and what
    each number stands for; the risk register below uses the same numbers."""
    results = src.snapshot["results"]
    scenarios = results["scenarios"]
    number = {s["id"]: n for n, s in enumerate(scenarios, start=1)}
    after = {s["id"]: s for s in results.get("residual", {}).get("scenarios") or []}
    inherent: dict[tuple[int, int], list[int]] = {}
    residual: dict[tuple[int, int], list[int]] = {}
    for s in scenarios:
        inherent.setdefault((s["likelihood"], s["impact"]), []).append(number[s["id"]])
        late = after.get(s["id"], s)
        residual.setdefault((late["likelihood"], late["impact"]), []).append(number[s["id"]])
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
    return [CondPageBreak(125 * mm), heading(f"2. {src.t('exp.h.heatmaps')}"), pair,
            spacer(2), legend(src), spacer(2), text(src.t("exp.heatmap_numbers"), "small"),
            numbered_legend([s["title"] for s in scenarios])]  # fmt: skip


def register(src: ExportSource) -> list[Flowable]:
    rows = risk_rows(src)
    columns = ("number", "scenario", "likelihood", "impact", "level", "residual_level")
    header = [src.t(f"exp.col.{c}") for c in columns]
    body = [
        [str(n), r["scenario"], str(r["likelihood"]), str(r["impact"]), r["level"],
         r["residual_level"]]
        for n, r in enumerate(rows, start=1)
    ]  # fmt: skip
    flow: list[Flowable] = [
        heading(f"3. {src.t('exp.h.register')}"),
        table([header, *body], [9 * mm, TEXT_W - 109 * mm, 21 * mm, 17 * mm, 30 * mm, 32 * mm]),
    ]
    answers = src.t("exp.col.answer")
    for n, scenario in enumerate(src.snapshot["results"]["scenarios"], start=1):
        if not scenario["reasons"]:
            continue
        title = f"{n}. {scenario['title']} ({level_label(src, scenario['level'])})"
        flow.append(heading(title, 1))
        # Snapshots before risk model v2 carry no "counts": every reason counted then.
        folded = [r for r in scenario["reasons"] if not r.get("counts", True)]
        for reason in scenario["reasons"]:
            if reason in folded:
                continue
            given = "; ".join(_answer_text(src, a) for a in reason["answers"])
            flow += bullets([reason["reason"]])
            if given:
                flow.append(text(f"{answers}: {given}", "bullet_note"))
        if folded:
            causes = dict.fromkeys(r.get("group_title") or r["rule"] for r in folded)
            line = f"{src.t('reasons_folded')} ({len(folded)}): {', '.join(causes)}."
            flow.append(text(line[0].upper() + line[1:], "small"))
    return flow


def _answer_text(src: ExportSource, answer: dict[str, Any]) -> str:
    if "assumed" in answer:
        return f"{answer['answer']} → {src.t('assumed')} {answer['assumed']}"
    return str(answer["answer"])


def measures(src: ExportSource) -> list[Flowable]:
    """The chosen measures by title (their catalogue ids are in annex D, not here)."""
    flow: list[Flowable] = [heading(f"4. {src.t('exp.h.measures')}")]
    rows = measure_rows(src)
    if not rows:
        flow.append(text(src.t("exp.no_measures")))
    else:
        number = {s["id"]: n for n, s in enumerate(src.snapshot["results"]["scenarios"], 1)}
        header = [
            src.t(f"exp.col.{c}")
            for c in ("measure", "kind", "owner", "controls", "scenario_numbers")
        ]
        body = [
            [
                text(f"{n}. {r['measure']}", "cell_bold"),
                [text(r["kind"], "cell"), text(r["phase"], "cell_small")],
                [text(r["owner"] or "—", "cell"), text(_due(src, r), "cell_small")],
                text(control_lines(r["controls"]), "cell_small"),
                text(", ".join(str(i) for i in sorted(number[s] for s in r["scenario_ids"]
                                                          if s in number)), "cell"),
            ]
            for n, r in enumerate(rows, start=1)
        ]  # fmt: skip
        widths = [TEXT_W - 118 * mm, 34 * mm, 36 * mm, 27 * mm, 21 * mm]
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
                field_table([(src.t("exp.field.sha256"), src.sha256)]), *review(src)]  # fmt: skip
    when = src.when(datetime.fromisoformat(record["approved_at"]))
    role = review_role(src, record.get("role"))
    # The name as the account shows it ("Ruben Bakker (beveiligingsadviseur)") and the part
    # played ("Beoordelaar") each once, in fields of their own; the user name (as in the audit
    # extract) too, not appended in brackets.
    fields = [(src.t("exp.col.approver"), record.get("name") or record["user"])]
    if record.get("name") and record["name"] != record["user"]:
        fields.append((src.t("exp.col.username"), record["user"]))
    fields += [(src.t("exp.col.role"), role[:1].upper() + role[1:]), (src.t("exp.col.when"), when)]
    if record.get("note"):
        fields.append((src.t("exp.field.approval_note"), record["note"]))
    if record.get("review_date"):
        fields.append((src.t("exp.field.review_date"), _day(src, record["review_date"])))
    fields.append((src.t("exp.field.sha256"), src.sha256))
    return [
        *flow,
        text(src.t("exp.approval_text")),
        text(src.t("exp.verify_command"), "code"),
        field_table(fields),
        *acceptance(src),
        *review(src),
    ]


def _day(src: ExportSource, iso: str) -> str:
    return format_date(date.fromisoformat(iso), src.lang)


def acceptance(src: ExportSource) -> list[Flowable]:
    """The risk owner's acceptance of the residual risk (ISO/IEC 27001:2022, 6.1.3 f), where
    one was needed: who, as what, when, the reasons, the conditions, the review date and the
    risks accepted."""
    record = src.snapshot.get("acceptance")
    if not record:
        return []
    who = record.get("name") or record.get("user") or ""
    role = review_role(src, record.get("role"))
    fields = [
        (src.t("exp.col.accepted_by"), who),
        (src.t("exp.col.role"), role[:1].upper() + role[1:]),
        (src.t("exp.col.when"), src.when(datetime.fromisoformat(record["accepted_at"]))),
        (src.t("exp.field.acceptance_reasons"), record["justification"]),
    ]
    if record.get("conditions"):
        fields.append((src.t("exp.field.acceptance_conditions"), record["conditions"]))
    if record.get("review_date"):
        fields.append((src.t("exp.field.review_date"), _day(src, record["review_date"])))
    header = [src.t(f"exp.col.{c}") for c in ("scenario", "likelihood", "impact", "level")]
    levels = src.snapshot["risk_model"]["levels"]
    rows = [
        [text(r["title"], "cell"), str(r["likelihood"]), str(r["impact"]),
         text(levels.get(r["level"], r["level"]), "cell")]
        for r in record.get("residual", [])
    ]  # fmt: skip
    return [
        CondPageBreak(50 * mm),
        heading(src.t("exp.h.acceptance"), 1),
        text(src.t("exp.acceptance_text")),
        field_table(fields),
        table([header, *rows], [TEXT_W - 70 * mm, 18 * mm, 18 * mm, 34 * mm]),
    ]


def review_role(src: ExportSource, role: str | None) -> str:
    """The part someone played in the review ("beoordelaar"), in the document's language."""
    return src.t(f"review_role.{role}") if role else ""


def _who(src: ExportSource, entry: dict[str, Any]) -> str:
    return entry.get("name") or audit_label(src, "actor", entry["user"])


def review(src: ExportSource) -> list[Flowable]:
    """The course of the review of this version, round by round: who submitted or decided,
    as what (unless their name already says so), when, and their note. Snapshots made before
    notes were kept carry none."""
    entries = src.snapshot.get("review") or []
    if not entries:
        return []
    header = [src.t(f"exp.col.{c}") for c in ("round", "step", "actor", "note")]
    rows = [
        [
            str(e["round"]),
            [text(src.t(f"status.{e['to_status']}"), "cell"),
             text(src.when(datetime.fromisoformat(e["at"])), "cell_small")],
            [text(_who(src, e), "cell"),
             text(role_beside(_who(src, e), review_role(src, e.get("role"))), "cell_small")],
            text(e.get("note") or "—", "cell"),
        ]
        for e in entries
    ]  # fmt: skip
    return [
        CondPageBreak(50 * mm),
        heading(src.t("exp.h.review"), 1),
        text(src.t("exp.review_text")),
        table([header, *rows], [14 * mm, 36 * mm, 46 * mm, TEXT_W - 96 * mm]),
    ]


def audit_label(src: ExportSource, family: str, code: str) -> str:
    """An audit code (``dossier.approve``, ``success``, ``system``) in the document's language;
    a code without a translation (an action added later) as it is."""
    return code_word(f"exp.audit.{family}", code, src.lang)


def audit(src: ExportSource) -> list[Flowable]:
    key = "exp.audit_text" if src.approved else "exp.audit_text_draft"
    flow: list[Flowable] = [
        spacer(2),
        heading(src.t("exp.h.audit")),
        text(
            src.t(
                key,
                answers=src.plural("count.answer_changes", src.skipped.get("answers", 0)),
                plan=src.plural("count.plan_changes", src.skipped.get("plan", 0)),
            )
        ),
    ]
    if not src.audit:
        return flow
    header = [src.t(f"exp.col.{c}") for c in ("seq", "when", "actor", "action", "result", "hash")]
    rows = [
        [
            str(e.seq),
            src.when(e.occurred_at),
            audit_label(src, "actor", e.actor),
            audit_label(src, "action", e.action),
            audit_label(src, "result", e.result),
            e.hash[:16],
        ]
        for e in src.audit
    ]
    widths = [11 * mm, 33 * mm, 26 * mm, TEXT_W - 127 * mm, 22 * mm, 35 * mm]
    return [*flow, table([header, *rows], widths)]


def measure_ids(src: ExportSource) -> list[Flowable]:
    """Annex D: each measure's catalogue id, numbered as in chapter 4."""
    rows = measure_rows(src)
    if not rows:
        return []
    header = [src.t("exp.col.number"), src.t("exp.col.measure"), src.t("exp.col.measure_id")]
    body = [[str(n), r["measure"], r["measure_id"]] for n, r in enumerate(rows, start=1)]
    return [
        CondPageBreak(50 * mm),
        heading(src.t("exp.h.measure_ids")),
        text(src.t("exp.measure_ids_intro")),
        table([header, *body], [10 * mm, TEXT_W - 75 * mm, 65 * mm]),
    ]
