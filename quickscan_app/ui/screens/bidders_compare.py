"""Bidders side by side at award: every bidder of a dossier against the approved plan, in one
escaped table that wraps at full width and turns into a card per row on a phone. Opened from
the officer's award step and from the reviewer's page."""

from __future__ import annotations

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.exports.compare_rows import compare_rows
from quickscan_app.i18n import plural, t
from quickscan_app.services.bidder_compare import BidderComparison, compare_bidders
from quickscan_app.services.context import Actor, Role
from quickscan_app.services.errors import ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.dossier_state import require_dossier_id
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.runtime import service_context
from quickscan_app.ui.tables import show_table
from quickscan_app.ui.text import md

PAGE = "views/bidders_compare.py"
FROM_REVIEW = "review"
"""``from=review`` in the address: opened from the reviewer's page, the way back leads there."""


def link(dossier_id: int, lang: Lang, *, from_review: bool = False) -> None:
    """The link to this page for one dossier (award step, review page)."""
    params = {"dossier": str(dossier_id), **({"from": FROM_REVIEW} if from_review else {})}
    st.page_link(PAGE, label=t("ui.compare.open", lang), query_params=params)


def render() -> None:
    lang = session.lang()
    user = session.require(Role.OFFICER, Role.REVIEWER)
    dossier_id = require_dossier_id(lang, "views/inbox.py", t("ui.page.inbox", lang))
    page, label, params = _back(user, dossier_id, lang)
    st.page_link(page, label=label, query_params=params, icon="⬅️")
    st.title(t("ui.page.bidders_compare", lang))
    try:
        found = compare_bidders(service_context(), user, dossier_id)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        st.stop()
    d = found.dossier
    st.caption(
        " · ".join(md(x) for x in (d.title, d.reference or "", t(f"status.{d.status}", lang)) if x)
    )
    st.write(t("ui.compare.intro", lang))
    _table(found, lang)
    # Last element: the page is fully drawn (browser tests wait for it).
    st.markdown('<span data-page-ready="bidders_compare"></span>', unsafe_allow_html=True)


def _back(user: Actor, dossier_id: int, lang: Lang) -> tuple[str, str, dict[str, str]]:
    """Page, label and address of the way back: the reviewer's page when opened from there
    (or when the user is no officer), else the officer's award step."""
    if st.query_params.get("from") == FROM_REVIEW or not user.has(Role.OFFICER):
        return "views/review.py", t("ui.compare.back_review", lang), {"dossier": str(dossier_id)}
    params = {"dossier": str(dossier_id), "step": "award"}
    return "views/dossier.py", t("ui.compare.back_award", lang), params


def _table(found: BidderComparison, lang: Lang) -> None:
    compared = found.comparison
    if not compared.columns:
        st.info(t("ui.award.none", lang))
        return
    st.write(plural("ui.compare.answered", compared.answered, lang, total=len(compared.columns)))
    scenarios = found.library.risk_model.scenario_by_id
    measures = found.library.catalogue.by_id
    rows = compare_rows(
        compared, lang,
        scenario_title=lambda s: scenarios[s].title.get(lang) if s in scenarios else s,
        measure_title=lambda m: measures[m].title.get(lang) if m in measures else m,
        level_label=lambda level: t(f"level.{level}", lang),
    )  # fmt: skip
    show_table(
        rows, name="bidders_compare", lang=lang, wide=[t("compare.col.aspect", lang)],
        caption=t("ui.compare.caption", lang),
    )  # fmt: skip
