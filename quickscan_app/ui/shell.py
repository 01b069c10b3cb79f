"""The app shell: page set-up, role-based navigation and the sidebar.

Kept out of ``app.py`` so that Streamlit compiles only a three-line script on each rerun.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import t
from quickscan_app.services.context import Actor
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.page_language import set_page_language
from quickscan_app.ui.pages_index import PAGES, PAGES_DIR
from quickscan_app.ui.screens import inbox as inbox_screen
from quickscan_app.ui.sign_in import render_no_access, render_sign_in
from quickscan_app.ui.sso import adopt_sso_identity, sign_out_everywhere
from quickscan_app.ui.text import md

# Streamlit greys captions (opacity 0.6) to a contrast of about 4:1; WCAG AA asks 4.5:1 for
# small text. Solid grey #4b5563 gives 7.5:1 on white and on the sidebar.
ACCESSIBLE_TEXT = """<style>
[data-testid="stCaptionContainer"]{opacity:1 !important;color:#4b5563 !important}
</style>"""


def sidebar(lang: str, user: Actor | None) -> None:
    with st.sidebar:
        # The widget writes the language straight into the session (key "qs_lang").
        st.segmented_control(
            t("ui.language", lang),
            options=["nl", "en"],
            format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
            key="qs_lang",
        )
        if user is not None:
            st.caption(t("ui.signed_in_as", lang).format(name=md(user.name)))
            if st.button(t("ui.sign_out", lang), key="qs_sign_out"):
                sign_out_everywhere()
                st.rerun()


def main() -> None:
    st.set_page_config(page_title="Quickscan nationale veiligheid", page_icon="🛡️", layout="wide")
    st.html(ACCESSIBLE_TEXT)  # style only: no space in the page, no HTML-in-markdown parser
    asked = st.query_params.get("lang")  # a bidder's link in English opens in English
    if asked in ("nl", "en") and "qs_lang" not in st.session_state:
        st.session_state["qs_lang"] = asked
    lang = session.lang()
    user = session.actor() or adopt_sso_identity(lang)
    # The bidder's page: its link holds the token, so it is there signed in or not.
    bidder = st.Page(str(PAGES_DIR / "bidder.py"), title=t("ui.page.bidder", lang),
                     url_path="bidder", visibility="hidden")  # fmt: skip
    groups: dict[str, list] = {}
    stand_ins = []
    for spec in PAGES.values():
        allowed = user is not None and any(user.has(r) for r in spec.roles)
        if allowed:
            group = t(f"ui.group.{spec.group}", lang) if spec.group else ""
            title = inbox_screen.nav_title(user, lang) if spec.name == "inbox" else None
            groups.setdefault(group, []).append(
                st.Page(
                    spec.path,
                    title=title or t(f"ui.page.{spec.name}", lang),
                    url_path=spec.name,
                    default=not groups,
                    visibility="hidden" if spec.hidden else "visible",
                )
            )
        elif spec.roles:
            # Known address, not for this user: sign-in (nobody signed in) or "no access"
            # instead of Streamlit's "page not found" dialog. After signing in, the same
            # address (with its dossier and step) opens the real page.
            stand_ins.append(
                st.Page(
                    render_sign_in if user is None else render_no_access,
                    title=t(f"ui.page.{spec.name}", lang),
                    url_path=spec.name,
                    visibility="hidden",
                )
            )
    if user is None:
        pages = [
            st.Page(
                render_sign_in, title=t("ui.page.sign_in", lang), url_path="sign_in", default=True
            )
        ]
        pages += [*stand_ins, bidder]
        current = st.navigation(pages, position="hidden")
    else:
        if not groups:
            st.error(t("ui.no_roles", lang))
            st.stop()
        hidden_group = t("ui.group.account", lang)
        groups.setdefault(hidden_group, []).extend([*stand_ins, bidder])
        current = st.navigation(groups)
    sidebar(lang, user)
    with st.sidebar:  # renders nothing; at the end of the sidebar it moves nothing either
        set_page_language(lang)
    run_page(current, lang)


ACCOUNT_REFUSALS = ("account_inactive", "roles_changed")


def run_page(page: StreamlitPage, lang: Lang) -> None:
    """Run the page; a refusal the page did not handle itself is shown, never a traceback.
    When the account itself is refused (deactivated, or its roles changed since signing in)
    the session ends: the next run shows the sign-in form."""
    try:
        page.run()
    except ServiceError as exc:
        if exc.key in ACCOUNT_REFUSALS:
            session.sign_out()
        st.error(error_message(exc, lang))
