"""The house style of every PDF: fonts, styles, page furniture (marking, page X of Y, hash,
CONCEPT watermark), PDF metadata and outline. User text only ever enters as escaped text."""

from __future__ import annotations

import io
import re
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
MONO = "QsMono"
"""For a command to type, set apart from the running text."""
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
    pdfmetrics.registerFont(TTFont(MONO, str(folder / "DejaVuSansMono.ttf")))


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
    "hash": _style("hash", fontSize=7.5, leading=10, splitLongWords=0),
    "code": _style("code", fontName=MONO, fontSize=8.5, leading=12, leftIndent=6 * mm,
                   spaceBefore=2, spaceAfter=6, splitLongWords=0),
    "grid": _style("grid", fontName=BOLD, fontSize=9, leading=11, alignment=TA_CENTER),
    "grid_many": _style("grid_many", fontName=BOLD, fontSize=7, leading=8,
                        alignment=TA_CENTER),
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


CELL_PADDING = 4
"""Left and right padding of a table cell, in points."""
MAX_WORD_SHARE = 0.45
"""A word wider than this share of the table is not given room: it is cut (a hash, a run of
letters someone typed), as it would not fit a column anyway."""


BREAKS = re.compile(r"([^\S\u00a0]+)")
"""Where a line may break: white space, but not a no-break space (which keeps "ISO 27002 8.20"
together)."""


def keep_together(value: str) -> str:
    """``value`` with no-break spaces: laid out as one word."""
    return value.replace(" ", "\u00a0")


def control_lines(controls: str) -> str:
    """One reference a line ("BIO2 8.22.01", "ISO 27002 8.20"), each kept whole."""
    return "\n".join(keep_together(c) for c in controls.split(", ") if c)


def _widest_word_of(paragraph: Paragraph, limit: float) -> float:
    """The width of the widest word of ``paragraph`` (in its own fonts: bold parts bold) that
    is not wider than ``limit``."""
    widest = current = 0.0
    for frag in paragraph.frags:
        if getattr(frag, "lineBreak", False):
            widest, current = max(widest, current if current <= limit else 0.0), 0.0
            continue
        for part in BREAKS.split(frag.text or ""):
            if not part:
                continue
            if BREAKS.fullmatch(part):
                widest, current = max(widest, current if current <= limit else 0.0), 0.0
            else:
                current += pdfmetrics.stringWidth(part, frag.fontName, frag.fontSize)
    return max(widest, current if current <= limit else 0.0)


def _widest_word(cell: Any, limit: float) -> float:
    if isinstance(cell, Paragraph):
        indent = (cell.style.leftIndent or 0) + (cell.style.rightIndent or 0)
        return _widest_word_of(cell, limit - indent) + indent
    if isinstance(cell, list | tuple):
        return max((_widest_word(c, limit) for c in cell), default=0.0)
    return 0.0


def fitted_widths(cells: Sequence[Sequence[Any]], widths: Sequence[float]) -> list[float]:
    """``widths``, changed so that the widest word of every column fits on its line: a column
    too narrow for a word ("Contractmanager", "aanbestedingsstukken") gets room from columns
    that have more than they need, in proportion to what they can spare. The total stays the
    same. A word wider than ``MAX_WORD_SHARE`` of the table gets no room: it is cut as before."""
    total = sum(widths)
    limit = total * MAX_WORD_SHARE - 2 * CELL_PADDING
    need = [0.0] * len(widths)
    for row in cells:
        for i, cell in enumerate(row):
            need[i] = max(need[i], _widest_word(cell, limit) + 2 * CELL_PADDING + 0.5)
    short = [max(0.0, n - w) for n, w in zip(need, widths, strict=True)]
    spare = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    wanted, available = sum(short), sum(spare)
    if wanted <= 0 or available <= 0:
        return list(widths)
    given = min(wanted, available)
    return [
        w + s * given / wanted - p * given / available
        for w, s, p in zip(widths, short, spare, strict=True)
    ]


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table whose header row repeats on every page and whose rows may split; its
    columns are widened where a word would otherwise be broken (see :func:`fitted_widths`)."""
    cells = [
        [
            c if isinstance(c, Flowable | list) else text(c, _cell_style(header and i == 0))
            for c in row
        ]
        for i, row in enumerate(rows)
    ]
    widths = fitted_widths(cells, widths)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
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


SHA256 = re.compile(r"[0-9a-f]{64}")


def hash_text(value: str, width: float) -> Paragraph:
    """A SHA-256 on one line, never broken, so it can be copied whole: the house font at the
    size (at most the cell text's) at which it fits ``width`` points."""
    size = STYLES["cell"].fontSize
    natural = pdfmetrics.stringWidth(value, FONT, size)
    if natural > width - 1:
        size = int(size * (width - 1) / natural * 4) / 4  # down to a quarter point
    style = ParagraphStyle(f"hash_{size}", parent=STYLES["hash"], fontSize=size,
                           leading=max(size * 1.3, 9))  # fmt: skip
    return Paragraph(escape(value), style)


def field_table(fields: Sequence[tuple[str, str]]) -> Table:
    """Label / value pairs, as on a cover or an approval record; a SHA-256 on one line."""
    label_w = 48 * mm
    inner = TEXT_W - label_w - 2 * CELL_PADDING
    rows = [
        [
            text(label, "cell_bold"),
            hash_text(value, inner) if SHA256.fullmatch(value) else text(value, "cell"),
        ]
        for label, value in fields
    ]
    return table(rows, [label_w, TEXT_W - label_w], header=False)


def heatmap(
    src: ExportSource, cells: dict[tuple[int, int], list[int]], caption: str, size: float
) -> list[Flowable]:
    """The 5×5 grid of the risk model: likelihood up, impact across; each cell shows the
    numbers of the scenarios that sit there (as in the web app), coloured by its level."""
    model = src.snapshot["risk_model"]
    grid = model["grid"]
    step = size / 6
    rows: list[list[Any]] = []
    for likelihood in range(5, 0, -1):
        row: list[Any] = [text(str(likelihood), "axis")]
        for impact in range(1, 6):
            numbers = sorted(cells.get((likelihood, impact), []))
            style = "grid" if len(numbers) <= 3 else "grid_many"
            row.append(text(" ".join(map(str, numbers)), style))
        rows.append(row)
    rows.append(["", *(text(str(i), "axis") for i in range(1, 6))])
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (1, 0), (-1, 4), 0.6, colors.white),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, likelihood in enumerate(range(5, 0, -1)):
        for c in range(5):
            level = grid[likelihood - 1][c]
            commands.append(("BACKGROUND", (c + 1, r), (c + 1, r), LEVEL_COLOURS[level]))
    result = Table(rows, colWidths=[step] * 6, rowHeights=[step] * 5 + [step * 0.6])
    result.setStyle(TableStyle(commands))
    return [text(caption, "h3"), result, text(src.t("exp.heatmap_axes"), "small")]


def numbered_legend(titles: Sequence[str], columns: int = 2) -> Table:
    """What the numbers in the heatmaps stand for ("1 Spionage …", "2 Sabotage …"), filled
    column by column."""
    per_column = -(-len(titles) // columns) if titles else 0
    rows: list[list[Any]] = []
    for r in range(per_column):
        row: list[Any] = []
        for c in range(columns):
            n = c * per_column + r
            if n < len(titles):
                row += [text(str(n + 1), "cell_bold"), text(titles[n], "cell")]
            else:
                row += ["", ""]
        rows.append(row)
    number_w = 8 * mm
    title_w = TEXT_W / columns - number_w
    result = Table(rows, colWidths=[number_w, title_w] * columns, hAlign="LEFT")
    result.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))  # fmt: skip
    return result


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
    # No padding: the text column is exactly TEXT_W wide, as every table is laid out for (a
    # padded frame let tables stick out into the right margin and shifted split parts).
    frame = Frame(
        MARGIN_X, MARGIN_BOTTOM, TEXT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )  # fmt: skip
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
