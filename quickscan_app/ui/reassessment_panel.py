"""A plan that stays true: "herbeoordeling nodig" on the dossier, the risk at approval beside
the risk now after a change of set-up, and the form that records such a change."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_date, format_datetime, t
from quickscan_app.services import workflow
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.reassessment import ApprovedRisk, Reassessment
from quickscan_app.ui.dossier_state import act
from quickscan_app.ui.tables import show_table
from quickscan_app.ui.text import md


def render_due_notice(view: DossierView, due: Reassessment | None, lang: Lang) -> None:
    """Why this plan must be assessed again, in words, with the changed answers."""
    if due is None:
        return
    questions = view.library.questionnaire.by_id
    lines = []
    for reason in due.reasons:
        text = t(f"reassess.reason.{reason}", lang).format(date=format_date(due.review_date, lang))
        if reason == "triggered" and due.triggers:
            changed = "; ".join(questions[q].text.get(lang) for q in due.triggers if q in questions)
            text += f" {t('reassess.changed', lang)}: {changed}"
        lines.append(f"- {md(text)}")
    st.warning(f"**{t('reassess.needed', lang)}**  \n" + "\n".join(lines))


def _score(score: tuple[int, int, str] | None, lang: Lang) -> str:
    if score is None:
        return "–"
    likelihood, impact, level = score
    label = t(f"level.{level}", lang)
    return f"{label} ({t('ui.l_short', lang)}{likelihood}×{t('ui.i_short', lang)}{impact})"


def _moved(then: tuple[int, int, str] | None, now: tuple[int, int, str] | None) -> str:
    """▲ or ▼ before a risk (likelihood × impact) that rose or fell since the approval."""
    if then is None or now is None or then[0] * then[1] == now[0] * now[1]:
        return ""
    return "▲ " if now[0] * now[1] > then[0] * then[1] else "▼ "


def render_before_after(view: DossierView, before: ApprovedRisk | None, lang: Lang) -> None:
    """After a change of set-up (a newer revision than the approved one): per scenario the
    risk the approval froze beside the risk now, before and after the measures."""
    if before is None or before.revision >= view.dossier.revision:
        return
    model = view.library.risk_model
    now = {
        s.scenario_id: (s.likelihood, s.impact, s.level.value) for s in view.assessment.scenarios
    }
    residual = {
        r.scenario_id: (r.likelihood, r.impact, r.level.value)
        for r in (view.assessment.residual or ())
    }
    st.markdown(f"### {t('reassess.compare', lang)}")
    st.caption(
        t("reassess.compare_intro", lang).format(
            revision=before.revision, when=format_datetime(before.approved_at, lang)
        )
    )

    def shown(then: tuple[int, int, str] | None, current: tuple[int, int, str] | None) -> str:
        return _moved(then, current) + _score(current, lang)

    rows = [
        {
            t("ui.col.scenario", lang): scenario.title.get(lang),
            t("reassess.col.inherent_then", lang): _score(before.inherent.get(sid), lang),
            t("reassess.col.inherent_now", lang): shown(before.inherent.get(sid), now.get(sid)),
            t("reassess.col.residual_then", lang): _score(before.residual.get(sid), lang),
            t("reassess.col.residual_now", lang): shown(
                before.residual.get(sid), residual.get(sid)
            ),
        }
        for scenario in model.scenarios
        if (sid := scenario.id) in now or sid in before.inherent
    ]
    show_table(rows, name="before_after", lang=lang, wide=[t("ui.col.scenario", lang)])


def render_change_setup(view: DossierView, run: Callable[..., bool], lang: Lang) -> None:
    """On an approved plan: record a change of set-up, which opens a new draft revision."""
    st.markdown(f"### {t('reassess.change_title', lang)}")
    st.write(t("reassess.change_intro", lang))
    with st.form(f"qs_change_setup_{view.dossier.id}", border=True):
        note = st.text_area(t("reassess.change_note", lang), max_chars=10_000, height=90)
        if st.form_submit_button(t("reassess.change_button", lang), type="primary"):
            act(run, workflow.change_setup, note=note, success=t("reassess.change_done", lang))
