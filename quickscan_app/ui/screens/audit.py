"""Administrators: the audit trail, newest first, and a check of its hash chain."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from quickscan_app.i18n import code_word, format_datetime, plural, t
from quickscan_app.services.admin import audit_trail, verify_audit_trail
from quickscan_app.services.context import Role
from quickscan_app.ui import session
from quickscan_app.ui.runtime import service_context


def render() -> None:
    lang = session.lang()
    user = session.require(Role.ADMIN)
    ctx = service_context()

    st.title(t("ui.page.audit", lang))
    if st.button(t("ui.verify_chain", lang), type="primary", key="qs_verify"):
        report = verify_audit_trail(ctx, user)
        if not report.intact:
            st.error(t("ui.chain_broken", lang).format(problem=report.message(lang)))
        else:
            st.success(plural("ui.chain_intact", report.events, lang))
            if report.keyed_from is not None:
                st.caption(report.sealing(lang))
            else:
                st.warning(report.sealing(lang))

    events = audit_trail(ctx, user, limit=500)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "#": e.seq,
                    t("ui.col.when", lang): format_datetime(
                        datetime.fromisoformat(e.occurred_at), lang
                    ),
                    t("ui.col.actor", lang): e.actor,
                    t("ui.col.action", lang): e.action,
                    t("ui.col.object", lang): f"{e.object_type} {e.object_id or ''}".strip(),
                    t("ui.col.result", lang): code_word("exp.audit.result", e.result, lang),
                    t("ui.col.origin", lang): e.origin,
                    t("ui.col.hash", lang): e.hash[:16] + "…",
                }
                for e in events
            ]
        ),
        hide_index=True,
    )
