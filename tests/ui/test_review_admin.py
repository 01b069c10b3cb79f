"""The reviewer's decisions and the administrator's pages."""

from __future__ import annotations

from sqlalchemy import select

from quickscan_app.services import dossiers
from quickscan_app.store.models import Comment, Dossier, User
from tests.ui.conftest import actor_named, dossier_id, html_tables, review_tab, signed_in, texts


def review(at, ctx, who: str, dossier: int, tab: str = "Besluit"):
    signed_in(at, ctx, who)
    at.query_params["dossier"] = str(dossier)
    at.switch_page("views/review.py").run()
    return review_tab(at, tab)


def status(ctx, dossier: int) -> str:
    with ctx.factory() as session:
        return session.get(Dossier, dossier).status


def test_queue_lists_submitted_dossiers(at, ctx) -> None:
    signed_in(at, ctx, "reviewer")
    at.switch_page("views/review_queue.py").run()
    assert not at.exception
    assert "Wacht op beoordeling (1)" in [s.value for s in at.header]


def test_request_changes_needs_a_note_then_sends_back(at, ctx) -> None:
    sent = dossier_id(ctx, "submitted")
    review(at, ctx, "reviewer", sent)
    at.button(key="qs_request_changes").click().run()
    assert any("Licht toe" in e.value for e in at.error)
    assert status(ctx, sent) == "submitted"
    at.text_area(key="qs_decision_note").input("Onderbouw de keuze voor VPN.")
    at.button(key="qs_request_changes").click().run()
    assert status(ctx, sent) == "changes_requested"
    assert "Het dossier is teruggestuurd." in [s.value for s in at.success]


def test_approve_freezes_the_snapshot(at, ctx) -> None:
    sent = dossier_id(ctx, "submitted")
    review(at, ctx, "reviewer", sent)
    at.button(key="qs_approve").click().run()
    assert status(ctx, sent) == "approved"
    view = dossiers.get_dossier(ctx, actor_named(ctx, "admin"), sent)
    assert len(view.approvals) == 1 and len(view.approvals[0].sha256) == 64
    assert view.approvals[0].sha256 in texts(at)


def test_reviewer_cannot_approve_own_dossier(at, ctx) -> None:
    from quickscan_app.services import users
    from quickscan_app.services.context import system_actor

    users.set_roles(ctx, system_actor("test"), "officer", ["officer", "reviewer"])
    sent = dossier_id(ctx, "submitted")
    review(at, ctx, "officer", sent)
    assert any("eigen dossier" in w.value for w in at.warning)
    at.button(key="qs_approve").click().run()
    assert any("Vier-ogenprincipe" in e.value for e in at.error)
    assert status(ctx, sent) == "submitted"


def test_comment_on_a_section_reaches_the_officer(at, ctx) -> None:
    sent = dossier_id(ctx, "submitted")
    review(at, ctx, "reviewer", sent, tab="Antwoorden")
    form_areas = [a for a in at.text_area if a.label == "Opmerking bij deze sectie"]
    form_areas[5].input("Is de scheiding fysiek of logisch?")
    buttons = [b for b in at.button if b.label == "Opmerking plaatsen"]
    buttons[5].click().run()
    with ctx.factory() as session:
        comment = session.execute(select(Comment).order_by(Comment.id.desc())).scalars().first()
    assert (comment.target_kind, comment.body) == ("section", "Is de scheiding fysiek of logisch?")
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import APP

    officer = AppTest.from_file(str(APP), default_timeout=60)
    signed_in(officer, ctx, "officer")
    officer.query_params["dossier"] = str(sent)
    officer.query_params["step"] = comment.target_id
    officer.switch_page("views/dossier.py").run()
    assert any("Is de scheiding fysiek of logisch?" in i.value for i in officer.info)


def test_admin_pages(at, ctx) -> None:
    signed_in(at, ctx, "admin")
    at.switch_page("views/users.py").run()
    assert not at.exception
    assert "officer" in at.dataframe[0].value.to_string()
    at.switch_page("views/content.py").run()
    table = html_tables(at)["content"]
    row = table[table["Vragenlijst"].str.contains("scan-detection v1")].iloc[0]
    assert row["Vragen"] == "79"
    at.switch_page("views/audit.py").run()
    at.button(key="qs_verify").click().run()
    assert any("intact" in s.value for s in at.success)


def test_admin_adds_a_user(at, ctx) -> None:
    signed_in(at, ctx, "admin")
    at.switch_page("views/users.py").run()
    at.text_input(key="qs_new_user_name").input("kees")
    at.text_input(key="qs_new_user_display").input("Kees Visser")
    at.text_input(key="qs_new_user_email").input("kees@bvs.example")
    at.multiselect[-1].set_value(["reviewer"])
    at.text_input(key="qs_new_user_pw").input("een lang wachtwoord")
    next(b for b in at.button if b.label == "Gebruiker toevoegen").click().run()
    with ctx.factory() as session:
        kees = session.execute(select(User).where(User.name == "kees")).scalar_one()
        assert kees.display_name == "Kees Visser" and kees.role_names == {"reviewer"}
        assert kees.email == "kees@bvs.example"


def test_admin_sets_and_clears_an_e_mail_address(at, ctx) -> None:
    signed_in(at, ctx, "admin")
    at.switch_page("views/users.py").run()
    at.selectbox[0].select("officer").run()
    at.text_input(key="qs_user_email_officer").input("olga@inkoop.example")
    at.button(key="FormSubmitter:change_user-Opslaan").click().run()
    assert not at.error

    def stored() -> str | None:
        with ctx.factory() as session:
            return session.execute(select(User.email).where(User.name == "officer")).scalar()

    assert stored() == "olga@inkoop.example"
    at.text_input(key="qs_user_email_officer").input("geen adres")
    at.button(key="FormSubmitter:change_user-Opslaan").click().run()
    assert stored() == "olga@inkoop.example"  # refused, named
    assert [e.value for e in at.error] == [
        "'geen adres' is geen bruikbaar e-mailadres: een naam, een @ en een domein zoals "
        "organisatie.nl."
    ]
    at.text_input(key="qs_user_email_officer").input("")
    at.button(key="FormSubmitter:change_user-Opslaan").click().run()
    assert stored() is None
