"""The review loop as both sides see it: the reviewer's request on top of the officer's
dossier (with its round), the conversation thread, comment markers in the step list and the
plan table, submitting with a note and a confirmation, the approval note, and what changed
since the previous round."""

from __future__ import annotations

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from quickscan_app.services import dossiers, plan, workflow
from quickscan_app.store.models import Comment, Decision, Dossier
from tests.ui.conftest import (
    APP,
    actor_named,
    dossier_id,
    html_tables,
    review_tab,
    signed_in,
    texts,
)

THREAD = "Gesprek met de beveiligingsadviseur"
FIRST_NOTE = "Maatregelen voor toegang op afstand ontbreken"


def officer_page(ctx, dossier: int, step: str = "procurement") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(dossier)
    at.query_params["step"] = step
    return at.switch_page("views/dossier.py").run()


def review_page(ctx, dossier: int, tab: str = "Besluit") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    signed_in(at, ctx, "reviewer")
    at.query_params["dossier"] = str(dossier)
    at.switch_page("views/review.py").run()
    return review_tab(at, tab)


def version(ctx, dossier: int) -> int:
    with ctx.factory() as session:
        return session.get(Dossier, dossier).lock_version


def status(ctx, dossier: int) -> str:
    with ctx.factory() as session:
        return session.get(Dossier, dossier).status


def decisions(ctx, dossier: int) -> list[Decision]:
    with ctx.factory() as session:
        query = select(Decision).where(Decision.dossier_id == dossier).order_by(Decision.id)
        return list(session.execute(query).scalars())


def thread(at: AppTest) -> str:
    expander = next(e for e in at.expander if e.label.startswith(THREAD))
    return "\n".join(m.value for m in expander.markdown)


def plain(text: str) -> str:
    return text.replace("\\", "")  # markdown escapes


def test_the_request_for_changes_reaches_the_officer_with_its_round(ctx) -> None:
    back = dossier_id(ctx, "changes_requested")
    at = officer_page(ctx, back)
    assert not at.exception
    notice = next(w.value for w in at.warning if "vraagt wijzigingen" in w.value)
    assert "Ronde 1" in notice and FIRST_NOTE in plain(notice)
    # The whole thread: the submission, the reviewer's section comment with its target, the
    # decision with its note.
    first = plain(thread(at))
    assert "Ronde 1" in first and "Ingediend" in first and "Wijzigingen gevraagd" in first
    assert "Sectie 7. Onderhoud en toegang op afstand" in first and "springserver" in first

    # Round two: the officer answers with a note, the reviewer sends it back again.
    officer, reviewer = actor_named(ctx, "officer"), actor_named(ctx, "reviewer")
    workflow.submit(ctx, officer, back, version(ctx, back), note="Springserver **toegevoegd**.")
    hostile = "Nog niet goed: [klik](http://evil.example) <b>vet</b>"
    workflow.request_changes(ctx, reviewer, back, hostile, version(ctx, back))
    at = officer_page(ctx, back)
    notice = next(w.value for w in at.warning if "vraagt wijzigingen" in w.value)
    assert "Ronde 2" in notice and "\\[klik\\]" in notice and "\\<b\\>" in notice
    both = thread(at)
    assert "**Ronde 2**" in both and "**Ronde 1**" in both
    assert "Springserver \\*\\*toegevoegd\\*\\*" in both  # the submission note, escaped
    assert FIRST_NOTE in plain(both) and "Nog niet goed" in both

    # The officer replies in the thread; the reviewer reads the same thread.
    form = next(a for a in at.text_area if a.label.startswith("Reactie"))
    form.input("Springserver staat in het plan; zie maatregel.")
    next(b for b in at.button if b.label == "Reactie plaatsen").click().run()
    assert "Springserver staat in het plan" in plain(thread(at))
    with ctx.factory() as session:
        reply = session.execute(select(Comment).order_by(Comment.id.desc())).scalars().first()
    assert (reply.target_kind, reply.author_id) == ("dossier", officer.user_id)
    seen = plain(thread(review_page(ctx, back)))
    for piece in ("Ronde 2", "Springserver **toegevoegd**", "Nog niet goed", "Springserver staat"):
        assert piece in seen


def test_my_dossiers_marks_the_dossier_sent_back(at, ctx) -> None:
    back = dossier_id(ctx, "changes_requested")
    signed_in(at, ctx, "officer")
    at.switch_page("views/my_dossiers.py").run()
    assert not at.exception
    notice = next(w.value for w in at.warning if "Teruggestuurd" in w.value)
    assert "Ronde 1" in notice and FIRST_NOTE in plain(notice)
    table = html_tables(at)["qs_my_dossiers"]
    with ctx.factory() as session:
        title = session.get(Dossier, back).title
    row = table[table["Titel"] == title].iloc[0]
    assert row["Terugkoppeling"] == "↩ Ronde 1: wijzigingen gevraagd"
    assert (table["Terugkoppeling"] != "").sum() == 1  # only the dossier sent back


def test_comments_are_counted_in_the_step_list_and_the_plan_table(ctx) -> None:
    back = dossier_id(ctx, "changes_requested")
    reviewer = actor_named(ctx, "reviewer")
    workflow.comment(ctx, reviewer, back, "Fysiek of logisch?", target_kind="section",
                     target_id="network")  # fmt: skip
    workflow.comment(ctx, reviewer, back, "Welke verbindingen precies?", target_kind="question",
                     target_id="network_connectivity")  # fmt: skip
    workflow.comment(ctx, reviewer, back, "Eigenaar ontbreekt.", target_kind="measure",
                     target_id="eu_based_support")  # fmt: skip
    at = officer_page(ctx, back, "plan")
    assert not at.exception
    steps = at.selectbox(key="qs_jump_plan").options
    assert "6. Netwerk en aansluitingen (2 opmerkingen)" in steps
    assert "7. Onderhoud en toegang op afstand (1 opmerking)" in steps  # the demo's own
    assert "Maatregelenplan (1 opmerking)" in steps
    assert "1. De inkoop en de planning" in steps  # no comment, no count
    measures = html_tables(at)["measures"]
    view = dossiers.get_dossier(ctx, reviewer, back)
    title = view.library.catalogue.by_id["eu_based_support"].title.get("nl")
    counted = dict(zip(measures["Maatregel"], measures["Opmerkingen"], strict=True))
    assert counted[title] == "1" and sum(v == "1" for v in counted.values()) == 1
    assert any("(1 opmerking)" in o for o in at.selectbox(key="qs_pick_measure").options)
    chosen = html_tables(at)["chosen"]
    assert list(chosen["Opmerkingen"]).count("1") == 1
    reviewed = review_page(ctx, back, tab="Plan")
    table = html_tables(reviewed)["review_plan"]
    assert dict(zip(table["Maatregel"], table["Opmerkingen"], strict=True))[title] == "1"


def test_submit_takes_a_note_and_asks_for_confirmation(ctx) -> None:
    with ctx.factory() as session:
        draft = session.execute(select(Dossier.id).where(Dossier.status == "draft")).scalar_one()
    at = officer_page(ctx, draft, "submit")
    at.text_area(key=f"qs_submit_note_{draft}").input("Graag vóór 1 maart: *spoed*.")
    at.button(key="qs_submit").click().run()
    assert status(ctx, draft) == "draft"  # not yet: first what happens
    confirmation = (
        "Het dossier gaat naar de beveiligingsadviseur; u kunt het niet meer wijzigen tot die "
        "het terugstuurt of goedkeurt."
    )
    assert confirmation in [w.value for w in at.warning]
    assert any("Uw notitie" in m.value and "\\*spoed\\*" in m.value for m in at.markdown)
    at.button(key="qs_submit_cancel").click().run()
    assert confirmation not in [w.value for w in at.warning]
    assert status(ctx, draft) == "draft"
    at.button(key="qs_submit").click().run()
    at.button(key="qs_submit_confirm").click().run()
    assert not at.exception
    assert status(ctx, draft) == "submitted"
    last = decisions(ctx, draft)[-1]
    assert (last.to_status, last.note) == ("submitted", "Graag vóór 1 maart: *spoed*.")
    assert "Ingediend: de beveiligingsadviseur beoordeelt nu het plan." in texts(at)
    assert "Graag vóór 1 maart: *spoed*." in plain(thread(at))
    assert "Graag vóór 1 maart" in plain(thread(review_page(ctx, draft)))


def test_the_approval_note_is_kept_and_both_sides_read_it(ctx) -> None:
    sent = dossier_id(ctx, "submitted")
    at = review_page(ctx, sent)
    assert any("Bij goedkeuren optioneel" in c.value for c in at.caption)
    at.text_area(key="qs_decision_note").input(
        "Akkoord onder voorwaarde: jaarlijkse herbeoordeling."
    )
    at.button(key="qs_approve").click().run()
    assert status(ctx, sent) == "approved"
    last = decisions(ctx, sent)[-1]
    assert last.note == "Akkoord onder voorwaarde: jaarlijkse herbeoordeling."
    assert "Akkoord onder voorwaarde" in plain(thread(at))
    officer = officer_page(ctx, sent)
    shown = plain(thread(officer))
    assert "Goedgekeurd" in shown and "Akkoord onder voorwaarde" in shown


def test_the_reviewer_sees_what_changed_since_the_last_round(ctx) -> None:
    first_round = dossier_id(ctx, "submitted")
    assert not [e for e in review_page(ctx, first_round).expander if "Gewijzigd" in e.label]

    back = dossier_id(ctx, "changes_requested")
    officer = actor_named(ctx, "officer")
    v = version(ctx, back)
    v = dossiers.save_answer(ctx, officer, back, "remote_session_logging", "recorded_reviewed", v)
    v = dossiers.save_answer(ctx, officer, back, "segmentation", "physically_separated", v)
    v = dossiers.save_answer(ctx, officer, back, "segmentation", "logically_separated", v)
    v = plan.select_measure(ctx, officer, back, "signed_firmware_tested_updates", v,
                            owner="IV-beheer Douane")  # fmt: skip
    v = plan.deselect_measure(ctx, officer, back, "no_telemetry_data_in_nl", v)
    v = plan.select_measure(ctx, officer, back, "eu_based_support", v, owner="Inkoopadviseur")
    workflow.submit(ctx, officer, back, v)

    at = review_page(ctx, back)
    assert not at.exception
    changed = next(e for e in at.expander if e.label.startswith("Gewijzigd sinds ronde 1"))
    assert "nu ronde 2" in changed.label
    shown = plain("\n".join(m.value for m in changed.markdown))
    assert "Antwoorden (1)" in shown  # changed there and back again: not a change
    view = dossiers.get_dossier(ctx, officer, back)
    question = view.library.questionnaire.by_id["remote_session_logging"]
    before = question.option_label("logged_only").get("nl")
    after = question.option_label("recorded_reviewed").get("nl")
    assert f"{question.text.get('nl')}  \n  {before} → **{after}**" in shown
    assert question.text.get("nl") in shown
    assert "Maatregelenplan (3)" in shown
    title = {m.id: m.title.get("nl") for m in view.library.catalogue.measures}
    assert f"{title['signed_firmware_tested_updates']}: niet in het plan → **Opgenomen**" in shown
    assert f"{title['no_telemetry_data_in_nl']}: Opgenomen → **niet in het plan**" in shown
    assert f"{title['eu_based_support']}: Opgenomen (gegevens gewijzigd)" in shown
