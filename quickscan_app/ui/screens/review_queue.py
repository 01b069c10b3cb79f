"""The reviewer's queue: submitted dossiers first, then the ones already decided."""

from __future__ import annotations

import streamlit as st

from quickscan_app.i18n import t
from quickscan_app.services import bidders
from quickscan_app.services.context import Role
from quickscan_app.services.overview import overview
from quickscan_app.ui import session
from quickscan_app.ui.dossier_state import chosen_dossier_id, open_dossier
from quickscan_app.ui.overview_table import render_table
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.text import md


def render() -> None:
    lang = session.lang()
    user = session.require(Role.REVIEWER)
    ctx = service_context()

    if "dossier" in st.query_params and (resume := chosen_dossier_id()) is not None:
        open_dossier("views/review.py", resume)

    st.title(t("ui.page.review_queue", lang))
    rows = [
        r
        for r in overview(ctx, user)
        if r.summary.owner_id != user.user_id or not user.has(Role.OFFICER)
    ]
    today = ctx.clock().date()
    waiting = [r for r in rows if r.summary.status == "submitted"]
    decided = [r for r in rows if r.summary.status != "submitted"]
    st.header(t("ui.waiting_for_review", lang).format(count=len(waiting)))
    if waiting:
        chosen = render_table(waiting, lang, "qs_queue_waiting", today)
        if st.button(
            t("ui.review_dossier", lang),
            type="primary",
            disabled=chosen is None,
            key="qs_review_open",
        ):
            open_dossier("views/review.py", chosen)
    else:
        st.info(t("ui.queue_empty", lang))
    checks = bidders.waiting_checks(ctx, user)
    if checks:
        st.header(t("ui.award.waiting", lang).format(count=len(checks)))
        for check in checks:
            if st.button(
                t("ui.award.waiting_item", lang).format(
                    bidder=md(check.bidder_name), dossier=md(check.dossier_title)
                ),
                key=f"qs_bidder_waiting_{check.bidder_id}",
            ):  # fmt: skip
                open_dossier("views/review.py", check.dossier_id)
    st.header(t("ui.decided", lang))
    if decided:
        earlier = render_table(decided, lang, "qs_queue_decided", today)
        if st.button(
            t("ui.open_dossier", lang), disabled=earlier is None, key="qs_review_open_decided"
        ):
            open_dossier("views/review.py", earlier)
    else:
        st.info(t("ui.nothing_decided", lang))
