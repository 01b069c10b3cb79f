"""Evidence files on the bidder's page: the ones added to a requirement, and a PDF upload.
The service checks what the file really is; the browser's file filter is only a hint."""

from __future__ import annotations

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_number, t
from quickscan_app.services import bidder_replies
from quickscan_app.services.bidder_links import EvidenceInfo
from quickscan_app.services.bidder_replies import MAX_FILES_PER_REQUIREMENT, ReplyView
from quickscan_app.services.context import ServiceContext
from quickscan_app.services.errors import ServiceError
from quickscan_app.services.evidence_pdf import MAX_EVIDENCE_MB
from quickscan_app.ui import session
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.text import md


def file_line(info: EvidenceInfo, lang: Lang) -> str:
    """``iso.pdf (120 kB) · SHA-256 3f2a…``, escaped for markdown."""
    size = format_number(max(1, round(info.size / 1024)), lang)
    return f"📄 {md(info.file_name)} ({size} kB) · SHA-256 `{info.sha256[:16]}…`"


def render_evidence(
    ctx: ServiceContext,
    token: str,
    origin: str,
    view: ReplyView,
    measure: str,
    files: list[EvidenceInfo],
    lang: Lang,
) -> None:
    place = f"evidence_{measure}"
    st.markdown(f"**{t('ui.reply.evidence', lang)}**")
    for info in files:
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.markdown(file_line(info, lang))
        if view.editable and button.button(
            t("ui.reply.remove_file", lang), key=f"qs_reply_rm_{info.id}"
        ):
            try:
                bidder_replies.remove_evidence(ctx, token, origin, info.id)
            except ServiceError as exc:
                session.notify(place, "error", error_message(exc, lang))
            st.rerun()
    if view.editable and len(files) < MAX_FILES_PER_REQUIREMENT:
        counter = f"qs_reply_upload_n_{view.bidder_id}_{measure}"
        key = f"qs_reply_upload_{view.bidder_id}_{measure}_{st.session_state.get(counter, 0)}"

        def uploaded() -> None:
            chosen = st.session_state.get(key)
            st.session_state[counter] = st.session_state.get(counter, 0) + 1  # an empty one next
            if chosen is None:
                return
            try:
                bidder_replies.add_evidence(
                    ctx, token, origin, measure, chosen.name, chosen.getvalue()
                )
            except ServiceError as exc:
                session.notify(place, "error", error_message(exc, lang))
            else:
                session.notify(place, "success", t("ui.reply.file_added", lang))

        st.file_uploader(
            t("ui.reply.add_file", lang).format(mb=MAX_EVIDENCE_MB), type=["pdf"], key=key,
            max_upload_size=MAX_EVIDENCE_MB, on_change=uploaded,
        )  # fmt: skip
    session.show_notices(place)
