"""The portfolio dashboard: filters, key figures, the residual heatmap, deadlines and overdue
measures, one page of dossiers at a time, the whole filtered table as CSV or XLSX, the risk
over time and the overdue re-assessments."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from quickscan_app.domain.risk import Level
from quickscan_app.domain.workflow import Status
from quickscan_app.exports.portfolio_table import portfolio_frame
from quickscan_app.i18n import format_number, plural, t
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.errors import ServiceError
from quickscan_app.services.portfolio import (
    DEADLINE_DAYS,
    PortfolioFilter,
    category_labels,
    export_portfolio,
    portfolio,
)
from quickscan_app.ui import session
from quickscan_app.ui.dossier_state import open_dossier
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.portfolio_trend import render_due, render_trend
from quickscan_app.ui.risk_panel import grid_html
from quickscan_app.ui.runtime import service_context

PAGE_SIZE = 50
_PAGE = "qs_portfolio_page"
_APPLIED = "qs_portfolio_applied"
_MADE = "qs_portfolio_export"


OPEN_STATUSES = [s.value for s in Status if s is not Status.ARCHIVED]


def _current_filter() -> PortfolioFilter:
    """The filter as the form last applied it: its widgets keep their values under these
    keys. Read before anything is drawn, so one query gives the figures and the form's lists."""
    state = st.session_state
    return PortfolioFilter(
        statuses=tuple(state.get("qs_pf_status", OPEN_STATUSES)),
        residual_levels=tuple(state.get("qs_pf_level", ())),
        authorities=tuple(state.get("qs_pf_authority", ())),
        categories=tuple(state.get("qs_pf_category", ())),
        publication_from=state.get("qs_pf_from"),
        publication_to=state.get("qs_pf_to"),
        text=state.get("qs_pf_text", ""),
        flagged_only=bool(state.get("qs_pf_flagged", False)),
    )


def _filters(choices: dict[str, list[str]], lang: str, label: Callable[[str], str]) -> None:
    with (
        st.expander(t("ui.portfolio.filters", lang), expanded=False),
        st.form("qs_portfolio_filters"),
    ):
        col_a, col_b = st.columns(2)
        col_a.multiselect(
            t("ui.portfolio.status", lang), [s.value for s in Status], default=OPEN_STATUSES,
            format_func=lambda s: t(f"status.{s}", lang), key="qs_pf_status",
            placeholder=t("ui.choose_options", lang),
        )  # fmt: skip
        col_b.multiselect(
            t("ui.portfolio.level", lang), [lv.value for lv in Level],
            format_func=lambda lv: t(f"level.{lv}", lang), key="qs_pf_level",
            placeholder=t("ui.choose_options", lang),
        )  # fmt: skip
        col_a.multiselect(
            t("ui.portfolio.authority", lang), choices.get("authorities", []),
            key="qs_pf_authority", placeholder=t("ui.choose_options", lang),
        )  # fmt: skip
        col_b.multiselect(
            t("ui.portfolio.category", lang), choices.get("categories", []),
            format_func=label, key="qs_pf_category", placeholder=t("ui.choose_options", lang),
        )  # fmt: skip
        col_a.date_input(
            t("ui.portfolio.from", lang), value=None, format="DD-MM-YYYY", key="qs_pf_from"
        )
        col_b.date_input(
            t("ui.portfolio.to", lang), value=None, format="DD-MM-YYYY", key="qs_pf_to"
        )
        st.text_input(t("ui.portfolio.text", lang), max_chars=200, key="qs_pf_text")
        st.checkbox(t("ui.portfolio.flagged_only", lang), key="qs_pf_flagged")
        st.form_submit_button(t("ui.portfolio.apply", lang), type="primary")


def render() -> None:
    lang = session.lang()
    user = session.require(Role.OFFICER, Role.REVIEWER, Role.ADMIN)
    ctx = service_context()
    st.title(t("ui.page.portfolio", lang))
    st.caption(t("ui.portfolio.intro", lang).format(days=DEADLINE_DAYS))
    label = category_labels(ctx, lang)
    flt = _current_filter()
    if st.session_state.get(_APPLIED) != flt:  # a new filter starts at its first page
        st.session_state[_APPLIED], st.session_state[_PAGE] = flt, 0
    page = st.session_state.get(_PAGE, 0)
    try:
        result = portfolio(ctx, user, flt, page=page, page_size=PAGE_SIZE)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        st.stop()
    if page >= result.pages:
        st.session_state[_PAGE] = result.pages - 1
        st.rerun()
    _filters(result.choices, lang, label)

    figures = st.columns(5)
    high = result.by_residual.get("high", 0) + result.by_residual.get("very_high", 0)
    for column, key, value in zip(
        figures,
        ("total", "flagged", "overdue", "approved", "high"),
        (result.total, result.flagged, result.overdue_measures,
         result.by_status.get("approved", 0), high),
        strict=True,
    ):  # fmt: skip
        column.metric(t(f"ui.portfolio.{key}", lang), format_number(value, lang))
    if result.flagged:
        st.warning(plural("ui.deadline_warning", result.flagged, lang))

    left, right = st.columns([3, 2])
    with left:
        library = ctx.content.library()
        cells = {cell: str(count) for cell, count in result.heatmap.items()}
        st.markdown(
            grid_html(library, cells, t("ui.portfolio.heatmap", lang), lang),
            unsafe_allow_html=True,
        )
        st.caption(t("ui.portfolio.heatmap_note", lang))
    with right:
        st.markdown(f"**{t('ui.portfolio.by_level', lang)}**")
        st.dataframe(
            pd.DataFrame(
                {
                    t("ui.portfolio.level", lang): [t(f"level.{lv.value}", lang) for lv in Level],
                    t("ui.portfolio.total", lang): [
                        result.by_residual.get(lv.value, 0) for lv in Level
                    ],
                }
            ),
            hide_index=True,
        )

    if not result.rows:
        st.info(t("ui.portfolio.none", lang))
    else:
        today = ctx.clock().date()
        st.dataframe(portfolio_frame(result.rows, today, lang, label), hide_index=True)
        _open_one(user, result.rows, lang)
        col_prev, col_page, col_next = st.columns([1, 3, 1], vertical_alignment="center")
        if col_prev.button(t("ui.portfolio.previous", lang), disabled=page == 0, key="qs_pf_prev"):
            st.session_state[_PAGE] = page - 1
            st.rerun()
        col_page.caption(
            t("ui.portfolio.page", lang).format(
                page=page + 1,
                pages=result.pages,
                total=plural("count.dossiers", result.total, lang),
            )
        )
        if col_next.button(
            t("ui.portfolio.next", lang), disabled=page + 1 >= result.pages, key="qs_pf_next"
        ):
            st.session_state[_PAGE] = page + 1
            st.rerun()
        _export(ctx, user, flt, lang)
    render_trend(ctx, user, flt, lang)
    render_due(ctx, user, flt, lang)
    st.markdown('<span data-page-ready="portfolio"></span>', unsafe_allow_html=True)


def _open_one(user: Actor, rows: list, lang: str) -> None:  # type: ignore[type-arg]
    """Open a dossier of this page where the user works on it: the wizard for its owner, the
    review page for a reviewer (administrators only look, here and in the audit trail)."""
    titles = {r.id: f"{r.title} ({r.reference or r.id})" for r in rows}
    col_pick, col_open = st.columns([4, 1], vertical_alignment="bottom")
    chosen = col_pick.selectbox(
        t("ui.choose_dossier", lang), list(titles), index=None, format_func=titles.__getitem__,
        key="qs_pf_pick", placeholder=t("ui.choose_dossier_placeholder", lang),
    )  # fmt: skip
    row = next((r for r in rows if r.id == chosen), None)
    target = None
    if row is not None and user.has(Role.OFFICER) and row.owner_id == user.user_id:
        target = "views/dossier.py"
    elif row is not None and user.has(Role.REVIEWER) and row.status != "draft":
        target = "views/review.py"
    if col_open.button(
        t("ui.open_dossier", lang), disabled=target is None, key="qs_pf_open", width="stretch"
    ):
        open_dossier(target, row.id)  # type: ignore[arg-type, union-attr]


def _export(ctx: ServiceContext, user: Actor, flt: PortfolioFilter, lang: str) -> None:
    st.markdown(f"**{t('ui.portfolio.export', lang)}**")
    col_csv, col_xlsx, col_download = st.columns([1, 1, 3], vertical_alignment="bottom")
    for column, fmt in ((col_csv, "csv"), (col_xlsx, "xlsx")):
        if column.button(fmt.upper(), key=f"qs_pf_make_{fmt}", width="stretch"):
            try:
                st.session_state[_MADE] = (flt, export_portfolio(ctx, user, flt, fmt, lang))
            except ServiceError as exc:
                st.error(error_message(exc, lang))
    made = st.session_state.get(_MADE)
    if made is not None and made[0] == flt:
        result = made[1]
        col_download.download_button(
            t("ui.export.download", lang).format(name=result.name), data=result.data,
            file_name=result.name, mime=result.media_type, type="primary",
            icon=":material/download:", key="qs_pf_download",
        )  # fmt: skip
