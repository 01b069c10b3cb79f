"""The sign-in form, shown for any page while nobody is signed in."""

from __future__ import annotations

import streamlit as st

from quickscan_app.i18n import t
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.origin import request_origin
from quickscan_app.ui.runtime import SIGN_IN_DRAWN, service_context
from quickscan_app.ui.sso import sso_button


def render_sign_in() -> None:
    lang = session.lang()
    session.show_flashes()
    st.title(t("ui.app_title", lang))
    st.write(t("ui.app_intro", lang))
    with st.form("sign_in", border=True, width=420):
        st.header(t("ui.page.sign_in", lang))
        name = st.text_input(t("ui.user_name", lang), key="sign_in_name", autocomplete="username")
        password = st.text_input(
            t("ui.password", lang),
            type="password",
            key="sign_in_password",
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(t("ui.sign_in", lang), type="primary")
    if submitted:
        # Imported on the first sign-in, not before the form: it hashes a dummy password.
        from quickscan_app.services.users import authenticate

        origin = request_origin("web")
        try:
            user = authenticate(service_context(), (name or "").strip(), password or "", origin)
        except ServiceError as exc:
            st.error(error_message(exc, lang))
        else:
            session.sign_in(user)
            st.rerun()
    sso_button(lang)
    SIGN_IN_DRAWN.set()


def render_no_access() -> None:
    st.error(t("ui.no_access", session.lang()))
