"""What a bidder sent through its link, for the officer and the reviewer: the state of its
reply, the officer's corrections beside the bidder's own answers (both versions, each with
its note), and the evidence files to open. Every value is escaped (``ui.tables``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_date, format_datetime, t
from quickscan_app.presenters import answer_label
from quickscan_app.services import bidder_invites
from quickscan_app.services.bidder_links import REPLY_OPEN, last_day_of
from quickscan_app.services.bidders import BidderView, usable_answers
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierView
from quickscan_app.ui.screens.bidder_evidence import file_line
from quickscan_app.ui.screens.bidder_reply import FIELD_LABELS
from quickscan_app.ui.tables import show_table
from quickscan_app.ui.text import md


def item_label(view: DossierView, item: str, lang: Lang) -> str:
    """``answers.<question>``, ``responses.<measure>`` or a field, as the page names it."""
    kind, _, key = item.partition(".")
    if kind == "answers":
        return view.library.questionnaire.by_id[key].text.get(lang)
    if kind == "responses":
        return view.library.catalogue.by_id[key].title.get(lang)
    return t(FIELD_LABELS[item], lang)


def item_value(view: DossierView, item: str, source: dict[str, Any], lang: Lang) -> str:
    """The item's value in ``source`` (the bidder's reply or the check as it is) as text."""
    kind, _, key = item.partition(".")
    if kind == "answers":
        found = usable_answers(view.library, source.get("answers") or {}).get(key)
        question = view.library.questionnaire.by_id[key]
        return "—" if found is None else answer_label(question, found, lang)
    if kind == "responses":
        entry = (source.get("responses") or {}).get(key)
        if not entry:
            return "—"
        note = f": {entry['note']}" if entry.get("note") else ""
        return t(f"ui.award.response.{entry['response']}", lang) + note
    return (source.get("fields") or source).get(item) or "—"


def reply_state(current: BidderView, lang: Lang) -> str | None:
    """One line on the bidder's link and reply; None when the officer typed the check in."""
    b, link = current.bidder, current.link
    if b.reply_status is None:
        return None
    if b.reply_status == "submitted":
        when = datetime.fromisoformat((b.reply or {})["submitted_at"])
        return t("ui.invite.reply.submitted", lang).format(when=format_datetime(when, lang))
    if link is None or link.state != "active":
        return t("ui.invite.reply.not_answered", lang)
    day = format_date(last_day_of(link.expires_at), lang)
    return t(f"ui.invite.reply.{b.reply_status}", lang).format(date=day)


def render_reply_summary(
    ctx: ServiceContext, user: Actor, view: DossierView, current: BidderView, lang: Lang
) -> None:
    state = reply_state(current, lang)
    if state is None:
        return
    st.caption(state)
    b = current.bidder
    corrections = b.corrections or {}
    if corrections:
        own = b.reply or {}
        now = {"fields": {f: getattr(b, f) for f in FIELD_LABELS},
               "answers": b.answers, "responses": b.responses}  # fmt: skip
        rows = [
            {
                t("ui.invite.col.item", lang): item_label(view, item, lang),
                t("ui.invite.col.bidder", lang): item_value(view, item, own, lang),
                t("ui.invite.col.corrected", lang): item_value(view, item, now, lang),
                t("ui.invite.col.note", lang): f"{c['note']} ({c['by']}, "
                f"{format_datetime(datetime.fromisoformat(c['at']), lang)})",
            }
            for item, c in sorted(corrections.items())
        ]
        wide = [t("ui.invite.col.item", lang), t("ui.invite.col.note", lang)]
        show_table(rows, name=f"corrections-{b.id}", lang=lang, wide=wide,
                   caption=t("ui.invite.corrections", lang))  # fmt: skip
    _evidence(ctx, user, view, current, lang)


def _evidence(
    ctx: ServiceContext, user: Actor, view: DossierView, current: BidderView, lang: Lang
) -> None:
    asked = set(current.link.evidence) if current.link else set()
    missing = sorted(asked - {e.measure_id for e in current.evidence})
    if current.bidder.reply_status in REPLY_OPEN:
        missing = []  # still the bidder's to add
    if not current.evidence and not missing:
        return
    st.markdown(f"**{t('ui.invite.evidence', lang)}**")
    catalogue = view.library.catalogue.by_id
    for info in current.evidence:
        line, button = st.columns([5, 1], vertical_alignment="center")
        line.markdown(f"{file_line(info, lang)} — {md(catalogue[info.measure_id].title.get(lang))}")
        button.download_button(
            t("ui.invite.open_file", lang), key=f"qs_evidence_{info.id}", mime="application/pdf",
            data=lambda e=info.id: bidder_invites.evidence_file(ctx, user, e).content,
            file_name=f"bewijs-bieder{info.bidder_id}-{info.id}.pdf", on_click="ignore",
        )  # fmt: skip
    if missing:
        names = ", ".join(catalogue[m].title.get(lang) for m in missing)
        st.warning(t("ui.invite.evidence_missing", lang).format(names=md(names)))
