"""Te doen: what waits for the signed-in user, by kind, each opening the dossier where the
user acts on it; and the count beside the page's name in the sidebar."""

from __future__ import annotations

from datetime import date
from itertools import groupby

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_date, format_number, t
from quickscan_app.services import inbox
from quickscan_app.services.context import Actor, Role
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.dossier_state import open_dossier
from quickscan_app.ui.pages_index import PAGES
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.text import md


def nav_title(user: Actor, lang: Lang) -> str:
    """ "Te doen (3)": the page's name with how many items wait (none: the name alone). A
    refused account shows the name alone; the page run then shows the refusal."""
    title = t("ui.page.inbox", lang)
    ctx = service_context()
    try:
        waiting = inbox.count(ctx, user, ctx.clock().date())
    except ServiceError:
        return title
    return f"{title} ({format_number(waiting, lang)})" if waiting else title


def render() -> None:
    lang = session.lang()
    user = session.require(*Role)
    ctx = service_context()
    today = ctx.clock().date()
    st.title(t("ui.page.inbox", lang))
    items = inbox.inbox(ctx, user, today)
    if not items:
        st.info(t("ui.inbox.empty", lang))
        return
    st.caption(t("ui.inbox.intro", lang))
    for kind, group in groupby(items, key=lambda item: item.kind):
        shown = list(group)
        st.subheader(f"{t(f'inbox.kind.{kind.value}', lang)} ({format_number(len(shown), lang)})")
        for number, item in enumerate(shown):
            _item(user, item, lang, today, f"qs_inbox_{kind.value}_{number}")


def _item(user: Actor, item: inbox.InboxItem, lang: Lang, today: date, key: str) -> None:
    """One item: the dossier (a button that opens it on the right page and step), what to
    do and since when."""
    name = md(item.title) + (f" ({md(item.reference)})" if item.reference else "")
    spec = PAGES.get(item.page)
    with st.container(border=True):
        if spec is not None and any(user.has(role) for role in spec.roles):
            if st.button(name, key=key):
                open_dossier(f"views/{item.page}.py", item.dossier_id, item.step)
        else:
            st.markdown(f"**{name}**")
        parts = [md(inbox.describe(item, lang, today))]
        if item.since is not None:
            parts.append(md(t("inbox.since", lang).format(date=format_date(item.since, lang))))
        st.caption(" · ".join(parts))
