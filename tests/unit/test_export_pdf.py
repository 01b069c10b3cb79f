"""The PDF plan and tender dossier from hand-written sources: safe with hostile and long
text, Unicode, marked on every page, numbered, deterministic."""

from __future__ import annotations

import copy
import io
import re

import pytest
from pypdf import PdfReader

from quickscan_app.exports.render import embedded_marks, render
from quickscan_app.exports.source import ExportSource
from tests.export_samples import MARKUP, UNICODE, sample_source, text

LONG_WORD = "Aansprakelijkheidsverzekeringsovereenkomstvoorwaarden" * 5


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(page_text: str) -> str:
    """Extracted text with line breaks and hyphen-free wraps joined up."""
    return re.sub(r"\s+", " ", page_text)


def with_answers(src: ExportSource, answer: str) -> ExportSource:
    snapshot = copy.deepcopy(src.snapshot)
    for section in snapshot["answer_sheet"]:
        for question in section["questions"]:
            question["answer"] = answer
    return ExportSource(src.kind, snapshot, src.sha256, src.issued_at, src.audit, src.skipped)


@pytest.mark.parametrize("kind", ["plan", "tender"])
def test_every_page_carries_marking_page_number_and_hash(kind: str) -> None:
    src = sample_source(kind, measures=60)
    pages = pages_of(render(src, "pdf"))
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert page.count("DEPARTEMENTAAL VERTROUWELIJK") == 2, number  # header and footer
        assert f"Pagina {number} van {len(pages)}" in page
        assert f"SHA-256 {src.sha256[:16]}" in page


def test_plan_has_every_section_in_order() -> None:
    src = sample_source("plan")
    whole = flat(" ".join(pages_of(render(src, "pdf"))))
    headings = [
        text("exp.plan_title"), "1. " + text("exp.h.summary"), "2. " + text("exp.h.heatmaps"),
        "3. " + text("exp.h.register"), "4. " + text("exp.h.measures"),
        "5. " + text("exp.h.open_points"), text("exp.h.answers"), text("exp.h.approvals"),
        text("exp.h.audit"),
    ]  # fmt: skip
    positions = [whole.find(h) for h in headings]
    assert -1 not in positions, dict(zip(headings, positions, strict=True))
    assert positions == sorted(positions)
    assert src.sha256 in whole.replace(" ", "")


def test_metadata_names_the_document_and_its_snapshot() -> None:
    src = sample_source("plan")
    meta = PdfReader(io.BytesIO(render(src, "pdf"))).metadata
    assert meta.title.startswith(text("exp.plan_title"))
    assert UNICODE in meta.title
    assert meta.subject == text("exp.subject_plan")
    assert meta.author
    assert src.marker in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20261128")


def test_hostile_markup_and_unicode_show_literally() -> None:
    src = sample_source("tender", title=f"{MARKUP} {UNICODE}")
    first = flat(pages_of(render(src, "pdf"))[0])
    assert MARKUP in first
    assert UNICODE in first


def test_hostile_title_in_plan_does_not_break_the_build() -> None:
    src = sample_source("plan", title=MARKUP + " <para><img src='/etc/passwd'/>")
    whole = flat(" ".join(pages_of(render(src, "pdf"))))
    assert "<img src='/etc/passwd'/>" in whole


def test_draft_carries_the_concept_watermark_on_every_page() -> None:
    pages = pages_of(render(sample_source("plan", approved=False), "pdf"))
    assert all("CONCEPT" in page for page in pages)
    approved = pages_of(render(sample_source("plan"), "pdf"))
    assert not any("CONCEPT" in page for page in approved)


def test_english_dossier_gives_an_english_document() -> None:
    pages = pages_of(render(sample_source("plan", lang="en", classification=None), "pdf"))
    assert "Management summary" in flat(" ".join(pages))
    assert "Page 1 of" in pages[0]
    assert "CLASSIFICATION NOT SET" in pages[0]


def test_three_hundred_measures_and_long_answers_build_with_repeated_headers() -> None:
    src = with_answers(sample_source("plan", measures=300), (f"{UNICODE} {LONG_WORD} ") * 40)
    pages = pages_of(render(src, "pdf"))
    header = f"{text('exp.col.measure')} {text('exp.col.kind')} {text('exp.col.owner')}"
    measure_pages = [p for p in pages if "contract_audit_right_" in p]
    assert len(measure_pages) > 5
    assert all(header in flat(p) for p in measure_pages)
    assert LONG_WORD[:40] in flat(" ".join(pages)).replace(" ", "")


def test_three_hundred_measures_tender_builds() -> None:
    data = render(sample_source("tender", measures=300), "pdf")
    whole = flat(" ".join(pages_of(data)))
    assert "4.75 " in whole or "3.75 " in whole  # chapters numbered through


@pytest.mark.parametrize("kind", ["plan", "tender"])
def test_same_source_same_bytes_and_marker_found(kind: str) -> None:
    src = sample_source(kind, measures=20)
    first = render(src, "pdf")
    assert render(src, "pdf") == first
    assert embedded_marks(first, "pdf") == [(kind, src.sha256)]


def test_thousands_of_line_breaks_and_a_huge_heading_still_build() -> None:
    src = with_answers(sample_source("plan"), "regel\n" * 10_000)
    snapshot = src.snapshot
    snapshot["answer_sheet"][0]["title"] = "Onderdeel " * 600  # longer than a page
    pages = pages_of(render(src, "pdf"))
    assert "regel / regel" in " ".join(pages)


def test_a_damaged_office_file_names_no_snapshot() -> None:
    from quickscan_app.exports.render import detect_format

    data = bytearray(render(sample_source("tender"), "docx"))
    data[len(data) // 2] ^= 0xFF
    assert detect_format(bytes(data)) in ("docx", "unknown")
    assert embedded_marks(bytes(data), "docx") in ([], [("tender", sample_source("tender").sha256)])
