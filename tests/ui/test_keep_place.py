"""Pages that keep their place: a plan edit is one click and one page run with its outcome in
the measure's box; a dossier that cannot be edited reads as text; the reviewer's page stays on
the chosen section after an action, with the message there."""

from __future__ import annotations

import pytest
import streamlit
from sqlalchemy import select

from quickscan_app.services import users
from quickscan_app.services.context import system_actor
from quickscan_app.store.models import Dossier, PlanItem
from tests.ui.conftest import dossier_id, html_tables, review_tab, signed_in
from tests.ui.test_wizard import open_step


@pytest.fixture
def reruns(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the extra page runs the app asks for (``st.rerun``) on top of the one a click
    always causes."""
    calls: list[int] = []
    original = streamlit.rerun

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(streamlit, "rerun", counted)
    return calls


def plan_items(ctx, dossier: int) -> list[tuple[str, str, str | None]]:
    with ctx.factory() as session:
        rows = session.execute(select(PlanItem).where(PlanItem.dossier_id == dossier)).scalars()
        return sorted((i.measure_id, i.decision, i.owner) for i in rows)


def test_taking_a_measure_into_the_plan_is_one_click_and_one_run(at, ctx, reruns) -> None:
    draft = dossier_id(ctx, "draft")
    open_step(at, ctx, draft, "plan")
    picker = at.selectbox(key="qs_pick_measure")
    measure = picker.options[0].split(" (")[0]
    picker.select_index(0).run()
    reruns.clear()
    at.text_input[0].input("Contractmanager")
    next(b for b in at.button if b.label == "Opnemen in plan").click().run()
    assert not at.exception
    assert reruns == []  # the save ran before the page was drawn: no second run
    assert [(d, o) for _, d, o in plan_items(ctx, draft)] == [("selected", "Contractmanager")]
    assert "Opgenomen in het plan." in [s.value for s in at.success]
    chosen = html_tables(at)["chosen"]
    assert list(chosen["Maatregel"]) == [measure]
    assert list(chosen["Eigenaar"]) == ["Contractmanager"]
    # The form now starts from what is stored; a refusal shows in the same box.
    next(b for b in at.button if b.label == "Afwijzen").click().run()
    assert reruns == []
    assert any("motivering" in e.value for e in at.error)
    assert [(d, o) for _, d, o in plan_items(ctx, draft)] == [("selected", "Contractmanager")]
    at.button(key=f"remove_{plan_items(ctx, draft)[0][0]}").click().run()
    assert plan_items(ctx, draft) == [] and reruns == []
    assert "Uit het plan gehaald: het is weer een voorstel." in [s.value for s in at.success]


def test_a_submitted_dossier_reads_as_text_without_form_controls(at, ctx) -> None:
    sent = dossier_id(ctx, "submitted")
    open_step(at, ctx, sent, "network")
    assert not at.exception
    assert not at.radio and not at.multiselect and not at.number_input
    [listing] = [h.value for h in at.html if "data-answers" in h.value]
    assert "<dt>" in listing and "<dd>" in listing
    draft = dossier_id(ctx, "draft")
    open_step(at, ctx, draft, "network")
    assert at.radio  # an editable dossier still asks


def test_the_reviewer_stays_on_the_chosen_section_after_an_action(at, ctx) -> None:
    users.set_roles(ctx, system_actor("test"), "officer", ["officer", "reviewer"])
    sent = dossier_id(ctx, "submitted")
    signed_in(at, ctx, "officer")  # now also a reviewer, but this is their own dossier
    at.query_params["dossier"] = str(sent)
    at.switch_page("views/review.py").run()
    assert at.get("html") and not [b for b in at.button if b.key == "qs_approve"]
    review_tab(at, "Besluit")
    at.button(key="qs_approve").click().run()
    assert any("Vier-ogenprincipe" in e.value for e in at.error)
    assert [b for b in at.button if b.key == "qs_approve"]  # still on the decision section
    review_tab(at, "Antwoorden")
    areas = [a for a in at.text_area if a.label == "Opmerking bij deze sectie"]
    areas[0].input("Klopt de planning?")
    next(b for b in at.button if b.label == "Opmerking plaatsen").click().run()
    assert not at.exception
    assert [a for a in at.text_area if a.label == "Opmerking bij deze sectie"]  # same section
    assert "Opmerking geplaatst." in [s.value for s in at.success]
    with ctx.factory() as session:
        assert session.get(Dossier, sent).status == "submitted"


def test_tasks_every_contract_needs_have_their_own_list(at, ctx) -> None:
    from quickscan_app.engine.proposals import ProposalKind
    from quickscan_app.services import dossiers
    from tests.ui.conftest import actor_named

    container = dossier_id(ctx, "approved")  # the demo's container scanners: many proposals
    view = dossiers.get_dossier(ctx, actor_named(ctx, "admin"), container)
    titles = view.library.catalogue.by_id
    shortlist = [p for p in view.assessment.proposals if p.core]
    tasks = {titles[p.measure_id].title.get("nl") for p in shortlist
             if p.kind is ProposalKind.OBLIGATION}  # fmt: skip
    against_risk = {titles[p.measure_id].title.get("nl") for p in shortlist
                    if p.kind is not ProposalKind.OBLIGATION}  # fmt: skip
    assert tasks and against_risk
    open_step(at, ctx, container, "plan")
    assert not at.exception
    shown = html_tables(at)
    assert set(shown["tasks"]["Maatregel"]) == tasks
    assert against_risk <= set(shown["measures"]["Maatregel"])
    assert not tasks & set(shown["measures"]["Maatregel"])
    assert "Voorstel" not in shown["tasks"].columns
