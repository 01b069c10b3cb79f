"""Risk model version 2 (threat × exposure, measures that act on causes): its properties."""

from __future__ import annotations

from itertools import combinations

import pytest

from quickscan_app.answer_files import load_answer_file
from quickscan_app.content import ContentSet
from quickscan_app.domain.answers import Answers
from quickscan_app.domain.library import Library
from quickscan_app.domain.questionnaire import UNKNOWN, Question, QuestionType
from quickscan_app.domain.risk import Factor, Level, Method
from quickscan_app.engine import assess
from quickscan_app.engine.measure_effects import CORE_SIZE, apply_guarantees
from quickscan_app.engine.proposals import ProposalKind
from quickscan_app.engine.scoring import reason_counts, strongest_first
from tests.conftest import EXAMPLES

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def v2(shipped: ContentSet) -> Library:
    library = shipped.library("scan-detection", 2)
    assert library.risk_model.method is Method.THREAT_EXPOSURE
    return library


@pytest.fixture(scope="module")
def examples(shipped: ContentSet, v2: Library) -> dict[str, Answers]:
    result = {}
    for name in EXAMPLE_FILES:
        loaded = load_answer_file(EXAMPLES / name, shipped)
        assert loaded.library is v2, f"{name} is not on version 2"
        result[name] = loaded.answers
    return result


def dims(scores) -> dict[str, tuple[int, int]]:
    return {s.scenario_id: (s.likelihood, s.impact) for s in scores}


def known_values(question: Question) -> list:
    """Every known answer of a question (multiple choice: every subset, empty excluded)."""
    if question.type is QuestionType.MULTIPLE_CHOICE:
        ids = question.option_ids
        return [list(c) for n in range(1, len(ids) + 1) for c in combinations(ids, n)]
    if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
        return list(question.option_ids)
    if question.type is QuestionType.NUMBER:
        low = int(question.min or 0)
        high = int(question.max if question.max is not None else 100)
        return sorted({low, 1, 2, 3, 5, 6, 9, 10, 49, 50, 69, 70, high} & set(range(low, high + 1)))
    return []


def test_unknown_is_the_worst_case_for_every_question(
    v2: Library, examples: dict[str, Answers]
) -> None:
    """On every example, "unknown" scores at least as high as any known answer, per scenario."""
    checked = 0
    for name, answers in examples.items():
        visible = set(assess(v2, answers).visible)
        for question in v2.questionnaire.questions:
            if not question.allow_unknown or question.id not in visible:
                continue
            unknown = dims(assess(v2, {**answers, question.id: UNKNOWN}).scenarios)
            for value in known_values(question):
                known = dims(assess(v2, {**answers, question.id: value}).scenarios)
                for scenario, (likelihood, impact) in known.items():
                    worst = unknown[scenario]
                    assert worst[0] >= likelihood and worst[1] >= impact, (
                        f"{name}: {question.id}={value!r} scores {scenario} "
                        f"L{likelihood}/I{impact}, unknown only L{worst[0]}/I{worst[1]}"
                    )
                checked += 1
    assert checked > 300


def test_a_guaranteeing_measure_scores_as_its_guaranteed_answers(
    v2: Library, examples: dict[str, Answers]
) -> None:
    """residual(answers, [m]) == score(answers with m's guarantees), on every example."""
    measures = [m for m in v2.catalogue.measures if m.guarantees]
    assert len(measures) >= 20
    for name, answers in examples.items():
        for measure in measures:
            residual = assess(v2, answers, [measure.id]).residual
            guaranteed = assess(v2, apply_guarantees(v2.questionnaire, answers, [measure]))
            assert dims(residual) == dims(guaranteed.scenarios), (name, measure.id)


def test_paper_measures_take_one_step_and_keep_open_routes_at_medium(
    v2: Library, examples: dict[str, Answers]
) -> None:
    paper = [m.id for m in v2.catalogue.measures if not m.guarantees]
    for name, answers in examples.items():
        inherent = assess(v2, answers)
        plan = assess(v2, answers, paper)
        for before, after in zip(inherent.scenarios, plan.residual or (), strict=True):
            assert after.impact == before.impact, (name, before.scenario_id)
            assert after.likelihood >= before.likelihood - 1, (name, before.scenario_id)
            assert before.factors is not None
            if before.factors.open_technical_path and before.level.at_least(Level.MEDIUM):
                assert after.level.at_least(Level.MEDIUM), (name, before.scenario_id)


def test_impact_five_only_with_national_security_tasks_or_classified_information(
    v2: Library, examples: dict[str, Answers]
) -> None:
    for answers in examples.values():
        for tasks in ("yes", "no"):
            for classification in ("none", "intern", "dep_vertrouwelijk", "state_secret"):
                case = {**answers, "national_security_tasks": tasks, "ns_use_planned": "no",
                        "classification": classification, "process_criticality": "critical",
                        "fleet_share_percent": 100, "number_of_units": 50,
                        "fallback_controls": "none", "max_tolerable_downtime": "hours"}  # fmt: skip
                top = max(s.impact for s in assess(v2, case).scenarios)
                if tasks == "no" and classification in ("none", "intern"):
                    assert top <= 4, (tasks, classification)


def test_control_gaps_raise_likelihood_never_impact(v2: Library) -> None:
    model = v2.risk_model
    for rule in model.rules:
        group = model.group_by_id[rule.group or ""]
        if group.factor is not Factor.IMPACT:
            assert all(e.dimension.value == "likelihood" for e in rule.effects), rule.id


def test_a_group_counts_at_most_its_cap(v2: Library, examples: dict[str, Answers]) -> None:
    for answers in examples.values():
        for score in assess(v2, answers).scenarios:
            assert score.factors is not None
            for group in score.factors.groups:
                cap = v2.risk_model.group_by_id[group.group_id].cap
                assert group.counted == min(cap, group.raw)
            assert score.factors.raw_likelihood_points >= sum(
                g.counted for g in score.factors.groups if g.factor is not Factor.IMPACT
            )


def test_state_controlled_supplier_with_any_access_is_high_and_consulted(
    v2: Library, examples: dict[str, Answers]
) -> None:
    """A merely supporting parcel scanner: ownership and law decide, not the scanner's role."""
    answers = {
        **examples["parcel-scanner-standalone.yaml"],
        "process_criticality": "supporting", "state_ownership": "majority_other_state",
        "intelligence_cooperation_law": "yes", "remote_maintenance": "yes",
        "remote_channel": ["mobile_data"], "remote_session_initiator": "always_on",
        "remote_session_logging": "none", "remote_access_mfa": "no",
        "remote_access_outside_eu": "yes",
    }  # fmt: skip
    result = assess(v2, answers)
    state = next(s for s in result.scenarios if s.scenario_id == "state_influence")
    assert state.level.at_least(Level.HIGH)
    assert "consult_security_services" in {e.id for e in result.escalations}


def test_a_vendor_without_state_ties_is_not_scored_as_state_influenced(
    v2: Library, examples: dict[str, Answers]
) -> None:
    """Data flows alone do not make state influence high: who owns and steers the supplier does."""
    answers = {
        **examples["air-cargo-networked.yaml"],
        "telemetry": "yes", "telemetry_content": ["scan_images", "cargo_data"],
        "data_storage_location": "eu_access_non_eu", "supplier_sees_information": "stores_copies",
    }  # fmt: skip
    state = next(s for s in assess(v2, answers).scenarios if s.scenario_id == "state_influence")
    assert not state.level.at_least(Level.HIGH)


def test_contract_terms_that_cannot_exist_yet_are_tasks_not_risk(
    v2: Library, examples: dict[str, Answers]
) -> None:
    terms = {"exit_plan": "yes", "vulnerability_management": "yes",
             "incident_response_supplier": "yes", "audit_right": "yes",
             "prior_assessment": "recent"}  # fmt: skip
    for name, answers in examples.items():
        missing = assess(v2, {**answers, **{q: "no" for q in terms if q != "prior_assessment"},
                              "prior_assessment": "none"})  # fmt: skip
        arranged = assess(v2, {**answers, **terms})
        assert dims(missing.scenarios) == dims(arranged.scenarios), name
        todo = {p.measure_id for p in missing.proposals if p.kind is ProposalKind.OBLIGATION}
        assert {"exit_strategy", "external_audit_right"} <= todo, name
        done = {p.measure_id for p in arranged.proposals}
        assert not {"exit_strategy", "external_audit_right"} & done, name


def test_proposals_leave_out_what_is_in_place_and_rank_direct_fixes_first(
    v2: Library, examples: dict[str, Answers]
) -> None:
    for name, answers in examples.items():
        result = assess(v2, answers)
        kinds = [p.kind for p in result.proposals]
        assert kinds == sorted(kinds, key=list(ProposalKind).index), name
        core = [p for p in result.proposals if p.core and p.kind is not ProposalKind.OBLIGATION]
        assert len(core) <= CORE_SIZE, name
        for proposal in result.proposals:
            measure = v2.catalogue.by_id[proposal.measure_id]
            if measure.guarantees:
                # Already in place: its guarantees change nothing, so it is not proposed.
                assert apply_guarantees(v2.questionnaire, answers, [measure]) != answers, (
                    name, measure.id,
                )  # fmt: skip
    standalone = assess(v2, examples["parcel-scanner-standalone.yaml"])
    assert "standalone_operation" not in {p.measure_id for p in standalone.proposals}


def test_alternatives_count_once_and_are_marked(v2: Library, examples: dict[str, Answers]) -> None:
    # A new purchase with other credible suppliers (excluding the incumbent's maintenance of its
    # own installed base is not feasible, so that case proposes neither).
    answers = {**examples["container-fleet-maintenance.yaml"], "credible_suppliers": 3,
               "object_category": "x_ray_container", "supplier_known": "open_market"}  # fmt: skip
    assert not {"national_security_exclusion", "high_risk_suppliers_out_of_critical_assets"} & {
        p.measure_id for p in assess(v2, examples["container-fleet-maintenance.yaml"]).proposals
    }
    result = assess(v2, answers)
    by_id = {p.measure_id: p for p in result.proposals}
    pair = ("national_security_exclusion", "high_risk_suppliers_out_of_critical_assets")
    assert set(pair) <= set(by_id)
    assert by_id[pair[0]].alternatives == (pair[1],)
    assert [by_id[m].core for m in pair].count(True) <= 1
    one = assess(v2, answers, [pair[0]])
    both = assess(v2, answers, list(pair))
    assert dims(one.residual) == dims(both.residual)


def test_removing_an_access_path_lowers_likelihood(
    v2: Library, examples: dict[str, Answers]
) -> None:
    """The public-record question: a technician's mobile data link to the head office."""
    answers = {**examples["parcel-scanner-standalone.yaml"], "remote_maintenance": "yes",
               "remote_channel": ["mobile_data"], "remote_session_initiator": "supplier_on_demand",
               "remote_session_logging": "none", "remote_access_mfa": "no",
               "remote_access_outside_eu": "yes", "wireless_interfaces": "yes",
               "intelligence_cooperation_law": "yes"}  # fmt: skip
    before = dims(assess(v2, answers).scenarios)
    after = dims(assess(v2, {**answers, "remote_maintenance": "no",
                             "wireless_interfaces": "no"}).scenarios)  # fmt: skip
    for scenario in ("espionage", "manipulation", "state_influence"):
        assert after[scenario][0] < before[scenario][0], scenario


def test_reasons_strongest_first_and_folded_when_they_change_nothing(
    v2: Library, examples: dict[str, Answers]
) -> None:
    result = assess(v2, examples["container-fleet-maintenance.yaml"])
    espionage = next(s for s in result.scenarios if s.scenario_id == "espionage")
    counts = reason_counts(v2.risk_model, espionage)
    assert any(counts) and not all(counts)
    ordered = strongest_first(v2.risk_model, espionage)
    flags = [c for _, c in ordered]
    assert flags == sorted(flags, reverse=True)
    assert all(r.group for r, _ in ordered)


def test_escalation_on_an_unknown_answer_is_marked_as_an_assumption(
    v2: Library, examples: dict[str, Answers]
) -> None:
    answers = {**examples["parcel-scanner-standalone.yaml"], "classification": UNKNOWN}
    result = assess(v2, answers)
    assert "abro" in {e.id for e in result.escalations}
    assert result.assumed_escalations["abro"] == ("classification",)
    sure = assess(v2, {**answers, "classification": "dep_vertrouwelijk"})
    assert "abro" not in sure.assumed_escalations


def test_the_examples_tell_cases_apart(v2: Library, examples: dict[str, Answers]) -> None:
    levels = {n: [s.level for s in assess(v2, a).scenarios] for n, a in examples.items()}
    for a, b in combinations(levels, 2):
        assert sum(x != y for x, y in zip(levels[a], levels[b], strict=True)) >= 4, (a, b)
    for name, answers in examples.items():
        at_five = [s.scenario_id for s in assess(v2, answers).scenarios if s.likelihood == 5]
        assert len(at_five) <= 3, (name, at_five)


@pytest.mark.parametrize(
    ("where", "old", "new", "message"),
    [
        ("mitigations/scan-detection-measures-v2.yaml",
         '{question: wireless_interfaces, answer: "no"}',
         "{question: wireless_interfaces, answer: maybe}", "guaranteed answer"),
        ("mitigations/scan-detection-measures-v2.yaml",
         "alternatives: [third_country_operators_exclusion]", "alternatives: [exit_strategy]",
         "must name 'third_country_operators_conditions' as its alternative too"),
        ("questionnaires/scan-detection-v2.risk.yaml",
         "  - id: long_contract\n    group: continuity\n", "  - id: long_contract\n",
         "needs a group"),
        ("questionnaires/scan-detection-v2.risk.yaml",
         "  - id: staff_not_screened\n    group: screening\n    when: {question: staff_screening, "
         "equals: none}\n    effects:\n      - {scenario: third_party_misuse, "
         "dimension: likelihood",
         "  - id: staff_not_screened\n    group: screening\n    when: {question: staff_screening, "
         "equals: none}\n    effects:\n      - {scenario: third_party_misuse, dimension: impact",
         "acts on likelihood, not impact"),
    ],
)  # fmt: skip
def test_validate_refuses_what_breaks_the_v2_rules(tmp_path, where, old, new, message) -> None:
    from quickscan_app.content import ContentError, load_content
    from tests.conftest import ROOT

    text = (ROOT / where).read_text(encoding="utf-8")
    assert old in text, old
    edited = tmp_path / (where.split("/")[-1])
    edited.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_content(extra=[edited])
    assert message in str(refused.value)
    assert edited.name in str(refused.value)


def test_the_bidder_check_tells_bidders_apart(v2: Library, examples: dict[str, Answers]) -> None:
    """At award, an EU bidder without state ties and a state-owned one under a compelled-
    cooperation law, both meeting every requirement of the same plan, score differently."""
    from quickscan_app.domain.bidders import Response, bidder_requirements
    from quickscan_app.engine.bidders import check_bidder

    answers = examples["air-cargo-networked.yaml"]
    chosen = [p.measure_id for p in assess(v2, answers).proposals if p.core]
    met = {m.id: (Response.MET, "") for m in bidder_requirements(v2, chosen)}
    clean = {"supplier_home_state": "eu_eea", "parent_home_state": "eu_eea",
             "state_ownership": "none", "intelligence_cooperation_law": "no",
             "offensive_cyber_state": "no", "remote_access_outside_eu": "no",
             "foreign_staff_access": "no"}  # fmt: skip
    linked = {**clean, "supplier_home_state": "other_third_country",
              "parent_home_state": "other_third_country", "state_ownership": "majority_other_state",
              "intelligence_cooperation_law": "yes", "offensive_cyber_state": "yes"}  # fmt: skip
    eu = check_bidder(v2, answers, chosen, clean, met)
    state = check_bidder(v2, answers, chosen, linked, met)
    assert state.residual_level.rank > eu.residual_level.rank
    levels = {s.scenario_id: s.level for s in state.bidder.residual or ()}
    assert levels["state_influence"].at_least(Level.HIGH)
    assert state.worse and not eu.worse


def test_the_panel_folds_away_reasons_that_change_nothing(
    v2: Library, examples: dict[str, Answers]
) -> None:
    from quickscan_app.ui.risk_panel import folded_reasons_html, reasons_html

    espionage = assess(v2, examples["container-fleet-maintenance.yaml"]).scenarios[0]
    counts = reason_counts(v2.risk_model, espionage)
    shown = reasons_html(v2, espionage, "nl")
    folded = folded_reasons_html(v2, espionage, "nl")
    assert folded.startswith("<details><summary>") and f"({counts.count(False)})" in folded
    assert shown.count("<li>") == counts.count(True)
    assert "<script" not in folded and "&" not in folded.replace("&amp;", "").replace("&#x27;", "")
