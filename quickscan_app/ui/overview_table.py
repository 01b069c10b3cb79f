"""The table of dossiers with risk and deadline, shared by the officer's overview and the
reviewer's queue."""

from __future__ import annotations

from datetime import date

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_date, t
from quickscan_app.services.overview import OverviewRow
from quickscan_app.ui.tables import show_table


def level_text(row_level, lang: Lang) -> str:  # type: ignore[no-untyped-def]
    return t(f"level.{row_level.value}", lang) if row_level is not None else "–"


def render_table(
    rows: list[OverviewRow],
    lang: Lang,
    key: str,
    today: date,
    feedback: dict[int, str] | None = None,
) -> int | None:
    """Shows the rows; returns the id of the selected dossier, if any. ``feedback`` adds a
    column with a marker per dossier (the officer's: sent back, in which round)."""
    rows_shown = [
        {
            t("ui.col.title", lang): r.summary.title,
            t("ui.col.reference", lang): r.summary.reference or "",
            t("ui.col.status", lang): t(f"status.{r.summary.status}", lang),
            **(
                {t("ui.col.feedback", lang): feedback.get(r.summary.id, "")}
                if feedback is not None
                else {}
            ),
            t("ui.col.risk", lang): level_text(r.overall_level, lang),
            t("ui.col.residual", lang): level_text(r.residual_level, lang),
            t("ui.col.publication", lang): format_date(planned, lang)
            if (planned := r.summary.planned_publication_date or r.summary.planned_rfq_date)
            else "",
            t("ui.col.days_left", lang): r.days_left(today),
            t("ui.col.signal", lang): "⚠ " + t("ui.deadline_near", lang)
            if r.flagged(today)
            else "",
            t("ui.col.owner", lang): r.summary.owner,
        }
        for r in rows
    ]
    show_table(
        rows_shown, name=key, lang=lang, numeric=[t("ui.col.days_left", lang)],
        wide=[t("ui.col.title", lang)],
    )  # fmt: skip
    titles = {
        r.summary.id: f"{r.summary.title} ({r.summary.reference or r.summary.id})" for r in rows
    }
    return st.selectbox(
        t("ui.choose_dossier", lang),
        list(titles),
        index=None,
        format_func=lambda i: titles[i],
        key=key,
        placeholder=t("ui.choose_dossier_placeholder", lang),
    )
