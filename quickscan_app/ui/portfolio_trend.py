"""The portfolio's risk over time and the overdue re-assessments, for the dossiers the filter
keeps: stacked bars per level with a text summary and the figures in a table, for those who
do not read charts."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from quickscan_app.domain.risk import Level
from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_date, format_number, plural, t
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.errors import ServiceError
from quickscan_app.services.portfolio import PortfolioFilter, reassessments_due
from quickscan_app.services.portfolio_trend import LEVELS, MONTHS, Trend, TrendMonth, risk_trend
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.risk_panel import LEVEL_COLOURS
from quickscan_app.ui.tables import show_table

HIGH = (Level.HIGH.value, Level.VERY_HIGH.value)
KINDS = (("inherent", "ui.inherent_risk"), ("residual", "ui.col.residual"))
"""The two charts: the levels without measures and after the chosen measures."""


def render_trend(ctx: ServiceContext, user: Actor, flt: PortfolioFilter, lang: Lang) -> None:
    st.subheader(t("ui.trend.title", lang))
    months = st.radio(
        t("ui.trend.span", lang), MONTHS, horizontal=True, key="qs_pf_months",
        format_func=lambda count: t("ui.trend.months", lang).format(count=count),
    )  # fmt: skip
    try:
        trend = risk_trend(ctx, user, flt, months)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        return
    if not any(month.dossiers for month in trend.months):
        st.info(t("ui.trend.none", lang))
        return
    for column, (kind, key) in zip(st.columns(2), KINDS, strict=True):
        title = t(key, lang)
        column.markdown(f"**{title}**")
        column.altair_chart(
            chart(trend, kind, lang), width="stretch",
            alt=t("ui.trend.alt", lang).format(title=title),
        )  # fmt: skip
    st.caption(summary(trend, lang))
    st.caption(t("ui.trend.note", lang))
    with st.expander(t("ui.trend.figures", lang)):
        rows = figures(trend, lang)
        show_table(rows, name="trend", lang=lang, numeric=list(rows[0]))  # dates unbroken


def _level(level: str, lang: Lang) -> str:
    return t(f"level.{level}", lang)


def chart(trend: Trend, kind: str, lang: Lang) -> alt.Chart:
    """Stacked bars of ``kind`` (inherent or residual): low at the bottom, in the heatmap's
    colours, with the levels' names in the legend and the tooltips."""
    data = pd.DataFrame(
        [
            {"month": format_date(m.day, lang), "level": _level(level, lang), "rank": rank,
             "count": getattr(m, kind)[level]}
            for m in trend.months
            for rank, level in enumerate(LEVELS)
        ]
    )  # fmt: skip
    names = [_level(level, lang) for level in LEVELS]
    colours = [LEVEL_COLOURS[Level(level)][0] for level in LEVELS]
    month, level, count = (
        t("ui.trend.month_end", lang), t("ui.trend.level", lang), t("ui.portfolio.total", lang),
    )  # fmt: skip
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("month:N", sort=None, title=month),
            y=alt.Y("count:Q", stack=True, title=count, axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "level:N",
                sort=names,
                title=level,
                legend=alt.Legend(orient="bottom"),
                scale=alt.Scale(domain=names, range=colours),
            ),
            order=alt.Order("rank:Q", sort="ascending"),
            tooltip=[
                alt.Tooltip("month:N", title=month),
                alt.Tooltip("level:N", title=level),
                alt.Tooltip("count:Q", title=count),
            ],
        )
    )


def _high(month: TrendMonth, kind: str) -> int:
    return sum(getattr(month, kind)[level] for level in HIGH)


def summary(trend: Trend, lang: Lang) -> str:
    """The first and the last month in words: how many dossiers, how many of them high."""

    def sentence(month: TrendMonth) -> str:
        return t("ui.trend.summary", lang).format(
            day=format_date(month.day, lang),
            dossiers=plural("count.dossiers", month.dossiers, lang),
            residual=format_number(_high(month, "residual"), lang),
            inherent=format_number(_high(month, "inherent"), lang),
        )

    return " ".join(sentence(month) for month in (trend.months[0], trend.months[-1]))


def figures(trend: Trend, lang: Lang) -> list[dict[str, object]]:
    """One row per month: the dossiers per level, without measures and residual."""
    return [
        {
            t("ui.trend.month_end", lang): format_date(m.day, lang),
            **{
                t(f"ui.trend.col.{kind}", lang).format(level=_level(level, lang)): format_number(
                    getattr(m, kind)[level], lang
                )
                for kind, _ in KINDS
                for level in LEVELS
            },
        }
        for m in trend.months
    ]


def render_due(ctx: ServiceContext, user: Actor, flt: PortfolioFilter, lang: Lang) -> None:
    """The approved plans the filter keeps that are past their review date."""
    st.subheader(t("ui.due.title", lang))
    try:
        due = reassessments_due(ctx, user, flt)
    except ServiceError as exc:
        st.error(error_message(exc, lang))
        return
    if not due:
        st.info(t("ui.due.none", lang))
        return
    st.caption(t("ui.due.intro", lang))
    today = ctx.clock().date()
    title, days = t("ui.col.title", lang), t("ui.due.col.days", lang)
    rows = [
        {
            title: d.title,
            t("ui.col.reference", lang): d.reference or "",
            t("ui.portfolio.col.owner", lang): d.owner,
            t("ui.due.col.reason", lang): "; ".join(
                t(f"ui.due.reason.{reason}", lang) for reason in d.reasons
            ),
            t("ui.due.col.review", lang): format_date(d.review_date, lang),
            days: format_number(max((today - d.since).days, 0), lang),
        }
        for d in due
    ]
    show_table(rows, name="reassessments-due", lang=lang, numeric=[days], wide=[title])
