"""Exporting from the wizard and the review page: make the file (an audited export), then
download it. Two steps, because a download button needs its bytes up front and a rerun
must not export again."""

from __future__ import annotations

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import Status
from quickscan_app.exports.source import FORMATS
from quickscan_app.i18n import t
from quickscan_app.services import exports
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui.errors import error_message

_MADE = "qs_export_made"
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word (DOCX)", "xlsx": "Excel (XLSX)", "csv": "CSV",
                 "json": "JSON"}  # fmt: skip


def render_exports(ctx: ServiceContext, user: Actor, view: DossierView, lang: Lang) -> None:
    d = view.dossier
    status = Status(d.status)
    # An archived dossier may or may not have been approved: the service decides and says so.
    note = {Status.APPROVED: "ui.export.approved_note", Status.ARCHIVED: "ui.export.archived_note"}
    st.markdown(f"### {t('ui.export.title', lang)}")
    st.caption(t(note.get(status, "ui.export.draft_note"), lang))
    kinds = ["plan", "tender", "award"] if status in note else ["plan"]
    col_kind, col_format, col_make = st.columns([3, 2, 2], vertical_alignment="bottom")
    kind = col_kind.selectbox(
        t("ui.export.kind", lang), kinds, format_func=lambda k: t(f"ui.export.kind.{k}", lang),
        key=f"qs_export_kind_{d.id}", placeholder=t("ui.choose_option", lang),
    )  # fmt: skip
    fmt = col_format.selectbox(
        t("ui.export.format", lang), FORMATS[kind], format_func=FORMAT_LABELS.__getitem__,
        key=f"qs_export_format_{d.id}_{kind}", placeholder=t("ui.choose_option", lang),
    )  # fmt: skip
    made: dict = st.session_state.setdefault(_MADE, {})
    key = (d.id, d.lock_version, kind, fmt)
    if col_make.button(t("ui.export.make", lang), key=f"qs_export_make_{d.id}", width="stretch"):
        made.clear()  # one file kept at a time: the session does not collect every export
        try:
            made[key] = exports.export_document(ctx, user, d.id, kind, fmt)
        except ServiceError as exc:
            st.error(error_message(exc, lang))
    result = made.get(key)
    if result is None:
        return
    st.download_button(
        t("ui.export.download", lang).format(name=result.name),
        data=result.data,
        file_name=result.name,
        mime=result.media_type,
        type="primary",
        icon=":material/download:",
        key=f"qs_export_download_{d.id}",
    )
    st.caption(t("ui.export.hash", lang).format(sha=result.snapshot_sha256))
