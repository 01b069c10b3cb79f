"""The award phase in the wizard: each bidder checked against the approved plan, then sent
to a reviewer (four-eyes)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import t
from quickscan_app.services import bidders
from quickscan_app.services.bidder_links import REPLY_OPEN
from quickscan_app.services.bidders import BidderView
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.bidder_invite_panel import render_invite_panel
from quickscan_app.ui.bidder_versions import render_reply_summary
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.screens.bidders_compare import link as compare_link
from quickscan_app.ui.text import md
from quickscan_app.ui.widgets import render_question

NEW = 0
RESPONSES = ("met", "not_met", "unknown")


def render_award(ctx: ServiceContext, user: Actor, view: DossierView, lang: Lang) -> None:
    st.caption(t("ui.award.intro", lang))
    try:
        found = bidders.list_bidders(ctx, user, view.dossier.id)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        return
    if found:
        st.dataframe(bidder_table(view, found, lang), hide_index=True)
        compare_link(view.dossier.id, lang)
    by_id = {b.bidder.id: b for b in found}
    pick = f"qs_bidder_pick_{view.dossier.id}"
    if (added := st.session_state.pop(f"qs_bidder_next_{view.dossier.id}", None)) in by_id:
        st.session_state[pick] = added  # show the bidder just added (set before the widget)
    chosen = st.selectbox(
        t("ui.award.choose", lang),
        [NEW, *by_id],
        format_func=lambda i: t("ui.award.new", lang) if i == NEW else by_id[i].bidder.name,
        key=pick,
        placeholder=t("ui.choose_option", lang),
    )
    current = by_id.get(chosen)
    if current is not None:
        render_result(view, current, lang)
        render_reply_summary(ctx, user, view, current, lang)
        render_invite_panel(ctx, user, view, current, lang)
    editable = current is None or current.bidder.status in bidders.EDITABLE
    _form(ctx, user, view, current, editable, lang, by_link=_by_link(current))
    session.show_flashes()


def bidder_table(view: DossierView, found: list[BidderView], lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("ui.award.col.name", lang): b.bidder.name,
                t("ui.col.status", lang): t(f"ui.award.status.{b.bidder.status}", lang),
                t("ui.award.col.verdict", lang): t(
                    f"ui.award.verdict.{b.result.verdict.value}", lang
                ),
                t("ui.col.residual", lang): t(f"level.{b.result.residual_level.value}", lang),
                t("ui.award.col.counts", lang): f"{b.result.count(bidders.Response.MET)} / "
                f"{b.result.count(bidders.Response.NOT_MET)} / "
                f"{b.result.count(bidders.Response.UNKNOWN)}",
            }
            for b in found
        ]
    )


def render_result(view: DossierView, current: BidderView, lang: Lang) -> None:
    result = current.result
    verdict = result.verdict.value
    box = {"fits": st.success, "conditions": st.warning, "does_not_fit": st.error}[verdict]
    box(t(f"ui.award.verdict_long.{verdict}", lang).format(name=md(current.bidder.name)))
    scenarios = view.library.risk_model.scenario_by_id
    for scenario, planned, actual in result.worse:
        st.markdown(
            "- "
            + md(
                t("ui.award.worse", lang).format(
                    scenario=scenarios[scenario].title.get(lang),
                    plan=t(f"level.{planned.value}", lang),
                    bidder=t(f"level.{actual.value}", lang),
                )
            )
        )
    if current.bidder.decision_note:
        st.info(f"{t('ui.award.reviewer_note', lang)} {md(current.bidder.decision_note)}")
    if current.bidder.sha256:
        st.caption(f"SHA-256 {current.bidder.sha256}")


def _by_link(current: BidderView | None) -> str | None:
    """``answering`` while the bidder may still answer through its link (nobody else saves
    or submits), ``submitted`` once it did (changed only by a correction with a note)."""
    if current is None:
        return None
    b, link = current.bidder, current.link
    if b.reply_status == "submitted":
        return "submitted"
    active = link is not None and link.state == "active"
    return "answering" if b.reply_status in REPLY_OPEN and active else None


def _form(
    ctx: ServiceContext,
    user: Actor,
    view: DossierView,
    current: BidderView | None,
    editable: bool,
    lang: Lang,
    *,
    by_link: str | None = None,
) -> None:
    record = current.bidder if current else None
    typing = editable and by_link is None
    ns = f"b{record.id if record else 'new'}_{view.dossier.id}"
    pending: dict[str, Any] = st.session_state.setdefault(f"qs_bidder_answers_{ns}", {})
    col_a, col_b = st.columns(2)
    fields = (  # (field, label, widget)
        ("name", t("ui.award.col.name", lang) + " *", st.text_input),
        ("registration_country", t("ui.award.registration", lang), col_a.text_input),
        ("parent_country", t("ui.award.parent", lang), col_b.text_input),
        ("ownership", t("ui.award.ownership", lang), st.text_area),
        ("subcontractors", t("ui.award.subcontractors", lang), st.text_area),
    )
    typed = {
        field: widget(
            label,
            value=(getattr(record, field) or "") if record else "",
            max_chars=bidders.TEXT_FIELDS[field],
            disabled=not typing,
            key=f"qs_bidder_{field}_{ns}",
        )
        for field, label, widget in fields
    }
    questions = view.library.questionnaire.by_id
    stored = dict(bidders.usable_answers(view.library, record.answers or {})) if record else {}
    with st.expander(t("ui.award.answers", lang)):
        st.caption(t("ui.award.answers_note", lang))
        for question_id in current.questions if current else _per_bidder(view):
            question = questions[question_id]
            value = pending.get(question_id, stored.get(question_id, view.answers.get(question_id)))
            render_question(
                question,
                value,
                dossier_id=ns,
                lang=lang,  # type: ignore[arg-type]
                save=lambda q, v: pending.__setitem__(q, v),
                disabled=not typing,
            )
    responses = _responses(view, current, record, typing, ns, lang)
    if not editable or by_link == "answering":
        return
    col_save, col_submit = st.columns(2)
    data = {**typed, "answers": {**stored, **pending}, "responses": responses}
    if typing and col_save.button(
        t("ui.award.save", lang), type="primary", key=f"qs_bidder_save_{ns}"
    ):
        try:
            if record is None:
                new_id = bidders.add_bidder(ctx, user, view.dossier.id, data)
                st.session_state[f"qs_bidder_next_{view.dossier.id}"] = new_id
            else:
                bidders.update_bidder(ctx, user, record.id, record.lock_version, data)
            pending.clear()
            session.flash("success", t("ui.award.saved", lang))
            st.rerun()
        except ServiceError as exc:
            st.error(error_message(exc, lang))
    if record is not None and col_submit.button(
        t("ui.award.submit", lang), key=f"qs_bidder_submit_{ns}"
    ):
        try:
            bidders.submit_bidder(ctx, user, record.id, record.lock_version)
            session.flash("success", t("ui.award.submitted", lang))
            st.rerun()
        except ServiceError as exc:
            st.error(error_message(exc, lang))


def _per_bidder(view: DossierView) -> list[str]:
    return [q.id for q in view.library.questionnaire.questions if q.per_bidder]


def _responses(view, current, record, editable, ns, lang) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    """The plan's requirements with met / not met / unknown and a note, as an editable table."""
    catalogue = view.library.catalogue.by_id
    wanted = (
        current.requirements
        if current
        else [m.id for m in bidders.bidder_requirements(view.library, view.chosen)]
    )
    stored = dict(record.responses or {}) if record else {}
    labels = {r: t(f"ui.award.response.{r}", lang) for r in RESPONSES}
    frame = pd.DataFrame(
        [
            {
                "id": m,
                t("ui.award.col.requirement", lang): catalogue[m].title.get(lang),
                t("ui.award.col.response", lang): labels[
                    stored.get(m, {}).get("response", "unknown")
                ],
                t("ui.award.col.note", lang): stored.get(m, {}).get("note", ""),
            }
            for m in wanted
        ]
    )
    st.markdown(f"**{t('ui.award.requirements', lang)}**")
    edited = st.data_editor(
        frame,
        hide_index=True,
        disabled=["id", t("ui.award.col.requirement", lang)] if editable else True,
        key=f"qs_bidder_responses_{ns}",
        column_config={
            "id": None,
            t("ui.award.col.response", lang): st.column_config.SelectboxColumn(
                options=list(labels.values()), required=True
            ),
            t("ui.award.col.note", lang): st.column_config.TextColumn(max_chars=2000),
        },
    )
    back = {label: key for key, label in labels.items()}
    return {
        row["id"]: {
            "response": back.get(row[t("ui.award.col.response", lang)], "unknown"),
            "note": row[t("ui.award.col.note", lang)] or "",
        }
        for row in edited.to_dict("records")
    }
