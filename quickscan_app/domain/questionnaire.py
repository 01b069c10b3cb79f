"""The questionnaire: sections of questions, each with its *why* and visibility condition."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Any, Literal

from pydantic import Field, model_validator

from quickscan_app.domain.conditions import Condition
from quickscan_app.domain.text import Identifier, LocalText, Strict, Version

UNKNOWN = "unknown"
YES_NO_OPTIONS = ("yes", "no")


class QuestionType(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    NUMBER = "number"
    DATE = "date"
    TEXT = "text"


CHOICE_TYPES = (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE)


class Option(Strict):
    id: Identifier
    label: LocalText


class Question(Strict):
    id: Identifier
    type: QuestionType
    text: LocalText
    why: LocalText
    help: LocalText | None = None
    options: tuple[Option, ...] = ()
    required: bool = True
    allow_unknown: bool = False
    unknown_as: Any = None
    visible_if: Condition | None = None
    min: float | None = None
    max: float | None = None
    unit: LocalText | None = None
    """Written after a number ("3 jaar") and in the question's label."""
    unit_one: LocalText | None = None
    """The unit after a count of one where it differs ("1 year", "1 leverancier")."""
    currency: Literal["EUR"] | None = None
    """The answer is an amount of money: shown as "€ 14.500.000" (no ``unit`` then)."""
    reassess_on_change: bool = False
    """A change of this answer on an approved plan calls for a new assessment (network
    connections, remote maintenance and its channel, supplier and ownership, data leaving the
    site): the dossier shows "herbeoordeling nodig" until a new revision is approved."""
    per_bidder: bool = False
    """Answered again for each bidder at award (supplier, access, updates): the bidder check
    re-scores the dossier with the bidder's answers in place of the buyer's expectation."""

    @model_validator(mode="before")
    @classmethod
    def _yaml_friendly_unknown_as(cls, data: Any) -> Any:
        # YAML reads an unquoted yes/no as a boolean; a lone option needs no list brackets.
        if not isinstance(data, dict) or data.get("unknown_as") is None:
            return data
        worst = data["unknown_as"]
        if data.get("type") == QuestionType.YES_NO and isinstance(worst, bool):
            return {**data, "unknown_as": "yes" if worst else "no"}
        if data.get("type") == QuestionType.MULTIPLE_CHOICE and isinstance(worst, str):
            return {**data, "unknown_as": [worst]}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.type in CHOICE_TYPES:
            if len(self.options) < 2:
                raise ValueError(f"a {self.type} question needs at least two options")
            ids = [o.id for o in self.options]
            if UNKNOWN in ids:
                raise ValueError("'unknown' is reserved; use allow_unknown instead of an option")
            dup = {i for i in ids if ids.count(i) > 1}
            if dup:
                raise ValueError(f"duplicate option id(s): {', '.join(sorted(dup))}")
        elif self.options:
            raise ValueError(f"a {self.type} question has no options")
        number_only = (self.min, self.max, self.unit, self.unit_one, self.currency)
        if self.type is not QuestionType.NUMBER and any(v is not None for v in number_only):
            raise ValueError("min, max, unit, unit_one and currency are for number questions only")
        if self.currency is not None and self.unit is not None:
            raise ValueError("an amount (currency) has no unit: the currency is its unit")
        if self.unit_one is not None and self.unit is None:
            raise ValueError("unit_one is the singular of unit: give unit too")
        if self.allow_unknown and self.unknown_as is None:
            raise ValueError("allow_unknown needs unknown_as: the worst credible answer")
        if not self.allow_unknown and self.unknown_as is not None:
            raise ValueError("unknown_as is only meaningful with allow_unknown: true")
        return self

    @property
    def option_ids(self) -> tuple[str, ...]:
        if self.type is QuestionType.YES_NO:
            return YES_NO_OPTIONS
        return tuple(o.id for o in self.options)

    def option_label(self, option_id: str) -> LocalText | None:
        for option in self.options:
            if option.id == option_id:
                return option.label
        return None


class Section(Strict):
    id: Identifier
    title: LocalText
    intro: LocalText | None = None
    questions: tuple[Question, ...] = Field(min_length=1)


class Questionnaire(Strict):
    kind: Literal["questionnaire"] = "questionnaire"
    id: Identifier
    version: Version
    title: LocalText
    description: LocalText
    sections: tuple[Section, ...] = Field(min_length=1)

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """All questions in order."""
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def section_of(self) -> dict[str, str]:
        return {q.id: s.id for s in self.sections for q in s.questions}

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)
