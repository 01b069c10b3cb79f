"""On the review page of an approved dossier: the bidders' checks, and the reviewer's decision
on each one that was submitted (never on a check the reviewer entered or changed)."""

from __future__ import annotations

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import t
from quickscan_app.services import bidders
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.award_step import bidder_table, render_result
from quickscan_app.ui.bidder_versions import render_reply_summary
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.screens.bidders_compare import link as compare_link
from quickscan_app.ui.text import md


def render_bidder_review(ctx: ServiceContext, user: Actor, view: DossierView, lang: Lang) -> None:
    st.markdown(f"### {t('ui.award.review_title', lang)}")
    try:
        found = bidders.list_bidders(ctx, user, view.dossier.id)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        return
    if not found:
        st.caption(t("ui.award.none", lang))
        return
    st.dataframe(bidder_table(view, found, lang), hide_index=True)
    compare_link(view.dossier.id, lang, from_review=True)
    catalogue = view.library.catalogue.by_id
    for current in found:
        b = current.bidder
        with st.expander(f"{md(b.name)} · {t(f'ui.award.status.{b.status}', lang)}"):
            render_result(view, current, lang)
            render_reply_summary(ctx, user, view, current, lang)  # both versions, evidence
            for check in current.result.requirements:
                label = t(f"ui.award.response.{check.response.value}", lang)
                note = f" — {md(check.note)}" if check.note else ""
                st.markdown(f"- {md(catalogue[check.measure].title.get(lang))}: **{label}**{note}")
            if b.status != "submitted":
                continue
            note = st.text_area(t("ui.decision_note", lang), max_chars=2000, key=f"qs_bn_{b.id}")
            col_a, col_b = st.columns(2)
            for column, approve, label in (
                (col_a, False, "ui.award.send_back"),
                (col_b, True, "ui.award.approve"),
            ):
                if column.button(
                    t(label, lang), key=f"qs_bidder_{'ok' if approve else 'back'}_{b.id}",
                    type="primary" if approve else "secondary", width="stretch",
                ):  # fmt: skip
                    try:
                        bidders.decide_bidder(
                            ctx, user, b.id, b.lock_version, approve=approve, note=note
                        )
                        session.flash("success", t("ui.award.decided", lang))
                        st.rerun()
                    except ServiceError as exc:
                        st.error(error_message(exc, lang))
