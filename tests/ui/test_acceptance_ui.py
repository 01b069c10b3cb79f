"""The risk owner's page: what waits, the residual risk, accept with reasons or send back."""

from __future__ import annotations

from quickscan_app.services import dossiers
from tests.ui.conftest import actor_named, dossier_id, html_tables, signed_in, status_of


def open_acceptance(at, ctx):
    signed_in(at, ctx, "risk_owner")
    at.switch_page("views/acceptance.py").run()
    waiting = dossier_id(ctx, "awaiting_acceptance")
    at.selectbox(key="qs_acceptance_waiting").select(waiting).run()
    return waiting


def test_the_risk_owner_accepts_with_reasons_and_the_plan_is_approved(at, ctx) -> None:
    waiting = open_acceptance(at, ctx)
    assert not at.exception
    assert "Wacht op uw acceptatie (1)" in [h.value for h in at.header]
    residual = html_tables(at)["residual"]
    assert {"hoog", "zeer hoog"} & set(residual["Niveau"])
    assert any("Goedgekeurd door de beveiligingsadviseur Ruben Bakker" in i.value for i in at.info)
    at.button(key="qs_accept").click().run()
    assert any("Motiveer het besluit" in e.value for e in at.error)
    assert status_of(ctx, waiting) == "awaiting_acceptance"
    at.text_area(key=f"qs_accept_why_{waiting}").input("Aanvaardbaar tot de vervanging in 2028.")
    at.text_area(key=f"qs_accept_conditions_{waiting}").input("Kwartaalrapportage <b>toegang</b>.")
    at.button(key="qs_accept").click().run()
    assert not at.exception
    assert status_of(ctx, waiting) == "approved"
    accepted = "Het restrisico is geaccepteerd; het plan is goedgekeurd."
    assert accepted in [s.value for s in at.success]
    history = html_tables(at)["acceptance_history"]
    assert list(history["Voorwaarden (optioneel)"]) == ["Kwartaalrapportage <b>toegang</b>."]
    view = dossiers.get_dossier(ctx, actor_named(ctx, "admin"), waiting)
    assert view.approvals and view.approvals[0].review_date is not None


def test_the_risk_owner_refuses_and_the_officer_gets_it_back(at, ctx) -> None:
    waiting = open_acceptance(at, ctx)
    at.text_area(key=f"qs_accept_why_{waiting}").input("Te hoog: spreid over twee leveranciers.")
    at.button(key="qs_refuse").click().run()
    assert not at.exception
    assert status_of(ctx, waiting) == "changes_requested"
    signed_in(at, ctx, "officer").run()
    at.query_params["dossier"] = str(waiting)
    at.switch_page("views/dossier.py").run()
    assert any("spreid over twee leveranciers" in w.value for w in at.warning)


def test_the_reviewer_is_told_a_high_residual_goes_to_the_risk_owner(at, ctx) -> None:
    from tests.ui.conftest import review_tab

    sent = dossier_id(ctx, "submitted")
    signed_in(at, ctx, "reviewer")
    at.query_params["dossier"] = str(sent)
    at.switch_page("views/review.py").run()
    review_tab(at, "Besluit")
    assert at.date_input(key="qs_review_date").value is None
    # the demo's submitted dossier has a medium residual: approved at once
    assert not any("risico-eigenaar" in i.value for i in at.info)


def test_a_change_of_set_up_opens_a_revision_shows_then_and_now_and_needs_reassessment(
    at, ctx
) -> None:
    from quickscan_app.services import dossiers as dossier_service
    from tests.ui.test_wizard import open_step

    approved = dossier_id(ctx, "approved")
    open_step(at, ctx, approved, "submit")
    assert not at.exception
    form_note = next(a for a in at.text_area if a.label == "Wat verandert er? (verplicht)")
    form_note.input("Koppeling met het Douanenetwerk voor centrale beeldanalyse")
    next(b for b in at.button if b.label.startswith("Wijziging vastleggen")).click().run()
    assert not at.exception
    assert status_of(ctx, approved) == "draft"
    officer = actor_named(ctx, "officer")
    current = dossier_service.get_dossier(ctx, officer, approved).dossier.lock_version
    dossier_service.save_answer(ctx, officer, approved, "network_connectivity",
                                ["customs_network"], current)  # fmt: skip
    open_step(at, ctx, approved, "results")
    assert not at.exception
    notice = next(w.value for w in at.warning if "Herbeoordeling nodig" in w.value)
    assert "Gewijzigd" in notice
    table = html_tables(at)["before_after"]
    assert list(table.columns)[1:] == ["Risico bij goedkeuring", "Risico nu",
                                       "Restrisico bij goedkeuring", "Restrisico nu"]  # fmt: skip
    assert (table["Risico bij goedkeuring"] != "–").all()


def test_the_risk_owner_lands_on_the_inbox_and_opens_the_acceptance(at, ctx) -> None:
    waiting = dossier_id(ctx, "awaiting_acceptance")
    signed_in(at, ctx, "risk_owner").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Te doen"]
    [item] = [b for b in at.button if b.key and b.key.startswith("qs_inbox_accept")]
    item.click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Restrisico accepteren"]
    assert "residual" in html_tables(at)
    assert at.query_params["dossier"] in (str(waiting), [str(waiting)])
