"""Turning an assessment into JSON-ready data and a readable text summary, in NL or EN."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from babel.numbers import get_currency_symbol

from quickscan_app.domain.answers import AnswerValue, is_unknown
from quickscan_app.domain.library import Library
from quickscan_app.domain.questionnaire import Question, QuestionType
from quickscan_app.domain.risk import Factor, Level
from quickscan_app.domain.text import Lang
from quickscan_app.domain.versions import QuestionnaireDiff
from quickscan_app.engine.assessment import Assessment
from quickscan_app.engine.scoring import Reason, ScenarioScore, strongest_first
from quickscan_app.i18n import (
    format_amount,
    format_date,
    format_number,
    format_quantity,
    locale,
    plural,
    t,
)


class VersionImpactLike(Protocol):
    """What moving a dossier to a new version does (services.versions.VersionImpact): typed
    here by its shape, so this module does not reach up into the services."""

    carry: Any
    measures_dropped: tuple[str, ...]

    @property
    def risks_changed(self) -> list[tuple[str, str, str]]: ...


def answer_label(question: Question, value: AnswerValue, lang: Lang) -> str:
    """How an answer reads to a person: option labels, Dutch dates, and "Weet ik niet" for
    unknown, the words of the officer's checkbox (one label wherever an answer is shown)."""
    if is_unknown(value) and question.allow_unknown:
        return t("unknown", lang)
    if isinstance(value, list):
        return ", ".join(answer_label(question, v, lang) for v in value) or t("none", lang)
    if question.type is QuestionType.YES_NO:
        return t(str(value), lang)
    if isinstance(value, str):
        label = question.option_label(value)
        return label.get(lang) if label else value
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, int | float) and question.type is QuestionType.NUMBER:
        return number_label(question, value, lang)
    return str(value)


def number_label(question: Question, value: float, lang: Lang) -> str:
    """An amount as money ("€ 14.500.000"), else the number with the question's unit."""
    if question.currency is not None:
        return format_amount(value, lang, question.currency)
    if question.unit is None:
        return format_number(value, lang)
    one = question.unit_one.get(lang) if question.unit_one else None
    return format_quantity(value, lang, question.unit.get(lang), one)


def unit_suffix(question: Question, lang: Lang) -> str:
    """`` (jaar)``, `` (€)``, `` (%)`` after a number question's label; empty otherwise."""
    if question.currency is not None:
        return f" ({get_currency_symbol(question.currency, locale=locale(lang))})"
    return f" ({question.unit.get(lang)})" if question.unit is not None else ""


def reason_data(
    library: Library, reason: Reason, lang: Lang, counts: bool = True
) -> dict[str, Any]:
    questions = library.questionnaire.by_id
    group = library.risk_model.group_by_id.get(reason.group or "")
    return {
        "rule": reason.rule_id,
        "dimension": reason.dimension.value,
        "effect": reason.effect,
        **({"group": group.id, "group_title": group.title.get(lang)} if group else {}),
        "counts": counts,
        "reason": reason.text.get(lang),
        "answers": [
            {
                "question": a.question_id,
                "answer": answer_label(questions[a.question_id], a.given, lang),
                **(
                    {"assumed": answer_label(questions[a.question_id], a.scored, lang)}
                    if a.unknown
                    else {}
                ),
            }
            for a in reason.answers
        ],
    }


def assessment_data(library: Library, assessment: Assessment, lang: Lang) -> dict[str, Any]:
    """The ``quickscan score --json`` document."""
    model, catalogue = library.risk_model, library.catalogue
    questions = library.questionnaire.by_id
    data: dict[str, Any] = {
        "questionnaire": {"id": library.questionnaire.id, "version": library.questionnaire.version},
        "language": lang,
        "complete": assessment.complete,
        "open_required": list(assessment.open_required),
        "scenarios": [
            {
                "id": s.scenario_id,
                "title": model.scenario_by_id[s.scenario_id].title.get(lang),
                "likelihood": s.likelihood,
                "impact": s.impact,
                "level": s.level.value,
                "level_label": model.level_label(s.level).get(lang),
                **factors_data(s),
                **_reasons_data(library, s, lang),
            }
            for s in assessment.scenarios
        ],
        "overall_level": assessment.overall_level.value,
        "full_risk_analysis_required": assessment.full_risk_analysis_required,
        "escalations": [
            {
                "id": e.id,
                "title": e.title.get(lang),
                "reason": e.reason.get(lang),
                **(
                    {
                        "assumes_unknown": [
                            {"question": q, "text": questions[q].text.get(lang)}
                            for q in assessment.assumed_escalations[e.id]
                        ]
                    }
                    if e.id in assessment.assumed_escalations
                    else {}
                ),
            }
            for e in assessment.escalations
        ],
        "open_points": [
            {
                "question": p.question_id,
                "section": p.section_id,
                "text": questions[p.question_id].text.get(lang),
                "assumed": answer_label(questions[p.question_id], p.assumed, lang),
            }
            for p in assessment.open_points
        ],
        "proposed_measures": [
            {
                "id": p.measure_id,
                "title": catalogue.by_id[p.measure_id].title.get(lang),
                "kind": catalogue.by_id[p.measure_id].kind.value,
                "phase": catalogue.by_id[p.measure_id].phase.value,
                "reduction": p.reduction,
                "scenarios": list(p.scenario_ids),
                "proposal_kind": p.kind.value,
                "core": p.core,
                "alternatives": list(p.alternatives),
            }
            for p in assessment.proposals
        ],
    }
    if assessment.residual is not None:
        data["residual"] = {
            "overall_level": assessment.residual_level.value if assessment.residual_level else None,
            "scenarios": [
                {
                    "id": r.scenario_id,
                    "likelihood": r.likelihood,
                    "impact": r.impact,
                    "level": r.level.value,
                    "measures": list(r.measure_ids),
                }
                for r in assessment.residual
            ],
        }
    return data


FACTOR_ORDER = {factor: i for i, factor in enumerate(Factor)}


def _reasons_data(library: Library, score: ScenarioScore, lang: Lang) -> dict[str, Any]:
    """The reasons, strongest cause first, and the "unknown" answers the score rests on."""
    ordered = strongest_first(library.risk_model, score)
    resting = [a.question_id for r, counts in ordered if counts for a in r.answers if a.unknown]
    return {
        "rests_on_unknown": list(dict.fromkeys(resting)),
        "reasons": [reason_data(library, r, lang, counts) for r, counts in ordered],
    }


def factors_data(score: ScenarioScore) -> dict[str, Any]:
    """Threat, exposure and the raw points behind a version-2 score (nothing for version 1)."""
    f = score.factors
    if f is None:
        return {}
    return {
        "threat": f.threat,
        "exposure": f.exposure,
        "exposure_step": f.control_step,
        "raw_points": {"likelihood": f.raw_likelihood_points, "impact": f.raw_impact_points},
        "groups": [
            {"id": g.group_id, "factor": g.factor.value, "raw": g.raw, "counted": g.counted}
            for g in sorted(f.groups, key=lambda g: (FACTOR_ORDER[g.factor], -g.counted))
        ],
    }


def summary_text(library: Library, assessment: Assessment, lang: Lang) -> str:
    """A readable summary for the terminal."""
    data = assessment_data(library, assessment, lang)
    model = library.risk_model
    label = {lv.id.value: lv.label.get(lang) for lv in model.levels}
    lines = [
        f"{library.questionnaire.title.get(lang)} (v{library.questionnaire.version})",
        f"{t('overall_level', lang)}: {label[data['overall_level']].upper()}",
        t("full_analysis_yes" if data["full_risk_analysis_required"] else "full_analysis_no", lang),
        "",
        f"{t('scenarios', lang)}:",
    ]
    for s in data["scenarios"]:
        lines.append(
            f"  {label[s['level']]:<10} {s['title']}  "
            f"({t('likelihood', lang)} {s['likelihood']}, {t('impact', lang)} {s['impact']})"
        )
        folded = False
        for r in s["reasons"]:
            if not r["counts"] and not folded:
                lines.append(f"      ({t('reasons_folded', lang)}:)")
                folded = True
            answers = "; ".join(
                a["answer"] + (f" → {t('assumed', lang)}: {a['assumed']}" if "assumed" in a else "")
                for a in r["answers"]
            )
            lines.append(
                f"      {t(r['dimension'], lang)} {r['effect']}: {r['reason']} [{answers}]"
            )
    sections = [
        ("escalations", [f"{e['title']}: {e['reason']}" for e in data["escalations"]]),
        (
            "open_points",
            [f"{p['text']} → {t('assumed', lang)}: {p['assumed']}" for p in data["open_points"]],
        ),
        ("open_required", data["open_required"]),
        (
            "proposed_measures",
            [
                f"{m['title']} ({t('reduction', lang)} {m['reduction']})"
                for m in data["proposed_measures"]
            ],
        ),
    ]
    for key, items in sections:
        if items:
            lines += ["", f"{t(key, lang)}:", *(f"  - {item}" for item in items)]
    if "residual" in data:
        lines += [
            "",
            f"{t('residual_level', lang)}: {label[data['residual']['overall_level']].upper()}",
        ]
        titles = {s["id"]: s["title"] for s in data["scenarios"]}
        for r in data["residual"]["scenarios"]:
            lines.append(f"  {label[r['level']]:<10} {titles[r['id']]}")
    return "\n".join(lines)


def diff_data(diff: QuestionnaireDiff, lang: Lang) -> dict[str, Any]:
    """A questionnaire diff in JSON types, with question texts in ``lang``."""
    old, new = diff.old, diff.new
    sections = {s.id: s.title.get(lang) for s in (*old.sections, *new.sections)}

    def entry(questionnaire, question_id: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        return {
            "question": question_id,
            "section": sections[questionnaire.section_of[question_id]],
            "text": questionnaire.by_id[question_id].text.get(lang),
        }

    return {
        "questionnaire": new.id,
        "from": old.version,
        "to": new.version,
        "added": [entry(new, q) for q in diff.added],
        "removed": [entry(old, q) for q in diff.removed],
        "changed": [
            {
                **entry(new, c.question),
                "parts": list(c.parts),
                "options_added": list(c.options_added),
                "options_removed": list(c.options_removed),
            }
            for c in diff.changed
        ],
    }


def diff_lines(diff: QuestionnaireDiff, lang: Lang) -> list[str]:
    """``+`` added, ``-`` removed, ``~`` changed (with what changed), one question a line."""
    data = diff_data(diff, lang)
    lines = [
        t("diff.summary", lang).format(
            id=data["questionnaire"], old=data["from"], new=data["to"],
            added=len(data["added"]), removed=len(data["removed"]), changed=len(data["changed"]),
        )
    ]  # fmt: skip
    for sign, key in (("+", "added"), ("-", "removed")):
        lines += [f"{sign} {e['question']} ({e['section']}): {e['text']}" for e in data[key]]
    for e in data["changed"]:
        what = [t(f"diff.part.{p}", lang) for p in e["parts"]]
        options = [f"+{o}" for o in e["options_added"]] + [f"-{o}" for o in e["options_removed"]]
        detail = ", ".join(what) + (f" ({' '.join(options)})" if options else "")
        lines.append(f"~ {e['question']} ({e['section']}): {detail}")
    return lines


def impact_lines(found: VersionImpactLike, lang: Lang) -> list[str]:
    """What moving one dossier would do to its answers and risks."""
    carry = found.carry
    lines = [
        plural("diff.kept", len(carry.kept), lang),
        *(t("diff.dropped", lang).format(question=q, why=why) for q, why in carry.dropped.items()),
        *(
            plural("diff.trimmed", len(options), lang, question=q, options=", ".join(options))
            for q, options in carry.trimmed.items()
        ),
        *(t("diff.review", lang).format(question=q) for q in carry.to_review),
        *(t("diff.new_question", lang).format(question=q) for q in carry.new_questions),
        *(t("diff.measure_dropped", lang).format(measure=m) for m in found.measures_dropped),
    ]
    levels = {lv.value: t(f"level.{lv.value}", lang) for lv in Level}
    lines += [
        t("diff.risk", lang).format(scenario=s, before=levels.get(a, a), after=levels.get(b, b))
        for s, a, b in found.risks_changed
    ]
    if not found.risks_changed:
        lines.append(t("diff.risk_same", lang))
    return lines
