"""Te doen: everyone's first page lists what waits for them by kind, each item opening the
dossier on the page and step where they act; the sidebar shows the count beside the name."""

from __future__ import annotations

from sqlalchemy import select, update
from streamlit.testing.v1 import AppTest

from quickscan_app.services import workflow
from quickscan_app.store.models import Comment, Dossier
from quickscan_app.ui.text import md
from tests.ui.conftest import actor_named, dossier_id, signed_in, texts


def nav_titles(at: AppTest) -> list[str]:
    """The page names the sidebar navigation shows (AppTest keeps what st.navigation got)."""
    return [info["page_name"] for info in at._registered_pages.values()]


def title_of(ctx, dossier: int) -> str:
    with ctx.factory() as session:
        return session.get(Dossier, dossier).title


def reference_of(ctx, dossier: int) -> str:
    with ctx.factory() as session:
        return session.get(Dossier, dossier).reference


def param(at: AppTest, name: str) -> str:
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def test_the_reviewer_lands_on_the_inbox_and_opens_the_plan_to_review(at, ctx) -> None:
    submitted = dossier_id(ctx, "submitted")
    signed_in(at, ctx, "reviewer").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Te doen"]
    assert nav_titles(at)[0] == "Te doen (1)"  # first in the navigation, with its count
    assert [h.value for h in at.subheader] == ["Plannen te beoordelen (1)"]
    button = at.button(key="qs_inbox_review_0")
    assert button.label == f"{md(title_of(ctx, submitted))} ({md(reference_of(ctx, submitted))})"
    assert f"{md('Beoordeel het plan.')} · sinds " in texts(at)
    button.click().run()
    assert not at.exception
    assert param(at, "dossier") == str(submitted)
    assert [t.value for t in at.title] == [md(title_of(ctx, submitted))]  # the review page


def test_the_officer_opens_a_new_comment_on_its_step(at, ctx) -> None:
    sent_back = dossier_id(ctx, "changes_requested")
    with ctx.factory() as session:
        target = session.execute(
            select(Comment.target_id).where(
                Comment.dossier_id == sent_back, Comment.target_kind == "section"
            )
        ).scalar()
    signed_in(at, ctx, "officer").run()
    assert [h.value for h in at.subheader] == [
        "Teruggestuurd met gevraagde wijzigingen (1)",
        "Opmerkingen te beantwoorden (1)",
    ]
    assert nav_titles(at)[0] == "Te doen (2)"
    at.button(key="qs_inbox_comments_0").click().run()
    assert not at.exception
    assert (param(at, "dossier"), param(at, "step")) == (str(sent_back), target)
    assert [t.value for t in at.title] == [md(title_of(ctx, sent_back))]  # the wizard


def test_user_text_is_escaped_and_english_is_spoken(at, ctx) -> None:
    submitted = dossier_id(ctx, "submitted")
    title = "**Vet** <b>scanner</b> [klik](https://evil.example)"
    with ctx.transaction() as session:
        session.execute(
            update(Dossier).where(Dossier.id == submitted).values(title=title, reference="R_1*")
        )
    signed_in(at, ctx, "reviewer")
    at.session_state["qs_lang"] = "en"
    at.run()
    assert [t.value for t in at.title] == ["To do"]
    assert nav_titles(at)[0] == "To do (1)"
    assert [h.value for h in at.subheader] == ["Plans to review (1)"]
    assert at.button(key="qs_inbox_review_0").label == f"{md(title)} ({md('R_1*')})"
    assert f"{md('Review the plan.')} · since " in texts(at)


def test_nothing_waiting_shows_no_count(at, ctx) -> None:
    signed_in(at, ctx, "admin").run()
    assert [t.value for t in at.title] == ["Te doen"]
    assert "Er wacht nu niets op u." in [i.value for i in at.info]
    assert nav_titles(at)[0] == "Te doen"


def test_the_count_follows_the_work(at, ctx) -> None:
    submitted = dossier_id(ctx, "submitted")
    signed_in(at, ctx, "reviewer").run()
    assert nav_titles(at)[0] == "Te doen (1)"
    with ctx.factory() as session:
        version = session.get(Dossier, submitted).lock_version
    workflow.request_changes(ctx, actor_named(ctx, "reviewer"), submitted, "Aanvullen.", version)
    at.run()
    assert nav_titles(at)[0] == "Te doen"
    assert "Er wacht nu niets op u." in [i.value for i in at.info]
