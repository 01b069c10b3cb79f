"""Which dossier a page shows, and saving through services with the version the user saw."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import streamlit as st
from sqlalchemy.orm.attributes import set_committed_value

from quickscan_app.domain.answers import normalise_answer
from quickscan_app.domain.text import Lang
from quickscan_app.engine import assess
from quickscan_app.i18n import t
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import (
    DossierView,
    current_version,
    get_dossier,
    publication_of,
    publication_question,
)
from quickscan_app.services.errors import Change, Conflict, ServiceError
from quickscan_app.ui import session
from quickscan_app.ui.errors import error_message
from quickscan_app.ui.widgets import forget_widgets

_SEEN = "qs_seen_version"
_VIEWS = "qs_views"


def chosen_dossier_id() -> int | None:
    """From the URL (survives a reload), else from the session."""
    raw = st.query_params.get("dossier") or st.session_state.get("qs_dossier")
    try:
        return int(raw) if raw is not None else None
    except (TypeError, ValueError):
        return None


def require_dossier_id(lang: Lang, back_page: str, back_label: str) -> int:
    """The chosen dossier, or a pointer back to where one is chosen (and stop)."""
    dossier_id = chosen_dossier_id()
    if dossier_id is None:
        st.info(t("ui.choose_dossier_first", lang))
        st.page_link(back_page, label=back_label)
        st.stop()
    return dossier_id


def open_dossier(page: str, dossier_id: int, step: str | None = None) -> None:
    st.session_state["qs_dossier"] = dossier_id
    params = {"dossier": str(dossier_id)}
    if step:
        params["step"] = step
    st.switch_page(page, query_params=params)


def load(
    ctx: ServiceContext, user: Actor, dossier_id: int, lang: Lang, *, with_history: bool = True
) -> DossierView:
    """The dossier as the database has it now. When someone else changed it since this tab
    last showed it, the widgets are reset to the stored answers and the user is told.

    Without history (the wizard) the view of the last run is reused while the database still
    has the same version, and this tab's own answer saves are applied to it in place: one
    small query instead of reloading everything on each click.
    """
    cache: dict[int, DossierView] = st.session_state.setdefault(_VIEWS, {})
    cached = cache.get(dossier_id) if not with_history else None
    try:
        if (
            cached is not None
            and current_version(ctx, user, dossier_id) == cached.dossier.lock_version
        ):
            view = cached
        else:
            view = get_dossier(ctx, user, dossier_id, with_history=with_history)
    except ServiceError as exc:
        cache.pop(dossier_id, None)
        st.error(error_message(exc, lang))
        st.stop()
    if not with_history:
        cache[dossier_id] = view
    seen: dict[int, int] = st.session_state.setdefault(_SEEN, {})
    version = view.dossier.lock_version
    if dossier_id in seen and seen[dossier_id] != version:
        forget_widgets(dossier_id)
        if view.dossier.updated_by_id != user.user_id:
            change = Change(view.dossier.last_change).text(lang)
            st.info(t("ui.changed_elsewhere", lang).format(change=change))
    seen[dossier_id] = version
    return view


def saver(ctx: ServiceContext, user: Actor, dossier_id: int, lang: Lang) -> Callable[..., Any]:
    """Runs a service call with the version this tab saw; keeps the new one, or on a
    conflict shows who changed what and reloads the stored answers."""

    def run(call: Callable[..., int], *args: Any, **kwargs: Any) -> bool:
        seen: dict[int, int] = st.session_state.setdefault(_SEEN, {})
        try:
            result = call(
                ctx, user, dossier_id, *args, expected_version=seen.get(dossier_id, -1), **kwargs
            )
        except Conflict as exc:
            forget_widgets(dossier_id)
            seen.pop(dossier_id, None)
            session.flash("error", error_message(exc, lang))
            return False
        except ServiceError as exc:
            session.flash("error", error_message(exc, lang))
            return False
        if isinstance(result, int):
            seen[dossier_id] = result
        else:
            seen.pop(dossier_id, None)
        return True

    return run


def act(
    run: Callable[..., bool],
    call: Callable[..., Any],
    *args: Any,
    success: str | None = None,
    place: str | None = None,
    **kwargs: Any,
) -> None:
    """A button's service call: on success reload the page (with ``success`` on top, or at
    ``place`` where the page shows its notices); on a refusal show the reason right here,
    next to the button that was pressed."""
    if run(call, *args, **kwargs):
        if success:
            if place:
                session.notify(place, "success", success)
            else:
                session.flash("success", success)
        st.rerun()
    session.show_flashes()


def forget_view(dossier_id: int) -> None:
    """Drop the view kept from the last run: the next one reads the dossier again."""
    st.session_state.get(_VIEWS, {}).pop(dossier_id, None)


def seen_version(dossier_id: int) -> int:
    return st.session_state.get(_SEEN, {}).get(dossier_id, -1)


def remember_answer(dossier_id: int, question_id: str, value: Any, version: int) -> None:
    """Apply this tab's own saved answer to the view kept from the last run (see ``load``)."""
    cache: dict[int, DossierView] = st.session_state.get(_VIEWS, {})
    view = cache.get(dossier_id)
    if view is None or view.dossier.lock_version != version - 1:
        cache.pop(dossier_id, None)
        return
    answers = dict(view.answers)
    question = view.library.questionnaire.by_id[question_id]
    if value is None:
        answers.pop(question_id, None)
    else:
        answers[question_id] = normalise_answer(question, value)
    set_committed_value(view.dossier, "lock_version", version)
    if question is publication_question(view.library):  # the service copied it to the dossier
        set_committed_value(
            view.dossier, "planned_publication_date", publication_of(answers.get(question_id))
        )
    cache[dossier_id] = replace(
        view, answers=answers, assessment=assess(view.library, answers, view.chosen)
    )
