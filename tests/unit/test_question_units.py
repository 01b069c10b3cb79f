"""What a number question may say about its unit: a unit with an optional singular, or a
currency (then no unit); neither on other question types."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from quickscan_app.domain.questionnaire import Question

TEXT = {"nl": "x", "en": "x"}


def question(**fields: Any) -> Question:
    return Question.model_validate({"id": "q", "text": TEXT, "why": TEXT, **fields})


def test_a_number_takes_a_unit_with_its_singular_or_a_currency() -> None:
    years = question(type="number", unit={"nl": "jaar", "en": "years"},
                     unit_one={"nl": "jaar", "en": "year"})  # fmt: skip
    assert years.unit_one is not None and years.unit_one.en == "year"
    assert question(type="number", currency="EUR").currency == "EUR"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"type": "number", "currency": "EUR", "unit": TEXT}, "no unit"),
        ({"type": "number", "unit_one": TEXT}, "give unit too"),
        ({"type": "text", "currency": "EUR"}, "number questions only"),
        ({"type": "number", "currency": "USD"}, "EUR"),
    ],
)
def test_unit_fields_that_contradict_each_other_are_refused(fields, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        question(**fields)
