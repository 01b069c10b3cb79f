"""The award report's 'bidders side by side' section, from a hand-written source: every
approved check beside the plan, user text shown literally, the same rows as the web page."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.platypus import Table

from quickscan_app.exports import pdf_award
from quickscan_app.exports.compare_rows import award_comparison, compare_rows
from quickscan_app.exports.render import render
from quickscan_app.exports.source import ExportSource
from tests.export_samples import HOSTILE_TITLE, ISSUED_AT, MARKUP, UNICODE, sample_source, text
from tests.unit.test_export_pdf import flat, pages_of

KNOCK_OUT = {"third_country_exclusion", "patch_management"}
HOSTILE_NAME = f"{MARKUP} {UNICODE} =1+1"


def record(number: int, name: str, responses: dict[str, str], **result: Any) -> dict[str, Any]:
    """A check as ``services.bidders.bidder_record`` freezes it at approval."""
    return {
        "format": "quickscan-bidder/1",
        "dossier": 7, "revision": 2, "bidder": number, "name": name,
        "registration_country": "Nederland", "parent_country": None,
        "ownership": None, "subcontractors": None, "answers": {},
        "requirements": [
            {"measure": m, "response": r, "note": "", "knock_out": m in KNOCK_OUT}
            for m, r in responses.items()
        ],
        "residual_level": "low", "plan_residual_level": "low", "worse": [],
        "verdict": "fits",
        "approval": {"approved_by": "Ruben Bakker", "approved_at": ISSUED_AT.isoformat()},
        "sha256": f"{number:x}" * 64,
        **result,
    }  # fmt: skip


MET = {"contract_audit_right": "met", "third_country_exclusion": "met", "patch_management": "met"}
SCENARIOS_LOW = [
    {"scenario": "espionage", "plan": "low", "bidder": "low"},
    {"scenario": "sabotage", "plan": "low", "bidder": "low"},
]


def award_source(*checks: dict[str, Any], lang: str = "nl") -> ExportSource:
    return replace(sample_source("award", lang=lang), bidders=checks)


def hostile_and_failing() -> ExportSource:
    failing = {**MET, "third_country_exclusion": "not_met", "contract_audit_right": "unknown"}
    return award_source(
        record(1, HOSTILE_NAME, MET, scenarios=SCENARIOS_LOW),
        record(
            2, "Far Away Ltd", failing, residual_level="high", verdict="does_not_fit",
            worse=[{"scenario": "espionage", "plan": "low", "bidder": "high"}],
            scenarios=[{**SCENARIOS_LOW[0], "bidder": "high"}, SCENARIOS_LOW[1]],
        ),
        # approved before the record kept every scenario: only the worse ones are known
        record(3, "Oud B.V.", MET),
    )  # fmt: skip


def cells(flowables: list) -> list[list[list[str]]]:
    """The plain text of every table among ``flowables``, row by row."""
    return [
        [[cell.getPlainText() for cell in row] for row in f._cellvalues]
        for f in flowables
        if isinstance(f, Table)
    ]


def test_the_section_shows_every_check_beside_the_plan_with_names_literally() -> None:
    src = hostile_and_failing()
    [grid] = cells(pdf_award.side_by_side(src))
    head, *rows = grid
    assert head == ["Onderdeel", "Plan", f"1. {HOSTILE_NAME}", "2. Far Away Ltd", "3. Oud B.V."]
    by_aspect = {row[0]: row[1:] for row in rows}
    assert by_aspect[f"Spionage {UNICODE}"] == [
        "laag", "laag", "hoog: hoger dan het plan (laag)", "niet hoger dan het plan (laag)",
    ]  # fmt: skip
    assert by_aspect["Eisen gehaald"] == ["alle 3", "3 van 3", "1 van 3", "3 van 3"]
    assert by_aspect["Eisen onbekend"] == ["0", "0", "1", "0"]
    assert by_aspect["Knock-outeisen niet gehaald"] == ["geen", "geen", HOSTILE_TITLE, "geen"]
    assert by_aspect["Uitkomst"] == ["Past", "Past", "Past niet", "Past"]
    assert by_aspect["Status van de toets"][1:] == ["Goedgekeurd"] * 3


def test_the_pdf_prints_the_section_before_the_checks_and_markup_stays_text() -> None:
    pages = [flat(p) for p in pages_of(render(hostile_and_failing(), "pdf"))]
    [section] = [n for n, p in enumerate(pages) if text("exp.award.compare") in p]
    first_check = next(n for n, p in enumerate(pages) if "Toets goedgekeurd door" in p)
    assert 0 < section < first_check
    shown = pages[section]
    assert f"1. {HOSTILE_NAME} 2. Far Away Ltd 3. Oud B.V." in shown  # no tags read, no formula
    assert "Spionage Łódź Ærø € “quotes” laag laag hoog: hoger dan het plan (laag)" in shown
    assert f"geen geen {HOSTILE_TITLE} geen" in shown


def test_many_bidders_are_split_over_tables_that_repeat_aspect_and_plan() -> None:
    src = award_source(*(record(n, f"Bieder {n}", MET) for n in range(1, 7)))
    grids = cells(pdf_award.side_by_side(src))
    assert [len(g[0]) for g in grids] == [2 + 4, 2 + 2]
    assert all(g[0][:2] == ["Onderdeel", "Plan"] for g in grids)
    assert grids[1][0][2:] == ["5. Bieder 5", "6. Bieder 6"]


def test_english_report_and_the_same_rows_as_the_page() -> None:
    src = hostile_and_failing()
    english = award_source(*src.bidders, lang="en")
    [grid] = cells(pdf_award.side_by_side(english))
    assert grid[0][:2] == ["Aspect", "Plan"]
    rows = compare_rows(
        award_comparison(english), "en",
        scenario_title=lambda s: s, measure_title=lambda m: m, level_label=lambda lv: lv,
    )  # fmt: skip
    assert [r["Aspect"] for r in rows][-3:] == [
        "Knock-out requirements not met", "Evidence still open", "Outcome",
    ]  # fmt: skip
    assert len(grid) == len(rows) + 1
