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


def chapter_pages(pages: list[str], start: str, end: str) -> list[str]:
    """The pages from the one where heading ``start`` is to the one before heading ``end``
    (that one page when both are on it)."""
    first = next(i for i, p in enumerate(pages) if start in flat(p))
    last = next(i for i, p in enumerate(pages) if end in flat(p))
    return pages[first : max(last, first + 1)]


def test_three_hundred_measures_and_long_answers_build_with_repeated_headers() -> None:
    src = with_answers(sample_source("plan", measures=300), (f"{UNICODE} {LONG_WORD} ") * 40)
    pages = pages_of(render(src, "pdf"))
    header = f"{text('exp.col.measure')} {text('exp.col.kind')} {text('exp.col.owner')}"
    measure_pages = chapter_pages(
        pages, "4. " + text("exp.h.measures"), "5. " + text("exp.h.open_points")
    )
    assert len(measure_pages) > 5
    assert all(header in flat(p) for p in measure_pages)
    assert LONG_WORD[:40] in flat(" ".join(pages)).replace(" ", "")
    annex = flat(" ".join(pages[-12:]))
    assert "patch_management_299" in annex.replace(" ", "")


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


# --- issue 13: what a reader sees -------------------------------------------------------


def test_internal_ids_only_in_the_annex() -> None:
    """Catalogue ids (``third_country_exclusion``) are for the registers, not for a reader: the
    body names measures by title and number; annex D maps each number to its id."""
    src = sample_source("plan")
    pages = pages_of(render(src, "pdf"))
    annex = next(i for i, p in enumerate(pages) if text("exp.h.measure_ids") in flat(p))
    body = flat(" ".join(pages[:annex])).replace(" ", "")
    ids = [m["id"] for m in src.snapshot["measures"]]
    assert [i for i in ids if i in body] == []
    tail = flat(" ".join(pages[annex:]))
    for number, measure in enumerate(src.snapshot["measures"], start=1):
        assert re.search(rf"\b{number} .*{measure['id']}", tail), measure["id"]
    measures = chapter_pages(
        pages, "4. " + text("exp.h.measures"), "5. " + text("exp.h.open_points")
    )
    assert "1. Auditrecht in het contract" in flat(" ".join(measures))


def test_words_in_narrow_cells_are_not_broken_mid_word() -> None:
    """No "Contractmanage / r" or "aanbestedings / stukken" in the measures table: every column
    is wide enough for its longest word."""
    src = sample_source("plan", measures=8)
    owners = ["Informatiebeveiliging", "Contractmanager", "IV-beheer Douane", "Inkoopadviseur"]
    for i, item in enumerate(p for p in src.snapshot["plan"] if p["decision"] == "selected"):
        item["owner"] = owners[i % len(owners)]
    pages = pages_of(render(src, "pdf"))
    measures = " ".join(
        chapter_pages(pages, "4. " + text("exp.h.measures"), "5. " + text("exp.h.open_points"))
    )
    words = {*owners, text("phase.in_tender_documents"), text("phase.before_publication"),
             text("kind.contract_clause"), text("kind.exclusion_ground")}  # fmt: skip
    for phrase in words:
        for word in phrase.split():
            assert re.search(rf"(?<!\S){re.escape(word)}(?!\S)", measures), word


def test_column_widths_make_room_for_the_longest_word() -> None:
    from reportlab.lib.units import mm

    from quickscan_app.exports.pdf_base import CELL_PADDING, fitted_widths, table

    rows = [["Eigenaar", "Toelichting"], ["Informatiebeveiliging", "kort " * 40]]
    widths = [20 * mm, 100 * mm]
    fitted = table(rows, widths)._colWidths
    assert sum(fitted) == pytest.approx(sum(widths))
    from reportlab.pdfbase.pdfmetrics import stringWidth

    word = stringWidth("Informatiebeveiliging", "QsSans", 8.5) + 2 * CELL_PADDING
    assert fitted[0] >= word and fitted[1] < widths[1]
    # A run of letters wider than the table's share gets no room: it is cut as before.
    cells = table([["x" * 400, "y"], ["Eigenaar", "kort"]], widths, header=False)._cellvalues
    assert fitted_widths(cells, widths) == widths


def grid_texts(flowables: list) -> list[dict[tuple[int, int], str]]:
    """The text in each cell (likelihood, impact) of every heatmap among ``flowables``."""
    from reportlab.platypus import Table

    grids = []
    pair = next(f for f in flowables if isinstance(f, Table))
    for cell in pair._cellvalues[0]:
        grid = next(f for f in cell if isinstance(f, Table))
        grids.append(
            {
                (5 - r, c): grid._cellvalues[r][c].getPlainText()
                for r in range(5)
                for c in range(1, 6)
            }
        )
    return grids


def test_heatmaps_show_which_scenario_sits_where() -> None:
    """As in the web app: the scenarios' numbers in the cells, not how many there are."""
    from quickscan_app.exports import pdf_plan

    src = sample_source("plan")  # 1 espionage 5×4 → 2×2; 2 sabotage 3×3 → 1×3
    inherent, residual = grid_texts(pdf_plan.heatmaps(src))
    assert inherent[(5, 4)] == "1" and inherent[(3, 3)] == "2"
    assert residual[(2, 2)] == "1" and residual[(1, 3)] == "2"
    assert sum(1 for v in inherent.values() if v) == 2
    src.snapshot["results"]["residual"]["scenarios"][0].update(likelihood=1, impact=3)
    _, residual = grid_texts(pdf_plan.heatmaps(src))
    assert residual[(1, 3)] == "1 2"
    page = next(p for p in pages_of(render(src, "pdf")) if text("exp.h.heatmaps") in p)
    assert text("exp.heatmap_numbers") in flat(page)
    assert re.search(r"1 Spionage .*2 Sabotage", flat(page))


def test_cover_and_approval_print_the_hash_on_one_line() -> None:
    for lang in ("nl", "en"):
        src = sample_source("plan", lang=lang)
        pages = pages_of(render(src, "pdf"))
        assert any(src.sha256 in line for line in pages[0].splitlines()), lang
        approval = next(p for p in pages if text("exp.h.approvals", lang) in p)
        assert any(src.sha256 in line for line in approval.splitlines()), lang
    tender = sample_source("tender")
    cover = pages_of(render(tender, "pdf"))[0]
    assert any(tender.sha256 in line for line in cover.splitlines())


def test_hash_text_fits_its_width_at_a_readable_size() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from quickscan_app.exports.pdf_base import TEXT_W, hash_text

    value = "f" * 64
    paragraph = hash_text(value, TEXT_W / 2)
    size = paragraph.style.fontSize
    assert 6.5 <= size <= 8.5
    assert stringWidth(value, "QsSans", size) <= TEXT_W / 2


def test_approver_named_once_and_no_command_in_backticks() -> None:
    src = sample_source("plan")
    src.snapshot["approval"]["name"] = "Ruben Bakker (beveiligingsadviseur)"
    whole = flat(" ".join(pages_of(render(src, "pdf"))))
    assert "(beveiligingsadviseur) (reviewer)" not in whole
    assert f"{text('exp.col.approver')} Ruben Bakker (beveiligingsadviseur)" in whole
    assert f"{text('exp.col.username')} reviewer" in whole
    assert "`" not in whole
    for lang in ("nl", "en"):
        assert "`" not in text("exp.approval_text", lang)


def test_audit_extract_in_the_documents_language() -> None:
    from datetime import UTC, datetime

    from quickscan_app.exports.source import AuditLine

    base = sample_source("plan")
    moment = datetime(2026, 11, 28, 11, 0, tzinfo=UTC)
    lines = (
        AuditLine(1, moment, "system", "dossier.import", "success", "a" * 64),
        AuditLine(2, moment, "olga", "dossier.submit", "success", "b" * 64),
        AuditLine(3, moment, "olga", "dossier.approve", "denied", "c" * 64),
        AuditLine(4, moment, "rita", "dossier.frobnicate", "failure", "d" * 64),
        AuditLine(5, moment, "rita", "dossier.approve", "success", "e" * 64),
    )
    expected = {
        "nl": ["Dossier ingelezen", "Ingediend ter beoordeling", "Goedgekeurd", "geweigerd",
               "uitgevoerd", "mislukt", "systeem"],
        "en": ["Dossier imported", "Submitted for review", "Approved", "refused", "done",
               "failed"],
    }  # fmt: skip
    for lang, words in expected.items():
        src = sample_source("plan", lang=lang)
        src = ExportSource(src.kind, src.snapshot, src.sha256, src.issued_at, lines, {})
        pages = pages_of(render(src, "pdf"))
        extract = flat(" ".join(pages[next(i for i, p in enumerate(pages)
                                           if text("exp.h.audit", lang) in flat(p)):]))  # fmt: skip
        for word in words:
            assert word in extract, (lang, word)
        for code in ("success", "denied", "failure", "dossier.import", "dossier.approve"):
            assert code not in extract, (lang, code)
        assert "dossier.frobnicate" in extract  # no translation: the code as it is
    assert base.audit == ()


def test_tender_annex_keeps_ids_and_phases_whole() -> None:
    src = sample_source("tender")
    for measure, long_id in zip(
        src.snapshot["measures"],
        ["removable_media_and_service_laptops", "buyer_jump_host_session_recording",
         "subcontractor_disclosure_before_award", "management_interface_separation"],
        strict=True,
    ):  # fmt: skip
        measure["id"] = long_id
    annex = pages_of(render(src, "pdf"))[-1]
    lines = annex.splitlines()
    for measure in src.snapshot["measures"]:
        assert any(measure["id"] in line for line in lines), measure["id"]
    assert any(text("phase.in_tender_documents").split()[-1] in line for line in lines)
