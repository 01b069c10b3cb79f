"""Cross-reference checks that pydantic cannot do on one model alone.

Each check yields ``(loc, message)`` pairs; the loader turns ``loc`` into a line number.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from quickscan_app.domain.answers import AnswerError, normalise_answer
from quickscan_app.domain.conditions import Condition
from quickscan_app.domain.measures import (
    Bio2MeasureList,
    Bio2Status,
    Guarantee,
    Measure,
    MeasureCatalogue,
    iso_control_of,
)
from quickscan_app.domain.questionnaire import Questionnaire, QuestionType
from quickscan_app.domain.risk import Method, RiskModel

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
    if model.method is Method.THREAT_EXPOSURE:
        yield from _check_groups(model)
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


def _check_groups(model: RiskModel) -> Iterator[Finding]:
    """threat_exposure: every rule sits in a known group, its effects on the group's dimension."""
    groups = ((("groups", i, "id"), g.id) for i, g in enumerate(model.groups))
    yield from duplicates(groups, "group")
    used: set[str] = set()
    for i, rule in enumerate(model.rules):
        if rule.group is None:
            yield ("rules", i, "id"), f"rule '{rule.id}' needs a group (method threat_exposure)"
            continue
        group = model.group_by_id.get(rule.group)
        if group is None:
            yield ("rules", i, "group"), f"unknown group '{rule.group}'"
            continue
        used.add(group.id)
        for j, effect in enumerate(rule.effects):
            if effect.dimension is not group.factor.dimension:
                yield (
                    ("rules", i, "effects", j, "dimension"),
                    f"group '{group.id}' ({group.factor}) acts on {group.factor.dimension}, "
                    f"not {effect.dimension}",
                )
    for i, group in enumerate(model.groups):
        if group.id not in used:
            yield ("groups", i, "id"), f"group '{group.id}' has no rules"
        for name in group.no_paper_credit:
            if name not in model.scenario_by_id:
                yield ("groups", i, "no_paper_credit"), f"unknown scenario '{name}'"


def check_catalogue(
    catalogue: MeasureCatalogue,
    model: RiskModel,
    q: Questionnaire,
    bio2: Mapping[str, Bio2MeasureList] | None = None,
) -> Iterator[Finding]:
    """``bio2``: the loaded BIO2 measure lists by version (see ``check_bio2_references``)."""
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
        for j, guarantee in enumerate(measure.guarantees):
            yield from _check_guarantee(guarantee, q, ("measures", i, "guarantees", j))
        if model.method is Method.THREAT_EXPOSURE:
            yield from _check_v2_measure(measure, ("measures", i))
    yield from _check_alternatives(catalogue)
    yield from check_bio2_references(catalogue, bio2 or {})


def check_bio2_list(reference: Bio2MeasureList) -> Iterator[Finding]:
    """One entry per id; a moved measure points at a current one; no measures are listed for
    an ISO control said to have none."""
    yield from duplicates(
        ((("measures", i, "id"), m.id) for i, m in enumerate(reference.measures)), "BIO2 measure"
    )
    for i, measure in enumerate(reference.measures):
        if measure.moved_to is not None:
            target = reference.by_id.get(measure.moved_to)
            if target is None or target.status is not Bio2Status.CURRENT:
                yield (
                    ("measures", i, "moved_to"),
                    f"'{measure.id}' moved to '{measure.moved_to}', which is not a current measure",
                )
    with_measures = {m.iso_control for m in reference.measures}
    for i, control in enumerate(reference.no_government_measure):
        if control in with_measures:
            yield (
                ("no_government_measure", i),
                f"ISO/IEC 27002 {control} is listed without a government measure, "
                "but the list has measures for it",
            )


def check_bio2_references(
    catalogue: MeasureCatalogue, lists: Mapping[str, Bio2MeasureList]
) -> Iterator[Finding]:
    """Every ``controls.bio2`` id is a current measure of the BIO2 version the catalogue declares.

    Only for a catalogue that declares ``bio2_reference``. Version-1 catalogues declare none
    and are deliberately not checked: they are frozen (approved plans and their snapshots rest
    on them byte for byte, so they cannot be corrected), and they were written against a
    pre-final BIO2 draft whose numbers differ from the adopted text.
    """
    version = catalogue.bio2_reference
    if version is None:
        return
    reference = lists.get(version)
    if reference is None:
        known = ", ".join(sorted(lists)) or "none"
        yield (
            ("bio2_reference",),
            f"no BIO2 measure list version '{version}' is loaded (loaded: {known})",
        )
        return
    for i, measure in enumerate(catalogue.measures):
        for j, ref in enumerate(measure.controls.bio2):
            loc: Loc = ("measures", i, "controls", "bio2", j)
            entry = reference.by_id.get(ref)
            if entry is None:
                control = iso_control_of(ref)
                if control in reference.no_government_measure:
                    yield (
                        loc,
                        f"BIO2 {version} has no government measure for ISO/IEC 27002 {control} "
                        f"('Geen overheidsmaatregel'): cite iso27002 '{control}' alone",
                    )
                else:
                    yield loc, f"'{ref}' is not a government measure in BIO2 {version}"
            elif entry.status is Bio2Status.LAPSED:
                yield loc, f"BIO2 {ref} has lapsed in BIO2 {version} ('Vervallen')"
            elif entry.status is Bio2Status.MOVED:
                yield loc, f"BIO2 {ref} has moved to {entry.moved_to} in BIO2 {version}"


def _check_guarantee(guarantee: Guarantee, q: Questionnaire, loc: Loc) -> Iterator[Finding]:
    """The guaranteed answer is a valid answer to an existing question."""
    question = q.by_id.get(guarantee.question)
    if question is None:
        yield (*loc, "question"), f"guarantee on unknown question '{guarantee.question}'"
        return
    if guarantee.answer is not None:
        try:
            normalise_answer(question, guarantee.answer)
        except AnswerError as exc:
            yield (*loc, "answer"), f"guaranteed answer: {exc.message}"
    if guarantee.without is not None:
        if question.type is not QuestionType.MULTIPLE_CHOICE:
            yield (*loc, "without"), "'without' needs a multiple_choice question"
        for option in guarantee.without:
            if option not in question.option_ids:
                yield (*loc, "without"), f"'{option}' is not an option of '{question.id}'"
    for option in guarantee.keeps:
        if option not in question.option_ids:
            yield (*loc, "keeps"), f"'{option}' is not an option of '{question.id}'"
    if guarantee.at_most is not None and question.type is not QuestionType.NUMBER:
        yield (*loc, "at_most"), f"'at_most' needs a number question; '{question.id}' is not"


def _check_v2_measure(measure: Measure, loc: Loc) -> Iterator[Finding]:
    """A measure either changes answers or is a bounded paper step, not both."""
    if measure.guarantees and measure.mitigates:
        yield (*loc, "mitigates"), "a measure with guarantees acts through them: drop 'mitigates'"
    for j, mitigation in enumerate(measure.mitigates):
        if mitigation.impact or mitigation.likelihood > 1:
            yield (
                (*loc, "mitigates", j),
                "a measure that changes no answer lowers likelihood by at most 1 and never "
                "impact (impact falls only through a guaranteed answer)",
            )


def _check_alternatives(catalogue: MeasureCatalogue) -> Iterator[Finding]:
    by_id = catalogue.by_id
    for i, measure in enumerate(catalogue.measures):
        for j, other in enumerate(measure.alternatives):
            here = ("measures", i, "alternatives", j)
            if other == measure.id:
                yield here, "a measure is not its own alternative"
            elif other not in by_id:
                yield here, f"unknown measure '{other}'"
            elif measure.id not in by_id[other].alternatives:
                yield here, f"'{other}' must name '{measure.id}' as its alternative too"
