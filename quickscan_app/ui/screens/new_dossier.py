"""A new procurement: its metadata; the answers that repeat it are filled in for the officer."""

from __future__ import annotations

from contextlib import suppress

import streamlit as st

from quickscan_app.i18n import t
from quickscan_app.presenters import answer_label
from quickscan_app.services import dossiers
from quickscan_app.services.context import Role
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.dossier_state import open_dossier
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.runtime import service_context

CLASSIFICATIONS = ("Ongerubriceerd", "Intern", "Departementaal Vertrouwelijk", "Stg. Confidentieel")
"""For a questionnaire that does not ask the dossier's classification (version 1)."""
CLASSIFICATION_QUESTION = "dossier_classification"
# Metadata that the questionnaire also asks: answered at once from the form. (The planned
# publication date is not here: creating the dossier answers it, in the same transaction.)
SHARED_WITH_QUESTIONS = (
    "object_category",
    "procedure_type",
    "estimated_value",
)


def render() -> None:
    lang = session.lang()
    user = session.require(Role.OFFICER)
    ctx = service_context()
    library = ctx.content.library()
    questions = library.questionnaire.by_id

    st.title(t("ui.page.new_dossier", lang))
    st.write(t("ui.new_dossier_intro", lang))

    def options_of(question_id: str) -> tuple[list[str], object]:
        question = questions.get(question_id)
        if question is None:
            return [], str
        return list(question.option_ids), lambda o: answer_label(question, o, lang)

    with st.form("new_dossier", border=True):
        title = st.text_input(t("ui.field.title", lang) + " *", max_chars=200)
        col_a, col_b = st.columns(2)
        reference = col_a.text_input(
            t("ui.field.reference", lang), max_chars=200, placeholder="DOUANE-2027-001"
        )
        authority = col_b.text_input(
            t("ui.field.authority", lang), value="Douane (Belastingdienst)", max_chars=200
        )
        categories, category_label = options_of("object_category")
        category = col_a.selectbox(
            t("ui.field.object_category", lang),
            categories,
            index=None,
            format_func=category_label,
            placeholder=t("ui.choose_option", lang),
        )
        cpv = col_b.text_input(t("ui.field.cpv", lang), max_chars=10, placeholder="38582000-1")
        procedures, procedure_label = options_of("procedure_type")
        procedure = col_a.selectbox(
            t("ui.field.procedure", lang),
            procedures,
            index=None,
            format_func=procedure_label,
            placeholder=t("ui.choose_option", lang),
        )
        value = col_b.number_input(
            t("ui.field.value", lang), min_value=0.0, value=None, step=10_000.0, format="%.0f"
        )
        rfq = col_a.date_input(t("ui.field.rfq_date", lang), value=None, format="DD-MM-YYYY")
        publication = col_b.date_input(
            t("ui.field.publication_date", lang), value=None, format="DD-MM-YYYY"
        )
        # Version 2 asks the dossier's own classification: the form answers that question.
        levels, level_label = options_of(CLASSIFICATION_QUESTION)
        if levels:
            marking = col_a.selectbox(
                t("ui.field.classification", lang),
                levels,
                index=0,
                format_func=level_label,
                placeholder=t("ui.choose_option", lang),
            )
            classification = level_label(marking)
        else:
            marking = None
            classification = col_a.selectbox(
                t("ui.field.classification", lang),
                CLASSIFICATIONS,
                index=1,
                placeholder=t("ui.choose_option", lang),
            )
        language = col_b.selectbox(
            t("ui.field.language", lang),
            ["nl", "en"],
            format_func=lambda c: {"nl": "Nederlands", "en": "English"}[c],
            placeholder=t("ui.choose_option", lang),
        )
        created = st.form_submit_button(t("ui.create_dossier", lang), type="primary")

    if created:
        meta = {
            "title": title.strip(),
            "reference": reference.strip() or None,
            "contracting_authority": authority.strip() or None,
            "object_category": category,
            "cpv_code": cpv.strip() or None,
            "estimated_value": value,
            "procedure_type": procedure,
            "planned_rfq_date": rfq,
            "planned_publication_date": publication,
            "classification": classification,
            "language": language,
        }
        if not meta["title"]:
            st.error(t("ui.title_required", lang))
            st.stop()
        try:
            dossier_id = dossiers.create_dossier(ctx, user, meta)
        except ServiceError as exc:
            st.error(error_message(exc, lang))
            st.stop()
        version = 1
        shared = {f: meta.get(f) for f in SHARED_WITH_QUESTIONS}
        shared[CLASSIFICATION_QUESTION] = marking
        for field, given in shared.items():
            if given is None or field not in questions:
                continue
            number = given
            answer = int(number) if isinstance(number, float) and number.is_integer() else number
            with suppress(ServiceError):  # outside the question's range: the wizard asks it again
                version = dossiers.save_answer(ctx, user, dossier_id, field, answer, version)
        session.flash("success", t("ui.dossier_created", lang))
        open_dossier("views/dossier.py", dossier_id)
