"""JSON, CSV, XLSX and DOCX exports from a hand-written snapshot: content, safety, determinism."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import zipfile
from datetime import UTC, datetime

import docx
import openpyxl
import pandas as pd
import pytest

from quickscan_app.domain.measures import TenderSection
from quickscan_app.exports import docx_tender, registers, tables
from quickscan_app.exports.office import normalised_zip, zip_time
from quickscan_app.exports.render import detect_format, embedded_marks, render
from quickscan_app.exports.source import FORMATS, MARKER
from tests.conftest import ROOT
from tests.export_samples import HOSTILE_TITLE, ISSUED_AT, MARKUP, UNICODE, sample_source, text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ISSUED_NAIVE = ISSUED_AT.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def docx_xml(data: bytes, part: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(part).decode("utf-8")


# --- JSON ---------------------------------------------------------------------------------


def test_json_plan_carries_marker_hash_and_the_whole_snapshot() -> None:
    src = sample_source("plan")
    data = tables.render_json(src)
    doc = json.loads(data.decode("utf-8"))
    assert doc["format"] == "quickscan-export/1"
    assert doc["kind"] == "plan"
    assert doc["marker"] == src.marker and MARKER.fullmatch(doc["marker"])
    assert doc["snapshot_sha256"] == src.sha256
    assert doc["approved"] is True
    assert doc["language"] == "nl"
    assert datetime.fromisoformat(doc["issued_at"]) == ISSUED_AT
    assert doc["snapshot"] == src.snapshot
    assert data.endswith(b"}\n")
    assert UNICODE.encode("utf-8") in data  # not \u-escaped
    assert list(doc) == sorted(doc)


def test_json_tender_groups_items_into_chapters_in_dossier_order() -> None:
    src = sample_source("tender", approved=True)
    doc = json.loads(tables.render_json(src))
    assert "snapshot" not in doc
    chapters = doc["chapters"]
    order = [s.value for s in TenderSection]
    sections = [c["section"] for c in chapters]
    assert sections == sorted(sections, key=order.index)
    assert [c["number"] for c in chapters] == list(range(1, len(chapters) + 1))
    by_section = {c["section"]: c for c in chapters}
    exclusion = by_section["exclusion_selection"]["items"]
    clause = by_section["contract_clauses"]["items"]
    assert [i["measure"] for i in exclusion] == ["third_country_exclusion"]
    assert [i["measure"] for i in clause] == ["contract_audit_right"]
    assert by_section["exclusion_selection"]["number"] < by_section["contract_clauses"]["number"]
    assert exclusion[0]["title"] == HOSTILE_TITLE  # JSON keeps user text as it is
    assert MARKUP in clause[0]["text"]
    assert clause[0]["number"] == f"{by_section['contract_clauses']['number']}.1"
    assert by_section["nda"]["heading"] == text("exp.tender.nda")
    dossier = {f["label"]: f["value"] for f in doc["dossier"]}
    assert dossier[text("exp.field.sha256")] == src.sha256
    assert dossier[text("exp.field.classification")] == "Departementaal Vertrouwelijk"


# --- CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_csv_plan_register_has_localised_columns_and_the_hash_on_every_row(lang: str) -> None:
    src = sample_source("plan", lang=lang)
    data = tables.render_csv(src)
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in data
    frame = read_csv(data)
    keys = ["scenario", "likelihood", "impact", "level", "residual_level", "reasons"]
    assert list(frame.columns) == [text(f"exp.col.{k}", lang) for k in keys] + ["snapshot_sha256"]
    assert len(frame) == len(src.snapshot["results"]["scenarios"])
    assert set(frame["snapshot_sha256"]) == {src.sha256}
    first = frame.iloc[0]
    assert first[text("exp.col.scenario", lang)] == f"Spionage {UNICODE}"
    assert first[text("exp.col.level", lang)] == src.snapshot["risk_model"]["levels"]["very_high"]
    assert (
        first[text("exp.col.residual_level", lang)] == src.snapshot["risk_model"]["levels"]["low"]
    )
    # The second reason starts with '=': the joined cell does not, so it is left alone.
    assert first[text("exp.col.reasons", lang)] == (
        "Onderhoud op afstand door de leverancier | =1+1 veel apparaten"
    )
    assert embedded_marks(data, "csv") == [(None, src.sha256)]


def test_csv_columns_differ_by_language() -> None:
    nl = read_csv(tables.render_csv(sample_source("tender", lang="nl")))
    en = read_csv(tables.render_csv(sample_source("tender", lang="en")))
    assert list(nl.columns)[:5] == [
        text(f"exp.col.{k}", "nl") for k in ("section", "number", "measure_id", "measure", "text")
    ]
    assert list(en.columns)[:5] == [
        text(f"exp.col.{k}", "en") for k in ("section", "number", "measure_id", "measure", "text")
    ]
    assert list(nl.columns) != list(en.columns)
    assert list(nl.columns)[-1] == list(en.columns)[-1] == "snapshot_sha256"


def test_csv_tender_rows_and_formula_injection_is_neutralised() -> None:
    src = sample_source("tender")
    data = tables.render_csv(src)
    frame = read_csv(data)
    items = [i for c in registers.tender_chapters(src) for i in c.items]
    assert list(frame[text("exp.col.number")]) == [i.number for i in items]
    assert list(frame[text("exp.col.measure_id")]) == [i.measure for i in items]
    assert set(frame["snapshot_sha256"]) == {src.sha256}
    titles = list(frame[text("exp.col.measure")])
    assert "'" + HOSTILE_TITLE in titles
    assert HOSTILE_TITLE not in titles
    for value in frame.to_numpy().ravel():
        assert not str(value).startswith(FORMULA_START), value
    texts = "\n".join(frame[text("exp.col.text")])
    assert MARKUP in texts
    for word in ("Łódź", "Ærø", "€", "“quotes”"):
        assert word in texts
    # A text that starts with a dash (a list) is still neutralised.
    assert "'- Alle updates zijn digitaal ondertekend." in texts


def test_csv_plan_user_text_neutralised_in_the_measure_register_too() -> None:
    src = sample_source("plan")
    frame = read_csv(tables.render_csv(src))
    assert not any(v.startswith(FORMULA_START) for v in frame.to_numpy().ravel())


def test_neutralised_covers_every_formula_start() -> None:
    for start in FORMULA_START:
        assert tables.neutralised(f"{start}x") == f"'{start}x"
    assert tables.neutralised("gewoon") == "gewoon"
    assert tables.neutralised(3) == 3
    assert tables.neutralised("'=al veilig") == "'=al veilig"


# --- XLSX ---------------------------------------------------------------------------------


def test_xlsx_plan_sheets_properties_and_formula_safety() -> None:
    src = sample_source("plan")
    data = tables.render_xlsx(src)
    assert detect_format(data) == "xlsx"
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=str, keep_default_na=False)
    assert list(sheets) == [
        text("exp.sheet.register"),
        text("exp.sheet.measures"),
        text("exp.sheet.about"),
    ]
    register = sheets[text("exp.sheet.register")]
    assert len(register) == 2 and set(register["snapshot_sha256"]) == {src.sha256}
    measures = sheets[text("exp.sheet.measures")]
    assert list(measures[text("exp.col.measure_id")]) == [m["id"] for m in src.snapshot["measures"]]
    owners = list(measures[text("exp.col.owner")])
    assert "'@SUM(1+1)" in owners and "'+31 70 123 4567" in owners and UNICODE in owners
    assert "'" + HOSTILE_TITLE in list(measures[text("exp.col.measure")])
    assert (
        measures[text("exp.col.scenarios")].iloc[1]
        == f"Spionage {UNICODE}; Sabotage"  # list values joined with "; "
    )

    wb = openpyxl.load_workbook(io.BytesIO(data))
    props = wb.properties
    assert props.identifier == src.sha256
    assert props.keywords == src.marker
    assert props.title == src.title and props.subject == src.subject
    assert props.creator == "Quickscan"
    assert props.created == props.modified == ISSUED_NAIVE
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    hostile = [
        c
        for row in wb[text("exp.sheet.measures")].iter_rows()
        for c in row
        if isinstance(c.value, str) and HOSTILE_TITLE in c.value
    ]
    assert hostile and all(c.data_type == "s" and c.value.startswith("'") for c in hostile)
    about = [c.value for row in wb[text("exp.sheet.about")].iter_rows() for c in row]
    assert src.marker in about and src.sha256 in about and src.title in about


def test_xlsx_layout_header_frozen_bold_wrapped_and_widths_reasonable() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(tables.render_xlsx(sample_source("tender"))))
    ws = wb[text("exp.sheet.tender")]
    assert ws.freeze_panes == "A2"
    assert all(c.font.b for c in ws[1])
    assert all(c.alignment.wrap_text for row in ws.iter_rows() for c in row if c.value)
    widths = [d.width for d in ws.column_dimensions.values()]
    assert len(widths) == ws.max_column
    assert all(8 <= w <= 80 for w in widths)
    number = ws.column_dimensions["B"].width
    text_col = ws.column_dimensions["E"].width
    assert number < text_col


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_xlsx_tender_sheets(lang: str) -> None:
    src = sample_source("tender", lang=lang)
    sheets = pd.read_excel(io.BytesIO(tables.render_xlsx(src)), sheet_name=None, dtype=str)
    assert list(sheets) == [text("exp.sheet.tender", lang), text("exp.sheet.about", lang)]
    tender = sheets[text("exp.sheet.tender", lang)]
    assert len(tender) == len(src.snapshot["measures"])
    assert MARKUP in "\n".join(tender[text("exp.col.text", lang)])


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    first = tables.sheet_name("Risico's: [a/b] *?\\ en een heel lange naam erachter", taken)
    assert len(first) <= 31 and not any(ch in first for ch in "[]:*?/\\")
    second = tables.sheet_name("Risico's: [a/b] *?\\ en een heel lange naam erachter", taken)
    assert second != first and len(second) <= 31


def test_control_characters_in_user_text_do_not_break_office_files() -> None:
    src = sample_source("tender", title="Bel\x07 en\x0b tab\tje")
    wb = openpyxl.load_workbook(io.BytesIO(tables.render_xlsx(src)))
    assert wb.worksheets[0].max_row > 1
    document = docx.Document(io.BytesIO(docx_tender.render(src)))
    cover = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "Bel en tab\tje" in cover


def test_a_cell_longer_than_excel_allows_is_cut() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(tables.render_xlsx(sample_source(title="x" * 40000))))
    lengths = [len(str(c.value)) for row in wb.worksheets[-1].iter_rows() for c in row]
    assert max(lengths) == tables.CELL_MAX


# --- DOCX ---------------------------------------------------------------------------------


def test_docx_headings_in_order_and_texts_literal() -> None:
    src = sample_source("tender")
    data = docx_tender.render(src)
    assert detect_format(data) == "docx"
    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == src.title
    chapters = registers.tender_chapters(src)
    expected = []
    for chapter in chapters:
        expected.append(("Heading 1", f"{chapter.number}. {chapter.heading}"))
        expected += [("Heading 2", f"{i.number} {i.title}") for i in chapter.items]
    expected.append(("Heading 1", text("exp.h.sources")))
    headings = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings == expected
    assert ("Heading 2", f"2.1 {HOSTILE_TITLE}") in headings  # Word text, shown as it is
    body = [p.text for p in paragraphs]
    assert f"Tweede alinea met {MARKUP} en {UNICODE}.\nNieuwe regel in dezelfde alinea." in body
    assert "Opdrachtnemer verleent Opdrachtgever het recht op audit." in body
    assert text("exp.tender_intro") in body
    intros = [p for p in paragraphs if p.text == chapters[0].intro]
    assert intros and intros[0].runs[0].italic
    # The texts carry no ids or references to edit out: those stand in the annex table.
    item = chapters[0].items[0]
    body_texts = [p.text for p in paragraphs if not p.style.name.startswith("Heading")]
    body_texts.remove(text("exp.sources_intro"))
    assert not any(item.measure in b or "BIO2" in b for b in body_texts)
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[0].cells][-1] == text("exp.col.measure_id")
    assert [c.text for c in annex.rows[1].cells] == [
        item.number, item.title, item.phase, item.controls, item.measure,
    ]
    assert text("exp.concept") not in body
    cover = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cover[text("exp.field.title")] == src.dossier["title"]
    assert cover[text("exp.field.sha256")] == src.sha256


def test_docx_header_footer_fields_and_properties() -> None:
    src = sample_source("tender", lang="en")
    data = docx_tender.render(src)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    header = "\n".join(p.text for p in section.header.paragraphs)
    footer = "\n".join(p.text for p in section.footer.paragraphs)
    assert src.marking in header
    assert src.marking in footer
    assert "Page 1 of 1" in footer and src.sha256[:16] in footer
    footer_xml = docx_xml(data, "word/footer1.xml")
    assert "> PAGE <" in footer_xml and "> NUMPAGES <" in footer_xml
    props = document.core_properties
    assert props.identifier == src.sha256
    assert src.marker in props.keywords
    assert props.title == src.title and props.subject == src.subject
    assert props.author == "Quickscan" and props.revision == 1
    assert props.language == "en-GB"
    assert props.created == props.modified == props.last_printed == ISSUED_AT.replace(microsecond=0)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not any("thumbnail" in n for n in archive.namelist())


def test_docx_concept_and_empty_dossier_and_unset_marking() -> None:
    src = sample_source("tender", approved=False, measures=0, classification=None)
    document = docx.Document(io.BytesIO(docx_tender.render(src)))
    body = [p.text for p in document.paragraphs]
    assert any(p.startswith(text("exp.concept")) for p in body)
    assert text("exp.no_tender_texts") in body
    assert not [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    header = document.sections[0].header.paragraphs[0].text
    assert header == text("exp.marking_unset")


# --- determinism and verify ---------------------------------------------------------------

RENDERERS = {
    "json": tables.render_json,
    "csv": tables.render_csv,
    "xlsx": tables.render_xlsx,
    "docx": docx_tender.render,
}


@pytest.mark.parametrize(
    ("kind", "fmt"), [(k, f) for k, formats in FORMATS.items() for f in formats if f != "pdf"]
)
def test_same_source_same_bytes_and_marks_found(kind: str, fmt: str) -> None:
    src = sample_source(kind)  # type: ignore[arg-type]
    first = RENDERERS[fmt](src)
    assert RENDERERS[fmt](sample_source(kind)) == first  # type: ignore[arg-type]
    assert render(src, fmt) == first
    marks = embedded_marks(first, fmt)
    assert marks == ([(None, src.sha256)] if fmt == "csv" else [(kind, src.sha256)])


def test_zip_entries_carry_the_issue_time_not_today() -> None:
    src = sample_source("tender")
    for data in (tables.render_xlsx(src), docx_tender.render(src)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            assert {i.date_time for i in infos} == {zip_time(ISSUED_AT)}
            assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
            assert {i.external_attr for i in infos} == {0o100644 << 16}
            core = archive.read("docProps/core.xml").decode()
        assert core.count("2026-11-28T12:05:30Z") >= 2
        assert str(datetime.now(UTC).year + 1) not in core


def test_bytes_are_the_same_in_another_process() -> None:
    """No set or dict order, clock or hash seed reaches the files."""
    script = (
        "import hashlib, sys\n"
        "from tests.export_samples import sample_source\n"
        "from quickscan_app.exports.render import render\n"
        "for kind, fmt in [('plan','xlsx'),('tender','xlsx'),('tender','docx'),"
        "('plan','csv'),('plan','json')]:\n"
        "    print(hashlib.sha256(render(sample_source(kind), fmt)).hexdigest())\n"
    )
    here = [
        hashlib.sha256(render(sample_source(kind), fmt)).hexdigest()  # type: ignore[arg-type]
        for kind, fmt in [
            ("plan", "xlsx"),
            ("tender", "xlsx"),
            ("tender", "docx"),
            ("plan", "csv"),
            ("plan", "json"),
        ]
    ]
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"PYTHONHASHSEED": "4242", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == here


def test_issue_time_without_zone_is_utc_and_old_times_are_clamped() -> None:
    aware = tables.render_xlsx(sample_source("plan"))
    naive = tables.render_xlsx(sample_source("plan", issued_at=ISSUED_AT.replace(tzinfo=None)))
    assert aware == naive
    assert zip_time(datetime(1970, 1, 1)) == (1980, 1, 1, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("b.xml", "<b/>")
        archive.writestr("a.xml", "<a/>")
    out = normalised_zip(buffer.getvalue(), datetime(1970, 1, 1))
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert archive.namelist() == ["b.xml", "a.xml"]
        assert archive.read("a.xml") == b"<a/>"


# --- size ---------------------------------------------------------------------------------


def test_three_hundred_measures_still_render() -> None:
    tender = sample_source("tender", measures=300)
    document = docx.Document(io.BytesIO(docx_tender.render(tender)))
    items = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(items) == 300
    assert items[-1].text.startswith(f"{len(registers.tender_chapters(tender))}.")
    sheets = pd.read_excel(io.BytesIO(tables.render_xlsx(tender)), sheet_name=None, dtype=str)
    assert len(sheets[text("exp.sheet.tender")]) == 300

    plan = sample_source("plan", measures=300)
    sheets = pd.read_excel(io.BytesIO(tables.render_xlsx(plan)), sheet_name=None, dtype=str)
    assert len(sheets[text("exp.sheet.measures")]) == 300
    assert tables.render_xlsx(plan) == tables.render_xlsx(sample_source("plan", measures=300))


# --- typed cells (issue 13) -----------------------------------------------------------------


def test_xlsx_likelihood_and_impact_are_numbers_and_due_dates_are_dates() -> None:
    from datetime import date

    src = sample_source("plan")
    wb = openpyxl.load_workbook(io.BytesIO(tables.render_xlsx(src)))
    register = wb[text("exp.sheet.register")]
    header = [c.value for c in register[1]]
    for key in ("likelihood", "impact"):
        column = header.index(text(f"exp.col.{key}")) + 1
        values = [register.cell(row=r, column=column) for r in range(2, register.max_row + 1)]
        assert [c.value for c in values] == [s[key] for s in src.snapshot["results"]["scenarios"]]
        assert all(c.data_type == "n" and isinstance(c.value, int) for c in values)
    measures = wb[text("exp.sheet.measures")]
    header = [c.value for c in measures[1]]
    due = [measures.cell(row=r, column=header.index(text("exp.col.due")) + 1)
           for r in range(2, measures.max_row + 1)]  # fmt: skip
    planned = [p["due_date"] for p in src.snapshot["plan"] if p["decision"] == "selected"]
    assert [c.value.date() if c.value else None for c in due] == [
        date.fromisoformat(d) if d else None for d in planned
    ]
    dated = [c for c in due if c.value is not None]
    assert dated and all(c.is_date and c.number_format == tables.DATE_FORMAT for c in dated)
    about = wb[text("exp.sheet.about")]
    issued = next(r[1] for r in about.iter_rows() if r[0].value == text("exp.field.date"))
    assert issued.is_date and issued.value.date() == date(2026, 11, 28)
    # CSV (the risk register) is unchanged: numbers as digits.
    frame = read_csv(tables.render_csv(src))
    assert list(frame[text("exp.col.likelihood")]) == ["5", "3"]


def test_portfolio_xlsx_publication_dates_are_dates_and_csv_keeps_the_dutch_text() -> None:
    from datetime import date

    from quickscan_app.exports.portfolio_table import (
        portfolio_csv,
        portfolio_frame,
        portfolio_xlsx,
    )
    from quickscan_app.services.portfolio import PortfolioRow

    rows = [
        PortfolioRow(1, "Scanners", "D-1", "Douane", None, "draft", "olga", date(2027, 3, 15),
                     "high", "low", 2, True),
        PortfolioRow(2, "=1+1", None, None, None, "approved", "olga", None, None, None, 0, False),
    ]  # fmt: skip
    frame = portfolio_frame(rows, date(2027, 3, 1), "nl")
    wb = openpyxl.load_workbook(io.BytesIO(portfolio_xlsx(frame, "Portfolio", ISSUED_AT)))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    publication = header.index(text("ui.col.publication")) + 1
    cell = ws.cell(row=2, column=publication)
    assert cell.is_date and cell.value.date() == date(2027, 3, 15)
    assert cell.number_format == tables.DATE_FORMAT
    assert ws.cell(row=3, column=publication).value is None
    assert ws.cell(row=2, column=header.index(text("ui.portfolio.col.days")) + 1).value == 14
    csv = read_csv(portfolio_csv(frame))
    assert list(csv[text("ui.col.publication")]) == ["15-03-2027", ""]
