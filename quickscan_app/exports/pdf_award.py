"""The award report as PDF: every approved bidder check against the approved plan."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from quickscan_app.exports.compare_rows import award_rows
from quickscan_app.exports.pdf_base import (
    TEXT_W,
    build_pdf,
    bullets,
    cover,
    field_table,
    heading,
    spacer,
    table,
    text,
)
from quickscan_app.exports.registers import level_label, scenario_titles
from quickscan_app.exports.source import ExportSource
from quickscan_app.i18n import t


def render(src: ExportSource) -> bytes:
    return build_pdf(src, story)


BIDDERS_PER_TABLE = 4
"""Bidder columns beside the aspect and the plan in one table; more bidders, more tables."""


def story(src: ExportSource) -> list[Flowable]:
    flow: list[Flowable] = [*cover(src), spacer(6), text(src.t("exp.award_intro")), PageBreak()]
    flow += [*side_by_side(src), PageBreak()]
    for number, check in enumerate(src.bidders, start=1):
        flow += [CondPageBreak(80), *bidder(src, number, check), spacer(6)]
    return flow


def bidder(src: ExportSource, number: int, check: dict[str, Any]) -> list[Flowable]:
    titles = {m["id"]: m["title"] for m in src.snapshot["measures"]}
    scenarios = scenario_titles(src)
    approval = check.get("approval", {})
    when = approval.get("approved_at")
    fields = [
        (src.t("exp.award.verdict"), src.t(f"ui.award.verdict.{check['verdict']}")),
        (
            src.t("exp.award.residual"),
            f"{level_label(src, check['residual_level'])} "
            f"({level_label(src, check['plan_residual_level'])})",
        ),
        (src.t("ui.award.registration"), check.get("registration_country") or "—"),
        (src.t("ui.award.parent"), check.get("parent_country") or "—"),
        (src.t("ui.award.ownership"), check.get("ownership") or "—"),
        (src.t("ui.award.subcontractors"), check.get("subcontractors") or "—"),
        (
            src.t("exp.award.approved"),
            f"{approval.get('approved_by', '')}, "
            f"{src.when(datetime.fromisoformat(when)) if when else ''}",
        ),
        ("SHA-256", check.get("sha256", "")),
    ]
    header = [src.t("ui.award.col.requirement"), src.t("ui.award.col.response"),
              src.t("ui.award.col.note")]  # fmt: skip
    rows = [
        [titles.get(r["measure"], r["measure"]), t(f"ui.award.response.{r['response']}", src.lang),
         r.get("note") or ""]
        for r in check["requirements"]
    ]  # fmt: skip
    flow: list[Flowable] = [
        heading(f"{number}. {check['name']}"),
        field_table(fields),
        spacer(3),
        table([header, *rows], [TEXT_W * 0.45, TEXT_W * 0.17, TEXT_W * 0.38]),
    ]
    if check.get("worse"):
        flow += [
            heading(src.t("exp.award.worse"), 1),
            *bullets(
                f"{scenarios.get(w['scenario'], w['scenario'])}: "
                f"{level_label(src, w['plan'])} → {level_label(src, w['bidder'])}"
                for w in check["worse"]
            ),
        ]
    return flow


def side_by_side(src: ExportSource) -> list[Flowable]:
    """The bidders side by side: the rows the web page shows, a few bidders per table."""
    rows = award_rows(src)
    heads = list(rows[0]) if rows else []
    fixed, bidders = heads[:2], heads[2:]
    flow: list[Flowable] = [
        heading(src.t("exp.award.compare")),
        text(src.t("exp.award.compare_intro")),
    ]
    for start in range(0, len(bidders), BIDDERS_PER_TABLE):
        shown = fixed + bidders[start : start + BIDDERS_PER_TABLE]
        rest = TEXT_W * 0.58 / (len(shown) - 2)
        widths = [TEXT_W * 0.26, TEXT_W * 0.16] + [rest] * (len(shown) - 2)
        grid = [shown, *([row[c] for c in shown] for row in rows)]
        flow += [spacer(3), table(grid, widths)]
    return flow
