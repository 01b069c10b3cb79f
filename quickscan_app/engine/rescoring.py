"""Scoring changed answers fast: only the rules that read a changed answer are evaluated again,
and only the scenarios they move are combined again (risk model version 2).

Proposals compare every guaranteeing measure's answers with the inherent score; scoring each
from scratch costs a full pass per measure. The result is the same as a full pass (tested).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from quickscan_app.domain.answers import Answers
from quickscan_app.domain.library import Library
from quickscan_app.domain.questionnaire import UNKNOWN
from quickscan_app.domain.risk import Rule
from quickscan_app.engine.conditions import effective_answers, holds
from quickscan_app.engine.scoring import ScenarioScore, fired_rules
from quickscan_app.engine.threat_exposure import Contribution, combine, contributions


@dataclass(frozen=True)
class _Index:
    by_scenario: dict[str, list[tuple[str, Contribution]]]
    rules_reading: dict[str, tuple[Rule, ...]]
    scenarios_of_rule: dict[str, frozenset[str]]
    shown_by: frozenset[str]
    """Questions some visibility condition reads: a change there can show or hide others."""


def _index(library: Library) -> _Index:
    cached = library.memo.get("rescoring")
    if cached is not None:
        return cached
    model, questionnaire = library.risk_model, library.questionnaire
    reading: dict[str, list[Rule]] = {}
    for rule in model.rules:
        for question in rule.question_ids:
            reading.setdefault(question, []).append(rule)
    index = _Index(
        by_scenario=contributions(model),
        rules_reading={q: tuple(rules) for q, rules in reading.items()},
        scenarios_of_rule={r.id: frozenset(e.scenario for e in r.effects) for r in model.rules},
        shown_by=frozenset(
            q for question in questionnaire.questions if question.visible_if is not None
            for q in question.visible_if.questions()
        ),
    )
    library.memo["rescoring"] = index
    return index


class Rescorer:
    """Scores answers that differ from a base in a few questions."""

    def __init__(
        self,
        library: Library,
        answers: Answers,
        effective: Answers,
        visible: list[str],
        inherent: list[ScenarioScore],
    ) -> None:
        self.library = library
        self.answers = answers
        self.effective = effective
        self.visible = set(visible)
        self.inherent = inherent

    @cached_property
    def _fired(self) -> frozenset[str]:
        return frozenset(r.id for r in fired_rules(self.library.risk_model, self.effective))

    def score(self, answers: Answers) -> list[ScenarioScore]:
        """Scenario scores for ``answers`` (reasons left empty where a scenario was re-combined)."""
        changed = [q for q in answers.keys() | self.answers.keys()
                   if answers.get(q) != self.answers.get(q)]  # fmt: skip
        index = _index(self.library)
        if any(q in index.shown_by for q in changed):
            # Visibility may change: take the effective answers afresh, compare them.
            effective, _ = effective_answers(self.library.questionnaire, answers)
            changed = [q for q in effective.keys() | self.effective.keys()
                       if effective.get(q) != self.effective.get(q)]  # fmt: skip
        else:
            effective = dict(self.effective)
            questions = self.library.questionnaire.by_id
            for question_id in changed:
                if question_id not in self.visible:
                    continue
                value = answers.get(question_id)
                if value is None:
                    effective.pop(question_id, None)
                else:
                    effective[question_id] = (
                        questions[question_id].unknown_as if value == UNKNOWN else value
                    )
        touched = {r.id: r for q in changed for r in index.rules_reading.get(q, ())}
        if not touched:
            return self.inherent
        fired = set(self._fired) - touched.keys()
        fired.update(rule_id for rule_id, rule in touched.items() if holds(rule.when, effective))
        moved = {s for rule_id in touched for s in index.scenarios_of_rule[rule_id]}
        model = self.library.risk_model
        result = []
        for score in self.inherent:
            if score.scenario_id not in moved:
                result.append(score)
                continue
            own = [c for rule_id, c in index.by_scenario[score.scenario_id] if rule_id in fired]
            scenario = model.scenario_by_id[score.scenario_id]
            likelihood, impact, factors = combine(model, scenario, own)
            result.append(
                ScenarioScore(
                    score.scenario_id, likelihood, impact, model.level(likelihood, impact), (),
                    factors,
                )
            )
        return result
