"""Administrators: users and their roles."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from quickscan_app.i18n import t
from quickscan_app.services import users
from quickscan_app.services.context import Role
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.runtime import service_context


def render() -> None:
    lang = session.lang()
    user = session.require(Role.ADMIN)
    ctx = service_context()
    ROLES = [r.value for r in Role]

    st.title(t("ui.page.users", lang))
    accounts = users.list_users(ctx, user)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("ui.user_name", lang): u.name,
                    t("ui.display_name", lang): u.display_name,
                    t("ui.email", lang): u.email or "",
                    t("ui.roles", lang): ", ".join(t(f"role.{r}", lang) for r in u.roles),
                    t("ui.active", lang): "✓" if u.active else "–",
                    "demo": "✓" if u.demo else "",
                }
                for u in accounts
            ]
        ),
        hide_index=True,
    )

    st.header(t("ui.change_user", lang))
    names = [u.name for u in accounts]
    # Outside the form: choosing a user shows that user's roles, address and state at once.
    name = st.selectbox(t("ui.user_name", lang), names, placeholder=t("ui.choose_option", lang))
    current = next((u for u in accounts if u.name == name), None)
    with st.form("change_user"):
        roles = st.multiselect(
            t("ui.roles", lang), ROLES, default=list(current.roles) if current else [],
            format_func=lambda r: t(f"role.{r}", lang), placeholder=t("ui.choose_options", lang),
        )  # fmt: skip
        email = st.text_input(
            t("ui.email", lang), value=(current.email or "") if current else "", max_chars=254,
            help=t("ui.email_help", lang), key=f"qs_user_email_{name}",
        )  # fmt: skip
        active = st.checkbox(t("ui.active", lang), value=current.active if current else True)
        if st.form_submit_button(t("ui.save", lang)) and current is not None:
            try:
                if set(roles) != set(current.roles):
                    users.set_roles(ctx, user, name, roles)
                if active != current.active:
                    users.set_active(ctx, user, name, active)
                if email.strip() != (current.email or ""):
                    users.set_email(ctx, user, name, email)
            except ServiceError as exc:
                session.flash("error", error_message(exc, lang))
            else:
                session.flash("success", t("ui.saved", lang))
            st.rerun()

    st.header(t("ui.add_user", lang))
    # Not cleared on submit: a refused form keeps what was typed; only a success empties it.
    fields = ("qs_new_user_name", "qs_new_user_display", "qs_new_user_roles", "qs_new_user_pw",
              "qs_new_user_email")  # fmt: skip
    with st.form("add_user"):
        new_name = st.text_input(t("ui.user_name", lang), max_chars=64, key=fields[0])
        display = st.text_input(t("ui.display_name", lang), max_chars=200, key=fields[1])
        new_email = st.text_input(
            t("ui.email", lang), max_chars=254, help=t("ui.email_help", lang), key=fields[4]
        )
        new_roles = st.multiselect(
            t("ui.roles", lang), ROLES, format_func=lambda r: t(f"role.{r}", lang),
            placeholder=t("ui.choose_options", lang), key=fields[2],
        )  # fmt: skip
        password = st.text_input(
            t("ui.password", lang), type="password", help=t("ui.password_rule", lang),
            key=fields[3],
        )  # fmt: skip
        if st.form_submit_button(t("ui.add_user", lang), type="primary"):
            try:
                users.add_user(
                    ctx, user, new_name, password, new_roles, display_name=display or None,
                    email=new_email,
                )  # fmt: skip
            except ServiceError as exc:
                st.error(error_message(exc, lang))  # next to the form, which keeps its input
            else:
                for field in fields:
                    st.session_state.pop(field, None)
                session.flash("success", t("ui.saved", lang))
                st.rerun()
