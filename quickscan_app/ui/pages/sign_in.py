"""Sign in with a local account."""

from __future__ import annotations

import streamlit as st

from quickscan_app.i18n import t
from quickscan_app.services.errors import ServiceError
from quickscan_app.services.users import authenticate
from quickscan_app.ui import session
from quickscan_app.ui.runtime import service_context

lang = session.lang()
st.title(t("ui.app_title", lang))
st.write(t("ui.app_intro", lang))

with st.form("sign_in", border=True, width=420):
    st.subheader(t("ui.page.sign_in", lang))
    name = st.text_input(t("ui.user_name", lang), key="sign_in_name", autocomplete="username")
    password = st.text_input(
        t("ui.password", lang),
        type="password",
        key="sign_in_password",
        autocomplete="current-password",
    )
    submitted = st.form_submit_button(t("ui.sign_in", lang), type="primary")

if submitted:
    origin = f"web:{st.context.ip_address or 'unknown'}"
    try:
        user = authenticate(service_context(), name.strip(), password, origin)
    except ServiceError as exc:
        st.error(exc.message(lang))
    else:
        session.sign_in(user)
        st.rerun()
