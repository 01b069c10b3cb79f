"""The registers as data: JSON (the whole record), CSV (one register) and XLSX (all of them).

Every file names its snapshot: JSON in a field, CSV in a ``snapshot_sha256`` column, XLSX in
its document properties and on the 'about' sheet. The same source always gives the same bytes.

User text (titles, owners, justifications) may start with ``=``, ``+``, ``-`` or ``@``: a
spreadsheet would run it as a formula, so such cells get a leading ``'``
(see :func:`neutralised`).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from quickscan_app.exports import compare_rows, registers
from quickscan_app.exports.office import normalised_zip, office_properties, utc_naive, xml_safe
from quickscan_app.exports.source import ExportSource, local_date

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection)."""
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
REASON_JOIN = " | "
LIST_JOIN = "; "
MIN_WIDTH, MAX_WIDTH, TOKEN_WIDTH = 8, 60, 68
"""Column widths in characters: wide enough to read, narrow enough to print."""
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
CELL_MAX = 32767
"""The most characters an Excel cell holds; a longer one makes Excel 'repair' the file."""
DATE_FORMAT = "DD-MM-YYYY"
"""How a date cell shows (Dutch Excel shows the code as dd-mm-jjjj): 15-03-2027."""
XLSX_VALUES = "xlsx_values"
"""Key in a frame's ``attrs``: per column header, the typed values (dates) a spreadsheet gets
instead of the text that CSV and the web app show."""


def neutralised(value: Any) -> Any:
    """A string a spreadsheet could run as a formula, made plain text with a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


# --- the rows -----------------------------------------------------------------------------


def _risk_frame(src: ExportSource) -> pd.DataFrame:
    columns = ["scenario", "likelihood", "impact", "level", "residual_level", "reasons"]
    rows = [
        {**row, "reasons": REASON_JOIN.join(row["reasons"])} for row in registers.risk_rows(src)
    ]
    return _frame(src, rows, {c: src.t(f"exp.col.{c}") for c in columns})


def _measure_frame(src: ExportSource) -> pd.DataFrame:
    columns = [
        "measure_id",
        "measure",
        "kind",
        "phase",
        "owner",
        "due",
        "status",
        "controls",
        "scenarios",
    ]
    registry = registers.measure_rows(src)
    rows = [
        {k: LIST_JOIN.join(v) if isinstance(v, list) else v for k, v in row.items()}
        for row in registry
    ]
    frame = _frame(src, rows, {c: src.t(f"exp.col.{c}") for c in columns})
    frame.attrs[XLSX_VALUES] = {src.t("exp.col.due"): [row["due_date"] for row in registry]}
    return frame


def _tender_rows(src: ExportSource) -> list[dict[str, Any]]:
    return [
        {
            "section": f"{chapter.number}. {chapter.heading}",
            "number": item.number,
            "measure_id": item.measure,
            "measure": item.title,
            "text": item.text,
            "phase": item.phase,
            "controls": item.controls,
        }
        for chapter in registers.tender_chapters(src)
        for item in chapter.items
    ]


def _tender_frame(src: ExportSource) -> pd.DataFrame:
    columns = ("section", "number", "measure_id", "measure", "text", "phase", "controls")
    return _frame(src, _tender_rows(src), {c: src.t(f"exp.col.{c}") for c in columns})


def _frame(src: ExportSource, rows: list[dict[str, Any]], headers: dict[str, str]) -> pd.DataFrame:
    """``rows`` with localised headers, the snapshot hash as last column, formulas defused."""
    frame = pd.DataFrame(
        [[neutralised(row.get(c, "")) for c in headers] + [src.sha256] for row in rows],
        columns=[*headers.values(), src.t("exp.col.snapshot")],
        dtype=object,
    )
    return frame


def _compare_frame(src: ExportSource) -> pd.DataFrame:
    """The award report's bidders side by side: the rows of the page and the PDF."""
    rows = compare_rows.award_rows(src)
    return _frame(src, rows, {c: c for c in rows[0]} if rows else {})


def _award_frame(src: ExportSource) -> pd.DataFrame:
    """One row per bidder and requirement of the plan, with the check's SHA-256."""
    titles = {m["id"]: m["title"] for m in src.snapshot["measures"]}
    columns = compare_rows.award_comparison(src).columns
    rows = [
        {
            "bidder": compare_rows.column_title(column),
            "measure_id": r["measure"],
            "measure": titles.get(r["measure"], r["measure"]),
            "response": src.t(f"ui.award.response.{r['response']}"),
            "knock_out": src.t("yes" if r.get("knock_out") else "no"),
            "note": r.get("note") or "",
            "check": check["sha256"],
        }
        for column, check in zip(columns, src.bidders, strict=True)
        for r in check["requirements"]
    ]
    keys = ("bidder", "measure_id", "measure", "response", "knock_out", "note", "check")
    return _frame(src, rows, {c: src.t(f"exp.col.award.{c}") for c in keys})


def _register(src: ExportSource) -> pd.DataFrame:
    return _risk_frame(src) if src.kind == "plan" else _tender_frame(src)


# --- JSON ---------------------------------------------------------------------------------


def render_json(src: ExportSource) -> bytes:
    """The marker, the hash and the content: the whole snapshot, or the tender chapters."""
    doc: dict[str, Any] = {
        "format": "quickscan-export/1",
        "kind": src.kind,
        "marker": src.marker,
        "snapshot_sha256": src.sha256,
        "approved": src.approved,
        "issued_at": utc_naive(src.issued_at).isoformat() + "Z",
        "language": src.lang,
        "title": src.title,
    }
    if src.kind == "plan":
        doc["snapshot"] = src.snapshot
    elif src.kind == "award":
        doc["checks_mark"] = src.award_mark
        doc["dossier"] = [{"label": k, "value": v} for k, v in src.cover_fields()]
        doc["bidders"] = list(src.bidders)
    else:
        doc["dossier"] = [{"label": k, "value": v} for k, v in src.cover_fields()]
        doc["chapters"] = [
            {
                "number": c.number,
                "section": c.section,
                "heading": c.heading,
                "intro": c.intro,
                "items": [
                    {
                        "number": i.number,
                        "measure": i.measure,
                        "title": i.title,
                        "text": i.text,
                        "phase": i.phase,
                        "controls": i.controls,
                    }
                    for i in c.items
                ],
            }
            for c in registers.tender_chapters(src)
        ]
    text = json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    return text.encode("utf-8")


# --- CSV ----------------------------------------------------------------------------------


def render_csv(src: ExportSource) -> bytes:
    """The kind's register, comma-separated, UTF-8 with a BOM (so Excel reads the accents)."""
    text = _register(src).to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8-sig")


# --- XLSX ---------------------------------------------------------------------------------


def sheet_name(name: str, taken: set[str]) -> str:
    """A name Excel accepts: at most 31 characters, none of ``[]:*?/\\``, unique."""
    base = SHEET_NAME_BAD.sub("-", xml_safe(name)).strip("'").strip()[:31] or "Sheet"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def _text_cell(cell: Cell, value: Any) -> None:
    """Write ``value``; every string as a string (never a formula), numbers as numbers,
    dates as dates (shown as 15-03-2027)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return
    if isinstance(value, date) and not isinstance(value, datetime):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = xml_safe(str(neutralised(value)))
        cell.value = text if len(text) <= CELL_MAX else text[: CELL_MAX - 1] + "…"
        cell.data_type = "s"
    else:
        cell.value = value


def _width(value: Any) -> int:
    lines = str(value).split("\n") if value is not None else [""]
    return max(len(line) for line in lines)


def write_sheet(ws: Worksheet, frame: pd.DataFrame) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for col, header in enumerate(frame.columns, start=1):
        cell = ws.cell(row=1, column=col)
        _text_cell(cell, header)
        cell.font = bold
        cell.fill = HEADER_FILL
        cell.alignment = wrap
    typed = frame.attrs.get(XLSX_VALUES, {})
    replaced = {i: typed[h] for i, h in enumerate(frame.columns) if h in typed}
    for r, values in enumerate(frame.itertuples(index=False, name=None), start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col)
            _text_cell(cell, replaced[col - 1][r - 2] if col - 1 in replaced else value)
            cell.alignment = wrap
    for col, header in enumerate(frame.columns, start=1):
        values = list(frame.iloc[:, col - 1])
        longest = max([_width(header), *(_width(v) for v in values)])
        # Ids and hashes do not wrap well: one word per cell gets a little more room.
        cap = TOKEN_WIDTH if all(" " not in str(v) for v in values) else MAX_WIDTH
        ws.column_dimensions[get_column_letter(col)].width = min(max(longest + 2, MIN_WIDTH), cap)
    ws.freeze_panes = "A2"
    if len(frame.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _about_sheet(ws: Worksheet, src: ExportSource) -> None:
    """Title, every cover field (label and value), then the marker ``export verify`` finds."""
    _text_cell(ws.cell(row=1, column=1), src.title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    _text_cell(ws.cell(row=2, column=1), src.subject)
    rows = list(src.cover_fields())
    if not src.approved:
        rows.insert(0, (src.t("exp.concept"), src.t("exp.concept_note")))
    rows.append((src.t("exp.field.marker"), src.marker))
    if src.award_mark:  # which approved checks the report holds: verify re-renders those
        rows.append((src.t("exp.field.checks"), src.award_mark))
    wrap = Alignment(wrap_text=True, vertical="top")
    issued = src.t("exp.field.date")
    for r, (name, value) in enumerate(rows, start=4):
        key, val = ws.cell(row=r, column=1), ws.cell(row=r, column=2)
        _text_cell(key, name)
        _text_cell(val, local_date(src.issued_at) if name == issued else value)
        key.font = Font(bold=True)
        key.alignment = val.alignment = wrap
    ws.column_dimensions["A"].width = min(max(_width(n) for n, _ in rows) + 2, MAX_WIDTH)
    ws.column_dimensions["B"].width = min(max(_width(v) for _, v in rows) + 2, 80)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def render_xlsx(src: ExportSource) -> bytes:
    """The registers of the kind, one sheet each, and an 'about' sheet with the marker."""
    if src.kind == "plan":
        sheets = [
            ("exp.sheet.register", _risk_frame(src)),
            ("exp.sheet.measures", _measure_frame(src)),
        ]
    elif src.kind == "award":
        sheets = [
            ("exp.sheet.compare", _compare_frame(src)),
            ("exp.sheet.award", _award_frame(src)),
        ]
    else:
        sheets = [("exp.sheet.tender", _tender_frame(src))]
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for key, frame in sheets:
        write_sheet(wb.create_sheet(sheet_name(src.t(key), taken)), frame)
    _about_sheet(wb.create_sheet(sheet_name(src.t("exp.sheet.about"), taken)), src)
    wb.active = 0

    props = wb.properties
    for name, value in office_properties(src).items():
        setattr(props, name, value)
    props.creator = props.lastModifiedBy = "Quickscan"
    # ExcelWriter, not Workbook.save: save() stamps 'modified' with the current time.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return normalised_zip(buffer.getvalue(), src.issued_at)
