"""The steps of the officer's wizard: one per questionnaire section, then results, plan, submit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from quickscan_app.domain.measures import Phase
from quickscan_app.domain.questionnaire import Section
from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import EDITABLE, Status
from quickscan_app.engine.proposals import ProposalKind
from quickscan_app.i18n import format_date, plural, t
from quickscan_app.presenters import answer_label
from quickscan_app.services import dossiers, plan, workflow
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.plan import IMPLEMENTATION_STATUSES
from quickscan_app.store.models import PlanItem
from quickscan_app.ui import session
from quickscan_app.ui.conversation import comment_count, count_text
from quickscan_app.ui.dossier_state import act, remember_answer, seen_version
from quickscan_app.ui.risk_panel import render_heatmap, render_risk_panel
from quickscan_app.ui.tables import answers_html, show_table
from quickscan_app.ui.text import md
from quickscan_app.ui.widgets import render_question

RESULTS, PLAN, SUBMIT, AWARD = "results", "plan", "submit", "award"
Run = Callable[..., bool]


def steps(view: DossierView) -> list[str]:
    """The sections, results, plan and submit; with an approved plan also the award phase."""
    award = [AWARD] if view.dossier.status == "approved" else []
    return [s.id for s in view.library.questionnaire.sections] + [RESULTS, PLAN, SUBMIT, *award]


def step_title(view: DossierView, step: str, lang: Lang) -> str:
    for number, section in enumerate(view.library.questionnaire.sections, start=1):
        if section.id == step:
            return f"{number}. {section.title.get(lang)}"
    return t(f"ui.step.{step}", lang)


def step_label(view: DossierView, step: str, lang: Lang) -> str:
    """The step's title in the step list, with how many comments wait there."""
    if step == PLAN:
        count = sum(1 for c in view.comments if c.target_kind == "measure")
    elif any(s.id == step for s in view.library.questionnaire.sections):
        count = comment_count(view, "section", step)
    else:
        count = 0
    title = step_title(view, step, lang)
    return f"{title} ({count_text(count, lang)})" if count else title


def measure_comments(view: DossierView, measure_id: str) -> str:
    """A measure's comment count for a table column: empty when there are none."""
    count = comment_count(view, "measure", measure_id)
    return str(count) if count else ""


def comments_for(view: DossierView, kind: str, target: str | None) -> None:
    for c in view.comments:
        if c.target_kind == kind and (target is None or c.target_id == target):
            st.info(f"💬 **{md(c.author.display_name)}**: {md(c.body)}")


def section_answers(view: DossierView, section: Section, lang: Lang) -> None:
    """The section's visible questions with their answers as text, and the comments on each
    question: how a dossier that cannot be edited (or is under review) reads."""
    visible = set(view.assessment.visible)
    items = [
        (
            question.text.get(lang),
            answer_label(question, view.answers[question.id], lang)
            if question.id in view.answers
            else t("ui.not_answered", lang),
            [
                f"{c.author.display_name}: {c.body}"
                for c in view.comments
                if c.target_kind == "question" and c.target_id == question.id
            ],
        )
        for question in section.questions
        if question.id in visible
    ]
    if items:
        st.html(answers_html(items, name=section.id, lang=lang))


def render_section(
    view: DossierView, section: Section, run: Run, lang: Lang, show_required: bool
) -> None:
    editable = Status(view.dossier.status) in EDITABLE
    if section.intro is not None:
        st.write(md(section.intro.get(lang)))
    comments_for(view, "section", section.id)
    if not editable:
        section_answers(view, section, lang)
        return
    visible = set(view.assessment.visible)
    open_required = set(view.assessment.open_required)

    def save(question_id: str, value: Any) -> None:
        if run(dossiers.save_answer, question_id, value):
            remember_answer(view.dossier.id, question_id, value, seen_version(view.dossier.id))

    for question in section.questions:
        if question.id not in visible:
            continue
        with st.container(border=True, key=f"qbox_{question.id}"):
            render_question(
                question, view.answers.get(question.id), dossier_id=view.dossier.id,
                lang=lang, save=save,
            )  # fmt: skip
            comments_for(view, "question", question.id)
            if show_required and question.id in open_required:
                st.warning(t("ui.required_missing", lang))


def render_results(view: DossierView, lang: Lang) -> None:
    result, library = view.assessment, view.library
    questions = library.questionnaire.by_id
    if result.full_risk_analysis_required:
        st.error(t("full_analysis_yes", lang))
    else:
        st.success(t("full_analysis_no", lang))
    if result.escalations:
        st.markdown(f"### {t('escalations', lang)}")
        for escalation in result.escalations:
            body = f"**{md(escalation.title.get(lang))}**: {md(escalation.reason.get(lang))}"
            assumed = result.assumed_escalations.get(escalation.id)
            if assumed:
                texts = "; ".join(md(questions[q].text.get(lang)) for q in assumed)
                body += f"  \n_{t('ui.escalation_assumed', lang)}: {texts}_"
            st.warning(body)
    if result.open_points:
        st.markdown(f"### {t('open_points', lang)}")
        for point in result.open_points:
            question = questions[point.question_id]
            st.markdown(
                f"- {md(question.text.get(lang))} → {t('assumed', lang)}: "
                f"{md(answer_label(question, point.assumed, lang))}"
            )
    if result.open_required:
        st.markdown(f"### {t('open_required', lang)}")
        for question_id in result.open_required:
            st.markdown(f"- {md(questions[question_id].text.get(lang))}")
    comments_for(view, "dossier", None)
    render_risk_panel(library, result, lang, compact=False)


def _measure_rows(view: DossierView, lang: Lang, show_all: bool) -> list[dict[str, object]]:
    catalogue = view.library.catalogue
    decided = {p.measure_id: p for p in view.plan}
    reductions = {p.measure_id: p for p in view.assessment.proposals}
    # The short list first; the rest of the proposals and the catalogue behind "show all".
    ids = [p.measure_id for p in view.assessment.proposals if p.core or show_all]
    ids += [m for m in decided if m not in ids]
    if show_all:
        ids += [m.id for m in catalogue.measures if m.id not in ids]
    rows: list[dict[str, object]] = []
    for measure_id in ids:
        measure = catalogue.by_id[measure_id]
        item = decided.get(measure_id)
        proposal = reductions.get(measure_id)
        why = t(f"proposal.{proposal.kind.value}", lang) if proposal else ""
        if proposal and proposal.alternatives:
            others = ", ".join(catalogue.by_id[a].title.get(lang) for a in proposal.alternatives)
            why += f" · {t('ui.alternative_of', lang)} {others}"
        rows.append(
            {
                "id": measure_id,
                "task": proposal is not None and proposal.kind is ProposalKind.OBLIGATION,
                t("ui.col.measure", lang): measure.title.get(lang),
                t("ui.col.proposal", lang): why,
                t("ui.col.kind", lang): t(f"kind.{measure.kind.value}", lang),
                t("ui.col.phase", lang): t(f"phase.{measure.phase.value}", lang),
                t("ui.col.reduction", lang): proposal.reduction if proposal else 0,
                t("ui.col.decision", lang): t(
                    f"ui.decision.{item.decision if item else 'open'}", lang
                ),
                t("ui.col.comments", lang): measure_comments(view, measure_id),
            }
        )
    return rows


def _bundle_note(view: DossierView, lang: Lang) -> None:
    """What the short list's direct fixes do together: one alone may change nothing while
    another route as wide stays open."""
    ids, after = view.assessment.direct_bundle
    if len(ids) < 2:
        return
    before = view.assessment.scenarios
    model = view.library.risk_model
    k, i = t("ui.l_short", lang), t("ui.i_short", lang)
    lowered = [
        f"{md(model.scenario_by_id[a.scenario_id].title.get(lang))} "
        f"{k}{b.likelihood}×{i}{b.impact} → {k}{a.likelihood}×{i}{a.impact}"
        + (f" ({model.level_label(a.level).get(lang)})" if a.level is not b.level else "")
        for b, a in zip(before, after, strict=True)
        if a.points < b.points
    ]
    st.info(
        t("ui.bundle", lang).format(
            count=len(ids),
            before=sum(b.points for b in before),
            after=sum(a.points for a in after),
        )
        + ("  \n" + "; ".join(lowered) if lowered else "")
    )


def plan_rows(view: DossierView, lang: Lang, items: list[PlanItem]) -> list[dict[str, object]]:
    """Plan items as table rows: what the officer chose and the reviewer reads."""
    catalogue = view.library.catalogue
    return [
        {
            t("ui.col.measure", lang): catalogue.by_id[p.measure_id].title.get(lang)
            if p.measure_id in catalogue.by_id
            else p.measure_id,
            t("ui.col.decision", lang): t(f"ui.decision.{p.decision}", lang),
            t("ui.col.owner", lang): p.owner or "",
            t("ui.col.phase", lang): t(f"phase.{p.phase}", lang) if p.phase else "",
            t("ui.col.due", lang): format_date(p.due_date, lang) if p.due_date else "",
            t("ui.col.status", lang): t(f"impl.{p.status}", lang)
            if p.decision == "selected"
            else "",
            t("ui.justification", lang): p.justification or "",
            t("ui.col.comments", lang): measure_comments(view, p.measure_id),
        }
        for p in items
    ]


def render_plan(view: DossierView, run: Run, lang: Lang) -> None:
    editable = Status(view.dossier.status) in EDITABLE
    st.write(t("ui.plan_intro", lang))
    show_all = st.toggle(t("ui.show_all_measures", lang), key="qs_show_all_measures")
    rows = _measure_rows(view, lang, show_all)
    if not rows:
        st.info(t("ui.no_proposals", lang))
        return
    _bundle_note(view, lang)
    numeric = [t("ui.col.reduction", lang), t("ui.col.comments", lang)]
    against_risk = [row for row in rows if not row["task"]]
    if against_risk:
        show_table(
            [{k: v for k, v in row.items() if k not in ("id", "task")} for row in against_risk],
            name="measures", lang=lang, numeric=numeric, wide=[t("ui.col.measure", lang)],
        )  # fmt: skip
    tasks = [row for row in rows if row["task"]]
    if tasks:
        # What every contract needs (BIO2 supplier tasks) is not a choice against this risk:
        # its own list, so the measures that do lower the risk are not lost among them.
        st.markdown(f"#### {t('ui.tasks_heading', lang)}")
        st.caption(t("ui.tasks_intro", lang))
        hidden = ("id", "task", t("ui.col.proposal", lang))
        show_table(
            [{k: v for k, v in row.items() if k not in hidden} for row in tasks],
            name="tasks", lang=lang, numeric=numeric, wide=[t("ui.col.measure", lang)],
        )  # fmt: skip
    titles = {
        str(row["id"]): f"{title} ({count_text(count, lang)})"
        if (count := comment_count(view, "measure", str(row["id"])))
        else str(title)
        for row in rows
        for title in [row[t("ui.col.measure", lang)]]
    }
    picked = st.selectbox(
        t("ui.pick_measure", lang), list(titles), index=None, format_func=lambda m: titles[m],
        key="qs_pick_measure", placeholder=t("ui.choose_measure_placeholder", lang),
        help=t("ui.pick_measure_help", lang),
    )  # fmt: skip
    if picked is not None:
        _measure_editor(view, picked, run, lang, editable)
    chosen = [p for p in view.plan if p.decision == "selected"]
    st.markdown(f"### {t('ui.chosen_measures', lang)} ({len(chosen)})")
    if chosen:
        show_table(
            [
                {k: v for k, v in row.items() if k != t("ui.col.decision", lang)}
                for row in plan_rows(view, lang, chosen)
            ],
            name="chosen", lang=lang, numeric=[t("ui.col.comments", lang)],
            wide=[t("ui.col.measure", lang)],
        )  # fmt: skip
    if chosen and view.assessment.residual is not None:
        render_heatmap(view.library, view.assessment.residual, t("ui.residual_risk", lang), lang)


def _plan_action(
    run: Run, measure_id: str, call: Callable[..., Any], lang: Lang, **fields: str
) -> None:
    """A plan form's save, run as the submit button's callback: the service call happens
    before the page is drawn again, so one click is one rerun. The outcome is shown in the
    measure's own box, where the user is looking, not at the top of the page."""
    values = {name: st.session_state.get(key) for name, key in fields.items()}
    place = f"measure:{measure_id}"
    if run(call, measure_id, **values):
        session.notify(place, "success", t(f"ui.plan_saved.{call.__name__}", lang))
    else:
        session.notify_flashes(place)


def _measure_editor(
    view: DossierView, measure_id: str, run: Run, lang: Lang, editable: bool
) -> None:
    measure = view.library.catalogue.by_id[measure_id]
    item = next((p for p in view.plan if p.measure_id == measure_id), None)
    with st.container(border=True, key="qs_measure_editor"):
        st.markdown(f"### {md(measure.title.get(lang))}")
        session.show_notices(f"measure:{measure_id}")
        st.write(md(measure.description.get(lang)))
        refs = [f"BIO2 {r}" for r in measure.controls.bio2] + [
            f"ISO/IEC 27002 {r}" for r in measure.controls.iso27002
        ]
        st.caption(f"{t('ui.controls', lang)}: {', '.join(refs)}")
        with st.expander(t("ui.tender_text", lang)):
            st.write(md(measure.tender_text.get(lang)))
        comments_for(view, "measure", measure_id)
        if item is not None and item.decision == "rejected":
            st.caption(f"{t('ui.rejected_because', lang)}: {md(item.justification or '')}")
        if not editable:
            return
        phases = [p.value for p in Phase]
        # Keys carry the plan version: after a save the form starts from what was stored.
        k = f"qs_plan_{measure_id}_{view.dossier.lock_version}"
        with st.form(f"select_{measure_id}", border=False):
            st.text_input(
                t("ui.col.owner", lang), value=(item.owner if item else "") or "", max_chars=200,
                key=f"{k}_owner",
            )  # fmt: skip
            st.selectbox(
                t("ui.col.phase", lang), phases,
                index=phases.index(item.phase if item and item.phase else measure.phase.value),
                format_func=lambda p: t(f"phase.{p}", lang),
                placeholder=t("ui.choose_option", lang), key=f"{k}_phase",
            )  # fmt: skip
            st.date_input(
                t("ui.col.due", lang), value=item.due_date if item else None, format="DD-MM-YYYY",
                key=f"{k}_due",
            )  # fmt: skip
            st.selectbox(
                t("ui.col.status", lang), IMPLEMENTATION_STATUSES,
                index=IMPLEMENTATION_STATUSES.index(item.status) if item else 0,
                format_func=lambda s: t(f"impl.{s}", lang), placeholder=t("ui.choose_option", lang),
                key=f"{k}_status",
            )  # fmt: skip
            st.form_submit_button(
                t("ui.accept_measure", lang), type="primary", on_click=_plan_action,
                args=(run, measure_id, plan.select_measure, lang),
                kwargs={"owner": f"{k}_owner", "phase": f"{k}_phase", "due_date": f"{k}_due",
                        "status": f"{k}_status"},
            )  # fmt: skip
        with st.form(f"reject_{measure_id}", border=False):
            st.text_area(t("ui.justification", lang), max_chars=5000, height=80, key=f"{k}_why")
            st.form_submit_button(
                t("ui.reject_measure", lang), on_click=_plan_action,
                args=(run, measure_id, plan.reject_measure, lang),
                kwargs={"justification": f"{k}_why"},
            )  # fmt: skip
        if item is not None:
            st.button(
                t("ui.remove_from_plan", lang), key=f"remove_{measure_id}",
                on_click=_plan_action, args=(run, measure_id, plan.deselect_measure, lang),
            )  # fmt: skip


def render_submit(view: DossierView, run: Run, lang: Lang) -> None:
    result = view.assessment
    status = Status(view.dossier.status)
    questions = view.library.questionnaire.by_id
    sections = {s.id: s for s in view.library.questionnaire.sections}
    if status not in EDITABLE:
        return  # the page says so once, above every step
    if result.open_required:
        st.warning(plural("ui.cannot_submit_yet", len(result.open_required), lang))
        for question_id in result.open_required:
            section = sections[view.library.questionnaire.section_of[question_id]]
            st.markdown(
                f"- {md(section.title.get(lang))}: {md(questions[question_id].text.get(lang))}"
            )
    chosen = [p for p in view.plan if p.decision == "selected"]
    st.write(
        t("ui.submit_summary", lang).format(
            measures=plural("count.measures", len(chosen), lang),
            points=plural("ui.submit_summary.points", len(result.open_points), lang),
        )
    )
    st.caption(t("ui.four_eyes_note", lang))
    note = st.text_area(
        t("ui.submit_note", lang), max_chars=workflow.MAX_NOTE, height=80,
        key=f"qs_submit_note_{view.dossier.id}", disabled=bool(result.open_required),
    )  # fmt: skip
    asking = f"qs_submit_confirm_{view.dossier.id}"
    if st.button(
        t("ui.submit", lang), type="primary", disabled=bool(result.open_required), key="qs_submit"
    ):
        st.session_state[asking] = True
    if not st.session_state.get(asking) or result.open_required:
        return
    with st.container(border=True, key="qs_submit_confirmation"):
        st.warning(t("ui.submit_confirm", lang))
        if note.strip():
            st.markdown(f"{t('ui.submit_note_preview', lang)}: _{md(note.strip())}_")
        yes, no = st.columns(2)
        if no.button(t("ui.submit_cancel", lang), key="qs_submit_cancel", width="stretch"):
            st.session_state.pop(asking, None)
            st.rerun()
        if yes.button(
            t("ui.submit_confirm_yes", lang), type="primary", key="qs_submit_confirm",
            width="stretch",
        ):  # fmt: skip
            st.session_state.pop(asking, None)
            act(run, workflow.submit, note=note, success=t("ui.submitted", lang))
