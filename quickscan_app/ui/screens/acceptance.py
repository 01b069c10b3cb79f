"""The risk owner's page: plans approved with a high residual risk wait here until the risk
owner (proceseigenaar) accepts what remains, with reasons, conditions and a review date, or
refuses it and sends the dossier back (ISO/IEC 27001:2022, 6.1.3 f)."""

from __future__ import annotations

import streamlit as st

from quickscan_app.domain.risk import Level
from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import Status
from quickscan_app.i18n import format_datetime, t
from quickscan_app.services import acceptance
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.errors import ServiceError
from quickscan_app.services.overview import overview
from quickscan_app.ui import dossier_steps as steps_ui
from quickscan_app.ui import session
from quickscan_app.ui.dossier_state import act, chosen_dossier_id, load, saver
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.overview_table import render_table
from quickscan_app.ui.risk_panel import render_heatmap
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.tables import show_table
from quickscan_app.ui.text import md
from quickscan_app.ui.widgets import review_date_input


def render() -> None:
    lang = session.lang()
    user = session.require(Role.RISK_OWNER)
    ctx = service_context()
    st.title(t("ui.page.acceptance", lang))
    st.write(t("ui.acceptance_intro", lang))
    rows = overview(ctx, user)
    waiting = [r for r in rows if r.summary.status == Status.AWAITING_ACCEPTANCE.value]
    st.header(t("ui.acceptance_waiting", lang).format(count=len(waiting)))
    chosen = chosen_dossier_id()
    if waiting:
        picked = render_table(waiting, lang, "qs_acceptance_waiting", ctx.clock().date())
        chosen = picked if picked is not None else chosen
    else:
        st.info(t("ui.acceptance_none", lang))
    if chosen is not None and any(r.summary.id == chosen for r in rows):
        st.query_params["dossier"] = str(chosen)
        _decide(ctx, user, chosen, lang)
    # Last element: the page is fully drawn (browser tests wait for it).
    st.markdown('<span data-page-ready="acceptance"></span>', unsafe_allow_html=True)


def _decide(ctx: ServiceContext, user: Actor, dossier_id: int, lang: Lang) -> None:
    view = load(ctx, user, dossier_id, lang)
    d = view.dossier
    st.divider()
    st.header(md(d.title))
    meta = (d.reference or "", t(f"status.{d.status}", lang), d.owner.display_name)
    st.caption(" · ".join(md(x) for x in meta if x))
    session.show_notices("acceptance")
    _approval_note(view, lang)
    _residual(view, lang)
    with st.expander(t("ui.acceptance_reasons", lang)):
        steps_ui.render_results(view, lang)
    _earlier(ctx, user, dossier_id, lang)
    if d.status != Status.AWAITING_ACCEPTANCE.value:
        st.info(t("ui.no_decision_needed", lang).format(status=t(f"status.{d.status}", lang)))
        return
    run = saver(ctx, user, dossier_id, lang)
    st.subheader(t("ui.acceptance_decision", lang))
    why = st.text_area(t("ui.acceptance_justification", lang), max_chars=5_000,
                       key=f"qs_accept_why_{dossier_id}")  # fmt: skip
    conditions = st.text_area(t("ui.acceptance_conditions", lang), max_chars=5_000,
                              key=f"qs_accept_conditions_{dossier_id}")  # fmt: skip
    review = review_date_input(ctx.clock().date(), lang, f"qs_accept_review_{dossier_id}")
    accept_col, refuse_col = st.columns(2)
    if accept_col.button(t("ui.accept", lang), type="primary", key="qs_accept", width="stretch"):
        act(run, acceptance.accept, justification=why, conditions=conditions, review_date=review,
            success=t("ui.accepted", lang), place="acceptance")  # fmt: skip
    if refuse_col.button(t("ui.refuse_acceptance", lang), key="qs_refuse", width="stretch"):
        act(run, acceptance.refuse, justification=why, success=t("ui.acceptance_refused", lang),
            place="acceptance")  # fmt: skip


def _approval_note(view: DossierView, lang: Lang) -> None:
    """Who approved it for acceptance, when, and with which note."""
    approved = [x for x in view.decisions if x.to_status == Status.AWAITING_ACCEPTANCE.value]
    if not approved:
        return
    last = approved[-1]
    who = last.actor.display_name if last.actor else t("review_role.system", lang)
    text = t("ui.acceptance_approved_by", lang).format(
        who=md(who), when=format_datetime(last.created_at, lang)
    )
    if last.note:
        text += f"  \n_{md(last.note)}_"
    st.info(text)


def _residual(view: DossierView, lang: Lang) -> None:
    """The residual risks the risk owner accepts, the highest first, and the plan."""
    risks = acceptance.residual_risks(view)
    levels = view.library.risk_model
    st.subheader(t("ui.acceptance_residual", lang))
    show_table(
        [
            {
                t("ui.col.scenario", lang): r.title,
                t("ui.col.likelihood", lang): r.likelihood,
                t("ui.col.impact", lang): r.impact,
                t("ui.col.level", lang): levels.level_label(Level(r.level)).get(lang),
            }
            for r in risks
        ],
        name="residual", lang=lang, wide=[t("ui.col.scenario", lang)],
        numeric=[t("ui.col.likelihood", lang), t("ui.col.impact", lang)],
    )  # fmt: skip
    scores = view.assessment.residual or view.assessment.scenarios
    render_heatmap(view.library, scores, t("ui.residual_risk", lang), lang)
    chosen = [p for p in view.plan if p.decision == "selected"]
    st.subheader(f"{t('ui.chosen_measures', lang)} ({len(chosen)})")
    if chosen:
        show_table(
            steps_ui.plan_rows(view, lang, chosen), name="acceptance_plan", lang=lang,
            wide=[t("ui.col.measure", lang)],
        )  # fmt: skip


def _earlier(ctx: ServiceContext, user: Actor, dossier_id: int, lang: Lang) -> None:
    """Earlier decisions of risk owners on this dossier."""
    try:
        rows = acceptance.acceptances_of(ctx, user, dossier_id)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        return
    if not rows:
        return
    st.subheader(t("ui.acceptance_history", lang))
    show_table(
        [
            {
                t("ui.col.when", lang): format_datetime(r.decided_at, lang),
                t("ui.col.who", lang): r.risk_owner.display_name if r.risk_owner else "",
                t("ui.col.decision", lang): t(
                    "ui.acceptance_yes" if r.accepted else "ui.acceptance_no", lang
                ),
                t("ui.acceptance_justification", lang): r.justification,
                t("ui.acceptance_conditions", lang): r.conditions or "",
            }
            for r in rows
        ],
        name="acceptance_history", lang=lang,
        wide=[t("ui.acceptance_justification", lang), t("ui.acceptance_conditions", lang)],
    )  # fmt: skip
