"""The shipped scan-and-detection content: complete, bilingual, and its examples score sensibly."""

from __future__ import annotations

from pathlib import Path

import pytest

from quickscan_app.answer_files import load_answer_file
from quickscan_app.content import ContentSet
from quickscan_app.domain.library import Library
from quickscan_app.domain.measures import MeasureKind
from quickscan_app.domain.risk import Level, ThreatActor
from quickscan_app.engine import assess
from quickscan_app.engine.measure_effects import measure_scenarios
from tests.conftest import EXAMPLES

REQUIRED_SCENARIOS = {
    "espionage",
    "sabotage",
    "manipulation",
    "state_influence",
    "lock_in",
    "supply_chain",
    "third_party_misuse",
}
SECTIONS = [
    "procurement", "use", "criticality", "information", "physical", "network",
    "remote_access", "updates", "supplier", "chain", "personnel", "controls",
]  # fmt: skip
# From least to most exposed.
EXAMPLE_FILES = [
    "parcel-scanner-standalone.yaml",
    "air-cargo-networked.yaml",
    "container-fleet-maintenance.yaml",
]


def test_questionnaire_size_and_sections(library: Library) -> None:
    questionnaire = library.questionnaire
    assert 50 <= len(questionnaire.questions) <= 100
    assert [s.id for s in questionnaire.sections] == SECTIONS
    for question in questionnaire.questions:
        assert len(question.why.nl) > 20 and len(question.why.en) > 20, question.id
        assert question.text.nl != question.text.en or question.text.nl.isupper(), question.id


def test_questionnaire_says_it_is_not_the_official_text(library: Library) -> None:
    description = library.questionnaire.description
    assert "NCTV" in description.nl and "NCTV" in description.en
    assert "niet" in description.nl.lower() and "not" in description.en.lower()


def test_every_question_type_and_a_conditional_branch_are_used(library: Library) -> None:
    questions = library.questionnaire.questions
    assert {q.type.value for q in questions} == {
        "single_choice", "multiple_choice", "yes_no", "number", "date", "text",
    }  # fmt: skip
    assert sum(q.visible_if is not None for q in questions) >= 5
    assert sum(q.allow_unknown for q in questions) >= 10


def test_scenarios_cover_the_required_threats(library: Library) -> None:
    model = library.risk_model
    assert set(model.scenario_by_id) >= REQUIRED_SCENARIOS
    actors = {a for s in model.scenarios for a in s.threat_actors}
    assert actors == set(ThreatActor)
    assert [lv.label.nl for lv in model.levels] == ["laag", "midden", "hoog", "zeer hoog"]
    assert {e.id for e in model.escalations} >= {
        "abro",
        "consult_security_services",
        "nda_before_rfq",
    }


def test_catalogue_has_forty_measures_with_controls_and_tender_text(library: Library) -> None:
    measures = library.catalogue.measures
    assert len(measures) >= 40
    for measure in measures:
        assert measure.controls.bio2 or measure.controls.iso27002
        assert len(measure.tender_text.nl) > 40 and len(measure.tender_text.en) > 40, measure.id
    kinds = {m.kind for m in measures}
    assert kinds == set(MeasureKind)
    # Every scenario can be lowered: by a measure's guaranteed answers or its bounded step.
    mitigated = {s for measure in measures for s in measure_scenarios(library, measure)}
    assert mitigated == set(library.risk_model.scenario_by_id)


@pytest.fixture(scope="module")
def example_results(shipped: ContentSet) -> dict:
    results = {}
    for name in EXAMPLE_FILES:
        loaded = load_answer_file(EXAMPLES / name, shipped)
        results[name] = assess(loaded.library, loaded.answers)
    return results


def test_examples_are_complete(example_results: dict) -> None:
    for name, result in example_results.items():
        assert result.open_required == (), name


def test_standalone_parcel_scanner_needs_no_full_analysis(example_results: dict) -> None:
    result = example_results["parcel-scanner-standalone.yaml"]
    assert result.overall_level.rank <= Level.MEDIUM.rank
    assert not result.full_risk_analysis_required
    assert result.open_points == ()


def test_networked_air_cargo_scanner_from_an_eu_supplier_is_medium(example_results: dict) -> None:
    """Closed network, a VPN the buyer opens per session, an EU supplier: several routes, no
    state actor behind them. Medium on most scenarios, and the planned connection to the Customs
    network asks for a re-assessment."""
    result = example_results["air-cargo-networked.yaml"]
    levels = [s.level for s in result.scenarios]
    assert result.overall_level is Level.MEDIUM
    assert levels.count(Level.MEDIUM) >= 5
    assert "reassess_on_change" in {e.id for e in result.escalations}
    assert result.open_points, "the example has realistic unknowns"


def test_single_supplier_container_fleet_is_the_most_exposed(example_results: dict) -> None:
    result = example_results["container-fleet-maintenance.yaml"]
    levels = {s.scenario_id: s.level for s in result.scenarios}
    assert result.overall_level is Level.VERY_HIGH
    assert levels["state_influence"].at_least(Level.HIGH)
    assert levels["lock_in"].at_least(Level.HIGH)
    assert {"consult_security_services", "abro"} <= {e.id for e in result.escalations}


def test_more_exposed_case_scores_higher(example_results: dict) -> None:
    points = [sum(s.points for s in example_results[n].scenarios) for n in EXAMPLE_FILES]
    ranks = [example_results[n].overall_level.rank for n in EXAMPLE_FILES]
    assert points[0] < points[1] < points[2]
    assert ranks == sorted(ranks)


def test_measures_bring_the_worst_case_down(example_results: dict, shipped: ContentSet) -> None:
    loaded = load_answer_file(EXAMPLES / "container-fleet-maintenance.yaml", shipped)
    inherent = example_results["container-fleet-maintenance.yaml"]
    chosen = [p.measure_id for p in inherent.proposals]
    assert len(chosen) >= 10
    result = assess(loaded.library, loaded.answers, chosen)
    assert result.residual_level.rank < inherent.overall_level.rank
    assert sum(r.points for r in result.residual) < sum(s.points for s in inherent.scenarios)


def test_every_reason_cites_an_answer(example_results: dict) -> None:
    for result in example_results.values():
        for score in result.scenarios:
            for reason in score.reasons:
                assert reason.answers, reason.rule_id


def test_example_files_exist() -> None:
    assert sorted(p.name for p in Path(EXAMPLES).glob("*.yaml")) == sorted(EXAMPLE_FILES)
