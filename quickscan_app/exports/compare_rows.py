"""Bidders side by side as rows of text: one row per aspect, the plan's expectation, then a
column per bidder. The page (an HTML table) and the award report's PDF table and spreadsheet
sheet all show these rows, so they say the same thing."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from quickscan_app.domain.bidder_compare import Column, Comparison, ScenarioLevel, of_records
from quickscan_app.domain.text import Lang
from quickscan_app.exports.registers import level_label, scenario_titles
from quickscan_app.exports.source import ExportSource
from quickscan_app.i18n import t

NOTHING = "—"
CHANGE_KEYS = {1: "compare.higher", -1: "compare.lower"}

Text = Callable[[Column], str]


class Aspect(NamedTuple):
    name: str
    plan: str
    """What the plan expects of every bidder."""
    answered: Text
    silent: Text = lambda column: NOTHING
    """The text for a bidder that did not answer."""


def column_title(column: Column) -> str:
    return f"{column.number}. {column.name}"


def compare_rows(
    comparison: Comparison,
    lang: Lang,
    *,
    scenario_title: Callable[[str], str],
    measure_title: Callable[[str], str],
    level_label: Callable[[str], str],
) -> list[dict[str, str]]:
    """The rows, each a mapping from column heading to text; the first column names the
    aspect, the second is the plan, then one per bidder."""

    def level(cell: ScenarioLevel | None) -> str:
        if cell is None:
            return NOTHING
        if cell.bidder is None:
            return t("compare.not_higher", lang).format(plan=level_label(cell.plan))
        key = CHANGE_KEYS.get(cell.change)
        own = level_label(cell.bidder)
        return t(key, lang).format(level=own, plan=level_label(cell.plan)) if key else own

    def status(c: Column) -> str:
        return t(f"ui.award.status.{c.status}", lang)

    requirements = comparison.requirements
    aspects = [
        Aspect(t("compare.status", lang), NOTHING, status, status),
        *(
            Aspect(
                scenario_title(scenario),
                level_label(planned),
                lambda c, s=scenario: level((c.scenarios or {}).get(s)),
            )
            for scenario, planned in comparison.scenarios
        ),
        Aspect(
            t("compare.residual", lang),
            level_label(comparison.plan_residual) if comparison.plan_residual else NOTHING,
            lambda c: level(c.residual),
        ),
        Aspect(
            t("compare.met", lang),
            t("compare.all", lang).format(count=requirements),
            lambda c: t("compare.of", lang).format(count=c.met, total=requirements),
        ),
        Aspect(t("compare.not_met", lang), "0", lambda c: str(c.not_met)),
        Aspect(t("compare.unknown", lang), "0", lambda c: str(c.unknown)),
        Aspect(
            t("compare.knock_outs", lang),
            t("none", lang),
            lambda c: "\n".join(measure_title(m) for m in c.knock_outs) or t("none", lang),
        ),
        Aspect(t("compare.open_evidence", lang), "0", lambda c: str(c.open_evidence)),
        Aspect(
            t("compare.outcome", lang),
            t("ui.award.verdict.fits", lang),
            lambda c: t(f"ui.award.verdict.{c.verdict}", lang),
            lambda c: t("compare.not_answered", lang),
        ),
    ]
    heading, plan = t("compare.col.aspect", lang), t("compare.col.plan", lang)
    return [
        {
            heading: a.name,
            plan: a.plan,
            **{
                column_title(c): (a.answered if c.answered else a.silent)(c)
                for c in comparison.columns
            },
        }
        for a in aspects
    ]


def award_comparison(src: ExportSource) -> Comparison:
    """An award report's approved checks beside the plan its snapshot holds."""
    results = src.snapshot["results"]
    residual = results.get("residual") or {}
    after = {r["id"]: r["level"] for r in residual.get("scenarios", [])}
    plan = [(s["id"], after.get(s["id"], s["level"])) for s in results["scenarios"]]
    overall = residual.get("overall_level") or results["overall_level"]
    return of_records(src.bidders, plan, overall)


def award_rows(src: ExportSource) -> list[dict[str, str]]:
    """The award report's comparison as rows, in the report's language and words."""
    titles = {m["id"]: m["title"] for m in src.snapshot["measures"]}
    scenarios = scenario_titles(src)
    return compare_rows(
        award_comparison(src), src.lang,
        scenario_title=lambda s: scenarios.get(s, s),
        measure_title=lambda m: titles.get(m, m),
        level_label=lambda level: level_label(src, level),
    )  # fmt: skip
