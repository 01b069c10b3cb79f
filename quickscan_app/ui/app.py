"""Entry point: ``streamlit run quickscan_app/ui/app.py`` (or ``quickscan serve``).

Builds the navigation for the signed-in user's roles: a page that is not in it cannot be
reached, not even by its URL, and every page checks the role again itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run` puts this file's folder on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from quickscan_app.i18n import t
from quickscan_app.ui import session
from quickscan_app.ui.pages_index import PAGES

st.set_page_config(page_title="Quickscan nationale veiligheid", page_icon="🛡️", layout="wide")


def sidebar(lang: str) -> None:
    with st.sidebar:
        choice = st.segmented_control(
            t("ui.language", lang),
            options=["nl", "en"],
            format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
            default=lang,
            key="qs_lang_switch",
        )
        if choice and choice != lang:
            session.set_lang(choice)
            st.rerun()
        user = session.actor()
        if user is not None:
            st.caption(t("ui.signed_in_as", lang).format(name=user.name))
            if st.button(t("ui.sign_out", lang), key="qs_sign_out"):
                session.sign_out()
                st.rerun()


def main() -> None:
    lang = session.lang()
    user = session.actor()
    if user is None:
        pages = [st.Page(PAGES["sign_in"].path, title=t("ui.page.sign_in", lang), default=True)]
    else:
        groups: dict[str, list] = {}
        first = True
        for spec in PAGES.values():
            if spec.roles and any(user.has(r) for r in spec.roles):
                page = st.Page(
                    spec.path,
                    title=t(f"ui.page.{spec.name}", lang),
                    url_path=spec.name,
                    default=first,
                    visibility="hidden" if spec.hidden else "visible",
                )
                first = False
                groups.setdefault(t(f"ui.group.{spec.group}", lang), []).append(page)
        if not groups:
            st.error(t("ui.no_roles", lang))
            st.stop()
        pages = groups  # type: ignore[assignment]
    current = st.navigation(pages)
    sidebar(lang)
    session.show_flashes()
    current.run()


main()
