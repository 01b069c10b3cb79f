"""The tender dossier as a Word document, for the team that writes the tender documents.

Title and cover table, then per chapter (where the text goes in the tender documents) the
chosen measures' texts, numbered 1.1, 1.2, … so the team can copy them and refer back. Every
page carries the classification marking in header and footer, the page number and the start
of the snapshot hash; the full marker is in the document properties for ``export verify``.

User text only ever goes in through python-docx (which escapes it), never into XML by hand.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

from quickscan_app.exports import registers
from quickscan_app.exports.office import normalised_zip, office_properties, xml_safe
from quickscan_app.exports.source import ExportSource

FONT = "Calibri"
"""On every Office installation and with every Latin letter (Ł, Æ, €, “ ”) a Dutch text needs."""
HEADING_COLOUR = RGBColor(0x15, 0x42, 0x73)
CONCEPT_COLOUR = RGBColor(0xB0, 0x00, 0x20)
LANGUAGE = {"nl": "nl-NL", "en": "en-GB"}
BLANK_LINE = re.compile(r"\n[ \t]*\n")
PAGE_FIELD = re.compile(r"(\{page\}|\{pages\})")


def _set_font(style: BaseStyle, lang: str, size: float | None = None) -> None:
    """``FONT`` for every script (no theme font overriding it) and the spelling language."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), LANGUAGE[lang])
    if size is not None:
        style.font.size = Pt(size)  # type: ignore[attr-defined]


def _styles(doc: DocumentObject, lang: str) -> None:
    styles = doc.styles
    _set_font(styles["Normal"], lang, 10.5)
    styles["Normal"].paragraph_format.space_after = Pt(6)  # type: ignore[attr-defined]
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 12)):
        _set_font(styles[name], lang, size)
        styles[name].font.color.rgb = HEADING_COLOUR  # type: ignore[attr-defined]
        styles[name].paragraph_format.keep_with_next = True  # type: ignore[attr-defined]
    _set_font(styles["Header"], lang, 8.5)
    _set_font(styles["Footer"], lang, 8.5)


def _page(doc: DocumentObject) -> None:
    """A4 portrait with margins that leave room for header and footer."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)
    section.header_distance = section.footer_distance = Mm(10)


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in on every page."""
    parts = [("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)]
    for char_type, text in parts:
        run = paragraph.add_run()
        if char_type is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), char_type)
            run._r.append(char)
        elif text.strip() == code:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def _marking(paragraph: Paragraph, src: ExportSource) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(xml_safe(src.marking)).bold = True


def _header_footer(doc: DocumentObject, src: ExportSource) -> None:
    """Marking on top and bottom of every page; page X of Y and the short hash at the bottom."""
    section = doc.sections[0]
    section.different_first_page_header_footer = False
    _marking(section.header.paragraphs[0], src)

    footer = section.footer
    _marking(footer.paragraphs[0], src)
    line = footer.add_paragraph(style="Footer")
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pattern = src.t("exp.page", page="{page}", pages="{pages}")
    for part in PAGE_FIELD.split(pattern):
        if part == "{page}":
            _field(line, "PAGE")
        elif part == "{pages}":
            _field(line, "NUMPAGES")
        elif part:
            line.add_run(part)
    line.add_run(f"  ·  SHA-256 {src.sha256[:16]}")


def _cover(doc: DocumentObject, src: ExportSource) -> None:
    doc.add_paragraph(xml_safe(src.title), style="Title")
    subject = doc.add_paragraph()
    subject.add_run(xml_safe(src.subject)).italic = True
    fields = src.cover_fields()
    table = doc.add_table(rows=len(fields), cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.columns[0].width, table.columns[1].width = Mm(50), Mm(110)
    for row, (name, value) in zip(table.rows, fields, strict=True):
        row.cells[0].width, row.cells[1].width = Mm(50), Mm(110)
        row.cells[0].paragraphs[0].add_run(xml_safe(name)).bold = True
        row.cells[1].paragraphs[0].add_run(xml_safe(value))
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    if not src.approved:
        concept = doc.add_paragraph()
        run = concept.add_run(src.t("exp.concept"))
        run.bold = True
        run.font.color.rgb = CONCEPT_COLOUR
        concept.add_run(" " + src.t("exp.concept_note")).bold = True
    doc.add_paragraph(src.t("exp.tender_intro"))


def _text(doc: DocumentObject, text: str) -> None:
    """A tender text as paragraphs (blank lines between them), line breaks kept."""
    for block in BLANK_LINE.split(xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))):
        block = block.strip("\n")
        if block.strip():
            doc.add_paragraph(block)


def _chapters(doc: DocumentObject, src: ExportSource) -> None:
    chapters = registers.tender_chapters(src)
    if not chapters:
        doc.add_paragraph(src.t("exp.no_tender_texts"))
        return
    for chapter in chapters:
        doc.add_heading(xml_safe(f"{chapter.number}. {chapter.heading}"), level=1)
        doc.add_paragraph().add_run(xml_safe(chapter.intro)).italic = True
        for item in chapter.items:
            doc.add_heading(xml_safe(f"{item.number} {item.title}"), level=2)
            _text(doc, item.text)
    _sources(doc, src, chapters)


def _sources(doc: DocumentObject, src: ExportSource, chapters) -> None:  # type: ignore[no-untyped-def]
    """Where each text comes from, in an annex: the texts above stay clean to paste."""
    doc.add_heading(xml_safe(src.t("exp.h.sources")), level=1)
    doc.add_paragraph(src.t("exp.sources_intro"))
    rows = registers.source_rows(chapters)
    table = doc.add_table(rows=1, cols=len(rows[0]))
    table.style = doc.styles["Table Grid"]
    for cell, label in zip(table.rows[0].cells, rows[0], strict=True):
        cell.paragraphs[0].add_run(xml_safe(src.t(label))).bold = True
    for values in rows[1:]:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            run = cell.paragraphs[0].add_run(xml_safe(value))
            run.font.size = Pt(8)


def _properties(doc: DocumentObject, src: ExportSource) -> None:
    props = doc.core_properties
    for name, value in office_properties(src).items():
        setattr(props, name, value)
    props.author = props.last_modified_by = "Quickscan"
    props.content_status = src.status_label()
    props.category = src.kind
    props.revision = 1
    props.last_printed = props.created


def _drop_thumbnail(doc: DocumentObject) -> None:
    """The template's preview picture shows some other document: leave it out."""
    rels = doc.part.package.rels
    for rel_id in [k for k, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rel_id]


def render(src: ExportSource) -> bytes:
    """The tender dossier as DOCX; the same source gives the same bytes."""
    doc = Document()
    _styles(doc, src.lang)
    _page(doc)
    _header_footer(doc, src)
    _cover(doc, src)
    _chapters(doc, src)
    _properties(doc, src)
    _drop_thumbnail(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalised_zip(buffer.getvalue(), src.issued_at)
