"""The steps of the officer's wizard: one per questionnaire section, then results, plan, submit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from quickscan_app.domain.measures import Phase
from quickscan_app.domain.questionnaire import Section
from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import EDITABLE, Status
from quickscan_app.i18n import format_date, plural, t
from quickscan_app.presenters import answer_label
from quickscan_app.services import dossiers, plan, workflow
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.plan import IMPLEMENTATION_STATUSES
from quickscan_app.ui.conversation import comment_count, count_text
from quickscan_app.ui.dossier_state import act, remember_answer, seen_version
from quickscan_app.ui.risk_panel import render_heatmap, render_risk_panel
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


def render_section(
    view: DossierView, section: Section, run: Run, lang: Lang, show_required: bool
) -> None:
    editable = Status(view.dossier.status) in EDITABLE
    if section.intro is not None:
        st.write(md(section.intro.get(lang)))
    comments_for(view, "section", section.id)
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
                lang=lang, save=save, disabled=not editable,
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


def _measure_rows(view: DossierView, lang: Lang, show_all: bool) -> pd.DataFrame:
    catalogue = view.library.catalogue
    decided = {p.measure_id: p for p in view.plan}
    reductions = {p.measure_id: p for p in view.assessment.proposals}
    # The short list first; the rest of the proposals and the catalogue behind "show all".
    ids = [p.measure_id for p in view.assessment.proposals if p.core or show_all]
    ids += [m for m in decided if m not in ids]
    if show_all:
        ids += [m.id for m in catalogue.measures if m.id not in ids]
    rows = []
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
    return pd.DataFrame(rows)


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


def render_plan(view: DossierView, run: Run, lang: Lang) -> None:
    editable = Status(view.dossier.status) in EDITABLE
    st.write(t("ui.plan_intro", lang))
    show_all = st.toggle(t("ui.show_all_measures", lang), key="qs_show_all_measures")
    frame = _measure_rows(view, lang, show_all)
    if frame.empty:
        st.info(t("ui.no_proposals", lang))
        return
    _bundle_note(view, lang)
    st.dataframe(frame.drop(columns=["id"]), hide_index=True)
    titles = {
        m: f"{title} ({count_text(count, lang)})"
        if (count := comment_count(view, "measure", m))
        else title
        for m, title in zip(frame["id"], frame[t("ui.col.measure", lang)], strict=True)
    }
    picked = st.selectbox(
        t("ui.pick_measure", lang), list(titles), index=None, format_func=lambda m: titles[m],
        key="qs_pick_measure", placeholder=t("ui.choose_measure_placeholder", lang),
    )  # fmt: skip
    if picked is not None:
        _measure_editor(view, picked, run, lang, editable)
    chosen = [p for p in view.plan if p.decision == "selected"]
    st.markdown(f"### {t('ui.chosen_measures', lang)} ({len(chosen)})")
    if chosen:
        catalogue = view.library.catalogue
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("ui.col.measure", lang): catalogue.by_id[p.measure_id].title.get(lang)
                        if p.measure_id in catalogue.by_id else p.measure_id,
                        t("ui.col.owner", lang): p.owner or "",
                        t("ui.col.phase", lang): t(f"phase.{p.phase}", lang) if p.phase else "",
                        t("ui.col.due", lang): format_date(p.due_date, lang) if p.due_date else "",
                        t("ui.col.status", lang): t(f"impl.{p.status}", lang),
                        t("ui.col.comments", lang): measure_comments(view, p.measure_id),
                    }
                    for p in chosen
                ]
            ),
            hide_index=True,
        )  # fmt: skip
    if chosen and view.assessment.residual is not None:
        render_heatmap(view.library, view.assessment.residual, t("ui.residual_risk", lang), lang)


def _measure_editor(
    view: DossierView, measure_id: str, run: Run, lang: Lang, editable: bool
) -> None:
    measure = view.library.catalogue.by_id[measure_id]
    item = next((p for p in view.plan if p.measure_id == measure_id), None)
    with st.container(border=True, key="qs_measure_editor"):
        st.markdown(f"### {md(measure.title.get(lang))}")
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
        with st.form(f"select_{measure_id}", border=False):
            owner = st.text_input(
                t("ui.col.owner", lang), value=(item.owner if item else "") or "", max_chars=200
            )
            phase = st.selectbox(
                t("ui.col.phase", lang), phases,
                index=phases.index(item.phase if item and item.phase else measure.phase.value),
                format_func=lambda p: t(f"phase.{p}", lang),
                placeholder=t("ui.choose_option", lang),
            )  # fmt: skip
            due = st.date_input(
                t("ui.col.due", lang), value=item.due_date if item else None, format="DD-MM-YYYY"
            )
            status = st.selectbox(
                t("ui.col.status", lang), IMPLEMENTATION_STATUSES,
                index=IMPLEMENTATION_STATUSES.index(item.status) if item else 0,
                format_func=lambda s: t(f"impl.{s}", lang), placeholder=t("ui.choose_option", lang),
            )  # fmt: skip
            if st.form_submit_button(t("ui.accept_measure", lang), type="primary"):
                act(
                    run,
                    plan.select_measure,
                    measure_id,
                    owner=owner,
                    phase=phase,
                    due_date=due,
                    status=status,
                )
        with st.form(f"reject_{measure_id}", border=False):
            why = st.text_area(t("ui.justification", lang), max_chars=5000, height=80)
            if st.form_submit_button(t("ui.reject_measure", lang)):
                act(run, plan.reject_measure, measure_id, why)
        if item is not None and st.button(
            t("ui.remove_from_plan", lang), key=f"remove_{measure_id}"
        ):
            act(run, plan.deselect_measure, measure_id)


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
