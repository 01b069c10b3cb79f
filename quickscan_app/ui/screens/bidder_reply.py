"""The bidder's page, opened through its link without an account: its own facts, the
questions asked of every bidder and each requirement as the tender dossier publishes it.
Every change saves at once; *Indienen* makes it final. Nothing of the buyer's assessment and
nothing of another bidder is on it (``services.bidder_replies`` hands it nothing else)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_date, format_datetime, t
from quickscan_app.services import bidder_replies
from quickscan_app.services.bidder_links import last_day_of, token_digest
from quickscan_app.services.bidder_replies import ReplyView, Requirement
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.origin import request_origin
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.screens.bidder_evidence import render_evidence
from quickscan_app.ui.text import md
from quickscan_app.ui.widgets import render_question

RESPONSES = ("met", "not_met", "unknown")
FIELD_LABELS = {
    "registration_country": "ui.award.registration",
    "parent_country": "ui.award.parent",
    "ownership": "ui.award.ownership",
    "subcontractors": "ui.award.subcontractors",
}
"""The bidder's own facts (``bidder_replies.FIELDS``) and the labels the award step gives them."""
_OPENED = "qs_reply_opened"
TOP = "reply_top"


def render() -> None:
    lang = session.lang()
    st.title(t("ui.reply.title", lang))
    token = st.query_params.get("token") or ""
    origin = request_origin("web")
    ctx = service_context()
    try:
        view = _load(token, origin, lang)
    except ServiceError as exc:
        st.error(error_message(exc, lang))  # the refusal only: nothing of any bidder
        return
    tender = [view.tender_title, view.tender_reference or "", view.authority or ""]
    st.caption(" · ".join(md(part) for part in tender if part))
    st.markdown(md(t("ui.reply.intro", lang).format(name=view.bidder_name)))
    _status(view, lang)
    session.show_notices(TOP)
    save = _saver(ctx, token, origin, lang)
    disabled = not view.editable
    st.subheader(t("ui.reply.company", lang))
    for name, label in FIELD_LABELS.items():
        widget = st.text_area if name in ("ownership", "subcontractors") else st.text_input
        key = f"qs_reply_{name}_{view.bidder_id}"
        widget(t(label, lang), value=view.fields.get(name) or "", key=key, disabled=disabled,
               max_chars=5000 if widget is st.text_area else 100,
               on_change=lambda n=name, k=key: save({n: st.session_state.get(k)}))  # fmt: skip
    if view.questions:
        st.subheader(t("ui.reply.questions", lang))
        for question in view.questions:
            render_question(
                question, view.answers.get(question.id), dossier_id=f"reply{view.bidder_id}",  # type: ignore[arg-type]
                lang=lang, save=lambda q, v: save({"answers": {q: v}}), disabled=disabled,
                explain=False,
            )  # fmt: skip
    st.subheader(t("ui.reply.requirements", lang))
    st.caption(t("ui.reply.requirements_intro", lang))
    for requirement in view.requirements:
        with st.container(border=True):
            _requirement(ctx, token, origin, view, requirement, save, lang)
    if view.editable:
        _submit(ctx, token, origin, view, lang)


def _load(token: str, origin: str, lang: Lang) -> ReplyView:
    """The first view of a link in this session is an audited open; later runs read again."""
    ctx = service_context()
    opened: set[str] = st.session_state.setdefault(_OPENED, set())
    digest = token_digest(token)
    if digest in opened:
        return bidder_replies.reply_view(ctx, token, origin, lang)
    view = bidder_replies.open_reply(ctx, token, origin, lang)
    opened.add(digest)
    return view


def _status(view: ReplyView, lang: Lang) -> None:
    if view.submitted_at and not view.editable:
        when = format_datetime(datetime.fromisoformat(view.submitted_at), lang)
        st.success(t("ui.reply.submitted_on", lang).format(when=when))
        return
    if view.reopen_note:
        st.warning(f"{t('ui.reply.reopened', lang)} {md(view.reopen_note)}")
    last = format_date(last_day_of(view.expires_at), lang)
    st.info(t("ui.reply.drafts", lang).format(date=last))


def _saver(ctx, token: str, origin: str, lang: Lang):  # type: ignore[no-untyped-def]
    """Saves one change (a widget's callback); a refusal is shown at the top of the page."""

    def save(data: dict[str, Any], place: str = TOP) -> None:
        try:
            bidder_replies.save_reply(ctx, token, origin, data)
        except ServiceError as exc:
            session.notify(place, "error", error_message(exc, lang))

    return save


def _requirement(ctx, token, origin, view: ReplyView, r: Requirement, save, lang: Lang) -> None:  # type: ignore[no-untyped-def]
    st.markdown(f"**{md(r.title)}** · {md(t(f'kind.{r.kind}', lang))}")
    st.markdown(md(r.text))
    stored = view.responses.get(r.measure, {})
    choice_key = f"qs_reply_response_{view.bidder_id}_{r.measure}"
    note_key = f"qs_reply_note_{view.bidder_id}_{r.measure}"
    place = f"reply_{r.measure}"

    def changed() -> None:
        response = st.session_state.get(choice_key) or "unknown"
        note = st.session_state.get(note_key) or ""
        save({"responses": {r.measure: {"response": response, "note": note}}}, place)

    current = stored.get("response")
    st.radio(
        t("ui.reply.meets", lang), RESPONSES, horizontal=True, key=choice_key,
        index=RESPONSES.index(current) if current in RESPONSES else None,
        format_func=lambda code: t(f"ui.award.response.{code}", lang),
        disabled=not view.editable, on_change=changed,
    )  # fmt: skip
    st.text_area(
        t("ui.reply.explain", lang), value=stored.get("note", ""), key=note_key, height=80,
        max_chars=2000, disabled=not view.editable, on_change=changed,
    )  # fmt: skip
    session.show_notices(place)
    if r.evidence_asked:
        files = [e for e in view.evidence if e.measure_id == r.measure]
        render_evidence(ctx, token, origin, view, r.measure, files, lang)


def _submit(ctx, token: str, origin: str, view: ReplyView, lang: Lang) -> None:  # type: ignore[no-untyped-def]
    st.subheader(t("ui.reply.submit_title", lang))
    open_items = [r for r in view.requirements if r.measure not in view.responses]
    if open_items:
        st.warning(t("ui.reply.open_requirements", lang))
    sure = st.checkbox(t("ui.reply.confirm", lang), key=f"qs_reply_sure_{view.bidder_id}")
    if st.button(t("ui.reply.submit", lang), type="primary", disabled=not sure,
                 key=f"qs_reply_submit_{view.bidder_id}"):  # fmt: skip
        try:
            bidder_replies.submit_reply(ctx, token, origin)
        except ServiceError as exc:
            st.error(error_message(exc, lang))
            return
        session.notify(TOP, "success", t("ui.reply.thanks", lang))
        st.rerun()
