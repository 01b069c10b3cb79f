"""The tender dossier as PDF: the approved plan's tender texts, chapter by chapter."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from quickscan_app.exports.pdf_base import (
    TEXT_W,
    build_pdf,
    control_lines,
    cover,
    heading,
    spacer,
    table,
    text,
)
from quickscan_app.exports.registers import source_rows, tender_chapters
from quickscan_app.exports.source import ExportSource


def render(src: ExportSource) -> bytes:
    return build_pdf(src, story)


def story(src: ExportSource) -> list[Flowable]:
    flow: list[Flowable] = [*cover(src), spacer(6), text(src.t("exp.tender_intro")), PageBreak()]
    chapters = tender_chapters(src)
    if not chapters:
        return [*flow, text(src.t("exp.no_tender_texts"))]
    for chapter in chapters:
        opening: list[Flowable] = [
            heading(f"{chapter.number}. {chapter.heading}"),
            text(chapter.intro, "small"),
            spacer(1),
        ]
        for item in chapter.items:
            paragraphs = [text(p.strip()) for p in item.text.split("\n\n") if p.strip()]
            head = heading(f"{item.number} {item.title}", 1)
            flow += [KeepTogether([*opening, head, *paragraphs[:1]]), *paragraphs[1:], spacer(2)]
            opening = []
    rows = source_rows(chapters)
    body = [
        [
            number,
            title,
            phase,
            text(control_lines(controls), "cell_small"),
            text(measure, "cell_small"),
        ]
        for number, title, phase, controls, measure in rows[1:]
    ]
    widths = [10 * mm, 44 * mm, 35 * mm, 27 * mm, TEXT_W - 116 * mm]
    flow += [
        PageBreak(),
        heading(src.t("exp.h.sources")),
        text(src.t("exp.sources_intro"), "small"),
        spacer(2),
        table([[src.t(h) for h in rows[0]], *body], widths),
    ]
    return flow
