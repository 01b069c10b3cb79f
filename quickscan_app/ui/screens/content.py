"""Administrators: which questionnaire, risk model and catalogue versions are loaded and used."""

from __future__ import annotations

import streamlit as st

from quickscan_app.i18n import plural, t
from quickscan_app.services.admin import content_usage
from quickscan_app.services.context import Role
from quickscan_app.ui import session
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.tables import show_table


def render() -> None:
    lang = session.lang()
    user = session.require(Role.ADMIN)
    ctx = service_context()
    usage = content_usage(ctx, user)

    st.title(t("ui.page.content", lang))
    st.write(t("ui.content_intro", lang))
    rows = []
    for (questionnaire_id, version), library in sorted(ctx.content.libraries.items()):
        rows.append(
            {
                t(
                    "ui.col.questionnaire", lang
                ): f"{library.questionnaire.title.get(lang)} ({questionnaire_id} v{version})",
                t("ui.col.questions", lang): len(library.questionnaire.questions),
                t(
                    "ui.col.risk_model", lang
                ): f"{library.risk_model.id} v{library.risk_model.version}",
                t("ui.col.rules", lang): len(library.risk_model.rules),
                t("ui.col.catalogue", lang): f"{library.catalogue.id} v{library.catalogue.version}",
                t("ui.col.measures", lang): len(library.catalogue.measures),
                t("ui.col.dossiers", lang): usage.get((questionnaire_id, version), 0),
            }
        )
    numbers = [t(f"ui.col.{c}", lang) for c in ("questions", "rules", "measures", "dossiers")]
    show_table(rows, name="content", lang=lang, numeric=numbers)
    missing = [key for key in usage if key not in ctx.content.libraries]
    for questionnaire_id, version in missing:
        st.error(
            plural(
                "ui.content_missing",
                usage[(questionnaire_id, version)],
                lang,
                id=questionnaire_id,
                version=version,
            )
        )
