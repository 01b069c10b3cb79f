"""Cross-reference checks that pydantic cannot do on one model alone.

Each check yields ``(loc, message)`` pairs; the loader turns ``loc`` into a line number.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from quickscan_app.domain.answers import AnswerError, normalise_answer
from quickscan_app.domain.conditions import Condition
from quickscan_app.domain.measures import MeasureCatalogue
from quickscan_app.domain.questionnaire import Questionnaire, QuestionType
from quickscan_app.domain.risk import RiskModel

Loc = tuple[str | int, ...]
Finding = tuple[Loc, str]


def duplicates(ids: Iterable[tuple[Loc, str]], what: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for loc, value in ids:
        if value in seen:
            yield loc, f"duplicate {what} id '{value}'"
        seen.add(value)


def check_condition(
    condition: Condition,
    questionnaire: Questionnaire,
    loc: Loc,
    earlier: set[str] | None = None,
) -> Iterator[Finding]:
    """Questions exist (and come earlier, when ``earlier`` is given); tests fit their type."""
    if condition.question is None:
        for key, child in (("all", condition.all_), ("any", condition.any_)):
            for i, sub in enumerate(child or ()):
                yield from check_condition(sub, questionnaire, (*loc, key, i), earlier)
        if condition.not_ is not None:
            yield from check_condition(condition.not_, questionnaire, (*loc, "not"), earlier)
        return
    question = questionnaire.by_id.get(condition.question)
    here = (*loc, "question")
    if question is None:
        yield here, f"condition refers to unknown question '{condition.question}'"
        return
    if earlier is not None and question.id not in earlier:
        yield here, f"condition refers to '{question.id}', which does not come earlier"
    kind = question.type
    if condition.contains is not None and kind is not QuestionType.MULTIPLE_CHOICE:
        yield here, f"'contains' needs a multiple_choice question; '{question.id}' is {kind}"
    if (condition.equals is not None or condition.in_ is not None) and (
        kind is QuestionType.MULTIPLE_CHOICE
    ):
        yield here, f"use 'contains' for the multiple_choice question '{question.id}'"
    if (condition.at_least is not None or condition.at_most is not None) and (
        kind is not QuestionType.NUMBER
    ):
        yield here, f"'at_least'/'at_most' need a number question; '{question.id}' is {kind}"
    if question.option_ids:
        for value in condition.compared_values():
            if value not in question.option_ids:
                yield (
                    here,
                    (
                        f"'{value}' is not an option of '{question.id}' "
                        f"(options: {', '.join(question.option_ids)})"
                    ),
                )


def check_questionnaire(q: Questionnaire) -> Iterator[Finding]:
    yield from duplicates(
        ((("sections", i, "id"), s.id) for i, s in enumerate(q.sections)), "section"
    )
    yield from duplicates(
        (
            (("sections", i, "questions", j, "id"), question.id)
            for i, s in enumerate(q.sections)
            for j, question in enumerate(s.questions)
        ),
        "question",
    )
    earlier: set[str] = set()
    for i, section in enumerate(q.sections):
        for j, question in enumerate(section.questions):
            loc: Loc = ("sections", i, "questions", j)
            if question.visible_if is not None:
                yield from check_condition(
                    question.visible_if, q, (*loc, "visible_if"), set(earlier)
                )
            if question.unknown_as is not None:
                try:
                    normalise_answer(question, question.unknown_as)
                except AnswerError as exc:
                    yield (*loc, "unknown_as"), f"unknown_as: {exc.message}"
            earlier.add(question.id)


def check_risk_model(model: RiskModel, q: Questionnaire) -> Iterator[Finding]:
    yield from duplicates(
        ((("scenarios", i, "id"), s.id) for i, s in enumerate(model.scenarios)), "scenario"
    )
    yield from duplicates(((("rules", i, "id"), r.id) for i, r in enumerate(model.rules)), "rule")
    yield from duplicates(
        ((("escalations", i, "id"), e.id) for i, e in enumerate(model.escalations)), "escalation"
    )
    scenarios = set(model.scenario_by_id)
    reached: set[str] = set()
    for i, rule in enumerate(model.rules):
        yield from check_condition(rule.when, q, ("rules", i, "when"))
        for j, effect in enumerate(rule.effects):
            if effect.scenario not in scenarios:
                yield (
                    ("rules", i, "effects", j, "scenario"),
                    (f"effect on unknown scenario '{effect.scenario}'"),
                )
            reached.add(effect.scenario)
    for i, scenario in enumerate(model.scenarios):
        if scenario.id not in reached:
            yield ("scenarios", i, "id"), f"no rule can raise scenario '{scenario.id}'"
    for i, escalation in enumerate(model.escalations):
        if escalation.when is not None:
            yield from check_condition(escalation.when, q, ("escalations", i, "when"))
        if escalation.when_level is not None:
            for name in escalation.when_level.scenarios:
                if name not in scenarios:
                    yield ("escalations", i, "when_level"), f"unknown scenario '{name}'"


def check_catalogue(
    catalogue: MeasureCatalogue, model: RiskModel, q: Questionnaire
) -> Iterator[Finding]:
    yield from duplicates(
        ((("measures", i, "id"), m.id) for i, m in enumerate(catalogue.measures)), "measure"
    )
    scenarios = set(model.scenario_by_id)
    for i, measure in enumerate(catalogue.measures):
        yield from duplicates(
            (
                (("measures", i, "mitigates", j), m.scenario)
                for j, m in enumerate(measure.mitigates)
            ),
            "mitigated scenario",
        )
        for j, mitigation in enumerate(measure.mitigates):
            if mitigation.scenario not in scenarios:
                yield (
                    ("measures", i, "mitigates", j, "scenario"),
                    (f"measure mitigates unknown scenario '{mitigation.scenario}'"),
                )
        condition = measure.proposed_when.condition
        if condition is not None:
            yield from check_condition(condition, q, ("measures", i, "proposed_when", "condition"))
