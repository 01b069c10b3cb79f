"""The officer's wizard: conditional questions, autosave, required messages, unknown, plan,
submit, and user text shown literally."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from quickscan_app.services import dossiers
from quickscan_app.store.models import Answer, Dossier, PlanItem
from tests.ui.conftest import actor_named, signed_in, texts


def new_draft(ctx, title: str = "Scanner Eemshaven") -> int:
    return dossiers.create_dossier(ctx, actor_named(ctx, "officer"), {"title": title})


def open_step(at, ctx, dossier: int, step: str):
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(dossier)
    at.query_params["step"] = step
    return at.switch_page("views/dossier.py").run()


def stored(ctx, dossier: int) -> dict:
    with ctx.factory() as session:
        rows = session.execute(select(Answer).where(Answer.dossier_id == dossier)).scalars()
        return {row.question_id: row.value for row in rows}


def key(dossier: int, question: str) -> str:
    return f"q__{dossier}__{question}"


def test_conditional_question_appears_and_answer_is_saved_at_once(at, ctx) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "remote_access")
    assert not at.exception
    assert not [w for w in at.get("multiselect") if w.key == key(dossier, "remote_channel")]
    at.radio(key=key(dossier, "remote_maintenance")).set_value("yes").run()
    assert stored(ctx, dossier)["remote_maintenance"] == "yes"
    channel = at.multiselect(key=key(dossier, "remote_channel"))
    channel.set_value(["mobile_data"]).run()
    assert stored(ctx, dossier)["remote_channel"] == ["mobile_data"]
    # the live panel explains the new risk
    assert "mobiele dataverbinding" in texts(at).lower()
    at.radio(key=key(dossier, "remote_maintenance")).set_value("no").run()
    assert not [w for w in at.get("multiselect") if w.key == key(dossier, "remote_channel")]


def test_unknown_is_saved_and_listed_as_open_point(at, ctx) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "remote_access")
    at.radio(key=key(dossier, "default_passwords")).set_value("unknown").run()
    assert stored(ctx, dossier)["default_passwords"] == "unknown"
    at.query_params["step"] = "results"
    at.run()
    assert "Open punten" in texts(at)


def test_required_questions_are_pointed_out_before_moving_on(at, ctx) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "procurement")
    at.button(key="qs_next").click().run()
    assert at.query_params["step"] == ["procurement"] or at.query_params.get("step") in (
        "procurement",
        ["procurement"],
    )
    warnings = [w.value for w in at.warning]
    assert any("verplichte vragen open" in w for w in warnings)
    assert "Deze vraag is verplicht." in warnings
    at.button(key="qs_next").click().run()
    assert "2. " in at.header[0].value  # second click goes on anyway


def test_answers_survive_a_new_session(at, ctx, ui_db) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "network")
    at.multiselect(key=key(dossier, "network_connectivity")).set_value(
        ["closed_scan_network"]
    ).run()
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import APP

    fresh = AppTest.from_file(str(APP), default_timeout=60)
    open_step(fresh, ctx, dossier, "network")
    assert fresh.multiselect(key=key(dossier, "network_connectivity")).value == [
        "closed_scan_network"
    ]


def test_stale_save_is_refused_with_a_message(at, ctx) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "remote_access")
    # the same officer changes the dossier in another tab
    dossiers.save_answer(ctx, actor_named(ctx, "officer"), dossier, "default_passwords", "no", 1)
    at.radio(key=key(dossier, "remote_maintenance")).set_value("yes").run()
    assert any("intussen gewijzigd" in e.value for e in at.error)
    assert "remote_maintenance" not in stored(ctx, dossier)
    assert at.radio(key=key(dossier, "default_passwords")).value == "no"


def test_plan_editor_accepts_and_rejects_measures(at, ctx) -> None:
    with ctx.factory() as session:
        draft = session.execute(select(Dossier.id).where(Dossier.status == "draft")).scalar_one()
    open_step(at, ctx, draft, "plan")
    assert not at.exception
    picker = at.selectbox(key="qs_pick_measure")
    first = picker.options[0]
    picker.select_index(0).run()
    form_button = next(b for b in at.button if b.label == "Opnemen in plan")
    at.text_input[0].input("Contractmanager")
    form_button.click().run()
    with ctx.factory() as session:
        items = (
            session.execute(select(PlanItem).where(PlanItem.dossier_id == draft)).scalars().all()
        )
    assert [(i.decision, i.owner) for i in items] == [("selected", "Contractmanager")]
    assert first
    picker = at.selectbox(key="qs_pick_measure")
    picker.select_index(1).run()
    reject = next(b for b in at.button if b.label == "Afwijzen")
    reject.click().run()
    assert any("motivering" in e.value for e in at.error)
    at.text_area[0].input("Niet nodig: het apparaat staat los van elk netwerk.")
    next(b for b in at.button if b.label == "Afwijzen").click().run()
    with ctx.factory() as session:
        decisions = sorted(
            i.decision
            for i in session.execute(select(PlanItem).where(PlanItem.dossier_id == draft)).scalars()
        )
    assert decisions == ["rejected", "selected"]


def test_submit_from_the_wizard(at, ctx) -> None:
    with ctx.factory() as session:
        draft = session.execute(select(Dossier.id).where(Dossier.status == "draft")).scalar_one()
    open_step(at, ctx, draft, "submit")
    assert not at.exception
    at.button(key="qs_submit").click().run()
    at.button(key="qs_submit_confirm").click().run()  # after saying what happens
    with ctx.factory() as session:
        assert session.get(Dossier, draft).status == "submitted"
    assert any("Ingediend" in c for c in texts(at).splitlines())


def test_submit_is_blocked_while_questions_are_open(at, ctx) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "submit")
    assert at.button(key="qs_submit").disabled
    assert any("verplichte vragen open" in w.value for w in at.warning)


def test_hostile_title_is_shown_literally(at, ctx) -> None:
    hostile = '<font color="red">&amp;</b> **vet** [klik](http://evil.example) :red[rood] $x^2$'
    dossier = new_draft(ctx, hostile)
    open_step(at, ctx, dossier, "procurement")
    shown = at.title[0].value
    for piece in ("<font", "&amp;", "**vet**", "[klik]", ":red[rood]", "$x^2$"):
        assert piece.replace("[", "\\[") in shown or all(ch in shown for ch in piece)
    assert "\\*\\*vet\\*\\*" in shown and "\\[klik\\]" in shown and "\\<font" in shown


def test_new_dossier_form(at, ctx) -> None:
    signed_in(at, ctx, "officer")
    at.switch_page("views/new_dossier.py").run()
    submit = at.button(key="FormSubmitter:new_dossier-Dossier aanmaken")
    submit.click().run()
    assert "Vul de titel van de opdracht in." in [e.value for e in at.error]
    at.text_input[0].input("Stralingspoorten Maasvlakte II")
    at.selectbox[1].select("open").run() if False else None
    at.button(key="FormSubmitter:new_dossier-Dossier aanmaken").click().run()
    assert not at.exception
    with ctx.factory() as session:
        created = session.execute(
            select(Dossier).where(Dossier.title == "Stralingspoorten Maasvlakte II")
        ).scalar_one()
    assert created.status == "draft" and created.questionnaire_version == 2


def publication_column(ctx, dossier: int) -> date | None:
    with ctx.factory() as session:
        return session.get(Dossier, dossier).planned_publication_date


def caption(at) -> str:
    return at.caption[0].value.replace("\\", "")  # markdown escapes


def near(at) -> int:
    """The officer's overview, and how many of its dossiers are flagged."""
    at.query_params.clear()  # with a dossier in the address it would go straight there
    at.switch_page("views/my_dossiers.py").run()
    return int(next(m.value for m in at.metric if m.label == "Publicatie nabij"))


def test_publication_date_set_in_the_wizard_is_the_dossiers_date(at, ctx) -> None:
    dossier = new_draft(ctx)
    signed_in(at, ctx, "officer")
    flagged_before = near(at)
    soon = datetime.now(UTC).date() + timedelta(days=10)
    open_step(at, ctx, dossier, "procurement")
    at.date_input(key=key(dossier, "planned_publication_date")).set_value(soon).run()
    assert stored(ctx, dossier)["planned_publication_date"] == soon.isoformat()
    assert publication_column(ctx, dossier) == soon
    assert f"publicatie {soon:%d-%m-%Y}" in caption(at)
    assert near(at) == flagged_before + 1  # the overview flags the date given in the wizard

    later = soon + timedelta(days=200)
    open_step(at, ctx, dossier, "procurement")
    at.date_input(key=key(dossier, "planned_publication_date")).set_value(later).run()
    assert publication_column(ctx, dossier) == later
    assert f"publicatie {later:%d-%m-%Y}" in caption(at)
    at.date_input(key=key(dossier, "planned_publication_date")).set_value(None).run()
    assert "planned_publication_date" not in stored(ctx, dossier)
    assert publication_column(ctx, dossier) is None
    assert "publicatie" not in caption(at)
    assert near(at) == flagged_before


def test_new_dossier_form_answers_the_publication_date_with_the_dossier(at, ctx) -> None:
    signed_in(at, ctx, "officer")
    at.switch_page("views/new_dossier.py").run()
    at.text_input[0].input("Portaalmonitoren Moerdijk")
    at.date_input[1].set_value(date(2027, 5, 3))  # the first is the request for quotation
    at.button(key="FormSubmitter:new_dossier-Dossier aanmaken").click().run()
    assert not at.exception
    with ctx.factory() as session:
        created = session.execute(
            select(Dossier).where(Dossier.title == "Portaalmonitoren Moerdijk")
        ).scalar_one()
    assert created.planned_publication_date == date(2027, 5, 3)
    # The date is answered in the transaction that created the dossier (version 1); the form's
    # classification (version 2 asks the dossier's own classification) is the one save after it.
    assert created.lock_version == 2
    assert stored(ctx, created.id) == {
        "planned_publication_date": "2027-05-03", "dossier_classification": "not_classified",
    }  # fmt: skip
    assert created.classification == "Niet gerubriceerd"
