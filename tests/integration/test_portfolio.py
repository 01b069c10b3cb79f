"""The portfolio dashboard's data on SQLite and PostgreSQL: who sees what, filters, deadlines,
overdue measures, the residual heatmap, paging, and a risk cache that follows every change."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from quickscan_app.services import dossiers, plan, workflow
from quickscan_app.services.context import ServiceContext
from quickscan_app.services.portfolio import PortfolioFilter, portfolio, portfolio_rows
from tests.integration.helpers import answer_all

TODAY = date(2027, 3, 1)


@pytest.fixture
def fixed(engine, mini_content) -> ServiceContext:
    return ServiceContext(engine, mini_content, clock=lambda: datetime(2027, 3, 1, 9, tzinfo=UTC))


def make(ctx, owner, title: str, **meta) -> int:
    return dossiers.create_dossier(ctx, owner, {"title": title, **meta})


@pytest.fixture
def three(fixed, people) -> dict[str, int]:
    """Soon (publication in 10 days, high risk, an overdue measure), later (in 90 days, low
    risk, submitted) and done (publication in 5 days but approved)."""
    soon = make(fixed, people.olga, "Scanners 100% Rotterdam", reference="R-1",
                contracting_authority="Douane", object_category="x_ray",
                planned_publication_date=date(2027, 3, 11))  # fmt: skip
    current = answer_all(fixed, people.olga, soon)  # internet, VPN: espionage raised
    plan.select_measure(fixed, people.olga, soon, "jump_host", current,
                        due_date=date(2027, 2, 1), owner="IV")  # fmt: skip
    later = make(fixed, people.olga, "Portalen Schiphol", contracting_authority="KMar",
                 object_category="portal", planned_publication_date=date(2027, 5, 30))  # fmt: skip
    current = answer_all(
        fixed, people.olga, later,
        {"connectivity": "stand_alone", "remote": "no", "fleet_share": 10},
    )  # fmt: skip
    workflow.submit(fixed, people.olga, later, current)
    done = make(fixed, people.olga, "Afgerond", contracting_authority="Douane",
                object_category="x_ray", planned_rfq_date=date(2027, 3, 6))  # fmt: skip
    current = answer_all(fixed, people.olga, done)
    current = workflow.submit(fixed, people.olga, done, current)
    workflow.approve(fixed, people.rita, done, current)
    return {"soon": soon, "later": later, "done": done}


def ids(result) -> list[int]:
    return [r.id for r in result.rows]


def test_each_user_sees_only_their_dossiers(fixed, people, three) -> None:
    assert portfolio(fixed, people.olga).total == 3
    assert portfolio(fixed, people.otto).total == 0
    assert set(ids(portfolio(fixed, people.rita))) == {three["later"], three["done"]}
    assert portfolio(fixed, people.anna).total == 3


def test_key_figures_deadlines_and_overdue_measures(fixed, people, three) -> None:
    result = portfolio(fixed, people.olga)
    assert result.by_status == {"draft": 1, "submitted": 1, "approved": 1}
    assert result.flagged == 1  # "soon"; "done" is approved, "later" is 90 days away
    assert result.overdue_measures == 1
    first = result.rows[0]
    assert (first.id, first.flagged, first.overdue_measures) == (three["soon"], True, 1)
    assert first.days_left(TODAY) == 10
    assert [r.flagged for r in result.rows[1:]] == [False, False]


def test_residual_heatmap_counts_every_scenario(fixed, people, three) -> None:
    result = portfolio(fixed, people.olga)
    assert sum(result.heatmap.values()) == 3 * 2  # three dossiers, two scenarios each
    assert sum(result.by_residual.values()) == 3


def test_filters(fixed, people, three) -> None:
    def kept(**criteria) -> set[int]:
        return {r.id for r in portfolio(fixed, people.olga, PortfolioFilter(**criteria)).rows}

    assert kept(statuses=("submitted",)) == {three["later"]}
    assert kept(authorities=("Douane",)) == {three["soon"], three["done"]}
    assert kept(categories=("portal",)) == {three["later"]}
    assert kept(publication_from=date(2027, 3, 7)) == {three["soon"], three["later"]}
    assert kept(publication_to=date(2027, 3, 10)) == {three["done"]}
    assert kept(text="100%") == {three["soon"]}  # % is a character, not a wildcard
    assert kept(text="r-1") == {three["soon"]}
    assert kept(flagged_only=True) == {three["soon"]}
    low = portfolio(fixed, people.olga, PortfolioFilter(residual_levels=("low",)))
    assert low.rows and {r.residual_level for r in low.rows} == {"low"}
    assert three["done"] not in ids(low)  # no measures chosen: residual stays at its level
    assert portfolio(fixed, people.olga).choices["authorities"] == ["Douane", "KMar"]


def test_paging_keeps_the_figures_of_everything(fixed, people, three) -> None:
    first = portfolio(fixed, people.olga, page=0, page_size=2)
    second = portfolio(fixed, people.olga, page=1, page_size=2)
    assert (first.total, first.pages, len(first.rows), len(second.rows)) == (3, 2, 2, 1)
    assert set(ids(first)) | set(ids(second)) == set(three.values())
    assert len(portfolio_rows(fixed, people.olga, PortfolioFilter())) == 3


def test_the_risk_follows_every_change(fixed, people, three) -> None:
    soon = three["soon"]
    before = {r.id: r for r in portfolio(fixed, people.olga).rows}[soon]
    current = dossiers.get_dossier(fixed, people.olga, soon).dossier.lock_version
    for question, value in {"connectivity": "stand_alone", "remote": "no"}.items():
        current = dossiers.save_answer(fixed, people.olga, soon, question, value, current)
    after = {r.id: r for r in portfolio(fixed, people.olga).rows}[soon]
    assert before.overall_level != after.overall_level
    assert (
        after.overall_level
        == dossiers.get_dossier(fixed, people.olga, soon).assessment.overall_level.value
    )


def test_a_deactivated_account_sees_nothing_any_more(fixed, people, three) -> None:
    from quickscan_app.services import users
    from quickscan_app.services.context import system_actor
    from quickscan_app.services.errors import PermissionDenied

    users.set_active(fixed, system_actor("test"), "olga", False)
    with pytest.raises(PermissionDenied):
        portfolio(fixed, people.olga)
    with pytest.raises(PermissionDenied):
        portfolio_rows(fixed, people.olga, PortfolioFilter())


def test_a_server_without_the_content_version_leaves_the_cache_to_others(engine, people) -> None:
    from quickscan_app.content import default_content_paths, load_content
    from tests.conftest import FIXTURES, MINI

    paths = default_content_paths(MINI) + default_content_paths(FIXTURES / "mini_v2")
    both = ServiceContext(engine, load_content(paths))
    only_v1 = ServiceContext(engine, load_content(default_content_paths(MINI)))
    on_v2 = dossiers.create_dossier(both, people.olga, {"title": "Op versie 2"})
    assert {r.id: r.overall_level for r in portfolio(only_v1, people.olga).rows}[on_v2] is None
    assert {r.id: r.overall_level for r in portfolio(both, people.olga).rows}[on_v2] is not None
