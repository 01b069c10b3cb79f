"""In the award step, per bidder: the link that lets the bidder answer for itself (made,
shown once as the invitation text to paste into the tender platform, revoked), and once the
bidder has submitted, reopening it or correcting an answer, each with a note."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import streamlit as st

from quickscan_app.domain.bidders import evidence_by_default
from quickscan_app.domain.text import Lang
from quickscan_app.i18n import AMSTERDAM, t
from quickscan_app.services import bidder_invites, bidders
from quickscan_app.services.bidder_invites import DEFAULT_LINK_DAYS, MAX_LINK_DAYS
from quickscan_app.services.bidder_replies import FIELDS
from quickscan_app.services.bidders import BidderView, usable_answers
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierView
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.bidder_versions import item_label
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.widgets import render_question

RESPONSES = ("met", "not_met", "unknown")
LANGUAGES = {"nl": "Nederlands", "en": "English"}


def _text_key(bidder_id: int) -> str:
    return f"qs_invite_text_{bidder_id}"


def _done(message: str) -> None:
    session.flash("success", message)
    st.rerun()


def render_invite_panel(
    ctx: ServiceContext, user: Actor, view: DossierView, current: BidderView, lang: Lang
) -> None:
    b = current.bidder
    st.markdown(f"#### {t('ui.invite.title', lang)}")
    shown = st.session_state.get(_text_key(b.id))
    if shown:
        st.caption(t("ui.invite.copy", lang))
        st.code(shown, language=None, wrap_lines=True)
    if b.status not in bidders.EDITABLE:
        return
    if current.link is not None and current.link.state == "active":
        if st.button(t("ui.invite.revoke", lang), key=f"qs_invite_revoke_{b.id}"):
            try:
                bidder_invites.revoke_invitation(ctx, user, b.id)
            except ServiceError as exc:
                st.error(error_message(exc, lang))
            else:
                st.session_state.pop(_text_key(b.id), None)
                _done(t("ui.invite.revoked", lang))
    _new_link(ctx, user, view, current, lang)
    if b.reply_status == "submitted":
        _reopen(ctx, user, current, lang)
        _correct(ctx, user, view, current, lang)


def _new_link(
    ctx: ServiceContext, user: Actor, view: DossierView, current: BidderView, lang: Lang
) -> None:
    b, link = current.bidder, current.link
    label = "ui.invite.new" if link is None else "ui.invite.replace"
    with st.expander(t(label, lang), expanded=link is None):
        today = ctx.clock().astimezone(AMSTERDAM).date()
        last_day = st.date_input(
            t("ui.invite.last_day", lang), value=today + timedelta(days=DEFAULT_LINK_DAYS),
            min_value=today, max_value=today + timedelta(days=MAX_LINK_DAYS), format="DD-MM-YYYY",
            key=f"qs_invite_day_{b.id}",
        )  # fmt: skip
        languages = list(LANGUAGES)
        language = st.radio(
            t("ui.invite.language", lang), languages, horizontal=True, key=f"qs_invite_lang_{b.id}",
            index=languages.index(view.dossier.language if view.dossier.language in LANGUAGES
                                  else "nl"),
            format_func=LANGUAGES.__getitem__,
        )  # fmt: skip
        catalogue = view.library.catalogue.by_id
        evidence = st.multiselect(
            t("ui.invite.ask_evidence", lang), current.requirements,
            default=list(link.evidence) if link else evidence_by_default(view.library, view.chosen),
            format_func=lambda m: catalogue[m].title.get(lang), key=f"qs_invite_evidence_{b.id}",
            placeholder=t("ui.choose_options", lang),
        )  # fmt: skip
        if st.button(t("ui.invite.make", lang), type="primary", key=f"qs_invite_make_{b.id}"):
            try:
                made = bidder_invites.create_invitation(
                    ctx, user, b.id, b.lock_version, last_day=last_day, lang=language,
                    evidence=list(evidence),
                )  # fmt: skip
            except ServiceError as exc:
                st.error(error_message(exc, lang))
            else:
                st.session_state[_text_key(b.id)] = made.text
                _done(t("ui.invite.made", lang))


def _reopen(ctx: ServiceContext, user: Actor, current: BidderView, lang: Lang) -> None:
    b = current.bidder
    with st.expander(t("ui.invite.reopen", lang)):
        note = st.text_area(t("ui.invite.reopen_note", lang), max_chars=bidders.MAX_NOTE,
                            key=f"qs_invite_reopen_note_{b.id}")  # fmt: skip
        if st.button(t("ui.invite.reopen_button", lang), key=f"qs_invite_reopen_{b.id}"):
            try:
                bidder_invites.reopen_reply(ctx, user, b.id, b.lock_version, note)
            except ServiceError as exc:
                st.error(error_message(exc, lang))
            else:
                _done(t("ui.invite.reopened", lang))


def _correct(
    ctx: ServiceContext, user: Actor, view: DossierView, current: BidderView, lang: Lang
) -> None:
    """One answer at a time, with a note: the bidder's own stays in its submission."""
    b = current.bidder
    with st.expander(t("ui.invite.correct", lang)):
        items = [*FIELDS, *(f"answers.{q}" for q in current.questions),
                 *(f"responses.{m}" for m in current.requirements)]  # fmt: skip
        item = st.selectbox(
            t("ui.invite.item", lang), items, index=None, key=f"qs_fix_item_{b.id}",
            format_func=lambda i: item_label(view, i, lang),
            placeholder=t("ui.choose_option", lang),
        )  # fmt: skip
        if item is None:
            return
        value = _value_input(view, current, item, lang)
        note = st.text_area(t("ui.invite.correction_note", lang), max_chars=bidders.MAX_NOTE,
                            key=f"qs_fix_note_{b.id}")  # fmt: skip
        if st.button(t("ui.invite.correct_button", lang), key=f"qs_fix_save_{b.id}"):
            try:
                bidder_invites.correct_answer(ctx, user, b.id, b.lock_version, item, value, note)
            except ServiceError as exc:
                st.error(error_message(exc, lang))
            else:
                _done(t("ui.invite.corrected", lang))


def _value_input(view: DossierView, current: BidderView, item: str, lang: Lang) -> Any:
    """The corrected value for ``item``, entered with the widget that fits it."""
    b = current.bidder
    kind, _, key = item.partition(".")
    ns = f"fix{b.id}_{item}"
    if kind == "answers":
        picked: dict[str, Any] = st.session_state.setdefault(f"qs_fix_value_{ns}", {})
        stored = usable_answers(view.library, b.answers or {})
        render_question(
            view.library.questionnaire.by_id[key], picked.get(key, stored.get(key)),
            dossier_id=ns, lang=lang, save=picked.__setitem__, explain=False,  # type: ignore[arg-type]
        )  # fmt: skip
        return picked.get(key, stored.get(key))
    if kind == "responses":
        entry = (b.responses or {}).get(key) or {}
        current_response = entry.get("response", "unknown")
        response = st.radio(
            t("ui.award.col.response", lang), RESPONSES, horizontal=True, key=f"qs_fix_r_{ns}",
            index=RESPONSES.index(current_response) if current_response in RESPONSES else 2,
            format_func=lambda r: t(f"ui.award.response.{r}", lang),
        )  # fmt: skip
        text = st.text_area(t("ui.award.col.note", lang), value=entry.get("note", ""),
                            max_chars=bidders.MAX_NOTE, key=f"qs_fix_rn_{ns}")  # fmt: skip
        return {"response": response, "note": text}
    return st.text_area(item_label(view, item, lang), value=getattr(b, item) or "",
                        max_chars=5000, key=f"qs_fix_f_{ns}")  # fmt: skip
