"""The officer's wizard for one dossier: questions per section, live risk, results, plan."""

from __future__ import annotations

from datetime import date

import streamlit as st

from quickscan_app.domain.workflow import EDITABLE, Status
from quickscan_app.i18n import format_date, format_number, plural, t
from quickscan_app.services import reassessment, versions, workflow
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.errors import ServiceError
from quickscan_app.services.reassessment import ApprovedRisk, Reassessment
from quickscan_app.store.models import Decision
from quickscan_app.ui import dossier_steps as steps_ui
from quickscan_app.ui import session
from quickscan_app.ui.award_step import render_award
from quickscan_app.ui.conversation import render_conversation, render_sent_back
from quickscan_app.ui.dossier_state import forget_view, load, require_dossier_id, saver
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.export_panel import render_exports
from quickscan_app.ui.reassessment_panel import (
    render_before_after,
    render_change_setup,
    render_due_notice,
)
from quickscan_app.ui.risk_panel import render_risk_panel
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.text import md
from quickscan_app.ui.version_notice import render_version_notice


def render() -> None:
    lang = session.lang()
    user = session.require(Role.OFFICER)

    ctx = service_context()
    dossier_id = require_dossier_id(lang, "views/my_dossiers.py", t("ui.page.my_dossiers", lang))

    view = load(ctx, user, dossier_id, lang, with_history=False)
    run = saver(ctx, user, dossier_id, lang)
    d = view.dossier
    all_steps = steps_ui.steps(view)
    step = st.query_params.get("step")
    if step not in all_steps:
        step = all_steps[0]

    st.page_link("views/my_dossiers.py", label=t("ui.back_to_dossiers", lang), icon="⬅️")
    st.title(md(d.title))
    meta = [
        d.reference or "",
        t(f"status.{d.status}", lang),
        f"{t('ui.revision', lang)} {d.revision}",
    ]
    if d.planned_publication_date:
        meta.append(f"{t('ui.publication', lang)} {format_date(d.planned_publication_date, lang)}")
    st.caption(" · ".join(md(m) for m in meta if m))
    decisions = _decisions(ctx, user, dossier_id, d.lock_version)
    render_sent_back(view, decisions, lang)
    if Status(d.status) not in EDITABLE:
        st.info(t("ui.not_editable", lang).format(status=t(f"status.{d.status}", lang)))
    due, approved_risk = _reassessment(ctx, user, dossier_id, d.lock_version)
    render_due_notice(view, due, lang)
    if decisions or view.comments:

        def reply(body: str) -> None:
            try:
                workflow.comment(ctx, user, dossier_id, body)
            except ServiceError as exc:
                session.flash("error", error_message(exc, lang))
            else:
                session.flash("success", t("ui.comment_added", lang))
            forget_view(dossier_id)  # comments do not move the lock version
            st.rerun()

        render_conversation(
            view, decisions, lang, expanded=d.status == Status.CHANGES_REQUESTED.value,
            reply=reply,
        )  # fmt: skip
    newer = versions.newer_library(ctx, view.library)
    if newer is not None and Status(d.status) in versions.UPGRADABLE:
        render_version_notice(view, newer, run, lang)

    required = [q for q in view.assessment.visible if view.library.questionnaire.by_id[q].required]
    done = len(required) - len(view.assessment.open_required)
    st.progress(
        done / len(required) if required else 1.0,
        text=plural("ui.progress", len(required), lang, done=format_number(done, lang)),
    )

    index = all_steps.index(step)
    section_of = view.library.questionnaire.section_of
    open_here = [q for q in view.assessment.open_required if section_of.get(q) == step]
    warned: set = st.session_state.setdefault("qs_show_required", set())

    def go(target: str) -> None:
        st.query_params["step"] = target
        st.query_params["dossier"] = str(dossier_id)

    def back_button(where: str) -> None:
        """Vorige; with next_button a pair above the step and one below, both alike."""
        suffix = "" if where == "top" else "_bottom"
        if st.button(
            t("ui.back", lang), disabled=index == 0, key=f"qs_back{suffix}", width="stretch"
        ):
            go(all_steps[index - 1])
            st.rerun()

    def next_button(where: str) -> None:
        suffix = "" if where == "top" else "_bottom"
        if st.button(
            t("ui.next", lang),
            disabled=index == len(all_steps) - 1,
            key=f"qs_next{suffix}",
            type="primary",
            width="stretch",
        ):
            if open_here and (dossier_id, step) not in warned:
                warned.add((dossier_id, step))  # stay once and point at what is missing
            else:
                go(all_steps[index + 1])
            st.rerun()

    nav_a, nav_b, nav_c = st.columns([4, 1, 1], vertical_alignment="bottom")
    with nav_a:
        jump = st.selectbox(
            t("ui.go_to_step", lang), all_steps, index=index,
            format_func=lambda s: steps_ui.step_label(view, s, lang), key=f"qs_jump_{step}",
            placeholder=t("ui.choose_option", lang),
        )  # fmt: skip
        if jump != step:
            go(jump)
            st.rerun()
    with nav_b:
        back_button("top")
    with nav_c:
        next_button("top")

    # On the results step the full risk panel is part of the step: no second one beside it;
    # the plan step needs the whole width for its tables and shows the residual risk itself.
    wide = step in (steps_ui.RESULTS, steps_ui.PLAN)
    main, side = (st.container(), None) if wide else st.columns([3, 2], gap="large")
    with main:
        st.header(steps_ui.step_title(view, step, lang))
        sections = {s.id: s for s in view.library.questionnaire.sections}
        if step in sections:
            shown = (dossier_id, step) in warned
            if shown and open_here:
                st.warning(plural("ui.required_open_here", len(open_here), lang))
            steps_ui.render_section(view, sections[step], run, lang, show_required=shown)
        elif step == steps_ui.RESULTS:
            render_before_after(view, approved_risk, lang)
            steps_ui.render_results(view, lang)
        elif step == steps_ui.PLAN:
            steps_ui.render_plan(view, run, lang)
        elif step == steps_ui.AWARD:
            render_award(ctx, user, view, lang)
        else:
            steps_ui.render_submit(view, run, lang)
            render_exports(ctx, user, view, lang)
            if d.status == Status.APPROVED.value:
                render_change_setup(view, run, lang)
        _, bottom_back, bottom_next = st.columns([4, 1, 1])
        with bottom_back:
            back_button("bottom")
        with bottom_next:
            next_button("bottom")
    if side is not None:
        with side:
            render_risk_panel(view.library, view.assessment, lang, compact=True)

    # Last element of the page: which step and dossier version are now fully drawn. Browser tests
    # wait for it (Streamlit draws elements in order) instead of guessing with timeouts.
    st.markdown(
        f'<span data-page-ready="{step}:{int(d.lock_version)}"></span>', unsafe_allow_html=True
    )


_DECISIONS = "qs_decisions"


def _decisions(ctx: ServiceContext, user: Actor, dossier_id: int, version: int) -> list[Decision]:
    """The dossier's workflow steps, read again only when its lock version moved (every step
    moves it)."""
    cache: dict[int, tuple[int, list[Decision]]] = st.session_state.setdefault(_DECISIONS, {})
    kept = cache.get(dossier_id)
    if kept is not None and kept[0] == version:
        return kept[1]
    try:
        rows = workflow.decisions_of(ctx, user, dossier_id)
    except ServiceError as exc:
        st.error(error_message(exc, session.lang()))
        st.stop()
    cache[dossier_id] = (version, rows)
    return rows


_REASSESSMENT = "qs_reassessment"


def _reassessment(
    ctx: ServiceContext, user: Actor, dossier_id: int, version: int
) -> tuple[Reassessment | None, ApprovedRisk | None]:
    """Whether a new assessment is due and the risk the last approval froze, read again only
    when the lock version moved (or the day changed: a review date may come)."""
    cache: dict[int, tuple[int, date, tuple]] = st.session_state.setdefault(_REASSESSMENT, {})
    today = ctx.clock().date()
    kept = cache.get(dossier_id)
    if kept is not None and kept[:2] == (version, today):
        return kept[2]
    try:
        found = reassessment.for_dossier(ctx, user, dossier_id, today)
    except ServiceError as exc:
        st.error(error_message(exc, session.lang()))
        st.stop()
    cache[dossier_id] = (version, today, found)
    return found
