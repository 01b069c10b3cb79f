"""One widget per question type; every change is saved at once through a callback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from quickscan_app.domain.answers import AnswerValue, is_unknown
from quickscan_app.domain.questionnaire import UNKNOWN, Question, QuestionType
from quickscan_app.domain.text import Lang
from quickscan_app.i18n import t
from quickscan_app.presenters import answer_label, number_label, unit_suffix
from quickscan_app.ui.text import md

# Streamlit's own words in a Dutch page. Every selectbox and multiselect here and on the other
# screens gets ``placeholder=`` (``ui.choose_option`` / ``ui.choose_options``); a number input
# shows its unit in its label; ``ui/page_language.py`` sets ``<html lang>``, hides icon names
# from screen readers and puts the skip link, "Press Enter to submit form" and "Select all"
# in Dutch. Streamlit 1.67 offers no setting for the rest, so it stays English: the date
# picker's month and weekday names (only ``format=`` can be set).
Save = Callable[[str, Any], None]
WIDGET_PREFIX = "q__"


def widget_key(dossier_id: int, question_id: str) -> str:
    return f"{WIDGET_PREFIX}{dossier_id}__{question_id}"


def forget_widgets(dossier_id: int) -> None:
    """Drop widget state so the next run shows what the database holds."""
    prefix = f"{WIDGET_PREFIX}{dossier_id}__"
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]


def _label(question: Question, lang: Lang) -> str:
    """Project content, not user text: passed as is, so the accessible name has no escapes."""
    mark = " *" if question.required else ""
    return question.text.get(lang) + unit_suffix(question, lang) + mark


def render_question(
    question: Question,
    value: AnswerValue | None,
    *,
    dossier_id: int,
    lang: Lang,
    save: Save,
    disabled: bool = False,
    explain: bool = True,
) -> None:
    """The question with its *why* (not for a bidder: ``explain``, the buyer's reasoning);
    a change calls ``save(question_id, value)``."""
    key = widget_key(dossier_id, question.id)
    kind = question.type
    label = _label(question, lang)
    if kind in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
        _choice(question, value, key, label, lang, save, disabled)
    elif kind is QuestionType.MULTIPLE_CHOICE:
        _multiple(question, value, key, label, lang, save, disabled)
    elif kind is QuestionType.NUMBER:
        _with_unknown(
            question,
            value,
            key,
            lang,
            save,
            disabled,
            lambda off: _number_input(question, value, key, label, lang, save, disabled or off),
        )
    elif kind is QuestionType.DATE:
        _with_unknown(question, value, key, lang, save, disabled, lambda off: st.date_input(
            label, value=value if isinstance(value, date) else None, format="DD-MM-YYYY",
            key=key, disabled=disabled or off, on_change=_changed,
            args=(key, question.id, save, _plain),
        ))  # fmt: skip
    else:
        _with_unknown(question, value, key, lang, save, disabled, lambda off: st.text_area(
            label, value="" if value is None or is_unknown(value) else str(value), key=key,
            disabled=disabled or off, on_change=_changed, height=100, max_chars=20_000,
            args=(key, question.id, save, _text),
        ))  # fmt: skip
    if not explain:
        return
    # One element for both: the page is drawn again after every answer, per element.
    why = f"**{t('ui.why', lang)}** {md(question.why.get(lang))}"
    if question.help is not None:
        why += f"\n\n{md(question.help.get(lang))}"
    st.caption(why)


def _number_input(question, value, key, label, lang, save, disabled) -> None:  # type: ignore[no-untyped-def]
    """Whole numbers when the bounds are whole (Streamlit wants one numeric type throughout)."""
    whole = all(v is None or float(v).is_integer() for v in (question.min, question.max))
    kind = int if whole else float
    current = None if value is None or is_unknown(value) else kind(value)
    st.number_input(
        label,
        min_value=None if question.min is None else kind(question.min),
        max_value=None if question.max is None else kind(question.max),
        value=current,
        step=kind(1),
        key=key,
        disabled=disabled,
        on_change=_changed,
        args=(key, question.id, save, _number),
        placeholder=question.unit.get(lang) if question.unit else None,
    )
    if question.currency is not None and current is not None:
        st.caption(number_label(question, current, lang))  # the input shows no thousands dots


def _changed(key: str, question_id: str, save: Save, convert: Callable[[Any], Any]) -> None:
    save(question_id, convert(st.session_state.get(key)))


def _plain(value: Any) -> Any:
    return value


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _text(value: Any) -> Any:
    return value if isinstance(value, str) and value.strip() else None


def _choice(question, value, key, label, lang, save, disabled) -> None:  # type: ignore[no-untyped-def]
    options = list(question.option_ids) + ([UNKNOWN] if question.allow_unknown else [])
    current = value if value in options else None
    widget = st.radio if len(options) <= 5 else st.selectbox
    if widget is st.radio:
        extra: dict[str, Any] = {"horizontal": True} if len(options) <= 3 else {}
    else:
        extra = {"placeholder": t("ui.choose_option", lang)}
    widget(
        label,
        options,
        index=options.index(current) if current is not None else None,
        format_func=lambda o: answer_label(question, o, lang),
        key=key,
        disabled=disabled,
        on_change=_changed,
        args=(key, question.id, save, _plain),
        **extra,
    )


def _multiple(question, value, key, label, lang, save, disabled) -> None:  # type: ignore[no-untyped-def]
    unknown = is_unknown(value)
    chosen = value if isinstance(value, list) else []

    def widget(off: bool) -> None:
        st.multiselect(
            label,
            list(question.option_ids),
            default=chosen,
            format_func=lambda o: answer_label(question, o, lang),
            key=key,
            disabled=disabled or off,
            placeholder=t("ui.choose_options", lang),
            on_change=_changed,
            args=(key, question.id, save, lambda v: list(v) or None),
        )

    _with_unknown(question, value if unknown else None, key, lang, save, disabled, widget)


def _with_unknown(question, value, key, lang, save, disabled, widget) -> None:  # type: ignore[no-untyped-def]
    """The widget, plus a "don't know" box where the question allows it."""
    unknown = is_unknown(value)
    if not question.allow_unknown:
        widget(False)
        return
    box = f"{key}__unknown"
    widget(unknown)
    st.checkbox(
        t("unknown", lang),  # the label answer_label gives an unknown answer everywhere
        value=unknown,
        key=box,
        disabled=disabled,
        on_change=lambda: save(question.id, UNKNOWN if st.session_state.get(box) else None),
    )


def review_date_input(today: date, lang: Lang, key: str) -> date | None:
    """An optional review date earlier than the default of a year (BIO2: review at least
    yearly); empty means a year from the decision."""
    from datetime import timedelta

    from quickscan_app.domain.workflow import REVIEW_AFTER_DAYS

    latest = today + timedelta(days=REVIEW_AFTER_DAYS)
    return st.date_input(
        t("ui.review_date", lang), value=None, min_value=today + timedelta(days=1),
        max_value=latest, format="DD-MM-YYYY", key=key,
        help=t("ui.review_date_help", lang).format(latest=latest.strftime("%d-%m-%Y")),
    )  # fmt: skip
