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
    assert metric(at, "Dossiers") == "4"
    assert metric(at, "Goedgekeurd") == "1"
    at.multiselect(key="qs_pf_status").set_value(["approved"])
    at.button(key="FormSubmitter:qs_portfolio_filters-Toepassen").click().run()
    assert metric(at, "Dossiers") == "1"
    [table] = [d.value for d in at.dataframe if "Titel" in d.value.columns]
    assert list(table["Status"]) == ["Goedgekeurd"]


def test_reviewer_sees_only_what_is_under_review_or_decided(at, ctx) -> None:
    open_portfolio(at, ctx, "reviewer")
    assert metric(at, "Dossiers") == "3"  # not the draft that was never submitted


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
    assert json.loads(event.details)["rows"] == 4


def test_a_dossier_opens_where_the_user_works_on_it(at, ctx) -> None:
    from tests.ui.conftest import dossier_id

    open_portfolio(at, ctx, "reviewer")
    submitted = dossier_id(ctx, "submitted")
    at.selectbox(key="qs_pf_pick").set_value(submitted).run()
    at.button(key="qs_pf_open").click().run()
    assert not at.exception
    assert at.query_params.get("dossier") in (str(submitted), [str(submitted)])
