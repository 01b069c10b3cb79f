"""In the wizard: a newer questionnaire version exists. What it changes for this dossier, and
a button to carry the dossier over (as a new dossier version; nothing old is lost)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from quickscan_app.domain.library import Library
from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_number, plural, t
from quickscan_app.presenters import diff_lines, impact_lines
from quickscan_app.services import versions
from quickscan_app.services.dossiers import DossierView
from quickscan_app.ui import session
from quickscan_app.ui.text import md
from quickscan_app.ui.widgets import forget_widgets


def render_version_notice(
    view: DossierView, newer: Library, run: Callable[..., bool], lang: Lang
) -> None:
    version = newer.questionnaire.version
    found = versions.impact_of(view.library, newer, view.answers, view.chosen, view.assessment)
    st.warning(
        t("ui.version.available", lang).format(
            version=version,
            added=plural("count.questions", len(found.diff.added), lang),
            removed=format_number(len(found.diff.removed), lang),
            changed=format_number(len(found.diff.changed), lang),
            dropped=plural("ui.version.dropped", len(found.carry.dropped), lang),
        )
    )  # fmt: skip
    with st.expander(t("ui.version.details", lang)):
        st.markdown("\n".join(f"- {md(line)}" for line in diff_lines(found.diff, lang)))
        st.markdown(f"**{t('ui.version.for_this_dossier', lang)}**")
        st.markdown("\n".join(f"- {md(line)}" for line in impact_lines(found, lang)))
        st.caption(t("ui.version.nothing_lost", lang))
        if st.button(
            t("ui.version.move", lang).format(version=version), key="qs_move_version",
            type="primary",
        ):  # fmt: skip
            if run(versions.move_to_version, version=version):
                forget_widgets(view.dossier.id)
                session.flash("success", t("ui.version.moved", lang).format(version=version))
                st.rerun()
            session.show_flashes()
