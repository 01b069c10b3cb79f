"""The review loop as both sides read it: per round the officer's submission note, the
comments (with what they are about) and the reviewer's decision and note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from quickscan_app.domain.answers import normalise_answer
from quickscan_app.domain.people import name_and_role
from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import Status
from quickscan_app.i18n import format_datetime, plural, t
from quickscan_app.presenters import answer_label
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.snapshot import decision_role
from quickscan_app.services.workflow import RoundChanges
from quickscan_app.store.models import Comment, Decision
from quickscan_app.ui.text import md


@dataclass
class Round:
    """One submission and what followed it; number 0 holds what came before the first."""

    number: int
    submit: Decision | None = None
    events: list[Decision | Comment] = field(default_factory=list)


def rounds(decisions: list[Decision], comments: list[Comment]) -> list[Round]:
    """The thread, oldest round first: a submission opens a round; decisions and comments
    belong to the round whose submission came before them."""
    result = [Round(0)]
    starts = []
    for decision in decisions:  # oldest first
        if decision.to_status == Status.SUBMITTED.value:
            result.append(Round(len(result), decision))
            starts.append(decision.created_at)
        else:
            result[-1].events.append(decision)
    for c in comments:
        number = sum(1 for start in starts if start <= c.created_at)
        result[number].events.append(c)
    for r in result:
        r.events.sort(key=lambda e: e.created_at)
    return [r for r in result if r.submit is not None or r.events]


def round_count(decisions: list[Decision]) -> int:
    """How many times the dossier has been submitted."""
    return sum(1 for d in decisions if d.to_status == Status.SUBMITTED.value)


def _name(decision: Decision, lang: Lang) -> str:
    return decision.actor.display_name if decision.actor else t("review_role.system", lang)


def _who(view: DossierView, decision: Decision, lang: Lang) -> str:
    """The name and, unless the name already says it, the part played in the step: "Ruben
    Bakker (beveiligingsadviseur), beoordelaar" (as the PDF's review annex shows them)."""
    role = t(f"review_role.{decision_role(decision, view.dossier.owner_id)}", lang)
    return name_and_role(_name(decision, lang), role)


def comment_count(view: DossierView, kind: str, target: str) -> int:
    """Comments on one section (with those on its questions), question or measure."""
    section_of = view.library.questionnaire.section_of
    return sum(
        1
        for c in view.comments
        if (c.target_kind == kind and c.target_id == target)
        or (
            kind == "section"
            and c.target_kind == "question"
            and section_of.get(c.target_id or "") == target
        )
    )


def count_text(count: int, lang: Lang) -> str:
    return plural("ui.comments", count, lang)


def target_text(view: DossierView, comment: Comment, lang: Lang) -> str:
    """What a comment is about, in words (not escaped)."""
    target = comment.target_id or ""
    if comment.target_kind == "section":
        for number, section in enumerate(view.library.questionnaire.sections, start=1):
            if section.id == target:
                return t("ui.target.section", lang).format(
                    title=f"{number}. {section.title.get(lang)}"
                )
        return t("ui.target.section", lang).format(title=target)
    if comment.target_kind == "question":
        question = view.library.questionnaire.by_id.get(target)
        return t("ui.target.question", lang).format(
            title=question.text.get(lang) if question else target
        )
    if comment.target_kind == "measure":
        measure = view.library.catalogue.by_id.get(target)
        return t("ui.target.measure", lang).format(
            title=measure.title.get(lang) if measure else target
        )
    return t("ui.target.dossier", lang)


def _decision_text(decision: Decision, lang: Lang) -> str:
    if decision.to_status == Status.DRAFT.value:
        return t("ui.thread.reopened", lang)
    return t(f"status.{decision.to_status}", lang)


def _note(text: str | None) -> str:
    return f": _{md(text)}_" if text else ""


def _lines(view: DossierView, item: Round, lang: Lang) -> list[str]:
    lines = []
    if item.submit is not None:
        when = format_datetime(item.submit.created_at, lang)
        lines.append(
            f"**{t('status.submitted', lang)}** · {md(_who(view, item.submit, lang))}, {when}"
            + _note(item.submit.note)
        )
    for event in item.events:
        when = format_datetime(event.created_at, lang)
        if isinstance(event, Comment):
            lines.append(
                f"{md(event.author.display_name)} · {md(target_text(view, event, lang))}, "
                f"{when}: {md(event.body)}"
            )
        else:
            mark = {"approved": "✓", "changes_requested": "↩"}.get(event.to_status, "•")
            lines.append(
                f"{mark} **{_decision_text(event, lang)}** · {md(_who(view, event, lang))}, {when}"
                + _note(event.note)
            )
    return lines


def render_sent_back(view: DossierView, decisions: list[Decision], lang: Lang) -> None:
    """On top of the officer's dossier: the reviewer's request, with its round."""
    if view.dossier.status != Status.CHANGES_REQUESTED.value or not decisions:
        return
    last = decisions[-1]
    if last.to_status != Status.CHANGES_REQUESTED.value:
        return
    st.warning(
        t("ui.sent_back", lang).format(
            round=round_count(decisions),
            reviewer=md(_name(last, lang)),
            when=format_datetime(last.created_at, lang),
        )
        + (f"  \n> {md(last.note)}" if last.note else "")
        + f"  \n{t('ui.sent_back_hint', lang)}",
        icon="↩️",
    )


def render_conversation(
    view: DossierView,
    decisions: list[Decision],
    lang: Lang,
    *,
    expanded: bool,
    reply: Callable[[str], Any] | None = None,
    key: str = "qs_thread",
) -> None:
    """The whole thread, newest round first, in an expander; ``reply`` posts a general
    comment (both sides may write)."""
    thread = rounds(decisions, view.comments)
    entries = sum(len(r.events) + (r.submit is not None) for r in thread)
    with st.expander(f"{t('ui.thread.title', lang)} ({entries})", expanded=expanded):
        if not thread:
            st.caption(t("ui.thread.empty", lang))
        for item in reversed(thread):
            title = (
                t("ui.thread.round", lang).format(round=item.number)
                if item.number
                else t("ui.thread.before_first", lang)
            )
            st.markdown(f"**{title}**")
            st.markdown("\n".join(f"- {line}" for line in _lines(view, item, lang)))
        if reply is not None:
            with st.form(key, clear_on_submit=True, border=False):
                body = st.text_area(t("ui.thread.reply", lang), max_chars=10_000, height=70)
                if st.form_submit_button(t("ui.thread.send", lang)) and body.strip():
                    reply(body)


def _answer_text(view: DossierView, question_id: str, value: Any, lang: Lang) -> str:
    if value is None:
        return t("ui.changes.unanswered", lang)
    question = view.library.questionnaire.by_id.get(question_id)
    if question is None:
        return str(value)
    try:
        return answer_label(question, normalise_answer(question, value), lang)
    except Exception:  # an answer the current questionnaire no longer accepts
        return str(value)


def _plan_state(state: str | None, lang: Lang) -> str:
    if state is None:
        return t("ui.changes.not_in_plan", lang)
    return t(f"ui.decision.{state}", lang)


def render_round_changes(
    view: DossierView, changes: RoundChanges | None, lang: Lang, *, expanded: bool
) -> None:
    """For the reviewer: the answers and plan items changed since the previous submission."""
    if changes is None:
        return
    questions = view.library.questionnaire.by_id
    catalogue = view.library.catalogue.by_id
    since = format_datetime(changes.previous_at, lang) if changes.previous_at else ""
    title = t("ui.changes.title", lang).format(previous=changes.round - 1, round=changes.round)
    with st.expander(title, expanded=expanded):
        if since:
            st.caption(t("ui.changes.since", lang).format(when=since))
        if not changes.answers and not changes.plan:
            st.info(t("ui.changes.none", lang))
            return
        if changes.answers:
            st.markdown(f"**{t('ui.changes.answers', lang).format(count=len(changes.answers))}**")
            lines = []
            for a in changes.answers:
                question = questions.get(a.question_id)
                text = question.text.get(lang) if question else a.question_id
                before = _answer_text(view, a.question_id, a.before, lang)
                after = _answer_text(view, a.question_id, a.after, lang)
                lines.append(f"- {md(text)}  \n  {md(before)} → **{md(after)}**")
            st.markdown("\n".join(lines))
        if changes.plan:
            st.markdown(f"**{t('ui.changes.plan', lang).format(count=len(changes.plan))}**")
            lines = []
            for p in changes.plan:
                title_text = (
                    catalogue[p.measure_id].title.get(lang)
                    if p.measure_id in catalogue
                    else p.measure_id
                )
                if p.edited:
                    what = f"{_plan_state(p.after, lang)} ({t('ui.changes.edited', lang)})"
                else:
                    what = f"{_plan_state(p.before, lang)} → **{_plan_state(p.after, lang)}**"
                lines.append(f"- {md(title_text)}: {what}")
            st.markdown("\n".join(lines))
