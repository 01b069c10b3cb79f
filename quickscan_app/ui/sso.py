"""Single sign-on in the app: Streamlit's ``st.login`` (OpenID Connect) when the department
configured it in ``.streamlit/secrets.toml`` (sections ``[auth]`` and ``[quickscan_sso]``);
local accounts stay for the embedded default."""

from __future__ import annotations

from typing import Any

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import t
from quickscan_app.services.context import Actor
from quickscan_app.services.errors import ServiceError
from quickscan_app.services.sso import SsoConfig, sign_in_sso
from quickscan_app.ui import session
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.origin import request_origin
from quickscan_app.ui.runtime import service_context


def sso_config() -> SsoConfig | None:
    """The mapping from the secrets, or None when single sign-on is not set up."""
    try:
        if "auth" not in st.secrets or "quickscan_sso" not in st.secrets:
            return None
        section: Any = st.secrets["quickscan_sso"]
    except FileNotFoundError:  # no secrets.toml at all: the embedded default
        return None
    return SsoConfig.from_settings(section)


def signed_in_by_provider() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except (AttributeError, KeyError):
        return False


def adopt_sso_identity(lang: Lang) -> Actor | None:
    """After the identity provider's redirect: turn its identity into a Quickscan session."""
    config = sso_config()
    if config is None or not signed_in_by_provider():
        return None
    if st.session_state.pop(session.EXPIRED, False):
        st.logout()  # idle too long: the provider's session ends too, sign in again
        return None
    claims = dict(st.user.to_dict())
    origin = request_origin("oidc")
    try:
        user = sign_in_sso(service_context(), claims, config, origin)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        if st.button(t("ui.sso.sign_out", lang), key="qs_sso_out"):
            st.logout()
        st.stop()
    session.sign_in(user)
    return user


def sso_button(lang: Lang) -> None:
    if sso_config() is None:
        return
    st.caption(t("ui.sso.or", lang))
    if st.button(t("ui.sso.sign_in", lang), key="qs_sso_in", type="primary"):
        st.login()


def sign_out_everywhere() -> None:
    session.sign_out()
    if sso_config() is not None and signed_in_by_provider():
        st.logout()
