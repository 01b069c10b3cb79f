"""Conditions on answers: the small language used for visibility, risk rules and proposals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from quickscan_app.domain.text import Identifier, Strict

Scalar = str | int | float | bool | date

_LEAF_TESTS = ("equals", "in_", "contains", "answered", "at_least", "at_most")
_COMBINATORS = ("all_", "any_", "not_")


def yes_no_field(data: Any, name: str) -> Any:
    """YAML reads an unquoted yes/no as a boolean; our yes_no answers are strings."""
    if isinstance(data, dict) and isinstance(data.get(name), bool):
        return {**data, name: "yes" if data[name] else "no"}
    return data


class Condition(Strict):
    """Either one test on one question, or a combination of conditions.

    YAML keys: ``question`` with one of ``equals``, ``in``, ``contains``, ``answered``,
    ``at_least``, ``at_most``; or exactly one of ``all``, ``any``, ``not``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    question: Identifier | None = None
    equals: Scalar | None = None
    in_: list[Scalar] | None = Field(default=None, alias="in")
    contains: Scalar | None = None
    answered: bool | None = None
    at_least: float | None = None
    at_most: float | None = None
    all_: list[Condition] | None = Field(default=None, alias="all")
    any_: list[Condition] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")

    @model_validator(mode="before")
    @classmethod
    def _yaml_booleans_are_yes_no(cls, data: Any) -> Any:
        return yes_no_field(data, "equals")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        tests = [name for name in _LEAF_TESTS if getattr(self, name) is not None]
        combos = [name for name in _COMBINATORS if getattr(self, name) is not None]
        if self.question is not None:
            if combos:
                raise ValueError("a condition on a question cannot also hold all/any/not")
            if len(tests) != 1:
                raise ValueError(
                    "a condition on a question needs exactly one of "
                    "equals, in, contains, answered, at_least, at_most"
                )
        else:
            if tests:
                raise ValueError(f"'{tests[0].rstrip('_')}' needs a 'question'")
            if len(combos) != 1:
                raise ValueError("a condition needs a 'question', or exactly one of all/any/not")
            children = self.all_ if self.all_ is not None else self.any_
            if children is not None and not children:
                raise ValueError("all/any need at least one condition")
        return self

    def questions(self) -> Iterator[str]:
        """Every question id this condition reads."""
        if self.question is not None:
            yield self.question
        for child in self.children():
            yield from child.questions()

    def children(self) -> list[Condition]:
        if self.all_ is not None:
            return list(self.all_)
        if self.any_ is not None:
            return list(self.any_)
        if self.not_ is not None:
            return [self.not_]
        return []

    def compared_values(self) -> list[Scalar]:
        """The literal answer values this leaf compares with (for option checks)."""
        if self.equals is not None:
            return [self.equals]
        if self.in_ is not None:
            return list(self.in_)
        if self.contains is not None:
            return [self.contains]
        return []
