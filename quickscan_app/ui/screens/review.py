"""The reviewer's read-only view of one dossier: answers, risks and reasons, plan; comments
per section or measure; request changes or approve (never one's own dossier)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_datetime, t
from quickscan_app.services import workflow
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.errors import ServiceError
from quickscan_app.services.reassessment import needs_acceptance
from quickscan_app.ui import dossier_steps as steps_ui
from quickscan_app.ui import session
from quickscan_app.ui.award_review import render_bidder_review
from quickscan_app.ui.conversation import (
    comment_count,
    count_text,
    render_conversation,
    render_round_changes,
)
from quickscan_app.ui.dossier_state import act, load, require_dossier_id, saver
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.export_panel import render_exports
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.tables import show_table
from quickscan_app.ui.text import md
from quickscan_app.ui.widgets import review_date_input


def render() -> None:
    lang = session.lang()
    user = session.require(Role.REVIEWER)
    ctx = service_context()
    dossier_id = require_dossier_id(lang, "views/review_queue.py", t("ui.page.review_queue", lang))
    view = load(ctx, user, dossier_id, lang)
    run = saver(ctx, user, dossier_id, lang)
    d = view.dossier
    library = view.library

    def add_comment(kind: str, target: str | None, body: str, place: str = "thread") -> None:
        try:
            workflow.comment(ctx, user, dossier_id, body, target_kind=kind, target_id=target)
        except ServiceError as exc:
            session.notify(place, "error", error_message(exc, lang))
        else:
            session.notify(place, "success", t("ui.comment_added", lang))
        st.rerun()

    st.page_link("views/review_queue.py", label=t("ui.back_to_queue", lang), icon="⬅️")
    st.title(md(d.title))
    st.caption(
        " · ".join(
            md(x)
            for x in (
                d.reference or "",
                t(f"status.{d.status}", lang),
                d.owner.display_name,
                f"{t('ui.revision', lang)} {d.revision}",
            )
            if x
        )
    )
    try:
        changes = workflow.round_changes(ctx, user, dossier_id)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        changes = None
    render_round_changes(view, changes, lang, expanded=d.status == "submitted")
    visible = set(view.assessment.visible)
    # A keyed tab set remembers the section across reruns (a comment, a refused approval, a
    # download), and only the open section's content runs.
    answers_tab, risk_tab, plan_tab, decision_tab = st.tabs(
        [
            t("ui.tab.answers", lang),
            t("ui.tab.risks", lang),
            t("ui.tab.plan", lang),
            t("ui.tab.decision", lang),
        ],
        # An approved plan is opened for its exports and bidder checks: the decision section.
        default=t("ui.tab.decision", lang) if d.status == "approved" else None,
        key=f"qs_review_tab_{dossier_id}_{lang}",
        on_change="rerun",
    )

    if answers_tab.open:
        with answers_tab:
            for section in library.questionnaire.sections:
                if not any(q.id in visible for q in section.questions):
                    continue
                count = comment_count(view, "section", section.id)
                title = section.title.get(lang) + (f" ({count_text(count, lang)})" if count else "")
                with st.expander(title):
                    steps_ui.section_answers(view, section, lang)
                    steps_ui.comments_for(view, "section", section.id)
                    with st.form(f"comment_{section.id}", clear_on_submit=True, border=False):
                        body = st.text_area(
                            t("ui.comment_on_section", lang), max_chars=10_000, height=70
                        )
                        if st.form_submit_button(t("ui.add_comment", lang)) and body.strip():
                            add_comment("section", section.id, body, place=section.id)
                    session.show_notices(section.id)

    if risk_tab.open:
        with risk_tab:
            steps_ui.render_results(view, lang)

    if plan_tab.open:
        with plan_tab:
            _plan_section(view, lang, add_comment)

    if decision_tab.open:
        with decision_tab:
            _decision_section(ctx, user, view, run, lang, add_comment)

    # Last element: the page is fully drawn for this dossier version (browser tests wait for it).
    st.markdown(
        f'<span data-page-ready="review:{int(d.lock_version)}"></span>', unsafe_allow_html=True
    )


def _plan_section(view: DossierView, lang: Lang, add_comment: Callable[..., None]) -> None:
    catalogue = view.library.catalogue
    if view.plan:
        show_table(
            steps_ui.plan_rows(view, lang, view.plan), name="review_plan", lang=lang,
            numeric=[t("ui.col.comments", lang)],
            wide=[t("ui.col.measure", lang), t("ui.justification", lang)],
        )  # fmt: skip
    else:
        st.info(t("ui.plan_empty", lang))
    planned = [p.measure_id for p in view.plan if p.measure_id in catalogue.by_id]
    if planned:
        with st.form("comment_measure", clear_on_submit=True):
            measure = st.selectbox(
                t("ui.col.measure", lang),
                planned,
                format_func=lambda m: catalogue.by_id[m].title.get(lang),
                placeholder=t("ui.choose_option", lang),
            )
            body = st.text_area(t("ui.comment_on_measure", lang), max_chars=10_000, height=70)
            if st.form_submit_button(t("ui.add_comment", lang)) and body.strip():
                add_comment("measure", measure, body, place="measure_comment")
    session.show_notices("measure_comment")
    for p in view.plan:
        steps_ui.comments_for(view, "measure", p.measure_id)


def _decision_section(
    ctx: ServiceContext,
    user: Actor,
    view: DossierView,
    run: Callable[..., bool],
    lang: Lang,
    add_comment: Callable[..., None],
) -> None:
    d = view.dossier
    if d.owner_id == user.user_id:
        st.warning(t("err.four_eyes_owner", lang))
    if d.status == "submitted":
        note = st.text_area(t("ui.decision_note", lang), max_chars=10_000, key="qs_decision_note")
        st.caption(t("ui.decision_note_help", lang))
        review_date = review_date_input(ctx.clock().date(), lang, "qs_review_date")
        if needs_acceptance(view):
            st.info(t("ui.acceptance_needed", lang))
        col_a, col_b = st.columns(2)
        if col_a.button(t("ui.request_changes", lang), key="qs_request_changes", width="stretch"):
            act(
                run, workflow.request_changes, note, success=t("ui.changes_requested", lang),
                place="decision",
            )  # fmt: skip
        if col_b.button(t("ui.approve", lang), type="primary", key="qs_approve", width="stretch"):
            waits = needs_acceptance(view)
            done = t("ui.approved_for_acceptance" if waits else "ui.approved", lang)
            act(
                run, workflow.approve, note=note, review_date=review_date, success=done,
                place="decision",
            )  # fmt: skip
    else:
        session.show_notices("decision")
        st.info(t("ui.no_decision_needed", lang).format(status=t(f"status.{d.status}", lang)))
    st.markdown(f"### {t('ui.history', lang)}")
    render_conversation(
        view, view.decisions, lang, expanded=True,
        reply=lambda body: add_comment("dossier", None, body), key="qs_review_thread",
    )  # fmt: skip
    session.show_notices("thread")
    for approval in view.approvals:
        when = format_datetime(approval.approved_at, lang)
        st.caption(
            f"{t('ui.approval', lang)} {t('ui.revision', lang).lower()} {approval.revision}: "
            f"{md(approval.approver.display_name)}, {when}, SHA-256 {approval.sha256}"
        )
    render_exports(ctx, user, view, lang)
    if d.status == "approved":
        render_bidder_review(ctx, user, view, lang)
