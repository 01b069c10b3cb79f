"""The officer's dossiers: status, risk, planned publication and days left."""

from __future__ import annotations

import streamlit as st

from quickscan_app.i18n import format_datetime, plural, t
from quickscan_app.services.context import Role
from quickscan_app.services.overview import overview
from quickscan_app.services.workflow import sent_back
from quickscan_app.ui import session
from quickscan_app.ui.dossier_state import chosen_dossier_id, open_dossier
from quickscan_app.ui.overview_table import render_table
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.text import md


def render() -> None:
    lang = session.lang()
    user = session.require(Role.OFFICER)
    ctx = service_context()

    if "dossier" in st.query_params and (resume := chosen_dossier_id()) is not None:
        # Back after a reload and a new sign-in: straight to where the officer was.
        open_dossier("views/dossier.py", resume, st.query_params.get("step"))

    st.title(t("ui.page.my_dossiers", lang))
    rows = [r for r in overview(ctx, user) if r.summary.owner_id == user.user_id]
    today = ctx.clock().date()
    late = sum(r.flagged(today) for r in rows)
    col_a, col_b, col_c = st.columns(3)
    col_a.metric(t("ui.metric.dossiers", lang), len(rows))
    col_b.metric(t("ui.metric.in_review", lang), sum(r.summary.status == "submitted" for r in rows))
    col_c.metric(t("ui.metric.deadline_near", lang), late)
    if late:
        st.warning(plural("ui.deadline_warning", late, lang))
    if not rows:
        st.info(t("ui.no_dossiers_yet", lang))
        st.page_link("views/new_dossier.py", label=t("ui.page.new_dossier", lang), icon="➕")
        st.stop()
    returned = {
        dossier: note
        for dossier, note in sent_back(ctx, user).items()
        if any(r.summary.id == dossier for r in rows)
    }
    if returned:
        titles = {r.summary.id: r.summary.title for r in rows}
        lines = [
            f"- **{md(titles[dossier])}** · "
            + t("ui.thread.round", lang).format(round=note.round)
            + f" · {md(note.reviewer)}, {format_datetime(note.at, lang)}"
            + (f": _{md(note.note)}_" if note.note else "")
            for dossier, note in returned.items()
        ]
        st.warning(
            t("ui.sent_back_list", lang).format(count=len(returned)) + "\n\n" + "\n".join(lines),
            icon="↩️",
        )
    marks = {
        dossier: t("ui.sent_back_mark", lang).format(round=note.round)
        for dossier, note in returned.items()
    }
    selected = render_table(rows, lang, "qs_my_dossiers", today, feedback=marks)
    if st.button(
        t("ui.open_dossier", lang), type="primary", disabled=selected is None, key="qs_open"
    ):
        open_dossier("views/dossier.py", selected)
