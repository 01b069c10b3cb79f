"""The house style of every PDF: fonts, styles, page furniture (marking, page X of Y, hash,
CONCEPT watermark), PDF metadata and outline. User text only ever enters as escaped text."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from importlib.resources import files
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from quickscan_app.exports.source import ExportSource

FONT, BOLD = "QsSans", "QsSans-Bold"
INK = colors.HexColor("#1b1b1b")
BRAND = colors.HexColor("#154273")  # Rijksoverheid dark blue, as in the web app
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#b4c2d3")
HEAD_BG = colors.HexColor("#e6edf5")
LEVEL_COLOURS = {
    "low": colors.HexColor("#cfe8c9"),
    "medium": colors.HexColor("#fbe3a0"),
    "high": colors.HexColor("#f5b47d"),
    "very_high": colors.HexColor("#e58b84"),
}
PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 22 * mm, 25 * mm, 25 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = files("quickscan_app.exports") / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


_register_fonts()


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT, "fontSize": 9.5, "leading": 13.5, "textColor": INK,
        "splitLongWords": 1, "wordWrap": None, "allowWidows": 0, "allowOrphans": 0,
    }  # fmt: skip
    base.update(kw)
    return ParagraphStyle(name, **base)


STYLES = {
    "body": _style("body", spaceAfter=5),
    "small": _style("small", fontSize=8, leading=10.5, textColor=MUTED),
    "cell": _style("cell", fontSize=8.5, leading=11),
    "cell_bold": _style("cell_bold", fontName=BOLD, fontSize=8.5, leading=11),
    "cell_head": _style("cell_head", fontName=BOLD, fontSize=8.5, leading=11, textColor=BRAND),
    "cell_small": _style("cell_small", fontSize=7.5, leading=9.5, textColor=MUTED),
    "h1": _style("h1", fontName=BOLD, fontSize=15, leading=19, textColor=BRAND,
                 spaceBefore=4, spaceAfter=8, keepWithNext=1),
    "h2": _style("h2", fontName=BOLD, fontSize=11.5, leading=15, textColor=BRAND,
                 spaceBefore=10, spaceAfter=4, keepWithNext=1),
    "h3": _style("h3", fontName=BOLD, fontSize=10, leading=13.5, spaceBefore=8, spaceAfter=3,
                 keepWithNext=1),
    "cover_kicker": _style("cover_kicker", fontSize=11, leading=15, textColor=MUTED),
    "cover_title": _style("cover_title", fontName=BOLD, fontSize=22, leading=28,
                          textColor=BRAND, spaceAfter=6),
    "cover_subtitle": _style("cover_subtitle", fontSize=14, leading=19, spaceAfter=16),
    "notice": _style("notice", fontName=BOLD, fontSize=10, leading=14,
                     textColor=colors.HexColor("#8a1c1c")),
    "bullet": _style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=3),
    "bullet_note": _style("bullet_note", fontSize=8, leading=10.5, textColor=MUTED,
                          leftIndent=12, spaceAfter=4),
    "hash": _style("hash", fontSize=7.5, leading=10),
    "grid": _style("grid", fontName=BOLD, fontSize=9, leading=11, alignment=TA_CENTER),
    "axis": _style("axis", fontSize=7, leading=8.5, alignment=TA_CENTER, textColor=MUTED),
}  # fmt: skip


MAX_LINE_BREAKS = 40
"""Beyond this many, line breaks show as " / ": reportlab lays out a table cell with
thousands of breaks in quadratic time (10,000 took 80 s), and an answer may hold that many."""


def text(value: Any, style: str = "body") -> Paragraph:
    """A paragraph of plain text: escaped, so markup in it shows literally; newlines kept."""
    safe = escape("" if value is None else str(value))
    breaks = "<br/>" if safe.count("\n") <= MAX_LINE_BREAKS else " / "
    return Paragraph(safe.replace("\n", breaks), STYLES[style])


def bold_lead(lead: str, rest: str, style: str = "body") -> Paragraph:
    """``lead`` in bold, then ``rest``; both escaped."""
    return Paragraph(f"<b>{escape(lead)}</b> {escape(rest)}", STYLES[style])


def heading(title: str, level: int = 0) -> Paragraph:
    """A heading that also becomes an entry in the PDF outline (the bookmarks pane).

    A plain Paragraph with two extra attributes: reportlab rebuilds split paragraphs through
    their class, so a subclass with its own constructor would break on a very long title."""
    paragraph = Paragraph(escape(title), STYLES[f"h{level + 1}"])
    paragraph.outline_title, paragraph.outline_level = title, level  # type: ignore[attr-defined]
    return paragraph


def bullets(items: Iterable[str], style: str = "bullet") -> list[Paragraph]:
    return [Paragraph(escape(item), STYLES[style], bulletText="•") for item in items]


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table whose header row repeats on every page and whose rows may split."""
    cells = [
        [
            c if isinstance(c, Flowable | list) else text(c, _cell_style(header and i == 0))
            for c in row
        ]
        for i, row in enumerate(rows)
    ]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, BRAND),
        ]
    result = Table(
        cells, colWidths=list(widths), repeatRows=1 if header else 0, splitInRow=1, hAlign="LEFT"
    )
    result.setStyle(TableStyle([*commands, *extra]))
    return result


def _cell_style(head: bool) -> str:
    return "cell_head" if head else "cell"


def field_table(fields: Sequence[tuple[str, str]]) -> Table:
    """Label / value pairs, as on a cover or an approval record."""
    rows = [[text(label, "cell_bold"), text(value, "cell")] for label, value in fields]
    return table(rows, [48 * mm, TEXT_W - 48 * mm], header=False)


def heatmap(
    src: ExportSource, cells: dict[tuple[int, int], int], caption: str, size: float
) -> Table:
    """The 5×5 grid of the risk model: likelihood up, impact across; each cell shows how many
    scenarios sit there, coloured by its level."""
    model = src.snapshot["risk_model"]
    grid = model["grid"]
    step = size / 6
    rows: list[list[Any]] = []
    for likelihood in range(5, 0, -1):
        row: list[Any] = [text(str(likelihood), "axis")]
        for impact in range(1, 6):
            count = cells.get((likelihood, impact), 0)
            row.append(text(str(count) if count else "", "grid"))
        rows.append(row)
    rows.append(["", *(text(str(i), "axis") for i in range(1, 6))])
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (1, 0), (-1, 4), 0.6, colors.white),
    ]
    for r, likelihood in enumerate(range(5, 0, -1)):
        for c in range(5):
            level = grid[likelihood - 1][c]
            commands.append(("BACKGROUND", (c + 1, r), (c + 1, r), LEVEL_COLOURS[level]))
    result = Table(rows, colWidths=[step] * 6, rowHeights=[step] * 5 + [step * 0.6])
    result.setStyle(TableStyle(commands))
    return [text(caption, "h3"), result, text(src.t("exp.heatmap_axes"), "small")]


def legend(src: ExportSource) -> Table:
    labels = src.snapshot["risk_model"]["levels"]
    row = []
    commands = []
    for i, level in enumerate(LEVEL_COLOURS):
        label = labels.get(level, level)
        row.append(text(label, "cell"))
        commands.append(("BACKGROUND", (i, 0), (i, 0), LEVEL_COLOURS[level]))
    result = Table([row], colWidths=[26 * mm] * len(row), hAlign="LEFT")
    result.setStyle(TableStyle([*commands, ("GRID", (0, 0), (-1, -1), 0.6, colors.white)]))
    return result


def spacer(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)


def _numbered_canvas(src: ExportSource) -> type[Canvas]:
    """A canvas that holds back each page until the end, so the footer can say 'of Y'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._doc._timeStamp = _timestamp(src.issued_at)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                _furniture(self, src, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _timestamp(moment: datetime) -> TimeStamp:
    """The document's creation date: the approval time (or the export time of a concept),
    so the same snapshot gives the same bytes on any day."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    stamp = TimeStamp(invariant=1)
    stamp.t = moment.timestamp()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def _furniture(canvas: Canvas, src: ExportSource, total: int) -> None:
    """The marking alone on the top and bottom line (smaller type when long; cut only beyond a
    full line at 5 pt); title and reference under it; page X of Y and the hash at the foot."""
    canvas.saveState()
    marking = src.marking.upper()
    canvas.setFillColor(colors.HexColor("#8a1c1c"))
    size = 8.5
    while size > 5 and pdfmetrics.stringWidth(marking, BOLD, size) > TEXT_W:
        size -= 0.5
    canvas.setFont(BOLD, size)
    for y in (PAGE_H - 10 * mm, 8 * mm):
        canvas.drawCentredString(PAGE_W / 2, y, _fit(marking, BOLD, size, TEXT_W))
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 7.5)
    top, bottom = PAGE_H - 16 * mm, 14 * mm
    canvas.drawString(MARGIN_X, top, _fit(src.title, FONT, 7.5, TEXT_W * 0.55))
    reference = src.dossier.get("reference") or src.dossier.get("title") or ""
    canvas.drawRightString(PAGE_W - MARGIN_X, top, _fit(str(reference), FONT, 7.5, TEXT_W * 0.4))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)
    canvas.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
    canvas.drawString(MARGIN_X, bottom, f"SHA-256 {src.sha256[:16]}…")
    canvas.drawRightString(
        PAGE_W - MARGIN_X, bottom, src.t("exp.page", page=canvas.getPageNumber(), pages=total)
    )
    canvas.restoreState()


def _fit(value: str, font: str, size: float, width: float) -> str:
    """``value`` cut with an ellipsis to fit ``width`` points."""
    if pdfmetrics.stringWidth(value, font, size) <= width:
        return value
    while value and pdfmetrics.stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"


def _watermark(canvas: Canvas, src: ExportSource) -> None:
    if src.approved:
        return
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#c0392b"))
    canvas.setFillAlpha(0.11)
    canvas.setFont(BOLD, 96)
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(52)
    canvas.drawCentredString(0, -30, src.t("exp.concept"))
    canvas.restoreState()


class _Document(BaseDocTemplate):
    _outline_count = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        title = getattr(flowable, "outline_title", None)
        if title is not None:
            key = f"h{self.canv.getPageNumber()}-{self._outline_count}"
            self._outline_count += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, flowable.outline_level, 0)  # type: ignore[attr-defined]


def build_pdf(src: ExportSource, story: Callable[[ExportSource], list[Flowable]]) -> bytes:
    """Lay out ``story`` with the house style; the same source always gives the same bytes."""
    buffer = io.BytesIO()
    doc = _Document(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{src.title}: {src.dossier.get('title') or ''}",
        author=src.dossier.get("contracting_authority") or "Quickscan",
        subject=src.subject,
        keywords=[src.marker, *([src.award_mark] if src.award_mark else [])],
        creator="Quickscan",
        producer="Quickscan (ReportLab)",
        lang="en-GB" if src.lang == "en" else "nl-NL",
        invariant=1,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, TEXT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body")
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=lambda c, _d: _watermark(c, src))]
    )
    doc.build(story(src), canvasmaker=_numbered_canvas(src))
    return buffer.getvalue()


def cover(src: ExportSource) -> list[Flowable]:
    """Title page: what it is, which dossier, status, and the fields that identify it."""
    flow: list[Flowable] = [
        spacer(18),
        text(src.dossier.get("contracting_authority") or "", "cover_kicker"),
        text(src.title, "cover_title"),
        text(src.dossier.get("title") or "", "cover_subtitle"),
    ]
    if not src.approved:
        flow += [text(src.t("exp.concept_note"), "notice"), spacer(4)]
    flow += [field_table(src.cover_fields())]
    return flow
