"""The portfolio page on the demo data: figures, filters, paging and the table export."""

from __future__ import annotations

import json

from sqlalchemy import select

from quickscan_app.store.models import AuditEvent
from tests.ui.conftest import signed_in


def open_portfolio(at, ctx, who: str):
    signed_in(at, ctx, who)
    return at.switch_page("views/portfolio.py").run()


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_admin_sees_every_demo_dossier_and_filters_them(at, ctx) -> None:
    open_portfolio(at, ctx, "admin")
    assert not at.exception
    assert metric(at, "Dossiers") == "5"
    assert metric(at, "Goedgekeurd") == "1"
    at.multiselect(key="qs_pf_status").set_value(["approved"])
    at.button(key="FormSubmitter:qs_portfolio_filters-Toepassen").click().run()
    assert metric(at, "Dossiers") == "1"
    [table] = [d.value for d in at.dataframe if "Titel" in d.value.columns]
    assert list(table["Status"]) == ["Goedgekeurd"]


def test_reviewer_sees_only_what_is_under_review_or_decided(at, ctx) -> None:
    open_portfolio(at, ctx, "reviewer")
    assert metric(at, "Dossiers") == "4"  # not the draft that was never submitted


def test_table_export_is_audited_and_complete(at, ctx) -> None:
    open_portfolio(at, ctx, "officer")
    at.button(key="qs_pf_make_csv").click().run()
    [button] = at.get("download_button")
    assert "quickscan-portefeuille-" in button.proto.label
    with ctx.factory() as session:
        [event] = session.execute(
            select(AuditEvent).where(AuditEvent.action == "portfolio.export")
        ).scalars()
    assert (event.actor, event.result) == ("officer", "success")
    assert json.loads(event.details)["rows"] == 5


def test_a_dossier_opens_where_the_user_works_on_it(at, ctx) -> None:
    from tests.ui.conftest import dossier_id

    open_portfolio(at, ctx, "reviewer")
    submitted = dossier_id(ctx, "submitted")
    at.selectbox(key="qs_pf_pick").set_value(submitted).run()
    at.button(key="qs_pf_open").click().run()
    assert not at.exception
    assert at.query_params.get("dossier") in (str(submitted), [str(submitted)])


def test_the_trend_and_the_overdue_reassessments_follow_the_filter(at, ctx) -> None:
    """A plan approved 400 days ago is past its review date; the charts, their summary and
    the figures show the filtered dossiers month by month."""
    from datetime import UTC, datetime, timedelta

    from quickscan_app.services.context import ServiceContext
    from quickscan_app.services.portfolio import PortfolioFilter
    from quickscan_app.services.portfolio_trend import risk_trend
    from quickscan_app.ui.screens.portfolio import OPEN_STATUSES
    from tests.integration.helpers import approved_from_example
    from tests.ui.conftest import actor_named, html_tables, texts

    then = datetime.now(UTC) - timedelta(days=400)
    past = ServiceContext(ctx.engine, ctx.content, clock=lambda: then)
    officer, reviewer = actor_named(ctx, "officer"), actor_named(ctx, "reviewer")
    approved_from_example(
        past, officer, reviewer, "parcel-scanner-standalone.yaml", measures=2,
        title="Bagagescanners <Eindhoven>", reference="OUD-1",
    )  # fmt: skip
    open_portfolio(at, ctx, "admin")
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2  # without and with measures
    tables = html_tables(at)
    [due] = tables["reassessments-due"].to_dict("records")
    assert (due["Titel"], due["Kenmerk"]) == ("Bagagescanners <Eindhoven>", "OUD-1")
    assert int(due["Dagen nodig"]) == 400 - 365
    assert due["Waarom"] == "herbeoordelingsdatum verstreken"
    figures = tables["trend"]
    expected = risk_trend(
        ctx, actor_named(ctx, "admin"), PortfolioFilter(statuses=tuple(OPEN_STATUSES))
    )
    assert len(figures) == 12
    assert list(figures["Zonder maatregelen: laag"]) == [
        str(m.inherent["low"]) for m in expected.months
    ]
    assert list(figures["Restrisico: zeer hoog"]) == [
        str(m.residual["very_high"]) for m in expected.months
    ]
    assert expected.months[0].dossiers == 1  # only the old one was there a year ago
    assert f"Op {expected.months[-1].day:%d-%m-%Y}: " in texts(at)

    at.radio(key="qs_pf_months").set_value(24).run()
    assert len(html_tables(at)["trend"]) == 24
    at.text_input(key="qs_pf_text").set_value("niet te vinden")
    at.button(key="FormSubmitter:qs_portfolio_filters-Toepassen").click().run()
    assert "reassessments-due" not in html_tables(at)
    page = texts(at)
    assert "Geen herbeoordeling over datum." in page
    assert "Geen dossiers in deze periode." in page
