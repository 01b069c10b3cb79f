"""The portfolio table as CSV or XLSX: the rows the dashboard's filters keep, all of them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from quickscan_app.domain.text import Lang
from quickscan_app.exports.office import normalised_zip
from quickscan_app.exports.tables import XLSX_VALUES, neutralised, sheet_name, write_sheet
from quickscan_app.i18n import format_date, t


def portfolio_frame(
    rows: Sequence,  # type: ignore[type-arg]
    today: date,
    lang: Lang,
    category_label: Callable[[str], str] = str,
) -> pd.DataFrame:
    """One row per dossier with localised headers; user text defused for spreadsheets."""

    def level(value: str | None) -> str:
        return t(f"level.{value}", lang) if value else ""

    records = [
        {
            "id": r.id,
            t("ui.col.title", lang): neutralised(r.title),
            t("ui.col.reference", lang): neutralised(r.reference or ""),
            t("ui.portfolio.authority", lang): neutralised(r.authority or ""),
            t("ui.portfolio.category", lang): neutralised(
                category_label(r.category) if r.category else ""
            ),
            t("ui.col.status", lang): t(f"status.{r.status}", lang),
            t("ui.portfolio.col.owner", lang): neutralised(r.owner),
            t("ui.col.risk", lang): level(r.overall_level),
            t("ui.col.residual", lang): level(r.residual_level),
            t("ui.col.publication", lang): format_date(r.publication, lang)
            if r.publication
            else "",
            t("ui.portfolio.col.days", lang): r.days_left(today),
            t("ui.portfolio.col.overdue", lang): r.overdue_measures,
            t("ui.portfolio.col.flag", lang): t("yes", lang) if r.flagged else "",
        }
        for r in rows
    ]
    return pd.DataFrame(records, dtype=object)


def portfolio_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def _publication_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the publication column as dates for the spreadsheet (sortable, shown as
    15-03-2027). The frame itself carries the text the web app and CSV show; only this
    column's own 15-03-2027 text is read back, never user text."""
    headers = {t("ui.col.publication", lang) for lang in ("nl", "en")}
    typed = {}
    for header in headers.intersection(frame.columns):
        values = []
        for text in frame[header]:
            try:
                values.append(datetime.strptime(text, "%d-%m-%Y").date() if text else None)
            except (TypeError, ValueError):
                values.append(text)  # another format: left as it is
        typed[header] = values
    frame = frame.copy()
    frame.attrs[XLSX_VALUES] = typed
    return frame


def portfolio_xlsx(frame: pd.DataFrame, title: str, moment: datetime) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    write_sheet(wb.create_sheet(sheet_name(title, set())), _publication_dates(frame))
    wb.properties.title = title
    wb.properties.creator = "Quickscan"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return normalised_zip(buffer.getvalue(), moment)
