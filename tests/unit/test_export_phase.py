"""One phase per measure in every document (issue 13: the tender dossier said "In de
aanbestedingsstukken" where the plan said "Tijdens het contract"): the plan's choice, else
the catalogue's."""

from __future__ import annotations

import io

import docx
import openpyxl

from quickscan_app.exports.render import render
from tests.export_samples import sample_source, text
from tests.unit.test_export_pdf import flat, pages_of


def test_the_plan_and_the_tender_dossier_agree_on_the_phase() -> None:
    plan, tender = sample_source("plan"), sample_source("tender")
    for src in (plan, tender):
        first = src.snapshot["measures"][0]
        assert first["phase"] == "in_tender_documents"  # the catalogue's
        item = next(p for p in src.snapshot["plan"] if p["measure"] == first["id"])
        item["phase"] = "during_contract"  # the buyer's choice in the plan
    title, wanted = plan.snapshot["measures"][0]["title"], text("phase.during_contract")

    measures = openpyxl.load_workbook(io.BytesIO(render(plan, "xlsx")))[text("exp.sheet.measures")]
    head = [c.value for c in measures[1]]
    row = next(r for r in measures.iter_rows(min_row=2, values_only=True) if r[1] == title)
    assert row[head.index(text("exp.col.phase"))] == wanted

    texts = openpyxl.load_workbook(io.BytesIO(render(tender, "xlsx")))[text("exp.sheet.tender")]
    head = [c.value for c in texts[1]]
    row = next(
        r for r in texts.iter_rows(min_row=2, values_only=True)
        if r[head.index(text("exp.col.measure"))] == title
    )  # fmt: skip
    assert row[head.index(text("exp.col.phase"))] == wanted

    annex = docx.Document(io.BytesIO(render(tender, "docx"))).tables[-1]
    cells = next([c.text for c in r.cells] for r in annex.rows if r.cells[1].text == title)
    assert cells[2] == wanted

    tender_pdf = flat(pages_of(render(tender, "pdf"))[-1])
    assert f"{title} {wanted}" in tender_pdf
    plan_pdf = flat(" ".join(pages_of(render(plan, "pdf"))))
    assert wanted in plan_pdf[plan_pdf.index(f"1. {title}") :][:300]
