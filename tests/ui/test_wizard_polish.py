"""Issue 13, small items: step buttons below the step too, no duplicate panels or notices,
one label for unknown answers, Dutch placeholders, the add-user form keeping its input, and
refusals entirely in Dutch."""

from __future__ import annotations

from sqlalchemy import select

from quickscan_app.services import dossiers
from quickscan_app.store.models import Answer, User
from tests.ui.conftest import actor_named, dossier_id, review_tab, signed_in, texts
from tests.ui.test_wizard import new_draft, open_step

DUTCH_PLACEHOLDERS = {"Kies een optie", "Kies een of meer opties", "Kies een maatregel",
                      "Kies een dossier"}  # fmt: skip


def header(at) -> str:
    return at.header[0].value


def test_the_step_buttons_below_the_step_work_like_those_above(at, ctx) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "procurement")
    assert at.button(key="qs_back_bottom").disabled and at.button(key="qs_back").disabled
    at.button(key="qs_next_bottom").click().run()
    assert header(at).startswith("1. ")  # stays once, pointing at the open required questions
    assert any("verplichte vragen open" in w.value for w in at.warning)
    at.button(key="qs_next_bottom").click().run()
    assert header(at).startswith("2. ")
    at.button(key="qs_back_bottom").click().run()
    assert header(at).startswith("1. ")


def test_the_results_step_shows_the_risk_panel_once(at, ctx) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "results")
    assert not at.exception
    panels = [m for m in at.markdown if m.value == "### Risicobeeld"]
    assert len(panels) == 1


def test_after_submitting_the_status_notice_shows_once(at, ctx) -> None:
    draft = dossier_id(ctx, "draft")
    open_step(at, ctx, draft, "submit")
    at.button(key="qs_submit").click().run()
    at.button(key="qs_submit_confirm").click().run()
    notices = [i.value for i in at.info if "kan nu niet worden gewijzigd" in i.value]
    assert len(notices) == 1


def test_the_reviewer_reads_an_unknown_answer_as_the_officer_chose_it(at, ctx) -> None:
    sent = dossier_id(ctx, "submitted")
    library = dossiers.get_dossier(ctx, actor_named(ctx, "admin"), sent).library
    with ctx.factory() as session, session.begin():
        rows = session.execute(select(Answer).where(Answer.dossier_id == sent)).scalars()
        row = next(r for r in rows if library.questionnaire.by_id[r.question_id].allow_unknown
                   and r.value != "unknown")  # fmt: skip
        row.value = "unknown"  # as the officer's "Weet ik niet" stores it
    signed_in(at, ctx, "reviewer")
    at.query_params["dossier"] = str(sent)
    at.switch_page("views/review.py").run()
    assert not at.exception
    shown = texts(at)
    assert "Weet ik niet" in shown
    assert "onbekend" not in shown


def choice_widgets(at) -> list:
    return [*at.get("selectbox"), *at.get("multiselect")]


def test_every_selectbox_and_multiselect_has_a_dutch_placeholder(at, ctx) -> None:
    draft = dossier_id(ctx, "draft")
    seen = []
    for step in ("network", "remote_access", "plan", "submit"):
        open_step(at, ctx, draft, step)
        if step == "plan":
            at.selectbox(key="qs_pick_measure").select_index(0).run()
        seen += choice_widgets(at)
    signed_in(at, ctx, "admin").run()  # the pages registered for the new user
    for page in ("views/users.py", "views/portfolio.py"):
        at.switch_page(page).run()
        seen += choice_widgets(at)
    signed_in(at, ctx, "officer").run()
    at.switch_page("views/new_dossier.py").run()
    seen += choice_widgets(at)
    signed_in(at, ctx, "reviewer").run()
    at.query_params["dossier"] = str(dossier_id(ctx, "submitted"))
    at.switch_page("views/review.py").run()
    for tab in ("Antwoorden", "Plan", "Besluit"):
        seen += choice_widgets(review_tab(at, tab))
    assert not at.exception
    assert len(seen) > 15
    assert {w.proto.placeholder for w in seen} <= DUTCH_PLACEHOLDERS


def test_a_refused_new_user_keeps_what_was_typed_and_the_error_is_dutch(at, ctx) -> None:
    signed_in(at, ctx, "admin")
    at.switch_page("views/users.py").run()
    at.text_input(key="qs_new_user_name").input("nieuwe collega")
    at.text_input(key="qs_new_user_display").input("Nieuwe Collega")
    at.multiselect(key="qs_new_user_roles").set_value(["officer"])
    at.text_input(key="qs_new_user_pw").input("een-lang-wachtwoord-2027")
    at.button(key="FormSubmitter:add_user-Gebruiker toevoegen").click().run()
    assert "Ongeldige waarde voor 'naam': 1 tot 64 tekens, zonder spaties" in [
        e.value for e in at.error
    ]
    assert at.text_input(key="qs_new_user_name").value == "nieuwe collega"
    assert at.text_input(key="qs_new_user_display").value == "Nieuwe Collega"
    assert at.multiselect(key="qs_new_user_roles").value == ["officer"]
    at.text_input(key="qs_new_user_name").input("nieuwe.collega")
    at.button(key="FormSubmitter:add_user-Gebruiker toevoegen").click().run()
    assert not at.error
    with ctx.factory() as session:
        assert session.execute(select(User).where(User.name == "nieuwe.collega")).scalar_one()
    assert at.text_input(key="qs_new_user_name").value == ""
    assert "Opgeslagen" in texts(at) or at.success
