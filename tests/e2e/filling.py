"""Answering questions in the browser the way a person does, widget by widget."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import Any

from playwright.sync_api import Page

from quickscan_app.domain.answers import normalise_answer
from quickscan_app.domain.questionnaire import UNKNOWN, Question, QuestionType
from quickscan_app.presenters import answer_label
from tests.e2e.conftest import wait_idle

UNKNOWN_LABEL = "Weet ik niet"


def box(page: Page, dossier: int, question: Question):  # type: ignore[no-untyped-def]
    return page.locator(f".st-key-q__{dossier}__{question.id}")


def is_shown(page: Page, dossier: int, question: Question) -> bool:
    return box(page, dossier, question).count() > 0


def _pick(page: Page, combobox, label: str) -> None:  # type: ignore[no-untyped-def]
    """Type to filter (long lists are virtual: not every option is in the page), then click."""
    combobox.click()
    combobox.fill(label)
    page.get_by_role("option", name=label, exact=True).click()
    wait_idle(page)


def stored_form(question: Question, value: Any) -> Any:
    """How the database keeps ``value`` (dates as ISO text, options in questionnaire order)."""
    if value == UNKNOWN:
        return UNKNOWN
    normal = normalise_answer(question, value)
    return normal.isoformat() if isinstance(normal, date) else normal


def wait_saved(read: Callable[[], Any], expected: Any, timeout: float = 15.0) -> None:
    """Poll the database until the answer is there: the browser's work is only done then."""
    deadline = time.monotonic() + timeout
    while (current := read()) != expected:
        if time.monotonic() > deadline:
            raise AssertionError(f"not saved: expected {expected!r}, database has {current!r}")
        time.sleep(0.05)


def wait_page(page: Page, step: str, version: int) -> None:
    """Until the wizard has drawn ``step`` of dossier version ``version`` to the end."""
    page.wait_for_selector(f'[data-page-ready="{step}:{version}"]', state="attached")
    wait_idle(page)


def answer(
    page: Page,
    dossier: int,
    question: Question,
    value: Any,
    read: Callable[[], Any],
    lock_version: Callable[[], int],
    step: str,
) -> None:
    """Give ``value`` (as in an answers file) through the question's widget; return when the
    database holds it and the page shows the dossier version that holds it."""

    def settle() -> None:
        wait_page(page, step, lock_version())

    _give(page, dossier, question, value, read, settle)
    wait_saved(read, stored_form(question, value))
    settle()


def _give(
    page: Page,
    dossier: int,
    question: Question,
    value: Any,
    read: Callable[[], Any],
    settle: Callable[[], None],
) -> None:
    widget = box(page, dossier, question)
    kind = question.type

    def label(v: Any) -> str:
        return UNKNOWN_LABEL if v == UNKNOWN else answer_label(question, v, "nl")

    if kind in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
        combobox = widget.locator("input[role=combobox]")
        if combobox.count():
            _pick(page, combobox, label(value))
        else:
            widget.get_by_text(label(value), exact=True).click()
            wait_idle(page)
        return
    if value == UNKNOWN:
        page.locator(f".st-key-q__{dossier}__{question.id}__unknown").get_by_text(
            UNKNOWN_LABEL
        ).click()
        wait_idle(page)
        return
    if kind is QuestionType.MULTIPLE_CHOICE:
        chosen: list[str] = []
        for option in value:
            chosen.append(option)
            for attempt in (1, 2):
                _pick(page, widget.locator("input[role=combobox]"), label(option))
                try:
                    wait_saved(read, stored_form(question, chosen), timeout=7.5 * attempt)
                    break
                except AssertionError:
                    # Under load the list can be redrawn between opening it and the click, so
                    # the click lands on nothing; the database says so, and the pick is redone.
                    if attempt == 2:
                        raise
                    page.keyboard.press("Escape")
                    settle()
            page.keyboard.press("Escape")  # close the list: it is drawn anew after each choice
            settle()
    elif kind is QuestionType.NUMBER:
        field = widget.locator("input[type=number]")
        field.fill(str(value))
        field.press("Enter")
        wait_idle(page)
    elif kind is QuestionType.DATE:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
        widget.locator('[data-type="day"]').click()
        page.keyboard.type(f"{day.day:02d}{day.month:02d}{day.year}")
        page.locator("h1").first.click()  # the date is committed when the field loses focus
        wait_idle(page)
    else:
        area = widget.locator("textarea")
        area.fill(str(value))
        area.press("Tab")
        wait_idle(page)
